"""One search box for pegawai, units and jabatan (issue #12 point 2).

Every word of the query must occur in the normalised text (organisasi.teks), so
"kesehatan" finds "Dinas Kesehatan", "syafii" finds "Syafi'i" and "ahli muda
epidemiolog" finds the post whatever the word order. A query of digits is a NIP
prefix. Pegawai are matched by name or by jabatan and paged; units and jabatan
come first, few and grouped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, Q, QuerySet
from django.urls import reverse

from .models import Instansi, Pegawai, UnitOrganisasi
from .teks import kata

PER_HALAMAN = 50
UNIT_MAKS = 20
JABATAN_MAKS = 20
# Up to this many matches the pegawai page is read as a semi-join on the matching ids (see cari).
SEDIKIT = 1000


@dataclass
class HasilCari:
    q: str
    units: list[UnitOrganisasi] = field(default_factory=list)
    jumlah_unit: int = 0
    jabatan: list[dict[str, Any]] = field(default_factory=list)
    pegawai: Page | None = None

    @property
    def kosong(self) -> bool:
        return not self.units and not self.jabatan and not (self.pegawai and self.pegawai.object_list)


def _semua_kata(kolom: str, daftar: list[str]) -> Q:
    q = Q()
    for k in daftar:
        q &= Q(**{f"{kolom}__contains": k})
    return q


def pegawai_cocok(instansi: Instansi, q: str, *, jabatan: str = "") -> QuerySet[Pegawai]:
    """Active pegawai whose name or jabatan holds every word of ``q`` (or whose NIP starts with it)."""
    qs = Pegawai.objects.filter(instansi=instansi, aktif=True)
    if jabatan:
        qs = qs.filter(jabatan=jabatan)
    q = q.strip()
    if q.isdigit():
        return qs.filter(nip__startswith=q)
    daftar = kata(q)
    if not daftar:
        return qs if jabatan else qs.none()
    return qs.filter(_semua_kata("nama_cari", daftar) | _semua_kata("jabatan_cari", daftar))


def units_cocok(instansi: Instansi, q: str) -> QuerySet[UnitOrganisasi]:
    daftar = kata(q)
    if not daftar or q.strip().isdigit():
        return UnitOrganisasi.objects.none()
    return UnitOrganisasi.objects.filter(instansi=instansi, aktif=True).filter(_semua_kata("nama_cari", daftar))


def cari(instansi: Instansi, q: str, *, halaman: Any = 1, jabatan: str = "") -> HasilCari:
    hasil = HasilCari(q=q)
    if not q.strip() and not jabatan:
        return hasil
    if not jabatan:
        # Only the columns shown: a wide select_related costs ~1 ms more under ORDER BY.
        units = units_cocok(instansi, q).select_related("akar_pd").only(
            "id", "nama", "jenis", "level", "jumlah_pegawai_total", "akar_pd_id", "akar_pd__nama",
        ).order_by("level", "nama")
        hasil.units = list(units[:UNIT_MAKS])
        url_unit = _awalan("organisasi:unit")
        for u in hasil.units:
            u.url = f"{url_unit}{u.pk}/"  # type: ignore[attr-defined]
        hasil.jumlah_unit = len(hasil.units) if len(hasil.units) < UNIT_MAKS else units.count()
        daftar = kata(q)
        if daftar and not q.strip().isdigit():
            hasil.jabatan = list(
                Pegawai.objects.filter(instansi=instansi, aktif=True).filter(_semua_kata("jabatan_cari", daftar))
                .values("jabatan").annotate(n=Count("id")).order_by("-n", "jabatan")[:JABATAN_MAKS]
            )
    # Rows as dicts of the shown columns with their links formatted from one reversal each:
    # model instances of a wide select_related and a `{% url %}` per link were most of the page.
    cocok = pegawai_cocok(instansi, q, jabatan=jabatan)
    jumlah = cocok.count()
    if jumlah <= SEDIKIT:
        # A rare word ("sri": 414 of 50,000): PostgreSQL would walk the (instansi, nama) index
        # and filter out tens of thousands of rows (35 ms); as a semi-join the trigram indexes
        # find the few first (2 ms). A common word ("ahli") is best served by the index walk.
        cocok = Pegawai.objects.filter(id__in=cocok.values("id"))
    qs = cocok.order_by("nama", "id").values("id", "nama", "nip", "jabatan", "unit_id", "unit__nama")
    paginator = Paginator(qs, PER_HALAMAN)
    paginator.count = jumlah  # type: ignore[misc]  # counted above, not again
    halaman_qs = paginator.get_page(halaman)
    url_pegawai, url_unit = _awalan("organisasi:pegawai"), _awalan("organisasi:unit")
    baris: list[dict[str, Any]] = [
        {**p, "url": f"{url_pegawai}{p['id']}/", "url_unit": f"{url_unit}{p['unit_id']}/"}
        for p in halaman_qs.object_list
    ]
    hasil.pegawai = Page(baris, halaman_qs.number, halaman_qs.paginator)
    return hasil


def _awalan(nama: str) -> str:
    """The URL of ``nama`` without its trailing id: ``f"{awalan}{pk}/"`` is the page of ``pk``."""
    return reverse(nama, args=[0]).removesuffix("0/")
