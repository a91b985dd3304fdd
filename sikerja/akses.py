"""Who may open what. Every page and API endpoint goes through these checks.

Rights come from the user's instansi (the tenant: nothing crosses it), the
pegawai's kedudukan, and the instansi-wide roles on :class:`Pengguna`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse


def instansi_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Logged in and belonging to an instansi; the view reads ``request.user.instansi``."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.instansi_id:  # type: ignore[union-attr]
            raise PermissionDenied("Akun Anda belum terhubung ke instansi mana pun. Hubungi admin.")
        return view(request, *args, **kwargs)

    return wrapper


def peran_required(*peran: str) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """One of the instansi-wide roles (``admin_instansi``, ``bkpsdm``, ``inspektorat``)."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @instansi_required
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not any(getattr(request.user, p, False) for p in peran):
                raise PermissionDenied("Halaman ini hanya untuk " + " / ".join(p.replace("_", " ") for p in peran) + ".")
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


class Permintaan(HttpRequest):
    """A request behind ``instansi_required``: the user is logged in and has an instansi.

    Views annotate ``request: Permintaan`` so the type checker knows what the
    decorator guarantees.
    """

    user: Any
