"""Small database helpers shared by the services: bulk writes, and background work queued on commit."""

from __future__ import annotations

import logging
from typing import Any

from django.db import DatabaseError, connection, models, transaction

log = logging.getLogger(__name__)

# Rows written in one go above which PostgreSQL's planner statistics are refreshed.
AMBANG_STATISTIK = 5000


def segarkan_statistik(*model: type[models.Model], baris: int) -> None:
    """ANALYZE the tables after a bulk write of ``baris`` rows (PostgreSQL only).

    A first import or recompute fills tables that were empty when autovacuum last
    looked; until it looks again the planner believes they hold a handful of rows
    and picks plans that scan all 50,000 (the pegawai page took 38 ms instead of
    18; name search 40 ms instead of 9). ANALYZE may run inside the service's
    transaction and takes ~0.1 s.
    """
    if connection.vendor != "postgresql" or baris < AMBANG_STATISTIK:
        return
    with connection.cursor() as c:
        for m in model:
            # Rows inserted into a GIN index (the trigram index on names) wait in its pending
            # list until vacuum; meanwhile the planner prices the index too high to use it.
            c.execute(
                "SELECT gin_clean_pending_list(i.indexrelid) FROM pg_index i "
                "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam "
                "WHERE i.indrelid = %s::regclass AND a.amname = 'gin'", [m._meta.db_table])
            c.execute(f"ANALYZE {connection.ops.quote_name(m._meta.db_table)}")
    tabel = [m._meta.db_table for m in model]
    transaction.on_commit(lambda: vakum(tabel))


def vakum(tabel: list[str]) -> None:
    """VACUUM the tables once a bulk write is committed (PostgreSQL), so that their visibility map
    is set and the planner can read counts from an index alone (index-only scan) at once instead of
    after autovacuum's next round: counting a Kepala Dinas's 18,000 candidates takes 14 ms instead
    of 24 (bench_api, 50,000 pegawai). VACUUM cannot run inside a transaction; it is an optimisation,
    so where it cannot run it is skipped and logged."""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return
    try:
        with connection.cursor() as c:
            for t in tabel:
                c.execute(f"VACUUM {connection.ops.quote_name(t)}")
    except DatabaseError:
        log.warning("VACUUM setelah penulisan massal dilewati", exc_info=True)


def antrekan_setelah_commit(tugas: Any, *args: Any) -> None:
    """Queue ``tugas(*args)`` (a django-tasks task) once the current transaction commits.

    The step that asked for it is already committed by then: a queue that cannot take the task
    (Redis down, its database unreachable) must not turn the user's saved step into an error page he
    might submit again. The failure is logged at ERROR with the task and its arguments, so an
    operator sees what was not sent (``/sehat/`` reports the queue itself)."""

    def antrekan() -> None:
        try:
            tugas.enqueue(*args)
        except Exception:  # any backend's failure: the step is committed whatever the queue says
            log.exception("Tugas latar tidak masuk antrean: %s%r", getattr(tugas, "module_path", tugas), args)

    transaction.on_commit(antrekan)


class _TambahSajaQuerySet(models.QuerySet):
    """Bulk update and delete are refused too (the model's ``GALAT`` and messages)."""

    def update(self, **kwargs: Any) -> int:
        raise self.model.GALAT(self.model.PESAN_UBAH)

    def delete(self) -> tuple[int, dict[str, int]]:
        raise self.model.GALAT(self.model.PESAN_HAPUS)


class TambahSaja(models.Model):
    """An append-only record (an audit trail): a row is written once, never changed or deleted, one by
    one or in bulk. A subclass names the error raised and its two messages."""

    GALAT: type[Exception] = ValueError
    PESAN_UBAH = "Catatan ini tidak dapat diubah."
    PESAN_HAPUS = "Catatan ini tidak dapat dihapus."

    objects = _TambahSajaQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise self.GALAT(self.PESAN_UBAH)
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise self.GALAT(self.PESAN_HAPUS)
