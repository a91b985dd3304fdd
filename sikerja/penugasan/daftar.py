"""The penugasan list that scales (issue #12 point 6): filters, search, paging, Excel export.

Kept apart from ``views.py`` so that the list can grow (saved filters, more
columns) without touching the decision pages. Everything is read through
``selectors.daftar_penugasan``: a user sees exactly the assignments he may open.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from io import BytesIO
from typing import Any

from django.core.paginator import Paginator
from django.db.models import Prefetch, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.dateparse import parse_date

from sikerja.akses import instansi_required
from sikerja.ekspor import tulis_baris
from sikerja.organisasi.baris import opsi_pd
from sikerja.organisasi.teks import kata

from . import alur, selectors
from .models import LABEL_SELESAI, SELESAI, Penerima, Penugasan

PER_HALAMAN = 50
EKSPOR_MAKS = 10_000


@dataclass
class Saringan:
    """The list's filters as read from the query string; unknown values are ignored."""

    saring: str = ""
    status: str = ""
    jalur: str = ""
    unit: str = ""
    dari: date | None = None
    sampai: date | None = None
    q: str = ""

    @classmethod
    def dari_request(cls, request: HttpRequest) -> Saringan:
        g = request.GET
        return cls(
            saring=g.get("saring", "") if g.get("saring") in ("tindakan", "saya") else "",
            status=g.get("status", "") if g.get("status") in alur.STATUS or g.get("status") == SELESAI else "",
            jalur=g.get("jalur", "") if g.get("jalur") in alur.JALUR else "",
            unit=g.get("unit", "") if g.get("unit", "").isdigit() else "",
            dari=_tanggal(g.get("dari")), sampai=_tanggal(g.get("sampai")), q=g.get("q", "")[:100].strip(),
        )

    @property
    def aktif(self) -> bool:
        return any((self.status, self.jalur, self.unit, self.dari, self.sampai, self.q))


def _tanggal(teks: str | None) -> date | None:
    try:
        return parse_date(teks or "")
    except ValueError:
        return None


def penugasan_tersaring(request: HttpRequest, s: Saringan) -> QuerySet[Penugasan]:
    qs = selectors.daftar_penugasan(request.user)
    pid = request.user.pegawai_id  # type: ignore[union-attr]
    if s.saring == "tindakan" and pid:
        qs = qs.filter(aktor_sekarang_id=pid)
    elif s.saring == "saya" and pid:
        qs = qs.filter(Q(pemohon_id=pid) | Q(penerima__pegawai_id=pid))
    if s.status == SELESAI:
        # Derived, not stored: assigned and its period over (models.Penugasan.masa_berakhir).
        qs = qs.filter(status=alur.DITUGASKAN, selesai__lt=timezone.localdate())
    elif s.status == alur.DITUGASKAN:
        qs = qs.filter(status=s.status, selesai__gte=timezone.localdate())
    elif s.status:
        qs = qs.filter(status=s.status)
    if s.jalur:
        qs = qs.filter(jalur=s.jalur)
    if s.unit:
        # A Perangkat Daerah (or any unit): the requester's or an assignee's unit lies in it.
        u = int(s.unit)
        qs = qs.filter(Q(pemohon__unit_id=u) | Q(pemohon__unit__akar_pd_id=u)
                       | Q(penerima__pegawai__unit_id=u) | Q(penerima__pegawai__unit__akar_pd_id=u))
    if s.dari:  # overlapping the period
        qs = qs.filter(selesai__gte=s.dari)
    if s.sampai:
        qs = qs.filter(mulai__lte=s.sampai)
    if s.q:
        for k in kata(s.q):
            qs = qs.filter(Q(judul__icontains=k) | Q(pemohon__nama_cari__contains=k)
                           | Q(penerima__pegawai__nama_cari__contains=k))
    if s.saring == "saya" or s.unit or s.q:
        qs = qs.distinct()
    return qs.order_by(*selectors.URUTAN_DAFTAR)


def _pilihan(request: HttpRequest, s: Saringan) -> dict[str, Any]:
    instansi = request.user.instansi  # type: ignore[union-attr]
    assert instansi is not None  # instansi_required
    return {
        "pilihan_status": [*alur.STATUS.items(), (SELESAI, f"{LABEL_SELESAI} (masa penugasan berakhir)")],
        "pilihan_jalur": list(alur.JALUR.items()),
        "opsi_pd": opsi_pd(instansi, s.unit),
    }


@instansi_required
def daftar(request: HttpRequest) -> HttpResponse:
    s = Saringan.dari_request(request)
    # Unfiltered (most visits): the same rows through prepared queries (selectors.DaftarSiap).
    daftar_ = (selectors.DaftarSiap(request.user, PER_HALAMAN) if not (s.aktif or s.saring)
               else penugasan_tersaring(request, s))
    halaman = Paginator(daftar_, PER_HALAMAN).get_page(request.GET.get("hal"))  # type: ignore[arg-type]
    return render(request, "penugasan/daftar_saring.html", {
        "halaman": halaman, "s": s, "saring": s.saring, "kueri": request.GET.urlencode(), **_pilihan(request, s),
    })


@instansi_required
def ekspor(request: HttpRequest) -> HttpResponse:
    """The filtered list as an .xlsx (at most 10,000 rows), user text written as text."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    s = Saringan.dari_request(request)
    qs = penugasan_tersaring(request, s).select_related("pemohon__unit").prefetch_related(
        Prefetch("penerima", queryset=Penerima.objects.select_related("pegawai").order_by("pegawai__nama")))
    wb = Workbook()
    ws = wb.active
    ws.title = "Penugasan"
    tulis_baris(ws, ["Judul", "Jalur", "Status", "Pemohon", "Unit pemohon", "Menunggu", "Mulai", "Selesai",
                     "Pegawai ditugaskan (beban)"])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for p in qs[:EKSPOR_MAKS]:
        tulis_baris(ws, [
            p.judul, p.label_jalur, p.label_status, p.pemohon.nama, p.pemohon.unit.nama,
            p.aktor_sekarang.nama if p.aktor_sekarang else "", p.mulai, p.selesai,
            "; ".join(f"{r.pegawai.nama} ({r.beban_persen}%)" for r in p.penerima.all()),
        ])
    buf = BytesIO()
    wb.save(buf)
    resp = HttpResponse(buf.getvalue(),
                        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    kode = request.user.instansi.kode  # type: ignore[union-attr]
    resp["Content-Disposition"] = f'attachment; filename="penugasan-{kode}.xlsx"'
    return resp
