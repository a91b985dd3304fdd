"""Organisation pages: the tree, a unit, a pegawai, and the admin's import.

Every lookup is filtered by the user's instansi, so a URL with another
instansi's id answers 404. Query counts do not grow with the size of the
instansi (asserted in tests): lists are fetched in one query each and heads
and counts for a list of units in one more.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render

from sikerja.akun.akses import Permintaan, instansi_required, peran_required
from sikerja.kedudukan import selectors as kd_selectors

from . import selectors
from .dokumen import DokumenTidakValid, load
from .models import Delegasi, Pegawai, UnitOrganisasi
from .services import impor_dokumen


def _kepala_map(units: list[UnitOrganisasi]) -> dict[int, Pegawai]:
    heads = Pegawai.objects.filter(unit__in=[u.id for u in units], kepala_unit=True, aktif=True).only(
        "id", "nama", "jabatan", "unit_id"
    )
    return {p.unit_id: p for p in heads}


def _hiasi(units: list[UnitOrganisasi]) -> list[UnitOrganisasi]:
    kepala = _kepala_map(units)
    for u in units:
        u.kepala = kepala.get(u.id)  # type: ignore[attr-defined]
    return units


@instansi_required
def pohon(request: Permintaan) -> HttpResponse:
    instansi = request.user.instansi
    pd = _hiasi(list(selectors.units_with_counts(instansi).filter(induk__isnull=True).order_by("nama")))
    return render(request, "organisasi/pohon.html", {
        "pd": pd,
        "jumlah_unit": selectors.units(instansi).count(),
        "jumlah_pegawai": sum(u.jumlah_pegawai_total for u in pd),
    })


def _anak(instansi, unit: UnitOrganisasi) -> list[UnitOrganisasi]:  # type: ignore[no-untyped-def]
    return _hiasi(list(selectors.units_with_counts(instansi).filter(induk=unit).order_by("jenis", "nama")))


@instansi_required
def unit_anak(request: Permintaan, pk: int) -> HttpResponse:
    """The sub-units of a unit, for expanding the tree in place (htmx)."""
    instansi = request.user.instansi
    unit = get_object_or_404(UnitOrganisasi, pk=pk, instansi=instansi)
    return render(request, "organisasi/_anak.html", {"anak": _anak(instansi, unit)})


@instansi_required
def unit(request: Permintaan, pk: int) -> HttpResponse:
    instansi = request.user.instansi
    unit = get_object_or_404(UnitOrganisasi.objects.select_related("induk", "akar_pd"), pk=pk, instansi=instansi)
    rantai = _rantai(unit)
    anggota_qs = (
        Pegawai.objects.filter(unit=unit, aktif=True)
        .order_by("-kepala_unit", "jenis_jabatan", "nama")
        .only("id", "nip", "nama", "jabatan", "jenis_jabatan", "jenjang", "status", "kepala_unit", "unit_id")
    )
    halaman = Paginator(anggota_qs, 100).get_page(request.GET.get("hal"))
    return render(request, "organisasi/unit.html", {
        "unit": unit, "rantai": rantai, "anak": _anak(instansi, unit), "anggota": halaman,
        "kepala": next((p for p in halaman if p.kepala_unit), None),
    })


@dataclass(frozen=True)
class _Mata:
    """One breadcrumb: a unit's id and name."""

    pk: int
    nama: str


def _rantai(unit: UnitOrganisasi) -> list[_Mata]:
    """Ancestors from the PD down to the unit, in one recursive query.

    Only the chain is read: a Dinas Pendidikan holds thousands of schools, and
    reading the whole PD to walk it cost the pegawai page ~20 ms on PostgreSQL.
    """
    from django.db import connection

    tabel = connection.ops.quote_name(UnitOrganisasi._meta.db_table)
    with connection.cursor() as c:
        c.execute(
            f"WITH RECURSIVE rantai(id, nama, induk_id, dalam) AS ("
            f" SELECT id, nama, induk_id, 0 FROM {tabel} WHERE id = %s AND instansi_id = %s"
            f" UNION ALL SELECT u.id, u.nama, u.induk_id, r.dalam + 1 FROM {tabel} u"
            f" JOIN rantai r ON u.id = r.induk_id WHERE r.dalam < 20)"
            f" SELECT id, nama FROM rantai ORDER BY dalam DESC",
            [unit.id, unit.instansi_id],
        )
        return [_Mata(i, nama) for i, nama in c.fetchall()]


BAWAHAN_PER_HALAMAN = 25


