"""Writing the inbox: send items, close an action once taken, mark notices read.

E-mail goes through the django-tasks queue after the transaction commits, so a rolled-back
step sends nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils import timezone

from sikerja import subjek as subjek_mod
from sikerja.basisdata import antrekan_setelah_commit
from sikerja.organisasi.models import Pegawai

from .models import JENIS_ITEM, Item


def kirim(*, penerima: Iterable[Pegawai | None], subjek: Any, jenis: str, pesan: str, surat: Any = None,
          tautan: str = "") -> list[Item]:
    """One item per distinct pegawai (``None`` skipped); e-mail queued on commit."""
    if jenis not in JENIS_ITEM:
        raise ValueError(f"Jenis item kotak masuk tidak dikenal: {jenis!r}")
    sj, sid = subjek_mod.ref(subjek)
    items = Item.objects.bulk_create([
        Item(penerima=pg, subjek_jenis=sj, subjek_id=sid, surat=surat, jenis=jenis, pesan=pesan[:300],
             tautan=tautan[:200])
        for pg in dict.fromkeys(penerima) if pg is not None
    ])
    ids = [i.pk for i in items if i.pk]
    if ids:
        from .tasks import kirim_email_kotak_masuk

        antrekan_setelah_commit(kirim_email_kotak_masuk, ids)
    return items


def tutup_tindakan(*, subjek: Any, penerima_id: int | None = None) -> int:
    """Close the open action items of ``subjek`` (of one pegawai, or all): the action was taken."""
    qs = Item.objects.filter(subjek_mod.q(subjek), jenis="tindakan", terbuka=True)
    if penerima_id is not None:
        qs = qs.filter(penerima_id=penerima_id)
    return qs.update(terbuka=False, ditutup=timezone.now())


def tandai_dibaca(*, pegawai_id: int, subjek: Any) -> int:
    """The pegawai has read the tembusan and notices of ``subjek`` (actions stay open until taken)."""
    return Item.objects.filter(
        subjek_mod.q(subjek), penerima_id=pegawai_id, terbuka=True, jenis__in=["tembusan", "info"]
    ).update(terbuka=False, ditutup=timezone.now())
