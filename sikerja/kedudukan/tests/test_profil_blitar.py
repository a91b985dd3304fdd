"""Profil blitar: Perwal Blitar 6/2023, Pasal 14, 17, 18 and Lampiran huruf B.

One small Kota Blitar organisation (Setda, Dinas Kesehatan with a Puskesmas and
a pengawas-led UPT, a Kecamatan with a Kelurahan); each test checks one article.
"""

from sikerja.kedudukan.tests.util import kedudukan, nip, nip_of, org_from_yaml

SINGKATAN = "Perwal Blitar 6/2023"

ORG = f"""
instansi: {{kode: blitar, nama: Pemerintah Kota Blitar, profil: blitar}}
unit:
  - {{kode: SETDA, nama: Sekretariat Daerah, jenis: sekretariat_daerah}}
  - {{kode: ASPEM, nama: Asisten Pemerintahan dan Kesejahteraan Rakyat, jenis: asisten, induk: SETDA}}
  - {{kode: BAGHUK, nama: Bagian Hukum, jenis: bagian, induk: ASPEM}}
  - {{kode: DINKES, nama: Dinas Kesehatan, jenis: dinas}}
  - {{kode: SEKDINKES, nama: Sekretariat Dinas Kesehatan, jenis: sekretariat, induk: DINKES}}
  - {{kode: SUBUMUM, nama: Subbagian Umum dan Kepegawaian, jenis: subbagian, induk: SEKDINKES}}
  - {{kode: P2P, nama: Bidang Pencegahan dan Pengendalian Penyakit, jenis: bidang, induk: DINKES}}
  - {{kode: PKM, nama: UPT Puskesmas Sananwetan, jenis: puskesmas, induk: DINKES}}
  - {{kode: LABKES, nama: UPT Laboratorium Kesehatan Daerah, jenis: uptd, induk: DINKES}}
  - {{kode: KEC, nama: Kecamatan Kepanjenkidul, jenis: kecamatan}}
  - {{kode: SIPEM, nama: Seksi Pemerintahan, jenis: seksi, induk: KEC}}
  - {{kode: KELBENDO, nama: Kelurahan Bendo, jenis: kelurahan, induk: KEC}}
pegawai:
  - {{nip: "{nip(1)}", nama: Sekda, jabatan: Sekretaris Daerah, jenis_jabatan: jpt_pratama, unit: SETDA, kepala_unit: true}}
  - {{nip: "{nip(2)}", nama: Asisten, jabatan: Asisten Pemerintahan dan Kesra, jenis_jabatan: jpt_pratama, unit: ASPEM, kepala_unit: true}}
  - {{nip: "{nip(3)}", nama: Kabag, jabatan: Kepala Bagian Hukum, jenis_jabatan: administrator, unit: BAGHUK, kepala_unit: true}}
  - {{nip: "{nip(4)}", nama: Rina, jabatan: Perancang Peraturan Perundang-undangan Ahli Muda, jenis_jabatan: fungsional, jenjang: ahli_muda, unit: BAGHUK}}
  - {{nip: "{nip(5)}", nama: Hadi, jabatan: Analis Hukum Ahli Madya, jenis_jabatan: fungsional, jenjang: ahli_madya, unit: BAGHUK}}
  - {{nip: "{nip(6)}", nama: Kadis, jabatan: Kepala Dinas Kesehatan, jenis_jabatan: jpt_pratama, unit: DINKES, kepala_unit: true}}
  - {{nip: "{nip(7)}", nama: Sekdin, jabatan: Sekretaris Dinas Kesehatan, jenis_jabatan: administrator, unit: SEKDINKES, kepala_unit: true}}
  - {{nip: "{nip(8)}", nama: Kasubag, jabatan: Kepala Subbagian Umum dan Kepegawaian, jenis_jabatan: pengawas, unit: SUBUMUM, kepala_unit: true}}
  - {{nip: "{nip(9)}", nama: Kabid, jabatan: Kepala Bidang P2P, jenis_jabatan: administrator, unit: P2P, kepala_unit: true}}
  - {{nip: "{nip(10)}", nama: Sari, jabatan: Epidemiolog Kesehatan Ahli Muda, jenis_jabatan: fungsional, jenjang: ahli_muda, unit: P2P}}
  - {{nip: "{nip(11)}", nama: Tono, jabatan: Epidemiolog Kesehatan Ahli Pertama, jenis_jabatan: fungsional, jenjang: ahli_pertama, unit: P2P}}
  - {{nip: "{nip(12)}", nama: Wati, jabatan: Administrator Kesehatan Ahli Madya, jenis_jabatan: fungsional, jenjang: ahli_madya, unit: P2P}}
  - {{nip: "{nip(13)}", nama: Yudi, jabatan: Arsiparis Terampil, jenis_jabatan: fungsional, jenjang: terampil, unit: SUBUMUM}}
  - {{nip: "{nip(14)}", nama: Eka, jabatan: Pengadministrasi Perkantoran, jenis_jabatan: pelaksana, unit: SUBUMUM}}
  - {{nip: "{nip(15)}", nama: Fajar, jabatan: Pengolah Data dan Informasi, jenis_jabatan: pelaksana, unit: P2P}}
  - {{nip: "{nip(16)}", nama: dr. Lina, jabatan: Dokter Ahli Muda (Kepala Puskesmas), jenis_jabatan: fungsional, jenjang: ahli_muda, unit: PKM, kepala_unit: true}}
  - {{nip: "{nip(17)}", nama: Nia, jabatan: Perawat Terampil, jenis_jabatan: fungsional, jenjang: terampil, unit: PKM}}
  - {{nip: "{nip(18)}", nama: dr. Bayu, jabatan: Dokter Ahli Muda, jenis_jabatan: fungsional, jenjang: ahli_muda, unit: PKM}}
  - {{nip: "{nip(19)}", nama: Dodi, jabatan: Pengadministrasi Umum, jenis_jabatan: pelaksana, unit: PKM}}
  - {{nip: "{nip(20)}", nama: Kepala Labkesda, jabatan: Kepala UPT Laboratorium Kesehatan Daerah, jenis_jabatan: pengawas, unit: LABKES, kepala_unit: true}}
  - {{nip: "{nip(21)}", nama: Ratna, jabatan: Pranata Laboratorium Kesehatan Mahir, jenis_jabatan: fungsional, jenjang: mahir, unit: LABKES}}
  - {{nip: "{nip(22)}", nama: Camat, jabatan: Camat Kepanjenkidul, jenis_jabatan: administrator, unit: KEC, kepala_unit: true}}
  - {{nip: "{nip(23)}", nama: Kasi, jabatan: Kepala Seksi Pemerintahan, jenis_jabatan: pengawas, unit: SIPEM, kepala_unit: true}}
  - {{nip: "{nip(24)}", nama: Agus, jabatan: Analis Kebijakan Ahli Pertama, jenis_jabatan: fungsional, jenjang: ahli_pertama, unit: SIPEM}}
  - {{nip: "{nip(25)}", nama: Budi, jabatan: Pengadministrasi Pemerintahan, jenis_jabatan: pelaksana, unit: SIPEM}}
  - {{nip: "{nip(26)}", nama: Lurah, jabatan: Lurah Bendo, jenis_jabatan: pengawas, unit: KELBENDO, kepala_unit: true}}
  - {{nip: "{nip(27)}", nama: Citra, jabatan: Pranata Komputer Ahli Pertama, jenis_jabatan: fungsional, jenjang: ahli_pertama, unit: KELBENDO}}
  - {{nip: "{nip(28)}", nama: Dimas, jabatan: Penyuluh Sosial Ahli Muda, jenis_jabatan: fungsional, jenjang: ahli_muda, unit: KELBENDO}}
  - {{nip: "{nip(29)}", nama: Endah, jabatan: Pengadministrasi Kelurahan, jenis_jabatan: pelaksana, unit: KELBENDO}}
  - {{nip: "{nip(30)}", nama: Gita, jabatan: Administrator Kesehatan Ahli Muda, jenis_jabatan: fungsional, jenjang: ahli_muda, unit: DINKES}}
  - {{nip: "{nip(31)}", nama: Hana, jabatan: Analis Kebijakan Ahli Madya, jenis_jabatan: fungsional, jenjang: ahli_madya, unit: KEC}}
"""


