"""Response headers every deployment needs and one JSON log line per request.

- ``Content-Security-Policy``: the browser loads scripts, styles, fonts, images and
  connections only from SIKERJA itself (everything is vendored under static; no CDN).
- ``Cache-Control: no-store`` on every response to a logged-in user and on letters
  (PDF), so a shared computer's cache or a proxy keeps no personnel data.
- ``sikerja.permintaan`` log: one JSON object per request with method, path, status,
  duration, user and instansi, for a log collector (see README, "Operasi").
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse

log = logging.getLogger("sikerja.permintaan")

CSP_BAWAAN = (
    "default-src 'self'; script-src 'self'; "
    # htmx and Bootstrap set inline styles (indicators, collapse heights); no external source.
    "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)


class HeaderKeamanan:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.csp = getattr(settings, "SIKERJA_CSP", CSP_BAWAAN)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if self.csp and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = self.csp
        user = getattr(request, "user", None)
        masuk = user is not None and user.is_authenticated
        if masuk or response.get("Content-Type", "").startswith("application/pdf"):
            response["Cache-Control"] = "no-store"
        return response


class LogPermintaan:
    """Logs after the response is built, so the duration covers the view and templates."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        mulai = time.perf_counter()
        response = self.get_response(request)
        if log.isEnabledFor(logging.INFO):
            user: Any = getattr(request, "user", None)
            masuk = user is not None and user.is_authenticated
            log.info(json.dumps({
                "metode": request.method,
                "path": request.path,
                "status": response.status_code,
                "durasi_ms": round((time.perf_counter() - mulai) * 1000, 1),
                "user": user.get_username() if masuk else None,
                "instansi": getattr(user, "instansi_id", None) if masuk else None,
                "ip": request.META.get("REMOTE_ADDR"),
            }, ensure_ascii=False))
        return response
