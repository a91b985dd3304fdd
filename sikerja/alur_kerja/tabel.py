"""The state-table type every module declares its workflows with.

A :class:`TabelStatus` lists, for each waiting state, the role that acts (a name the module's
resolver turns into a pegawai through kedudukan selectors), the decisions open there, the states
each decision may lead to, the letters it issues and its legal basis. Facts about a path that
pages and services need (written or oral request, volunteering, cross-instansi, who may edit
after a return...) are in ``fakta`` of the table or step, so nothing outside compares status or
path strings. :func:`sikerja.alur_kerja.services.jalankan` is the only code that moves a state.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# A target meaning "stay in the current state" (decisions open in several states, e.g. a correction).
TETAP = "="


@dataclass(frozen=True)
class Keputusan:
    aksi: str
    # The states this decision may lead to; the effect returns one (None = the first).
    ke: tuple[str, ...]
    label: str = ""
    # The module's effect run for it (a key of the ``efek`` mapping given to jalankan); "" = none.
    efek: str = ""
    # Kinds of letters it issues (surat.jenis codes), for the documentation and the tests.
    surat: tuple[str, ...] = ()
    # Message shown when the reason is missing; "" = the reason is optional.
    wajib_alasan: str = ""
    # Its letters and audit entry cross to the other instansi of a path.
    lintas: bool = False


@dataclass(frozen=True)
class Langkah:
    aktor: str
    keputusan: tuple[Keputusan, ...]
    dasar_hukum: str = ""
    # The role that acts when the subject names nobody in ``aktor``.
    aktor_cadangan: str | None = None
    fakta: Mapping[str, Any] = field(default_factory=dict)

    def keputusan_untuk(self, aksi: str) -> Keputusan | None:
        return next((k for k in self.keputusan if k.aksi == aksi), None)

    @property
    def aksi(self) -> list[str]:
        return [k.aksi for k in self.keputusan]


@dataclass(frozen=True)
class KeputusanUmum:
    """A decision open in every non-final state (``di`` empty) or in the states listed, whose
    actor the calling service has already established (e.g. the signatory of a letter)."""

    keputusan: Keputusan
    di: frozenset[str] = frozenset()
    juga_di_akhir: bool = False


@dataclass(frozen=True)
class TabelStatus:
    nama: str
    # States a subject may start in (the first is the usual one), and the role that creates it.
    awal: tuple[str, ...]
    pembuat: str
    langkah: Mapping[str, Langkah]
    label_status: Mapping[str, str]
    akhir: frozenset[str]
    label_peran: Mapping[str, str] = field(default_factory=dict)
    label_aksi: Mapping[str, str] = field(default_factory=dict)
    dasar_hukum: str = ""
    umum: tuple[KeputusanUmum, ...] = ()
    fakta: Mapping[str, Any] = field(default_factory=dict)

    # --- reading the table -------------------------------------------------------------

    def keputusan(self, status: str, aksi: str) -> Keputusan | None:
        lk = self.langkah.get(status)
        if lk is not None and (k := lk.keputusan_untuk(aksi)) is not None:
            return k
        for u in self.umum:
            if u.keputusan.aksi != aksi:
                continue
            if status in self.akhir and not u.juga_di_akhir:
                continue
            if not u.di or status in u.di:
                return u.keputusan
        return None

    def umum_untuk(self, aksi: str) -> bool:
        return any(u.keputusan.aksi == aksi for u in self.umum)

    def aksi_tersedia(self, status: str) -> list[str]:
        lk = self.langkah.get(status)
        return lk.aksi if lk else []

    def peran(self, status: str) -> str | None:
        lk = self.langkah.get(status)
        return lk.aktor if lk else None

    def label(self, status: str) -> str:
        return self.label_status.get(status, status)

    def nama_peran(self, peran: str) -> str:
        return self.label_peran.get(peran, peran)

    def transisi(self) -> list[tuple[str, str, str, str]]:
        """Every (from, decision, actor, to) of the table's steps (not the general decisions)."""
        return [(st, k.aksi, lk.aktor, ke) for st, lk in self.langkah.items() for k in lk.keputusan for ke in k.ke]

    def periksa(self) -> None:
        """Raise ValueError if the table names a state it does not label or a target it cannot reach."""
        dikenal = set(self.label_status)
        for st in (*self.awal, *self.langkah, *self.akhir):
            if st not in dikenal:
                raise ValueError(f"{self.nama}: status {st!r} tidak berlabel")
        for st, lk in self.langkah.items():
            if st in self.akhir:
                raise ValueError(f"{self.nama}: status akhir {st!r} mempunyai langkah")
            for k in lk.keputusan:
                if not k.ke:
                    raise ValueError(f"{self.nama}: {st}/{k.aksi} tanpa tujuan")
                for ke in k.ke:
                    if ke != TETAP and ke not in dikenal:
                        raise ValueError(f"{self.nama}: {st}/{k.aksi} menuju status tak dikenal {ke!r}")
