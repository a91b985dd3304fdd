"""An explicit reference to any subject of the work system (a penugasan, a tim kerja, an SKP...).

Letters, inbox items and audit entries belong to a subject through two plain columns,
``subjek_jenis`` (the model's ``app_label.modelname``) and ``subjek_id``, instead of a foreign
key to one module's model: a new module's rows get letters and audit entries with no migration
of the shared apps. This module has no models and imports nothing from the other apps, so
surat, kotak_masuk and jejak may all use it.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.db import models
from django.db.models import Q


def jenis_dari(obj: Any) -> str:
    """``app_label.modelname`` of a model instance or class."""
    return str(obj._meta.label_lower)


def ref(obj: Any) -> tuple[str, int]:
    """The (subjek_jenis, subjek_id) pair of a saved model instance."""
    if getattr(obj, "pk", None) is None:
        raise ValueError("Subjek harus sudah tersimpan sebelum diberi surat, kotak masuk atau jejak.")
    return jenis_dari(obj), int(obj.pk)


def q(obj: Any, prefix: str = "") -> Q:
    """Filter rows that belong to ``obj``."""
    jenis, pk = ref(obj)
    return Q(**{f"{prefix}subjek_jenis": jenis, f"{prefix}subjek_id": pk})


def q_model(model: Any, ids: Any, prefix: str = "") -> Q:
    """Filter rows that belong to any of ``ids`` (a list or a subquery) of ``model``."""
    return Q(**{f"{prefix}subjek_jenis": jenis_dari(model), f"{prefix}subjek_id__in": ids})


def ambil(jenis: str, pk: int) -> Any:
    """The subject row itself (None when gone)."""
    model = apps.get_model(jenis)
    return model._default_manager.filter(pk=pk).first()


class SubjekFields(models.Model):
    """The two columns of a subject reference, with an index for 'everything of this subject'."""

    subjek_jenis = models.CharField(max_length=64)
    subjek_id = models.PositiveBigIntegerField()

    class Meta:
        abstract = True

    def subjek_ref(self) -> tuple[str, int]:
        return self.subjek_jenis, self.subjek_id

    @property
    def subjek(self) -> Any:
        return ambil(self.subjek_jenis, self.subjek_id)
