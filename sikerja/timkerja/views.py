"""Tim kerja pages: list, "Tim saya", create, detail with every action, matriks peran hasil,
unit workload, letters and evidence downloads.

Views are thin: they read through ``selectors``, act through ``services`` and show a refused
step as a message naming the article (403/404 only where there is nothing to show).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from sikerja import galat
from sikerja.akses import Permintaan, instansi_required
from sikerja.jejak import selectors as jejak_selectors
from sikerja.organisasi.models import Pegawai, UnitOrganisasi
from sikerja.organisasi.vocab import LABEL_JENIS_JABATAN
from sikerja.surat import selectors as surat_selectors

from . import alur, aturan, selectors, services
from .models import BuktiLaporan, Kendala, LaporanTim, PejabatPengganti, TimKerja


def _tanggal(v: str | None) -> date | None:
    try:
        return date.fromisoformat(v or "")
    except ValueError:
        return None


def _baris(v: str | None) -> list[str]:
    return [x.strip() for x in (v or "").splitlines() if x.strip()]


def _int(v: str | None) -> int | None:
    return int(v) if v and v.strip().isdigit() else None


@instansi_required
def daftar(request: Permintaan) -> HttpResponse:
    # The columns the list shows (a page of 50 teams with three whole joined rows cost 8 ms to build).
    qs = (selectors.tim_terlihat(request.user).select_related("unit_pemilik", "ketua")
          .only("nama", "perlu_konfirmasi", "pola", "status", "masa_mulai", "masa_selesai", "unit_pemilik__nama",
                "ketua__nama").order_by("-dibuat", "-id"))
    status = request.GET.get("status", "")
    if status in alur.STATUS:
        qs = qs.filter(status=status)
    halaman = Paginator(qs, 50).get_page(request.GET.get("hal"))
    return render(request, "timkerja/daftar.html", {"halaman": halaman, "status": status, "semua_status": alur.STATUS})


@instansi_required
def tim_saya(request: Permintaan) -> HttpResponse:
    p = request.user.pegawai
    if p is None:
        raise PermissionDenied("Akun Anda tidak terhubung ke data pegawai.")
    keanggotaan = list(selectors.tim_saya(p))
    hari = timezone.localdate()
    beban = selectors.beban_pegawai([p.id], hari, hari, kapasitas_bawaan=p.instansi.ambang_beban_kerja)[p.id]
    diketuai = TimKerja.objects.filter(ketua=p, status__in=alur.BERJALAN).select_related("unit_pemilik")
    return render(request, "timkerja/saya.html", {"keanggotaan": keanggotaan, "beban": beban, "diketuai": diketuai})


def _unit_dipimpin(p: Pegawai | None) -> list[UnitOrganisasi]:
    if p is None or not p.kepala_unit:
        return []
    ids = selectors.unit_dalam(p.unit)
    return list(UnitOrganisasi.objects.filter(id__in=ids, aktif=True).order_by("level", "nama"))


@instansi_required
def buat(request: Permintaan) -> HttpResponse:
    units = _unit_dipimpin(request.user.pegawai)
    nilai: dict[str, Any] = {"jadwal_laporan": "bulanan"}
    if request.method == "POST":
        nilai = request.POST.dict()
        data = services.DataTim(
            nama=request.POST.get("nama", ""), unit_pemilik_id=_int(request.POST.get("unit_pemilik")) or 0,
            masa_mulai=_tanggal(request.POST.get("masa_mulai")),  # type: ignore[arg-type]
            masa_selesai=_tanggal(request.POST.get("masa_selesai")),  # type: ignore[arg-type]
            target=_baris(request.POST.get("target")), tujuan=request.POST.get("tujuan", ""),
            justifikasi_target=request.POST.get("justifikasi_target", ""),
            justifikasi_beban=request.POST.get("justifikasi_beban", ""),
            justifikasi_kompetensi=request.POST.get("justifikasi_kompetensi", ""),
            jadwal_laporan=request.POST.get("jadwal_laporan", "bulanan"))
        try:
            tim = services.buat_draf(pengguna=request.user, data=data)
        except galat.KesalahanPengguna as e:
            messages.error(request, e.pesan)
        else:
            messages.success(request, "Draf tim kerja dibuat. Tambahkan anggota dan tentukan ketua.")
            return redirect("timkerja:detail", tim.pk)
    return render(request, "timkerja/buat.html", {"units": units, "nilai": nilai, "jadwal": TimKerja.JADWAL})


def _ambil(request: Permintaan, pk: int) -> TimKerja:
    try:
        return services.ambil_untuk(request.user, pk)
    except galat.TidakDitemukan:
        raise Http404("Tim kerja tidak ditemukan.") from None


@instansi_required
def detail(request: Permintaan, pk: int) -> HttpResponse:
    tim = _ambil(request, pk)
    p = request.user.pegawai
    pid = p.id if p else None
    a = aturan.aturan_tim(tim.instansi.profil)
    anggota = selectors.anggota_halaman(tim_id=tim.pk)
    aktif = [x for x in anggota if x.status == "aktif"]
    beban = selectors.beban_pegawai([x.pegawai_id for x in aktif], tim.masa_mulai, tim.masa_selesai,
                                    kapasitas_bawaan=tim.instansi.ambang_beban_kerja)
    for x in anggota:
        x.beban = beban.get(x.pegawai_id)  # type: ignore[attr-defined]
    pengelola = services.mengelola(tim, pid)
    hari = timezone.localdate()
    permohonan = services.permohonan_tim(tim) if pengelola else []
    dibawa = [(pr, r.pegawai) for pr in permohonan if pr.status == "ditugaskan" for r in pr.penerima.all()
              if r.pegawai_id not in {x.pegawai_id for x in aktif}]
    pembentuk = services.bertindak_sebagai_pembentuk(tim, pid)
    laporan = selectors.laporan_halaman(tim_id=tim.pk)
    permintaan = selectors.permintaan_halaman(tim_id=tim.pk)
    boleh_ketua = (pembentuk and tim.status == "draf") or (
        pid == (tim.penandatangan_id or tim.pembentuk_id) and tim.status in alur.BERJALAN)
    ctx = {
        "tim": tim, "aturan": a, "url_aksi": reverse("timkerja:aksi", args=[tim.pk]),
        "anggota": anggota, "aktif": aktif,
        "instrumen": aturan.instrumen(a, tim.pola), "pengelola": pengelola,
        "pembentuk": pid == tim.pembentuk_id, "penandatangan": pid == (tim.penandatangan_id or tim.pembentuk_id),
        "koordinator": pid == tim.koordinator.id, "anggota_saya": any(x.pegawai_id == pid for x in aktif),
        # Proposed ketua: for the pembentuk, while the form to choose one is shown.
        "kandidat_ketua": selectors.kandidat_ketua(tim, a.ketua_jenis_jabatan, aktif=aktif)
        if pembentuk and boleh_ketua else [],
        # The "add member" autocomplete's scope (selectors.lingkup_anggota): the team's own candidates.
        "lingkup_anggota": f"timkerja_anggota:{tim.pk}", "permohonan": permohonan, "dibawa": dibawa,
        "lingkup_dituju": _lingkup_dituju(tim) if pengelola else "",
        "surat": surat_selectors.untuk_halaman(tim),
        "jejak": [{"j": j, "label": alur.TABEL.label_aksi.get(j.aksi, j.aksi),
                   "dari": alur.STATUS.get(j.dari_status, j.dari_status), "ke": alur.STATUS.get(j.ke_status, j.ke_status)}
                  for j in jejak_selectors.untuk_halaman(tim)],
        "target_teks": "\n".join(tim.target),
        "label_ketua": ", ".join(LABEL_JENIS_JABATAN.get(j, j) for j in a.ketua_jenis_jabatan),
        "kendala": selectors.kendala_halaman(tim_id=tim.pk),
        "laporan": laporan, "permintaan": permintaan,
        "terlambat": selectors.laporan_terlambat(tim, hari, laporan, permintaan), "hari_ini": hari,
        "riwayat_ketua": selectors.riwayat_ketua_halaman(tim_id=tim.pk),
        # TK-10: missing roles and roles proposed while staffing that the ketua has not set yet.
        "tanpa_peran": services.tanpa_peran(tim, aktif) if tim.status not in alur.AKHIR else [],
        "status": alur.STATUS, "pola": aturan.POLA,
        "bisa": {aksi: alur.boleh(aksi, tim.status) for aksi in alur.AKTOR},
        "boleh_ketua": boleh_ketua,
        "lingkup_kendala": Kendala._meta.get_field("lingkup").choices,
        "jenis_laporan": LaporanTim.JENIS,
    }
    return render(request, "timkerja/detail.html", ctx)


def _lingkup_dituju(tim: TimKerja) -> str:
    """The autocomplete scope of the official a lintas-unit request is addressed to: the one penugasan's
    lintas-unit path of this instansi names (PPK; PUO in Blitar; Pimpinan PD in Magelang). Chosen by
    name, not from a list of the first 200 pegawai of other units with their official looked up each."""
    from sikerja.penugasan import alur as alur_penugasan
    from sikerja.penugasan.services import varian_untuk

    return "penugasan_" + alur_penugasan.alur_dari("lintas_unit", varian_untuk(tim.instansi, "lintas_unit")).kepada


@require_POST
@instansi_required
def aksi(request: Permintaan, pk: int) -> HttpResponse:
    tim = _ambil(request, pk)
    u = request.user
    P = request.POST
    a = P.get("aksi", "")
    try:
        if a == "tambah_anggota":
            services.tambah_anggota(pengguna=u, tim_id=tim.pk, anggota=[services.DataAnggota(
                pegawai_id=_int(P.get("pegawai")) or 0, peran=P.get("peran", ""),
                kompetensi_dibutuhkan=[x.strip() for x in P.get("kompetensi", "").split(",")],
                porsi_persen=_int(P.get("porsi_persen")) or 0, penugasan_id=_int(P.get("penugasan")),
                masukan_ketua=P.get("masukan_ketua", ""), alasan_beban=P.get("alasan_beban", ""))])
            pesan = "Anggota ditambahkan."
        elif a == "peran":
            services.atur_peran(pengguna=u, tim_id=tim.pk, pegawai_id=_int(P.get("pegawai")) or 0,
                                peran=P.get("peran", ""),
                                kompetensi_dibutuhkan=[x.strip() for x in P.get("kompetensi", "").split(",")]
                                if "kompetensi" in P else None,
                                porsi_persen=_int(P.get("porsi_persen")), alasan_beban=P.get("alasan_beban", ""))
            pesan = "Peran anggota disimpan."
        elif a == "ketua":
            tanpa = P.get("tanpa_ketua") == "1"
            services.tetapkan_ketua(pengguna=u, tim_id=tim.pk, ketua_id=None if tanpa else _int(P.get("ketua")),
                                    alasan_asal=P.get("alasan_asal", ""), alasan=P.get("alasan", ""),
                                    tanpa_ketua=tanpa)
            pesan = "Ketua tim disimpan." if not tanpa else "Tim ditetapkan tanpa ketua."
        elif a == "ajukan":
            t = services.ajukan_pembentukan(pengguna=u, tim_id=tim.pk)
            pesan = f"Status tim: {t.label_status}."
        elif a == "tetapkan":
            services.tetapkan(pengguna=u, tim_id=tim.pk)
            pesan = "Pembentukan tim ditetapkan; instrumen pembentukan terbit."
        elif a == "tolak":
            services.tolak(pengguna=u, tim_id=tim.pk, alasan=P.get("alasan", ""))
            pesan = "Draf dikembalikan kepada pembentuk."
        elif a == "lepas_anggota":
            services.lepas_anggota(pengguna=u, tim_id=tim.pk, pegawai_id=_int(P.get("pegawai")) or 0,
                                   alasan=P.get("alasan", ""))
            pesan = "Anggota dilepas."
        elif a == "ubah_target":
            services.ubah_target(pengguna=u, tim_id=tim.pk, target=_baris(P.get("target")), alasan=P.get("alasan", ""))
            pesan = "Target diubah."
        elif a == "perpanjang":
            baru = _tanggal(P.get("masa_selesai"))
            if baru is None:
                raise galat.DataTidakLengkap({"masa_selesai": "Isi tanggal selesai baru."})
            services.perpanjang(pengguna=u, tim_id=tim.pk, selesai_baru=baru, alasan=P.get("alasan", ""))
            pesan = "Masa kerja diperpanjang."
        elif a == "tutup":
            services.tutup(pengguna=u, tim_id=tim.pk)
            pesan = "Tim ditutup (selesai)."
        elif a == "bubarkan":
            services.bubarkan(pengguna=u, tim_id=tim.pk, alasan=P.get("alasan", ""))
            pesan = "Tim dibubarkan."
        elif a == "permohonan":
            pr = services.mulai_permohonan_lintas_unit(
                pengguna=u, tim_id=tim.pk, ppk_tujuan_id=_int(P.get("dituju")) or 0,
                uraian_tugas=P.get("uraian_tugas", ""), kompetensi_dibutuhkan=P.get("kompetensi_dibutuhkan", ""),
                jumlah=_int(P.get("jumlah")) or 1)
            pesan = f"Permohonan pelibatan dikirim kepada {pr.ppk_tujuan.nama if pr.ppk_tujuan else '-'}."
        elif a == "kendala":
            services.ajukan_kendala(pengguna=u, tim_id=tim.pk, judul=P.get("judul", ""), uraian=P.get("uraian", ""),
                                    alternatif=_baris(P.get("alternatif")), lingkup=P.get("lingkup", "pemilik"))
            pesan = "Kendala diajukan."
        elif a == "putuskan_kendala":
            k = Kendala.objects.filter(pk=_int(P.get("kendala")) or 0, tim=tim).first()
            if k is None:
                raise galat.DataTidakLengkap({"kendala": "Kendala tidak ditemukan pada tim ini."})
            opsi = _int(P.get("opsi"))
            services.putuskan_kendala(pengguna=u, kendala_id=k.pk, tindakan=P.get("tindakan", ""),
                                      alasan=P.get("alasan", ""), opsi=opsi)
            pesan = "Keputusan atas kendala dicatat."
        elif a == "laporan":
            mulai, selesai = _tanggal(P.get("periode_mulai")), _tanggal(P.get("periode_selesai"))
            if mulai is None or selesai is None:
                raise galat.DataTidakLengkap({"periode": "Isi periode laporan."})
            berkas = [services.Berkas(nama=f.name or "berkas", isi=f.read(services.BUKTI_MAKS_BYTE + 1))
                      for f in request.FILES.getlist("bukti")]
            services.kirim_laporan(pengguna=u, tim_id=tim.pk, jenis=P.get("jenis", ""), periode_mulai=mulai,
                                   periode_selesai=selesai, progres=P.get("progres", ""),
                                   capaian_persen=_int(P.get("capaian_persen")) or 0, kendala=P.get("kendala", ""),
                                   langkah_berikut=P.get("langkah_berikut", ""), anggota_id=_int(P.get("anggota")),
                                   permintaan_id=_int(P.get("permintaan")), bukti=berkas)
            pesan = "Laporan dikirim."
        elif a == "minta_laporan":
            batas = _tanggal(P.get("batas_waktu"))
            if batas is None:
                raise galat.DataTidakLengkap({"batas_waktu": "Isi batas waktu."})
            services.minta_laporan(pengguna=u, tim_id=tim.pk, sasaran_id=_int(P.get("sasaran")) or 0,
                                   batas_waktu=batas, lingkup=P.get("lingkup", ""))
            pesan = "Permintaan laporan dikirim."
        else:
            raise galat.DataTidakLengkap({"aksi": "Tindakan tidak dikenal."})
    except galat.TidakDitemukan:
        raise Http404("Tidak ditemukan.") from None
    except galat.KesalahanPengguna as e:
        messages.error(request, e.pesan)
    else:
        messages.success(request, pesan)
    return redirect("timkerja:detail", tim.pk)


@instansi_required
def matriks(request: Permintaan, pk: int) -> HttpResponse:
    tim = _ambil(request, pk)
    return render(request, "timkerja/matriks.html", {"tim": tim, **selectors.matriks(tim)})


@instansi_required
def beban_unit(request: Permintaan) -> HttpResponse:
    """Blitar Pasal 28: workload per pegawai and per team of a unit, heaviest first."""
    p = request.user.pegawai
    units = _unit_dipimpin(p)
    if request.user.lintas_unit:
        units = list(UnitOrganisasi.objects.filter(instansi_id=request.user.instansi_id, aktif=True,
                                                   induk__isnull=True).order_by("nama")) + units
    if not units:
        raise PermissionDenied("Beban kerja unit dilihat oleh pimpinan unit, BKPSDM atau inspektorat.")
    pilihan = _int(request.GET.get("unit"))
    unit = next((x for x in units if x.id == pilihan), units[0])
    if pilihan and unit.id != pilihan:
        # A unit below one the user leads is also his (the list shows only the top of each subtree).
        cand = UnitOrganisasi.objects.filter(pk=pilihan, instansi_id=request.user.instansi_id).first()
        if cand is not None and any(x.id in {u.id for u in units} for x in selectors._leluhur(cand)):
            unit = cand
    urut = request.GET.get("urut", "beban")
    data = selectors.beban_unit(unit, timezone.localdate(), kapasitas_bawaan=request.user.instansi.ambang_beban_kerja,
                                halaman=_int(request.GET.get("hal")) or 1, urut=urut)
    return render(request, "timkerja/beban.html", {"unit": unit, "units": units, "urut": urut, **data})


@instansi_required
def unduh_surat(request: Permintaan, pk: int, surat_id: int) -> HttpResponse:
    tim = _ambil(request, pk)
    s = surat_selectors.untuk_subjek(tim).filter(pk=surat_id).first()
    if s is None:
        raise Http404("Surat tidak ditemukan.")
    resp = HttpResponse(bytes(s.pdf), content_type="application/pdf")
    resp["Content-Disposition"] = f'attachment; filename="{s.nomor.replace("/", "-")}.pdf"'
    return resp


@instansi_required
def unduh_bukti(request: Permintaan, pk: int) -> HttpResponse:
    """Evidence is served only to those who may see the team (as a download, never inline)."""
    b = BuktiLaporan.objects.select_related("laporan").filter(pk=pk).first()
    if b is None or not selectors.tim_terlihat(request.user).filter(pk=b.laporan.tim_id).exists():
        raise Http404("Berkas tidak ditemukan.")
    resp = HttpResponse(bytes(b.isi), content_type=b.jenis_konten)
    resp["Content-Disposition"] = f'attachment; filename="{b.nama.replace(chr(34), "")}"'
    resp["X-Content-Type-Options"] = "nosniff"
    return resp


@instansi_required
def pengganti(request: Permintaan) -> HttpResponse:
    """Plt/Plh of the instansi: who holds which post, under which SK, until when; admin instansi and
    BKPSDM record and end them (the acting official takes the post's team and review decisions)."""
    u = request.user
    boleh = bool(u.admin_instansi or u.bkpsdm)
    if request.method == "POST":
        if not boleh:
            raise PermissionDenied("Plt/Plh dicatat oleh admin instansi atau BKPSDM.")
        P = request.POST
        try:
            if P.get("aksi") == "akhiri":
                services.akhiri_pengganti(pengguna=u, pengganti_id=_int(P.get("id")) or 0, alasan=P.get("alasan", ""))
                messages.success(request, "Plt/Plh diakhiri.")
            else:
                x = services.catat_pengganti(
                    pengguna=u, unit_id=_int(P.get("unit")) or 0, pegawai_id=_int(P.get("pegawai")) or 0,
                    jenis=P.get("jenis", ""), nomor_sk=P.get("nomor_sk", ""), tanggal_sk=_tanggal(P.get("tanggal_sk")),
                    mulai=_tanggal(P.get("mulai")), selesai=_tanggal(P.get("selesai")))  # type: ignore[arg-type]
                messages.success(request, f"{x.singkatan} {x.unit.nama} dicatat.")
        except galat.KesalahanPengguna as e:
            messages.error(request, e.pesan)
        return redirect("timkerja:pengganti")
    daftar = (PejabatPengganti.objects.filter(instansi_id=u.instansi_id).select_related(
        "unit", "pegawai", "pejabat_definitif").order_by("-aktif", "-mulai")[:200])
    ctx: dict[str, Any] = {"daftar": daftar, "boleh": boleh, "hari": timezone.localdate()}
    if boleh:
        ctx["units"] = UnitOrganisasi.objects.filter(instansi_id=u.instansi_id, aktif=True).order_by("nama")
        ctx["pegawai"] = Pegawai.objects.filter(instansi_id=u.instansi_id, aktif=True).order_by("nama")[:2000]
    return render(request, "timkerja/pengganti.html", ctx)