def dengan_delegasi(*baris: str) -> str:
    return ORG + "delegasi:\n" + "".join(f"  - {b}\n" for b in baris)


def tanpa(*nomor: int) -> str:
    """The organisation with the posts of these pegawai left vacant."""
    hapus = {nip(n) for n in nomor}
    return "\n".join(line for line in ORG.splitlines() if not any(h in line for h in hapus)) + "\n"


def dasar(h) -> str:
    return " | ".join(h.dasar_hukum)


def menunggu(h, wewenang: str = "penilaian kinerja") -> bool:
    return any(f"Menunggu pendelegasian {wewenang}" in w for w in h.pesan_peringatan)


# --- Lampiran huruf B angka 1 jo. Pasal 17 ayat (2): PD dipimpin JPT Pratama -------------


def test_lampiran_B1_ahli_muda_in_bidang_is_rated_by_kepala_dinas_until_pelimpahan():
    h = kedudukan(org_from_yaml(ORG), nip(10))
    assert nip_of(h, "ppk") == nip(6)
    assert nip_of(h, "pimpinan_unit") == nip(6)
    assert h.koordinator is None
    assert f"{SINGKATAN}, Lampiran huruf B angka 1 jo. Pasal 17 ayat (2) huruf a" in dasar(h)
    assert menunggu(h)


