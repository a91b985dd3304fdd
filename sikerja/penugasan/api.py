"""Penugasan API: inbox, assignments of each path, transitions, letters.

Same rights as the pages (the services decide): 403 for a wrong actor, 404 for
anything outside the user's instansi, 400/409 for a refused decision.

A client holding only a token finds every id it needs here (issue 9 point 10): the paths it
may start (``/jalur``), the officials a request may be addressed to (``/jalur/{jalur}/dituju``),
the instansi dituju, the candidates, the officials a PyB may instruct (``/{pk}/dituju``), the
letters with addressees and PDF link, the audit trail; pegawai by NIP or name are in
``/api/organisasi/pegawai``. Every list answers a page (``?page=N``: ``items`` and ``count``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import PageNumberPagination, paginate

from sikerja.akses import Permintaan
from sikerja.organisasi.models import Instansi, Pegawai
from sikerja.surat import jenis as jenis_surat
from sikerja.surat.models import Surat
from sikerja.surat.services import url_verifikasi

from . import alur, selectors, services
from . import peringatan as peringatan_mod
from .errors import PenugasanError
from .models import Penugasan

router = Router(tags=["penugasan"])


class Galat(Schema):
    """A refusal: what to fix, in Bahasa Indonesia."""

    detail: str


# The refusals every decision and read of one assignment may answer (same rights as the pages).
GALAT: dict[int, Any] = {400: Galat, 403: Galat, 404: Galat, 409: Galat}


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


class SetujuiIn(Schema):
    # The pegawai chosen where the step names them (``pilih_pegawai`` in ``keputusan``).
    penerima: list[PenerimaIn] = []
    # The PPK instructed where the step names him (``pilih_ppk``; ids from ``/{pk}/dituju``).
    ppk_tujuan_id: int | None = None
    alasan_beban: str = ""
    catatan: str = ""
    # The Keputusan Kepala Daerah, where the step is his (Perwal Blitar 6/2023 Pasal 21 ayat (1) huruf c).
    nomor_keputusan: str = ""
    tanggal_keputusan: date | None = None


class KeputusanKepalaDaerahIn(Schema):
    setuju: bool = True
    nomor_keputusan: str = ""
    tanggal_keputusan: date | None = None
    alasan: str = ""


class AlasanKeputusanIn(Schema):
    alasan: str


class CatatanRekomendasiIn(Schema):
    catatan: str = ""


class AjukanUlangIn(Schema):
    perubahan: PenugasanIn | None = None


class UbahSuratIn(Schema):
    alasan: str
    paragraf_tambahan: str = ""


class KoreksiSuratIn(UbahSuratIn):
    # What the letter should say instead (issue 9 point 8): period, uraian, target…, and on the
    # surat penugasan the pegawai; left out, the letter is reissued with the current content.
    perubahan: PenugasanIn | None = None
    penerima: list[PenerimaIn] | None = None
    alasan_beban: str = ""


class KandidatOut(Schema):
    id: int
    nip: str
    nama: str
    jabatan: str
    jenjang: str | None
    unit_id: int
    unit: str
    kompetensi: list[str]
    kompetensi_cocok: list[str]
    beban_persen: int


class OrangOut(Schema):
    id: int
    nip: str
    nama: str
    jabatan: str


class PejabatOut(OrangOut):
    unit_id: int
    unit: str
    perangkat_daerah: str


class InstansiDitujuOut(Schema):
    id: int
    kode: str
    nama: str
    # A request can be sent only where a Pejabat yang Berwenang is set (Karangasem Pasal 14 ayat (4)).
    pyb_ditetapkan: bool


class JalurOut(Schema):
    kode: str
    label: str
    keterangan: str
    # The basis shown on the path card and the path's basis in the instansi's own regulation (or the
    # national one, said so); where the regulation contradicts itself, the reading chosen (point 5).
    dasar: str
    dasar_hukum: str
    bacaan: str
    varian: str
    boleh: bool
    alasan_tertutup: str | None
    permohonan_tertulis: bool
    sukarela: bool
    lintas_instansi: bool
    # The body field naming the addressee (ids from /jalur/{kode}/dituju), and what the regulation calls him.
    field_dituju: str | None
    label_dituju: str | None
    # Where to POST the request.
    buat: str


class SuratOut(Schema):
    id: int
    jenis: str
    nomor: str
    tanggal: date
    status: str
    kode_verifikasi: str
    penandatangan: str


class SuratRinciOut(SuratOut):
    judul_jenis: str
    label_status: str
    perihal: str
    penugasan_id: int | None
    penandatangan_id: int
    kepada: list[OrangOut]
    tembusan: list[OrangOut]
    mengoreksi_id: int | None
    alasan_status: str
    pdf: str
    verifikasi: str


class TransisiOut(Schema):
    aksi: str
    dari_status: str
    ke_status: str
    aktor: str
    waktu: datetime
    alasan: str
    surat_id: int | None


class JejakOut(TransisiOut):
    id: int
    label_aksi: str
    label_dari: str
    label_ke: str
    aktor_id: int
    dasar_hukum: str


class KeputusanOut(Schema):
    aksi: str
    label: str
    wajib_alasan: bool
    # What the approval must carry (read from the state table).
    pilih_pegawai: bool
    pilih_ppk: bool
    catatan: str


class PenerimaOut(Schema):
    pegawai_id: int
    nip: str
    nama: str
    beban_persen: int
    ketua: bool


class PeringatanTanggalOut(Schema):
    kode: str
    pesan: str


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
    varian: str
    pemohon_id: int
    aktor_sekarang_id: int | None
    # The decisions open to the caller now, with what each needs.
    keputusan: list[KeputusanOut]
    dasar_hukum_langkah: str
    penerima: list[PenerimaOut]
    surat: list[SuratOut]
    jejak: list[TransisiOut]
    # Warnings about the dates that do not stop it (issue 9 point 9), as the form and decision card show them.
    peringatan: list[PeringatanTanggalOut]


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


def _keputusan(request: HttpRequest, p: Penugasan) -> list[dict[str, Any]]:
    if not services.boleh_bertindak(request.user, p):
        return []
    lk = alur.tabel_status(p).langkah.get(p.status)
    if lk is None:
        return []
    return [{"aksi": k.aksi, "label": k.label, "wajib_alasan": bool(k.wajib_alasan),
             "pilih_pegawai": k.aksi == "setujui" and bool(lk.fakta.get("pilih_pegawai")),
             "pilih_ppk": k.aksi == "setujui" and bool(lk.fakta.get("pilih_ppk")),
             "catatan": (lk.fakta.get("catatan") or "") if k.aksi == "setujui" else ""} for k in lk.keputusan]


def _detail(request: HttpRequest, p: Penugasan, *, baru: bool = False) -> dict[str, Any]:
    """The assignment as the caller may see it; ``baru``: just made by him (its date warnings shown
    even when it is already in force, as the form's page after saving does)."""
    d = _ringkas(request, p)
    lk = alur.tabel_status(p).langkah.get(p.status)
    d["peringatan"] = [{"kode": w.kode, "pesan": w.pesan} for w in peringatan_mod.periksa_tanggal(p.mulai, p.selesai)
                       ] if (baru or d["aksi_tersedia"]) else []
    d.update({"target_kinerja": p.target_kinerja, "varian": p.varian, "pemohon_id": p.pemohon_id,
              "aktor_sekarang_id": p.aktor_sekarang_id, "keputusan": _keputusan(request, p),
              "dasar_hukum_langkah": lk.dasar_hukum if lk else ""})
    d["penerima"] = [{"pegawai_id": r.pegawai_id, "nip": r.pegawai.nip, "nama": r.pegawai.nama,
                      "beban_persen": r.beban_persen, "ketua": r.ketua}
                     for r in selectors.penerima_terlihat(request.user, p)]
    d["surat"] = [_surat_out(s) for s in selectors.surat_penugasan_terlihat(request.user, p)]
    d["jejak"] = [{"aksi": t.aksi, "dari_status": t.dari_status, "ke_status": t.ke_status, "aktor": t.aktor.nama,
                   "waktu": t.waktu, "alasan": t.alasan, "surat_id": t.surat_id}
                  for t in selectors.jejak_halaman(request.user, p)]
    return d


def _milik(request: HttpRequest, pk: int) -> Penugasan:
    p = selectors.penugasan_untuk(request.user, pk)
    if p is None:
        raise HttpError(404, "Penugasan tidak ditemukan.")
    return p


def _pegawai_saya(request: Permintaan) -> Pegawai:
    """The caller's own pegawai row (every path starts and every decision is taken by one)."""
    if not request.user.instansi_id or not request.user.pegawai_id:
        raise HttpError(403, "Akun tidak terhubung ke data pegawai.")
    return Pegawai.objects.select_related("instansi", "unit").get(pk=request.user.pegawai_id)


class Halaman(PageNumberPagination):
    """``?page=N``, 50 per page; the answer is ``{"items": [...], "count": total}``."""

    class Input(PageNumberPagination.Input):
        pass

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(page_size=50, **kwargs)


class _Baris:
    """A queryset turned into rows one page at a time (the paginator counts, then slices)."""

    def __init__(self, qs: QuerySet | selectors.KandidatPerHalaman, baris: Callable[[Any], dict[str, Any]]) -> None:
        self.qs, self.baris = qs, baris

    def __len__(self) -> int:
        return self.qs.count()

    def count(self) -> int:
        return self.qs.count()

    def __getitem__(self, k: slice) -> list[dict[str, Any]]:
        return [self.baris(x) for x in self.qs[k]]


class _BarisId(_Baris):
    """Like :class:`_Baris` for a list whose filter is costly (the officials of a 50,000-pegawai
    instansi come from a scan of its kedudukan): its ordered ids are read once, serving both the
    count and the page, and only the page's rows are fetched."""

    def __init__(self, qs: QuerySet[Pegawai], baris: Callable[[Any], dict[str, Any]]) -> None:
        super().__init__(qs, baris)
        self.ids = list(qs.values_list("id", flat=True))

    def count(self) -> int:
        return len(self.ids)

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, k: slice) -> list[dict[str, Any]]:
        ids = self.ids[k]
        per_id = Pegawai.objects.select_related("unit__akar_pd").in_bulk(ids)
        return [self.baris(per_id[i]) for i in ids]


