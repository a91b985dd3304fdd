"""The pure rules of the tim_kerja profile blocks (no database), each citing its article."""

from __future__ import annotations

import pytest

from sikerja.timkerja import aturan
from sikerja.timkerja.aturan import Tempat, aturan_tim
from sikerja.timkerja.errors import KetuaTidakMemenuhi, LaporanTidakSah, PerluAlasan, PolaTidakDiizinkan

PROFIL = ["blitar", "pasuruan", "magelang", "karangasem", "pekanbaru", "nasional"]


def t(instansi: int = 1, pd: int = 10, bidang: int = 100, unit: int = 100, jab: str = "fungsional") -> Tempat:
    return Tempat(instansi=instansi, pd=pd, bidang=bidang, unit=unit, leluhur=frozenset({unit, bidang, pd}),
                  jenis_jabatan=jab)


def test_pola_is_derived_from_placements():
    assert aturan.pola_dari([t(), t(unit=101, bidang=100)]) == "internal"
    assert aturan.pola_dari([t(), t(bidang=200, unit=200)]) == "antar_bidang"
    assert aturan.pola_dari([t(), t(pd=20, bidang=300, unit=300)]) == "lintas_pd"
    assert aturan.pola_dari([t(), t(instansi=2, pd=90, bidang=900, unit=900)]) == "lintas_instansi"


@pytest.mark.parametrize("profil", PROFIL)
def test_every_profile_has_a_tim_kerja_block(profil):
    a = aturan_tim(profil)
    assert a.pola_diizinkan and a.ketua_jenis_jabatan and a.get("instrumen", "internal")
    assert a.dasar("ketua", "dasar").startswith(a.singkatan)


def test_magelang_forbids_lintas_instansi_pasal_11_and_14():
    with pytest.raises(PolaTidakDiizinkan) as e:
        aturan.periksa_pola(aturan_tim("magelang"), "lintas_instansi")
    assert "Perwal Magelang 25/2023 Pasal 11 ayat (2) dan Pasal 14 ayat (1)" in e.value.pesan
    assert e.value.kode == "TK-01"


@pytest.mark.parametrize("profil", ["blitar", "pasuruan", "karangasem", "pekanbaru", "nasional"])
def test_other_profiles_allow_lintas_instansi(profil):
    aturan.periksa_pola(aturan_tim(profil), "lintas_instansi")


def test_blitar_ketua_may_be_pengawas_or_jpt_but_not_administrator_pasal_21_ayat_4():
    a = aturan_tim("blitar")
    for j in ("jpt_pratama", "pengawas", "fungsional", "pelaksana"):
        aturan.periksa_jabatan_ketua(a, j)
    with pytest.raises(KetuaTidakMemenuhi) as e:
        aturan.periksa_jabatan_ketua(a, "administrator")
    assert "Perwal Blitar 6/2023 Pasal 21 ayat (4)" in e.value.pesan


@pytest.mark.parametrize("profil,dasar", [
    ("pasuruan", "Perbup Pasuruan 217/2023 Lampiran II.B.3.A angka 3"),
    ("magelang", "Perwal Magelang 25/2023 Pasal 11 ayat (3)"),
    ("karangasem", "Perbup Karangasem 15/2023 Pasal 16 ayat (3)"),
    ("pekanbaru", "Perwal Pekanbaru 44/2023 Lampiran 3) Pelaksanaan Tugas huruf c"),
])
def test_other_profiles_ketua_only_jf_or_pelaksana(profil, dasar):
    a = aturan_tim(profil)
    aturan.periksa_jabatan_ketua(a, "fungsional")
    aturan.periksa_jabatan_ketua(a, "pelaksana")
    for j in ("pengawas", "administrator"):
        with pytest.raises(KetuaTidakMemenuhi) as e:
            aturan.periksa_jabatan_ketua(a, j)
        assert dasar in e.value.pesan