def test_lampiran_B1_pelimpahan_penilaian_puts_the_ahli_muda_under_the_kabid():
    # "berada dibawah dan bertanggung jawab langsung kepada ... Pejabat Administrator setelah ada
    # pelimpahan penilaian kinerja"; "Arahan dan ekspektasi target kinerja disampaikan Pejabat
    # Administrator": the Kabid becomes PPK and pimpinan unit.
    org = org_from_yaml(
        dengan_delegasi(f'{{dari: "{nip(6)}", kepada: "{nip(9)}", wewenang: penilaian_kinerja, pegawai: ["{nip(10)}", "{nip(11)}"]}}')
    )
    h = kedudukan(org, nip(10))
    assert nip_of(h, "ppk") == nip(9)
    assert nip_of(h, "pimpinan_unit") == nip(9)
    assert h.peringatan == []
    assert any(d.startswith(f"{SINGKATAN}, Pasal 17 ayat (1) jo. Lampiran huruf B angka 1") for d in h.dasar_hukum)
    # Ahli Madya is not in the delegation: still the Kepala Dinas.
    assert nip_of(kedudukan(org, nip(12)), "ppk") == nip(6)


def test_pasal_17_ayat_2_pengelolaan_delegation_makes_kabid_pimpinan_unit():
    org = org_from_yaml(
        dengan_delegasi(
            f'{{dari: "{nip(6)}", kepada: "{nip(9)}", wewenang: penilaian_kinerja, pegawai: ["{nip(10)}"]}}',
            f'{{dari: "{nip(6)}", kepada: "{nip(9)}", wewenang: pengelolaan_kinerja, pegawai: ["{nip(10)}"]}}',
        )
    )
    h = kedudukan(org, nip(10))
    assert nip_of(h, "ppk") == nip(9)
    assert nip_of(h, "pimpinan_unit") == nip(9)
    assert f"{SINGKATAN}, Pasal 17 ayat (1) jo. Lampiran huruf B angka 1" in dasar(h)
    assert h.peringatan == []


