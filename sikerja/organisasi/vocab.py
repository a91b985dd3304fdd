"""The fixed vocabularies of the organisation model (SPEC §2).

Imports, profiles and the database all speak these words; keeping them in one
module means a typo in a profile or an import file is caught by validation
instead of silently matching nothing.
"""

from __future__ import annotations

JENIS_UNIT: tuple[str, ...] = (
    "sekretariat_daerah",
    "asisten",
    "bagian",
    "subbagian",
    "sekretariat_dprd",
    "inspektorat",
    "inspektur_pembantu",
    "dinas",
    "badan",
    "sekretariat",
    "bidang",
    "subbidang",
    "seksi",
    "kecamatan",
    "kelurahan",
    "uptd",
    "rsud",
    "wakil_direktur",
    "puskesmas",
    "satuan_pendidikan",
)

LABEL_JENIS_UNIT: dict[str, str] = {
    "sekretariat_daerah": "Sekretariat Daerah",
    "asisten": "Asisten",
    "bagian": "Bagian",
    "subbagian": "Subbagian",
    "sekretariat_dprd": "Sekretariat DPRD",
    "inspektorat": "Inspektorat",
    "inspektur_pembantu": "Inspektur Pembantu",
    "dinas": "Dinas",
    "badan": "Badan",
    "sekretariat": "Sekretariat",
    "bidang": "Bidang",
    "subbidang": "Subbidang",
    "seksi": "Seksi",
    "kecamatan": "Kecamatan",
    "kelurahan": "Kelurahan",
    "uptd": "UPTD",
    "rsud": "RSUD",
    "wakil_direktur": "Wakil Direktur",
    "puskesmas": "Puskesmas",
    "satuan_pendidikan": "Satuan Pendidikan",
}

# Units that hang under a Perangkat Daerah but lead themselves (SPEC §2):
# their head is "Level I" of their own organisation.
JENIS_UNIT_MANDIRI: frozenset[str] = frozenset(
    {"uptd", "rsud", "puskesmas", "satuan_pendidikan", "kelurahan"}
)

JENIS_JABATAN: tuple[str, ...] = (
    "jpt_madya",
    "jpt_pratama",
    "administrator",
    "pengawas",
    "fungsional",
    "pelaksana",
)

LABEL_JENIS_JABATAN: dict[str, str] = {
    "jpt_madya": "JPT Madya",
    "jpt_pratama": "JPT Pratama",
    "administrator": "Administrator",
    "pengawas": "Pengawas",
    "fungsional": "Fungsional",
    "pelaksana": "Pelaksana",
}

# Blitar Pasal 12–13: jenjang keahlian and keterampilan, highest first.
JENJANG_KEAHLIAN: tuple[str, ...] = ("ahli_utama", "ahli_madya", "ahli_muda", "ahli_pertama")
JENJANG_KETERAMPILAN: tuple[str, ...] = ("penyelia", "mahir", "terampil", "pemula")
JENJANG: tuple[str, ...] = JENJANG_KEAHLIAN + JENJANG_KETERAMPILAN

LABEL_JENJANG: dict[str, str] = {
    "ahli_utama": "Ahli Utama",
    "ahli_madya": "Ahli Madya",
    "ahli_muda": "Ahli Muda",
    "ahli_pertama": "Ahli Pertama",
    "penyelia": "Penyelia",
    "mahir": "Mahir",
    "terampil": "Terampil",
    "pemula": "Pemula",
}

STATUS_PEGAWAI: tuple[str, ...] = ("pns", "pppk")

WEWENANG_DELEGASI: tuple[str, ...] = ("penilaian_kinerja", "pengelolaan_kinerja")

LABEL_WEWENANG: dict[str, str] = {
    "penilaian_kinerja": "Penilaian kinerja (menjadi PPK)",
    "pengelolaan_kinerja": "Pengelolaan kinerja (menjadi pimpinan unit)",
}

# The regulation profiles are not a vocabulary here: they are the files of the profile
# directories (``kedudukan.engine.available_profiles()``), so a new Pemda needs no code.


def choices(values: tuple[str, ...], labels: dict[str, str]) -> list[tuple[str, str]]:
    return [(v, labels.get(v, v)) for v in values]
