"""Reading letters: those of a subject, and the public verification view of one."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from sikerja import subjek as subjek_mod

from .models import Surat


def untuk_subjek(subjek: Any) -> QuerySet[Surat]:
    return Surat.objects.filter(subjek_mod.q(subjek))


def untuk_model(model: Any, ids: Any) -> QuerySet[Surat]:
    return Surat.objects.filter(subjek_mod.q_model(model, ids))


def dari_kode(kode: str) -> Surat | None:
    return Surat.objects.filter(kode_verifikasi=kode).select_related("instansi", "penandatangan").defer("pdf").first()


def perangkat_daerah(instansi: Any) -> Any:
    """The active top units (Perangkat Daerah) of ``instansi``, for a kop of their own."""
    from sikerja.organisasi.models import UnitOrganisasi

    return UnitOrganisasi.objects.filter(instansi=instansi, induk__isnull=True, aktif=True).order_by("nama")