def test_blitar_ketua_of_antar_bidang_team_must_come_from_unit_pemilik_pasal_21_ayat_1_a():
    a = aturan_tim("blitar")
    pemilik = t(unit=100, bidang=100)
    luar = t(unit=200, bidang=200)
    with pytest.raises(KetuaTidakMemenuhi) as e:
        aturan.periksa_asal_ketua(a, pola="antar_bidang", ketua=luar, pemilik=pemilik, peserta=[pemilik, luar],
                                  alasan="alasan apa pun tidak cukup")
    assert "Pasal 21 ayat (1) huruf a" in e.value.pesan
    assert aturan.periksa_asal_ketua(a, pola="antar_bidang", ketua=t(unit=101, bidang=100) if False else pemilik,
                                     pemilik=pemilik, peserta=[pemilik, luar]) == ""


def test_blitar_lintas_pd_ketua_from_any_participating_pd_pasal_21_ayat_1_b():
    a = aturan_tim("blitar")
    pemilik, lain = t(), t(pd=20, bidang=300, unit=300)
    assert aturan.periksa_asal_ketua(a, pola="lintas_pd", ketua=lain, pemilik=pemilik, peserta=[pemilik, lain]) == ""
    asing = t(pd=30, bidang=400, unit=400)
    with pytest.raises(KetuaTidakMemenuhi, match=r"huruf b"):
        aturan.periksa_asal_ketua(a, pola="lintas_pd", ketua=asing, pemilik=pemilik, peserta=[pemilik, lain])


def test_blitar_lintas_instansi_ketua_from_a_participating_instansi_pasal_21_ayat_1_c():
    a = aturan_tim("blitar")
    pemilik, lain = t(), t(instansi=2, pd=90, bidang=900, unit=900)
    assert aturan.periksa_asal_ketua(a, pola="lintas_instansi", ketua=lain, pemilik=pemilik,
                                     peserta=[pemilik, lain]) == ""
    with pytest.raises(KetuaTidakMemenuhi, match=r"huruf c"):
        aturan.periksa_asal_ketua(a, pola="lintas_instansi", ketua=t(instansi=3, pd=5, bidang=5, unit=5),
                                  pemilik=pemilik, peserta=[pemilik, lain])


@pytest.mark.parametrize("profil,dasar", [
    ("pasuruan", "Pasal 9 ayat (3)"), ("karangasem", "Pasal 12 ayat (9) dan Pasal 16 ayat (4)"),
])
def test_diutamakan_origin_needs_a_written_reason_and_becomes_a_warning(profil, dasar):
    a = aturan_tim(profil)
    pemilik, luar = t(unit=100, bidang=100), t(unit=200, bidang=200)
    with pytest.raises(PerluAlasan) as e:
        aturan.periksa_asal_ketua(a, pola="antar_bidang", ketua=luar, pemilik=pemilik, peserta=[pemilik, luar])
    assert dasar in e.value.pesan
    w = aturan.periksa_asal_ketua(a, pola="antar_bidang", ketua=luar, pemilik=pemilik, peserta=[pemilik, luar],
                                  alasan="Satu-satunya statistisi")
    assert "diutamakan" in w and "Satu-satunya statistisi" in w


@pytest.mark.parametrize("profil", ["magelang", "pekanbaru"])
def test_magelang_and_pekanbaru_prefer_the_pd_pemilik_so_another_bidang_is_fine(profil):
    a = aturan_tim(profil)
    pemilik, luar = t(unit=100, bidang=100), t(unit=200, bidang=200)
    assert aturan.periksa_asal_ketua(a, pola="antar_bidang", ketua=luar, pemilik=pemilik,
                                     peserta=[pemilik, luar]) == ""
    with pytest.raises(PerluAlasan):
        aturan.periksa_asal_ketua(a, pola="lintas_pd", ketua=t(pd=20, bidang=300, unit=300), pemilik=pemilik,
                                  peserta=[pemilik])


def test_blitar_instruments_per_pola_pasal_21_ayat_1():
    a = aturan_tim("blitar")
    assert aturan.instrumen(a, "internal").jenis == "surat_perintah"
    assert aturan.instrumen(a, "internal").penandatangan == "puo"
    assert aturan.instrumen(a, "lintas_pd").penandatangan == "sekretaris_daerah"
    ki = aturan.instrumen(a, "lintas_instansi")
    assert (ki.jenis, ki.penandatangan) == ("keputusan_kepala_daerah", "kepala_daerah")
    assert ki.dasar == "Perwal Blitar 6/2023 Pasal 21 ayat (1) huruf c"


