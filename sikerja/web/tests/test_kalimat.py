"""sikerja.kalimat: Indonesian sentences joined from parts without the slips of issue #12 point 7."""

from __future__ import annotations

import pytest

from sikerja import kalimat


@pytest.mark.parametrize("masuk, keluar", [
    ("Surat 12 dicabut: Salah nomor..", "Surat 12 dicabut: salah nomor."),
    ("Belum ada PPK.; Menunggu pendelegasian.", "Belum ada PPK; menunggu pendelegasian."),
    ("Status: Selesai", "Status: selesai"),
    ("Tunggu sebentar...", "Tunggu sebentar..."),
])
def test_rapikan_repairs_the_joins(masuk, keluar):
    assert kalimat.rapikan(masuk) == keluar


@pytest.mark.parametrize("nama", [
    "Dinilai oleh I Made Budiarta, S.KM., M.Kes.; Anda menyampaikan",
    "Kepada dr. Zainal Ghozali, M.Kes., Kepala Dinas",
    "Tembusan: dr., Hj. Siti",
])
def test_rapikan_never_changes_an_abbreviation_in_a_name(nama):
    assert kalimat.rapikan(nama) == nama


def test_kalimat_ends_each_sentence_once():
    assert kalimat.kalimat("Surat 1/ST/2026 dicabut.", "Penugasan berakhir") == \
        "Surat 1/ST/2026 dicabut. Penugasan berakhir."
    assert kalimat.kalimat("Disimpan", None, "", "Benarkah?") == "Disimpan. Benarkah?"
    assert kalimat.kalimat() == ""


def test_gabung_joins_sentences_into_one():
    assert kalimat.gabung(["Belum ada PPK.", "Menunggu pendelegasian."]) == "Belum ada PPK; menunggu pendelegasian."
    assert kalimat.gabung([]) == ""


@pytest.mark.parametrize("unsur, keluar", [
    ([], ""), (["kertas"], "kertas"), (["kertas", "pena"], "kertas dan pena"),
    (["kertas", "pena", "tinta"], "kertas, pena, dan tinta"),  # PUEBI: comma before "dan" in a list
])
def test_daftar_enumerates_as_puebi_writes(unsur, keluar):
    assert kalimat.daftar(unsur) == keluar


def test_daftar_with_atau():
    assert kalimat.daftar(["PPK", "PUO", "PyB"], "atau") == "PPK, PUO, atau PyB"
