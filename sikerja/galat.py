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


# --- database races anywhere: a clear, retryable refusal instead of a 500 (issue 10 point 11) ---

PESAN_BALAPAN = ("Data ini sedang diubah pengguna lain pada saat yang sama; tidak ada yang tersimpan. "
                 "Muat ulang halaman dan coba lagi.")


def balapan(exc: BaseException) -> bool:
    """Whether ``exc`` is a lost race (deadlock, serialisation failure, lock timeout, unique
    violation by a concurrent insert) rather than a bug: retrying is the right answer."""
    from django.db import IntegrityError, OperationalError

    teks = str(exc).lower()
    if isinstance(exc, IntegrityError):
        return "unique" in teks or "duplicate key" in teks
    if isinstance(exc, OperationalError):
        return any(k in teks for k in ("deadlock", "could not serialize", "database is locked",
                                       "lock timeout", "could not obtain lock"))
    return False


def api_balapan(request, exc):  # type: ignore[no-untyped-def]
    """django-ninja exception handler: a race is HTTP 409 with an Indonesian message."""
    from sikerja.api import api

    if not balapan(exc):
        raise exc
    return api.create_response(request, {"detail": PESAN_BALAPAN}, status=409)


class BalapanMiddleware:
    """Pages: a race becomes a 409 page saying to retry (other errors go on to the 500 handler)."""

    def __init__(self, get_response):  # type: ignore[no-untyped-def]
        self.get_response = get_response

    def __call__(self, request):  # type: ignore[no-untyped-def]
        return self.get_response(request)

    def process_exception(self, request, exception):  # type: ignore[no-untyped-def]
        if not balapan(exception):
            return None
        from django.shortcuts import render

        return render(request, "alur_kerja/konflik.html", {"pesan": PESAN_BALAPAN}, status=409)
