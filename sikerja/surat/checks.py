"""Deploy checks of the letters app (``sikerja check --deploy``)."""

from __future__ import annotations

import ipaddress
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Tags, Warning, register


def _loopback(alamat: str) -> bool:
    host = (urlsplit(alamat).hostname or "").lower()
    if host in ("", "localhost") or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback or ipaddress.ip_address(host).is_unspecified
    except ValueError:
        return False


@register(Tags.security, deploy=True)
def alamat_verifikasi(app_configs: Any = None, **kwargs: Any) -> list[Warning]:
    """A letter's QR code and verification address must reach the public page: a loopback
    address printed on an issued (immutable) letter can never be verified by its reader."""
    alamat = getattr(settings, "SIKERJA_ALAMAT_VERIFIKASI", "")
    if _loopback(alamat):
        return [Warning(
            f"SIKERJA_ALAMAT_VERIFIKASI masih alamat lokal ({alamat or 'kosong'}): kode QR dan alamat verifikasi "
            "pada surat tidak dapat dibuka penerimanya.",
            hint="Isi variabel lingkungan SIKERJA_ALAMAT_VERIFIKASI dengan alamat publik aplikasi, "
                 "mis. https://sikerja.pasuruankab.go.id, sebelum menerbitkan surat.",
            id="surat.W001",
        )]
    return []
