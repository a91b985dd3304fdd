"""Reading the inbox."""

from __future__ import annotations

from django.db import connection
from django.db.models import QuerySet

from .models import Item


def daftar(pegawai_id: int, *, semua: bool = False) -> QuerySet[Item]:
    qs = Item.objects.filter(penerima_id=pegawai_id)
    if not semua:
        qs = qs.filter(terbuka=True)
    return qs.select_related("surat").defer("surat__pdf", "surat__isi").order_by("-dibuat", "-id")


def jumlah_terbuka(pegawai_id: int) -> int:
    """The navigation badge: one indexed COUNT (partial index kotak_masuk_item_terbuka) of
    ``daftar(pegawai_id)``. In SQL because every page draws it: built by the ORM the count cost
    0.55 ms of CPU, four times its execution."""
    with connection.cursor() as c:
        c.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(Item._meta.db_table)}"
                  " WHERE penerima_id = %s AND terbuka", [pegawai_id])
        return int(c.fetchone()[0])
