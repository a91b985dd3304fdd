"""Tim kerja actions: form a team, staff it, change its ketua/target/period, close it,
raise and decide kendala, report and ask for reports.

Every public function is one transaction and takes keyword arguments only. The
rules come from the profile (``aturan``) and the lifecycle from its table
(``alur``); who may act is derived from kedudukan and the team (never from the
URL). Letters, inbox items and audit entries go through ``inti``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from sikerja.kedudukan.selectors import kedudukan_pegawai
from sikerja.organisasi.models import Pegawai, UnitOrganisasi
from sikerja.penugasan import services as penugasan_services
from sikerja.penugasan.models import Penerima, Penugasan

from . import alur, aturan, inti, selectors
from .errors import (
    AnggotaTidakMemenuhi,
    AturanDilanggar,
    BuktiTidakSah,
    DataTidakLengkap,
    LaporanTidakSah,
    TidakBerwenang,
    TimKerjaError,
    TimTidakDitemukan,
    TransisiTidakSah,
)
from .models import (
    AnggotaTim,
    BuktiLaporan,
    Kendala,
    KeputusanKendala,
    LaporanTim,
    PermintaanLaporan,
    RiwayatKetua,
    TimKerja,
)

# --- inputs -------------------------------------------------------------------------


@dataclass
class DataTim:
    nama: str
    unit_pemilik_id: int
    masa_mulai: date
    masa_selesai: date
    target: list[str] = field(default_factory=list)
    tujuan: str = ""
    justifikasi_target: str = ""
    justifikasi_beban: str = ""
    justifikasi_kompetensi: str = ""
    jadwal_laporan: str = "bulanan"


@dataclass
class DataAnggota:
    pegawai_id: int
    peran: str = ""
    kompetensi_dibutuhkan: list[str] = field(default_factory=list)
    porsi_persen: int = 0
    penugasan_id: int | None = None
    masukan_ketua: str = ""
    alasan_beban: str = ""
    sumber: str = "penunjukan"


BUKTI_MAKS_BYTE = 5 * 1024 * 1024   # [P] per file
BUKTI_MAKS_JUMLAH = 5               # [P] per report
# [P] extension → accepted content types and the file's first bytes.
BUKTI_JENIS: dict[str, tuple[str, bytes]] = {
    "pdf": ("application/pdf", b"%PDF"),
    "png": ("image/png", b"\x89PNG"),
    "jpg": ("image/jpeg", b"\xff\xd8\xff"),
    "jpeg": ("image/jpeg", b"\xff\xd8\xff"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", b"PK"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", b"PK"),
    "csv": ("text/csv", b""),
}


@dataclass
class Berkas:
    nama: str
    isi: bytes


# --- helpers ------------------------------------------------------------------------


def _pegawai(pengguna: Any) -> Pegawai:
    p = getattr(pengguna, "pegawai", None)
    if p is None or not p.aktif:
        raise TidakBerwenang("Akun Anda belum terhubung dengan data pegawai aktif; hubungi admin instansi.")
    return p


def _atomic(fn: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with transaction.atomic():
            return fn(*args, **kwargs)

    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    return wrapper


def _aturan(tim: TimKerja) -> aturan.AturanTim:
    return aturan.aturan_tim(tim.instansi.profil)


def _ambil(tim_id: int, *, kunci: bool = True) -> TimKerja:
    qs = TimKerja.objects.select_related("instansi", "unit_pemilik", "pembentuk", "ketua", "penandatangan")
    try:
        return (qs.select_for_update(of=("self",)) if kunci else qs).get(pk=tim_id)
    except TimKerja.DoesNotExist:
        raise TimTidakDitemukan("Tim kerja tidak ditemukan.") from None


def ambil_untuk(pengguna: Any, tim_id: int) -> TimKerja:
    """The team if ``pengguna`` may see it, else 404 (a team of another instansi does not exist for him)."""
    if not selectors.tim_terlihat(pengguna).filter(pk=tim_id).exists():
        raise TimTidakDitemukan("Tim kerja tidak ditemukan.")
    return _ambil(tim_id, kunci=False)


def pengelola(tim: TimKerja) -> set[int]:
    """Who manages the team's membership and targets: the pembentuk, the signer and the PUO pemilik."""
    puo = selectors.puo_pemilik(tim)
    return {i for i in (tim.pembentuk_id, tim.penandatangan_id, puo.id if puo else None) if i}


def _boleh(tim: TimKerja, aksi: str, aktor: Pegawai) -> None:
    langkah = alur.TABEL[aksi]
    if tim.status not in langkah.dari:
        raise TransisiTidakSah(
            f"'{langkah.label}' tidak dapat dilakukan pada tim berstatus {tim.label_status.lower()}.")
    if langkah.aktor == "pembentuk":
        ok = aktor.id == tim.pembentuk_id
    elif langkah.aktor == "penandatangan":
        ok = aktor.id == (tim.penandatangan_id or tim.pembentuk_id)
    else:
        ok = aktor.id in pengelola(tim)
    if not ok:
        peran = {"pembentuk": "pembentuk tim", "penandatangan": "penandatangan instrumen pembentukan tim",
                 "pengelola": "pimpinan unit organisasi pemilik kinerja atau pembentuk tim"}[langkah.aktor]
        raise TidakBerwenang(f"'{langkah.label}' hanya dapat dilakukan oleh {peran}.")


def _pindah(tim: TimKerja, aksi: str, aktor: Pegawai, *, alasan: str = "", dasar_hukum: str = "",
            data: dict[str, Any] | None = None, ke: str | None = None) -> None:
    dari = tim.status
    tujuan = ke or alur.TABEL[aksi].ke
    if tujuan:
        tim.status = tujuan
    tim.save()
    inti.catat(tim, aksi=aksi, aktor=aktor, dari=dari, alasan=alasan, dasar_hukum=dasar_hukum, data=data)


def _tempat_anggota(tim: TimKerja) -> list[aturan.Tempat]:
    hasil = [selectors.tempat_unit(tim.unit_pemilik)]
    units: dict[int, aturan.Tempat] = {}
    for a in tim.anggota.filter(status="aktif").select_related("pegawai__unit"):
        if a.pegawai.unit_id not in units:
            units[a.pegawai.unit_id] = selectors.tempat_unit(a.pegawai.unit)
        hasil.append(units[a.pegawai.unit_id])
    if tim.ketua_id and tim.ketua is not None:
        hasil.append(selectors.tempat_pegawai(tim.ketua))
    return hasil


