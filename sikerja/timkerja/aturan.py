"""The tim kerja rules of each regulation, read from the ``tim_kerja:`` block of its profile.

Pure functions over plain data (no database): a rule can be tested case by case,
and adding a Pemda is writing its block in ``kedudukan/profil/<kode>.yaml``.
Every refusal is an :class:`~.errors.AturanDilanggar` whose message names the
article of the instansi's own regulation (KINERJA.md §1.9 rule ids in ``kode``).
Rules the regulations leave open ([D]/[P] in KINERJA.md) are defaults in the
profile block, so an instansi changes them there, not here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import yaml

from sikerja.kedudukan.engine import berkas_profil
from sikerja.organisasi.vocab import LABEL_JENIS_JABATAN

from .errors import AnggotaTidakMemenuhi, AturanDilanggar, KetuaTidakMemenuhi, PerluAlasan, PolaTidakDiizinkan

POLA = {
    "internal": "Tim internal bagian/bidang",
    "antar_bidang": "Tim antar bagian/bidang",
    "lintas_pd": "Tim lintas Perangkat Daerah",
    "lintas_instansi": "Tim lintas instansi",
}
URUTAN_POLA = tuple(POLA)

INSTRUMEN = {
    "surat_perintah": "Surat Perintah",
    "surat_penugasan": "Surat Penugasan",
    "keputusan_kepala_daerah": "Keputusan Kepala Daerah",
}

PENANDATANGAN = {
    "puo": "Pimpinan Unit Organisasi pemilik kinerja",
    "ppk": "Pejabat Penilai Kinerja",
    "sekretaris_daerah": "Sekretaris Daerah",
    "kepala_daerah": "Kepala Daerah (melalui Pejabat yang Berwenang)",
}


@dataclass(frozen=True)
class Instrumen:
    jenis: str
    penandatangan: str
    dasar: str

    @property
    def label(self) -> str:
        return INSTRUMEN.get(self.jenis, self.jenis)


@dataclass(frozen=True)
class AturanTim:
    """The ``tim_kerja`` block of one profile, articles prefixed with the regulation's name."""

    profil: str
    singkatan: str
    data: dict[str, Any]

    def dasar(self, *path: str) -> str:
        node: Any = self.data
        for p in path:
            node = (node or {}).get(p)
        return f"{self.singkatan} {node}" if node else self.singkatan

    def get(self, *path: str, default: Any = None) -> Any:
        node: Any = self.data
        for p in path:
            if not isinstance(node, dict) or p not in node:
                return default
            node = node[p]
        return node

    @property
    def pola_diizinkan(self) -> tuple[str, ...]:
        return tuple(self.get("pola_diizinkan", default=URUTAN_POLA))

    @property
    def ketua_jenis_jabatan(self) -> tuple[str, ...]:
        return tuple(self.get("ketua", "jenis_jabatan", default=("fungsional", "pelaksana")))

    @property
    def anggota_jenis_jabatan(self) -> tuple[str, ...]:
        return tuple(self.get("anggota", "jenis_jabatan", default=("fungsional", "pelaksana")))

    @property
    def kapasitas_persen(self) -> int:
        return int(self.get("beban", "kapasitas_persen", default=100))

    @property
    def sasaran_sewaktu_waktu(self) -> tuple[str, ...]:
        return tuple(self.get("laporan", "sewaktu_waktu", "sasaran", default=("ketua", "anggota")))


def _baca(kode: str) -> dict[str, Any]:
    path = berkas_profil(kode)
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


class BlokTimTidakSah(ValueError):
    """A ``tim_kerja`` block that names a pola, jabatan, instrument or signer the engine does not know."""


