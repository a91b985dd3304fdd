"""The Redis task queue (TASKS_BACKEND=django_tasks_rq.RQBackend, the ``redis`` extra): a real SIKERJA
task enqueued through django-tasks and run by the worker ``sikerja serve`` starts, and /sehat/ on Redis.

Uses a Redis database of its own (``SIKERJA_UJI_REDIS_URL``, default DB 14 on the local server) and
empties it before and after. Skipped when Redis does not answer or django-tasks-rq is not installed,
except under CI (``.ci/run``), which installs requirements.lock (it has the extra) and starts Redis.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from django.db import connection
from django.test import override_settings

import sikerja
from sikerja.operasi import views
from sikerja.organisasi.models import Pegawai
from sikerja.organisasi.testing import buat_organisasi, nip
from sikerja.organisasi.tests.conftest import ORG

REDIS_UJI = os.environ.get("SIKERJA_UJI_REDIS_URL", "redis://127.0.0.1:6379/14")
RQ = "django_tasks_rq.RQBackend"
AKAR = Path(sikerja.__file__).resolve().parent.parent


def _lewati(alasan: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{alasan} — CI memasang requirements.lock dan menjalankan Redis (.ci/run)")
    pytest.skip(alasan)


@pytest.fixture
def paket_rq() -> None:
    try:
        import django_rq  # noqa: F401
        import django_tasks_rq  # noqa: F401
    except ImportError as e:
        _lewati(f"django-tasks-rq (extra `redis`: pip install -r requirements.lock) tidak terpasang: {e}")


@pytest.fixture
def redis_uji(paket_rq: None) -> Iterator[Any]:
    import redis

    r = redis.Redis.from_url(REDIS_UJI, socket_connect_timeout=2, socket_timeout=5)
    try:
        r.ping()
    except redis.RedisError as e:
        _lewati(f"Redis tidak menjawab di {REDIS_UJI} ({type(e).__name__}); set SIKERJA_UJI_REDIS_URL")
    r.flushdb()
    views._redis.cache_clear()
    yield r
    r.flushdb()
    views._redis.cache_clear()


def _database_url() -> str:
    """The test database as a DATABASE_URL, for the worker processes (the test commits its rows)."""
    d = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{d['NAME']}"
    pengguna = quote(d["USER"] or "") + (f":{quote(d['PASSWORD'])}" if d["PASSWORD"] else "")
    return f"postgres://{pengguna}@{d['HOST'] or '127.0.0.1'}:{d['PORT'] or 5432}/{d['NAME']}"


def _sikerja(env: dict[str, str], *args: str, kode: str | None = None) -> subprocess.CompletedProcess[str]:
    perintah = [sys.executable, "-c", textwrap.dedent(kode)] if kode else [sys.executable, "-m", "sikerja.cli", *args]
    p = subprocess.run(perintah, env=env, cwd=AKAR, capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stdout[-3000:] + p.stderr[-3000:]
    return p


@pytest.mark.django_db(transaction=True)
def test_a_sikerja_task_enqueued_on_redis_is_run_by_the_worker_serve_starts(redis_uji, tmp_path):
    buat_organisasi(ORG)
    pegawai = Pegawai.objects.get(nip=nip(4))
    pegawai.email = "sari@contoh.go.id"
    pegawai.save(update_fields=["email"])
    from sikerja.kotak_masuk.models import Item

    item = Item.objects.create(penerima=pegawai, subjek_jenis="uji", subjek_id=1, jenis="info",
                               pesan="Antrian Redis berjalan", tautan="/x/1/")

    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL")}
    env.update(DJANGO_SETTINGS_MODULE="sikerja.settings", DATABASE_URL=_database_url(), TASKS_BACKEND=RQ,
               REDIS_URL=REDIS_UJI, SIKERJA_VAR_DIR=str(tmp_path), PYTHONPATH=str(AKAR),
               EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend")
    # Enqueued through Django's tasks API with the settings of TASKS_BACKEND=...RQBackend; then the worker
    # `sikerja serve` would start for these settings, in burst mode (it stops when the queue is empty).
    hasil_id, perintah = _sikerja(env, kode=f"""
        import django; django.setup()
        from django.conf import settings
        from sikerja.kotak_masuk.tasks import kirim_email_kotak_masuk
        from sikerja.operasi.management.commands.serve import perintah_worker
        assert {{"django_rq", "django_tasks_rq"}} <= set(settings.INSTALLED_APPS), settings.INSTALLED_APPS
        print(kirim_email_kotak_masuk.enqueue([{item.pk}]).id)
        print(" ".join(perintah_worker()))
    """).stdout.strip().splitlines()[-2:]
    assert redis_uji.llen("rq:queue:default") == 1
    perintah = perintah.split()
    assert perintah[:3] == ["rqworker", "--job-class", "django_tasks_rq.Job"] and perintah[-1] == "default"
    worker = _sikerja(env, *perintah, "--burst")
    # The console e-mail backend wrote the Kotak Masuk e-mail from the worker's job.
    assert "Subject: [SIKERJA] Antrian Redis berjalan" in worker.stdout, worker.stdout[-3000:] + worker.stderr[-3000:]
    assert "To: sari@contoh.go.id" in worker.stdout

    status = _sikerja(env, kode=f"""
        import django; django.setup()
        from sikerja.kotak_masuk.tasks import kirim_email_kotak_masuk
        r = kirim_email_kotak_masuk.get_result({hasil_id!r})
        print(r.status.name, r.return_value)
    """).stdout.strip().splitlines()[-1]
    assert status == "SUCCESSFUL 1"
    assert redis_uji.llen("rq:queue:default") == 0


def _rq(url: str):  # type: ignore[no-untyped-def]
    return override_settings(TASKS={"default": {"BACKEND": RQ}}, RQ_QUEUES={"default": {"URL": url}})


@pytest.mark.django_db
def test_health_on_redis_reports_the_queue_and_fails_when_its_oldest_job_waits_too_long(redis_uji, client):
    from rq import Queue

    with _rq(REDIS_UJI):
        r = client.get("/sehat/")
        assert r.status_code == 200, r.json()
        assert r.json()["antrian_tugas"] == {"ok": True, "backend": RQ, "menunggu": 0, "umur_tertua_detik": 0}

        antrian = Queue("default", connection=redis_uji)
        job = antrian.enqueue("sikerja.kotak_masuk.tasks.kirim_email_kotak_masuk", [])
        r = client.get("/sehat/")
        assert r.status_code == 200 and r.json()["antrian_tugas"]["menunggu"] == 1

        # No worker took it for longer than allowed: the queue is not being worked off.
        job.enqueued_at = datetime.now(UTC) - timedelta(seconds=views.ANTRIAN_TERLAMBAT_DETIK + 60)
        job.save()
        r = client.get("/sehat/")
        assert r.status_code == 503
        data = r.json()
        assert data["status"] == "gagal" and data["basis_data"]["ok"]
        assert data["antrian_tugas"]["menunggu"] == 1
        assert data["antrian_tugas"]["umur_tertua_detik"] >= views.ANTRIAN_TERLAMBAT_DETIK + 60


@pytest.mark.django_db
def test_health_fails_when_redis_does_not_answer(paket_rq, client):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    # Nothing listens on the port once the socket is closed: the connection is refused.
    views._redis.cache_clear()
    with _rq(f"redis://127.0.0.1:{port}/0"):
        r = client.get("/sehat/")
    assert r.status_code == 503
    assert r.json()["antrian_tugas"] == {"ok": False, "backend": RQ, "galat": "ConnectionError"}


def test_serve_starts_the_worker_of_the_configured_backend():
    from sikerja.operasi.management.commands.serve import perintah_worker

    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        assert perintah_worker() == ["db_worker"]
    with override_settings(TASKS={"default": {"BACKEND": RQ}}, RQ_QUEUES={"default": {"URL": REDIS_UJI}}):
        assert perintah_worker() == ["rqworker", "--job-class", "django_tasks_rq.Job", "--with-scheduler",
                                     "default"]


@pytest.mark.django_db
def test_a_step_that_queues_an_email_while_redis_is_down_still_commits(paket_rq, django_capture_on_commit_callbacks,
                                                                        caplog):
    """Redis unreachable (nothing listens on port 1): the inbox item is saved and the failed enqueue is
    logged, not raised into the request that already committed its step."""
    from sikerja.kotak_masuk import services as kotak_masuk
    from sikerja.kotak_masuk.models import Item

    buat_organisasi(ORG)
    pegawai = Pegawai.objects.get(nip=nip(4))
    with _rq("redis://127.0.0.1:1/0"), django_capture_on_commit_callbacks(execute=True):
        items = kotak_masuk.kirim(penerima=[pegawai], subjek=pegawai, jenis="info", pesan="Redis mati")
    assert Item.objects.filter(pk=items[0].pk).exists()
    assert any(r.levelname == "ERROR" and "tidak masuk antrean" in r.getMessage() for r in caplog.records)
