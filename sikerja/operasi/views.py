"""Health endpoints for a load balancer or a monitor (no login, no personal data)."""

from __future__ import annotations

import time

from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache

# A task waiting longer than this means no worker is running (or it cannot keep up).
ANTRIAN_TERLAMBAT_DETIK = 300


@never_cache
def hidup(request: HttpRequest) -> JsonResponse:
    """Liveness: the process answers. Also the benchmark's trivial view."""
    return JsonResponse({"status": "ok"})


def _antrian() -> dict:
    from django.conf import settings

    backend = settings.TASKS["default"]["BACKEND"]
    if not backend.startswith("django_tasks_db"):
        return {"ok": True, "backend": backend}
    from django_tasks_db.models import DBTaskResult

    menunggu = DBTaskResult.objects.ready()
    tertua = menunggu.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    umur = (timezone.now() - tertua).total_seconds() if tertua else 0.0
    return {"ok": umur <= ANTRIAN_TERLAMBAT_DETIK, "backend": backend, "menunggu": menunggu.count(),
            "umur_tertua_detik": round(umur)}


@never_cache
def sehat(request: HttpRequest) -> JsonResponse:
    """Readiness: the database answers and the task queue is being worked off."""
    hasil: dict = {}
    t = time.perf_counter()
    try:
        with connection.cursor() as c:
            c.execute("SELECT 1")
            c.fetchone()
        hasil["basis_data"] = {"ok": True, "vendor": connection.vendor,
                               "ms": round((time.perf_counter() - t) * 1000, 1)}
    except Exception as e:  # noqa: BLE001 — any database failure is "not healthy"
        hasil["basis_data"] = {"ok": False, "galat": type(e).__name__}
    try:
        hasil["antrian_tugas"] = _antrian() if hasil["basis_data"]["ok"] else {"ok": False}
    except Exception as e:  # noqa: BLE001
        hasil["antrian_tugas"] = {"ok": False, "galat": type(e).__name__}
    ok = all(v["ok"] for v in hasil.values())
    return JsonResponse({"status": "ok" if ok else "gagal", **hasil}, status=200 if ok else 503)
