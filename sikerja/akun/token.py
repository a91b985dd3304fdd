"""Per-user API tokens for machine clients (issue #9 point 11).

A token is shown once at creation; only its SHA-256 is stored. Its scope is
read, or read and write; every use is written to :class:`JejakAkun` and counted
against a per-token rate limit with the same atomic counter as the login.
"""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from ninja.errors import HttpError
from ninja.security import HttpBearer

from . import services
from .models import JejakAkun, Pengguna, TokenAPI
from .pengelolaan import catat

AWALAN = "skj_"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def boleh_kelola(pelaku: Pengguna, pemilik: Pengguna) -> bool:
    """The user himself, or the admin of the owner's instansi."""
    return pelaku.pk == pemilik.pk or bool(pelaku.admin_instansi and pelaku.instansi_id == pemilik.instansi_id)


def buat(*, pelaku: Pengguna, pemilik: Pengguna, nama: str, tulis: bool) -> tuple[TokenAPI, str]:
    """Create a token; returns it and the secret, which is never shown again."""
    if not boleh_kelola(pelaku, pemilik):
        raise PermissionDenied("Token hanya dapat dibuat oleh pemilik akun atau admin instansinya.")
    rahasia = AWALAN + secrets.token_urlsafe(32)
    with transaction.atomic():
        t = TokenAPI.objects.create(pengguna=pemilik, nama=nama.strip()[:100] or "token", awalan=rahasia[:12],
                                    hash=_hash(rahasia), tulis=tulis)
        catat(aksi="buat_token", pelaku=pelaku, akun=pemilik, rincian=f"{t.nama} ({t.cakupan}) {t.awalan}…")
    return t, rahasia


def cabut(*, pelaku: Pengguna, token: TokenAPI) -> None:
    if not boleh_kelola(pelaku, token.pengguna):
        raise PermissionDenied("Token hanya dapat dicabut oleh pemilik akun atau admin instansinya.")
    if token.dicabut is None:
        token.dicabut = timezone.now()
        token.save(update_fields=["dicabut"])
        catat(aksi="cabut_token", pelaku=pelaku, akun=token.pengguna, rincian=f"{token.nama} {token.awalan}…")


class TokenBearer(HttpBearer):
    """``Authorization: Bearer skj_…`` for django-ninja, next to the session."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        t = (TokenAPI.objects.select_related("pengguna").filter(hash=_hash(token), dicabut__isnull=True).first()
             if token.startswith(AWALAN) else None)
        if t is None or not t.pengguna.is_active:
            return None
        if request.method not in ("GET", "HEAD", "OPTIONS") and not t.tulis:
            raise HttpError(403, "Token ini hanya untuk membaca; buat token dengan cakupan tulis.")
        if not services.hitung(f"token|{t.pk}", int(getattr(settings, "API_TOKEN_PER_MENIT", 600)), 60):
            raise HttpError(429, "Terlalu banyak permintaan dengan token ini; coba lagi dalam satu menit.")
        TokenAPI.objects.filter(pk=t.pk).update(terakhir_dipakai=timezone.now())
        JejakAkun.objects.create(aksi="pakai_token", pelaku=t.pengguna, akun=t.pengguna,
                                 instansi_id=t.pengguna.instansi_id,
                                 rincian=f"{t.awalan}… {request.method} {request.path}"[:500])
        request.user = t.pengguna
        return t.pengguna