def test_pasal_17_ayat_1_an_sk_worded_as_pengelolaan_kinerja_also_makes_the_kabid_ppk():
    # Pasal 17 ayat (1) calls the pelimpahan "sebagian tanggung jawab pengelolaan kinerja".
    org = org_from_yaml(
        dengan_delegasi(f'{{dari: "{nip(6)}", kepada: "{nip(9)}", wewenang: pengelolaan_kinerja, pegawai: ["{nip(10)}"]}}')
    )
    h = kedudukan(org, nip(10))
    assert (nip_of(h, "ppk"), nip_of(h, "pimpinan_unit")) == (nip(9), nip(9))
    assert not menunggu(h)


def test_pasal_17_ayat_2_huruf_a_ahli_muda_delegated_to_a_pengawas_is_flagged():
    # "ahli muda dilakukan oleh jabatan administrator": a Kasubag (≈ Ahli Muda) may not rate him.
    org = org_from_yaml(
        dengan_delegasi(f'{{dari: "{nip(6)}", kepada: "{nip(8)}", wewenang: penilaian_kinerja, pegawai: ["{nip(10)}"]}}')
    )
    h = kedudukan(org, nip(10))
    assert nip_of(h, "ppk") == nip(8)
    assert any("tidak lebih tinggi" in w for w in h.pesan_peringatan)


def test_pasal_17_ayat_2_huruf_b_arsiparis_terampil_delegated_to_kasubag():
    org = org_from_yaml(
        dengan_delegasi(f'{{dari: "{nip(6)}", kepada: "{nip(8)}", wewenang: penilaian_kinerja, jenjang: [terampil, ahli_pertama]}}')
    )
    h = kedudukan(org, nip(13))
    assert nip_of(h, "ppk") == nip(8)
    assert h.peringatan == []
    assert f"{SINGKATAN}, Lampiran huruf B angka 1 jo. Pasal 17 ayat (2) huruf b" in dasar(h)


def test_pasal_14_ayat_2_ahli_madya_stays_with_kepala_dinas_and_expects_no_delegation():
    h = kedudukan(org_from_yaml(ORG), nip(12))
    assert nip_of(h, "ppk") == nip(6)
    assert nip_of(h, "pimpinan_unit") == nip(6)
    assert h.peringatan == []
    assert f"{SINGKATAN}, Pasal 14 ayat (2) jo. Pasal 17 ayat (2)" in dasar(h)


def test_lampiran_B1_jf_placed_directly_under_jpt_pratama_needs_no_delegation():
    h = kedudukan(org_from_yaml(ORG), nip(30))
    assert nip_of(h, "ppk") == nip(6)
    assert nip_of(h, "pimpinan_unit") == nip(6)
    assert h.peringatan == []
    assert h.aturan == "blitar-jpt-jf-langsung"


# --- Pasal 17 ayat (3): pelaksana ----------------------------------------------------


def test_pasal_17_ayat_3_pelaksana_is_rated_directly_by_the_kasubag():
    h = kedudukan(org_from_yaml(ORG), nip(14))
    assert nip_of(h, "ppk") == nip(8)
    assert nip_of(h, "pimpinan_unit") == nip(8)
    assert h.peringatan == []
    assert f"{SINGKATAN}, Pasal 17 ayat (3)" in dasar(h)


def test_pasal_17_ayat_3_pelaksana_under_vacant_kasubag_goes_one_level_up():
    h = kedudukan(org_from_yaml(tanpa(8)), nip(14))
    assert nip_of(h, "ppk") == nip(7)
    assert nip_of(h, "pimpinan_unit") == nip(7)


def test_pasal_17_ayat_3_pelaksana_goes_two_levels_up_when_no_pengawas_nor_administrator():
    # Kabid P2P vacant and no pengawas in the bidang: the Kepala Dinas.
    h = kedudukan(org_from_yaml(tanpa(9)), nip(15))
    assert nip_of(h, "ppk") == nip(6)
    assert nip_of(h, "pimpinan_unit") == nip(6)


