"""Reading the audit trail of a subject."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from sikerja import subjek as subjek_mod
from sikerja.kueri import KueriSiap

from .models import Jejak


def untuk_subjek(subjek: Any) -> QuerySet[Jejak]:
    return Jejak.objects.filter(subjek_mod.q(subjek))


def untuk_model(model: Any, ids: Any) -> QuerySet[Jejak]:
    return Jejak.objects.filter(subjek_mod.q_model(model, ids))


# A page's trail: oldest first, with the actor and the letter's number, without the letter's PDF
# (≈35 KB each) and body; prepared once (sikerja.kueri): a page shows it on every visit.
_untuk_halaman: KueriSiap[Jejak] = KueriSiap(lambda jenis, subjek_id: (
    Jejak.objects.filter(subjek_jenis=jenis, subjek_id=subjek_id).select_related("aktor", "surat")
    .defer("surat__pdf", "surat__isi").order_by("waktu", "id")))


def untuk_halaman(subjek: Any) -> list[Jejak]:
    jenis, pk = subjek_mod.ref(subjek)
    return _untuk_halaman(jenis=jenis, subjek_id=pk)
