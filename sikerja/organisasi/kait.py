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
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_setelah_impor: list[Callable[[Any, Any], None]] = []
_setelah_perubahan: list[Callable[[Any], None]] = []


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
