"""Reading letters: those of a subject, and the public verification view of one."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from sikerja import subjek as subjek_mod
from sikerja.kueri import KueriSiap

from .models import Surat


def untuk_subjek(subjek: Any) -> QuerySet[Surat]:
    return Surat.objects.filter(subjek_mod.q(subjek))


# A page's list of a subject's letters, oldest first, without their PDFs; prepared once (sikerja.kueri).
_untuk_halaman: KueriSiap[Surat] = KueriSiap(lambda jenis, subjek_id: (
    Surat.objects.filter(subjek_jenis=jenis, subjek_id=subjek_id).defer("pdf").order_by("dibuat", "id")))


def untuk_halaman(subjek: Any) -> list[Surat]:
    jenis, pk = subjek_mod.ref(subjek)
    return _untuk_halaman(jenis=jenis, subjek_id=pk)


def untuk_model(model: Any, ids: Any) -> QuerySet[Surat]:
    return Surat.objects.filter(subjek_mod.q_model(model, ids))


def dari_kode(kode: str) -> Surat | None:
    return Surat.objects.filter(kode_verifikasi=kode).select_related("instansi", "penandatangan").defer("pdf").first()


def perangkat_daerah(instansi: Any) -> Any:
    """The active top units (Perangkat Daerah) of ``instansi``, for a kop of their own."""
    from sikerja.organisasi.models import UnitOrganisasi

    return UnitOrganisasi.objects.filter(instansi=instansi, induk__isnull=True, aktif=True).order_by("nama")