def _turunkan_pola(tim: TimKerja, aktor: Pegawai) -> None:
    """TK-POLA: re-derive the pola from the members and refuse one the profile does not allow (TK-01)."""
    pola = aturan.pola_dari(_tempat_anggota(tim))
    aturan.periksa_pola(_aturan(tim), pola)
    if pola != tim.pola:
        lama, tim.pola = tim.pola, pola
        tim.save(update_fields=["pola"])
        inti.catat(tim, aksi="pola_berubah", aktor=aktor, data={"dari": lama, "ke": pola})


def _periksa_data(d: DataTim) -> None:
    galat: dict[str, str] = {}
    d.target = [t.strip() for t in d.target if t and t.strip()]
    if not d.nama.strip():
        galat["nama"] = "Nama tim wajib diisi."
    elif len(d.nama) > 200:
        galat["nama"] = "Nama tim paling panjang 200 karakter."
    if not d.masa_mulai or not d.masa_selesai:
        galat["masa_mulai"] = "Masa kerja (mulai dan selesai) wajib diisi."
    elif d.masa_selesai < d.masa_mulai:
        galat["masa_selesai"] = "Tanggal selesai tidak boleh sebelum tanggal mulai."
    if d.jadwal_laporan not in dict(TimKerja.JADWAL):
        galat["jadwal_laporan"] = "Pilih jadwal laporan: mingguan, bulanan atau triwulanan."
    if galat:
        raise DataTidakLengkap(galat)


def _periksa_target(a: aturan.AturanTim, target: list[str]) -> None:
    """TK-08: a team serves at least one measurable target of the unit pemilik kinerja."""
    if not target:
        raise AturanDilanggar("TK-08", "Tim kerja wajib dikaitkan dengan paling sedikit satu target kinerja "
                              "yang terukur dari unit pemilik kinerja",
                              f"{a.singkatan} " + ("Pasal 20 ayat (1)" if a.profil == "blitar" else
                                                   "penugasan dengan target spesifik yang terukur"))


# --- forming ------------------------------------------------------------------------


@_atomic
def buat_draf(*, pengguna: Any, data: DataTim) -> TimKerja:
    """`buat_draf` (KINERJA §1.7): the official holding the power to form teams in the unit (TK-11;
    Pasuruan's koordinator may not, TK-07) drafts a team for a target and a period."""
    aktor = _pegawai(pengguna)
    _periksa_data(data)
    unit = UnitOrganisasi.objects.filter(pk=data.unit_pemilik_id, instansi_id=aktor.instansi_id, aktif=True).first()
    if unit is None:
        raise DataTidakLengkap({"unit_pemilik": "Pilih unit pemilik kinerja di instansi Anda."})
    a = aturan.aturan_tim(aktor.instansi.profil)
    aturan.periksa_pembentuk(a, jenis_jabatan=aktor.jenis_jabatan, memimpin_unit_pemilik=selectors.memimpin(aktor, unit),
                             koordinator_substansi=selectors.adalah_koordinator(aktor))
    _periksa_target(a, data.target)
    tim = TimKerja.objects.create(
        instansi_id=aktor.instansi_id, unit_pemilik=unit, pembentuk=aktor, status="draf",
        nama=data.nama.strip(), tujuan=data.tujuan, target=data.target, masa_mulai=data.masa_mulai,
        masa_selesai=data.masa_selesai, justifikasi_target=data.justifikasi_target,
        justifikasi_beban=data.justifikasi_beban, justifikasi_kompetensi=data.justifikasi_kompetensi,
        jadwal_laporan=data.jadwal_laporan,
    )
    inti.catat(tim, aksi="buat_draf", aktor=aktor, dasar_hukum=a.dasar("pembentuk", "dasar"))
    return tim


def _penandatangan(tim: TimKerja, ins: aturan.Instrumen) -> Pegawai:
    """Who signs the founding instrument (TK-04): the PUO/PPK forming it, the Sekretaris Daerah, or the
    instansi's PyB who carries a Keputusan Kepala Daerah [P]."""
    if ins.penandatangan == "sekretaris_daerah":
        sekda = Pegawai.objects.filter(instansi_id=tim.instansi_id, unit__jenis="sekretariat_daerah",
                                       unit__induk__isnull=True, kepala_unit=True, aktif=True).first()
        if sekda is None:
            raise TimKerjaError(f"Sekretaris Daerah belum tercatat di data organisasi; {ins.label} tim ini "
                                f"ditandatangani olehnya ({ins.dasar}). Hubungi admin instansi.")
        return sekda
    if ins.penandatangan == "kepala_daerah":
        if tim.instansi.pyb_id is None:
            raise TimKerjaError(f"Pejabat yang Berwenang belum ditetapkan; {ins.label} diproses melaluinya "
                                f"({ins.dasar}). Hubungi admin instansi.")
        return tim.instansi.pyb  # type: ignore[return-value]
    return tim.pembentuk


def _ketua_sah(tim: TimKerja, ketua: Pegawai, alasan_asal: str) -> str:
    """TK-02 and TK-03 for ``ketua`` on ``tim``; returns the warning to keep (or "")."""
    a = _aturan(tim)
    if tim.jenis == "tim_kerja_substansi":
        return ""
    aturan.periksa_jabatan_ketua(a, ketua.jenis_jabatan)
    peserta = _tempat_anggota(tim)
    tk = selectors.tempat_pegawai(ketua)
    pola = aturan.pola_dari([*peserta, tk])
    aturan.periksa_pola(a, pola)
    return aturan.periksa_asal_ketua(a, pola=pola, ketua=tk, pemilik=selectors.tempat_unit(tim.unit_pemilik),
                                     peserta=[*peserta, tk], alasan=alasan_asal)


def _simpan_peringatan(tim: TimKerja, kode: str, pesan: str) -> None:
    lain = [p for p in tim.peringatan if p.get("kode") != kode]
    tim.peringatan = lain + ([{"kode": kode, "pesan": pesan}] if pesan else [])


