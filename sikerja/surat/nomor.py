"""Letter numbers: the counter per instansi and year, and the instansi's numbering format.

The format (``Instansi.format_nomor_surat``, set on the Pengaturan page) may use only the
documented placeholders, and ``{nomor}`` only with a small zero-padded width: an admin must
not be able to make issuing fail, or print a number that does not fit its column
(issue 10 point 9). :func:`periksa_format` is the one check, used when the setting is saved;
:func:`format_nomor` still falls back to the default for a format stored before the check.
"""

from __future__ import annotations

import re
import string
from datetime import date

from sikerja.organisasi.models import Instansi

from .errors import FormatNomorTidakSah
from .models import NomorSurat, Surat

PLACEHOLDER = {
    "kode": "kode jenis surat",
    "nomor": "nomor urut",
    "singkatan": "singkatan instansi",
    "tahun": "tahun",
    "bulan_romawi": "bulan (angka Romawi)",
}
# "{nomor}", "{nomor:4}" ... "{nomor:06d}": a width of at most 6, optionally zero-padded.
_SPEC_NOMOR = re.compile(r"^0?[1-6]?d?$")
PANJANG_MAKS = Surat._meta.get_field("nomor").max_length or 120
ROMAWI = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
FORMAT_BAKU = "{kode}/{nomor:04d}/{singkatan}/{tahun}"


def periksa_format(fmt: str, *, singkatan: str = "SINGKATAN") -> str:
    """Return ``fmt`` stripped, or raise :class:`FormatNomorTidakSah` saying what to fix."""
    fmt = fmt.strip()
    daftar = ", ".join("{" + k + "}" for k in PLACEHOLDER)
    try:
        bagian = list(string.Formatter().parse(fmt))
    except ValueError as e:
        raise FormatNomorTidakSah(
            f"Format nomor surat tidak dapat dibaca ({e}); kurung kurawal hanya untuk placeholder {daftar}.") from e
    ada_nomor = False
    for _teks, nama, spec, konversi in bagian:
        if nama is None:
            continue
        if nama not in PLACEHOLDER:
            raise FormatNomorTidakSah(f"Placeholder {{{nama}}} tidak dikenal; gunakan hanya {daftar}.")
        if konversi:
            raise FormatNomorTidakSah(f"Konversi !{konversi} pada {{{nama}}} tidak diizinkan.")
        if nama == "nomor":
            ada_nomor = True
            if spec and not _SPEC_NOMOR.match(spec):
                raise FormatNomorTidakSah(
                    f"Lebar {{nomor:{spec}}} tidak diizinkan; gunakan {{nomor}} atau {{nomor:04d}} (lebar paling 6).")
        elif spec:
            raise FormatNomorTidakSah(f"{{{nama}}} tidak boleh diberi format tambahan (:{spec}).")
    if not ada_nomor:
        raise FormatNomorTidakSah("Format harus memuat {nomor}, agar tiap surat bernomor unik.")
    contoh = _isi(fmt, kode="X" * 8, nomor=999999, singkatan=singkatan or "X", tahun=9999, bulan="VIII")
    if len(contoh) > PANJANG_MAKS:
        raise FormatNomorTidakSah(
            f"Nomor surat menurut format ini bisa sepanjang {len(contoh)} karakter; paling panjang {PANJANG_MAKS}.")
    return fmt


def _isi(fmt: str, *, kode: str, nomor: int, singkatan: str, tahun: int, bulan: str) -> str:
    return fmt.format(kode=kode, nomor=nomor, singkatan=singkatan, tahun=tahun, bulan_romawi=bulan)


def format_nomor(instansi: Instansi, kode_jenis: str, nomor: int, tanggal: date) -> str:
    """The printed number of a letter of kind code ``kode_jenis`` (e.g. "ST")."""
    singkatan = instansi.singkatan or instansi.kode.upper()
    try:
        fmt = periksa_format(instansi.format_nomor_surat, singkatan=singkatan)
    except FormatNomorTidakSah:
        # A format stored before it was checked must not stop letters.
        fmt = FORMAT_BAKU
    return _isi(fmt, kode=kode_jenis, nomor=nomor, singkatan=singkatan, tahun=tanggal.year,
                bulan=ROMAWI[tanggal.month - 1])[:PANJANG_MAKS]


def ambil_nomor(instansi: Instansi, tahun: int) -> int:
    """The next number of ``instansi`` in ``tahun``; the counter row stays locked until commit."""
    NomorSurat.objects.get_or_create(instansi=instansi, tahun=tahun)
    counter = NomorSurat.objects.select_for_update().get(instansi=instansi, tahun=tahun)
    counter.terakhir += 1
    counter.save(update_fields=["terakhir"])
    return counter.terakhir