@router.get("/kotak-masuk", response=list[ItemOut], summary="Kotak masuk pengguna (yang belum selesai), per halaman")
@paginate(Halaman)
def kotak_masuk(request: Permintaan, semua: bool = False):  # type: ignore[no-untyped-def]
    if not request.user.pegawai_id:
        raise HttpError(403, "Akun tidak terhubung ke data pegawai.")
    return selectors.kotak_masuk(request.user.pegawai_id, semua=semua)


@router.get("/", response=list[PenugasanOut], summary="Penugasan yang terlihat oleh pengguna, per halaman")
@paginate(Halaman)
def daftar(request: HttpRequest):  # type: ignore[no-untyped-def]
    return _Baris(selectors.daftar_penugasan(request.user), lambda p: _ringkas(request, p))


# --- what a client needs to start a path ---------------------------------------------------

_BUAT = {"dalam_unit": "dalam-unit", "lintas_unit": "lintas-unit", "lintas_instansi": "lintas-instansi",
         "sukarela_dalam_unit": "sukarela", "sukarela_lintas_unit": "sukarela"}


def _jalur_out(instansi: Instansi, kode: str, tertutup: dict[str, str]) -> dict[str, Any]:
    from .aturan import aturan
    from .views import _keterangan

    varian = services.varian_untuk(instansi, kode)
    tabel = alur.alur_dari(kode, varian)
    fakta = alur.FAKTA_JALUR[kode]
    # The card's text and article as the page shows them: the instansi's own regulation (issue 9 point 1).
    teks, dasar = _keterangan(kode, varian, instansi.profil)
    pilih = fakta.get("pilih_dituju")
    bawaan = {"ppk_tujuan": "Pejabat Penilai Kinerja dituju", "puo_tujuan": "Pimpinan unit organisasi dituju"}
    return {"kode": kode, "label": alur.JALUR[kode], "keterangan": teks, "dasar": dasar,
            "dasar_hukum": alur.dasar_jalur(kode, varian, instansi.profil), "bacaan": aturan(instansi.profil).bacaan(kode),
            "varian": varian, "boleh": kode not in tertutup,
            "alasan_tertutup": tertutup.get(kode), "permohonan_tertulis": fakta["permohonan_tertulis"],
            "sukarela": fakta["sukarela"], "lintas_instansi": fakta["lintas_instansi"],
            "field_dituju": f"{pilih}_id" if pilih else None,
            "label_dituju": dict(tabel.label_peran).get(pilih, bawaan[pilih]) if pilih else None,
            "buat": f"/api/penugasan/{_BUAT[kode]}"}


