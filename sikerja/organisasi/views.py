"""Organisation pages: the tree, a unit, a pegawai, and the admin's import.

Every lookup is filtered by the user's instansi, so a URL with another
instansi's id answers 404. Query counts do not grow with the size of the
instansi (asserted in tests): lists are fetched in one query each and heads
and counts for a list of units in one more.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.core.paginator import Page, Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from sikerja.akses import Permintaan, instansi_required, peran_required

from . import baris, kait, selectors
from .dokumen import DokumenTidakValid, load, periksa_ukuran
from .models import Pegawai, UnitOrganisasi
from .services import NonaktifMassal, impor_dokumen
from .vocab import LABEL_JENIS_JABATAN, LABEL_JENIS_UNIT, LABEL_JENJANG

_KOLOM_UNIT = ("id", "nama", "jenis", "jumlah_anak", "jumlah_pegawai_total")


def _hiasi(units: list[dict[str, Any]], format_baris: Callable[[dict[str, Any]], str]) -> list[dict[str, Any]]:
    """Unit rows (dicts of ``_KOLOM_UNIT``) with their head, type label, link and ``html``,
    the row ``format_baris`` formats (organisasi.baris: a template loop was a third of the page).

    Links formatted from one reversed URL: a `{% url %}` per node was most of the tree
    page's template time (two reversals for each of ~100 units).
    """
    kepala = {
        p["unit_id"]: p
        for p in Pegawai.objects.filter(unit__in=[u["id"] for u in units], kepala_unit=True, aktif=True)
        .order_by().values("unit_id", "nama", "jabatan")
    }
    dasar = reverse("organisasi:unit", args=[0]).removesuffix("0/")
    for u in units:
        u["kepala"] = kepala.get(u["id"])
        u["url"] = f"{dasar}{u['id']}/"
        u["label_jenis"] = LABEL_JENIS_UNIT.get(u["jenis"], u["jenis"])
        u["html"] = format_baris(u)
    return units


@instansi_required
def pohon(request: Permintaan) -> HttpResponse:
    instansi = request.user.instansi
    pd = _hiasi(list(selectors.units_with_counts(instansi).filter(induk__isnull=True).order_by("nama")
                     .values(*_KOLOM_UNIT)), baris.pohon)
    return render(request, "organisasi/pohon.html", {
        "pd": pd,
        "jumlah_unit": selectors.units(instansi).count(),
        "jumlah_pegawai": sum(u["jumlah_pegawai_total"] for u in pd),
    })


# Sub-units shown at once; a Dinas Pendidikan holds thousands of schools, and rendering them
# all cost a worker ~200 ms per expansion. The rest come with "tampilkan berikutnya".
ANAK_PER_HALAMAN = 100


def _anak(instansi, unit: UnitOrganisasi, hal: int = 1) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    qs = selectors.units_with_counts(instansi).filter(induk=unit).order_by("jenis", "nama", "id")
    mulai = (hal - 1) * ANAK_PER_HALAMAN
    anak = list(qs.values(*_KOLOM_UNIT)[mulai:mulai + ANAK_PER_HALAMAN + 1])
    lagi = len(anak) > ANAK_PER_HALAMAN
    sisa = qs.count() - mulai - ANAK_PER_HALAMAN if lagi else 0
    return {"anak": _hiasi(anak[:ANAK_PER_HALAMAN], baris.anak), "anak_sisa": sisa, "anak_hal_berikut": hal + 1,
            "anak_url": reverse("organisasi:unit_anak", args=[unit.pk])}


@instansi_required
def unit_anak(request: Permintaan, pk: int) -> HttpResponse:
    """The sub-units of a unit, for expanding the tree in place (htmx), a page at a time."""
    instansi = request.user.instansi
    unit = get_object_or_404(UnitOrganisasi, pk=pk, instansi=instansi)
    hal = int(request.GET["hal"]) if request.GET.get("hal", "").isdigit() and int(request.GET["hal"]) > 0 else 1
    template = "organisasi/_anak_baris.html" if hal > 1 else "organisasi/_anak.html"
    return render(request, template, _anak(instansi, unit, hal))


@instansi_required
def unit(request: Permintaan, pk: int) -> HttpResponse:
    instansi = request.user.instansi
    unit = get_object_or_404(UnitOrganisasi.objects.select_related("induk", "akar_pd"), pk=pk, instansi=instansi)
    rantai = _rantai(unit)
    anggota_qs = (
        Pegawai.objects.filter(unit=unit, aktif=True)
        .order_by("-kepala_unit", "jenis_jabatan", "nama")
        .values("id", "nip", "nama", "jabatan", "jenis_jabatan", "jenjang", "status", "kepala_unit")
    )
    halaman = Paginator(anggota_qs, 100).get_page(request.GET.get("hal"))
    # Rows as dicts with their labels and link (see _hiasi); one reversal for the up-to-100 links.
    url_pegawai = reverse("organisasi:pegawai", args=[0]).removesuffix("0/")
    anggota: list[dict[str, Any]] = [
        {**p, "url": f"{url_pegawai}{p['id']}/", "status": p["status"].upper(),
         "label_jenis_jabatan": LABEL_JENIS_JABATAN.get(p["jenis_jabatan"], p["jenis_jabatan"]),
         "label_jenjang": LABEL_JENJANG.get(p["jenjang"] or "", "")}
        for p in halaman.object_list
    ]
    return render(request, "organisasi/unit.html", {
        "unit": unit, "rantai": rantai, **_anak(instansi, unit),
        "anggota": Page(anggota, halaman.number, halaman.paginator),
        "kepala": next((p for p in anggota if p["kepala_unit"]), None),
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


@instansi_required
def pegawai(request: Permintaan, pk: int) -> HttpResponse:
    """A pegawai: his post, kedudukan and its history (who rated and led him, since
    when, by which rule), the panels modules register (active assignments with
    workload), and for an official the pegawai he rates, leads or coordinates."""
    from sikerja.modul import panel_pegawai

    rows = selectors.pegawai_halaman(pk=pk, instansi_id=request.user.instansi_id)
    if not rows:
        raise Http404
    p = rows[0]
    # Kedudukan, delegations (and whatever else other apps know of him) come through
    # the hook they register (kait), so organisasi never imports the apps above it.
    return render(request, "organisasi/pegawai.html", {
        "p": p,
        "rantai": _rantai(p.unit),
        "kompetensi": selectors.kompetensi_halaman(pegawai_id=p.pk),
        **kait.konteks_pegawai(p),
        "panel": panel_pegawai(request, p),
    })


def _folder_tertunda() -> Path:
    from django.conf import settings

    return Path(settings.MEDIA_ROOT) / "impor-tertunda"


def _simpan_tertunda(request: Permintaan, nama: str, isi: bytes) -> str:
    """Keep a file waiting for the admin's confirmation of a mass deactivation."""
    lama = request.session.get("impor_tertunda")
    if lama:  # one held file per admin session
        (_folder_tertunda() / lama["token"]).unlink(missing_ok=True)
    token = secrets.token_urlsafe(16)
    folder = _folder_tertunda()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / token).write_bytes(isi)
    request.session["impor_tertunda"] = {"token": token, "nama": nama, "instansi": request.user.instansi_id}
    return token


