"""Kedudukan warnings as values: a code to branch on, a message to show, a legal basis.

Pages, exports and the engine itself decide by ``kode`` (e.g. the BKPSDM page
puts "menunggu_delegasi" in its own category, a delegation of pengelolaan
kinerja lifts "tanpa_puo"); the wording of ``pesan`` may change with a profile
or a translation without changing any behaviour.

Stored as ``{"kode", "pesan", "dasar"}`` mappings in ``Penjelasan.peringatan``
(migration 0003 turned the earlier plain strings into this shape).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

# The fixed vocabulary of codes. Profiles may use any of them for their own warnings.
TANPA_ATURAN = "tanpa_aturan"  # no profile rule covers the post: set the kedudukan by hand
TANPA_PPK = "tanpa_ppk"  # no Pejabat Penilai Kinerja found
TANPA_PUO = "tanpa_puo"  # no pimpinan unit organisasi (until a delegation of pengelolaan kinerja)
MENUNGGU_DELEGASI = "menunggu_delegasi"  # the regulation expects a delegation the data does not hold
DELEGASI_GANDA = "delegasi_ganda"  # several delegations of one official cover the pegawai
DELEGASI_TIDAK_LEBIH_TINGGI = "delegasi_tidak_lebih_tinggi"  # the delegate does not outrank the pegawai
PERLU_PENETAPAN = "perlu_penetapan"  # the regulation leaves the case to a decision of the Kepala Daerah
PENEMPATAN_TIDAK_DIATUR = "penempatan_tidak_diatur"  # the pegawai sits where the regulation places nobody
LAIN = "lain"

KODE: dict[str, str] = {
    TANPA_ATURAN: "Tanpa aturan profil",
    TANPA_PPK: "Belum ada PPK",
    TANPA_PUO: "Belum ada pimpinan unit",
    MENUNGGU_DELEGASI: "Menunggu pendelegasian",
    DELEGASI_GANDA: "Pendelegasian ganda",
    DELEGASI_TIDAK_LEBIH_TINGGI: "Penerima delegasi tidak lebih tinggi",
    PERLU_PENETAPAN: "Perlu penetapan Kepala Daerah",
    PENEMPATAN_TIDAK_DIATUR: "Penempatan tidak diatur",
    LAIN: "Peringatan lain",
}


@dataclass(frozen=True, slots=True)
class Peringatan:
    """One warning about a kedudukan."""

    kode: str
    pesan: str
    dasar: str | None = None

    def __str__(self) -> str:
        return self.pesan

    @property
    def label(self) -> str:
        return KODE.get(self.kode, KODE[LAIN])

    def as_dict(self) -> dict[str, str | None]:
        return {"kode": self.kode, "pesan": self.pesan, "dasar": self.dasar}

    @classmethod
    def dari_data(cls, data: Any) -> Peringatan:
        """From the stored mapping (a bare string, from before codes, reads as ``lain``)."""
        if isinstance(data, Mapping):
            return cls(str(data.get("kode") or LAIN), str(data.get("pesan") or ""), data.get("dasar") or None)
        return cls(LAIN, str(data))


def kode_dari(daftar: Iterable[Peringatan]) -> list[str]:
    return [p.kode for p in daftar]
