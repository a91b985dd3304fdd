"""Shared set-up for the benchmarks: a fresh database under var/bench, DEBUG off."""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup_django(name: str) -> None:
    bench_dir = ROOT / "var" / "bench"
    bench_dir.mkdir(parents=True, exist_ok=True)
    if not os.environ.get("DATABASE_URL"):
        db = bench_dir / f"{name}.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{db}"
    os.environ.setdefault("DEBUG", "0")
    os.environ.setdefault("LOG_PERMINTAAN", "WARNING")  # no JSON line per request in the bench output
    os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sikerja.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def page_stats(client, url: str, n: int = 60) -> dict[str, float]:  # type: ignore[no-untyped-def]
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(3):
        r = client.get(url)
        assert r.status_code == 200, (url, r.status_code)
    times = []
    for _ in range(n):
        t = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - t) * 1000)
    with CaptureQueriesContext(connection) as q:
        client.get(url)
    times.sort()
    return {"median": statistics.median(times), "p95": times[int(len(times) * 0.95) - 1], "queries": len(q)}


def line(label: str, value: float, unit: str, target: float, lower_is_better: bool = True) -> str:
    ratio = (value / target) if lower_is_better else (target / value if value else float("inf"))
    ok = "OK " if ratio <= 1 else "MISS"
    cmp = "<" if lower_is_better else "≥"
    return f"  {ok} {label:<44} {value:10.1f} {unit:<9} (target {cmp} {target:g} {unit}; ratio {ratio:.2f})"
