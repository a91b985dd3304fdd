"""Evidence files (*bukti*) of tim kerja reports and of siklus progress entries and results.

One list of accepted kinds, one check of count, size, kind and content — the first bytes, because an
extension alone is not trusted — and one place naming the content type a file is served with. The
limits are the caller's: tim kerja keeps 5 files of 5 MB per report [P]; siklus reads its limits from
the profile's ``siklus.bukti`` block. Files are served only through each app's view, which checks that
the user may see the report or kegiatan.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

# extension → (content type served, accepted first bytes)
JENIS: dict[str, tuple[str, tuple[bytes, ...]]] = {
    "pdf": ("application/pdf", (b"%PDF",)),
    "png": ("image/png", (b"\x89PNG",)),
    "jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (b"PK\x03\x04",)),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (b"PK\x03\x04",)),
    "csv": ("text/csv", (b"",)),
    "txt": ("text/plain", (b"",)),
}
# Read at most this much of an upload; the caller's size limit is checked on what was read.
MAKS_BACA = 50 * 1024 * 1024 + 1


@dataclass
class Berkas:
    nama: str
    isi: bytes

    @property
    def ekstensi(self) -> str:
        return self.nama.rsplit(".", 1)[-1].lower() if "." in self.nama else ""


def jenis_konten(nama: str) -> str:
    return JENIS[Berkas(nama, b"").ekstensi][0]


def periksa(berkas: Sequence[Berkas], *, tipe: Iterable[str], maks_byte: int, maks_jumlah: int,
            galat: Callable[[str], Exception], per: str = "sekaligus") -> None:
    """Refuse (with ``galat(pesan)``, the app's typed error) too many files, a kind outside ``tipe``, a file
    over ``maks_byte`` or content that does not match its extension."""
    boleh = [t for t in tipe if t in JENIS]
    if len(berkas) > maks_jumlah:
        raise galat(f"Paling banyak {maks_jumlah} berkas bukti {per}.")
    for b in berkas:
        nama = b.nama[:80]
        if b.ekstensi not in boleh:
            raise galat(f"Berkas '{nama}': jenis tidak diterima; gunakan {', '.join(boleh)}.")
        if len(b.isi) > maks_byte:
            raise galat(f"Berkas '{nama}' lebih dari {maks_byte // (1024 * 1024)} MB.")
        if not any(b.isi.startswith(m) for m in JENIS[b.ekstensi][1]):
            raise galat(f"Isi berkas '{nama}' tidak sesuai dengan jenisnya (.{b.ekstensi}).")