# --- Lampiran huruf B angka 2: Kecamatan ---------------------------------------------


def test_lampiran_B2_kecamatan_camat_is_ppk_and_kasi_is_pimpinan_unit():
    h = kedudukan(org_from_yaml(ORG), nip(24))
    assert nip_of(h, "ppk") == nip(22)
    assert nip_of(h, "pimpinan_unit") == nip(23)
    assert h.peringatan == []
    assert f"{SINGKATAN}, Lampiran huruf B angka 2" in dasar(h)


def test_lampiran_B2_pelaksana_under_kasi_is_also_rated_by_camat():
    h = kedudukan(org_from_yaml(ORG), nip(25))
    assert nip_of(h, "ppk") == nip(22)
    assert nip_of(h, "pimpinan_unit") == nip(23)


def test_lampiran_B2_ahli_madya_in_kecamatan_is_not_rated_by_camat_and_warns():
    # Camat (administrator ≈ Ahli Madya) does not rate an Ahli Madya; the Perwal names no one else.
    h = kedudukan(org_from_yaml(ORG), nip(31))
    assert h.ppk is None
    assert nip_of(h, "pimpinan_unit") == nip(22)
    assert "tanpa_ppk" in h.kode_peringatan
    assert any("tidak menilai JF Ahli Madya" in step for step in h.langkah)


# --- Lampiran huruf B angka 3: Kelurahan and UPT dipimpin pengawas ---------------------


def test_lampiran_B3_kelurahan_ahli_pertama_waits_for_camat_to_delegate_to_lurah():
    h = kedudukan(org_from_yaml(ORG), nip(27))
    assert nip_of(h, "ppk") == nip(22)
    assert nip_of(h, "pimpinan_unit") == nip(26)
    assert menunggu(h)
    assert f"{SINGKATAN}, Lampiran huruf B angka 3" in dasar(h)


def test_lampiran_B3_camat_delegation_makes_lurah_ppk():
    org = org_from_yaml(
        dengan_delegasi(f'{{dari: "{nip(22)}", kepada: "{nip(26)}", wewenang: penilaian_kinerja, pegawai: ["{nip(27)}"]}}')
    )
    h = kedudukan(org, nip(27))
    assert nip_of(h, "ppk") == nip(26)
    assert nip_of(h, "pimpinan_unit") == nip(26)
    assert h.peringatan == []


def test_lampiran_B3_ahli_muda_in_kelurahan_is_rated_by_camat_not_the_lurah():
    h = kedudukan(org_from_yaml(ORG), nip(28))
    assert nip_of(h, "ppk") == nip(22)
    assert nip_of(h, "pimpinan_unit") == nip(26)
    assert h.peringatan == []
    assert "Pasal 17 ayat (2) huruf a" in dasar(h)


def test_lampiran_B3_vacant_lurah_leaves_no_pimpinan_unit_and_warns():
    h = kedudukan(org_from_yaml(tanpa(26)), nip(27))
    assert nip_of(h, "ppk") == nip(22)
    assert h.pimpinan_unit is None
    assert "tanpa_puo" in h.kode_peringatan


def test_lampiran_B3_pelaksana_of_kelurahan_is_rated_by_lurah_directly():
    h = kedudukan(org_from_yaml(ORG), nip(29))
    assert nip_of(h, "ppk") == nip(26)
    assert h.peringatan == []


def test_lampiran_B3_upt_pengawas_head_rates_pranata_lab_after_kepala_dinas_delegates():
    org = org_from_yaml(ORG)
    before = kedudukan(org, nip(21))
    assert nip_of(before, "ppk") == nip(6) and menunggu(before)
    org = org_from_yaml(
        dengan_delegasi(f'{{dari: "{nip(6)}", kepada: "{nip(20)}", wewenang: penilaian_kinerja, pegawai: ["{nip(21)}"]}}')
    )
    h = kedudukan(org, nip(21))
    assert nip_of(h, "ppk") == nip(20)
    assert nip_of(h, "pimpinan_unit") == nip(20)
    assert h.peringatan == []


