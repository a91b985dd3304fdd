"""Reading kedudukan: the current one of a pegawai, and who a head rates, leads, coordinates.

Other apps (penugasan, tim kerja, kinerja) ask here who may act for a pegawai;
they never run the engine themselves.
"""

from __future__ import annotations

from django.db.models import QuerySet

from sikerja.organisasi.models import Instansi, Pegawai

from .models import Kedudukan


def berlaku(instansi: Instansi) -> QuerySet[Kedudukan]:
    return Kedudukan.objects.filter(instansi=instansi, berlaku_sampai__isnull=True)


def kedudukan_pegawai(pegawai: Pegawai) -> Kedudukan | None:
    """The current kedudukan, with the three officials loaded."""
    return (
        Kedudukan.objects.filter(pegawai=pegawai, berlaku_sampai__isnull=True)
        .select_related("ppk__unit", "pimpinan_unit__unit", "koordinator__unit", "penjelasan")
        .first()
    )


def ppk_dari(pegawai: Pegawai) -> Pegawai | None:
    k = kedudukan_pegawai(pegawai)
    return k.ppk if k else None


def pimpinan_unit_dari(pegawai: Pegawai) -> Pegawai | None:
    k = kedudukan_pegawai(pegawai)
    return k.pimpinan_unit if k else None


def riwayat(pegawai: Pegawai) -> QuerySet[Kedudukan]:
    return (
        Kedudukan.objects.filter(pegawai=pegawai)
        .select_related("ppk", "pimpinan_unit", "koordinator", "penjelasan")
        .order_by("-berlaku_mulai", "-id")
    )


def _bawahan(pejabat: Pegawai, field: str) -> QuerySet[Pegawai]:
    ids = berlaku(pejabat.instansi).filter(**{field: pejabat}).values("pegawai_id")
    return Pegawai.objects.filter(id__in=ids, aktif=True).select_related("unit").order_by("unit__nama", "nama")


def dinilai_oleh(pejabat: Pegawai) -> QuerySet[Pegawai]:
    """Pegawai whose PPK is ``pejabat``."""
    return _bawahan(pejabat, "ppk")


def dipimpin_oleh(pejabat: Pegawai) -> QuerySet[Pegawai]:
    """Pegawai whose pimpinan unit organisasi is ``pejabat``."""
    return _bawahan(pejabat, "pimpinan_unit")


def dikoordinasi_oleh(pejabat: Pegawai) -> QuerySet[Pegawai]:
    return _bawahan(pejabat, "koordinator")


def jumlah_bawahan(pejabat: Pegawai) -> dict[str, int]:
    """How many active pegawai ``pejabat`` rates, leads and coordinates.

    Counted on the current kedudukan rows, one indexed count per role (partial
    indexes), rather than as ``Pegawai ... IN (subquery)``, which PostgreSQL plans
    as a scan of all pegawai; an OR of the three roles would defeat the indexes.
    """
    qs = berlaku(pejabat.instansi).filter(pegawai__aktif=True)
    return {
        "dinilai": qs.filter(ppk=pejabat).count(),
        "dipimpin": qs.filter(pimpinan_unit=pejabat).count(),
        "dikoordinasi": qs.filter(koordinator=pejabat).count(),
    }