@_atomic
def tetapkan_ketua(*, pengguna: Any, tim_id: int, ketua_id: int | None, alasan_asal: str = "",
                   alasan: str = "", tanpa_ketua: bool = False) -> TimKerja:
    """Name the ketua of a draft (or, later, `ganti_ketua`), or decide that none is needed: then the
    deciding official is the team's coordination point (KINERJA A-05, §1.4)."""
    aktor = _pegawai(pengguna)
    tim = _ambil(tim_id)
    a = _aturan(tim)
    if tim.status == "draf":
        if aktor.id != tim.pembentuk_id:
            raise TidakBerwenang("Ketua tim pada draf ditentukan oleh pembentuk tim.")
    else:
        _boleh(tim, "ganti_ketua", aktor)
    lama = tim.ketua
    if tanpa_ketua or ketua_id is None:
        if not (alasan or "").strip():
            raise DataTidakLengkap({"alasan": "Tuliskan mengapa tim ini tidak memerlukan ketua."})
        tim.ketua, tim.tanpa_ketua, tim.titik_koordinasi = None, True, aktor
        tim.alasan_tanpa_ketua, tim.alasan_asal_ketua = alasan.strip(), ""
        _simpan_peringatan(tim, "TK-03", "")
        dasar = a.dasar("ketua", "dasar_tanpa_ketua")
    else:
        ketua = Pegawai.objects.filter(pk=ketua_id, aktif=True).select_related("unit").first()
        if ketua is None:
            raise DataTidakLengkap({"ketua": "Pegawai calon ketua tidak ditemukan."})
        anggota_ketua = tim.anggota.filter(pegawai=ketua, status="aktif").first()
        if ketua.instansi_id != tim.instansi_id and anggota_ketua is None:
            raise AnggotaTidakMemenuhi("TK-06", "Ketua dari instansi lain harus lebih dahulu menjadi anggota tim "
                                       "melalui surat penugasan lintas instansi", a.dasar("anggota_luar", "dasar"))
        peringatan = _ketua_sah(tim, ketua, alasan_asal)
        tim.ketua, tim.tanpa_ketua, tim.titik_koordinasi = ketua, False, None
        tim.alasan_asal_ketua = alasan_asal.strip() if peringatan else ""
        _simpan_peringatan(tim, "TK-03", peringatan)
        dasar = a.dasar("ketua", "dasar")
    tim.save()
    RiwayatKetua.objects.filter(tim=tim, selesai__isnull=True).update(selesai=timezone.now())
    RiwayatKetua.objects.create(tim=tim, pegawai=tim.ketua, alasan=alasan or tim.alasan_asal_ketua)
    if tim.status != "draf":
        _turunkan_pola(tim, aktor)
        surat = inti.terbitkan(tim, jenis="penunjukan_ketua", penandatangan=aktor,
                               kepada=[tim.ketua] if tim.ketua else [], tembusan=[lama] if lama else [],
                               perihal=f"Penunjukan ketua {tim.nama}",
                               paragraf=[f"Menunjuk {tim.ketua.nama if tim.ketua else 'tanpa ketua'} sebagai ketua "
                                         f"{tim.nama}."])
        inti.catat(tim, aksi="ganti_ketua", aktor=aktor, alasan=alasan, dasar_hukum=dasar,
                   data={"dari": lama.id if lama else None, "ke": tim.ketua_id, "surat": getattr(surat, "pk", None)})
    return tim


def _dasar_luar(tim: TimKerja, pegawai: Pegawai, penugasan_id: int | None) -> Penugasan | None:
    """TK-06: a member from outside the unit pemilik enters only through an issued surat penugasan of a
    lintas-unit or lintas-instansi path that brought him (the team's own penugasan)."""
    a = _aturan(tim)
    dalam = pegawai.instansi_id == tim.instansi_id and selectors.tempat_pegawai(pegawai).di_bawah(tim.unit_pemilik_id)
    if dalam:
        return None
    if penugasan_id is None:
        raise AnggotaTidakMemenuhi(
            "TK-06", f"{pegawai.nama} berada di luar unit pemilik kinerja; ia hanya dapat menjadi anggota melalui "
            "surat penugasan dari permohonan pelibatan lintas unit/lintas instansi — ajukan permohonan dari "
            "halaman tim", a.dasar("anggota_luar", "dasar"))
    p = Penugasan.objects.filter(pk=penugasan_id, instansi_id=tim.instansi_id,
                                 jalur__in=("lintas_unit", "lintas_instansi")).first()
    if p is None or p.status != "ditugaskan" or not Penerima.objects.filter(penugasan=p, pegawai=pegawai).exists():
        raise AnggotaTidakMemenuhi(
            "TK-06", f"Permohonan pelibatan untuk {pegawai.nama} belum berakhir dengan surat penugasan yang terbit",
            a.dasar("anggota_luar", "dasar"))
    return p


def _tambah(tim: TimKerja, aktor: Pegawai, d: DataAnggota) -> tuple[AnggotaTim, list[str]]:
    a = _aturan(tim)
    pegawai = Pegawai.objects.filter(pk=d.pegawai_id, aktif=True).select_related("unit", "instansi").first()
    if pegawai is None:
        raise DataTidakLengkap({"pegawai": "Pegawai tidak ditemukan atau tidak aktif."})
    if d.sumber == "sukarela":
        aturan.periksa_sukarela(a, instansi_tim=tim.instansi_id, instansi_pegawai=pegawai.instansi_id)
    if tim.anggota.filter(pegawai=pegawai, status="aktif").exists():
        raise DataTidakLengkap({"pegawai": f"{pegawai.nama} sudah menjadi anggota tim ini."})
    if not (0 <= d.porsi_persen <= 100):
        raise DataTidakLengkap({"porsi_persen": "Porsi waktu kerja diisi 0–100 persen."})
    aturan.periksa_jabatan_anggota(a, pegawai.jenis_jabatan, substansi=tim.jenis == "tim_kerja_substansi")
    aturan.periksa_masukan_ketua(a, ada_ketua=tim.ketua_id is not None, masukan=d.masukan_ketua)
    # TK-01 before TK-06: a pattern the regulation lacks is refused before asking for a penugasan.
    aturan.periksa_pola(a, aturan.pola_dari([*_tempat_anggota(tim), selectors.tempat_pegawai(pegawai)]))
    dasar = _dasar_luar(tim, pegawai, d.penugasan_id)
    beban = selectors.beban_pegawai([pegawai.id], tim.masa_mulai, tim.masa_selesai,
                                    kapasitas_bawaan=_kapasitas(tim))[pegawai.id]
    peringatan = aturan.periksa_kapasitas(a, nama=pegawai.nama, sesudah=beban.total + d.porsi_persen,
                                          kapasitas=beban.kapasitas, alasan=d.alasan_beban)
    k = kedudukan_pegawai(pegawai)
    anggota = AnggotaTim.objects.create(
        tim=tim, pegawai=pegawai, unit_asal=pegawai.unit, instansi_asal=pegawai.instansi,
        ppk_asal=k.ppk if k else None, puo_asal=k.pimpinan_unit if k else None, peran=d.peran.strip(),
        kompetensi_dibutuhkan=[x.strip() for x in d.kompetensi_dibutuhkan if x.strip()], porsi_persen=d.porsi_persen,
        mulai=tim.masa_mulai, selesai=tim.masa_selesai, dasar_penugasan=dasar, sumber=d.sumber,
        masukan_ketua=d.masukan_ketua, alasan_beban=d.alasan_beban if peringatan else "",
    )
    return anggota, [peringatan] if peringatan else []


