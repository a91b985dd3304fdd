"""Reading kedudukan: the current one of a pegawai, and who a head rates, leads, coordinates.

Other apps (penugasan, tim kerja, kinerja) ask here who may act for a pegawai;
they never run the engine themselves.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from django.db import connection
from django.db.models import Q, QuerySet, Subquery
from django.utils import timezone

from sikerja.kueri import KueriSiap
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
    SK has run out while the daily ``akhiri_delegasi`` has not yet run. One indexed query,
    in SQL because every kedudukan read makes it (built by the ORM it cost 0.7 ms of CPU,
    five times its execution): a delegation not ended (``aktif``) whose period ended before
    today, or that begins by today and has not been applied (``diterapkan`` false).
    """
    if instansi_id is None:
        return
    hari = hari_ini()
    tgl = connection.ops.adapt_datefield_value(hari)
    with connection.cursor() as c:
        c.execute(f"SELECT 1 FROM {connection.ops.quote_name(Delegasi._meta.db_table)}"
                  " WHERE instansi_id = %s AND aktif AND (berlaku_sampai < %s OR (NOT diterapkan AND berlaku_mulai <= %s))"
                  " LIMIT 1", [instansi_id, tgl, tgl])
        perlu = c.fetchone() is not None
    if perlu:
        from . import services

        services.akhiri_delegasi_kedaluwarsa(Instansi.objects.get(pk=instansi_id), hari=hari)


def berlaku(instansi: Instansi | int, *, segar: bool = True) -> QuerySet[Kedudukan]:
    """The current kedudukan rows of an instansi (or its id); ``segar=False`` when the caller has
    run ``segarkan`` itself (a prepared query's builder may not read the database)."""
    if segar:
        segarkan(instansi if isinstance(instansi, int) else instansi.pk)
    return Kedudukan.objects.filter(instansi=instansi, berlaku_sampai__isnull=True)


def kedudukan_pegawai(pegawai: Pegawai, *, segar: bool = True) -> Kedudukan | None:
    """The current kedudukan, with the three officials loaded (``segar``: apply ended delegations first)."""
    if segar:
        segarkan(pegawai.instansi_id)
    # At most one current row (constraint satu_kedudukan_berlaku): a slice without ORDER BY, not
    # first(), which orders by the model's ordering and so hashes every column of the wide select.
    rows = list(
        Kedudukan.objects.filter(pegawai=pegawai, berlaku_sampai__isnull=True)
        .select_related("ppk__unit", "pimpinan_unit__unit", "koordinator__unit", "penjelasan")
        .order_by()[:1]
    )
    return rows[0] if rows else None


# What the kedudukan card (kedudukan/_kartu.html) reads of each official.
_KOLOM_PEJABAT = ("nama", "jabatan")


def kedudukan_kartu(pegawai: Pegawai, *, segar: bool = True) -> Kedudukan | None:
    """The current kedudukan as the card shows it: the officials' name and post (and ids), the
    explanation; not their units nor the rest of their rows, which the card never reads."""
    if segar:
        segarkan(pegawai.instansi_id)
    rows = list(
        Kedudukan.objects.filter(pegawai=pegawai, berlaku_sampai__isnull=True)
        .select_related("ppk", "pimpinan_unit", "koordinator", "penjelasan")
        .only("instansi_id", "pegawai_id", "berlaku_mulai", "berlaku_sampai", "penjelasan",
              *(f"{peran}__{k}" for peran in ("ppk", "pimpinan_unit", "koordinator") for k in _KOLOM_PEJABAT))
        .order_by()[:1]
    )
    return rows[0] if rows else None


def _pejabat_dari(pegawai: Pegawai, peran: str) -> Pegawai | None:
    """One official of ``pegawai``'s current kedudukan (``peran``: ``ppk``, ``pimpinan_unit``), with
    his unit: one narrow query, not the whole kedudukan with its three officials."""
    segarkan(pegawai.instansi_id)
    rows = _pejabat(pegawai_id=pegawai.pk, peran=peran)
    return rows[0] if rows else None


# Asked on most pages (whom a pegawai reports to, who rates him): prepared once (sikerja.kueri).
_pejabat: KueriSiap[Pegawai] = KueriSiap(lambda pegawai_id, peran: (
    Pegawai.objects.filter(pk=Subquery(Kedudukan.objects.filter(pegawai_id=pegawai_id, berlaku_sampai__isnull=True)
                                       .values(f"{peran}_id")[:1]))
    .select_related("unit").order_by()[:1]), tetap=("peran",))


def ppk_dari(pegawai: Pegawai) -> Pegawai | None:
    return _pejabat_dari(pegawai, "ppk")


def pimpinan_unit_dari(pegawai: Pegawai) -> Pegawai | None:
    return _pejabat_dari(pegawai, "pimpinan_unit")


def riwayat(pegawai: Pegawai) -> QuerySet[Kedudukan]:
    return _riwayat(pegawai.pk)


def _riwayat(pegawai_id: int) -> QuerySet[Kedudukan]:
    return (
        Kedudukan.objects.filter(pegawai_id=pegawai_id)
        .select_related("ppk", "pimpinan_unit", "koordinator", "penjelasan")
        .order_by("-berlaku_mulai", "-id")
    )


# The pegawai page's kedudukan panel (every pegawai page draws it): prepared once (sikerja.kueri).
riwayat_halaman: KueriSiap[Kedudukan] = KueriSiap(lambda pegawai_id: (
    _riwayat(pegawai_id).select_related("ppk__unit", "pimpinan_unit__unit", "koordinator__unit")[:20]))
delegasi_pegawai_siap: KueriSiap[Delegasi] = KueriSiap(lambda instansi_id, pegawai_id: (
    Delegasi.objects.filter(instansi_id=instansi_id, aktif=True)
    .filter(Q(dari_id=pegawai_id) | Q(kepada_id=pegawai_id)).select_related("dari", "kepada")))


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

    Counted on the current kedudukan rows, rather than as ``Pegawai ... IN (subquery)``,
    which PostgreSQL plans as a scan of all pegawai. One query: the OR of the three
    roles is a BitmapOr of the three partial indexes (kd_ppk/puo/koor_berlaku), and
    each role is a conditional count of the rows found. Written in SQL because every
    page of an official draws it: the same query built by the ORM cost 1.6 ms of CPU,
    ten times its execution (the ORM equivalent is in the test of this function).
    """
    qn = connection.ops.quote_name
    kd, pg = qn(Kedudukan._meta.db_table), qn(Pegawai._meta.db_table)
    pk = pejabat.pk
    with connection.cursor() as c:
        c.execute(
            f"SELECT COUNT(CASE WHEN k.ppk_id = %s THEN 1 END), COUNT(CASE WHEN k.pimpinan_unit_id = %s THEN 1 END),"
            f" COUNT(CASE WHEN k.koordinator_id = %s THEN 1 END) FROM {kd} k INNER JOIN {pg} p ON p.id = k.pegawai_id"
            f" WHERE k.instansi_id = %s AND k.berlaku_sampai IS NULL AND p.aktif"
            f" AND (k.ppk_id = %s OR k.pimpinan_unit_id = %s OR k.koordinator_id = %s)",
            [pk, pk, pk, pejabat.instansi_id, pk, pk, pk])
        dinilai, dipimpin, dikoordinasi = c.fetchone()
    return {"dinilai": dinilai, "dipimpin": dipimpin, "dikoordinasi": dikoordinasi}
