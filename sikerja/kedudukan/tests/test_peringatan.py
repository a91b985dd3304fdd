"""Typed warnings (issue 8.2): pages and the engine branch on codes, never on wording."""

from __future__ import annotations

import pytest

from sikerja.kedudukan import peringatan as pr
from sikerja.kedudukan.models import Kedudukan
from sikerja.kedudukan.peringatan import Peringatan
from sikerja.kedudukan.tests.test_profil_data import RSUD
from sikerja.kedudukan.tests.util import kedudukan, nip, org_from_yaml
from sikerja.organisasi.testing import buat_organisasi

GRATI_MADYA = RSUD + f"""  - {{nip: "{nip(7)}", nama: Madya, jabatan: Dokter Ahli Madya, jenis_jabatan: fungsional, jenjang: ahli_madya, unit: RS-MED}}
"""


def test_grati_ahli_madya_warns_by_code_with_the_article_pasuruan_lampiran_ii_d_6_huruf_k():
    h = kedudukan(org_from_yaml(GRATI_MADYA), nip(7))
    assert h.kode_peringatan == [pr.TANPA_PUO, pr.MENUNGGU_DELEGASI]
    assert h.peringatan[0].dasar == "Perbup Pasuruan 217/2023, Lampiran II.D.6.b huruf k, huruf l dan huruf o"
    assert "Lampiran II.D.5.b huruf l" in (h.peringatan[1].dasar or "")


def test_delegating_pengelolaan_lifts_the_tanpa_puo_warning_by_its_code_pasuruan_lampiran_ii_d_6_huruf_l():
    text = GRATI_MADYA + f"""delegasi:
  - {{dari: "{nip(2)}", kepada: "{nip(5)}", wewenang: pengelolaan_kinerja, nomor_sk: "800/7/2024"}}
"""
    h = kedudukan(org_from_yaml(text), nip(7))
    assert h.kode_peringatan == [] and h.pimpinan_unit is not None and h.pimpinan_unit.nip == nip(5)


@pytest.mark.django_db
def test_stored_warnings_keep_code_message_and_basis_and_the_monitoring_page_groups_by_code():
    instansi = buat_organisasi(GRATI_MADYA)
    k = Kedudukan.objects.select_related("penjelasan").get(pegawai__nip=nip(7), berlaku_sampai=None)
    assert [w.kode for w in k.peringatan] == [pr.TANPA_PUO, pr.MENUNGGU_DELEGASI]
    assert k.penjelasan.peringatan[0]["dasar"].startswith("Perbup Pasuruan")
    assert instansi.profil == "pasuruan"


def test_a_bare_stored_string_reads_as_an_uncoded_warning():
    assert Peringatan.dari_data("Teks lama") == Peringatan(pr.LAIN, "Teks lama")
    assert str(Peringatan(pr.TANPA_PPK, "Belum ada PPK.")) == "Belum ada PPK."


def test_migration_gives_legacy_warning_strings_their_codes():
    import importlib

    m = importlib.import_module("sikerja.kedudukan.migrations.0004_peringatan_berkode")
    assert m._kode("Belum ada pimpinan unit organisasi.") == pr.TANPA_PUO
    assert m._kode("Belum ada Pejabat Penilai Kinerja (PPK).") == pr.TANPA_PPK
    assert m._kode("Menunggu pendelegasian pengelolaan kinerja dari X.") == pr.MENUNGGU_DELEGASI
    assert m._kode("Tidak ada aturan profil pasuruan untuk Pelaksana di unit X; …") == pr.TANPA_ATURAN
    assert all(m._kode(t) in pr.KODE for t in ("apa saja", "Penerima delegasi A tidak lebih tinggi dari B."))
