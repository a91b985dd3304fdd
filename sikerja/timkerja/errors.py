"""Errors a user can cause in tim kerja, each an Indonesian message naming what to fix.

A refusal that comes from a regulation is :class:`AturanDilanggar`: its message
ends with the article (``dasar``) of the instansi's own regulation, so the user
sees why, not only that. Views: 403 for ``TidakBerwenang``, 404 for
``TimTidakDitemukan``, a form message for the rest (API 400/409).
"""

from __future__ import annotations

from sikerja import galat
from sikerja.alur_kerja.errors import TransisiTidakSah

__all__ = ["TransisiTidakSah"]


class TimKerjaError(galat.KesalahanPengguna):
    pass


class TidakBerwenang(galat.TidakBerwenang):
    def __init__(self, pesan: str, dasar: str = "") -> None:
        super().__init__(f"{pesan} ({dasar})" if dasar else pesan)
        self.dasar = dasar


class TimTidakDitemukan(galat.TidakDitemukan):
    pass


class DataTidakLengkap(galat.DataTidakLengkap):
    pass


class AturanDilanggar(TimKerjaError):
    """A rule of the profile refuses the step; ``kode`` is the KINERJA.md §1.9 rule id."""

    def __init__(self, kode: str, pesan: str, dasar: str) -> None:
        super().__init__(f"{pesan} ({dasar})")
        self.kode = kode
        self.dasar = dasar


class PolaTidakDiizinkan(AturanDilanggar):
    pass


class KetuaTidakMemenuhi(AturanDilanggar):
    pass


class AnggotaTidakMemenuhi(AturanDilanggar):
    pass


class PerluAlasan(AturanDilanggar):
    """A warning rule ("diutamakan", over capacity): the step goes on only with a written reason."""

    status_http = 409


class LaporanTidakSah(AturanDilanggar):
    pass


class BuktiTidakSah(TimKerjaError):
    pass