@peran_required("admin_instansi")
def impor(request: Permintaan) -> HttpResponse:
    """The same import as ``sikerja impor``, for the admin of the instansi's own data.

    A file over ``IMPOR_UKURAN_MAKS`` is refused before it is read; a save that
    would deactivate more than the allowed share is held and shown, and goes
    ahead only on a second, explicit confirmation (the file is kept meanwhile).
    """
    ctx: dict = {}
    if request.method != "POST":
        return render(request, "organisasi/impor.html", ctx)
    tertunda = request.session.get("impor_tertunda")
    if request.POST.get("mode") == "konfirmasi":
        token = request.POST.get("token", "")
        if not tertunda or not secrets.compare_digest(token, tertunda["token"]) \
                or tertunda["instansi"] != request.user.instansi_id:
            messages.error(request, "Konfirmasi tidak berlaku lagi; unggah ulang berkasnya.")
            return render(request, "organisasi/impor.html", ctx, status=400)
        path = _folder_tertunda() / tertunda["token"]
        isi = path.read_bytes() if path.exists() else b""
        nama, izinkan, dry_run = tertunda["nama"], True, False
    elif request.FILES.get("berkas"):
        berkas: Any = request.FILES["berkas"]
        nama, izinkan, dry_run = berkas.name, False, request.POST.get("mode") != "simpan"
        try:
            periksa_ukuran(berkas.size)
        except DokumenTidakValid as e:
            ctx.update(galat=e.galat, nama_berkas=nama)
            return render(request, "organisasi/impor.html", ctx, status=413)
        isi = berkas.read()
    else:
        return render(request, "organisasi/impor.html", ctx)
    ctx["nama_berkas"] = nama
    try:
        dokumen = load(BytesIO(isi), nama=nama)
    except DokumenTidakValid as e:
        ctx["galat"] = e.galat
        return render(request, "organisasi/impor.html", ctx, status=400)
    if dokumen.instansi.kode != request.user.instansi.kode:
        ctx["galat_instansi"] = (
            f"Berkas ini untuk instansi '{dokumen.instansi.kode}', sedangkan Anda admin "
            f"'{request.user.instansi.kode}'. Ubah kode instansi di berkas."
        )
        return render(request, "organisasi/impor.html", ctx, status=400)
    try:
        ctx["laporan"] = impor_dokumen(dokumen, dry_run=dry_run, izinkan_nonaktif=izinkan)
    except NonaktifMassal as e:
        ctx.update(laporan=e.laporan, nonaktif_massal=str(e), token=_simpan_tertunda(request, nama, isi))
        return render(request, "organisasi/impor.html", ctx, status=409)
    if not dry_run:
        if tertunda:
            (_folder_tertunda() / tertunda["token"]).unlink(missing_ok=True)
            request.session.pop("impor_tertunda", None)
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
    if not pilih.lingkup_dikenal(lingkup):
        return HttpResponse("Lingkup pilihan tidak dikenal.", status=400)
    hasil = pilih.cari(request.user, q, lingkup)
    for p in hasil:
        p.label = pilih.label(p)  # type: ignore[attr-defined]
        pd = p.unit.akar_pd
        p.tempat = p.unit.nama if pd is None or pd.id == p.unit_id else f"{p.unit.nama}, {pd.nama}"  # type: ignore[attr-defined]
    return render(request, "organisasi/_pilih_hasil.html", {
        "hasil": hasil, "q": q, "nilai": "nip" if request.GET.get("nilai") == "nip" else "pk"})
