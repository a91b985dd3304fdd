"""Siklus kerja pages: dashboard, PK list/detail/import/export, target, kegiatan with every step,
board and timeline (Gantt drawn server-side with CSS; no JavaScript, no CDN), evidence downloads.

Views are thin: they read through ``selectors``, act through ``services``; a refused step is shown
as a message naming the article.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from sikerja import galat
from sikerja.akses import Permintaan, instansi_required
from sikerja.jejak import selectors as jejak_selectors
from sikerja.organisasi.baris import opsi
from sikerja.organisasi.models import Pegawai, UnitOrganisasi
from sikerja.timkerja.models import TimKerja
from sikerja.timkerja.selectors import unit_dalam

from . import alur, excel, selectors, services
from .apps import LINGKUP_SASARAN_LAPORAN
from .errors import ImporGagal
from .models import BuktiProgres, PerjanjianKinerja, TargetKinerja


def _tanggal(v: str | None) -> date | None:
    try:
        return date.fromisoformat(v or "")
    except ValueError:
        return None


def _int(v: str | None) -> int | None:
    return int(v) if v and v.strip().isdigit() else None


def _berkas(request: Permintaan, nama: str = "berkas") -> list[services.Berkas]:
    return [services.Berkas(nama=f.name or "berkas", isi=f.read(services.MAX_BACA)) for f in request.FILES.getlist(nama)]


@instansi_required
def dasbor(request: Permintaan) -> HttpResponse:
    p = request.user.pegawai
    ctx: dict[str, Any] = {"pegawai": p}
    if p is not None:
        if p.instansi_id == request.user.instansi_id:
            p.instansi = request.user.instansi  # read once for the page, not again through the pegawai
        ctx["saya"] = selectors.dasbor_pegawai(p)
        ctx["penerima_laporan"] = services.penerima_laporan(p)
        if units := selectors.unit_dipimpin(p):  # as head, or as Plt/Plh of a post
            ctx["pejabat"] = selectors.dasbor_pejabat(p, units=units, tindakan=ctx["saya"]["tindakan"])
            # whom to ask for a report: an autocomplete over his units' pegawai, not a list of hundreds
            ctx["lingkup_sasaran"] = LINGKUP_SASARAN_LAPORAN
    return render(request, "siklus/dasbor.html", ctx)


@require_POST
@instansi_required
def laporan(request: Permintaan) -> HttpResponse:
    """Pertanggungjawaban: an individual report, or (by an official) an ad-hoc report request."""
    try:
        if request.POST.get("aksi") == "minta":
            services.minta_laporan(pengguna=request.user, sasaran_id=_int(request.POST.get("sasaran")) or 0,
                                   batas_waktu=request.POST.get("batas_waktu", ""),
                                   lingkup=request.POST.get("lingkup", ""))
            messages.success(request, "Permintaan laporan dikirim.")
        else:
            lap = services.kirim_laporan_individu(
                pengguna=request.user, periode_mulai=request.POST.get("periode_mulai", ""),
                periode_selesai=request.POST.get("periode_selesai", ""), capaian=request.POST.get("capaian", ""),
                kendala=request.POST.get("kendala", ""), rencana_berikut=request.POST.get("rencana_berikut", ""),
                permintaan_id=_int(request.POST.get("permintaan")))
            messages.success(request, f"Laporan dikirim kepada {lap.penerima.nama} ({lap.dasar_hukum}).")
    except galat.KesalahanPengguna as e:
        messages.error(request, e.pesan)
    return redirect("siklus:dasbor")


def _unit_pk(p: Pegawai | None) -> UnitOrganisasi | None:
    """The unit whose PK ``p`` sets: the one he heads, else one whose post he holds as Plt/Plh."""
    if p is None:
        return None
    if p.kepala_unit:
        return p.unit  # type: ignore[no-any-return]
    from sikerja.timkerja.selectors import unit_dijabat

    ids = unit_dijabat(p)
    return UnitOrganisasi.objects.filter(pk__in=ids).first() if ids else None


@instansi_required
def daftar_pk(request: Permintaan) -> HttpResponse:
    qs = selectors.pk_terlihat(request.user).select_related("unit", "pihak_pertama").order_by("-tahun", "unit__nama")
    return render(request, "siklus/daftar_pk.html", {"daftar": qs[:200],
                                                      "boleh_buat": _unit_pk(request.user.pegawai) is not None})


@instansi_required
def buat_pk(request: Permintaan) -> HttpResponse:
    unit = _unit_pk(request.user.pegawai)
    if unit is None:
        raise Http404
    if request.method == "POST":
        try:
            pk = services.buat_pk(pengguna=request.user, unit_id=unit.pk, tahun=_int(request.POST.get("tahun")) or 0,
                                  jenis=request.POST.get("jenis", "pk_unit"), dasar=request.POST.get("dasar", ""),
                                  arahan=request.POST.get("arahan", ""))
        except galat.KesalahanPengguna as e:
            messages.error(request, e.pesan)
        else:
            messages.success(request, "Perjanjian kinerja ditetapkan.")
            return redirect("siklus:pk", pk.pk)
    return render(request, "siklus/buat_pk.html", {"unit": unit, "tahun": date.today().year})


@instansi_required
def impor_pk(request: Permintaan) -> HttpResponse:
    unit = _unit_pk(request.user.pegawai)
    if unit is None:
        raise Http404
    galat_impor: list[str] = []
    if request.method == "POST":
        f = request.FILES.get("berkas")
        try:
            if f is None:
                raise galat.DataTidakLengkap({"berkas": "Pilih berkas Excel (.xlsx)."})
            pk = services.impor_pk(pengguna=request.user, unit_id=unit.pk, tahun=_int(request.POST.get("tahun")) or 0,
                                   isi=f.read(excel.MAKS_BYTE + 1), jenis=request.POST.get("jenis", "pk_unit"))
        except ImporGagal as e:
            galat_impor = e.galat
            messages.error(request, "Impor dibatalkan; tidak ada data yang disimpan.")
        except galat.KesalahanPengguna as e:
            messages.error(request, e.pesan)
        else:
            messages.success(request, "Perjanjian kinerja dan targetnya diimpor.")
            return redirect("siklus:pk", pk.pk)
    return render(request, "siklus/impor_pk.html", {"galat": galat_impor, "kolom": excel.KOLOM,
                                                     "tahun": date.today().year})


def _pk(request: Permintaan, pk_id: int) -> PerjanjianKinerja:
    pk = selectors.pk_untuk(request.user, pk_id)
    if pk is None:
        raise Http404
    return pk


@instansi_required
def pk_detail(request: Permintaan, pk: int) -> HttpResponse:
    obj = _pk(request, pk)
    p = request.user.pegawai
    if request.method == "POST" and p is not None:
        aksi = request.POST.get("aksi", "")
        try:
            if aksi == "tambah_target":
                services.tambah_target(pengguna=request.user, pk_id=obj.pk, data=_data_target(request))
                messages.success(request, "Target ditambahkan.")
            elif aksi == "ubah":
                baru = services.ubah_pk(pengguna=request.user, pk_id=obj.pk, alasan=request.POST.get("alasan", ""),
                                        arahan=request.POST.get("arahan") or None)
                messages.success(request, f"Perubahan perjanjian kinerja ditetapkan (versi {baru.versi}).")
                return redirect("siklus:pk", baru.pk)
        except galat.KesalahanPengguna as e:
            messages.error(request, e.pesan)
        return redirect("siklus:pk", obj.pk)
    target = selectors.target_pk_halaman(pk_id=obj.pk)
    versi = selectors.versi_pk_halaman(unit_id=obj.unit_id, tahun=obj.tahun, jenis=obj.jenis)
    return render(request, "siklus/pk.html", {"pk": obj, "target": target, "versi": versi,
                                               "pemilik": p is not None and obj.pihak_pertama_id == p.id,
                                               "jejak": jejak_selectors.untuk_halaman(obj)})


def _data_target(request: Permintaan) -> services.DataTarget:
    return services.DataTarget(indikator=request.POST.get("indikator", ""), nilai_target=request.POST.get("nilai_target", ""),
                               satuan=request.POST.get("satuan", ""), batas_waktu=request.POST.get("batas_waktu", ""),
                               sasaran=request.POST.get("sasaran", ""), arahan=request.POST.get("arahan", ""),
                               jenis_penugasan=request.POST.get("jenis_penugasan", ""))


@instansi_required
def ekspor_pk(request: Permintaan, pk: int) -> HttpResponse:
    obj = _pk(request, pk)
    resp = HttpResponse(excel.tulis_pk(obj),
                        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    resp["Content-Disposition"] = f'attachment; filename="pk-{obj.unit_id}-{obj.tahun}-v{obj.versi}.xlsx"'
    return resp


@instansi_required
def target_detail(request: Permintaan, pk: int) -> HttpResponse:
    t = TargetKinerja.objects.select_related("pk_kinerja", "unit", "penanggung_jawab", "tim", "induk").filter(
        pk=pk, pk_kinerja__in=selectors.pk_terlihat(request.user)).first()
    if t is None:
        raise Http404
    p = request.user.pegawai
    if request.method == "POST" and p is not None:
        aksi = request.POST.get("aksi", "")
        try:
            if aksi == "bagi":
                tujuan = request.POST.get("tujuan", "")
                services.bagi_target(pengguna=request.user, target_id=t.pk, data=_data_target(request),
                                     unit_id=_int(request.POST.get("unit")) if tujuan == "unit" else None,
                                     tim_id=_int(request.POST.get("tim")) if tujuan == "tim" else None,
                                     pegawai_id=_int(request.POST.get("pegawai")) if tujuan == "pegawai" else None)
                messages.success(request, "Target dibagi.")
            elif aksi == "strategi":
                services.tetapkan_strategi(pengguna=request.user, target_id=t.pk, mode=request.POST.get("mode", ""),
                                           butuh_lintas_unit=bool(request.POST.get("butuh_lintas_unit")),
                                           butuh_ketua=bool(request.POST.get("butuh_ketua")),
                                           catatan=request.POST.get("catatan", ""))
                messages.success(request, "Strategi ditetapkan.")
            elif aksi == "ubah":
                services.ubah_target(pengguna=request.user, target_id=t.pk, data=_data_target(request),
                                     alasan=request.POST.get("alasan", ""))
                messages.success(request, "Target diubah.")
            elif aksi == "lintas_unit":
                pn = services.mohon_lintas_unit(pengguna=request.user, target_id=t.pk,
                                                ppk_tujuan_id=_int(request.POST.get("ppk_tujuan")) or 0,
                                                uraian_tugas=request.POST.get("uraian_tugas", ""),
                                                kompetensi_dibutuhkan=request.POST.get("kompetensi", ""),
                                                jumlah=_int(request.POST.get("jumlah")) or 1)
                messages.success(request, f"Permohonan penugasan lintas unit dikirim ({pn.judul}).")
            elif aksi == "kegiatan":
                anggaran = []
                if request.POST.get("anggaran_uraian"):
                    anggaran.append((request.POST["anggaran_uraian"], request.POST.get("anggaran_jumlah") or "0"))
                kg = services.buat_kegiatan(pengguna=request.user, target_id=t.pk, data=services.DataKegiatan(
                    nama=request.POST.get("nama", ""), uraian=request.POST.get("uraian", ""),
                    mulai=request.POST.get("mulai", ""), selesai=request.POST.get("selesai", ""),
                    pelaksana_id=_int(request.POST.get("pelaksana")), tim_id=_int(request.POST.get("tim")),
                    anggaran=anggaran))
                messages.success(request, "Rencana kegiatan disusun.")
                return redirect("siklus:kegiatan", kg.pk)
        except galat.KesalahanPengguna as e:
            messages.error(request, e.pesan)
        return redirect("siklus:target", t.pk)
    lingkup = unit_dalam(t.unit)
    return render(request, "siklus/target.html", {
        "t": t, "turunan": t.turunan.select_related("unit", "penanggung_jawab", "tim"),
        "kegiatan": t.kegiatan.select_related("pelaksana", "tim"), "strategi": getattr(t, "strategi", None),
        "unit_bawah": UnitOrganisasi.objects.filter(id__in=lingkup, aktif=True).exclude(id=t.unit_id).order_by("nama"),
        "tim_unit": TimKerja.objects.filter(unit_pemilik_id__in=lingkup).exclude(status__in=("selesai", "dibubarkan")),
        "pegawai_unit": Pegawai.objects.filter(unit_id__in=lingkup, aktif=True).order_by("nama")[:300],
        "pejabat_lain": Pegawai.objects.filter(instansi_id=t.instansi_id, kepala_unit=True, aktif=True).exclude(
            unit_id__in=lingkup).select_related("unit").order_by("unit__nama")[:300]})


@instansi_required
def kegiatan_detail(request: Permintaan, pk: int) -> HttpResponse:
    try:
        kg = services.ambil_untuk(request.user, pk)
    except galat.TidakDitemukan:
        raise Http404 from None
    p = request.user.pegawai
    pemegang = kg.aktor_sekarang
    aksi = alur.TABEL.aksi_tersedia(kg.status) if pemegang and p and pemegang.id == p.id else []
    if kg.level_reviu < 0:  # the pelaksana holds a returned item: nothing lies below him
        aksi = [a for a in aksi if a != "teruskan_pengembalian"]
    return render(request, "siklus/kegiatan.html", {
        "kg": kg, "aksi": aksi,
        "label_aksi": alur.TABEL.label_aksi, "progres": selectors.progres_halaman(kegiatan_id=kg.pk),
        "umpan_balik": selectors.umpan_balik_halaman(kegiatan_id=kg.pk),
        "hasil": selectors.hasil_halaman(kegiatan_id=kg.pk),
        "reviu": selectors.reviu_halaman(kegiatan_id=kg.pk), "anggaran": kg.anggaran.all(),
        "subtugas": selectors.subtugas_halaman(kegiatan_id=kg.pk),
        "serah_terima": getattr(kg, "serah_terima", None) if kg.status == "selesai" else None,
        "jejak": jejak_selectors.untuk_halaman(kg),
        "pelaksana_saya": p is not None and p.id in services.anggota_ids(kg),
        "anggota": Pegawai.objects.filter(id__in=services.anggota_ids(kg)).order_by("nama"),
        "boleh_batal": p is not None and bool(kg.rantai) and kg.status not in alur.AKHIR
        and p.id in {kg.rantai[0]["pegawai_id"], kg.rantai[-1]["pegawai_id"]}})


@require_POST
@instansi_required
def kegiatan_aksi(request: Permintaan, pk: int) -> HttpResponse:
    aksi = request.POST.get("aksi", "")
    u = request.user
    catatan = request.POST.get("catatan", "")
    try:
        if aksi == "tetapkan_rencana":
            services.tetapkan_rencana(pengguna=u, kegiatan_id=pk)
        elif aksi == "mulai_pelaksanaan":
            services.mulai_pelaksanaan(pengguna=u, kegiatan_id=pk)
        elif aksi == "lapor_progres":
            services.lapor_progres(pengguna=u, kegiatan_id=pk, persen=_int(request.POST.get("persen")) or 0,
                                   capaian=request.POST.get("capaian", ""), kendala=request.POST.get("kendala", ""),
                                   jenis=request.POST.get("jenis", "berkala"), berkas=_berkas(request))
        elif aksi == "umpan_balik":
            services.beri_umpan_balik(pengguna=u, kegiatan_id=pk, isi=request.POST.get("isi", ""),
                                      induk_id=_int(request.POST.get("induk")))
        elif aksi == "ajukan_hasil":
            services.ajukan_hasil(pengguna=u, kegiatan_id=pk, keluaran=request.POST.get("keluaran", ""),
                                  berkas=_berkas(request))
        elif aksi == "terima":
            services.terima(pengguna=u, kegiatan_id=pk, catatan=catatan)
        elif aksi == "kembalikan":
            services.kembalikan(pengguna=u, kegiatan_id=pk, catatan=catatan)
        elif aksi == "teruskan_pengembalian":
            services.teruskan_pengembalian(pengguna=u, kegiatan_id=pk, catatan=catatan)
        elif aksi == "ajukan_ulang":
            services.ajukan_ulang(pengguna=u, kegiatan_id=pk, keluaran=request.POST.get("keluaran", ""),
                                  berkas=_berkas(request))
        elif aksi == "subtugas":
            services.tambah_subtugas(pengguna=u, kegiatan_id=pk, nama=request.POST.get("nama", ""),
                                     penanggung_jawab_id=_int(request.POST.get("penanggung_jawab")),
                                     batas_waktu=request.POST.get("batas_waktu") or None)
        elif aksi == "batalkan":
            services.batalkan(pengguna=u, kegiatan_id=pk, alasan=catatan)
        elif aksi == "serah_terima":
            services.catat_serah_terima(pengguna=u, kegiatan_id=pk, catatan=catatan)
        else:
            messages.error(request, "Aksi tidak dikenal.")
            return redirect("siklus:kegiatan", pk)
    except galat.TidakDitemukan:
        raise Http404 from None
    except galat.KesalahanPengguna as e:
        messages.error(request, e.pesan)
    else:
        messages.success(request, f"{alur.TABEL.label_aksi.get(aksi, aksi.replace('_', ' ').capitalize())}: tersimpan.")
    return redirect("siklus:kegiatan", pk)


@instansi_required
def unduh_bukti(request: Permintaan, pk: int) -> HttpResponse:
    """Evidence is served only to those who may see its kegiatan, as an attachment (never inline HTML)."""
    b = BuktiProgres.objects.filter(pk=pk, kegiatan__in=selectors.kegiatan_terlihat(request.user)).first()
    if b is None:
        raise Http404
    resp = HttpResponse(bytes(b.isi), content_type=b.tipe)
    resp["Content-Disposition"] = f'attachment; filename="bukti-{b.pk}.{b.nama.rsplit(".", 1)[-1]}"'
    resp["X-Content-Type-Options"] = "nosniff"
    return resp


def _lingkup(request: Permintaan) -> tuple[dict[str, Any], str]:
    """Which kegiatan a board or timeline shows (a team, or a unit with those below it; by default the
    user's own unit), as filters for ``selectors.papan_untuk``/``kegiatan_terlihat_di``, and its title."""
    tim_id = _int(request.GET.get("tim"))
    if tim_id:
        return {"tim_id": tim_id}, f"tim {TimKerja.objects.filter(pk=tim_id).values_list('nama', flat=True).first() or ''}"
    unit_id = _int(request.GET.get("unit"))
    p = request.user.pegawai
    if unit_id is None and p is not None:
        unit_id = p.unit_id
    if unit_id:
        unit = UnitOrganisasi.objects.filter(pk=unit_id, instansi_id=request.user.instansi_id).first()
        if unit is not None:
            return {"unit_ids": unit_dalam(unit)}, unit.nama
    return {}, ""


def _pilihan(request: Permintaan) -> dict[str, Any]:
    """Units and teams the user may pick for a board or timeline, as ``<option>``s with the one shown
    selected (prepared reads: asked on every visit of both pages)."""
    from sikerja.timkerja.selectors import tim_pilihan

    p = request.user.pegawai
    units = unit_dalam(p.unit) if p and p.kepala_unit else [p.unit_id] if p else []
    return {"opsi_unit": opsi(((u["id"], u["nama"]) for u in selectors.unit_pilihan(units)), request.GET.get("unit")),
            "opsi_tim": opsi(((t["id"], t["nama"]) for t in tim_pilihan(request.user)), request.GET.get("tim"))}


@instansi_required
def papan(request: Permintaan) -> HttpResponse:
    saring, judul = _lingkup(request)
    batas = selectors.BATAS_PAPAN
    kolom = selectors.papan_untuk(request.user, **saring, batas=batas)
    # A full board leaves kegiatan out (those due last): say so, and how to see them.
    terpotong = sum(len(k["kegiatan"]) for k in kolom.values()) >= batas
    return render(request, "siklus/papan.html", {"kolom": kolom, "judul": judul, "batas": batas,
                                                 "terpotong": terpotong, **_pilihan(request)})


@instansi_required
def linimasa(request: Permintaan) -> HttpResponse:
    saring, judul = _lingkup(request)
    qs = selectors.kegiatan_terlihat_di(request.user, **saring)
    tahun = _int(request.GET.get("tahun")) or date.today().year
    mulai, selesai = date(tahun, 1, 1), date(tahun, 12, 31)
    bulan = [{"nama": n, "kiri": round(100 * (date(tahun, i + 1, 1) - mulai).days / 365, 2)}
             for i, n in enumerate(["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"])]
    return render(request, "siklus/linimasa.html", {"baris": selectors.linimasa(qs, mulai, selesai), "judul": judul,
                                                     "tahun": tahun, "bulan": bulan, **_pilihan(request)})
