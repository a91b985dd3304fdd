"""Reading the audit trail of a subject."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from sikerja import subjek as subjek_mod

from .models import Jejak


def untuk_subjek(subjek: Any) -> QuerySet[Jejak]:
    return Jejak.objects.filter(subjek_mod.q(subjek))


def untuk_model(model: Any, ids: Any) -> QuerySet[Jejak]:
    return Jejak.objects.filter(subjek_mod.q_model(model, ids))