@router.get("/jalur", response=list[JalurOut],
            summary="Jalur penugasan: boleh dimulai pengguna atau tidak (dengan alasannya), dasar hukum, isian dituju")
@paginate(Halaman)
def jalur(request: Permintaan):  # type: ignore[no-untyped-def]
    saya = _pegawai_saya(request)
    tertutup = services.jalur_tertutup(saya)
    return [_jalur_out(saya.instansi, k, tertutup) for k in alur.JALUR]


def _pejabat_out(p: Pegawai) -> dict[str, Any]:
    pd = p.unit.akar_pd or p.unit
    return {"id": p.pk, "nip": p.nip, "nama": p.nama, "jabatan": p.jabatan, "unit_id": p.unit_id,
            "unit": p.unit.nama, "perangkat_daerah": pd.nama}


@router.get("/jalur/{jalur}/dituju", response={200: list[PejabatOut], 400: Galat, 403: Galat, 404: Galat},
            summary="Pejabat yang dapat dituju permohonan pada jalur ini (isian ppk_tujuan_id / puo_tujuan_id)")
@paginate(Halaman)
def dituju_jalur(request: Permintaan, jalur: str, q: str = ""):  # type: ignore[no-untyped-def]
    if jalur not in alur.JALUR:
        raise HttpError(404, "Jalur penugasan tidak dikenal.")
    saya = _pegawai_saya(request)
    if alasan := services.jalur_tertutup(saya).get(jalur):
        raise HttpError(403, alasan)
    if not alur.FAKTA_JALUR[jalur].get("pilih_dituju"):
        raise HttpError(400, f"{alur.JALUR[jalur]} tidak memilih pejabat dituju"
                             + (": pilih instansi dituju (/api/penugasan/instansi-dituju); PyB-nya menginstruksikan "
                                "PPK di sana." if alur.FAKTA_JALUR[jalur]["lintas_instansi"] else "."))
    qs = selectors.pejabat_dituju_jalur(saya.instansi, jalur, saya).exclude(id=saya.pk)
    if q.strip():
        qs = qs.filter(nip__startswith=q.strip()) if q.strip().isdigit() else qs.filter(nama__icontains=q.strip())
    return _BarisId(qs, _pejabat_out)


