"""The base of every error a user can cause: an Indonesian message saying what to do, and the
HTTP status a page or the API answers with (never a stack trace). Apps subclass these."""

from __future__ import annotations


class KesalahanPengguna(Exception):
    status_http = 400

    def __init__(self, pesan: str) -> None:
        super().__init__(pesan)
        self.pesan = pesan


class TidakBerwenang(KesalahanPengguna):
    status_http = 403


class TidakDitemukan(KesalahanPengguna):
    status_http = 404


class Konflik(KesalahanPengguna):
    """The row changed under the user (someone decided first, a lock or a unique race): retry."""

    status_http = 409


class TransisiTidakSah(Konflik):
    """The decision is not open in the current state (often: someone already decided)."""


class SedangDiproses(TransisiTidakSah):
    """A database lock, deadlock or unique-constraint race: nothing was written; try again."""


class DataTidakLengkap(KesalahanPengguna):
    def __init__(self, galat: dict[str, str]) -> None:
        super().__init__("Data belum lengkap: " + "; ".join(galat.values()))
        self.galat = galat
