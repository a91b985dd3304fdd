"""Siklus kerja API: PK (create, amend, import, export), targets (split, strategy, cross-unit request),
kegiatan (create, every step of the review, progress with evidence, feedback, serah terima), board,
timeline, dashboards, individual reports and requests.

Same rights as the pages (the services decide): 403 for a wrong actor, 404 for what the user may
not see, 400/409 for a refused step — the message names the article of the regulation.
Every answer has a schema in /api/openapi.json, refusals are ``{"detail": "..."}`` (the same
``Galat`` as penugasan); every list answers a page (``?page=N``: ``items`` and ``count``).
Path ids are integers (``{int:pk}``), so ``/pk/impor`` is not read as the PK with id "impor".
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from django.http import HttpResponse
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from sikerja import galat
from sikerja.akses import Permintaan
from sikerja.penugasan.api import Galat, Halaman

from . import excel, selectors, services
from .errors import ImporGagal
from .models import Kegiatan, TargetKinerja

router = Router(tags=["siklus kerja"])

# The refusals a step may answer: a bad request or a rule of the regulation (400), a wrong actor
# (403), something the user may not see (404), a race or a step already taken (409).
GALAT: dict[int, Any] = {400: Galat, 403: Galat, 404: Galat, 409: Galat}
GALAT_BACA: dict[int, Any] = {403: Galat, 404: Galat}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


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


class StrategiOut(Schema):
    id: int
    mode: str
    butuh_lintas_unit: bool
    butuh_ketua: bool


class PenugasanDimohonOut(Schema):
    penugasan_id: int
    status: str


class HasilKegiatanOut(Schema):
    id: int
    versi: int
    level: int
    keluaran: str
    diajukan_oleh_id: int
    waktu: datetime


class ReviuOut(Schema):
    id: int
    level: int
    peran: str
    peninjau_id: int
    keputusan: str
    catatan: str
    ke_level: int | None
    dasar_hukum: str
    waktu: datetime


class ProgresOut(Schema):
    id: int
    tanggal: date
    persen: int
    capaian: str
    kendala: str
    jenis: str
    pelapor_id: int


class UmpanBalikOut(Schema):
    id: int
    induk_id: int | None
    pemberi_id: int
    isi: str
    waktu: datetime


class RiwayatOut(Schema):
    hasil: list[HasilKegiatanOut]
    reviu: list[ReviuOut]
    progres: list[ProgresOut]
    umpan_balik: list[UmpanBalikOut]


class ProgresDicatatOut(Schema):
    id: int
    persen: int


class IdOut(Schema):
    id: int


class SerahTerimaOut(Schema):
    id: int
    penerima_id: int


class KartuPapanOut(Schema):
    id: int
    nama: str
    status: str
    persen_progres: int


class KolomPapanOut(Schema):
    label: str
    kegiatan: list[KartuPapanOut]


class LinimasaOut(Schema):
    id: int
    nama: str
    mulai: date
    selesai: date
    status: str


class KegiatanRingkasOut(Schema):
    id: int
    nama: str
    status: str


class KegiatanMingguIniOut(KegiatanRingkasOut):
    selesai: date


class PermintaanMasukOut(Schema):
    id: int
    batas_waktu: date


class PermintaanTimMasukOut(PermintaanMasukOut):
    tim_id: int


class LaporanTimTerlambatOut(Schema):
    tim_id: int
    nama: str
    # Overdue periodic reports, and unanswered requests.
    periode: int
    permintaan: int


class AgregatKegiatanOut(Schema):
    total: int
    terbuka: int
    terlambat: int
    dikembalikan: int
    selesai: int
    # Mean progress in percent (None without kegiatan).
    progres: float | None


class LaporanTimDiterimaOut(Schema):
    id: int
    tim_id: int
    pelapor_id: int
    periode_selesai: date
    capaian_persen: int


class TargetDasborOut(Schema):
    id: int
    indikator: str
    nilai_target: float
    satuan: str
    batas_waktu: date
    jumlah_kegiatan: int
    progres: float | None


class DasborPejabatOut(Schema):
    kegiatan: AgregatKegiatanOut
    menunggu_reviu_saya: int
    tim: int
    laporan_terlambat: int
    laporan_tim_terlambat: int
    daftar_laporan_tim_terlambat: list[LaporanTimTerlambatOut]
    laporan_tim_diterima: list[LaporanTimDiterimaOut]
    target: list[TargetDasborOut]


class DasborOut(Schema):
    minggu_ini: list[KegiatanMingguIniOut]
    tindakan: list[KegiatanRingkasOut]
    permintaan_laporan: list[PermintaanMasukOut]
    laporan_tim_terlambat: list[LaporanTimTerlambatOut]
    permintaan_laporan_tim: list[PermintaanTimMasukOut]
    # Only for the head (or Plt/Plh) of a unit.
    pejabat: DasborPejabatOut | None = None


class LaporanIndividuOut(Schema):
    id: int
    penerima_id: int
    dasar_hukum: str


class SubTugasOut(Schema):
    id: int
    nama: str


def _kg(request: Permintaan, pk: int) -> Kegiatan:
    return _panggil(services.ambil_untuk, pengguna=request.user, kegiatan_id=pk)  # type: ignore[no-any-return]


# --- perencanaan ------------------------------------------------------------------------------


@router.get("/pk", response=list[PkOut], summary="Perjanjian kinerja yang terlihat oleh pengguna, per halaman")
@paginate(Halaman)
def daftar_pk(request: Permintaan, tahun: int | None = None):  # type: ignore[no-untyped-def]
    qs = selectors.pk_terlihat(request.user)
    return qs.filter(tahun=tahun) if tahun else qs


@router.post("/pk", response={201: PkOut, **GALAT})
def buat_pk(request: Permintaan, data: PkIn) -> Any:
    return Status(201, _panggil(services.buat_pk, pengguna=request.user, **data.dict()))


class ImporIn(Schema):
    unit_id: int
    tahun: int
    jenis: str = "pk_unit"
    isi_base64: str


@router.post("/pk/impor", response={201: PkOut, **GALAT}, summary="Impor PK dari berkas XLSX (base64)")
def impor_pk(request: Permintaan, data: ImporIn) -> Any:
    try:
        isi = base64.b64decode(data.isi_base64, validate=True)
    except (binascii.Error, ValueError):
        raise HttpError(400, "isi_base64 tidak sah.") from None
    return Status(201, _panggil(services.impor_pk, pengguna=request.user, unit_id=data.unit_id, tahun=data.tahun,
                                isi=isi, jenis=data.jenis))


def _pk(request: Permintaan, pk: int) -> Any:
    obj = selectors.pk_terlihat(request.user).select_related("unit", "pihak_pertama", "pihak_kedua").filter(pk=pk).first()
    if obj is None:
        raise HttpError(404, "Perjanjian kinerja tidak ditemukan.")
    return obj


@router.get("/pk/{int:pk}", response={200: PkOut, 404: Galat})
def pk_detail(request: Permintaan, pk: int) -> Any:
    return _pk(request, pk)


@router.post("/pk/{int:pk}/ubah", response={201: PkOut, **GALAT})
def ubah_pk(request: Permintaan, pk: int, data: UbahPkIn) -> Any:
    return Status(201, _panggil(services.ubah_pk, pengguna=request.user, pk_id=pk, alasan=data.alasan,
                                arahan=data.arahan))


@router.get("/pk/{int:pk}/ekspor", response={200: bytes, 404: Galat}, summary="Unduh PK sebagai XLSX",
            openapi_extra={"responses": {200: {"description": "Berkas XLSX perjanjian kinerja",
                                               "content": {XLSX: {"schema": {"type": "string", "format": "binary"}}}}}})
def ekspor_pk(request: Permintaan, pk: int) -> HttpResponse:
    obj = _pk(request, pk)
    resp = HttpResponse(excel.tulis_pk(obj), content_type=XLSX)
    resp["Content-Disposition"] = f'attachment; filename="pk-{obj.unit_id}-{obj.tahun}-v{obj.versi}.xlsx"'
    return resp


@router.get("/pk/{int:pk}/target", response={200: list[TargetOut], 404: Galat},
            summary="Target kinerja sebuah PK, per halaman")
@paginate(Halaman)
def target_pk(request: Permintaan, pk: int):  # type: ignore[no-untyped-def]
    return TargetKinerja.objects.filter(pk_kinerja=_pk(request, pk)).order_by("id")


@router.post("/pk/{int:pk}/target", response={201: TargetOut, **GALAT})
def tambah_target(request: Permintaan, pk: int, data: TargetIn) -> Any:
    return Status(201, _panggil(services.tambah_target, pengguna=request.user, pk_id=pk,
                                data=services.DataTarget(**data.dict())))


@router.post("/target/{int:pk}/bagi", response={201: TargetOut, **GALAT})
def bagi_target(request: Permintaan, pk: int, data: BagiIn) -> Any:
    d = data.dict()
    tujuan = {k: d.pop(k) for k in ("unit_id", "tim_id", "pegawai_id")}
    return Status(201, _panggil(services.bagi_target, pengguna=request.user, target_id=pk,
                                data=services.DataTarget(**d), **tujuan))


@router.post("/target/{int:pk}/ubah", response={200: TargetOut, **GALAT},
             summary="Ubah target dengan alasan (Magelang: perubahan PK)")
def ubah_target(request: Permintaan, pk: int, data: UbahTargetIn) -> Any:
    d = data.dict()
    alasan = d.pop("alasan")
    return _panggil(services.ubah_target, pengguna=request.user, target_id=pk, data=services.DataTarget(**d),
                    alasan=alasan)


@router.post("/target/{int:pk}/strategi", response={200: StrategiOut, **GALAT})
def strategi(request: Permintaan, pk: int, data: StrategiIn) -> dict[str, Any]:
    s = _panggil(services.tetapkan_strategi, pengguna=request.user, target_id=pk, **data.dict())
    return {"id": s.id, "mode": s.mode, "butuh_lintas_unit": s.butuh_lintas_unit, "butuh_ketua": s.butuh_ketua}


@router.post("/target/{int:pk}/lintas-unit", response={201: PenugasanDimohonOut, **GALAT})
def lintas_unit(request: Permintaan, pk: int, data: KegiatanLintasUnitIn) -> Any:
    p = _panggil(services.mohon_lintas_unit, pengguna=request.user, target_id=pk, **data.dict())
    return Status(201, {"penugasan_id": p.id, "status": p.status})


# --- pelaksanaan and evaluasi -------------------------------------------------------------------


@router.get("/kegiatan", response=list[KegiatanOut], summary="Kegiatan yang terlihat oleh pengguna, per halaman")
@paginate(Halaman)
def daftar_kegiatan(request: Permintaan, status: str | None = None, unit_id: int | None = None,  # type: ignore[no-untyped-def]
                    tim_id: int | None = None):
    qs = selectors.kegiatan_terlihat(request.user)
    if status:
        qs = qs.filter(status=status)
    if unit_id:
        qs = qs.filter(unit_id=unit_id)
    if tim_id:
        qs = qs.filter(tim_id=tim_id)
    return qs.order_by("selesai", "id")


@router.post("/kegiatan", response={201: KegiatanOut, **GALAT})
def buat_kegiatan(request: Permintaan, data: KegiatanIn) -> Any:
    d = data.dict()
    target_id = d.pop("target_id")
    return Status(201, _panggil(services.buat_kegiatan, pengguna=request.user, target_id=target_id,
                                data=services.DataKegiatan(**d)))


@router.get("/kegiatan/{int:pk}", response={200: KegiatanOut, **GALAT_BACA})
def kegiatan(request: Permintaan, pk: int) -> Any:
    return _kg(request, pk)


@router.get("/kegiatan/{int:pk}/riwayat", response={200: RiwayatOut, **GALAT_BACA},
            summary="Riwayat kegiatan: hasil, reviu, progres, umpan balik")
def riwayat(request: Permintaan, pk: int) -> dict[str, Any]:
    kg = _kg(request, pk)
    return {"hasil": list(kg.hasil.values("id", "versi", "level", "keluaran", "diajukan_oleh_id", "waktu")),
            "reviu": list(kg.reviu.values("id", "level", "peran", "peninjau_id", "keputusan", "catatan", "ke_level",
                                          "dasar_hukum", "waktu")),
            "progres": list(kg.progres.values("id", "tanggal", "persen", "capaian", "kendala", "jenis", "pelapor_id")),
            "umpan_balik": list(kg.umpan_balik.values("id", "induk_id", "pemberi_id", "isi", "waktu"))}


@router.post("/kegiatan/{int:pk}/tetapkan-rencana", response={200: KegiatanOut, **GALAT})
def tetapkan_rencana(request: Permintaan, pk: int) -> Any:
    return _panggil(services.tetapkan_rencana, pengguna=request.user, kegiatan_id=pk)


@router.post("/kegiatan/{int:pk}/mulai", response={200: KegiatanOut, **GALAT})
def mulai(request: Permintaan, pk: int) -> Any:
    return _panggil(services.mulai_pelaksanaan, pengguna=request.user, kegiatan_id=pk)


@router.post("/kegiatan/{int:pk}/progres", response={201: ProgresDicatatOut, **GALAT})
def progres(request: Permintaan, pk: int, data: ProgresIn) -> Any:
    lp = _panggil(services.lapor_progres, pengguna=request.user, kegiatan_id=pk, persen=data.persen,
                  capaian=data.capaian, kendala=data.kendala, jenis=data.jenis, berkas=_berkas(data.berkas))
    return Status(201, {"id": lp.id, "persen": lp.persen})


@router.post("/kegiatan/{int:pk}/umpan-balik", response={201: IdOut, **GALAT})
def umpan_balik(request: Permintaan, pk: int, data: UmpanBalikIn) -> Any:
    ub = _panggil(services.beri_umpan_balik, pengguna=request.user, kegiatan_id=pk, isi=data.isi,
                  induk_id=data.induk_id)
    return Status(201, {"id": ub.id})


@router.post("/kegiatan/{int:pk}/ajukan-hasil", response={200: KegiatanOut, **GALAT})
def ajukan_hasil(request: Permintaan, pk: int, data: HasilIn) -> Any:
    return _panggil(services.ajukan_hasil, pengguna=request.user, kegiatan_id=pk, keluaran=data.keluaran,
                    sesuai_target=data.sesuai_target, berkas=_berkas(data.berkas))


@router.post("/kegiatan/{int:pk}/terima", response={200: KegiatanOut, **GALAT})
def terima(request: Permintaan, pk: int, data: CatatanIn) -> Any:
    return _panggil(services.terima, pengguna=request.user, kegiatan_id=pk, catatan=data.catatan)


@router.post("/kegiatan/{int:pk}/kembalikan", response={200: KegiatanOut, **GALAT})
def kembalikan(request: Permintaan, pk: int, data: CatatanIn) -> Any:
    return _panggil(services.kembalikan, pengguna=request.user, kegiatan_id=pk, catatan=data.catatan)


@router.post("/kegiatan/{int:pk}/teruskan-pengembalian", response={200: KegiatanOut, **GALAT})
def teruskan(request: Permintaan, pk: int, data: CatatanIn) -> Any:
    return _panggil(services.teruskan_pengembalian, pengguna=request.user, kegiatan_id=pk, catatan=data.catatan)


@router.post("/kegiatan/{int:pk}/ajukan-ulang", response={200: KegiatanOut, **GALAT})
def ajukan_ulang(request: Permintaan, pk: int, data: HasilIn) -> Any:
    return _panggil(services.ajukan_ulang, pengguna=request.user, kegiatan_id=pk, keluaran=data.keluaran,
                    berkas=_berkas(data.berkas))


@router.post("/kegiatan/{int:pk}/batalkan", response={200: KegiatanOut, **GALAT})
def batalkan(request: Permintaan, pk: int, data: CatatanIn) -> Any:
    return _panggil(services.batalkan, pengguna=request.user, kegiatan_id=pk, alasan=data.catatan)


@router.post("/kegiatan/{int:pk}/serah-terima", response={201: SerahTerimaOut, **GALAT})
def serah_terima(request: Permintaan, pk: int, data: CatatanIn) -> Any:
    st = _panggil(services.catat_serah_terima, pengguna=request.user, kegiatan_id=pk, catatan=data.catatan)
    return Status(201, {"id": st.id, "penerima_id": st.penerima_id})


@router.get("/papan", response=dict[str, KolomPapanOut],
            summary="Papan kegiatan per kolom (akan, dikerjakan, reviu, selesai); 500 kegiatan terdekat tenggatnya")
def papan(request: Permintaan, unit_id: int | None = None, tim_id: int | None = None) -> dict[str, Any]:
    qs = selectors.kegiatan_terlihat(request.user)
    if tim_id:
        qs = qs.filter(tim_id=tim_id)
    if unit_id:
        qs = qs.filter(unit_id=unit_id)
    return {k: {"label": v["label"], "kegiatan": [{"id": x.id, "nama": x.nama, "status": x.status,
                                                   "persen_progres": x.persen_progres} for x in v["kegiatan"]]}
            for k, v in selectors.papan(qs).items()}


@router.get("/linimasa", response=list[LinimasaOut],
            summary="Kegiatan yang berjalan dalam tahun itu (linimasa), urut tanggal mulai, per halaman")
@paginate(Halaman)
def linimasa(request: Permintaan, tahun: int, unit_id: int | None = None,  # type: ignore[no-untyped-def]
             tim_id: int | None = None):
    qs = selectors.kegiatan_terlihat(request.user)
    if tim_id:
        qs = qs.filter(tim_id=tim_id)
    if unit_id:
        qs = qs.filter(unit_id=unit_id)
    # The bars of the page's Gantt (selectors.linimasa) without their drawing, every one of them.
    return selectors.kegiatan_dalam_masa(qs, date(tahun, 1, 1), date(tahun, 12, 31))


# --- dashboards and pertanggungjawaban ----------------------------------------------------------


@router.get("/dasbor", response={200: DasborOut, 403: Galat},
            summary="Dasbor pengguna: tugas minggu ini, tindakan, permintaan laporan; pejabat: unitnya")
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


@router.post("/laporan", response={201: LaporanIndividuOut, **GALAT})
def laporan(request: Permintaan, data: LaporanIn) -> Any:
    lap = _panggil(services.kirim_laporan_individu, pengguna=request.user, **data.dict())
    return Status(201, {"id": lap.id, "penerima_id": lap.penerima_id, "dasar_hukum": lap.dasar_hukum})


@router.post("/permintaan-laporan", response={201: PermintaanMasukOut, **GALAT})
def permintaan(request: Permintaan, data: PermintaanIn) -> Any:
    pm = _panggil(services.minta_laporan, pengguna=request.user, **data.dict())
    return Status(201, {"id": pm.id, "batas_waktu": pm.batas_waktu})


class SubTugasIn(Schema):
    nama: str
    penanggung_jawab_id: int | None = None
    batas_waktu: date | None = None


@router.post("/kegiatan/{int:pk}/subtugas", response={201: SubTugasOut, **GALAT})
def subtugas(request: Permintaan, pk: int, data: SubTugasIn) -> Any:
    st = _panggil(services.tambah_subtugas, pengguna=request.user, kegiatan_id=pk, **data.dict())
    return Status(201, {"id": st.id, "nama": st.nama})