@router.get("/instansi-dituju", response=list[InstansiDitujuOut],
            summary="Instansi lain yang dapat dituju penunjukan lintas instansi (isian instansi_tujuan_id)")
@paginate(Halaman)
def instansi_dituju(request: Permintaan):  # type: ignore[no-untyped-def]
    saya = _pegawai_saya(request)
    # Not an instansi whose regulation has no lintas-instansi path (Magelang Pasal 11 ayat (2), 14 ayat (1)).
    qs = selectors.instansi_tujuan_lintas(saya.instansi_id).order_by("nama", "id")
    return _Baris(qs, lambda i: {"id": i.pk, "kode": i.kode, "nama": i.nama, "pyb_ditetapkan": i.pyb_id is not None})


def _kandidat_out(pg: Pegawai, frasa: list[list[str]]) -> dict[str, Any]:
    komp = [k.nama for k in pg.kompetensi.all()]
    return {"id": pg.pk, "nip": pg.nip, "nama": pg.nama, "jabatan": pg.jabatan, "jenjang": pg.jenjang,
            "unit_id": pg.unit_id, "unit": pg.unit.nama, "kompetensi": komp,
            "kompetensi_cocok": [k for k in komp if selectors.cocok_kompetensi(k, frasa)],
            "beban_persen": pg.beban}  # type: ignore[attr-defined]


@router.get("/kandidat", response={200: list[KandidatOut], 400: Galat, 403: Galat},
            summary="Pegawai yang dapat Anda tunjuk langsung (penunjukan dalam unit): saring kompetensi, jenjang, "
                    "unit, beban maksimum pada periode mulai–selesai")
@paginate(Halaman)
def kandidat_saya(request: Permintaan, mulai: str = "", selesai: str = "", kompetensi: str = "",  # type: ignore[no-untyped-def]
                  jenjang: str = "", unit_id: int | None = None, beban_maks: int | None = None):
    # Dates as ISO text (YYYY-MM-DD): @paginate's wrapper resolves annotations in ninja's own
    # module, where ``date`` is unknown; only builtins survive it.
    saya = _pegawai_saya(request)
    try:
        dari = date.fromisoformat(mulai) if mulai else timezone.localdate()
        sampai = date.fromisoformat(selesai) if selesai else dari + timedelta(days=90)
    except ValueError as e:
        raise HttpError(400, "Tanggal ditulis TTTT-BB-HH, misalnya 2026-01-31.") from e
    if sampai < dari:
        raise HttpError(400, "Tanggal selesai sebelum tanggal mulai.")
    qs = selectors.KandidatPerHalaman(saya, mulai=dari, selesai=sampai, kompetensi=kompetensi, jenjang=jenjang,
                                      unit_id=unit_id, beban_maks=beban_maks)
    frasa = selectors.frasa_kompetensi(kompetensi)
    return _Baris(qs, lambda pg: _kandidat_out(pg, frasa))