def _kapasitas(tim: TimKerja) -> int:
    return tim.instansi.ambang_beban_kerja or _aturan(tim).kapasitas_persen


def _surat_anggota(tim: TimKerja, aktor: Pegawai, anggota: list[AnggotaTim]) -> Any:
    if not anggota:
        return None
    ins = aturan.instrumen(_aturan(tim), tim.pola)
    return inti.terbitkan(
        tim, jenis="penugasan_anggota", penandatangan=tim.penandatangan or aktor,
        kepada=[x.pegawai for x in anggota], tembusan=[x.ppk_asal for x in anggota if x.ppk_asal],
        perihal=f"Penugasan anggota {tim.nama}",
        paragraf=[f"Menugaskan pegawai tersebut di bawah sebagai anggota {tim.nama} ({ins.label})."],
        pegawai=[{"nama": x.pegawai.nama, "nip": x.pegawai.nip, "jabatan": x.pegawai.jabatan,
                  "unit": x.pegawai.unit.nama, "beban": f"{x.porsi_persen}%"} for x in anggota])


@_atomic
def tambah_anggota(*, pengguna: Any, tim_id: int, anggota: list[DataAnggota]) -> list[AnggotaTim]:
    """Propose members on a draft or assign them to a formed/active team (`tugaskan_anggota`,
    `tambah_anggota`); the pola is re-derived and each new member's letter names the founding letter."""
    aktor = _pegawai(pengguna)
    tim = _ambil(tim_id)
    if tim.status == "draf":
        if aktor.id != tim.pembentuk_id:
            raise TidakBerwenang("Anggota pada draf diusulkan oleh pembentuk tim.")
    else:
        _boleh(tim, "tugaskan_anggota", aktor)
    baru: list[AnggotaTim] = []
    peringatan: list[str] = []
    for d in anggota:
        x, w = _tambah(tim, aktor, d)
        baru.append(x)
        peringatan += w
    _turunkan_pola(tim, aktor)
    if tim.ketua_id and tim.ketua is not None:
        # A membership change can change the pola and so the ketua's origin rule (TK-03).
        _ketua_sah(tim, tim.ketua, tim.alasan_asal_ketua)
    if peringatan:
        _simpan_peringatan(tim, "TK-16", "; ".join(peringatan))
    if tim.status != "draf":
        surat = _surat_anggota(tim, aktor, baru)
        _pindah(tim, "tugaskan_anggota", aktor, ke="aktif", dasar_hukum=_aturan(tim).dasar("anggota", "dasar"),
                data={"anggota": [x.pegawai_id for x in baru], "surat": getattr(surat, "pk", None),
                      "peringatan": peringatan})
        inti.kirim(tim, [x.pegawai for x in baru], pesan=f"Anda ditugaskan sebagai anggota {tim.nama}")
    else:
        tim.save()
    return baru


@_atomic
def lepas_anggota(*, pengguna: Any, tim_id: int, pegawai_id: int, alasan: str) -> AnggotaTim:
    aktor = _pegawai(pengguna)
    tim = _ambil(tim_id)
    _boleh(tim, "lepas_anggota", aktor)
    if not alasan.strip():
        raise DataTidakLengkap({"alasan": "Tuliskan alasan pelepasan anggota."})
    x = tim.anggota.filter(pegawai_id=pegawai_id, status="aktif").select_related("pegawai").first()
    if x is None:
        raise DataTidakLengkap({"pegawai": "Pegawai itu bukan anggota aktif tim ini."})
    x.status, x.alasan_lepas, x.selesai = "dilepas", alasan.strip(), max(timezone.localdate(), x.mulai)
    x.save()
    if tim.ketua_id == pegawai_id:
        tim.ketua = None
        tim.save(update_fields=["ketua"])
    _turunkan_pola(tim, aktor)
    surat = inti.terbitkan(tim, jenis="pelepasan_anggota", penandatangan=tim.penandatangan or aktor,
                           kepada=[x.pegawai], tembusan=[x.ppk_asal] if x.ppk_asal else [],
                           perihal=f"Pelepasan anggota {tim.nama}",
                           paragraf=[f"Melepaskan {x.pegawai.nama} dari keanggotaan {tim.nama}: {alasan.strip()}"])
    _pindah(tim, "lepas_anggota", aktor, alasan=alasan, data={"pegawai": pegawai_id, "surat": getattr(surat, "pk", None)})
    return x


@_atomic
def ajukan_pembentukan(*, pengguna: Any, tim_id: int) -> TimKerja:
    """Send the draft to the signer of the founding instrument when he is not the creator (Blitar
    lintas PD → Sekretaris Daerah; lintas instansi → Keputusan Kepala Daerah), or form it directly."""
    aktor = _pegawai(pengguna)
    tim = _ambil(tim_id)
    _boleh(tim, "ajukan_pembentukan", aktor)
    a = _aturan(tim)
    _siap_ditetapkan(tim)
    ins = aturan.instrumen(a, tim.pola)
    tim.penandatangan, tim.jenis_instrumen = _penandatangan(tim, ins), ins.jenis
    if tim.penandatangan_id == aktor.id:
        tim.save()
        return _tetapkan(tim, aktor)
    _pindah(tim, "ajukan_pembentukan", aktor, dasar_hukum=ins.dasar)
    inti.kirim(tim, [tim.penandatangan], pesan=f"Menunggu penetapan {ins.label}: {tim.nama}", tindakan=True)
    return tim


