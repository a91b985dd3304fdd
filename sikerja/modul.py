"""Modules register themselves: each app's ``navigasi.py`` declares a :class:`Modul`.

A module (organisasi, kedudukan, penugasan, and the ones that follow: tim kerja,
siklus kerja, SKP…) says here where its pages are mounted and which menu entries
it offers to whom. ``sikerja/urls.py`` mounts every registered module and the
navigation bar (``sikerja.web.context``) is drawn from the entries, so a new
module touches only its own folder plus its line in ``INSTALLED_APPS``.

The registry is read from the installed apps in ``INSTALLED_APPS`` order: an app
whose package has a ``navigasi`` module with a ``MODUL`` attribute is a module.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module
from typing import Any

from django.apps import apps
from django.urls import URLPattern, URLResolver, include, path

Predikat = Callable[[Any], bool]

ADMINISTRASI = "Administrasi"


@dataclass(frozen=True)
class Menu:
    """One navigation entry.

    ``boleh(user)`` says who sees it (a predicate on the user's instansi-wide
    roles or kedudukan; the page itself checks again). ``label`` may depend on the
    user (the inspectorate's monitoring page is labelled as the inspectorate's).
    ``kelompok`` puts the entry in a dropdown (``"Administrasi"``) instead of the
    bar; ``jumlah(user)`` draws a count badge (what waits for the user).
    """

    kode: str
    label: str | Callable[[Any], str]
    url_name: str
    boleh: Predikat
    urutan: int = 100
    kelompok: str | None = None
    jumlah: Callable[[Any], int] | None = None

    def label_untuk(self, user: Any) -> str:
        return self.label(user) if callable(self.label) else self.label


@dataclass(frozen=True)
class PanelPegawai:
    """A card a module adds to the pegawai page (his assignments, his teams, his SKP…).

    ``konteks(request, pegawai)`` returns the template's context, or None to show
    nothing; it must check what the requesting user may see. The organisation page
    draws every registered panel without importing the module.
    """

    template: str
    konteks: Callable[[Any, Any], dict[str, Any] | None]
    urutan: int = 100


@dataclass(frozen=True)
class Modul:
    """What an app contributes: its URL prefix and module, its menu entries and its
    panels on the pegawai page."""

    nama: str
    awalan_url: str | None = None
    urls: str | None = None
    menu: tuple[Menu, ...] = field(default_factory=tuple)
    panel_pegawai: tuple[PanelPegawai, ...] = field(default_factory=tuple)


# Predicates shared by the modules' menus.
def masuk(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def berinstansi(user: Any) -> bool:
    return masuk(user) and bool(user.instansi_id)


def berpegawai(user: Any) -> bool:
    return berinstansi(user) and bool(user.pegawai_id)


def peran(*nama: str) -> Predikat:
    """True for a user of an instansi holding one of the instansi-wide roles ``nama``."""

    def cek(user: Any) -> bool:
        return berinstansi(user) and any(getattr(user, n, False) for n in nama)

    return cek


def superuser(user: Any) -> bool:
    return masuk(user) and bool(user.is_superuser)


# The registry depends only on the installed apps: read once per process for each app registry state.
# ``apps.app_configs`` is replaced whenever the installed apps change (override_settings in tests), so
# the cache holds that dict and is read again when it is no longer the current one.
_cache: dict[str, Any] = {}


def _dari_cache(kunci: str, hitung: Callable[[], Any]) -> Any:
    keadaan = apps.app_configs
    simpan = _cache.get(kunci)
    if simpan is None or simpan[0] is not keadaan:
        simpan = _cache[kunci] = (keadaan, hitung())
    return simpan[1]


def daftar_modul() -> list[Modul]:
    """Every registered module, in INSTALLED_APPS order."""
    return list(_dari_cache("modul", _baca_modul))


def _baca_modul() -> tuple[Modul, ...]:
    hasil = []
    for app in apps.get_app_configs():
        try:
            mod = import_module(f"{app.name}.navigasi")
        except ModuleNotFoundError as e:
            if e.name != f"{app.name}.navigasi":
                raise
            continue
        modul = getattr(mod, "MODUL", None)
        if isinstance(modul, Modul):
            hasil.append(modul)
    return tuple(hasil)


def semua_menu() -> tuple[Menu, ...]:
    """Every module's menu entries, in menu order (whoever may see them)."""
    return _dari_cache("menu", lambda: tuple(sorted((m for modul in daftar_modul() for m in modul.menu),
                                                    key=lambda m: m.urutan)))


def url_patterns() -> list[URLPattern | URLResolver]:
    """The pages of every module, mounted at its prefix."""
    return [path(m.awalan_url, include(m.urls)) for m in daftar_modul() if m.urls is not None
            and m.awalan_url is not None]


def menu_untuk(user: Any) -> list[Menu]:
    """The entries ``user`` may see, in menu order."""
    return [m for m in semua_menu() if m.boleh(user)]


def panel_pegawai(request: Any, pegawai: Any) -> list[dict[str, Any]]:
    """The registered panels of the pegawai page that have something to show."""
    panel = _dari_cache("panel", lambda: tuple(sorted((p for m in daftar_modul() for p in m.panel_pegawai),
                                                      key=lambda p: p.urutan)))
    hasil = []
    for p in panel:
        ctx = p.konteks(request, pegawai)
        if ctx is not None:
            hasil.append({"template": p.template, "ctx": ctx})
    return hasil
