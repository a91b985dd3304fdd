"""Login throttling: too many failures for one username or one address locks both out for a while.

Stored in the database (not a per-process cache) so that every worker of a
deployment sees the same count.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from .models import PercobaanMasuk


def _jendela() -> timedelta:
    return timedelta(seconds=settings.LOGIN_GAGAL_JENDELA_DETIK)


def terkunci(username: str, alamat_ip: str | None) -> bool:
    sejak = timezone.now() - _jendela()
    filt = Q(username__iexact=username)
    if alamat_ip:
        filt |= Q(alamat_ip=alamat_ip)
    qs = PercobaanMasuk.objects.filter(filt, waktu__gte=sejak)
    return qs.count() >= settings.LOGIN_GAGAL_MAKS


def catat_gagal(username: str, alamat_ip: str | None) -> None:
    PercobaanMasuk.objects.create(username=username[:150], alamat_ip=alamat_ip or None)


def bersihkan(username: str) -> None:
    """A successful login forgives earlier failures of that username."""
    PercobaanMasuk.objects.filter(username__iexact=username).delete()
