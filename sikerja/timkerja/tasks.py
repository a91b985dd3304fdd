"""Background tasks of tim kerja (django_tasks): the daily reminder of overdue reports."""

from __future__ import annotations

from django_tasks import task


@task()
def ingatkan_laporan_terlambat() -> int:
    from .services import ingatkan_laporan

    return ingatkan_laporan()


@task()
def sinkron_substansi(instansi_id: int) -> None:
    """TK-07 after an organisation import/change: Pasuruan's substansi teams follow kedudukan."""
    from sikerja.organisasi.models import Instansi

    from .services import sinkron_tim_substansi

    instansi = Instansi.objects.filter(pk=instansi_id).first()
    if instansi is not None:
        sinkron_tim_substansi(instansi)
