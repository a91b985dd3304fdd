"""``{% bagan_kedudukan akar %}``: the chart of a Perangkat Daerah as nested lists.

Written out here rather than by a template including itself per unit: a Dinas Pendidikan
draws some 200 units, and the recursive include with its dozen lookups per unit was most
of the page's CPU (like Django's own ``unordered_list``, for the same reason). Every value
is escaped as the template would; ``bagan`` (the view) gives the values, links included.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


def _garis(g: dict[str, Any]) -> str:
    """One line of a unit: how many of its pegawai have this PPK, PUO (when another) and koordinator."""
    teks = f'\n    <small>{g["jumlah"]} pegawai → <span class="garis-ppk">PPK: {escape(g["ppk"] or "belum ada")}</span>'
    if g["beda"]:
        teks += f' · PUO: {escape(g["puo"] or "belum ada")}'
    if g["koordinator"]:
        teks += f' · <span class="garis-koordinator">Koordinator: {escape(g["koordinator"])}</span>'
    return teks + "</small>"


def _simpul(n: dict[str, Any], keluar: list[str]) -> None:
    u = n["u"]
    kepala = u["kepala"]
    keluar.append(
        f'<li>\n  <div class="simpul">\n    <strong><a href="{u["url"]}">{escape(u["nama"])}</a></strong>\n'
        f'    <small>{escape(u["label_jenis"])} · Level {u["level"]} · Kepala: '
        + (f'<a href="{kepala["url"]}">{escape(kepala["nama"])}</a> ({escape(kepala["jabatan"])})' if kepala
           else '<span class="text-danger">kosong</span>')
        + "</small>"
    )
    keluar.extend(_garis(g) for g in u["garis"])
    keluar.append("\n  </div>\n  ")
    if n["anak"]:
        keluar.append("<ul>")
        for c in n["anak"]:
            _simpul(c, keluar)
        if n["sisa"]:
            keluar.append(f'\n    <li><div class="simpul"><a href="{u["url"]}">… dan {n["sisa"]} sub-unit lain'
                          " — lihat di halaman unit</a></div></li>")
        keluar.append("</ul>")
    keluar.append("\n</li>\n")


@register.simple_tag
def bagan_kedudukan(akar: dict[str, Any]) -> SafeString:
    keluar: list[str] = []
    _simpul(akar, keluar)
    return mark_safe("".join(keluar))  # noqa: S308 (every value above is escaped; links are built by the view)
