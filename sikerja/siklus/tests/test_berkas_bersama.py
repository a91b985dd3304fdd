"""One evidence-file check (sikerja.berkas) for tim kerja reports and siklus progress: the same kinds,
the same content check, each app's own limits and typed error."""

from __future__ import annotations

import pytest

from sikerja import berkas
from sikerja.siklus import services as siklus
from sikerja.siklus.aturan import aturan_siklus
from sikerja.siklus.errors import BerkasTidakSah
from sikerja.timkerja import services as timkerja
from sikerja.timkerja.errors import BuktiTidakSah


def test_both_apps_use_the_shared_file_type_and_helper():
    assert siklus.Berkas is timkerja.Berkas is berkas.Berkas
    assert berkas.jenis_konten("Peta.PDF") == "application/pdf"


@pytest.mark.parametrize(("nama", "isi", "pesan"), [
    ("skrip.exe", b"MZ", "jenis tidak diterima"),
    ("palsu.xlsx", b"<html>", "tidak sesuai dengan jenisnya"),
])
def test_the_same_refusal_in_both_apps_with_each_apps_error(nama, isi, pesan):
    b = [berkas.Berkas(nama, isi)]
    with pytest.raises(BuktiTidakSah, match=pesan):
        timkerja._periksa_bukti(b)
    with pytest.raises(BerkasTidakSah, match=pesan):
        siklus._periksa_berkas(aturan_siklus("pasuruan"), b)


def test_each_app_keeps_its_own_limits():
    """Tim kerja: 5 MB per file [P]; siklus: the profile's limit (10 MB by default)."""
    b = [berkas.Berkas("laporan.pdf", b"%PDF" + b"0" * (6 * 1024 * 1024))]
    with pytest.raises(BuktiTidakSah, match="lebih dari 5 MB"):
        timkerja._periksa_bukti(b)
    siklus._periksa_berkas(aturan_siklus("pasuruan"), b)
    with pytest.raises(BuktiTidakSah, match="per laporan"):
        timkerja._periksa_bukti([berkas.Berkas("a.csv", b"x")] * 6)