def periksa_blok(kode: str, blok: dict[str, Any]) -> None:
    """Refuse a profile typo at load time instead of letting a rule silently match nothing."""
    from sikerja.organisasi.vocab import JENIS_JABATAN

    def _salah(pesan: str) -> BlokTimTidakSah:
        return BlokTimTidakSah(f"profil {kode}, tim_kerja: {pesan}")

    for p in blok.get("pola_diizinkan", ()):
        if p not in POLA:
            raise _salah(f"pola '{p}' tidak dikenal")
    for kunci in (("ketua", "jenis_jabatan"), ("anggota", "jenis_jabatan"), ("pembentuk", "jenis_jabatan")):
        for j in (blok.get(kunci[0]) or {}).get(kunci[1], ()):
            if j not in JENIS_JABATAN:
                raise _salah(f"{'.'.join(kunci)}: jenis jabatan '{j}' tidak dikenal")
    for pola, ins in (blok.get("instrumen") or {}).items():
        if pola not in POLA or ins.get("jenis") not in INSTRUMEN or ins.get("penandatangan") not in PENANDATANGAN:
            raise _salah(f"instrumen.{pola} tidak sah ({ins})")
        if not ins.get("dasar"):
            raise _salah(f"instrumen.{pola} tanpa dasar (setiap aturan menyebut pasalnya)")
    sifat = ((blok.get("ketua") or {}).get("asal") or {}).get("sifat", "diutamakan")
    if sifat not in ("wajib", "diutamakan"):
        raise _salah(f"ketua.asal.sifat '{sifat}' bukan wajib/diutamakan")
    ins_anggota = (blok.get("anggota") or {}).get("instrumen")
    if ins_anggota and (ins_anggota.get("jenis") not in INSTRUMEN or not ins_anggota.get("dasar")):
        raise _salah(f"anggota.instrumen tidak sah ({ins_anggota})")
    for pola, ptb in ((blok.get("anggota") or {}).get("pertimbangan") or {}).items():
        if pola not in POLA or not ptb.get("dasar") or any(
                x not in ("puo", "delegasi", "sekretaris_daerah", "kepala_daerah") for x in ptb.get("pejabat", ())):
            raise _salah(f"anggota.pertimbangan.{pola} tidak sah ({ptb})")
    for s in ((blok.get("laporan") or {}).get("sewaktu_waktu") or {}).get("sasaran", ()):
        if s not in ("ketua", "anggota"):
            raise _salah(f"laporan.sewaktu_waktu.sasaran '{s}' bukan ketua/anggota")


@cache
def aturan_tim(kode: str) -> AturanTim:
    """The block of profile ``kode``; keys it leaves out come from its ``turunan`` (nasional)."""
    data = _baca(kode)
    blok = dict(data.get("tim_kerja") or {})
    periksa_blok(kode, blok)
    if data.get("turunan"):
        induk = aturan_tim(data["turunan"]).data
        blok = {**induk, **blok}
    return AturanTim(profil=kode, singkatan=data.get("singkatan", kode), data=blok)


# --- where a pegawai sits ---------------------------------------------------------


@dataclass(frozen=True)
class Tempat:
    """A placement as the pola and origin rules see it (built by selectors from the database)."""

    instansi: int
    pd: int               # the Perangkat Daerah (root unit of the PD)
    bidang: int           # the Level-II unit (bagian/bidang), or the unit itself at Level I
    unit: int
    leluhur: frozenset[int]  # the unit and all units above it
    jenis_jabatan: str = ""

    def di_bawah(self, unit_id: int) -> bool:
        return unit_id in self.leluhur


def pola_dari(tempat: list[Tempat]) -> str:
    """TK-POLA: all in one Level-II unit → internal; one PD → antar_bidang; one instansi →
    lintas_pd; more → lintas_instansi (KINERJA.md §1.2, Perwal Blitar 6/2023 Pasal 20 ayat (1))."""
    if len({t.instansi for t in tempat}) > 1:
        return "lintas_instansi"
    if len({t.pd for t in tempat}) > 1:
        return "lintas_pd"
    if len({t.bidang for t in tempat}) > 1:
        return "antar_bidang"
    return "internal"


# --- the rules --------------------------------------------------------------------


def periksa_pola(a: AturanTim, pola: str) -> None:
    """TK-01: the pola must be one the regulation provides for (Magelang: no lintas instansi)."""
    if pola not in a.pola_diizinkan:
        raise PolaTidakDiizinkan(
            "TK-01",
            f"{POLA.get(pola, pola)} tidak diatur dalam peraturan instansi ini; yang diatur hanya "
            + ", ".join(POLA[p].lower() for p in a.pola_diizinkan),
            a.dasar("dasar_pola"),
        )


def periksa_pembentuk(a: AturanTim, *, jenis_jabatan: str, memimpin_unit_pemilik: bool,
                      koordinator_substansi: bool) -> None:
    """TK-11 (only the official holding the power forms teams in his unit) and TK-07 (Pasuruan:
    a koordinator pengawas is ketua of his tim kerja substansi and cannot form another)."""
    if koordinator_substansi and not a.get("koordinator", "boleh_membentuk_tim", default=True):
        raise AturanDilanggar(
            "TK-07",
            "Pejabat pengawas yang menjadi pelaksana koordinasi secara otomatis menjadi Ketua Tim Kerja "
            "substansinya dan tidak dapat membentuk Tim Kerja",
            a.dasar("koordinator", "dasar"),
        )
    boleh = a.get("pembentuk", "jenis_jabatan", default=("jpt_madya", "jpt_pratama", "administrator", "pengawas"))
    if jenis_jabatan not in boleh or not memimpin_unit_pemilik:
        raise AturanDilanggar(
            "TK-11",
            "Tim kerja dibentuk oleh pimpinan unit organisasi pemilik kinerja (atau pejabat di atasnya) "
            "yang berwenang merumuskan strategi pelaksanaan tugas",
            a.dasar("pembentuk", "dasar"),
        )


