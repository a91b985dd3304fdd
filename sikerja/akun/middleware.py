"""Forced password change: an account whose password someone else set goes to the change form first."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse


class WajibGantiSandiMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and getattr(user, "wajib_ganti_sandi", False):
            boleh = (reverse("akun:ganti_sandi"), reverse("logout"), "/static/")
            if not request.path.startswith(boleh) and not request.path.startswith("/api/"):
                return redirect("akun:ganti_sandi")
        return self.get_response(request)