def test_magelang_instrument_is_surat_penugasan_of_the_ppk_pasal_12_ayat_4():
    ins = aturan.instrumen(aturan_tim("magelang"), "antar_bidang")
    assert (ins.jenis, ins.penandatangan) == ("surat_penugasan", "ppk")
    assert "Pasal 12 ayat (4)" in ins.dasar


def test_magelang_reports_on_demand_only_from_the_ketua_pasal_16_ayat_3():
    with pytest.raises(LaporanTidakSah) as e:
        aturan.periksa_sasaran_permintaan(aturan_tim("magelang"), "anggota")
    assert "Perwal Magelang 25/2023 Pasal 16 ayat (3)" in e.value.pesan
    aturan.periksa_sasaran_permintaan(aturan_tim("magelang"), "ketua")


@pytest.mark.parametrize("profil,dasar", [("blitar", "Pasal 26 huruf d"), ("pasuruan", "Pasal 13 ayat (3)"),
                                          ("karangasem", "Pasal 20 ayat (3)"), ("pekanbaru", "Pasal 15 ayat (3)")])
def test_other_profiles_ask_ketua_or_member(profil, dasar):
    a = aturan_tim(profil)
    aturan.periksa_sasaran_permintaan(a, "anggota")
    assert dasar in a.dasar("laporan", "sewaktu_waktu", "dasar")


def test_blitar_members_may_be_administrator_or_pengawas_pasal_19_ayat_3():
    aturan.periksa_jabatan_anggota(aturan_tim("blitar"), "administrator")
    aturan.periksa_jabatan_anggota(aturan_tim("blitar"), "pengawas")
    with pytest.raises(Exception, match="Perbup Karangasem 15/2023 Pasal 12 ayat \\(4\\)"):
        aturan.periksa_jabatan_anggota(aturan_tim("karangasem"), "administrator")


def test_blitar_composition_justification_is_required_pasal_19_ayat_4():
    from sikerja.timkerja.errors import AturanDilanggar

    with pytest.raises(AturanDilanggar, match=r"Pasal 19 ayat \(4\)"):
        aturan.periksa_justifikasi(aturan_tim("blitar"), {"target": "x"})
    w = aturan.periksa_justifikasi(aturan_tim("pasuruan"), {"target": "x"})
    assert w and "beban kerja" in w[0]


def test_pasuruan_koordinator_cannot_form_a_team_lampiran_II_D_2_b_l():
    from sikerja.timkerja.errors import AturanDilanggar

    with pytest.raises(AturanDilanggar) as e:
        aturan.periksa_pembentuk(aturan_tim("pasuruan"), jenis_jabatan="pengawas", memimpin_unit_pemilik=True,
                                 koordinator_substansi=True)
    assert e.value.kode == "TK-07" and "II.D.2.b huruf l" in e.value.pesan
    # Blitar: a pengawas may form and lead (Pasal 21 ayat (4)).
    aturan.periksa_pembentuk(aturan_tim("blitar"), jenis_jabatan="pengawas", memimpin_unit_pemilik=True,
                             koordinator_substansi=True)


def test_over_capacity_needs_a_reason():
    a = aturan_tim("blitar")
    assert aturan.periksa_kapasitas(a, nama="X", sesudah=100, kapasitas=100, alasan="") == ""
    with pytest.raises(PerluAlasan, match="Pasal 28"):
        aturan.periksa_kapasitas(a, nama="X", sesudah=120, kapasitas=100, alasan="")
    assert "alasan" in aturan.periksa_kapasitas(a, nama="X", sesudah=120, kapasitas=100, alasan="Mendesak")


def test_a_profile_typo_is_refused_at_load():
    from sikerja.timkerja.aturan import BlokTimTidakSah, periksa_blok

    with pytest.raises(BlokTimTidakSah, match="pola 'lintas_negara'"):
        periksa_blok("x", {"pola_diizinkan": ["internal", "lintas_negara"]})
    with pytest.raises(BlokTimTidakSah, match="jenis jabatan 'adminstrator'"):
        periksa_blok("x", {"ketua": {"jenis_jabatan": ["adminstrator"]}})
    with pytest.raises(BlokTimTidakSah, match="tanpa dasar"):
        periksa_blok("x", {"instrumen": {"internal": {"jenis": "surat_perintah", "penandatangan": "puo"}}})
