"""Tim kerja API: teams, members, ketua, lifecycle, kendala, reports, matriks and workload.

Same rights as the pages (the services decide): 403 for a wrong actor, 404 for a team the user
may not see, 400/409 for a refused step — the message names the article of the regulation.
Every answer has a schema in /api/openapi.json, refusals are ``{"detail": "..."}`` (the same
``Galat`` as penugasan); every list answers a page (``?page=N``: ``items`` and ``count``).
Path ids are integers (``{int:pk}``), so ``/kapasitas`` and ``/saya`` are not read as a team id.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from sikerja import galat
from sikerja.akses import Permintaan
from sikerja.jejak import selectors as jejak_selectors
from sikerja.organisasi.models import UnitOrganisasi
from sikerja.penugasan.api import Galat, Halaman
from sikerja.surat import selectors as surat_selectors

from . import alur, aturan, selectors, services
from .errors import AturanDilanggar
from .models import TimKerja

router = Router(tags=["tim kerja"])

# The refusals a step on a team may answer: a bad request or a rule of the regulation (400), a wrong
# actor (403), a team or row the user may not see (404), a warning needing a reason or a race (409).
GALAT: dict[int, Any] = {400: Galat, 403: Galat, 404: Galat, 409: Galat}
# The refusals a read of one team may answer.
GALAT_BACA: dict[int, Any] = {403: Galat, 404: Galat}


class _Baris:
    """A queryset (or list) turned into answer rows one page at a time (the paginator counts, then slices)."""

    def __init__(self, qs: Any, baris: Callable[[Any], dict[str, Any]]) -> None:
        self.qs, self.baris = qs, baris

    def __len__(self) -> int:
        return self.qs.count() if hasattr(self.qs, "all") else len(self.qs)

    def __getitem__(self, k: slice) -> list[dict[str, Any]]:
        return [self.baris(x) for x in self.qs[k]]


def _panggil(fn: Callable[..., Any], **kw: Any) -> Any:
    try:
        return fn(**kw)
    except AturanDilanggar as e:
        raise HttpError(e.status_http, e.pesan) from e
    except galat.KesalahanPengguna as e:
        raise HttpError(e.status_http, e.pesan) from e


def _tim(request: Permintaan, pk: int) -> TimKerja:
    return _panggil(services.ambil_untuk, pengguna=request.user, tim_id=pk)  # type: ignore[no-any-return]


class TimIn(Schema):
    nama: str
    unit_pemilik_id: int
    masa_mulai: date
    masa_selesai: date
    target: list[str]
    tujuan: str = ""
    justifikasi_target: str = ""
    justifikasi_beban: str = ""
    justifikasi_kompetensi: str = ""
    jadwal_laporan: str = "bulanan"


class AnggotaIn(Schema):
    pegawai_id: int
    peran: str = ""
    kompetensi_dibutuhkan: list[str] = []
    porsi_persen: int = 0
    penugasan_id: int | None = None
    masukan_ketua: str = ""
    alasan_beban: str = ""
    sumber: str = "penunjukan"


class KetuaIn(Schema):
    ketua_id: int | None = None
    tanpa_ketua: bool = False
    alasan_asal: str = ""
    alasan: str = ""


class AlasanTimIn(Schema):
    alasan: str = ""


class TargetTimIn(Schema):
    target: list[str]
    alasan: str


class PerpanjangIn(Schema):
    masa_selesai: date
    alasan: str = ""


class PermohonanIn(Schema):
    ppk_tujuan_id: int
    uraian_tugas: str
    kompetensi_dibutuhkan: str
    jumlah: int = 1


class KendalaIn(Schema):
    judul: str
    uraian: str
    alternatif: list[str]
    lingkup: str = "pemilik"


class KeputusanIn(Schema):
    tindakan: str
    alasan: str
    opsi: int | None = None


class BuktiIn(Schema):
    nama: str
    isi_base64: str


class LaporanTimIn(Schema):
    jenis: str
    periode_mulai: date
    periode_selesai: date
    progres: str
    capaian_persen: int = 0
    kendala: str = ""
    langkah_berikut: str = ""
    anggota_id: int | None = None
    permintaan_id: int | None = None
    bukti: list[BuktiIn] = []


class PermintaanLaporanTimIn(Schema):
    sasaran_id: int
    batas_waktu: date
    lingkup: str = ""


# --- answers ---------------------------------------------------------------------------------


class PeringatanTimOut(Schema):
    kode: str
    pesan: str


class TimOut(Schema):
    id: int
    nama: str
    status: str
    label_status: str
    pola: str
    unit_pemilik: str
    masa_mulai: date
    masa_selesai: date
    ketua: str | None
    # Who receives the members' reports and kendala: the ketua, or the official who decided no ketua is needed.
    titik_koordinasi: str
    jenis: str
    target: list[str]
    peringatan: list[PeringatanTimOut]
    perlu_konfirmasi: bool


class InstrumenTimOut(Schema):
    jenis: str
    label: str
    penandatangan: str | None
    dasar: str


class AnggotaTimOut(Schema):
    pegawai_id: int
    nama: str
    peran: str
    kompetensi_dibutuhkan: list[str]
    porsi_persen: int
    unit_asal: str
    instansi_asal: str
    ppk_asal: str | None
    status: str
    penugasan_id: int | None


class SuratTimOut(Schema):
    id: int
    jenis: str
    nomor: str
    tanggal: date
    perihal: str
    status: str


class JejakTimOut(Schema):
    aksi: str
    dari: str
    ke: str
    aktor: str
    waktu: datetime
    alasan: str
    dasar_hukum: str
    surat_id: int | None


class TimDetailOut(TimOut):
    instrumen: InstrumenTimOut
    anggota: list[AnggotaTimOut]
    surat: list[SuratTimOut]
    jejak: list[JejakTimOut]


class TimSayaOut(Schema):
    tim_id: int
    nama: str
    peran: str
    porsi_persen: int
    ketua: str | None


class AlurTimOut(Schema):
    status: dict[str, str]
    # (from, decision, actor, to) of each step of the state table.
    transisi: list[tuple[str, str, str, str]]
    umum: list[str]
    aktor_umum: dict[str, str]


class RingkasBebanOut(Schema):
    jumlah: int
    tanpa_tim: int
    ringan: int
    sedang: int
    lebih: int


class BebanPegawaiOut(Schema):
    id: int
    nama: str
    unit: str
    jumlah_tim: int
    porsi_tim: int
    beban_penugasan: int
    total: int
    kapasitas: int


class BebanTimOut(Schema):
    id: int
    nama: str
    jumlah_anggota: int
    total_porsi: int


class BebanUnitOut(Schema):
    ringkas: RingkasBebanOut
    halaman: int
    jumlah_halaman: int
    pegawai: list[BebanPegawaiOut]
    tim: list[BebanTimOut]


class KandidatKetuaOut(Schema):
    pegawai_id: int
    nama: str
    kompetensi_cocok: list[str]
    dari_pemilik: bool
    skor: int


class JumlahOut(Schema):
    jumlah: int


class PermohonanTimOut(Schema):
    penugasan_id: int
    status: str


class BarisMatriksOut(Schema):
    nama: str
    jabatan: str
    peran_baris: str
    peran_hasil: str
    unit_asal: str
    lintas: bool


class MatriksOut(Schema):
    kolom: list[str]
    baris: list[BarisMatriksOut]


class KeputusanKendalaOut(Schema):
    pejabat: str
    tindakan: str
    opsi: int | None
    alasan: str
    waktu: datetime


class KendalaOut(Schema):
    id: int
    judul: str
    uraian: str
    alternatif: list[str]
    status: str
    tujuan: list[str]
    dasar_hukum: str
    keputusan: list[KeputusanKendalaOut]


class KendalaDiajukanOut(Schema):
    id: int
    status: str
    tujuan: list[str]


class StatusKendalaOut(Schema):
    id: int
    status: str


class BuktiTimOut(Schema):
    id: int
    nama: str
    ukuran: int


class LaporanTimOut(Schema):
    id: int
    jenis: str
    pelapor: str
    periode_mulai: date
    periode_selesai: date
    capaian_persen: int
    progres: str
    penerima: list[str]
    dasar_hukum: str
    bukti: list[BuktiTimOut]


class LaporanTerlambatOut(Schema):
    jenis: str
    pelapor: str
    # A periodic report names its period, a requested one its deadline.
    periode_selesai: date | None
    batas_waktu: date | None


class LaporanTerkirimOut(Schema):
    id: int
    penerima: list[str]
    dasar_hukum: str


class PermintaanLaporanTimOut(Schema):
    id: int
    sasaran: str
    batas_waktu: date


class PenggantiOut(Schema):
    id: int
    unit_id: int
    pegawai_id: int
    jenis: str
    nomor_sk: str
    tanggal_sk: date
    mulai: date
    selesai: date
    aktif: bool


def _ringkas(t: TimKerja) -> dict[str, Any]:
    return {"id": t.pk, "nama": t.nama, "status": t.status, "label_status": t.label_status, "pola": t.pola,
            "unit_pemilik": t.unit_pemilik.nama, "masa_mulai": t.masa_mulai, "masa_selesai": t.masa_selesai,
            "ketua": t.ketua.nama if t.ketua else None, "titik_koordinasi": t.koordinator.nama,
            "jenis": t.jenis, "target": t.target, "peringatan": t.peringatan, "perlu_konfirmasi": t.perlu_konfirmasi}


def _detail(t: TimKerja) -> dict[str, Any]:
    d = _ringkas(t)
    ins = aturan.instrumen(aturan.aturan_tim(t.instansi.profil), t.pola)
    d["instrumen"] = {"jenis": ins.jenis, "label": ins.label, "penandatangan": t.penandatangan.nama
                      if t.penandatangan else None, "dasar": ins.dasar}
    d["anggota"] = [{"pegawai_id": x.pegawai_id, "nama": x.pegawai.nama, "peran": x.peran,
                     "kompetensi_dibutuhkan": x.kompetensi_dibutuhkan, "porsi_persen": x.porsi_persen,
                     "unit_asal": x.unit_asal.nama, "instansi_asal": x.instansi_asal.nama,
                     "ppk_asal": x.ppk_asal.nama if x.ppk_asal else None, "status": x.status,
                     "penugasan_id": x.dasar_penugasan_id}
                    for x in t.anggota.select_related("pegawai", "unit_asal", "instansi_asal", "ppk_asal")]
    d["surat"] = [{"id": s.pk, "jenis": s.jenis, "nomor": s.nomor, "tanggal": s.tanggal, "perihal": s.perihal,
                   "status": s.status} for s in surat_selectors.untuk_subjek(t).defer("pdf")]
    d["jejak"] = [{"aksi": j.aksi, "dari": j.dari_status, "ke": j.ke_status, "aktor": j.aktor.nama, "waktu": j.waktu,
                   "alasan": j.alasan, "dasar_hukum": j.dasar_hukum, "surat_id": j.surat_id}
                  for j in jejak_selectors.untuk_subjek(t).select_related("aktor")]
    return d


@router.get("/", response=list[TimOut], summary="Tim kerja yang terlihat oleh pengguna, per halaman (saring status)")
@paginate(Halaman)
def daftar(request: Permintaan, status: str = ""):  # type: ignore[no-untyped-def]
    qs = selectors.tim_terlihat(request.user).select_related("unit_pemilik", "ketua", "pembentuk",
                                                              "titik_koordinasi")
    if status:
        qs = qs.filter(status=status)
    return _Baris(qs.order_by("-dibuat", "-id"), _ringkas)


def _saya_out(x: Any) -> dict[str, Any]:
    return {"tim_id": x.tim_id, "nama": x.tim.nama, "peran": x.peran, "porsi_persen": x.porsi_persen,
            "ketua": x.tim.ketua.nama if x.tim.ketua else None}


@router.get("/saya", response={200: list[TimSayaOut], 403: Galat},
            summary="Tim saya: keanggotaan aktif pegawai pengguna, per halaman")
@paginate(Halaman)
def saya(request: Permintaan):  # type: ignore[no-untyped-def]
    if request.user.pegawai is None:
        raise HttpError(403, "Akun tidak terhubung ke data pegawai.")
    return _Baris(selectors.tim_saya(request.user.pegawai), _saya_out)


@router.get("/alur", response=AlurTimOut, summary="Tabel siklus tim kerja")
def tabel_alur(request: Permintaan) -> dict[str, Any]:
    return {"status": alur.STATUS, "transisi": alur.TABEL.transisi(),
            "umum": [u.keputusan.aksi for u in alur.TABEL.umum], "aktor_umum": alur.AKTOR}


@router.post("/", response={200: TimDetailOut, **GALAT}, summary="Buat draf tim kerja")
def buat(request: Permintaan, payload: TimIn) -> dict[str, Any]:
    t = _panggil(services.buat_draf, pengguna=request.user, data=services.DataTim(**payload.dict()))
    return _detail(t)


@router.get("/beban-unit/{int:unit_id}", response={200: BebanUnitOut, **GALAT_BACA},
            summary="Beban kerja unit per pegawai (50 per halaman, ?hal=N) dan per tim (Blitar Pasal 28)")
def beban_unit(request: Permintaan, unit_id: int, hal: int = 1) -> dict[str, Any]:
    unit = UnitOrganisasi.objects.filter(pk=unit_id, instansi_id=request.user.instansi_id).first()
    p = request.user.pegawai
    if unit is None:
        raise HttpError(404, "Unit tidak ditemukan.")
    if not (request.user.lintas_unit or (p is not None and p.kepala_unit and selectors.memimpin(p, unit))):
        raise HttpError(403, "Beban kerja unit dilihat oleh pimpinan unit, BKPSDM atau inspektorat.")
    from django.utils import timezone

    d = selectors.beban_unit(unit, timezone.localdate(), kapasitas_bawaan=request.user.instansi.ambang_beban_kerja,
                             halaman=hal)
    return {"ringkas": d["ringkas"], "halaman": d["halaman"], "jumlah_halaman": d["jumlah_halaman"],
            "pegawai": [{"id": x.id, "nama": x.nama, "unit": x.unit.nama, "jumlah_tim": x.jumlah_tim,
                         "porsi_tim": x.porsi_tim, "beban_penugasan": x.beban_tugas, "total": x.total,
                         "kapasitas": x.kapasitas} for x in d["pegawai"]],
            "tim": [{"id": t.id, "nama": t.nama, "jumlah_anggota": t.jumlah_anggota, "total_porsi": t.total_porsi}
                    for t in d["tim"]]}


class KapasitasIn(Schema):
    nip: str
    kapasitas_persen: int


@router.post("/kapasitas", response={200: JumlahOut, **GALAT},
             summary="Impor kapasitas beban kerja dari Analisis Beban Kerja (admin/BKPSDM)")
def kapasitas(request: Permintaan, payload: list[KapasitasIn], sumber: str = "Analisis Beban Kerja") -> dict[str, int]:
    n = _panggil(services.atur_kapasitas, pengguna=request.user,
                 baris=[(x.nip, x.kapasitas_persen) for x in payload], sumber=sumber)
    return {"jumlah": n}


@router.get("/{int:pk}", response={200: TimDetailOut, **GALAT_BACA}, summary="Rincian tim: anggota, ketua, surat, jejak")
def detail(request: Permintaan, pk: int) -> dict[str, Any]:
    return _detail(_tim(request, pk))


@router.post("/{int:pk}/anggota", response={200: TimDetailOut, **GALAT},
             summary="Usulkan/tugaskan anggota (TK-06: dari luar unit hanya dengan surat penugasan)")
def tambah_anggota(request: Permintaan, pk: int, payload: list[AnggotaIn]) -> dict[str, Any]:
    _tim(request, pk)
    _panggil(services.tambah_anggota, pengguna=request.user, tim_id=pk,
             anggota=[services.DataAnggota(**x.dict()) for x in payload])
    return _detail(_tim(request, pk))


@router.post("/{int:pk}/anggota/{int:pegawai_id}/lepas", response={200: TimDetailOut, **GALAT}, summary="Lepas anggota")
def lepas_anggota(request: Permintaan, pk: int, pegawai_id: int, payload: AlasanTimIn) -> dict[str, Any]:
    _tim(request, pk)
    _panggil(services.lepas_anggota, pengguna=request.user, tim_id=pk, pegawai_id=pegawai_id, alasan=payload.alasan)
    return _detail(_tim(request, pk))


class PeranIn(Schema):
    peran: str
    kompetensi_dibutuhkan: list[str] | None = None
    porsi_persen: int | None = None
    alasan_beban: str = ""


@router.post("/{int:pk}/anggota/{int:pegawai_id}/peran", response={200: TimDetailOut, **GALAT},
             summary="Bagi peran anggota (ketua tim; TK-10)")
def atur_peran(request: Permintaan, pk: int, pegawai_id: int, payload: PeranIn) -> dict[str, Any]:
    _tim(request, pk)
    _panggil(services.atur_peran, pengguna=request.user, tim_id=pk, pegawai_id=pegawai_id, **payload.dict())
    return _detail(_tim(request, pk))


@router.post("/{int:pk}/ketua", response={200: TimDetailOut, **GALAT},
             summary="Tunjuk/ganti ketua atau putuskan tanpa ketua")
def ketua(request: Permintaan, pk: int, payload: KetuaIn) -> dict[str, Any]:
    _tim(request, pk)
    _panggil(services.tetapkan_ketua, pengguna=request.user, tim_id=pk, ketua_id=payload.ketua_id,
             alasan_asal=payload.alasan_asal, alasan=payload.alasan, tanpa_ketua=payload.tanpa_ketua)
    return _detail(_tim(request, pk))


def _kandidat_out(r: dict[str, Any]) -> dict[str, Any]:
    return {"pegawai_id": r["pegawai"].id, "nama": r["pegawai"].nama, "kompetensi_cocok": r["kompetensi_cocok"],
            "dari_pemilik": r["dari_pemilik"], "skor": r["skor"]}


@router.get("/{int:pk}/kandidat-ketua", response={200: list[KandidatKetuaOut], **GALAT_BACA},
            summary="Calon ketua menurut kompetensi dan asal (10 terbaik), per halaman")
@paginate(Halaman)
def kandidat_ketua(request: Permintaan, pk: int):  # type: ignore[no-untyped-def]
    t = _tim(request, pk)
    a = aturan.aturan_tim(t.instansi.profil)
    return _Baris(selectors.kandidat_ketua(t, a.ketua_jenis_jabatan), _kandidat_out)


@router.post("/{int:pk}/ajukan", response={200: TimDetailOut, **GALAT},
             summary="Ajukan pembentukan (langsung terbentuk bila pembentuk penandatangan)")
def ajukan(request: Permintaan, pk: int) -> dict[str, Any]:
    _tim(request, pk)
    return _detail(_panggil(services.ajukan_pembentukan, pengguna=request.user, tim_id=pk))


@router.post("/{int:pk}/tetapkan", response={200: TimDetailOut, **GALAT}, summary="Tetapkan pembentukan (penandatangan)")
def tetapkan(request: Permintaan, pk: int) -> dict[str, Any]:
    _tim(request, pk)
    return _detail(_panggil(services.tetapkan, pengguna=request.user, tim_id=pk))


@router.post("/{int:pk}/tolak", response={200: TimDetailOut, **GALAT}, summary="Kembalikan draf (penandatangan)")
def tolak(request: Permintaan, pk: int, payload: AlasanTimIn) -> dict[str, Any]:
    _tim(request, pk)
    return _detail(_panggil(services.tolak, pengguna=request.user, tim_id=pk, alasan=payload.alasan))


@router.post("/{int:pk}/target", response={200: TimDetailOut, **GALAT}, summary="Ubah target")
def ubah_target(request: Permintaan, pk: int, payload: TargetTimIn) -> dict[str, Any]:
    _tim(request, pk)
    return _detail(_panggil(services.ubah_target, pengguna=request.user, tim_id=pk, target=payload.target,
                            alasan=payload.alasan))


@router.post("/{int:pk}/perpanjang", response={200: TimDetailOut, **GALAT}, summary="Perpanjang masa kerja")
def perpanjang(request: Permintaan, pk: int, payload: PerpanjangIn) -> dict[str, Any]:
    _tim(request, pk)
    return _detail(_panggil(services.perpanjang, pengguna=request.user, tim_id=pk, selesai_baru=payload.masa_selesai,
                            alasan=payload.alasan))


@router.post("/{int:pk}/tutup", response={200: TimDetailOut, **GALAT}, summary="Tutup tim (selesai)")
def tutup(request: Permintaan, pk: int) -> dict[str, Any]:
    _tim(request, pk)
    return _detail(_panggil(services.tutup, pengguna=request.user, tim_id=pk))


@router.post("/{int:pk}/bubarkan", response={200: TimDetailOut, **GALAT}, summary="Bubarkan tim")
def bubarkan(request: Permintaan, pk: int, payload: AlasanTimIn) -> dict[str, Any]:
    _tim(request, pk)
    return _detail(_panggil(services.bubarkan, pengguna=request.user, tim_id=pk, alasan=payload.alasan))


@router.post("/{int:pk}/permohonan-lintas-unit", response={200: PermohonanTimOut, **GALAT},
             summary="Mulai permohonan pelibatan lintas unit untuk tim (penugasan)")
def permohonan(request: Permintaan, pk: int, payload: PermohonanIn) -> dict[str, Any]:
    _tim(request, pk)
    p = _panggil(services.mulai_permohonan_lintas_unit, pengguna=request.user, tim_id=pk, **payload.dict())
    return {"penugasan_id": p.pk, "status": p.status}


@router.get("/{int:pk}/matriks", response={200: MatriksOut, **GALAT_BACA}, summary="Matriks peran hasil (MPPH) tim")
def matriks(request: Permintaan, pk: int) -> dict[str, Any]:
    m = selectors.matriks(_tim(request, pk))
    return {"kolom": m["kolom"], "baris": [{"nama": b["pegawai"].nama, "jabatan": b["jabatan"],
                                            "peran_baris": b["peran_baris"], "peran_hasil": b["peran"],
                                            "unit_asal": b["unit_asal"], "lintas": b["lintas"]} for b in m["baris"]]}


def _kendala_out(k: Any) -> dict[str, Any]:
    return {"id": k.pk, "judul": k.judul, "uraian": k.uraian, "alternatif": k.alternatif, "status": k.status,
            "tujuan": [p.nama for p in k.tujuan.all()], "dasar_hukum": k.dasar_hukum,
            "keputusan": [{"pejabat": x.pejabat.nama, "tindakan": x.tindakan, "opsi": x.opsi, "alasan": x.alasan,
                           "waktu": x.waktu} for x in k.keputusan.all()]}


@router.get("/{int:pk}/kendala", response={200: list[KendalaOut], **GALAT_BACA},
            summary="Kendala tim dan keputusannya, per halaman")
@paginate(Halaman)
def daftar_kendala(request: Permintaan, pk: int):  # type: ignore[no-untyped-def]
    t = _tim(request, pk)
    return _Baris(t.kendala.prefetch_related("tujuan", "keputusan__pejabat").order_by("-dibuat", "-id"), _kendala_out)


@router.post("/{int:pk}/kendala", response={200: KendalaDiajukanOut, **GALAT},
             summary="Ajukan kendala dengan alternatif rekomendasi")
def ajukan_kendala(request: Permintaan, pk: int, payload: KendalaIn) -> dict[str, Any]:
    _tim(request, pk)
    k = _panggil(services.ajukan_kendala, pengguna=request.user, tim_id=pk, **payload.dict())
    return {"id": k.pk, "status": k.status, "tujuan": [p.nama for p in k.tujuan.all()]}


@router.post("/{int:pk}/kendala/{int:kendala_id}/keputusan", response={200: StatusKendalaOut, **GALAT},
             summary="Putuskan/teruskan/tindak lanjuti/tutup kendala")
def putuskan_kendala(request: Permintaan, pk: int, kendala_id: int, payload: KeputusanIn) -> dict[str, Any]:
    t = _tim(request, pk)
    if not t.kendala.filter(pk=kendala_id).exists():
        raise HttpError(404, "Kendala tidak ditemukan.")
    k = _panggil(services.putuskan_kendala, pengguna=request.user, kendala_id=kendala_id, **payload.dict())
    return {"id": k.pk, "status": k.status}


def _laporan_out(x: Any) -> dict[str, Any]:
    return {"id": x.pk, "jenis": x.jenis, "pelapor": x.pelapor.nama, "periode_mulai": x.periode_mulai,
            "periode_selesai": x.periode_selesai, "capaian_persen": x.capaian_persen, "progres": x.progres,
            "penerima": [p.nama for p in x.penerima.all()], "dasar_hukum": x.dasar_hukum,
            "bukti": [{"id": b.pk, "nama": b.nama, "ukuran": b.ukuran} for b in x.bukti.all()]}


@router.get("/{int:pk}/laporan", response={200: list[LaporanTimOut], **GALAT_BACA},
            summary="Laporan tim, per halaman (yang terlambat: /{pk}/laporan/terlambat)")
@paginate(Halaman)
def daftar_laporan(request: Permintaan, pk: int):  # type: ignore[no-untyped-def]
    t = _tim(request, pk)
    return _Baris(t.laporan.select_related("pelapor").prefetch_related("penerima", "bukti")
                  .order_by("-periode_selesai", "-id"),
                  _laporan_out)


def _terlambat_out(r: dict[str, Any]) -> dict[str, Any]:
    return {"jenis": r["jenis"], "pelapor": r["pelapor"].nama, "periode_selesai": r.get("periode_selesai"),
            "batas_waktu": r.get("batas_waktu")}


@router.get("/{int:pk}/laporan/terlambat", response={200: list[LaporanTerlambatOut], **GALAT_BACA},
            summary="Laporan tim yang terlambat (periode berkala dan permintaan sewaktu-waktu), per halaman")
@paginate(Halaman)
def laporan_terlambat(request: Permintaan, pk: int):  # type: ignore[no-untyped-def]
    from django.utils import timezone

    return _Baris(selectors.laporan_terlambat(_tim(request, pk), timezone.localdate()), _terlambat_out)


@router.post("/{int:pk}/laporan", response={200: LaporanTerkirimOut, **GALAT},
             summary="Kirim laporan (anggota → ketua, ketua → PUO, kinerja anggota → PPK)")
def kirim_laporan(request: Permintaan, pk: int, payload: LaporanTimIn) -> dict[str, Any]:
    _tim(request, pk)
    berkas = []
    for b in payload.bukti:
        try:
            berkas.append(services.Berkas(nama=b.nama, isi=base64.b64decode(b.isi_base64, validate=True)))
        except (binascii.Error, ValueError) as e:
            raise HttpError(400, f"Berkas '{b.nama[:80]}': isi_base64 tidak sah.") from e
    data = payload.dict()
    data.pop("bukti")
    lap = _panggil(services.kirim_laporan, pengguna=request.user, tim_id=pk, bukti=berkas, **data)
    return {"id": lap.pk, "penerima": [p.nama for p in lap.penerima.all()], "dasar_hukum": lap.dasar_hukum}


@router.post("/{int:pk}/permintaan-laporan", response={200: PermintaanLaporanTimOut, **GALAT},
             summary="Minta laporan sewaktu-waktu (TK-14; Magelang: ketua saja)")
def minta_laporan(request: Permintaan, pk: int, payload: PermintaanLaporanTimIn) -> dict[str, Any]:
    _tim(request, pk)
    p = _panggil(services.minta_laporan, pengguna=request.user, tim_id=pk, **payload.dict())
    return {"id": p.pk, "sasaran": p.sasaran.nama, "batas_waktu": p.batas_waktu}


class PenggantiIn(Schema):
    unit_id: int
    pegawai_id: int
    jenis: str
    nomor_sk: str
    tanggal_sk: date
    mulai: date
    selesai: date


class AkhiriPenggantiIn(Schema):
    alasan: str


def _pengganti_out(x: Any) -> dict[str, Any]:
    return {"id": x.pk, "unit_id": x.unit_id, "pegawai_id": x.pegawai_id, "jenis": x.jenis, "nomor_sk": x.nomor_sk,
            "tanggal_sk": x.tanggal_sk, "mulai": x.mulai, "selesai": x.selesai, "aktif": x.aktif}


@router.get("/pengganti/berlaku", response=list[PenggantiOut],
            summary="Plt/Plh yang berlaku hari ini di instansi, per halaman")
@paginate(Halaman)
def daftar_pengganti(request: Permintaan):  # type: ignore[no-untyped-def]
    return _Baris(selectors.pengganti_berlaku().filter(instansi_id=request.user.instansi_id).order_by("-mulai", "-id"),
                  _pengganti_out)


@router.post("/pengganti/catat", response={200: PenggantiOut, **GALAT},
             summary="Catat Plt/Plh dengan surat perintah dan masanya (admin instansi/BKPSDM)")
def catat_pengganti(request: Permintaan, payload: PenggantiIn) -> dict[str, Any]:
    return _pengganti_out(_panggil(services.catat_pengganti, pengguna=request.user, **payload.dict()))


@router.post("/pengganti/{int:pk}/akhiri", response={200: PenggantiOut, **GALAT},
             summary="Akhiri Plt/Plh sebelum masanya")
def akhiri_pengganti(request: Permintaan, pk: int, payload: AkhiriPenggantiIn) -> dict[str, Any]:
    return _pengganti_out(_panggil(services.akhiri_pengganti, pengguna=request.user, pengganti_id=pk,
                                   alasan=payload.alasan))
