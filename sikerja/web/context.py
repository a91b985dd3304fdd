"""The navigation bar: what each user may open, with counts of what waits for them.

The entries come from the modules' ``navigasi.py`` (sikerja.modul); nothing is
listed here. Entries of a group (``Administrasi``) form one dropdown so that an
admin's bar fits from 1280 px.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, get_resolver, get_script_prefix, get_urlconf, reverse

from sikerja.modul import menu_untuk


def _url(nama: str) -> str:
    """``reverse(nama)``, or "" when it does not resolve; remembered per URL map and script prefix.

    The memo lives on the resolver (a new one whenever the URL map is rebuilt, clear_url_caches),
    so a menu entry is reversed once per process instead of on every page.
    """
    resolver = get_resolver(get_urlconf())
    memo: dict[tuple[str, str], str] = resolver.__dict__.setdefault("_sikerja_menu_url", {})
    kunci = (get_script_prefix(), nama)
    url = memo.get(kunci)
    if url is None:
        try:
            url = reverse(nama)
        except NoReverseMatch:
            url = ""
        memo[kunci] = url
    return url


def _tandai_aktif(path: str, items: list[dict[str, Any]]) -> None:
    """Highlight the one item whose address is the longest prefix of the page's
    (/penugasan/kotak-masuk/ is Kotak Masuk, not also Penugasan)."""
    cocok = [i for i in items if (path == "/" if i["url"] == "/" else path.startswith(i["url"]))]
    if cocok:
        max(cocok, key=lambda i: len(i["url"]))["aktif"] = True


def navigasi(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    items: list[dict[str, Any]] = []
    for m in menu_untuk(user):
        url = _url(m.url_name)
        if not url:
            continue
        items.append({"kode": m.kode, "label": m.label_untuk(user), "url": url, "kelompok": m.kelompok,
                      "jumlah": m.jumlah(user) if m.jumlah else 0, "aktif": False})
    _tandai_aktif(request.path, items)
    utama = [i for i in items if not i["kelompok"]]
    kelompok: dict[str, list[dict[str, Any]]] = {}
    for i in items:
        if i["kelompok"]:
            kelompok.setdefault(i["kelompok"], []).append(i)
    return {
        "nav_items": utama,
        "nav_kelompok": [{"label": k, "items": v, "aktif": any(i["aktif"] for i in v)} for k, v in kelompok.items()],
    }
