"""What each regulation says about penugasan, read from its profile (``penugasan:`` block).

Pure: reads the profile YAML (``kedudukan/profil/<kode>.yaml``), no database. The state tables
(:mod:`.alur`) say *how* a path runs; this module says *on which article* each step of it rests
in the instansi's own regulation, who may appoint inside a unit, which paths the regulation does
not have (with the reason), and how a contradiction in the text was read. A profile silent on a
point falls back to its ``turunan`` (``nasional``: PermenPANRB 7/2022), and says so
(:attr:`Dasar.nasional`) — so a Pasuruan instansi never shows a Karangasem article.

The block::

    penugasan:
      varian: {lintas_unit: puo}          # alur.VARIAN table per jalur (read by kedudukan.engine)
      jalur:
        dalam_unit:
          dasar: "Pasal 24 ayat (2)"      # the path as a whole (path card, creation entry)
          penunjuk: puo                   # who appoints inside a unit: ppk | puo | ppk_atau_puo
          bacaan: "..."                   # how a contradiction in the text was read (path card)
          langkah: {menunggu_x: "..."}    # per waiting state (decision bar, audit entry)
        lintas_instansi:
          tertutup: "..."                 # the regulation has no such path: the reason shown
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from sikerja.kedudukan.engine import berkas_profil

PENUNJUK = ("ppk", "puo", "ppk_atau_puo")
NASIONAL = "nasional"


class BlokPenugasanTidakSah(ValueError):
    """A ``penugasan`` block naming a jalur, step or appointer the engine does not know."""


@dataclass(frozen=True)
class Dasar:
    """A legal basis: the citation (regulation's short name and article) and whether it is the
    national fallback because the instansi's own regulation is silent on it."""

    teks: str
    nasional: bool = False
    # The regulation whose silence made the fallback (shown: "Perwal X tidak mengatur").
    diam: str = ""

    def __str__(self) -> str:
        if not self.nasional:
            return self.teks
        return f"{self.teks} (ketentuan nasional; {self.diam} tidak mengatur)" if self.diam else (
            f"{self.teks} (ketentuan nasional)")


@dataclass(frozen=True)
class Jalur:
    dasar: str = ""
    penunjuk: str = ""
    bacaan: str = ""
    tertutup: str = ""
    langkah: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class AturanPenugasan:
    kode: str
    singkatan: str
    jalur: dict[str, Jalur]
    induk: AturanPenugasan | None = None

    def _cari(self, jalur: str, ambil: Any) -> tuple[str, AturanPenugasan] | None:
        a: AturanPenugasan | None = self
        while a is not None:
            blok = a.jalur.get(jalur)
            nilai = ambil(blok) if blok else ""
            if nilai:
                return nilai, a
            a = a.induk
        return None

    def _dasar(self, ketemu: tuple[str, AturanPenugasan] | None) -> Dasar | None:
        if ketemu is None:
            return None
        teks, sumber = ketemu
        nasional = sumber.kode == NASIONAL
        return Dasar(f"{sumber.singkatan} {teks}", nasional=nasional,
                     diam=self.singkatan if nasional and self.kode != NASIONAL else "")

    def dasar_jalur(self, jalur: str) -> Dasar | None:
        return self._dasar(self._cari(jalur, lambda b: b.dasar))

    def dasar_langkah(self, jalur: str, status: str) -> Dasar | None:
        """The article of the step waiting in ``status`` (None when no profile in the chain names it)."""
        return self._dasar(self._cari(jalur, lambda b: b.langkah.get(status, "")))

    def penunjuk(self, jalur: str = "dalam_unit") -> str:
        """Who appoints pegawai inside a unit: "ppk" (only the PPK, Magelang Pasal 12 ayat (2)),
        "puo" (the PUO the request goes to, Blitar Pasal 24 ayat (2)), "ppk_atau_puo" (either; where
        the PUO is not the PPK he proposes and the PPK sets, Pasuruan Lampiran II.B.2.a huruf d)."""
        ketemu = self._cari(jalur, lambda b: b.penunjuk)
        return ketemu[0] if ketemu else "ppk_atau_puo"

    def bacaan(self, jalur: str) -> str:
        ketemu = self._cari(jalur, lambda b: b.bacaan)
        return f"{ketemu[1].singkatan}: {ketemu[0]}" if ketemu else ""

    def tertutup(self, jalur: str) -> str:
        """Why the regulation offers no such path ("" when it does). Only the own profile closes one."""
        blok = self.jalur.get(jalur)
        return blok.tertutup if blok else ""


def _periksa(kode: str, blok: dict[str, Any]) -> dict[str, Jalur]:
    from .alur import ALUR, STATUS

    hasil: dict[str, Jalur] = {}
    for jalur, raw in (blok.get("jalur") or {}).items():
        where = f"profil {kode}, penugasan.jalur.{jalur}"
        if jalur not in ALUR:
            raise BlokPenugasanTidakSah(f"{where}: jalur tidak dikenal")
        raw = raw or {}
        penunjuk = str(raw.get("penunjuk") or "")
        if penunjuk and penunjuk not in PENUNJUK:
            raise BlokPenugasanTidakSah(f"{where}: penunjuk '{penunjuk}' bukan salah satu {PENUNJUK}")
        langkah = {str(k): str(v) for k, v in (raw.get("langkah") or {}).items()}
        for st in langkah:
            if st not in STATUS:
                raise BlokPenugasanTidakSah(f"{where}: langkah '{st}' tidak dikenal")
        hasil[jalur] = Jalur(dasar=str(raw.get("dasar") or ""), penunjuk=penunjuk,
                             bacaan=" ".join(str(raw.get("bacaan") or "").split()),
                             tertutup=" ".join(str(raw.get("tertutup") or "").split()), langkah=langkah)
    return hasil


@lru_cache(maxsize=64)
def _muat(path: Path, mtime: int) -> AturanPenugasan:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    kode = str(data.get("kode") or path.stem)
    blok = data.get("penugasan") or {}
    induk = aturan(str(data["turunan"])) if data.get("turunan") else None
    return AturanPenugasan(kode=kode, singkatan=str(data.get("singkatan") or kode),
                           jalur=_periksa(kode, blok if isinstance(blok, dict) else {}), induk=induk)


def aturan(kode: str) -> AturanPenugasan:
    """The penugasan rules of profile ``kode`` (re-read when its file changes)."""
    path = berkas_profil(kode or NASIONAL)
    return _muat(path, path.stat().st_mtime_ns)
