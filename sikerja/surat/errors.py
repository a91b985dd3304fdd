"""Errors a user can cause with letters, with an Indonesian message saying what to do."""

from __future__ import annotations

from sikerja.galat import KesalahanPengguna


class ObjekTidakDapatDiubah(Exception):
    """Raised when code tries to edit an issued letter (or, in jejak, an audit entry)."""


class SuratError(KesalahanPengguna):
    pass


class SuratTidakDapatDiubah(SuratError):
    status_http = 409


class FormatNomorTidakSah(SuratError):
    """The numbering format of an instansi uses something other than the documented placeholders."""


class LambangTidakSah(SuratError):
    """An uploaded lambang daerah that is not a PNG/JPEG image of a usable size."""


class KopTidakSah(SuratError):
    """A kop surat the user may not save, or with a value that cannot be used."""
