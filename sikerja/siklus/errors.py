"""Errors of the siklus kerja (each a :class:`sikerja.galat.KesalahanPengguna` with an Indonesian message)."""

from __future__ import annotations

from sikerja.galat import (
    DataTidakLengkap,
    KesalahanPengguna,
    TidakBerwenang,
    TidakDitemukan,
    TransisiTidakSah,
)

__all__ = ["AturanDilanggar", "BerkasTidakSah", "DataTidakLengkap", "ImporGagal", "KesalahanPengguna",
           "SiklusError", "TidakBerwenang", "TidakDitemukan", "TransisiTidakSah"]


class SiklusError(KesalahanPengguna):
    pass


class AturanDilanggar(SiklusError):
    """A rule of the instansi's regulation refuses the step; the message cites the article."""


class BerkasTidakSah(SiklusError):
    pass


class ImporGagal(SiklusError):
    def __init__(self, galat: list[str]) -> None:
        super().__init__("Impor dibatalkan, tidak ada data yang disimpan: " + " ".join(galat[:20]))
        self.galat = galat
