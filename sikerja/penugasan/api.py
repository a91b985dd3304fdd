"""Penugasan API: inbox, assignments of each path, transitions, letters.

Same rights as the pages (the services decide): 403 for a wrong actor, 404 for
anything outside the user's instansi, 400/409 for a refused decision.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import PageNumberPagination, paginate

from sikerja.akses import Permintaan
from sikerja.surat.models import Surat

from . import alur, selectors, services
from .errors import PenugasanError
from .models import Penugasan

router = Router(tags=["penugasan"])


class ItemOut(Schema):
    id: int
    jenis: str
    pesan: str
    # The assignment the item is about (None for another module's subject: see subjek_jenis).
    penugasan_id: int | None
    subjek_jenis: str
    subjek_id: int
    tautan: str
    surat_id: int | None
    terbuka: bool
    dibuat: datetime

    @staticmethod
    def resolve_penugasan_id(obj: Any) -> int | None:
        return obj.subjek_id if obj.subjek_jenis == selectors.SUBJEK else None


class PenerimaIn(Schema):
    pegawai_id: int
    beban_persen: int
    ketua: bool = False


class PenugasanIn(Schema):
    judul: str
    mulai: date
    selesai: date
    maksud_tujuan: str = ""
    uraian_tugas: str = ""
    kompetensi_dibutuhkan: str = ""
    target_kinerja: list[str] = []
    bentuk: str = "individu"
    sifat: str = "insidental"
    jumlah_dibutuhkan: int = 1
    jenjang_dibutuhkan: str = ""
    beban_diajukan: int = 0


class DalamUnitIn(PenugasanIn):
    penerima: list[PenerimaIn]
    alasan_beban: str = ""


class LintasUnitIn(PenugasanIn):
    ppk_tujuan_id: int


class LintasInstansiIn(PenugasanIn):
    instansi_tujuan_id: int


class SukarelaIn(PenugasanIn):
    puo_tujuan_id: int | None = None
    pegawai_id: int | None = None


class TransisiIn(Schema):
    aksi: str
    alasan: str = ""
    penerima: list[PenerimaIn] = []
    ppk_tujuan_id: int | None = None
    alasan_beban: str = ""
    # ajukan_ulang: the corrected content (the pemohon's request letter is re-issued with it).
    perubahan: PenugasanIn | None = None


class UbahSuratIn(Schema):
    alasan: str
    paragraf_tambahan: str = ""


class KandidatOut(Schema):
    id: int
    nama: str
    jabatan: str
    jenjang: str | None
    unit: str
    kompetensi: list[str]
    kompetensi_cocok: list[str]
    beban_persen: int


class SuratOut(Schema):
    id: int
    jenis: str
    nomor: str
    tanggal: date
    status: str
    kode_verifikasi: str
    penandatangan: str


class TransisiOut(Schema):
    aksi: str
    dari_status: str
    ke_status: str
    aktor: str
    waktu: datetime
    alasan: str
    surat_id: int | None


class PenugasanOut(Schema):
    id: int
    jalur: str
    status: str
    label_status: str
    judul: str
    mulai: date
    selesai: date
    pemohon: str
    aktor_sekarang: str | None
    aksi_tersedia: list[str]


class PenugasanDetailOut(PenugasanOut):
    target_kinerja: list[str]
    penerima: list[dict[str, Any]]
    surat: list[SuratOut]
    jejak: list[TransisiOut]


def _layani(fn: Callable[[], Any]) -> Any:
    try:
        return fn()
    except PenugasanError as e:
        raise HttpError(e.status_http, e.pesan) from e


def _data(body: PenugasanIn) -> services.DataPenugasan:
    return services.DataPenugasan(**{f: getattr(body, f) for f in services.DataPenugasan.FIELDS})


def _penerima(rows: list[PenerimaIn]) -> list[services.PenerimaInput]:
    return [services.PenerimaInput(r.pegawai_id, r.beban_persen, r.ketua) for r in rows]


def _ringkas(request: HttpRequest, p: Penugasan) -> dict[str, Any]:
    boleh = services.boleh_bertindak(request.user, p)
    return {"id": p.pk, "jalur": p.jalur, "status": p.status, "label_status": p.label_status, "judul": p.judul,
            "mulai": p.mulai, "selesai": p.selesai, "pemohon": p.pemohon.nama,
            "aktor_sekarang": p.aktor_sekarang.nama if p.aktor_sekarang else None,
            "aksi_tersedia": alur.aksi_tersedia(p.jalur, p.status, p.varian) if boleh else []}


def _detail(request: HttpRequest, p: Penugasan) -> dict[str, Any]:
    d = _ringkas(request, p)
    d["target_kinerja"] = p.target_kinerja
    d["penerima"] = [{"nama": r.pegawai.nama, "beban_persen": r.beban_persen, "ketua": r.ketua}
                     for r in selectors.penerima_terlihat(request.user, p)]
    d["surat"] = [_surat_out(s) for s in selectors.surat_terlihat(request.user, p)]
    d["jejak"] = [{"aksi": t.aksi, "dari_status": t.dari_status, "ke_status": t.ke_status, "aktor": t.aktor.nama,
                   "waktu": t.waktu, "alasan": t.alasan, "surat_id": t.surat_id}
                  for t in selectors.jejak_audit(request.user, p)]
    return d


def _milik(request: HttpRequest, pk: int) -> Penugasan:
    p = selectors.daftar_penugasan(request.user).filter(pk=pk).first()
    if p is None:
        raise HttpError(404, "Penugasan tidak ditemukan.")
    return p


class Halaman(PageNumberPagination):
    """``?page=N``, 50 per page; the answer is ``{"items": [...], "count": total}``."""

    class Input(PageNumberPagination.Input):
        pass

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(page_size=50, **kwargs)


@router.get("/kotak-masuk", response=list[ItemOut], summary="Kotak masuk pengguna (yang belum selesai), per halaman")
@paginate(Halaman)
def kotak_masuk(request: Permintaan, semua: bool = False):  # type: ignore[no-untyped-def]
    if not request.user.pegawai_id:
        raise HttpError(403, "Akun tidak terhubung ke data pegawai.")
    return selectors.kotak_masuk(request.user.pegawai_id, semua=semua)


class _Ringkas:
    """A page of assignments summarised per row (the paginator slices the queryset first)."""

    def __init__(self, request: HttpRequest) -> None:
        self.request = request
        self.qs = selectors.daftar_penugasan(request.user)

    def __len__(self) -> int:
        return self.qs.count()

    def count(self) -> int:
        return self.qs.count()

    def __getitem__(self, k: slice) -> list[dict[str, Any]]:
        return [_ringkas(self.request, p) for p in self.qs[k]]


@router.get("/", response=list[PenugasanOut], summary="Penugasan yang terlihat oleh pengguna, per halaman")
@paginate(Halaman)
def daftar(request: HttpRequest):  # type: ignore[no-untyped-def]
    return _Ringkas(request)


@router.get("/{int:pk}", response=PenugasanDetailOut)
def detail(request: HttpRequest, pk: int):  # type: ignore[no-untyped-def]
    return _detail(request, _milik(request, pk))


@router.post("/dalam-unit", response={201: PenugasanDetailOut}, summary="Penunjukan dalam unit organisasi")
def buat_dalam_unit(request: HttpRequest, body: DalamUnitIn):  # type: ignore[no-untyped-def]
    p = _layani(lambda: services.buat_penunjukan_dalam_unit(
        pengguna=request.user, data=_data(body), penerima=_penerima(body.penerima), alasan_beban=body.alasan_beban))
    return Status(201, _detail(request, p))


@router.post("/lintas-unit", response={201: PenugasanDetailOut}, summary="Penunjukan lintas unit organisasi")
def buat_lintas_unit(request: HttpRequest, body: LintasUnitIn):  # type: ignore[no-untyped-def]
    p = _layani(lambda: services.buat_penunjukan_lintas_unit(
        pengguna=request.user, data=_data(body), ppk_tujuan_id=body.ppk_tujuan_id))
    return Status(201, _detail(request, p))


@router.post("/lintas-instansi", response={201: PenugasanDetailOut}, summary="Penunjukan lintas instansi")
def buat_lintas_instansi(request: HttpRequest, body: LintasInstansiIn):  # type: ignore[no-untyped-def]
    p = _layani(lambda: services.buat_penunjukan_lintas_instansi(
        pengguna=request.user, data=_data(body), instansi_tujuan_id=body.instansi_tujuan_id))
    return Status(201, _detail(request, p))


@router.post("/sukarela", response={201: PenugasanDetailOut},
             summary="Pengajuan sukarela (dalam unit bila puo_tujuan_id kosong, lintas unit bila diisi)")
def buat_sukarela(request: HttpRequest, body: SukarelaIn):  # type: ignore[no-untyped-def]
    p = _layani(lambda: services.buat_pengajuan_sukarela(
        pengguna=request.user, data=_data(body), puo_tujuan_id=body.puo_tujuan_id, pegawai_id=body.pegawai_id))
    return Status(201, _detail(request, p))


@router.post("/{int:pk}/transisi", response=PenugasanDetailOut,
             summary="Keputusan: setujui, tolak (alasan wajib), kembalikan (alasan wajib), ajukan_ulang")
def transisi(request: HttpRequest, pk: int, body: TransisiIn):  # type: ignore[no-untyped-def]
    p = _layani(lambda: services.jalankan(
        pengguna=request.user, penugasan_id=pk, aksi=body.aksi, alasan=body.alasan,
        penerima=_penerima(body.penerima), ppk_tujuan_id=body.ppk_tujuan_id, alasan_beban=body.alasan_beban,
        perubahan=_data(body.perubahan) if body.perubahan else None))
    return _detail(request, p)


@router.post("/{int:pk}/dibaca", response=PenugasanDetailOut,
             summary="Tandai tembusan dan pemberitahuan penugasan ini sudah dibaca (seperti membuka halamannya)")
def dibaca(request: Permintaan, pk: int):  # type: ignore[no-untyped-def]
    p = _milik(request, pk)
    if request.user.pegawai_id:
        services.tandai_dibaca(pegawai_id=request.user.pegawai_id, penugasan_id=p.pk)
    return _detail(request, p)


@router.get("/{int:pk}/kandidat", response=list[KandidatOut],
            summary="Kandidat pegawai untuk keputusan ini: saring kompetensi, jenjang, unit, beban maksimum")
def kandidat(request: Permintaan, pk: int, kompetensi: str = "", jenjang: str = "", unit_id: int | None = None,  # type: ignore[no-untyped-def]
             beban_maks: int | None = None):
    p = _milik(request, pk)
    if not services.boleh_bertindak(request.user, p):
        raise HttpError(403, "Kandidat hanya untuk pejabat yang sedang memutuskan penugasan ini.")
    from sikerja.organisasi.models import Pegawai

    pejabat = Pegawai.objects.get(pk=request.user.pegawai_id)
    frasa = selectors.frasa_kompetensi(p.kompetensi_dibutuhkan)
    qs = selectors.kandidat(pejabat, mulai=p.mulai, selesai=p.selesai, kompetensi=kompetensi, jenjang=jenjang,
                            unit_id=unit_id, beban_maks=beban_maks, lingkup=services.lingkup_pejabat(p, pejabat.pk))
    out = []
    for pg in qs[:200]:
        komp = [k.nama for k in pg.kompetensi.all()]
        out.append({"id": pg.pk, "nama": pg.nama, "jabatan": pg.jabatan, "jenjang": pg.jenjang, "unit": pg.unit.nama,
                    "kompetensi": komp, "kompetensi_cocok": [k for k in komp if selectors.cocok_kompetensi(k, frasa)],
                    "beban_persen": pg.beban})  # type: ignore[attr-defined]
    return out


@router.post("/surat/{int:pk}/cabut", response=SuratOut,
             summary="Cabut surat (penandatangan; surat penugasan/permohonan yang dicabut mengakhiri penugasan)")
def cabut_surat(request: HttpRequest, pk: int, body: UbahSuratIn):  # type: ignore[no-untyped-def]
    s = _layani(lambda: services.cabut_surat(pengguna=request.user, surat_id=pk, alasan=body.alasan))
    return _surat_out(s)


@router.post("/surat/{int:pk}/koreksi", response={201: SuratOut},
             summary="Koreksi surat: surat baru yang menyebut surat lama (penandatangan)")
def koreksi_surat(request: HttpRequest, pk: int, body: UbahSuratIn):  # type: ignore[no-untyped-def]
    s = _layani(lambda: services.koreksi_surat(pengguna=request.user, surat_id=pk, alasan=body.alasan,
                                               paragraf_tambahan=body.paragraf_tambahan))
    return Status(201, _surat_out(s))


def _surat_out(s: Surat) -> dict[str, Any]:
    return {"id": s.pk, "jenis": s.jenis, "nomor": s.nomor, "tanggal": s.tanggal, "status": s.status,
            "kode_verifikasi": s.kode_verifikasi, "penandatangan": s.penandatangan.nama}


@router.get("/surat/{int:pk}/pdf", summary="Unduh PDF surat")
def unduh_surat(request: HttpRequest, pk: int):  # type: ignore[no-untyped-def]
    s = Surat.objects.filter(pk=pk, pk__in=selectors.surat_terlihat(request.user).values("pk")).first()
    if s is None:
        raise HttpError(404, "Surat tidak ditemukan.")
    resp = HttpResponse(bytes(s.pdf), content_type="application/pdf")
    resp["Content-Disposition"] = f'attachment; filename="surat-{s.nomor.replace("/", "-")}.pdf"'
    return resp