# --- one assignment ---------------------------------------------------------------------------


@router.get("/{int:pk}", response={200: PenugasanDetailOut, 404: Galat})
def detail(request: HttpRequest, pk: int):  # type: ignore[no-untyped-def]
    return _detail(request, _milik(request, pk))


@router.post("/dalam-unit", response={201: PenugasanDetailOut, **GALAT}, summary="Penunjukan dalam unit organisasi")
def buat_dalam_unit(request: HttpRequest, body: DalamUnitIn):  # type: ignore[no-untyped-def]
    p = _layani(lambda: services.buat_penunjukan_dalam_unit(
        pengguna=request.user, data=_data(body), penerima=_penerima(body.penerima), alasan_beban=body.alasan_beban))
    return Status(201, _detail(request, p, baru=True))


@router.post("/lintas-unit", response={201: PenugasanDetailOut, **GALAT}, summary="Penunjukan lintas unit organisasi")
def buat_lintas_unit(request: HttpRequest, body: LintasUnitIn):  # type: ignore[no-untyped-def]
    p = _layani(lambda: services.buat_penunjukan_lintas_unit(
        pengguna=request.user, data=_data(body), ppk_tujuan_id=body.ppk_tujuan_id))
    return Status(201, _detail(request, p, baru=True))


@router.post("/lintas-instansi", response={201: PenugasanDetailOut, **GALAT}, summary="Penunjukan lintas instansi")
def buat_lintas_instansi(request: HttpRequest, body: LintasInstansiIn):  # type: ignore[no-untyped-def]
    p = _layani(lambda: services.buat_penunjukan_lintas_instansi(
        pengguna=request.user, data=_data(body), instansi_tujuan_id=body.instansi_tujuan_id))
    return Status(201, _detail(request, p, baru=True))


@router.post("/sukarela", response={201: PenugasanDetailOut, **GALAT},
             summary="Pengajuan sukarela (dalam unit bila puo_tujuan_id kosong, lintas unit bila diisi)")
def buat_sukarela(request: HttpRequest, body: SukarelaIn):  # type: ignore[no-untyped-def]
    p = _layani(lambda: services.buat_pengajuan_sukarela(
        pengguna=request.user, data=_data(body), puo_tujuan_id=body.puo_tujuan_id, pegawai_id=body.pegawai_id))
    return Status(201, _detail(request, p, baru=True))


def _jalankan(request: HttpRequest, pk: int, aksi: str, *, alasan: str = "", penerima: list[PenerimaIn] | None = None,
              ppk_tujuan_id: int | None = None, alasan_beban: str = "", perubahan: PenugasanIn | None = None,
              nomor_keputusan: str = "", tanggal_keputusan: date | None = None) -> dict[str, Any]:
    p = _layani(lambda: services.jalankan(
        pengguna=request.user, penugasan_id=pk, aksi=aksi, alasan=alasan, penerima=_penerima(penerima or []),
        ppk_tujuan_id=ppk_tujuan_id, alasan_beban=alasan_beban, perubahan=_data(perubahan) if perubahan else None,
        nomor_keputusan=nomor_keputusan, tanggal_keputusan=tanggal_keputusan))
    return _detail(request, p)


@router.post("/{int:pk}/transisi", response={200: PenugasanDetailOut, **GALAT},
             summary="Keputusan: setujui, tolak (alasan wajib), kembalikan (alasan wajib), ajukan_ulang")
def transisi(request: HttpRequest, pk: int, body: TransisiIn):  # type: ignore[no-untyped-def]
    return _jalankan(request, pk, body.aksi, alasan=body.alasan, penerima=body.penerima,
                     ppk_tujuan_id=body.ppk_tujuan_id, alasan_beban=body.alasan_beban, perubahan=body.perubahan)


@router.post("/{int:pk}/setujui", response={200: PenugasanDetailOut, **GALAT},
             summary="Setujui langkah ini (dengan pegawai dipilih atau PPK yang diinstruksikan bila langkahnya meminta)")
def setujui(request: HttpRequest, pk: int, body: SetujuiIn):  # type: ignore[no-untyped-def]
    return _jalankan(request, pk, "setujui", alasan=body.catatan, penerima=body.penerima,
                     ppk_tujuan_id=body.ppk_tujuan_id, alasan_beban=body.alasan_beban,
                     nomor_keputusan=body.nomor_keputusan, tanggal_keputusan=body.tanggal_keputusan)


