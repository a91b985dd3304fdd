"""The public verification page of a letter (the QR code on every PDF points here), and the
admin instansi's kop surat page."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from sikerja.akses import Permintaan, peran_required

from . import jenis as jenis_mod
from . import selectors, services
from .errors import SuratError
from .forms import KopForm
from .models import KopSurat


def verifikasi(request: HttpRequest, kode: str) -> HttpResponse:
    """Public: a letter's number, date, kind, status and the names on it — nothing else (no NIP)."""
    s = selectors.dari_kode(kode)
    if s is None:
        return render(request, "surat/verifikasi.html", {"surat": None}, status=404)
    ctx = {
        "surat": s,
        # The heading on the paper first (SURAT TUGAS), then what the regulation calls it when they differ.
        "jenis_cetak": jenis_mod.judul_cetak(s.jenis), "jenis_judul": jenis_mod.judul(s.jenis),
        "penandatangan": s.isi.get("penandatangan", {}).get("nama", s.penandatangan.nama),
        "kepada": [k["nama"] for k in s.isi.get("kepada", [])],
        "tembusan": [t["nama"] for t in s.isi.get("tembusan", [])],
        "pegawai": [p["nama"] for p in s.isi.get("pegawai", [])],
        "pengganti": s.koreksi.values_list("nomor", flat=True).first() if s.status == "dikoreksi" else None,
        "dicabut": s.status == "dicabut", "dikoreksi": s.status == "dikoreksi",
    }
    return render(request, "surat/verifikasi.html", ctx)


@peran_required("admin_instansi")
def kop(request: Permintaan) -> HttpResponse:
    """Pengaturan → Kop Surat: the instansi's kop and, optionally, one per Perangkat Daerah
    (Permendagri 1/2023, Lampiran, kop naskah dinas). Letters issued later use it."""
    instansi = request.user.instansi
    pd = selectors.perangkat_daerah(instansi)
    pilihan = [(str(u.pk), u.nama) for u in pd]
    raw = request.POST.get("unit") if request.method == "POST" else request.GET.get("unit")
    unit_id = int(raw) if raw and raw.isdigit() else None
    obj = KopSurat.objects.filter(instansi=instansi, unit_id=unit_id).select_related("lambang").first()
    awal = {"unit": unit_id, "nama_pemda": obj.nama_pemda if obj else instansi.nama}
    form = KopForm(request.POST or None, request.FILES or None, instance=obj, initial=awal, pilihan_unit=pilihan)
    if request.method == "POST" and form.is_valid():
        c = form.cleaned_data
        try:
            services.simpan_kop(oleh=request.user, instansi=instansi, unit_id=c.get("unit"), lambang=c.get("lambang"),
                                hapus_lambang=bool(c.get("hapus_lambang")), **{f: c.get(f) or "" for f in services.FIELD_KOP})
        except SuratError as e:
            form.add_error("lambang" if "ambang" in e.pesan else None, e.pesan)
        else:
            messages.success(request, "Kop surat disimpan; berlaku untuk surat yang diterbitkan sesudah ini.")
            return redirect(f"{request.path}?unit={c.get('unit') or ''}")
    daftar = KopSurat.objects.filter(instansi=instansi).select_related("unit", "lambang").order_by("unit__nama")
    from sikerja.organisasi.selectors import riwayat_pengaturan

    return render(request, "surat/kop.html", {"form": form, "kop": obj, "daftar": daftar, "unit_id": unit_id,
                                              "riwayat": riwayat_pengaturan(instansi.id, awalan="kop surat")},
                  status=400 if form.errors else 200)