def _siap_ditetapkan(tim: TimKerja) -> None:
    a = _aturan(tim)
    _periksa_target(a, tim.target)
    _turunkan_pola(tim, tim.pembentuk)
    peringatan = aturan.periksa_justifikasi(a, {"target": tim.justifikasi_target, "beban_kerja": tim.justifikasi_beban,
                                                "kompetensi": tim.justifikasi_kompetensi})
    _simpan_peringatan(tim, "TK-09", "; ".join(peringatan))
    if tim.ketua_id and tim.ketua is not None:
        _ketua_sah(tim, tim.ketua, tim.alasan_asal_ketua)
    elif not tim.tanpa_ketua:
        raise DataTidakLengkap({"ketua": "Tunjuk ketua tim, atau putuskan bahwa tim tidak memerlukan ketua "
                                         f"({a.dasar('ketua', 'dasar_tanpa_ketua')})."})


@_atomic
def tetapkan(*, pengguna: Any, tim_id: int) -> TimKerja:
    aktor = _pegawai(pengguna)
    tim = _ambil(tim_id)
    if tim.penandatangan_id is None:
        ins = aturan.instrumen(_aturan(tim), aturan.pola_dari(_tempat_anggota(tim)))
        tim.penandatangan, tim.jenis_instrumen = _penandatangan(tim, ins), ins.jenis
    _boleh(tim, "tetapkan", aktor)
    _siap_ditetapkan(tim)
    return _tetapkan(tim, aktor)


def _tetapkan(tim: TimKerja, aktor: Pegawai) -> TimKerja:
    """Issue the founding instrument (TK-04) and the members' letters; formed, active once it has members."""
    a = _aturan(tim)
    ins = aturan.instrumen(a, tim.pola)
    anggota = list(tim.anggota.filter(status="aktif").select_related("pegawai__unit", "ppk_asal"))
    surat = inti.terbitkan(
        tim, jenis="pembentukan", penandatangan=aktor,
        kepada=[x.pegawai for x in anggota] + ([tim.ketua] if tim.ketua else []),
        tembusan=[tim.pembentuk] + [x.ppk_asal for x in anggota if x.ppk_asal],
        perihal=f"{ins.label} pembentukan {tim.nama}",
        paragraf=[f"Membentuk {tim.nama} ({aturan.POLA[tim.pola].lower()}) pada {tim.unit_pemilik.nama} untuk "
                  f"target: {'; '.join(tim.target)}."],
        rincian=[("Ketua", tim.ketua.nama if tim.ketua else f"Tanpa ketua (titik koordinasi: {tim.koordinator.nama})"),
                 ("Masa kerja", f"{tim.masa_mulai:%d-%m-%Y} s.d. {tim.masa_selesai:%d-%m-%Y}"),
                 ("Dasar", ins.dasar)],
        pegawai=[{"nama": x.pegawai.nama, "nip": x.pegawai.nip, "jabatan": x.pegawai.jabatan,
                  "unit": x.pegawai.unit.nama, "beban": f"{x.porsi_persen}%"} for x in anggota])
    inti.tutup_tindakan(tim)
    _pindah(tim, "tetapkan", aktor, dasar_hukum=ins.dasar, data={"surat": getattr(surat, "pk", None)})
    if anggota:
        _pindah(tim, "tugaskan_anggota", aktor, ke="aktif", dasar_hukum=a.dasar("anggota", "dasar"),
                data={"anggota": [x.pegawai_id for x in anggota]})
        inti.kirim(tim, [x.pegawai for x in anggota], pesan=f"Anda ditugaskan sebagai anggota {tim.nama}")
    return tim


@_atomic
def tolak(*, pengguna: Any, tim_id: int, alasan: str) -> TimKerja:
    aktor = _pegawai(pengguna)
    tim = _ambil(tim_id)
    _boleh(tim, "tolak", aktor)
    if not alasan.strip():
        raise DataTidakLengkap({"alasan": "Tuliskan alasan penolakan."})
    inti.tutup_tindakan(tim)
    _pindah(tim, "tolak", aktor, alasan=alasan)
    inti.kirim(tim, [tim.pembentuk], pesan=f"Pembentukan {tim.nama} dikembalikan: {alasan[:200]}")
    return tim


@_atomic
def bentuk_tim(*, pengguna: Any, data: DataTim, anggota: list[DataAnggota], ketua_id: int | None = None,
               alasan_asal_ketua: str = "", alasan_tanpa_ketua: str = "") -> TimKerja:
    """Draft, staff and submit in one step (the form's "simpan dan ajukan")."""
    tim = buat_draf(pengguna=pengguna, data=data)
    tambah_anggota(pengguna=pengguna, tim_id=tim.id, anggota=anggota)
    tetapkan_ketua(pengguna=pengguna, tim_id=tim.id, ketua_id=ketua_id, alasan_asal=alasan_asal_ketua,
                   alasan=alasan_tanpa_ketua, tanpa_ketua=ketua_id is None)
    return ajukan_pembentukan(pengguna=pengguna, tim_id=tim.id)


# --- changes ------------------------------------------------------------------------


@_atomic
def ubah_target(*, pengguna: Any, tim_id: int, target: list[str], alasan: str) -> TimKerja:
    aktor = _pegawai(pengguna)
    tim = _ambil(tim_id)
    _boleh(tim, "ubah_target", aktor)
    target = [t.strip() for t in target if t.strip()]
    _periksa_target(_aturan(tim), target)
    if not alasan.strip():
        raise DataTidakLengkap({"alasan": "Tuliskan alasan perubahan target."})
    lama, tim.target = tim.target, target
    _pindah(tim, "ubah_target", aktor, alasan=alasan, data={"dari": lama, "ke": target})
    return tim


@_atomic
def perpanjang(*, pengguna: Any, tim_id: int, selesai_baru: date, alasan: str = "") -> TimKerja:
    aktor = _pegawai(pengguna)
    tim = _ambil(tim_id)
    _boleh(tim, "perpanjang", aktor)
    if selesai_baru < max(timezone.localdate(), tim.masa_selesai):
        raise DataTidakLengkap({"masa_selesai": "Tanggal selesai baru harus setelah masa kerja sekarang dan "
                                                "tidak sebelum hari ini."})
    lama, tim.masa_selesai = tim.masa_selesai, selesai_baru
    tim.anggota.filter(status="aktif", selesai=lama).update(selesai=selesai_baru)
    surat = inti.terbitkan(tim, jenis="perpanjangan", penandatangan=aktor,
                           kepada=[x.pegawai for x in tim.anggota.filter(status="aktif").select_related("pegawai")],
                           tembusan=[], perihal=f"Perpanjangan masa kerja {tim.nama}",
                           paragraf=[f"Memperpanjang masa kerja {tim.nama} sampai {selesai_baru:%d-%m-%Y}."])
    _pindah(tim, "perpanjang", aktor, alasan=alasan,
            data={"dari": str(lama), "ke": str(selesai_baru), "surat": getattr(surat, "pk", None)})
    return tim