@router.post("/{int:pk}/keputusan-kepala-daerah", response={200: PenugasanDetailOut, **GALAT},
             summary="Catat Keputusan Kepala Daerah atas tim lintas instansi (Kepala Daerah, atau admin instansi "
                     "untuk penandatangan di luar sistem): nomor dan tanggal, atau penolakan dengan alasan")
def keputusan_kepala_daerah(request: HttpRequest, pk: int, body: KeputusanKepalaDaerahIn):  # type: ignore[no-untyped-def]
    # Perwal Blitar 6/2023 Pasal 21 ayat (1) huruf c, Pasal 22 huruf c.
    p = _layani(lambda: services.catat_keputusan_kepala_daerah(
        pengguna=request.user, penugasan_id=pk, setuju=body.setuju, nomor=body.nomor_keputusan,
        tanggal=body.tanggal_keputusan, alasan=body.alasan))
    return _detail(request, p)


@router.post("/{int:pk}/tolak", response={200: PenugasanDetailOut, **GALAT},
             summary="Tolak dengan alasan (dijawab dengan surat jawaban bila permohonannya tertulis)")
def tolak(request: HttpRequest, pk: int, body: AlasanKeputusanIn):  # type: ignore[no-untyped-def]
    return _jalankan(request, pk, "tolak", alasan=body.alasan)


@router.post("/{int:pk}/kembalikan", response={200: PenugasanDetailOut, **GALAT},
             summary="Kembalikan untuk perbaikan, dengan apa yang perlu diperbaiki")
def kembalikan(request: HttpRequest, pk: int, body: AlasanKeputusanIn):  # type: ignore[no-untyped-def]
    return _jalankan(request, pk, "kembalikan", alasan=body.alasan)


@router.post("/{int:pk}/ajukan-ulang", response={200: PenugasanDetailOut, **GALAT},
             summary="Ajukan ulang permohonan yang dikembalikan (pemohon), dengan isi yang diperbaiki")
def ajukan_ulang(request: HttpRequest, pk: int, body: AjukanUlangIn):  # type: ignore[no-untyped-def]
    return _jalankan(request, pk, "ajukan_ulang", perubahan=body.perubahan)


def _langkah_bernama(request: HttpRequest, pk: int, apakah: Callable[[alur.Langkah], bool], pesan: str) -> None:
    """A named decision (rekomendasi, teruskan) is an approval of one kind of step: refuse it in any other."""
    p = _milik(request, pk)
    lk = alur.langkah(p.jalur, p.status, p.varian)
    if lk is None or not apakah(lk):
        raise HttpError(409, f"{pesan} Status sekarang: {p.label_status}.")


@router.post("/{int:pk}/rekomendasi", response={200: PenugasanDetailOut, **GALAT},
             summary="Berikan rekomendasi atas pegawai yang dipilih PPK (pimpinan unit organisasi pegawai)")
def rekomendasi(request: HttpRequest, pk: int, body: CatatanRekomendasiIn):  # type: ignore[no-untyped-def]
    # Pasuruan Lampiran II.B.2.a.2 huruf c / II.B.2.a.3 huruf d: "dengan rekomendasi dari Pimpinan Unit Organisasi".
    _langkah_bernama(request, pk, lambda lk: lk.hasil == "rekomendasi_puo",
                     "Penugasan ini tidak sedang menunggu rekomendasi.")
    return _jalankan(request, pk, "setujui", alasan=body.catatan)


@router.post("/{int:pk}/teruskan", response={200: PenugasanDetailOut, **GALAT},
             summary="Teruskan pengajuan sukarela yang disetujui unit dituju kepada PPK (pemohon)")
def teruskan(request: HttpRequest, pk: int):  # type: ignore[no-untyped-def]
    # Karangasem Pasal 15 ayat (3) huruf b; Magelang Lampiran II huruf B angka 2 huruf b.
    _langkah_bernama(request, pk, lambda lk: lk.aktor == "pemohon",
                     "Penugasan ini tidak sedang menunggu diteruskan oleh pemohon.")
    return _jalankan(request, pk, "setujui")


@router.post("/{int:pk}/dibaca", response={200: PenugasanDetailOut, 404: Galat},
             summary="Tandai tembusan dan pemberitahuan penugasan ini sudah dibaca (seperti membuka halamannya)")
