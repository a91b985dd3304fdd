"""Health endpoints for a load balancer or a monitor (no login, no personal data)."""

from __future__ import annotations

import functools
import time
from datetime import UTC, datetime
from typing import Any

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


@functools.lru_cache(maxsize=4)
def _redis(url: str) -> Any:
    """One client (connection pool) per Redis URL, with short timeouts so a Redis that does not
    answer makes /sehat/ fail fast instead of hanging the load balancer's probe."""
    import redis

    return redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=2)


def _antrian_rq(backend: str) -> dict:
    """The Redis queue (django-tasks-rq): Redis answers, and no queued job waits too long."""
    from django.conf import settings
    from redis.exceptions import RedisError
    from rq import Queue
    from rq.job import Job

    menunggu, umur = 0, 0.0
    try:
        for nama, konfigurasi in settings.RQ_QUEUES.items():
            r = _redis(konfigurasi["URL"])
            r.ping()
            antrian = Queue(nama, connection=r)
            menunggu += antrian.count
            # Workers take jobs from the head; a task enqueued at the front (highest priority)
            # stands before older ones, so the oldest is looked for among the first few.
            sekarang = datetime.now(UTC)
            for job in Job.fetch_many(antrian.get_job_ids(0, 20), connection=r):
                if job is not None and job.enqueued_at is not None:
                    masuk = job.enqueued_at if job.enqueued_at.tzinfo else job.enqueued_at.replace(tzinfo=UTC)
                    umur = max(umur, (sekarang - masuk).total_seconds())
    except RedisError as e:
        return {"ok": False, "backend": backend, "galat": type(e).__name__}
    return {"ok": umur <= ANTRIAN_TERLAMBAT_DETIK, "backend": backend, "menunggu": menunggu,
            "umur_tertua_detik": round(umur)}


def _antrian() -> dict:
    from django.conf import settings

    backend = settings.TASKS["default"]["BACKEND"]
    if backend == "django_tasks_rq.RQBackend":
        return _antrian_rq(backend)
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
