"""The siklus kerja rules of each regulation, read from the ``siklus:`` block of its profile.

Pure functions over plain data (no database): which review-chain template applies to a unit, the
chain of unit roles it names (KINERJA.md §2.4), where a return goes (§2.3: ``berjenjang`` — to the
level below the one who returns — or ``ke_pelaksana``) and the article each rule cites. Adding a
Pemda is writing its block; [D]/[P] defaults are marked there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import yaml

from sikerja.kedudukan.engine import berkas_profil
from sikerja.organisasi.vocab import JENIS_UNIT_MANDIRI

# A returned item held by the pelaksana (individu or ketua), not by a reviewer.
PELAKSANA = -1


@dataclass(frozen=True)
class UnitInfo:
    """What the template matcher needs of one unit (the unit itself first, then its ancestors)."""

    id: int
    jenis: str
    nama: str


@dataclass(frozen=True)
class PeranRantai:
    peran: str
    unit: tuple[str, ...]


@dataclass(frozen=True)
class Templat:
    id: str
    judul: str
    dasar: str
    bila: dict[str, Any]
    rantai: tuple[PeranRantai, ...]
    pengembalian: str
    dasar_pengembalian: str


@dataclass(frozen=True)
class AturanSiklus:
    profil: str
    singkatan: str
    data: dict[str, Any]
    templat: tuple[Templat, ...]

    def get(self, *path: str, default: Any = None) -> Any:
        node: Any = self.data
        for p in path:
            if not isinstance(node, dict) or p not in node:
                return default
            node = node[p]
        return node

    def dasar(self, *path: str) -> str:
        teks = self.get(*path)
        return f"{self.singkatan} {teks}" if teks else self.singkatan

    @property
    def serah_terima_wajib(self) -> bool:
        return self.get("serah_terima", default="opsional") == "wajib"

    @property
    def laporan_kepada(self) -> str:
        return str(self.get("laporan_individu", "kepada", default="puo"))

    @property
    def pk_pelaksanaan_wajib(self) -> bool:
        return bool(self.get("pk_pelaksanaan_kegiatan", "wajib", default=False))

    @property
    def pengingat_hari(self) -> int:
        return int(self.get("pengingat_hari", default=3))

    @property
    def bukti_maks_byte(self) -> int:
        return int(self.get("bukti", "maks_mb", default=10)) * 1024 * 1024

    @property
    def bukti_tipe(self) -> tuple[str, ...]:
        return tuple(self.get("bukti", "tipe", default=("pdf", "png", "jpg", "jpeg", "xlsx", "docx", "csv", "txt")))


def _baca(kode: str) -> dict[str, Any]:
    return yaml.safe_load(berkas_profil(kode).read_text(encoding="utf-8")) or {}


def _templat(blok: dict[str, Any], bawaan_kembali: str, dasar_kembali: str) -> tuple[Templat, ...]:
    hasil = []
    for t in blok.get("templat") or []:
        hasil.append(Templat(
            id=t["id"], judul=t.get("judul", t["id"]), dasar=t.get("dasar", ""), bila=dict(t.get("bila") or {}),
            rantai=tuple(PeranRantai(peran=r["peran"], unit=tuple(r["unit"])) for r in t["rantai"]),
            pengembalian=t.get("pengembalian", bawaan_kembali),
            dasar_pengembalian=t.get("dasar_pengembalian", dasar_kembali),
        ))
    return tuple(hasil)


@cache
def aturan_siklus(kode: str) -> AturanSiklus:
    """The block of profile ``kode``; keys it leaves out (and its templates, if it has none) come from
    its ``turunan`` (nasional)."""
    data = _baca(kode)
    blok = dict(data.get("siklus") or {})
    if data.get("turunan"):
        induk = aturan_siklus(data["turunan"]).data
        blok = {**induk, **blok}
    singkatan = data.get("singkatan", kode)
    templat = _templat(blok, blok.get("pengembalian", "berjenjang"), blok.get("dasar_pengembalian", ""))
    return AturanSiklus(profil=kode, singkatan=singkatan, data=blok, templat=templat)


# --- matching a unit to its template ------------------------------------------------------


def _organisasi(leluhur: Sequence[UnitInfo]) -> UnitInfo:
    """The Level-I unit of the unit's own organisation: the nearest self-leading unit (UPTD, RSUD,
    Puskesmas, school, Kelurahan), else the top of the Perangkat Daerah."""
    for u in leluhur:
        if u.jenis in JENIS_UNIT_MANDIRI:
            return u
    return leluhur[-1]


def _cocok(bila: dict[str, Any], leluhur: Sequence[UnitInfo]) -> bool:
    pd = leluhur[-1]
    org = _organisasi(leluhur)
    for kunci, nilai in bila.items():
        daftar: list[Any] = [nilai] if isinstance(nilai, str) else list(nilai)
        if kunci == "pd" and pd.jenis not in daftar:
            return False
        if kunci == "nama_pd" and not any(n.lower() in pd.nama.lower() for n in daftar):
            return False
        if kunci == "organisasi" and org.jenis not in daftar:
            return False
        if kunci == "nama_organisasi" and not any(n.lower() in org.nama.lower() for n in daftar):
            return False
        if kunci == "unit" and leluhur[0].jenis not in daftar:
            return False
        if kunci == "salah_satu" and not any(_cocok(b, leluhur) for b in daftar):
            return False
    return True


def templat_untuk(a: AturanSiklus, leluhur: Sequence[UnitInfo]) -> Templat:
    """The first template whose ``bila`` matches the unit of the target (``leluhur[0]``)."""
    for t in a.templat:
        if _cocok(t.bila, leluhur):
            return t
    raise ValueError(f"{a.singkatan}: tidak ada templat rantai reviu untuk unit {leluhur[0].nama}")


def unit_rantai(t: Templat, leluhur: Sequence[UnitInfo]) -> list[tuple[PeranRantai, UnitInfo]]:
    """Each chain role with the unit whose head holds it: the nearest unit upward from the target's
    unit (itself first) whose kind the role names. A role no unit fills is skipped [P] — e.g. a JF
    directly under the Level I head of DPMPTSP (PSR L-II.D.4) is reviewed by Level I alone."""
    hasil: list[tuple[PeranRantai, UnitInfo]] = []
    dipakai: set[int] = set()
    for r in t.rantai:
        u = next((x for x in leluhur if x.jenis in r.unit), None)
        if u is not None and u.id not in dipakai:
            hasil.append((r, u))
            dipakai.add(u.id)
    return hasil


def level_pengembalian(pengembalian: str, level: int) -> int:
    """Who holds an item returned by the reviewer at ``level`` (KINERJA.md §2.3 K8): the level below
    him ("secara berjenjang", PSR L-II.D.1.c.3) or the pelaksana directly."""
    if pengembalian == "ke_pelaksana":
        return PELAKSANA
    return level - 1