def dibaca(request: Permintaan, pk: int):  # type: ignore[no-untyped-def]
    p = _milik(request, pk)
    if request.user.pegawai_id:
        services.tandai_dibaca(pegawai_id=request.user.pegawai_id, penugasan_id=p.pk)
    return _detail(request, p)


def _pengambil_keputusan(request: Permintaan, pk: int) -> tuple[Penugasan, Pegawai]:
    p = _milik(request, pk)
    if not services.boleh_bertindak(request.user, p):
        raise HttpError(403, "Hanya untuk pejabat yang sedang memutuskan penugasan ini.")
    return p, _pegawai_saya(request)


@router.get("/{int:pk}/kandidat", response={200: list[KandidatOut], 403: Galat, 404: Galat},
            summary="Kandidat pegawai untuk keputusan ini: saring kompetensi, jenjang, unit, beban maksimum")
@paginate(Halaman)
def kandidat(request: Permintaan, pk: int, kompetensi: str = "", jenjang: str = "", unit_id: int | None = None,  # type: ignore[no-untyped-def]
             beban_maks: int | None = None):
    p, pejabat = _pengambil_keputusan(request, pk)
    frasa = selectors.frasa_kompetensi(p.kompetensi_dibutuhkan)
    qs = selectors.KandidatPerHalaman(pejabat, mulai=p.mulai, selesai=p.selesai, kompetensi=kompetensi,
                                      jenjang=jenjang, unit_id=unit_id, beban_maks=beban_maks,
                                      lingkup=services.lingkup_pejabat(p, pejabat.pk))
    return _Baris(qs, lambda pg: _kandidat_out(pg, frasa))


@router.get("/{int:pk}/dituju", response={200: list[PejabatOut], 403: Galat, 404: Galat, 409: Galat},
            summary="Pejabat yang dapat diinstruksikan pada langkah ini (PyB dituju, lintas instansi: ppk_tujuan_id)")
@paginate(Halaman)
def dituju_langkah(request: Permintaan, pk: int, q: str = ""):  # type: ignore[no-untyped-def]
    p, pejabat = _pengambil_keputusan(request, pk)
    lk = alur.tabel_status(p).langkah.get(p.status)
    if lk is None or not lk.fakta.get("pilih_ppk"):
        raise HttpError(409, "Langkah ini tidak memilih pejabat yang diinstruksikan.")
    # Only the PPK of some pegawai of the requested kind (Karangasem Pasal 14 ayat (4) huruf c–d).
    qs = selectors.ppk_diinstruksikan(pejabat.instansi_id, p.jenjang_dibutuhkan).exclude(id=pejabat.pk)
    if q.strip():
        qs = qs.filter(nip__startswith=q.strip()) if q.strip().isdigit() else qs.filter(nama__icontains=q.strip())
    return _BarisId(qs, _pejabat_out)


def _jejak_out(t: Any) -> dict[str, Any]:
    return {"id": t.pk, "aksi": t.aksi, "label_aksi": t.label_aksi, "dari_status": t.dari_status,
            "label_dari": t.label_dari, "ke_status": t.ke_status, "label_ke": t.label_ke, "aktor": t.aktor.nama,
            "aktor_id": t.aktor_id, "waktu": t.waktu, "alasan": t.alasan, "surat_id": t.surat_id,
            "dasar_hukum": t.dasar_hukum}


@router.get("/{int:pk}/jejak", response={200: list[JejakOut], 404: Galat},
            summary="Jejak audit penugasan: siapa, kapan, dari–ke, alasan, dasar hukum")
@paginate(Halaman)
def jejak(request: Permintaan, pk: int):  # type: ignore[no-untyped-def]
    return _Baris(selectors.jejak_audit(request.user, _milik(request, pk)), _jejak_out)


# --- letters ---------------------------------------------------------------------------------


def _surat_out(s: Surat) -> dict[str, Any]:
    return {"id": s.pk, "jenis": s.jenis, "nomor": s.nomor, "tanggal": s.tanggal, "status": s.status,
            "kode_verifikasi": s.kode_verifikasi, "penandatangan": s.penandatangan.nama}


def _orang(p: Pegawai) -> dict[str, Any]:
    return {"id": p.pk, "nip": p.nip, "nama": p.nama, "jabatan": p.jabatan}