@_atomic
def tutup(*, pengguna: Any, tim_id: int) -> TimKerja:
    aktor = _pegawai(pengguna)
    tim = _ambil(tim_id)
    _boleh(tim, "tutup", aktor)
    _pindah(tim, "tutup", aktor)
    return tim


@_atomic
def bubarkan(*, pengguna: Any, tim_id: int, alasan: str) -> TimKerja:
    aktor = _pegawai(pengguna)
    tim = _ambil(tim_id)
    _boleh(tim, "bubarkan", aktor)
    if not alasan.strip():
        raise DataTidakLengkap({"alasan": "Tuliskan alasan pembubaran."})
    surat = inti.terbitkan(tim, jenis="pembubaran", penandatangan=aktor,
                           kepada=[x.pegawai for x in tim.anggota.filter(status="aktif").select_related("pegawai")],
                           tembusan=[], perihal=f"Pembubaran {tim.nama}", paragraf=[alasan.strip()])
    _pindah(tim, "bubarkan", aktor, alasan=alasan, data={"surat": getattr(surat, "pk", None)})
    return tim


@_atomic
def buat_tim_substansi(*, koordinator: Pegawai) -> TimKerja | None:
    """TK-07 (Pasuruan): the koordinator pengawas is automatically ketua of the tim kerja substansi of
    the JF/pelaksana he coordinates; built from kedudukan, not by a form."""
    from sikerja.kedudukan.selectors import dikoordinasi_oleh

    a = aturan.aturan_tim(koordinator.instansi.profil)
    if not a.get("koordinator", "otomatis_ketua_substansi", default=False):
        return None
    hari = timezone.localdate()
    tim, dibuat = TimKerja.objects.get_or_create(
        instansi_id=koordinator.instansi_id, jenis="tim_kerja_substansi", ketua=koordinator,
        status__in=alur.BERJALAN,
        defaults={"unit_pemilik_id": koordinator.unit_id, "pembentuk": koordinator, "penandatangan": koordinator,
                  "nama": f"Tim kerja substansi {koordinator.unit.nama}", "status": "aktif",
                  "target": [f"Target kinerja {koordinator.unit.nama}"], "masa_mulai": hari,
                  "masa_selesai": date(hari.year, 12, 31)})
    ada = set(tim.anggota.filter(status="aktif").values_list("pegawai_id", flat=True))
    for p in dikoordinasi_oleh(koordinator):
        if p.id not in ada:
            k = kedudukan_pegawai(p)
            AnggotaTim.objects.create(tim=tim, pegawai=p, unit_asal=p.unit, instansi_asal_id=p.instansi_id,
                                      ppk_asal=k.ppk if k else None, puo_asal=k.pimpinan_unit if k else None,
                                      mulai=tim.masa_mulai, selesai=tim.masa_selesai)
    if dibuat:
        RiwayatKetua.objects.create(tim=tim, pegawai=koordinator, alasan=a.dasar("koordinator", "dasar"))
        inti.catat(tim, aksi="buat_draf", aktor=koordinator, dasar_hukum=a.dasar("koordinator", "dasar"))
    return tim


# --- lintas-unit request from the team page -----------------------------------------


def mulai_permohonan_lintas_unit(*, pengguna: Any, tim_id: int, ppk_tujuan_id: int, uraian_tugas: str,
                                 kompetensi_dibutuhkan: str, jumlah: int = 1) -> Penugasan:
    """Start penugasan's lintas-unit path for this team (TK-06): the surat penugasan it ends with is the
    only way a pegawai of another unit becomes a member."""
    aktor = _pegawai(pengguna)
    tim = _ambil(tim_id, kunci=False)
    if aktor.id not in pengelola(tim):
        raise TidakBerwenang("Permohonan pelibatan untuk tim dikirim oleh pimpinan unit organisasi pemilik kinerja.")
    data = penugasan_services.DataPenugasan(
        judul=f"Pelibatan anggota {tim.nama}"[:200], mulai=tim.masa_mulai, selesai=tim.masa_selesai,
        maksud_tujuan=tim.tujuan or f"Pencapaian target {tim.unit_pemilik.nama}", uraian_tugas=uraian_tugas,
        kompetensi_dibutuhkan=kompetensi_dibutuhkan, target_kinerja=list(tim.target), bentuk="tim",
        jumlah_dibutuhkan=jumlah)
    try:
        return penugasan_services.buat_penunjukan_lintas_unit(pengguna=pengguna, data=data,
                                                              ppk_tujuan_id=ppk_tujuan_id)
    except penugasan_services.PenugasanError as e:
        raise TimKerjaError(e.pesan) from e


def permohonan_tim(tim: TimKerja) -> list[Penugasan]:
    """The lintas-unit requests started for this team (matched by title and period)."""
    return list(Penugasan.objects.filter(instansi_id=tim.instansi_id, judul=f"Pelibatan anggota {tim.nama}"[:200],
                                         mulai=tim.masa_mulai).prefetch_related("penerima__pegawai"))


# --- kendala ------------------------------------------------------------------------


def _penerima_kendala(tim: TimKerja, lingkup: str) -> list[Pegawai]:
    """KINERJA §1.8: the PUO pemilik kinerja; when several PUO must act, each member's PUO; across
    instansi, also the pimpinan (PyB) of each participating instansi."""
    puo = selectors.puo_pemilik(tim)
    hasil = [puo] if puo else []
    if lingkup in ("setiap_puo", "pimpinan_instansi"):
        hasil += [x.puo_asal for x in tim.anggota.filter(status="aktif").select_related("puo_asal") if x.puo_asal]
    if lingkup == "pimpinan_instansi":
        from sikerja.organisasi.models import Instansi

        ids = set(tim.anggota.filter(status="aktif").values_list("instansi_asal_id", flat=True)) | {tim.instansi_id}
        hasil += [i.pyb for i in Instansi.objects.filter(id__in=ids).select_related("pyb") if i.pyb]
    return list(dict.fromkeys(hasil))


