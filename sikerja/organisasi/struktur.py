"""An organisation held in memory as plain data, with no database.

The kedudukan engine, the import validator and the ``sikerja kedudukan --data``
command all work on this shape, so that a regulation can be checked against a
scenario file without touching a database, and 50,000 pegawai can be resolved
in one pass over dictionaries.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from .vocab import JENIS_UNIT_MANDIRI


@dataclass(frozen=True, slots=True)
class Unit:
    kode: str
    nama: str
    jenis: str
    induk: str | None = None
    # Explicit attributes the regulation profiles read (e.g. ``kelas_rs``, ``tipe_uptd``,
    # ``urusan``), as sorted (name, value) pairs: rules never look at ``nama``, so a
    # renamed unit keeps its kedudukan.
    atribut: tuple[tuple[str, str], ...] = ()

    def nilai_atribut(self, nama: str) -> str | None:
        return next((v for k, v in self.atribut if k == nama), None)


@dataclass(frozen=True, slots=True)
class Pegawai:
    nip: str
    nama: str
    jabatan: str
    jenis_jabatan: str
    unit: str
    status: str = "pns"
    jenjang: str | None = None
    kepala_unit: bool = False
    kompetensi: tuple[tuple[str, str], ...] = ()
    # For notifications; None = the file does not say (an address set in the app is kept).
    email: str | None = None
    # "Pembina (IV/a)"; None = the file has no such column (the value set before is kept).
    pangkat_golongan: str | None = None


@dataclass(frozen=True, slots=True)
class Delegasi:
    dari: str
    kepada: str
    wewenang: str
    pegawai: tuple[str, ...] = ()
    jenjang: tuple[str, ...] = ()
    # The decision (SK) that grants it and the period it holds (inclusive; None = open).
    nomor_sk: str = ""
    tanggal_sk: date | None = None
    berlaku_mulai: date | None = None
    berlaku_sampai: date | None = None

    def berlaku_pada(self, hari: date) -> bool:
        """Whether the delegation holds on ``hari`` (an expired one ends by itself)."""
        if self.berlaku_mulai is not None and hari < self.berlaku_mulai:
            return False
        return self.berlaku_sampai is None or hari <= self.berlaku_sampai
    # The NIP list as a set: the engine asks every delegation about every pegawai, and a
    # tuple scan made recomputing an instansi grow with (pegawai × listed NIPs).
    _nip: frozenset[str] = field(init=False, repr=False, compare=False, default=frozenset())

    def __post_init__(self) -> None:
        object.__setattr__(self, "_nip", frozenset(self.pegawai))

    def menyebut(self, nip: str) -> bool:
        """Whether the delegation names this pegawai in its list."""
        return nip in self._nip

    def covers(self, pegawai: Pegawai) -> bool:
        """A delegation with neither list covers the JF and pelaksana the delegator manages.

        Delegation is of the rating and management of JF and pelaksana (SPEC §2–3); a
        structural official is covered only when named, so an SK meant for an RSUD's Ahli
        Madya does not hand a Kepala Dinas's Sekretaris and Kabid to an RSUD pengawas.
        """
        if self.pegawai:
            return pegawai.nip in self._nip
        if pegawai.jenis_jabatan not in ("fungsional", "pelaksana"):
            return False
        if self.jenjang and (pegawai.jenjang or pegawai.jenis_jabatan) not in self.jenjang:
            return False
        return True


@dataclass
class Organisasi:
    """Units, pegawai and delegations of one instansi, indexed for walking the tree."""

    profil: str
    units: dict[str, Unit] = field(default_factory=dict)
    pegawai: dict[str, Pegawai] = field(default_factory=dict)
    delegasi: list[Delegasi] = field(default_factory=list)
    kode_instansi: str = ""
    nama_instansi: str = ""

    def __post_init__(self) -> None:
        self.reindex()

    def reindex(self) -> None:
        self._kepala: dict[str, Pegawai] = {}
        self._anak: dict[str, list[str]] = {}
        for p in self.pegawai.values():
            if p.kepala_unit:
                self._kepala[p.unit] = p
        for u in self.units.values():
            if u.induk is not None:
                self._anak.setdefault(u.induk, []).append(u.kode)
        self._leluhur: dict[str, tuple[str, ...]] = {}
        self._delegasi_dari: dict[str, list[Delegasi]] = {}
        for d in self.delegasi:
            self._delegasi_dari.setdefault(d.dari, []).append(d)

    # --- tree -----------------------------------------------------------------

    def kepala(self, kode_unit: str) -> Pegawai | None:
        return self._kepala.get(kode_unit)

    def anak(self, kode_unit: str) -> list[str]:
        return self._anak.get(kode_unit, [])

    def leluhur(self, kode_unit: str) -> tuple[str, ...]:
        """The unit itself, then its parent, up to the top of its Perangkat Daerah."""
        hasil = self._leluhur.get(kode_unit)
        if hasil is None:
            rantai: list[str] = []
            kode: str | None = kode_unit
            while kode is not None and kode in self.units and kode not in rantai:
                rantai.append(kode)
                kode = self.units[kode].induk
            hasil = tuple(rantai)
            self._leluhur[kode_unit] = hasil
        return hasil

    def akar_pd(self, kode_unit: str) -> str:
        """The top unit of the Perangkat Daerah (a unit with no parent)."""
        return self.leluhur(kode_unit)[-1]

    def akar_organisasi(self, kode_unit: str) -> str:
        """The Level-I unit the unit counts its level from.

        A unit that leads itself (UPTD, RSUD, Puskesmas, school, Kelurahan) is
        Level I of its own organisation even though it hangs under a PD.
        """
        for kode in self.leluhur(kode_unit):
            if self.units[kode].jenis in JENIS_UNIT_MANDIRI:
                return kode
        return self.akar_pd(kode_unit)

    def level(self, kode_unit: str) -> int:
        """Level I for the organisation's top unit, II for its children, and so on."""
        akar = self.akar_organisasi(kode_unit)
        return self.leluhur(kode_unit).index(akar) + 1

    def units_of_jenis(self, jenis: str) -> Iterator[Unit]:
        return (u for u in self.units.values() if u.jenis == jenis)

    def delegasi_dari(self, nip: str) -> list[Delegasi]:
        return self._delegasi_dari.get(nip, [])
