"""The production entry point prepares a worker before its first request."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

AKAR = Path(__file__).resolve().parents[1]


def test_a_worker_has_its_urls_and_api_loaded_when_it_starts_serving() -> None:
    """Importing ``sikerja.wsgi`` (what each gunicorn worker does at boot) loads the URL configuration
    with every view and API module, so the first request a worker serves after a restart does not pay
    for them; it opens no database connection doing so (a worker's connections are its own); what it
    loaded is frozen out of the garbage collector's full collections."""
    kode = (
        "import sys\n"
        "import sikerja.wsgi\n"
        "from django.db import connections\n"
        "print('urls' if 'sikerja.urls' in sys.modules else 'no-urls')\n"
        "print('api' if 'sikerja.penugasan.api' in sys.modules and 'sikerja.siklus.views' in sys.modules else 'no-api')\n"
        "print('db' if any(c.connection is not None for c in connections.all(initialized_only=True)) else 'no-db')\n"
        "import gc\n"
        "print('frozen' if gc.get_freeze_count() > 50000 else f'not-frozen-{gc.get_freeze_count()}')\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(SECRET_KEY="uji-" + "x" * 60, DEBUG="0", SIKERJA_HTTPS="0", ALLOWED_HOSTS="127.0.0.1")
    p = subprocess.run([sys.executable, "-W", "ignore", "-c", kode], cwd=AKAR, env=env, capture_output=True,
                       text=True, timeout=120)
    assert p.returncode == 0, p.stderr[-3000:]
    assert p.stdout.split() == ["urls", "api", "no-db", "frozen"], p.stdout + p.stderr[-2000:]
