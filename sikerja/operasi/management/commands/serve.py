"""``sikerja serve``: production in one command — migrate, collect static files, then run
gunicorn (static files served by WhiteNoise) and the background-task worker together.

Stopping it (Ctrl+C, SIGTERM from systemd) stops both. The worker matches ``TASKS_BACKEND``:
``sikerja db_worker`` for the database queue, ``sikerja rqworker`` for the Redis queue (README,
"Scaling out"). Scaling out: run ``sikerja serve --tanpa-worker`` on each app server and the worker
command of :func:`perintah_worker` on one or more.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


def perintah_worker() -> list[str]:
    """The ``sikerja`` subcommand that works off the configured task queue."""
    if settings.TASKS["default"]["BACKEND"] == "django_tasks_rq.RQBackend":
        # RQ's worker runs django-tasks' tasks only with the backend's job class; the scheduler
        # moves tasks deferred with run_after into the queue when they are due.
        return ["rqworker", "--job-class", "django_tasks_rq.Job", "--with-scheduler", *settings.RQ_QUEUES]
    return ["db_worker"]


class Command(BaseCommand):
    help = "Jalankan SIKERJA untuk produksi: gunicorn + pekerja tugas latar (db_worker atau rqworker)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--bind", default=os.environ.get("SIKERJA_BIND", "127.0.0.1:8000"))
        parser.add_argument("--workers", type=int, default=int(os.environ.get("SIKERJA_WORKERS", "2")),
                            help="proses gunicorn (bawaan 2; kira-kira satu per inti CPU)")
        parser.add_argument("--tanpa-worker", action="store_true",
                            help="jangan jalankan pekerja tugas latar di sini (dijalankan di mesin lain)")
        parser.add_argument("--tanpa-migrasi", action="store_true", help="lewati migrate dan collectstatic")

    def handle(self, *args: Any, **opts: Any) -> None:
        if settings.DEBUG:
            raise CommandError("DEBUG masih aktif: `sikerja serve` untuk produksi (set DEBUG=0 dan SECRET_KEY).")
        if not opts["tanpa_migrasi"]:
            call_command("migrate", interactive=False, verbosity=0)
            call_command("collectstatic", interactive=False, verbosity=0)
        env = dict(os.environ, DJANGO_SETTINGS_MODULE=os.environ["DJANGO_SETTINGS_MODULE"])
        proses = [subprocess.Popen([
            sys.executable, "-m", "gunicorn", "sikerja.wsgi:application",
            "--bind", opts["bind"], "--workers", str(opts["workers"]),
            "--worker-tmp-dir", "/dev/shm" if os.path.isdir("/dev/shm") else "/tmp",
            "--graceful-timeout", "20", "--timeout", "60",
        ], env=env)]
        if not opts["tanpa_worker"]:
            proses.append(subprocess.Popen([sys.executable, "-m", "sikerja.cli", *perintah_worker()], env=env))
        self.stdout.write(f"SIKERJA produksi di http://{opts['bind']}/ ({opts['workers']} worker gunicorn"
                          f"{'' if opts['tanpa_worker'] else ' + pekerja tugas latar'}); Ctrl+C untuk berhenti.")

        def berhenti(signum: int, frame: Any) -> None:
            for p in proses:
                if p.poll() is None:
                    p.send_signal(signal.SIGTERM)

        signal.signal(signal.SIGTERM, berhenti)
        signal.signal(signal.SIGINT, berhenti)
        try:
            # Either process ending ends the service, so a supervisor (systemd) restarts it whole.
            while all(p.poll() is None for p in proses):
                time.sleep(0.5)
        finally:
            berhenti(signal.SIGTERM, None)
            for p in proses:
                try:
                    p.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    p.kill()
        kode = max((p.returncode or 0) for p in proses)
        if kode:
            raise CommandError(f"Proses berhenti dengan kode {kode}.")