@_atomic
def ajukan_kendala(*, pengguna: Any, tim_id: int, judul: str, uraian: str, alternatif: list[str],
                   lingkup: str = "pemilik") -> Kendala:
    aktor = _pegawai(pengguna)
    tim = _ambil(tim_id, kunci=False)
    a = _aturan(tim)
    anggota = tim.anggota.filter(pegawai=aktor, status="aktif").exists()
    if not (anggota or aktor.id == tim.koordinator.id):
        raise TidakBerwenang("Kendala diajukan oleh ketua atau anggota tim.")
    if tim.status not in alur.BERJALAN:
        raise TransisiTidakSah("Kendala hanya dapat diajukan oleh tim yang sedang berjalan.")
    alternatif = [x.strip() for x in alternatif if x.strip()]
    galat = {}
    if not judul.strip():
        galat["judul"] = "Judul kendala wajib diisi."
    if not uraian.strip():
        galat["uraian"] = "Uraikan permasalahan/kendala."
    if not alternatif:
        galat["alternatif"] = "Sertakan paling sedikit satu alternatif rekomendasi."
    if lingkup == "pimpinan_instansi" and tim.pola != "lintas_instansi":
        galat["lingkup"] = "Kendala kepada pimpinan instansi hanya untuk tim lintas instansi."
    if lingkup not in dict(Kendala._meta.get_field("lingkup").choices or []):
        galat["lingkup"] = "Pilih tujuan kendala."
    if galat:
        raise DataTidakLengkap(galat)
    k = Kendala.objects.create(tim=tim, pengaju=aktor, judul=judul.strip()[:200], uraian=uraian.strip(),
                               alternatif=alternatif, lingkup=lingkup, dasar_hukum=a.dasar("kendala", "dasar"))
    tujuan = _penerima_kendala(tim, lingkup)
    k.tujuan.set(tujuan)
    inti.kirim(tim, tujuan, pesan=f"Kendala {tim.nama}: {k.judul}", tindakan=True)
    inti.catat(tim, aksi="ajukan_kendala", aktor=aktor, dasar_hukum=k.dasar_hukum, data={"kendala": k.id})
    return k


@_atomic
def putuskan_kendala(*, pengguna: Any, kendala_id: int, tindakan: str, alasan: str, opsi: int | None = None) -> Kendala:
    """Record a decision: which option and why (putuskan), forwarding to each member's PUO (teruskan),
    follow-up (tindaklanjuti) or closing (tutup)."""
    aktor = _pegawai(pengguna)
    k = Kendala.objects.select_for_update(of=("self",)).select_related("tim").filter(pk=kendala_id).first()
    if k is None:
        raise TimTidakDitemukan("Kendala tidak ditemukan.")
    if not k.tujuan.filter(pk=aktor.pk).exists():
        raise TidakBerwenang("Kendala ini diputuskan oleh pimpinan unit organisasi yang dituju.")
    ke = {"putuskan": "diputuskan", "teruskan": "diteruskan", "tindaklanjuti": "ditindaklanjuti", "tutup": "ditutup"}
    if tindakan not in ke or k.status == "ditutup":
        raise TransisiTidakSah("Keputusan itu tidak dapat diambil atas kendala ini.")
    if not alasan.strip():
        raise DataTidakLengkap({"alasan": "Tuliskan alasan keputusan."})
    if tindakan == "putuskan" and (opsi is None or not (0 <= opsi < len(k.alternatif))):
        raise DataTidakLengkap({"opsi": "Pilih salah satu alternatif rekomendasi."})
    KeputusanKendala.objects.create(kendala=k, pejabat=aktor, tindakan=tindakan,
                                    opsi=opsi if tindakan == "putuskan" else None, alasan=alasan.strip())
    k.status = ke[tindakan]
    k.save(update_fields=["status"])
    if tindakan == "teruskan":
        baru = _penerima_kendala(k.tim, "setiap_puo")
        k.tujuan.add(*baru)
        inti.kirim(k.tim, baru, pesan=f"Kendala diteruskan: {k.judul}", tindakan=True)
    inti.kirim(k.tim, [k.pengaju], pesan=f"Kendala {k.judul}: {ke[tindakan]}")
    inti.catat(k.tim, aksi=f"kendala_{tindakan}", aktor=aktor, alasan=alasan, data={"kendala": k.id, "opsi": opsi})
    return k


# --- reports ------------------------------------------------------------------------


def _periksa_bukti(berkas: list[Berkas]) -> None:
    if len(berkas) > BUKTI_MAKS_JUMLAH:
        raise BuktiTidakSah(f"Paling banyak {BUKTI_MAKS_JUMLAH} berkas bukti per laporan.")
    for b in berkas:
        ext = b.nama.rsplit(".", 1)[-1].lower() if "." in b.nama else ""
        if ext not in BUKTI_JENIS:
            raise BuktiTidakSah(f"Berkas '{b.nama[:80]}': jenis tidak diterima; gunakan "
                                + ", ".join(sorted(BUKTI_JENIS)) + ".")
        if len(b.isi) > BUKTI_MAKS_BYTE:
            raise BuktiTidakSah(f"Berkas '{b.nama[:80]}' lebih dari {BUKTI_MAKS_BYTE // (1024 * 1024)} MB.")
        if not b.isi.startswith(BUKTI_JENIS[ext][1]):
            raise BuktiTidakSah(f"Isi berkas '{b.nama[:80]}' tidak sesuai dengan jenisnya (.{ext}).")