def periksa_jabatan_ketua(a: AturanTim, jenis_jabatan: str) -> None:
    """TK-02: the appointed ketua's jenis jabatan (Blitar: not an administrator; others: JF or pelaksana)."""
    if jenis_jabatan not in a.ketua_jenis_jabatan:
        boleh = ", ".join(LABEL_JENIS_JABATAN.get(j, j) for j in a.ketua_jenis_jabatan)
        raise KetuaTidakMemenuhi(
            "TK-02",
            f"{LABEL_JENIS_JABATAN.get(jenis_jabatan, jenis_jabatan)} tidak dapat ditunjuk sebagai ketua tim; "
            f"ketua tim berasal dari {boleh}",
            a.dasar("ketua", "dasar"),
        )


def periksa_asal_ketua(a: AturanTim, *, pola: str, ketua: Tempat, pemilik: Tempat, peserta: list[Tempat],
                       alasan: str = "") -> str:
    """TK-03: where the ketua comes from. Blitar: must (error); the others: "diutamakan" — a
    departure needs a written reason and is returned as a warning to show on the team."""
    sifat = a.get("ketua", "asal", "sifat", default="diutamakan")
    dasar = a.dasar("ketua", "asal", "dasar")
    if sifat == "wajib":
        if pola in ("internal", "antar_bidang") and not ketua.di_bawah(pemilik.unit):
            raise KetuaTidakMemenuhi(
                "TK-03", "Ketua tim kerja internal dan antar bagian/bidang wajib berasal dari unit organisasi "
                "pemilik kinerja", f"{dasar} huruf a")
        if pola == "lintas_pd" and ketua.pd not in {t.pd for t in peserta}:
            raise KetuaTidakMemenuhi(
                "TK-03", "Ketua tim kerja antar Perangkat Daerah wajib berasal dari salah satu Perangkat Daerah "
                "terkait", f"{dasar} huruf b")
        if pola == "lintas_instansi" and ketua.instansi not in {t.instansi for t in peserta}:
            raise KetuaTidakMemenuhi(
                "TK-03", "Ketua tim kerja antar instansi wajib berasal dari instansi terkait", f"{dasar} huruf c")
        return ""
    lingkup = a.get("ketua", "asal", "lingkup", default="unit")
    dari_pemilik = ketua.pd == pemilik.pd if lingkup == "pd" else ketua.di_bawah(pemilik.unit)
    if dari_pemilik:
        return ""
    tempat = "Perangkat Daerah" if lingkup == "pd" else "unit organisasi"
    pesan = f"Ketua tim diutamakan berasal dari {tempat} pemilik kinerja"
    if not alasan.strip():
        raise PerluAlasan("TK-03", pesan + "; tuliskan alasan penunjukan ketua dari luar", dasar)
    return f"{pesan} ({dasar}); alasan: {alasan.strip()}"


def periksa_jabatan_anggota(a: AturanTim, jenis_jabatan: str, *, substansi: bool = False) -> None:
    """M-1: the jabatan a member may hold (Blitar also administrator and pengawas; Pasal 19 ayat (3))."""
    if substansi and jenis_jabatan == "pengawas":
        return
    if jenis_jabatan not in a.anggota_jenis_jabatan:
        boleh = ", ".join(LABEL_JENIS_JABATAN.get(j, j) for j in a.anggota_jenis_jabatan)
        raise AnggotaTidakMemenuhi(
            "M-1", f"{LABEL_JENIS_JABATAN.get(jenis_jabatan, jenis_jabatan)} tidak dapat menjadi anggota tim kerja; "
            f"anggota berasal dari {boleh}", a.dasar("anggota", "dasar"))


def periksa_masukan_ketua(a: AturanTim, *, ada_ketua: bool, masukan: str) -> None:
    """TK-05 (Blitar Pasal 22): member letters are issued on the ketua's input."""
    if a.get("anggota", "butuh_masukan_ketua", default=False) and ada_ketua and not masukan.strip():
        raise AnggotaTidakMemenuhi(
            "TK-05", "Penugasan anggota tim kerja dilakukan berdasarkan masukan dari ketua tim; isi masukan ketua",
            a.dasar("anggota", "dasar_masukan"))


PERTIMBANGAN = {
    "puo": "pimpinan unit organisasi pemilik kinerja",
    "delegasi": "pejabat yang mendapat delegasi pimpinan unit organisasi",
    "sekretaris_daerah": "Sekretaris Daerah",
    "kepala_daerah": "Kepala Daerah (melalui Pejabat yang Berwenang)",
}


