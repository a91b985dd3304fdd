"""Rows of the organisation tree, formatted in Python.

The tree page draws a row for each of ~55 Perangkat Daerah and a sub-unit list up
to 100; as a template loop each row cost ~60 µs of variable lookups, escaping and
number localisation (about a third of the page at 50,000 pegawai, issue 11). Here
a row is one ``format_html``: every value is escaped as the template would.
The markup is the one of ``organisasi/pohon.html`` and ``_anak_baris.html``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from sikerja.kueri import KueriSiap

_TOMBOL = (
    '<button type="button" class="btn btn-link btn-sm p-0 me-1 text-decoration-none" data-toggle-anak'
    ' aria-expanded="false" aria-controls="anak-{id}" hx-get="{url}anak/" hx-target="#anak-{id}"{swap}'
    ' aria-label="Buka sub-unit {nama}">▸</button>'
)
_KOSONG = mark_safe('<span class="text-danger">kepala kosong</span>')
_TANPA_ANAK = mark_safe('<span class="me-2 text-muted">·</span>')
_SWAP = mark_safe(' hx-swap="innerHTML"')

_POHON = (
    "\n  <li>\n    {tombol}\n"
    '    <a href="{url}" class="fw-semibold">{nama}</a>\n'
    '    <span class="badge text-bg-light border">{label_jenis}</span>\n'
    '    <span class="small text-muted">{kepala} · {jumlah_pegawai_total} pegawai · {jumlah_anak} sub-unit</span>\n'
    '    <div id="anak-{id}"></div>\n  </li>\n'
)
_ANAK = (
    "\n  <li>\n    {tombol}\n"
    '    <a href="{url}">{nama}</a>\n'
    '    <span class="badge text-bg-light border">{label_jenis}</span>\n'
    '    <span class="small text-muted">{kepala} · {jumlah_pegawai_total} pegawai{sub}</span>\n'
    '    <div id="anak-{id}"></div>\n  </li>\n'
)


def _tombol(u: dict[str, Any], swap: SafeString | str) -> SafeString:
    return format_html(_TOMBOL, id=u["id"], url=u["url"], nama=u["nama"], swap=swap)


def pohon(u: dict[str, Any]) -> SafeString:
    """A Perangkat Daerah of the tree page: head with his post, pegawai and sub-unit counts."""
    k = u["kepala"]
    return format_html(
        _POHON, tombol=_tombol(u, "") if u["jumlah_anak"] else "", url=u["url"], nama=u["nama"],
        label_jenis=u["label_jenis"],
        kepala=format_html("{} ({})", k["nama"], k["jabatan"]) if k else _KOSONG,
        jumlah_pegawai_total=u["jumlah_pegawai_total"], jumlah_anak=u["jumlah_anak"], id=u["id"],
    )


def anak(u: dict[str, Any]) -> SafeString:
    """A sub-unit in an expanded node or on a unit's page."""
    k = u["kepala"]
    return format_html(
        _ANAK, tombol=_tombol(u, _SWAP) if u["jumlah_anak"] else _TANPA_ANAK, url=u["url"], nama=u["nama"],
        label_jenis=u["label_jenis"], kepala=k["nama"] if k else _KOSONG,
        jumlah_pegawai_total=u["jumlah_pegawai_total"],
        sub=format_html(" · {} sub-unit", u["jumlah_anak"]) if u["jumlah_anak"] else "", id=u["id"],
    )


def opsi_pd(instansi: Any, dipilih: str = "") -> SafeString:
    """The ``<option>`` of every Perangkat Daerah of ``instansi`` (by name), ``dipilih`` (an id as
    text) selected: written once here, as a template loop with a comparison per option was a tenth
    of a list page."""
    return opsi(((r["id"], r["nama"]) for r in _pd(instansi_id=instansi.pk)), dipilih)


def opsi(baris: Iterable[tuple[int, str]], dipilih: str | int | None = None) -> SafeString:
    """``<option value="id">nama</option>`` of each (id, nama), the one whose id is ``dipilih`` selected."""
    from django.utils.html import format_html_join

    dipilih = "" if dipilih is None else str(dipilih)
    return format_html_join("", '<option value="{}"{}>{}</option>',
                            ((i, " selected" if str(i) == dipilih else "", nama) for i, nama in baris))


def _pd_qs(instansi_id: int) -> Any:
    from .models import UnitOrganisasi

    return (UnitOrganisasi.objects.filter(instansi_id=instansi_id, aktif=True, induk__isnull=True).order_by("nama")
            .values("id", "nama"))


# Asked by every list page with a Perangkat Daerah filter: prepared once (sikerja.kueri).
_pd: KueriSiap[dict[str, Any]] = KueriSiap(_pd_qs)
