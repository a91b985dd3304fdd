"""Background tasks of tim kerja (django_tasks): the daily reminder of overdue reports."""

from __future__ import annotations

from django_tasks import task


@task()
def ingatkan_laporan_terlambat() -> int:
    from .services import ingatkan_laporan

    return ingatkan_laporan()
