"""Penugasan's letters, issued through the shared :mod:`sikerja.surat` app.

Kept as this app's entry point so effects read ``surat_mod.terbitkan(penugasan=p, ...)``; the
numbering, PDF and verification live in sikerja.surat.
"""

from __future__ import annotations

from typing import Any

from sikerja.surat import services as _surat
from sikerja.surat.models import Surat
from sikerja.surat.nomor import ROMAWI, ambil_nomor, format_nomor
from sikerja.surat.services import orang, render_pdf, tanggal_id, url_verifikasi

from .alur import JENIS_SURAT

__all__ = ["JUDUL", "KODE_JENIS", "ROMAWI", "ambil_nomor", "format_nomor", "orang", "render_pdf", "tanggal_id",
           "terbitkan", "url_verifikasi"]

# {kode} of Instansi.format_nomor_surat, per kind of letter.
KODE_JENIS = {k: v[1] for k, v in JENIS_SURAT.items()}
JUDUL = {k: v[0] for k, v in JENIS_SURAT.items()}


def terbitkan(*, penugasan: Any, **kwargs: Any) -> Surat:
    """Number, render and store one letter of ``penugasan`` (sikerja.surat.services.terbitkan)."""
    return _surat.terbitkan(subjek=penugasan, **kwargs)
