"""Letter kinds, registered by the modules that issue them (``jenis.daftarkan``).

A kind has a code stored on the letter, its title (what the regulations call it), the short
code put into its number (``{kode}`` of the instansi's numbering format), the Typst template it is
rendered with and, when that template prints another heading (the surat penugasan is printed as a
SURAT TUGAS), the heading printed, which the public verification page shows too. Modules register
theirs in ``AppConfig.ready``; the shared app knows none of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

TEMPLATE_UMUM = Path(__file__).resolve().parent / "templates_surat" / "surat.typ"
# Surat Tugas/Surat Perintah (Permendagri 1/2023, Lampiran): needs ``tugas`` in the letter's isi.
TEMPLATE_SURAT_TUGAS = TEMPLATE_UMUM.with_name("surat_tugas.typ")


@dataclass(frozen=True)
class JenisSurat:
    kode: str
    judul: str
    singkatan: str
    template: Path = TEMPLATE_UMUM
    judul_cetak: str = ""

    @property
    def cetak(self) -> str:
        """The heading printed on the letter."""
        return self.judul_cetak or self.judul


_TERDAFTAR: dict[str, JenisSurat] = {}


def daftarkan(kode: str, *, judul: str, singkatan: str, template: Path | None = None,
              judul_cetak: str = "") -> JenisSurat:
    """Register a kind (idempotent for the same definition; a different one under a taken code is an error)."""
    j = JenisSurat(kode=kode, judul=judul, singkatan=singkatan, template=template or TEMPLATE_UMUM,
                   judul_cetak=judul_cetak)
    lama = _TERDAFTAR.get(kode)
    if lama is not None and lama != j:
        raise ValueError(f"Jenis surat {kode!r} sudah didaftarkan dengan definisi lain.")
    if len(kode) > 32:
        raise ValueError("Kode jenis surat paling panjang 32 karakter.")
    _TERDAFTAR[kode] = j
    return j


def ambil(kode: str) -> JenisSurat:
    try:
        return _TERDAFTAR[kode]
    except KeyError:
        raise LookupError(f"Jenis surat {kode!r} belum didaftarkan (surat.jenis.daftarkan).") from None


def judul(kode: str) -> str:
    j = _TERDAFTAR.get(kode)
    return j.judul if j else kode


def judul_cetak(kode: str) -> str:
    """The heading printed on letters of ``kode`` (their title unless the template prints another)."""
    j = _TERDAFTAR.get(kode)
    return j.cetak if j else kode


def semua() -> dict[str, JenisSurat]:
    return dict(_TERDAFTAR)
