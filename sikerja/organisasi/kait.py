"""Hooks other apps register to follow changes of the organisation.

The organisation is written by the import (``services.impor_dokumen``) and by a
superuser's edit in the admin. Apps that derive data from it — kedudukan's
computed PPK/PUO, accounts per pegawai — register a function here in their
``AppConfig.ready`` instead of organisasi importing them: the dependency runs
from the deriving app to organisasi, never back (ARCHITECTURE.md).

``setelah_impor`` functions get ``(instansi, laporan)`` and run inside the
import's transaction, in registration order (INSTALLED_APPS order), so a failure
rolls the whole import back. ``setelah_perubahan`` functions get ``(instansi,)``
after an edit of units, pegawai or delegations outside the import.

Two more seams keep organisasi below the apps that know more than it does:

- the **profile catalogue** (``pasang_katalog_profil``): kedudukan, which owns the
  regulation profiles, tells the import which profile codes exist and which unit
  attributes each accepts — organisasi never imports kedudukan to ask;
- **pegawai page sections** (``daftar_konteks_pegawai``): apps add what they know
  about a pegawai (his kedudukan, his assignments) to the organisation's pegawai page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

_setelah_impor: list[Callable[[Any, Any], None]] = []
_setelah_perubahan: list[Callable[[Any], None]] = []
_konteks_pegawai: list[Callable[[Any], dict[str, Any]]] = []


class KatalogProfil(Protocol):
    """What the import needs to know about the regulation profiles."""

    def tersedia(self) -> list[str]:
        """Codes of the profiles an instansi may use."""
        ...

    def atribut(self, kode: str) -> dict[str, tuple[str, ...]]:
        """Unit attributes profile ``kode`` reads: {name: allowed values (empty: any)}."""
        ...

    def periksa_delegasi(self, kode: str, org: Any, delegasi: Any) -> str | None:
        """Why ``delegasi`` (struktur.Delegasi) may not be made in ``org`` under profile ``kode``, or None."""
        ...


_katalog: list[KatalogProfil] = []


def pasang_katalog_profil(katalog: KatalogProfil) -> KatalogProfil:
    _katalog[:] = [katalog]
    return katalog


def katalog_profil() -> KatalogProfil | None:
    """The installed catalogue, or None outside a configured Django (then the import
    checks only the shape of the profile code and attributes)."""
    return _katalog[0] if _katalog else None


def daftar_konteks_pegawai(fn: Callable[[Any], dict[str, Any]]) -> Callable[[Any], dict[str, Any]]:
    if fn not in _konteks_pegawai:
        _konteks_pegawai.append(fn)
    return fn


def konteks_pegawai(pegawai: Any) -> dict[str, Any]:
    """Template context the registered apps give for ``pegawai``'s page."""
    out: dict[str, Any] = {}
    for fn in list(_konteks_pegawai):
        out.update(fn(pegawai))
    return out


def daftar_setelah_impor(fn: Callable[[Any, Any], None]) -> Callable[[Any, Any], None]:
    if fn not in _setelah_impor:
        _setelah_impor.append(fn)
    return fn


def daftar_setelah_perubahan(fn: Callable[[Any], None]) -> Callable[[Any], None]:
    if fn not in _setelah_perubahan:
        _setelah_perubahan.append(fn)
    return fn


def jalankan_setelah_impor(instansi: Any, laporan: Any) -> None:
    for fn in list(_setelah_impor):
        fn(instansi, laporan)


def jalankan_setelah_perubahan(instansi: Any) -> None:
    for fn in list(_setelah_perubahan):
        fn(instansi)
