"""Siklus kerja API: PK (create, amend, import, export), targets (split, strategy, cross-unit request),
kegiatan (create, every step of the review, progress with evidence, feedback, serah terima), board,
timeline, dashboards, individual reports and requests.

Same rights as the pages (the services decide): 403 for a wrong actor, 404 for what the user may
not see, 400/409 for a refused step — the message names the article of the regulation.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from datetime import date
from typing import Any

from django.http import HttpResponse
from ninja import Router, Schema
from ninja.errors import HttpError

from sikerja import galat
from sikerja.akses import Permintaan

from . import excel, selectors, services
from .errors import ImporGagal
from .models import Kegiatan, TargetKinerja

router = Router(tags=["siklus kerja"])


def _panggil(fn: Callable[..., Any], **kw: Any) -> Any:
    try:
        return fn(**kw)
    except ImporGagal as e:
        raise HttpError(400, " ".join(e.galat)) from e
    except galat.KesalahanPengguna as e:
        raise HttpError(e.status_http, e.pesan) from e


class BerkasIn(Schema):
    nama: str
    isi_base64: str


def _berkas(daftar: list[BerkasIn]) -> list[services.Berkas]:
    hasil = []
    for b in daftar:
        try:
            hasil.append(services.Berkas(nama=b.nama, isi=base64.b64decode(b.isi_base64, validate=True)))
        except (binascii.Error, ValueError):
            raise HttpError(400, f"Berkas '{b.nama[:80]}': isi_base64 tidak sah.") from None
    return hasil


class PkIn(Schema):
    unit_id: int
    tahun: int
    jenis: str = "pk_unit"
    dasar: str = ""
    arahan: str = ""


class PkOut(Schema):
    id: int
    unit_id: int
    tahun: int
    jenis: str
    versi: int
    berlaku: bool
    pihak_pertama_id: int
    alasan_perubahan: str
    arahan: str
    dasar_hukum: str


class UbahPkIn(Schema):
    alasan: str
    arahan: str | None = None


class TargetIn(Schema):
    indikator: str
    nilai_target: float | str
    satuan: str
    batas_waktu: date
    sasaran: str = ""
    arahan: str = ""
    jenis_penugasan: str = ""


class UbahTargetIn(TargetIn):
    alasan: str


class BagiIn(TargetIn):
    unit_id: int | None = None
    tim_id: int | None = None
    pegawai_id: int | None = None


class TargetOut(Schema):
    id: int
    pk_kinerja_id: int
    induk_id: int | None
    unit_id: int
    penanggung_jawab_id: int | None
    tim_id: int | None
    indikator: str
    nilai_target: float
    satuan: str
    batas_waktu: date
    jenis_penugasan: str
    arahan: str


class StrategiIn(Schema):
    mode: str
    butuh_lintas_unit: bool = False
    butuh_ketua: bool = False
    catatan: str = ""


class KegiatanLintasUnitIn(Schema):
    ppk_tujuan_id: int
    uraian_tugas: str
    kompetensi_dibutuhkan: str
    jumlah: int = 1


class KegiatanIn(Schema):
    target_id: int
    nama: str
    mulai: date
    selesai: date
    uraian: str = ""
    pelaksana_id: int | None = None
    tim_id: int | None = None
    anggaran: list[tuple[str, float]] = []
    subtugas: list[tuple[str, int | None, date | None]] = []


class KegiatanOut(Schema):
    id: int
    target_id: int
    unit_id: int
    nama: str
    status: str
    label_status: str
    pelaksana_id: int | None
    tim_id: int | None
    mulai: date
    selesai: date
    persen_progres: int
    level_reviu: int
    aktor_sekarang_id: int | None
    templat: str
    rantai: list[dict[str, Any]]


class CatatanIn(Schema):
    catatan: str = ""


class HasilIn(Schema):
    keluaran: str = ""
    sesuai_target: bool = True
    berkas: list[BerkasIn] = []


class ProgresIn(Schema):
    persen: int
    capaian: str
    kendala: str = ""
    jenis: str = "berkala"
    berkas: list[BerkasIn] = []


class UmpanBalikIn(Schema):
    isi: str
    induk_id: int | None = None


class LaporanIn(Schema):
    periode_mulai: date
    periode_selesai: date
    capaian: str
    kendala: str = ""
    rencana_berikut: str = ""
    permintaan_id: int | None = None


class PermintaanIn(Schema):
    sasaran_id: int
    batas_waktu: date
    lingkup: str = ""
    kegiatan_id: int | None = None


def _kg(request: Permintaan, pk: int) -> Kegiatan:
    return _panggil(services.ambil_untuk, pengguna=request.user, kegiatan_id=pk)  # type: ignore[no-any-return]


# --- perencanaan ------------------------------------------------------------------------------


@router.get("/pk", response=list[PkOut])
def daftar_pk(request: Permintaan, tahun: int | None = None) -> Any:
    qs = selectors.pk_terlihat(request.user)
    return qs.filter(tahun=tahun) if tahun else qs[:500]


@router.post("/pk", response={201: PkOut})
def buat_pk(request: Permintaan, data: PkIn) -> Any:
    return 201, _panggil(services.buat_pk, pengguna=request.user, **data.dict())


@router.get("/pk/{pk}", response=PkOut)
def pk_detail(request: Permintaan, pk: int) -> Any:
    obj = selectors.pk_terlihat(request.user).filter(pk=pk).first()
    if obj is None:
        raise HttpError(404, "Perjanjian kinerja tidak ditemukan.")
    return obj


@router.post("/pk/{pk}/ubah", response={201: PkOut})
def ubah_pk(request: Permintaan, pk: int, data: UbahPkIn) -> Any:
    return 201, _panggil(services.ubah_pk, pengguna=request.user, pk_id=pk, alasan=data.alasan, arahan=data.arahan)


class ImporIn(Schema):
    unit_id: int
    tahun: int
    jenis: str = "pk_unit"
    isi_base64: str


@router.post("/pk/impor", response={201: PkOut})
def impor_pk(request: Permintaan, data: ImporIn) -> Any:
    try:
        isi = base64.b64decode(data.isi_base64, validate=True)
    except (binascii.Error, ValueError):
        raise HttpError(400, "isi_base64 tidak sah.") from None
    return 201, _panggil(services.impor_pk, pengguna=request.user, unit_id=data.unit_id, tahun=data.tahun, isi=isi,
                         jenis=data.jenis)


@router.get("/pk/{pk}/ekspor")
def ekspor_pk(request: Permintaan, pk: int) -> HttpResponse:
    obj = selectors.pk_terlihat(request.user).select_related("unit", "pihak_pertama", "pihak_kedua").filter(pk=pk).first()
    if obj is None:
        raise HttpError(404, "Perjanjian kinerja tidak ditemukan.")
    resp = HttpResponse(excel.tulis_pk(obj),
                        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    resp["Content-Disposition"] = f'attachment; filename="pk-{obj.unit_id}-{obj.tahun}-v{obj.versi}.xlsx"'
    return resp


@router.get("/pk/{pk}/target", response=list[TargetOut])
def target_pk(request: Permintaan, pk: int) -> Any:
    obj = selectors.pk_terlihat(request.user).filter(pk=pk).first()
    if obj is None:
        raise HttpError(404, "Perjanjian kinerja tidak ditemukan.")
    return TargetKinerja.objects.filter(pk_kinerja=obj).order_by("id")


@router.post("/pk/{pk}/target", response={201: TargetOut})
def tambah_target(request: Permintaan, pk: int, data: TargetIn) -> Any:
    return 201, _panggil(services.tambah_target, pengguna=request.user, pk_id=pk,
                         data=services.DataTarget(**data.dict()))


@router.post("/target/{pk}/bagi", response={201: TargetOut})
def bagi_target(request: Permintaan, pk: int, data: BagiIn) -> Any:
    d = data.dict()
    tujuan = {k: d.pop(k) for k in ("unit_id", "tim_id", "pegawai_id")}
    return 201, _panggil(services.bagi_target, pengguna=request.user, target_id=pk,
                         data=services.DataTarget(**d), **tujuan)


@router.post("/target/{pk}/ubah", response=TargetOut, summary="Ubah target dengan alasan (Magelang: perubahan PK)")
def ubah_target(request: Permintaan, pk: int, data: UbahTargetIn) -> Any:
    d = data.dict()
    alasan = d.pop("alasan")
    return _panggil(services.ubah_target, pengguna=request.user, target_id=pk, data=services.DataTarget(**d),
                    alasan=alasan)


@router.post("/target/{pk}/strategi")
def strategi(request: Permintaan, pk: int, data: StrategiIn) -> dict[str, Any]:
    s = _panggil(services.tetapkan_strategi, pengguna=request.user, target_id=pk, **data.dict())
    return {"id": s.id, "mode": s.mode, "butuh_lintas_unit": s.butuh_lintas_unit, "butuh_ketua": s.butuh_ketua}


@router.post("/target/{pk}/lintas-unit", response={201: dict[str, Any]})
def lintas_unit(request: Permintaan, pk: int, data: KegiatanLintasUnitIn) -> Any:
    p = _panggil(services.mohon_lintas_unit, pengguna=request.user, target_id=pk, **data.dict())
    return 201, {"penugasan_id": p.id, "status": p.status}


# --- pelaksanaan and evaluasi -------------------------------------------------------------------


@router.get("/kegiatan", response=list[KegiatanOut])
def daftar_kegiatan(request: Permintaan, status: str | None = None, unit_id: int | None = None,
                    tim_id: int | None = None) -> Any:
    qs = selectors.kegiatan_terlihat(request.user)
    if status:
        qs = qs.filter(status=status)
    if unit_id:
        qs = qs.filter(unit_id=unit_id)
    if tim_id:
        qs = qs.filter(tim_id=tim_id)
    return qs.order_by("selesai", "id")[:500]


@router.post("/kegiatan", response={201: KegiatanOut})
def buat_kegiatan(request: Permintaan, data: KegiatanIn) -> Any:
    d = data.dict()
    target_id = d.pop("target_id")
    return 201, _panggil(services.buat_kegiatan, pengguna=request.user, target_id=target_id,
                         data=services.DataKegiatan(**d))


@router.get("/kegiatan/{pk}", response=KegiatanOut)
def kegiatan(request: Permintaan, pk: int) -> Any:
    return _kg(request, pk)


@router.get("/kegiatan/{pk}/riwayat")
def riwayat(request: Permintaan, pk: int) -> dict[str, Any]:
    kg = _kg(request, pk)
    return {"hasil": list(kg.hasil.values("id", "versi", "level", "keluaran", "diajukan_oleh_id", "waktu")),
            "reviu": list(kg.reviu.values("id", "level", "peran", "peninjau_id", "keputusan", "catatan", "ke_level",
                                          "dasar_hukum", "waktu")),
            "progres": list(kg.progres.values("id", "tanggal", "persen", "capaian", "kendala", "jenis", "pelapor_id")),
            "umpan_balik": list(kg.umpan_balik.values("id", "induk_id", "pemberi_id", "isi", "waktu"))}


@router.post("/kegiatan/{pk}/tetapkan-rencana", response=KegiatanOut)
def tetapkan_rencana(request: Permintaan, pk: int) -> Any:
    return _panggil(services.tetapkan_rencana, pengguna=request.user, kegiatan_id=pk)


@router.post("/kegiatan/{pk}/mulai", response=KegiatanOut)
def mulai(request: Permintaan, pk: int) -> Any:
    return _panggil(services.mulai_pelaksanaan, pengguna=request.user, kegiatan_id=pk)


@router.post("/kegiatan/{pk}/progres", response={201: dict[str, Any]})
def progres(request: Permintaan, pk: int, data: ProgresIn) -> Any:
    lp = _panggil(services.lapor_progres, pengguna=request.user, kegiatan_id=pk, persen=data.persen,
                  capaian=data.capaian, kendala=data.kendala, jenis=data.jenis, berkas=_berkas(data.berkas))
    return 201, {"id": lp.id, "persen": lp.persen}


@router.post("/kegiatan/{pk}/umpan-balik", response={201: dict[str, Any]})
def umpan_balik(request: Permintaan, pk: int, data: UmpanBalikIn) -> Any:
    ub = _panggil(services.beri_umpan_balik, pengguna=request.user, kegiatan_id=pk, isi=data.isi,
                  induk_id=data.induk_id)
    return 201, {"id": ub.id}


@router.post("/kegiatan/{pk}/ajukan-hasil", response=KegiatanOut)
def ajukan_hasil(request: Permintaan, pk: int, data: HasilIn) -> Any:
    return _panggil(services.ajukan_hasil, pengguna=request.user, kegiatan_id=pk, keluaran=data.keluaran,
                    sesuai_target=data.sesuai_target, berkas=_berkas(data.berkas))


@router.post("/kegiatan/{pk}/terima", response=KegiatanOut)
def terima(request: Permintaan, pk: int, data: CatatanIn) -> Any:
    return _panggil(services.terima, pengguna=request.user, kegiatan_id=pk, catatan=data.catatan)


@router.post("/kegiatan/{pk}/kembalikan", response=KegiatanOut)
def kembalikan(request: Permintaan, pk: int, data: CatatanIn) -> Any:
    return _panggil(services.kembalikan, pengguna=request.user, kegiatan_id=pk, catatan=data.catatan)


@router.post("/kegiatan/{pk}/teruskan-pengembalian", response=KegiatanOut)
def teruskan(request: Permintaan, pk: int, data: CatatanIn) -> Any:
    return _panggil(services.teruskan_pengembalian, pengguna=request.user, kegiatan_id=pk, catatan=data.catatan)


@router.post("/kegiatan/{pk}/ajukan-ulang", response=KegiatanOut)
def ajukan_ulang(request: Permintaan, pk: int, data: HasilIn) -> Any:
    return _panggil(services.ajukan_ulang, pengguna=request.user, kegiatan_id=pk, keluaran=data.keluaran,
                    berkas=_berkas(data.berkas))


@router.post("/kegiatan/{pk}/batalkan", response=KegiatanOut)
def batalkan(request: Permintaan, pk: int, data: CatatanIn) -> Any:
    return _panggil(services.batalkan, pengguna=request.user, kegiatan_id=pk, alasan=data.catatan)


@router.post("/kegiatan/{pk}/serah-terima", response={201: dict[str, Any]})
def serah_terima(request: Permintaan, pk: int, data: CatatanIn) -> Any:
    st = _panggil(services.catat_serah_terima, pengguna=request.user, kegiatan_id=pk, catatan=data.catatan)
    return 201, {"id": st.id, "penerima_id": st.penerima_id}


@router.get("/papan")
def papan(request: Permintaan, unit_id: int | None = None, tim_id: int | None = None) -> dict[str, Any]:
    qs = selectors.kegiatan_terlihat(request.user)
    if tim_id:
        qs = qs.filter(tim_id=tim_id)
    if unit_id:
        qs = qs.filter(unit_id=unit_id)
    return {k: {"label": v["label"], "kegiatan": [{"id": x.id, "nama": x.nama, "status": x.status,
                                                   "persen_progres": x.persen_progres} for x in v["kegiatan"]]}
            for k, v in selectors.papan(qs).items()}


@router.get("/linimasa")
def linimasa(request: Permintaan, tahun: int, unit_id: int | None = None, tim_id: int | None = None) -> list[dict[str, Any]]:
    qs = selectors.kegiatan_terlihat(request.user)
    if tim_id:
        qs = qs.filter(tim_id=tim_id)
    if unit_id:
        qs = qs.filter(unit_id=unit_id)
    return [{"id": r["kegiatan"].id, "nama": r["kegiatan"].nama, "mulai": r["kegiatan"].mulai,
             "selesai": r["kegiatan"].selesai, "status": r["kegiatan"].status}
            for r in selectors.linimasa(qs, date(tahun, 1, 1), date(tahun, 12, 31))]


# --- dashboards and pertanggungjawaban ----------------------------------------------------------


@router.get("/dasbor")
def dasbor(request: Permintaan) -> dict[str, Any]:
    p = request.user.pegawai
    if p is None:
        raise HttpError(403, "Akun Anda belum terhubung dengan data pegawai.")
    saya = selectors.dasbor_pegawai(p)
    hasil: dict[str, Any] = {
        "minggu_ini": [{"id": k.id, "nama": k.nama, "status": k.status, "selesai": k.selesai} for k in saya["minggu_ini"]],
        "tindakan": [{"id": k.id, "nama": k.nama, "status": k.status} for k in saya["tindakan"]],
        "permintaan_laporan": [{"id": r.id, "batas_waktu": r.batas_waktu} for r in saya["permintaan"]],
        # Team reports due from him as ketua, and team report requests addressed to him.
        "laporan_tim_terlambat": saya["laporan_tim_terlambat"],
        "permintaan_laporan_tim": [{"id": r.id, "tim_id": r.tim_id, "batas_waktu": r.batas_waktu}
                                   for r in saya["permintaan_tim"]]}
    if selectors.unit_dipimpin(p):  # as head, or as Plt/Plh of a post
        d = selectors.dasbor_pejabat(p)
        hasil["pejabat"] = {"kegiatan": d["kegiatan"], "menunggu_reviu_saya": d["menunggu_reviu_saya"], "tim": d["tim"],
                            "laporan_terlambat": d["laporan_terlambat"],
                            "laporan_tim_terlambat": d["laporan_tim_terlambat"],
                            "daftar_laporan_tim_terlambat": d["daftar_laporan_tim_terlambat"],
                            "laporan_tim_diterima": [
                                {"id": x.id, "tim_id": x.tim_id, "pelapor_id": x.pelapor_id,
                                 "periode_selesai": x.periode_selesai, "capaian_persen": x.capaian_persen}
                                for x in d["laporan_tim_diterima"]],
                            "target": [{**t, "nilai_target": float(t["nilai_target"])} for t in d["target"]]}
    return hasil


@router.post("/laporan", response={201: dict[str, Any]})
def laporan(request: Permintaan, data: LaporanIn) -> Any:
    lap = _panggil(services.kirim_laporan_individu, pengguna=request.user, **data.dict())
    return 201, {"id": lap.id, "penerima_id": lap.penerima_id, "dasar_hukum": lap.dasar_hukum}


@router.post("/permintaan-laporan", response={201: dict[str, Any]})
def permintaan(request: Permintaan, data: PermintaanIn) -> Any:
    pm = _panggil(services.minta_laporan, pengguna=request.user, **data.dict())
    return 201, {"id": pm.id, "batas_waktu": pm.batas_waktu}



class SubTugasIn(Schema):
    nama: str
    penanggung_jawab_id: int | None = None
    batas_waktu: date | None = None


@router.post("/kegiatan/{pk}/subtugas", response={201: dict[str, Any]})
def subtugas(request: Permintaan, pk: int, data: SubTugasIn) -> Any:
    st = _panggil(services.tambah_subtugas, pengguna=request.user, kegiatan_id=pk, **data.dict())
    return 201, {"id": st.id, "nama": st.nama}
