"""Errors of the workflow core (each a :class:`sikerja.galat.KesalahanPengguna`)."""

from __future__ import annotations

from sikerja.galat import (
    DataTidakLengkap,
    KesalahanPengguna,
    SedangDiproses,
    TidakBerwenang,
    TidakDitemukan,
    TransisiTidakSah,
)

__all__ = ["DataTidakLengkap", "KesalahanPengguna", "SedangDiproses", "TargetTidakDiizinkan", "TidakBerwenang",
           "TidakDitemukan", "TransisiTidakSah"]


class TargetTidakDiizinkan(RuntimeError):
    """An effect returned a state its table does not allow for the decision: a programming error."""
