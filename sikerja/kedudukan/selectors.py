"""Reading kedudukan: the current one of a pegawai, and who a head rates, leads, coordinates.

Other apps (penugasan, tim kerja, kinerja) ask here who may act for a pegawai;
they never run the engine themselves.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from django.db.models import Q, QuerySet
from django.utils import timezone

from sikerja.organisasi import selectors as org_selectors
from sikerja.organisasi.models import Instansi, Pegawai
from sikerja.organisasi.struktur import Delegasi as DelegasiData
from sikerja.organisasi.struktur import Organisasi

from .models import Delegasi, Kedudukan


def hari_ini() -> date:
    return timezone.localdate()


def delegasi_aktif(instansi: Instansi) -> QuerySet[Delegasi]:
    """Delegations not ended (revoked, expired or dropped by an import), current or still to begin."""
    return Delegasi.objects.filter(instansi=instansi, aktif=True)


def delegasi_pegawai(pegawai: Pegawai) -> QuerySet[Delegasi]:
    """The delegations ``pegawai`` gave or received that have not ended."""
    return delegasi_aktif(pegawai.instansi).filter(Q(dari=pegawai) | Q(kepada=pegawai)).select_related("dari", "kepada")


def data_delegasi(instansi: Instansi, hari: date | None = None) -> list[DelegasiData]:
    """The delegations that hold on ``hari`` (today), as the engine reads them."""
    hari = hari or hari_ini()
    rows = delegasi_aktif(instansi).filter(dari__aktif=True, kepada__aktif=True).values_list(
        "dari__nip", "kepada__nip", "wewenang", "pegawai_nip", "jenjang", "nomor_sk", "tanggal_sk",
        "berlaku_mulai", "berlaku_sampai")
    out = [
        DelegasiData(dari=dari, kepada=kepada, wewenang=w, pegawai=tuple(daftar or ()), jenjang=tuple(jenjang or ()),
                     nomor_sk=sk or "", tanggal_sk=tgl, berlaku_mulai=mulai, berlaku_sampai=sampai)
        for dari, kepada, w, daftar, jenjang, sk, tgl, mulai, sampai in rows
    ]
    return [d for d in out if d.berlaku_pada(hari)]


def organisasi(instansi: Instansi, hari: date | None = None) -> Organisasi:
    """The organisation (organisasi's selector) with the delegations holding on ``hari``."""
    org = org_selectors.organisasi(instansi)
    return replace(org, delegasi=data_delegasi(instansi, hari))


def segarkan(instansi_id: int | None) -> None:
    """Read-time check (issue 12.4): a delegation whose period ended (or began) since the
    last recompute is applied before the kedudukan is read, so no page shows a PPK whose
    SK has run out while the daily ``akhiri_delegasi`` has not yet run. One indexed query.
    """
    if instansi_id is None:
        return
    hari = hari_ini()
    if Delegasi.objects.filter(instansi_id=instansi_id, aktif=True).filter(
        Q(berlaku_sampai__lt=hari) | Q(diterapkan=False, berlaku_mulai__lte=hari)
    ).exists():
        from . import services

        services.akhiri_delegasi_kedaluwarsa(Instansi.objects.get(pk=instansi_id), hari=hari)


def berlaku(instansi: Instansi | int) -> QuerySet[Kedudukan]:
    """The current kedudukan rows of an instansi (or its id)."""
    segarkan(instansi if isinstance(instansi, int) else instansi.pk)
    return Kedudukan.objects.filter(instansi=instansi, berlaku_sampai__isnull=True)


def kedudukan_pegawai(pegawai: Pegawai, *, segar: bool = True) -> Kedudukan | None:
    """The current kedudukan, with the three officials loaded (``segar``: apply ended delegations first)."""
    if segar:
        segarkan(pegawai.instansi_id)
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
    qs = Kedudukan.objects.filter(instansi_id=pejabat.instansi_id, berlaku_sampai__isnull=True, pegawai__aktif=True)
    return {
        "dinilai": qs.filter(ppk=pejabat).count(),
        "dipimpin": qs.filter(pimpinan_unit=pejabat).count(),
        "dikoordinasi": qs.filter(koordinator=pejabat).count(),
    }
