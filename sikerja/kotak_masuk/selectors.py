"""Reading the inbox."""

from __future__ import annotations

from django.db.models import QuerySet

from .models import Item


def daftar(pegawai_id: int, *, semua: bool = False) -> QuerySet[Item]:
    qs = Item.objects.filter(penerima_id=pegawai_id)
    if not semua:
        qs = qs.filter(terbuka=True)
    return qs.select_related("surat").defer("surat__pdf", "surat__isi").order_by("-dibuat", "-id")


def jumlah_terbuka(pegawai_id: int) -> int:
    """The navigation badge: one indexed COUNT (partial index kotak_masuk_item_terbuka)."""
    return Item.objects.filter(penerima_id=pegawai_id, terbuka=True).count()
