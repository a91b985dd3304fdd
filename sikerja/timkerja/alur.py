"""The lifecycle of a tim kerja as one table (KINERJA.md §1.7).

Declared here once, as data: each transition names the states it leaves from,
the state it reaches (``None`` = stays), the role that may fire it (resolved
from kedudukan and the profile by ``services``) and the letter it produces.
This is the table to register with ``sikerja.alur_kerja`` when the shared
workflow core lands; until then ``services`` reads it directly.
"""

from __future__ import annotations

from dataclasses import dataclass

STATUS = {
    "draf": "Draf",
    "menunggu_penetapan": "Menunggu penetapan oleh penandatangan",
    "dibentuk": "Dibentuk",
    "aktif": "Aktif",
    "selesai": "Selesai",
    "dibubarkan": "Dibubarkan",
}
AKHIR = frozenset({"selesai", "dibubarkan"})
BERJALAN = ("dibentuk", "aktif")


@dataclass(frozen=True)
class Langkah:
    aksi: str
    label: str
    dari: tuple[str, ...]
    ke: str | None
    aktor: str            # pembentuk | penandatangan | pengelola (pembentuk, penandatangan or PUO pemilik)
    surat: str = ""       # the letter the step issues ("" = audit entry only)
    butuh_alasan: bool = False


TABEL: dict[str, Langkah] = {l.aksi: l for l in (
    Langkah("buat_draf", "Buat draf", (), "draf", "pembentuk"),
    Langkah("ajukan_pembentukan", "Ajukan kepada penandatangan", ("draf",), "menunggu_penetapan", "pembentuk"),
    Langkah("tetapkan", "Tetapkan pembentukan", ("draf", "menunggu_penetapan"), "dibentuk", "penandatangan",
            surat="pembentukan"),
    Langkah("tolak", "Tolak", ("menunggu_penetapan",), "draf", "penandatangan", butuh_alasan=True),
    Langkah("tugaskan_anggota", "Tugaskan anggota", ("dibentuk", "aktif"), "aktif", "pengelola",
            surat="penugasan_anggota"),
    Langkah("lepas_anggota", "Lepas anggota", ("aktif",), None, "pengelola", surat="pelepasan_anggota",
            butuh_alasan=True),
    Langkah("ganti_ketua", "Ganti ketua", ("dibentuk", "aktif"), None, "penandatangan", surat="penunjukan_ketua"),
    Langkah("ubah_target", "Ubah target", ("dibentuk", "aktif"), None, "pengelola", butuh_alasan=True),
    Langkah("perpanjang", "Perpanjang masa kerja", ("dibentuk", "aktif"), None, "penandatangan",
            surat="perpanjangan"),
    Langkah("tutup", "Tutup (selesai)", ("aktif",), "selesai", "pengelola"),
    Langkah("bubarkan", "Bubarkan", ("dibentuk", "aktif"), "dibubarkan", "penandatangan", surat="pembubaran",
            butuh_alasan=True),
)}

# Letters the lifecycle issues (registered with sikerja.surat's ``jenis.daftarkan`` once it exists).
JENIS_SURAT = {
    "pembentukan": "Pembentukan Tim Kerja",
    "penugasan_anggota": "Penugasan Anggota Tim Kerja",
    "pelepasan_anggota": "Pelepasan Anggota Tim Kerja",
    "penunjukan_ketua": "Penunjukan Ketua Tim Kerja",
    "perpanjangan": "Perpanjangan Masa Kerja Tim Kerja",
    "pembubaran": "Pembubaran Tim Kerja",
}


def boleh(aksi: str, status: str) -> bool:
    langkah = TABEL.get(aksi)
    return langkah is not None and status in langkah.dari


def tabel() -> list[dict[str, str]]:
    """The machine as rows, for the documentation page and tests."""
    return [{"aksi": l.aksi, "label": l.label, "dari": ", ".join(STATUS[s] for s in l.dari) or "—",
             "ke": STATUS[l.ke] if l.ke else "(tetap)", "aktor": l.aktor, "surat": JENIS_SURAT.get(l.surat, "")}
            for l in TABEL.values()]