@instansi_required
def pegawai_bawahan(request: Permintaan, pk: int) -> HttpResponse:
    """For an official: the pegawai he rates, leads or coordinates, a page at a time (htmx).

    Loaded when the list is opened, so that the pegawai page of a Kepala Dinas with
    thousands below him costs no more than anyone else's; paged without a COUNT (the
    page shows the counts per role already).
    """
    instansi = request.user.instansi
    p = get_object_or_404(Pegawai, pk=pk, instansi=instansi)
    hal = max(int(request.GET["hal"]) if request.GET.get("hal", "").isdigit() else 1, 1)
    qs = (kd_selectors.berlaku(instansi)
          .filter(Q(ppk=p) | Q(pimpinan_unit=p) | Q(koordinator=p), pegawai__aktif=True)
          .select_related("pegawai__unit").order_by("pegawai__nama", "id"))
    baris = list(qs[(hal - 1) * BAWAHAN_PER_HALAMAN: hal * BAWAHAN_PER_HALAMAN + 1])
    return render(request, "organisasi/_bawahan.html", {
        "p": p, "baris": baris[:BAWAHAN_PER_HALAMAN], "hal": hal, "sebelumnya": hal - 1 if hal > 1 else None,
        "berikutnya": hal + 1 if len(baris) > BAWAHAN_PER_HALAMAN else None,
    })


@instansi_required
def pegawai(request: Permintaan, pk: int) -> HttpResponse:
    """A pegawai: his post, kedudukan and its history (who rated and led him, since
    when, by which rule), the panels modules register (active assignments with
    workload), and for an official the pegawai he rates, leads or coordinates."""
    from sikerja.modul import panel_pegawai

    instansi = request.user.instansi
    p = get_object_or_404(Pegawai.objects.select_related("unit", "instansi"), pk=pk, instansi=instansi)
    riwayat = list(kd_selectors.riwayat(p)[:20])
    # The newest history row is the current kedudukan: one query for both.
    k = riwayat[0] if riwayat and riwayat[0].berlaku_sampai is None else None
    jumlah = kd_selectors.jumlah_bawahan(p)
    return render(request, "organisasi/pegawai.html", {
        "p": p,
        "rantai": _rantai(p.unit),
        "kompetensi": list(p.kompetensi.all()),
        "k": k,
        **{f"jumlah_{k}": v for k, v in jumlah.items()},
        "riwayat": riwayat,
        "delegasi": list(Delegasi.objects.filter(Q(dari=p) | Q(kepada=p), aktif=True).select_related("dari", "kepada")),
        "panel": panel_pegawai(request, p),
    })


@peran_required("admin_instansi")
def impor(request: Permintaan) -> HttpResponse:
    """The same import as ``sikerja impor``, for the admin of the instansi's own data."""
    ctx: dict = {}
    if request.method == "POST" and request.FILES.get("berkas"):
        berkas: Any = request.FILES["berkas"]
        ctx["nama_berkas"] = berkas.name
        try:
            dokumen = load(berkas, nama=berkas.name)
        except DokumenTidakValid as e:
            ctx["galat"] = e.galat
            return render(request, "organisasi/impor.html", ctx, status=400)
        if dokumen.instansi.kode != request.user.instansi.kode:
            ctx["galat_instansi"] = (
                f"Berkas ini untuk instansi '{dokumen.instansi.kode}', sedangkan Anda admin "
                f"'{request.user.instansi.kode}'. Ubah kode instansi di berkas."
            )
            return render(request, "organisasi/impor.html", ctx, status=400)
        dry_run = request.POST.get("mode") != "simpan"
        ctx["laporan"] = impor_dokumen(dokumen, dry_run=dry_run)
        if not dry_run:
            messages.success(request, f"Impor selesai: {ctx['laporan'].ringkasan()}.")
    return render(request, "organisasi/impor.html", ctx)


@instansi_required
def pilih_pegawai(request: Permintaan) -> HttpResponse:
    """Autocomplete results for :class:`~sikerja.organisasi.pilih.PegawaiField` (htmx).

    Lists only active pegawai of the user's own instansi, narrowed to the lingkup
    the form asks for as resolved for this user (organisasi.pilih.LINGKUP).
    """
    from . import pilih

    kolom = request.GET.get("kolom", "q")
    q = (request.GET.get(kolom) or request.GET.get("q") or "")[:100]
    lingkup = request.GET.get("lingkup", "instansi")
    if lingkup not in pilih.LINGKUP:
        return HttpResponse("Lingkup pilihan tidak dikenal.", status=400)
    hasil = pilih.cari(request.user, q, lingkup)
    for p in hasil:
        p.label = pilih.label(p)  # type: ignore[attr-defined]
        pd = p.unit.akar_pd
        p.tempat = p.unit.nama if pd is None or pd.id == p.unit_id else f"{p.unit.nama}, {pd.nama}"  # type: ignore[attr-defined]
    return render(request, "organisasi/_pilih_hasil.html", {
        "hasil": hasil, "q": q, "nilai": "nip" if request.GET.get("nilai") == "nip" else "pk"})