def _surat_rinci(s: Surat) -> dict[str, Any]:
    return {**_surat_out(s), "judul_jenis": jenis_surat.judul(s.jenis), "label_status": s.get_status_display(),
            "perihal": s.perihal, "penandatangan_id": s.penandatangan_id,
            "penugasan_id": s.subjek_id if s.subjek_jenis == selectors.SUBJEK else None,
            "kepada": [_orang(p) for p in s.kepada.all()], "tembusan": [_orang(p) for p in s.tembusan.all()],
            "mengoreksi_id": s.mengoreksi_id, "alasan_status": s.alasan_status,
            "pdf": reverse("api:unduh_surat", kwargs={"pk": s.pk}), "verifikasi": url_verifikasi(s.kode_verifikasi)}


def _surat_qs(qs: QuerySet[Surat]) -> QuerySet[Surat]:
    return qs.prefetch_related("kepada", "tembusan").order_by("dibuat", "id")


@router.get("/{int:pk}/surat", response={200: list[SuratRinciOut], 404: Galat},
            summary="Surat penugasan ini: nomor, status, kepada, tembusan, tautan PDF dan verifikasi")
@paginate(Halaman)
def surat_penugasan(request: Permintaan, pk: int):  # type: ignore[no-untyped-def]
    return _Baris(_surat_qs(selectors.surat_terlihat(request.user, _milik(request, pk))), _surat_rinci)


@router.get("/surat", response=list[SuratRinciOut],
            summary="Surat penugasan yang terlihat oleh pengguna (saring jenis, status), per halaman")
@paginate(Halaman)
def daftar_surat(request: Permintaan, jenis: str = "", status: str = ""):  # type: ignore[no-untyped-def]
    qs = selectors.surat_terlihat(request.user)
    if jenis:
        qs = qs.filter(jenis=jenis)
    if status:
        qs = qs.filter(status=status)
    return _Baris(_surat_qs(qs), _surat_rinci)


def _surat_terlihat(request: HttpRequest, pk: int) -> Surat:
    s = _surat_qs(Surat.objects.filter(pk=pk, pk__in=selectors.surat_terlihat(request.user).values("pk"))).defer(
        "pdf").select_related("penandatangan").first()
    if s is None:
        raise HttpError(404, "Surat tidak ditemukan.")
    return s


@router.get("/surat/{int:pk}", response={200: SuratRinciOut, 404: Galat}, summary="Satu surat")
def surat(request: HttpRequest, pk: int):  # type: ignore[no-untyped-def]
    return _surat_rinci(_surat_terlihat(request, pk))


@router.post("/surat/{int:pk}/cabut", response={200: SuratRinciOut, **GALAT},
             summary="Cabut surat (penandatangan; surat penugasan/permohonan yang dicabut mengakhiri penugasan)")
def cabut_surat(request: HttpRequest, pk: int, body: UbahSuratIn):  # type: ignore[no-untyped-def]
    s = _layani(lambda: services.cabut_surat(pengguna=request.user, surat_id=pk, alasan=body.alasan))
    return _surat_rinci(s)


@router.post("/surat/{int:pk}/koreksi", response={201: SuratRinciOut, **GALAT},
             summary="Koreksi surat: surat baru bernomor yang menggantikan surat lama, dengan isi yang dikoreksi "
                     "(periode, uraian, target, pegawai) bila diberikan (penandatangan)")
def koreksi_surat(request: HttpRequest, pk: int, body: KoreksiSuratIn):  # type: ignore[no-untyped-def]
    s = _layani(lambda: services.koreksi_surat(
        pengguna=request.user, surat_id=pk, alasan=body.alasan, paragraf_tambahan=body.paragraf_tambahan,
        perubahan=_data(body.perubahan) if body.perubahan else None,
        penerima=_penerima(body.penerima) if body.penerima is not None else None, alasan_beban=body.alasan_beban))
    return Status(201, _surat_rinci(s))


@router.get("/surat/{int:pk}/pdf", response={200: bytes, 404: Galat}, summary="Unduh PDF surat",
            openapi_extra={"responses": {200: {"description": "PDF surat",
                                               "content": {"application/pdf": {"schema": {"type": "string",
                                                                                          "format": "binary"}}}}}})
def unduh_surat(request: HttpRequest, pk: int):  # type: ignore[no-untyped-def]
    s = Surat.objects.filter(pk=pk, pk__in=selectors.surat_terlihat(request.user).values("pk")).first()
    if s is None:
        raise HttpError(404, "Surat tidak ditemukan.")
    resp = HttpResponse(bytes(s.pdf), content_type="application/pdf")
    resp["Content-Disposition"] = f'attachment; filename="surat-{s.nomor.replace("/", "-")}.pdf"'
    return resp
