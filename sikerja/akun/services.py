"""Login throttling that holds under concurrency, and the client's address.

Every attempt first *reserves* a slot: the counter row of its key is locked
(``select_for_update``; on SQLite the IMMEDIATE transaction serialises writers),
checked and incremented in one transaction, and only then is the password
checked. So 40 simultaneous wrong passwords let at most ``LOGIN_GAGAL_MAKS``
through, whichever worker serves them. Keys are per (account, client address)
— an attacker elsewhere cannot lock the owner out — plus a looser per-address
key against password spraying. A successful login clears its own key.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone

from .models import PembatasMasuk, PercobaanMasuk


def _jendela() -> timedelta:
    return timedelta(seconds=settings.LOGIN_GAGAL_JENDELA_DETIK)


def alamat_klien(request: HttpRequest | None) -> str | None:
    """The client's address: REMOTE_ADDR, or — only behind a configured number of
    trusted reverse proxies — the address the outermost trusted proxy saw in
    X-Forwarded-For. Without that setting the header is ignored (anyone can send it)."""
    if request is None:
        return None
    jumlah = int(getattr(settings, "PROXY_TEPERCAYA", 0))
    if jumlah > 0:
        daftar = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
        if len(daftar) >= jumlah:
            return daftar[-jumlah][:45]
    return request.META.get("REMOTE_ADDR")


def _kunci(username: str, alamat: str | None) -> list[tuple[str, int]]:
    alamat = alamat or "-"
    return [
        (f"{username.strip().lower()[:150]}|{alamat}", settings.LOGIN_GAGAL_MAKS),
        (f"|{alamat}", int(getattr(settings, "LOGIN_GAGAL_MAKS_ALAMAT", 50))),
    ]


def _ambil_terkunci(kunci: str) -> PembatasMasuk:
    for _ in range(3):
        obj = PembatasMasuk.objects.select_for_update().filter(kunci=kunci).first()
        if obj is not None:
            return obj
        try:
            with transaction.atomic():
                PembatasMasuk.objects.create(kunci=kunci, jumlah=0, mulai=timezone.now())
        except IntegrityError:  # another worker created it first: lock theirs
            pass
    return PembatasMasuk.objects.select_for_update().get(kunci=kunci)


def pesan_slot(username: str, alamat: str | None) -> bool:
    """Reserve one login attempt; False when the limit for this account and client is reached."""
    sekarang = timezone.now()
    with transaction.atomic():
        baris = [(_ambil_terkunci(k), maks) for k, maks in _kunci(username, alamat)]
        for obj, _maks in baris:
            if obj.mulai < sekarang - _jendela():
                obj.jumlah, obj.mulai = 0, sekarang
        if any(obj.jumlah >= maks for obj, maks in baris):
            for obj, _ in baris:
                obj.save(update_fields=["jumlah", "mulai"])
            return False
        for obj, _ in baris:
            obj.jumlah += 1
            obj.save(update_fields=["jumlah", "mulai"])
    return True


def terkunci(username: str, alamat: str | None) -> bool:
    """Whether the next attempt would be refused (read only, for display)."""
    batas = timezone.now() - _jendela()
    for k, maks in _kunci(username, alamat):
        obj = PembatasMasuk.objects.filter(kunci=k).first()
        if obj is not None and obj.mulai >= batas and obj.jumlah >= maks:
            return True
    return False


def catat_gagal(username: str, alamat_ip: str | None) -> None:
    """Keep the failure for the inspectorate's audit (the counting is in :func:`pesan_slot`)."""
    PercobaanMasuk.objects.create(username=username[:150], alamat_ip=alamat_ip or None)


def bersihkan(username: str, alamat: str | None = None) -> None:
    """A successful login forgives earlier failures of that account from that client."""
    PembatasMasuk.objects.filter(kunci=_kunci(username, alamat)[0][0]).delete()


def hitung(kunci: str, maks: int, jendela_detik: int) -> bool:
    """Count one use of ``kunci`` in a fixed window; False once ``maks`` is reached (atomic)."""
    sekarang = timezone.now()
    with transaction.atomic():
        obj = _ambil_terkunci(kunci[:250])
        if obj.mulai < sekarang - timedelta(seconds=jendela_detik):
            obj.jumlah, obj.mulai = 0, sekarang
        if obj.jumlah >= maks:
            obj.save(update_fields=["jumlah", "mulai"])
            return False
        obj.jumlah += 1
        obj.save(update_fields=["jumlah", "mulai"])
    return True