@_atomic
def kirim_laporan(*, pengguna: Any, tim_id: int, jenis: str, periode_mulai: date, periode_selesai: date,
                  progres: str, capaian_persen: int = 0, kendala: str = "", langkah_berikut: str = "",
                  anggota_id: int | None = None, permintaan_id: int | None = None,
                  bukti: list[Berkas] | None = None) -> LaporanTim:
    """Member → ketua, ketua → PUO (Blitar: also each member's PPK, Pasal 21(2)), ketua → a member's PPK
    (laporan kinerja anggota, TK-13); structured, with evidence files."""
    aktor = _pegawai(pengguna)
    tim = _ambil(tim_id, kunci=False)
    a = _aturan(tim)
    if tim.status not in (*alur.BERJALAN, "selesai"):
        raise TransisiTidakSah("Laporan dikirim oleh tim yang sudah dibentuk.")
    galat: dict[str, str] = {}
    if not progres.strip():
        galat["progres"] = "Uraikan progres terhadap target."
    if periode_selesai < periode_mulai:
        galat["periode_selesai"] = "Akhir periode tidak boleh sebelum awalnya."
    if not (0 <= capaian_persen <= 100):
        galat["capaian_persen"] = "Capaian diisi 0–100 persen."
    if galat:
        raise DataTidakLengkap(galat)
    koordinator = tim.koordinator
    anggota = None
    if jenis == "anggota_ke_ketua":
        if not tim.anggota.filter(pegawai=aktor, status="aktif").exists():
            raise LaporanTidakSah("TK-14", "Laporan anggota dikirim oleh anggota tim kepada ketua tim",
                                  a.dasar("laporan", "dasar_anggota"))
        penerima = [koordinator]
        dasar = a.dasar("laporan", "dasar_anggota")
    elif jenis in ("ketua_ke_puo", "kinerja_anggota"):
        if aktor.id != koordinator.id:
            raise LaporanTidakSah("TK-14", "Laporan tim kepada pimpinan unit organisasi dikirim oleh ketua tim",
                                  a.dasar("laporan", "dasar_ketua"))
        puo = selectors.puo_pemilik(tim)
        if jenis == "ketua_ke_puo":
            penerima = [puo] if puo else []
            dasar = a.dasar("laporan", "dasar_ketua")
            if a.get("laporan", "ketua_ke_ppk_anggota", default=False):
                penerima += [x.ppk_asal for x in tim.anggota.filter(status="aktif").select_related("ppk_asal")
                             if x.ppk_asal]
                dasar += "; " + a.dasar("laporan", "dasar_ppk_anggota")
        else:
            anggota = tim.anggota.filter(pegawai_id=anggota_id or 0).select_related("pegawai", "ppk_asal",
                                                                                      "puo_asal").first()
            if anggota is None:
                raise DataTidakLengkap({"anggota": "Pilih anggota yang dilaporkan kinerjanya."})
            penerima = [x for x in (anggota.ppk_asal, anggota.puo_asal) if x]
            dasar = a.dasar("laporan", "dasar_ppk_anggota")
    else:
        raise DataTidakLengkap({"jenis": "Pilih jenis laporan."})
    permintaan = None
    if permintaan_id is not None:
        permintaan = PermintaanLaporan.objects.filter(pk=permintaan_id, tim=tim, sasaran=aktor).first()
        if permintaan is None:
            raise DataTidakLengkap({"permintaan": "Permintaan laporan itu tidak ditujukan kepada Anda."})
        penerima.append(permintaan.peminta)
    berkas = bukti or []
    _periksa_bukti(berkas)
    lap = LaporanTim.objects.create(
        tim=tim, jenis=jenis, pelapor=aktor, anggota=anggota.pegawai if anggota else None, permintaan=permintaan,
        periode_mulai=periode_mulai, periode_selesai=periode_selesai, capaian_persen=capaian_persen,
        progres=progres.strip(), kendala=kendala.strip(), langkah_berikut=langkah_berikut.strip(), dasar_hukum=dasar)
    penerima = [p for p in dict.fromkeys(penerima) if p and p.id != aktor.id]
    lap.penerima.set(penerima)
    BuktiLaporan.objects.bulk_create([
        BuktiLaporan(laporan=lap, nama=b.nama[:200], ukuran=len(b.isi), isi=b.isi,
                     jenis_konten=BUKTI_JENIS[b.nama.rsplit(".", 1)[-1].lower()][0]) for b in berkas])
    inti.kirim(tim, penerima, pesan=f"Laporan {dict(LaporanTim.JENIS)[jenis]}: {tim.nama}")
    inti.catat(tim, aksi="laporan", aktor=aktor, dasar_hukum=dasar, data={"laporan": lap.id, "jenis": jenis})
    return lap


@_atomic
def minta_laporan(*, pengguna: Any, tim_id: int, sasaran_id: int, batas_waktu: date, lingkup: str = "") -> PermintaanLaporan:
    """On-demand report request from the PUO (TK-14): to the ketua and/or a member; Magelang: ketua only."""
    aktor = _pegawai(pengguna)
    tim = _ambil(tim_id, kunci=False)
    a = _aturan(tim)
    if aktor.id not in pengelola(tim):
        raise TidakBerwenang("Laporan sewaktu-waktu diminta oleh pimpinan unit organisasi",
                             a.dasar("laporan", "sewaktu_waktu", "dasar"))
    if sasaran_id == tim.koordinator.id and tim.ketua_id:
        sasaran = "ketua"
    elif tim.anggota.filter(pegawai_id=sasaran_id, status="aktif").exists():
        sasaran = "anggota"
    else:
        raise DataTidakLengkap({"sasaran": "Pilih ketua atau anggota tim ini."})
    aturan.periksa_sasaran_permintaan(a, sasaran)
    if batas_waktu < timezone.localdate():
        raise DataTidakLengkap({"batas_waktu": "Batas waktu tidak boleh sebelum hari ini."})
    p = PermintaanLaporan.objects.create(tim=tim, peminta=aktor, sasaran_id=sasaran_id, batas_waktu=batas_waktu,
                                         lingkup=lingkup.strip()[:300])
    inti.kirim(tim, [p.sasaran], pesan=f"Permintaan laporan {tim.nama} paling lambat {batas_waktu:%d-%m-%Y}",
               tindakan=True)
    return p


def tandai_perubahan_puo(instansi: Any) -> int:
    """TK-12: after an organisation change, flag teams whose PUO pemilik is no longer the one who
    delegated coordination to the ketua (registered on organisasi.kait in apps.ready)."""
    n = 0
    for tim in TimKerja.objects.filter(instansi=instansi, status__in=alur.BERJALAN, ketua__isnull=False,
                                       perlu_konfirmasi=False).select_related("unit_pemilik", "pembentuk"):
        puo = selectors.puo_pemilik(tim)
        if puo is not None and puo.id not in (tim.pembentuk_id, tim.penandatangan_id):
            tim.perlu_konfirmasi = True
            tim.save(update_fields=["perlu_konfirmasi"])
            n += 1
    return n