def periksa_pertimbangan(a: AturanTim, *, pola: str, peran_aktor: set[str]) -> str:
    """TK-05 (Blitar Pasal 22 huruf a–c): a member's letter is issued with the pertimbangan of the official
    the pola names; the official issuing it must be one of them (his issuing is the pertimbangan recorded).
    Returns the role under which he gives it ("" where the profile sets no such rule)."""
    aturan_pola = (a.get("anggota", "pertimbangan") or {}).get(pola)
    if not aturan_pola:
        return ""
    boleh = list(aturan_pola.get("pejabat") or ())
    cocok = [p for p in boleh if p in peran_aktor]
    if cocok:
        return cocok[0]
    raise AnggotaTidakMemenuhi(
        "TK-05", f"Penugasan anggota {POLA.get(pola, pola).lower()} dilakukan dengan pertimbangan "
        + " dan/atau ".join(PERTIMBANGAN.get(p, p) for p in boleh),
        f"{a.singkatan} {aturan_pola.get('dasar', '')}".strip())


def instrumen(a: AturanTim, pola: str) -> Instrumen:
    """TK-04 / TK-LETTERS: the founding instrument and who signs it, per pola."""
    raw = a.get("instrumen", pola) or {"jenis": "surat_penugasan", "penandatangan": "puo"}
    return Instrumen(jenis=raw.get("jenis", "surat_penugasan"), penandatangan=raw.get("penandatangan", "puo"),
                     dasar=f"{a.singkatan} {raw['dasar']}" if raw.get("dasar") else a.singkatan)


def instrumen_anggota(a: AturanTim, pola: str) -> Instrumen:
    """The letter kind of a member's assignment after the team is formed: the profile's own
    (``anggota.instrumen``; Blitar Pasal 22: surat tugas or surat perintah), else the team's (TK-04)."""
    raw = a.get("anggota", "instrumen")
    if not raw:
        return instrumen(a, pola)
    return Instrumen(jenis=raw.get("jenis", "surat_perintah"), penandatangan=raw.get("penandatangan", "puo"),
                     dasar=f"{a.singkatan} {raw['dasar']}" if raw.get("dasar") else a.singkatan)


def periksa_justifikasi(a: AturanTim, justifikasi: dict[str, str]) -> list[str]:
    """TK-09: target, beban kerja and kompetensi justify the composition (Blitar: required)."""
    kosong = [k for k in ("target", "beban_kerja", "kompetensi") if not (justifikasi.get(k) or "").strip()]
    if not kosong:
        return []
    pesan = "Komposisi tim didasarkan pada target capaian kinerja, analisis beban kerja dan kompetensi pegawai; " \
            "belum diisi: " + ", ".join(k.replace("_", " ") for k in kosong)
    if a.get("justifikasi_komposisi", "wajib", default=False):
        raise AturanDilanggar("TK-09", pesan, a.dasar("justifikasi_komposisi", "dasar"))
    return [f"{pesan} ({a.dasar('justifikasi_komposisi', 'dasar')})"]


def periksa_sasaran_permintaan(a: AturanTim, sasaran: str) -> None:
    """TK-14: whom the PUO may ask for a report at any time (Magelang: the ketua only)."""
    if sasaran not in a.sasaran_sewaktu_waktu:
        from .errors import LaporanTidakSah

        raise LaporanTidakSah(
            "TK-14", "Laporan sewaktu-waktu hanya dapat diminta kepada "
            + " dan/atau ".join("ketua tim" if s == "ketua" else "anggota tim" for s in a.sasaran_sewaktu_waktu),
            a.dasar("laporan", "sewaktu_waktu", "dasar"))


def periksa_sukarela(a: AturanTim, *, instansi_tim: int, instansi_pegawai: int) -> None:
    """TK-15: volunteering into a team only within the same instansi."""
    if instansi_tim != instansi_pegawai:
        raise AnggotaTidakMemenuhi(
            "TK-15", "Pengajuan sukarela hanya dapat dilakukan di lingkungan instansi sendiri; pegawai instansi lain "
            "dilibatkan melalui penunjukan lintas instansi", a.dasar("sukarela_lintas_instansi", "dasar"))


def periksa_kapasitas(a: AturanTim, *, nama: str, sesudah: int, kapasitas: int, alasan: str) -> str:
    """TK-16: over capacity is a warning that needs a reason (not a block)."""
    if sesudah <= kapasitas:
        return ""
    pesan = f"Beban kerja {nama} menjadi {sesudah}% dari kapasitas {kapasitas}%"
    if not alasan.strip():
        raise PerluAlasan("TK-16", pesan + "; isi alasan untuk tetap menugaskan atau kurangi porsi",
                          a.dasar("beban", "dasar"))
    return f"{pesan}; alasan: {alasan.strip()}"
