"""Errors of the workflow core (each a :class:`sikerja.galat.KesalahanPengguna`)."""

from __future__ import annotations

from sikerja.galat import (
    DataTidakLengkap,
    KesalahanPengguna,
    Konflik,
    SedangDiproses,
    TidakBerwenang,
    TidakDitemukan,
)

__all__ = ["DataTidakLengkap", "KesalahanPengguna", "SedangDiproses", "TargetTidakDiizinkan", "TidakBerwenang",
           "TidakDitemukan", "TransisiTidakSah"]


class TransisiTidakSah(Konflik):
    """The decision is not open in the current state (often: someone already decided)."""


class TargetTidakDiizinkan(RuntimeError):
    """An effect returned a state its table does not allow for the decision: a programming error."""