# --- Lampiran huruf B angka 4: UPT dipimpin Pejabat Fungsional (Puskesmas, SMP) ---------


def test_lampiran_B4_perawat_terampil_waits_for_delegation_to_kepala_puskesmas():
    h = kedudukan(org_from_yaml(ORG), nip(17))
    assert nip_of(h, "ppk") == nip(6)
    assert nip_of(h, "pimpinan_unit") == nip(16)
    assert menunggu(h)
    assert f"{SINGKATAN}, Lampiran huruf B angka 4" in dasar(h)


def test_lampiran_B4_delegation_makes_kepala_puskesmas_ppk_of_perawat_and_pelaksana():
    org = org_from_yaml(
        dengan_delegasi(f'{{dari: "{nip(6)}", kepada: "{nip(16)}", wewenang: penilaian_kinerja, pegawai: ["{nip(17)}", "{nip(19)}"]}}')
    )
    for n in (17, 19):
        h = kedudukan(org, nip(n))
        assert nip_of(h, "ppk") == nip(16)
        assert h.peringatan == []


def test_lampiran_B4_dokter_of_same_jenjang_as_kepala_puskesmas_stays_with_kepala_dinas():
    h = kedudukan(org_from_yaml(ORG), nip(18))
    assert nip_of(h, "ppk") == nip(6)
    assert nip_of(h, "pimpinan_unit") == nip(16)
    assert h.peringatan == []
    assert "Pasal 14 ayat (2)" in dasar(h)


# --- Lampiran huruf B angka 5: Sekretariat Daerah ------------------------------------


def test_lampiran_B5_setda_ahli_muda_is_rated_and_led_by_kabag_without_delegation():
    h = kedudukan(org_from_yaml(ORG), nip(4))
    assert nip_of(h, "ppk") == nip(3)
    assert nip_of(h, "pimpinan_unit") == nip(3)
    assert h.peringatan == []
    assert f"{SINGKATAN}, Lampiran huruf B angka 5" in dasar(h)


def test_lampiran_B5_ahli_madya_under_kabag_is_rated_by_asisten():
    h = kedudukan(org_from_yaml(ORG), nip(5))
    assert nip_of(h, "ppk") == nip(2)
    assert nip_of(h, "pimpinan_unit") == nip(3)
    assert f"{SINGKATAN}, Pasal 1 angka 16 jo. Pasal 17 ayat (2)" in dasar(h)


def test_lampiran_B5_vacant_kabag_moves_ppk_to_asisten_and_warns():
    h = kedudukan(org_from_yaml(tanpa(3)), nip(4))
    assert nip_of(h, "ppk") == nip(2)
    assert h.pimpinan_unit is None
    assert "tanpa_puo" in h.kode_peringatan


# --- Pasal 18: jabatan struktural ----------------------------------------------------


def test_pasal_18_structural_posts_are_rated_one_level_up():
    org = org_from_yaml(ORG)
    for dinilai, penilai in ((9, 6), (8, 7), (3, 2), (2, 1), (23, 22), (26, 22), (20, 6)):
        h = kedudukan(org, nip(dinilai))
        assert nip_of(h, "ppk") == nip(penilai), dinilai
        assert f"{SINGKATAN}, Pasal 18" in dasar(h)


def test_pasal_18_kepala_dinas_and_camat_are_rated_by_sekda():
    org = org_from_yaml(ORG)
    for n in (6, 22):
        h = kedudukan(org, nip(n))
        assert nip_of(h, "ppk") == nip(1)
        assert h.peringatan == []


def test_lampiran_B4_kepala_puskesmas_is_rated_by_kepala_dinas():
    h = kedudukan(org_from_yaml(ORG), nip(16))
    assert nip_of(h, "ppk") == nip(6)
    assert h.aturan == "blitar-kepala-jf-unit-mandiri"
