"""Profil karangasem: Perbup Karangasem 15/2023, kedudukan in BAB V–XI (and Pasal 52).

Each test names the BAB and Pasal it checks and builds the organisation the way
an HR officer of Kabupaten Karangasem would import it. A kabupaten Sekretaris
Daerah is JPT Pratama, a Camat and Sekretaris Camat are administrator, a Lurah
and Kepala Seksi are pengawas.
"""

from sikerja.kedudukan.engine import Resolver, load_profil
from sikerja.kedudukan.tests.util import kedudukan, nip, nip_of, org_from_yaml

SK = "Perbup Karangasem 15/2023"

INSTANSI = "instansi: {kode: karangasem, nama: Pemerintah Kabupaten Karangasem, profil: karangasem}\n"


def pg(n, nama, jabatan, jj, unit, jenjang=None, kepala=False):
    j = f", jenjang: {jenjang}" if jenjang else ""
    k = ", kepala_unit: true" if kepala else ""
    return f'  - {{nip: "{nip(n)}", nama: {nama}, jabatan: {jabatan}, jenis_jabatan: {jj}, unit: {unit}{j}{k}}}\n'


def delegasi(*rows):
    out = "delegasi:\n"
    for dari, kepada, wewenang, pegawai in rows:
        daftar = ", ".join(f'"{nip(n)}"' for n in pegawai)
        out += f'  - {{dari: "{nip(dari)}", kepada: "{nip(kepada)}", wewenang: {wewenang}, pegawai: [{daftar}]}}\n'
    return out


# --- BAB V–VII: Sekretariat Daerah, Sekretariat DPRD, Inspektorat ---------------------

SEKRETARIAT_UNITS = """unit:
  - {kode: SETDA, nama: Sekretariat Daerah, jenis: sekretariat_daerah}
  - {kode: AS1, nama: Asisten Pemerintahan dan Kesejahteraan Rakyat, jenis: asisten, induk: SETDA}
  - {kode: HUKUM, nama: Bagian Hukum, jenis: bagian, induk: AS1}
  - {kode: AS3, nama: Asisten Administrasi Umum, jenis: asisten, induk: SETDA}
  - {kode: UMUM, nama: Bagian Umum, jenis: bagian, induk: AS3}
  - {kode: TU, nama: Subbagian Tata Usaha Pimpinan, jenis: subbagian, induk: UMUM}
  - {kode: SETWAN, nama: Sekretariat DPRD, jenis: sekretariat_dprd}
  - {kode: PERSIDANGAN, nama: Bagian Persidangan dan Perundang-undangan, jenis: bagian, induk: SETWAN}
  - {kode: INSP, nama: Inspektorat Daerah, jenis: inspektorat}
  - {kode: INSP-SEK, nama: Sekretariat Inspektorat, jenis: sekretariat, induk: INSP}
  - {kode: INSP-UMUM, nama: Subbagian Umum dan Keuangan, jenis: subbagian, induk: INSP-SEK}
  - {kode: IRBAN1, nama: Inspektur Pembantu Wilayah I, jenis: inspektur_pembantu, induk: INSP}
  - {kode: IRBAN2, nama: Inspektur Pembantu Wilayah II, jenis: inspektur_pembantu, induk: INSP}
"""

SEKRETARIAT_PEGAWAI = "pegawai:\n" + "".join(
    [
        pg(1, "Sedana", "Sekretaris Daerah", "jpt_pratama", "SETDA", kepala=True),
        pg(2, "Wirawan", "Asisten Pemerintahan dan Kesra", "jpt_pratama", "AS1", kepala=True),
        pg(3, "Suarnatha", "Kepala Bagian Hukum", "administrator", "HUKUM", kepala=True),
        pg(4, "Ayu", "Perancang Peraturan Perundang-undangan Ahli Madya", "fungsional", "HUKUM", "ahli_madya"),
        pg(5, "Komang", "Analis Hukum Ahli Pertama", "fungsional", "HUKUM", "ahli_pertama"),
        pg(6, "Sudarsana", "Asisten Administrasi Umum", "jpt_pratama", "AS3", kepala=True),
        pg(7, "Kartika", "Kepala Bagian Umum", "administrator", "UMUM", kepala=True),
        pg(8, "Putu", "Kepala Subbagian Tata Usaha Pimpinan", "pengawas", "TU", kepala=True),
        pg(9, "Nyoman", "Pengadministrasi Umum", "pelaksana", "TU"),
        pg(10, "Gede", "Sekretaris DPRD", "jpt_pratama", "SETWAN", kepala=True),
        pg(11, "Artawan", "Kepala Bagian Persidangan", "administrator", "PERSIDANGAN", kepala=True),
        pg(12, "Sri", "Analis Kebijakan Ahli Madya", "fungsional", "PERSIDANGAN", "ahli_madya"),
        pg(13, "Agung", "Inspektur Daerah", "jpt_pratama", "INSP", kepala=True),
        pg(14, "Laksmi", "Sekretaris Inspektorat", "administrator", "INSP-SEK", kepala=True),
        pg(15, "Dewa", "Kepala Subbagian Umum dan Keuangan", "pengawas", "INSP-UMUM", kepala=True),
        pg(16, "Ketut", "Pengelola Keuangan", "pelaksana", "INSP-UMUM"),
        pg(17, "Bagus", "Inspektur Pembantu Wilayah I", "administrator", "IRBAN1", kepala=True),
        pg(18, "Rai", "Auditor Ahli Muda", "fungsional", "IRBAN1", "ahli_muda"),
        pg(19, "Wulan", "Auditor Ahli Madya", "fungsional", "INSP", "ahli_madya"),
        pg(20, "Adi", "Inspektur Pembantu Wilayah II", "administrator", "IRBAN2", kepala=True),
    ]
)

SEKRETARIAT = INSTANSI + SEKRETARIAT_UNITS + SEKRETARIAT_PEGAWAI


def test_bab_v_pasal_27_ayat_2_ahli_madya_in_bagian_is_rated_and_led_by_kabag():
    # "Pejabat Fungsional Ahli Madya ... berkedudukan di bawah ... Kepala Bagian":
    # the Perbup names the Kabag although he is only ≈ Ahli Madya.
    org = org_from_yaml(SEKRETARIAT)
    h = kedudukan(org, nip(4))
    assert nip_of(h, "ppk") == nip(3)
    assert nip_of(h, "pimpinan_unit") == nip(3)
    assert h.koordinator is None
    assert h.dasar_hukum == [f"{SK}, Pasal 27 ayat (2) dan Pasal 28 ayat (1)"]
    assert h.peringatan == []
    # The national baseline would have moved the PPK up to the Asisten.
    nasional = Resolver(org, load_profil("nasional")).resolve(nip(4))
    assert nip_of(nasional, "ppk") == nip(2)


def test_bab_v_pasal_28_ayat_1_and_pasal_52_kasubag_coordinates_pelaksana_kabag_rates():
    h = kedudukan(org_from_yaml(SEKRETARIAT), nip(9))
    assert nip_of(h, "ppk") == nip(7)
    assert nip_of(h, "pimpinan_unit") == nip(7)
    assert nip_of(h, "koordinator") == nip(8)
    assert any("Pasal 28 ayat (1)" in d for d in h.dasar_hukum)


def test_bab_v_pasal_28_ayat_2_huruf_b_kabag_is_rated_by_asisten():
    h = kedudukan(org_from_yaml(SEKRETARIAT), nip(3))
    assert nip_of(h, "ppk") == nip(2)
    assert h.dasar_hukum == [f"{SK}, Pasal 28 ayat (2) huruf b"]


def test_bab_v_pasal_27_vacant_kabag_moves_ppk_to_asisten_and_warns_no_pimpinan_unit():
    org = org_from_yaml(SEKRETARIAT.replace(pg(3, "Suarnatha", "Kepala Bagian Hukum", "administrator", "HUKUM", kepala=True), ""))
    h = kedudukan(org, nip(5))
    assert nip_of(h, "ppk") == nip(2)
    assert h.pimpinan_unit is None
    assert "tanpa_puo" in h.kode_peringatan
    assert any("Bagian Hukum kosong" in s for s in h.langkah)


def test_bab_vi_pasal_30_ayat_2_setwan_ahli_madya_under_kabag():
    h = kedudukan(org_from_yaml(SEKRETARIAT), nip(12))
    assert nip_of(h, "ppk") == nip(11)
    assert nip_of(h, "pimpinan_unit") == nip(11)
    assert h.dasar_hukum == [f"{SK}, Pasal 30 ayat (2) dan Pasal 31 ayat (1)"]


def test_bab_vi_pasal_31_ayat_2_huruf_a_kabag_setwan_is_rated_by_sekwan():
    h = kedudukan(org_from_yaml(SEKRETARIAT), nip(11))
    assert nip_of(h, "ppk") == nip(10)
    assert any("Pasal 31 ayat (2) huruf a" in d for d in h.dasar_hukum)


def test_bab_vii_pasal_34_inspektur_is_ppk_inspektur_pembantu_is_pimpinan_unit():
    h = kedudukan(org_from_yaml(SEKRETARIAT), nip(18))
    assert nip_of(h, "ppk") == nip(13)
    assert nip_of(h, "pimpinan_unit") == nip(17)
    assert h.koordinator is None
    assert h.dasar_hukum == [f"{SK}, Pasal 33 ayat (2) dan Pasal 34 ayat (1)–(2)"]


def test_bab_vii_pasal_34_sekretaris_leads_and_kasubag_coordinates_pelaksana():
    h = kedudukan(org_from_yaml(SEKRETARIAT), nip(16))
    assert nip_of(h, "ppk") == nip(13)
    assert nip_of(h, "pimpinan_unit") == nip(14)
    assert nip_of(h, "koordinator") == nip(15)


def test_bab_vii_pasal_35_ayat_2_huruf_d_jf_under_inspektur_waits_for_assignment():
    h = kedudukan(org_from_yaml(SEKRETARIAT), nip(19))
    assert nip_of(h, "ppk") == nip(13)
    assert h.pimpinan_unit is None
    assert any("Pasal 35 ayat (2) huruf d" in w for w in h.pesan_peringatan)
    assert any("Menunggu pendelegasian pengelolaan kinerja" in w for w in h.pesan_peringatan)


def test_bab_vii_pasal_35_ayat_2_huruf_d_pengelolaan_delegation_makes_irban_pimpinan_unit():
    org = org_from_yaml(SEKRETARIAT + delegasi((13, 20, "pengelolaan_kinerja", [19])))
    h = kedudukan(org, nip(19))
    assert nip_of(h, "ppk") == nip(13)
    assert nip_of(h, "pimpinan_unit") == nip(20)
    assert h.peringatan == []
    assert any("Pasal 12 ayat (3)" in d for d in h.dasar_hukum)


def test_bab_vii_pasal_33_vacant_inspektur_leaves_no_ppk_and_warns():
    org = org_from_yaml(SEKRETARIAT.replace(pg(13, "Agung", "Inspektur Daerah", "jpt_pratama", "INSP", kepala=True), ""))
    h = kedudukan(org, nip(18))
    assert h.ppk is None
    assert nip_of(h, "pimpinan_unit") == nip(17)
    assert "tanpa_ppk" in h.kode_peringatan


# --- BAB VIII: Dinas/Badan, BAB XI: UPTD -------------------------------------------

DINAS = (
    INSTANSI
    + """unit:
  - {kode: SETDA, nama: Sekretariat Daerah, jenis: sekretariat_daerah}
  - {kode: DPMPTSP, nama: Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu, jenis: dinas, atribut: {urusan: penanaman_modal}}
  - {kode: DPMPTSP-SEK, nama: Sekretariat, jenis: sekretariat, induk: DPMPTSP}
  - {kode: DPMPTSP-UMUM, nama: Subbagian Umum dan Kepegawaian, jenis: subbagian, induk: DPMPTSP-SEK}
  - {kode: DINKES, nama: Dinas Kesehatan, jenis: dinas}
  - {kode: DINKES-SEK, nama: Sekretariat, jenis: sekretariat, induk: DINKES}
  - {kode: P2P, nama: Bidang Pencegahan dan Pengendalian Penyakit, jenis: bidang, induk: DINKES}
  - {kode: SURVEILANS, nama: Seksi Surveilans dan Imunisasi, jenis: seksi, induk: P2P}
  - {kode: YANKES, nama: Bidang Pelayanan Kesehatan, jenis: bidang, induk: DINKES}
  - {kode: LABKES, nama: UPTD Laboratorium Kesehatan Daerah, jenis: uptd, induk: DINKES}
  - {kode: LABKES-TU, nama: Subbagian Tata Usaha, jenis: subbagian, induk: LABKES}
  - {kode: PKM-KRA1, nama: UPTD Puskesmas Karangasem I, jenis: puskesmas, induk: DINKES}
  - {kode: RSUD, nama: RSUD Kabupaten Karangasem, jenis: rsud, induk: DINKES}
  - {kode: RSUD-YANMED, nama: Bidang Pelayanan Medik, jenis: bidang, induk: RSUD}
pegawai:
"""
    + "".join(
        [
            pg(1, "Sedana", "Sekretaris Daerah", "jpt_pratama", "SETDA", kepala=True),
            pg(30, "Mertayasa", "Kepala Dinas Penanaman Modal dan PTSP", "jpt_pratama", "DPMPTSP", kepala=True),
            pg(31, "Darmini", "Sekretaris", "administrator", "DPMPTSP-SEK", kepala=True),
            pg(32, "Yoga", "Kepala Subbagian Umum dan Kepegawaian", "pengawas", "DPMPTSP-UMUM", kepala=True),
            pg(33, "Ratih", "Penata Perizinan Ahli Madya", "fungsional", "DPMPTSP", "ahli_madya"),
            pg(34, "Eka", "Arsiparis Terampil", "fungsional", "DPMPTSP-UMUM", "terampil"),
            pg(40, "Sucita", "Kepala Dinas Kesehatan", "jpt_pratama", "DINKES", kepala=True),
            pg(41, "Parwata", "Sekretaris Dinas Kesehatan", "administrator", "DINKES-SEK", kepala=True),
            pg(42, "Mahendra", "Kepala Bidang P2P", "administrator", "P2P", kepala=True),
            pg(43, "Sumerti", "Kepala Seksi Surveilans dan Imunisasi", "pengawas", "SURVEILANS", kepala=True),
            pg(44, "Arya", "Epidemiolog Kesehatan Ahli Muda", "fungsional", "SURVEILANS", "ahli_muda"),
            pg(45, "Indra", "Epidemiolog Kesehatan Ahli Madya", "fungsional", "P2P", "ahli_madya"),
            pg(46, "Widi", "Administrator Kesehatan Ahli Utama", "fungsional", "P2P", "ahli_utama"),
            pg(47, "Suci", "Administrator Kesehatan Ahli Pertama", "fungsional", "DINKES", "ahli_pertama"),
            pg(48, "Purnami", "Kepala Bidang Pelayanan Kesehatan", "administrator", "YANKES", kepala=True),
            pg(50, "Juliana", "Kepala UPTD Laboratorium Kesehatan Daerah", "pengawas", "LABKES", kepala=True),
            pg(51, "Wardana", "Pranata Laboratorium Kesehatan Ahli Madya", "fungsional", "LABKES", "ahli_madya"),
            pg(52, "Sutapa", "Kepala Subbagian Tata Usaha", "pengawas", "LABKES-TU", kepala=True),
            pg(53, "Alit", "Pengadministrasi Perkantoran", "pelaksana", "LABKES-TU"),
            pg(60, "Surya", "Kepala UPTD Puskesmas Karangasem I (Dokter Ahli Muda)", "fungsional", "PKM-KRA1", "ahli_muda", kepala=True),
            pg(61, "Damayanti", "Dokter Ahli Muda", "fungsional", "PKM-KRA1", "ahli_muda"),
            pg(62, "Sukerta", "Dokter Ahli Utama", "fungsional", "PKM-KRA1", "ahli_utama"),
            pg(70, "Prabawa", "Direktur RSUD", "jpt_pratama", "RSUD", kepala=True),
            pg(71, "Astiti", "Kepala Bidang Pelayanan Medik", "administrator", "RSUD-YANMED", kepala=True),
            pg(72, "Citra", "Dokter Spesialis Ahli Madya", "fungsional", "RSUD-YANMED", "ahli_madya"),
        ]
    )
)


def test_bab_viii_pasal_37_and_39_one_level_dpmptsp_kepala_is_ppk_and_pimpinan_unit():
    # Pasal 36 huruf a: DPMPTSP has 1 level; Kepala is PPK and PUO even for a JF in
    # the Sekretariat's Subbagian, whose Kasubag only coordinates (Pasal 52).
    org = org_from_yaml(DINAS)
    h = kedudukan(org, nip(34))
    assert nip_of(h, "ppk") == nip(30)
    assert nip_of(h, "pimpinan_unit") == nip(30)
    assert nip_of(h, "koordinator") == nip(32)
    assert h.dasar_hukum == [f"{SK}, Pasal 36 huruf a, Pasal 37 ayat (2) dan Pasal 39 ayat (1)"]
    h2 = kedudukan(org, nip(33))
    assert nip_of(h2, "ppk") == nip(30) and nip_of(h2, "pimpinan_unit") == nip(30)
    assert h2.peringatan == []


def test_bab_viii_pasal_39_ayat_2_kasubag_of_one_level_pd_is_rated_by_kepala_not_sekretaris():
    h = kedudukan(org_from_yaml(DINAS), nip(32))
    assert nip_of(h, "ppk") == nip(30)
    assert h.dasar_hukum == [f"{SK}, Pasal 36 huruf a jo. Pasal 39 ayat (2)"]


def test_bab_viii_pasal_41_kepala_dinas_ppk_kabid_pimpinan_unit_kasi_koordinator():
    h = kedudukan(org_from_yaml(DINAS), nip(44))
    assert nip_of(h, "ppk") == nip(40)
    assert nip_of(h, "pimpinan_unit") == nip(42)
    assert nip_of(h, "koordinator") == nip(43)
    assert h.dasar_hukum == [f"{SK}, Pasal 38 ayat (2) dan Pasal 41 ayat (1)–(2)"]


def test_bab_viii_pasal_38_ayat_2_ahli_madya_in_bidang_rated_by_kepala_dinas():
    h = kedudukan(org_from_yaml(DINAS), nip(45))
    assert nip_of(h, "ppk") == nip(40)
    assert nip_of(h, "pimpinan_unit") == nip(42)
    assert h.koordinator is None


def test_bab_viii_pasal_1_angka_16_penilaian_delegation_makes_kabid_ppk():
    org = org_from_yaml(DINAS + delegasi((40, 42, "penilaian_kinerja", [44, 45])))
    h = kedudukan(org, nip(44))
    assert nip_of(h, "ppk") == nip(42)
    assert nip_of(h, "pimpinan_unit") == nip(42)
    assert f"{SK}, Pasal 1 angka 16 (pejabat lain yang diberi pendelegasian kewenangan)" in h.dasar_hukum
    assert h.peringatan == []
    # Rank ceiling on the delegate: a Kabid (≈ Ahli Madya) rating an Ahli Madya is flagged.
    h2 = kedudukan(org, nip(45))
    assert nip_of(h2, "ppk") == nip(42)
    assert any("tidak lebih tinggi" in w for w in h2.pesan_peringatan)


def test_bab_viii_pasal_42_ayat_2_huruf_d_jf_under_kepala_dinas_gets_pimpinan_unit_by_assignment():
    h = kedudukan(org_from_yaml(DINAS), nip(47))
    assert nip_of(h, "ppk") == nip(40)
    assert h.pimpinan_unit is None
    assert any("Pasal 42 ayat (2) huruf d" in w for w in h.pesan_peringatan)
    org = org_from_yaml(DINAS + delegasi((40, 48, "pengelolaan_kinerja", [47])))
    h2 = kedudukan(org, nip(47))
    assert nip_of(h2, "ppk") == nip(40)
    assert nip_of(h2, "pimpinan_unit") == nip(48)
    assert h2.peringatan == []


def test_bab_viii_ahli_utama_not_placed_by_pasal_38_rank_ceiling_finds_no_ppk_and_warns():
    # Pasal 38 ayat (2) stops at Ahli Madya. Kepala Dinas and the (kabupaten)
    # Sekretaris Daerah are JPT Pratama ≈ Ahli Utama: nobody qualifies.
    h = kedudukan(org_from_yaml(DINAS), nip(46))
    assert h.ppk is None
    assert nip_of(h, "pimpinan_unit") == nip(42)
    assert any("Ahli Utama" in w and "Pasal 11 ayat (4)" in w for w in h.pesan_peringatan)
    assert sum("tidak menilai JF Ahli Utama" in s for s in h.langkah) >= 3  # Kabid, Kadis, Sekda
    # With a JPT Madya Sekretaris Daerah the ceiling resolves to him, citing its basis.
    org = org_from_yaml(DINAS.replace("Sekretaris Daerah, jenis_jabatan: jpt_pratama", "Sekretaris Daerah, jenis_jabatan: jpt_madya"))
    h2 = kedudukan(org, nip(46))
    assert nip_of(h2, "ppk") == nip(1)
    assert any(d.startswith(f"{SK}, Pasal 1 angka 16 jo. Pasal 27") for d in h2.dasar_hukum)


def test_bab_xi_pasal_49_pengawas_head_of_uptd_rates_ahli_madya():
    # Pasal 49 ayat (2) puts every jenjang under the Kepala UPTD; Lampiran V huruf b
    # draws a pengawas as PPK. No ceiling.
    h = kedudukan(org_from_yaml(DINAS), nip(51))
    assert nip_of(h, "ppk") == nip(50)
    assert nip_of(h, "pimpinan_unit") == nip(50)
    assert h.dasar_hukum == [f"{SK}, Pasal 49 ayat (2) dan Pasal 50 ayat (1)–(2)"]
    assert h.peringatan == []


def test_bab_xi_pasal_50_and_pasal_52_kasubag_tu_of_uptd_coordinates_pelaksana():
    h = kedudukan(org_from_yaml(DINAS), nip(53))
    assert nip_of(h, "ppk") == nip(50)
    assert nip_of(h, "pimpinan_unit") == nip(50)
    assert nip_of(h, "koordinator") == nip(52)


def test_bab_xi_pasal_49_jf_head_of_puskesmas_rates_same_jenjang_and_ahli_utama():
    org = org_from_yaml(DINAS)
    for n in (61, 62):
        h = kedudukan(org, nip(n))
        assert nip_of(h, "ppk") == nip(60), n
        assert nip_of(h, "pimpinan_unit") == nip(60), n
        assert any("Pasal 49 ayat (2)" in d for d in h.dasar_hukum)


def test_bab_xi_pasal_50_vacant_kepala_uptd_moves_ppk_to_kepala_dinas_and_warns():
    org = org_from_yaml(DINAS.replace(pg(50, "Juliana", "Kepala UPTD Laboratorium Kesehatan Daerah", "pengawas", "LABKES", kepala=True), ""))
    h = kedudukan(org, nip(51))
    assert nip_of(h, "ppk") == nip(40)
    assert h.pimpinan_unit is None
    assert "tanpa_puo" in h.kode_peringatan


def test_rsud_not_regulated_by_bab_v_to_xi_falls_back_to_nasional_ceiling():
    # The Perbup has no article on RSUD/UOBK: the PermenPANRB 7/2022 rule applies;
    # the ceiling that moves the PPK past the Kabid cites the Perbup's own basis.
    h = kedudukan(org_from_yaml(DINAS), nip(72))
    assert nip_of(h, "ppk") == nip(70)
    assert nip_of(h, "pimpinan_unit") == nip(71)
    assert h.aturan == "nasional-jf-pelaksana"
    assert h.dasar_hukum[0].startswith("PermenPANRB 7/2022")
    assert h.dasar_hukum[1].startswith(f"{SK}, Pasal 1 angka 16")


# --- BAB IX: Kecamatan, BAB X: Kelurahan -------------------------------------------

KECAMATAN = (
    INSTANSI
    + """unit:
  - {kode: KEC-KRA, nama: Kecamatan Karangasem, jenis: kecamatan}
  - {kode: KEC-SEK, nama: Sekretariat Kecamatan, jenis: sekretariat, induk: KEC-KRA}
  - {kode: KEC-PEM, nama: Seksi Pemerintahan, jenis: seksi, induk: KEC-KRA}
  - {kode: KEL-PK, nama: Kelurahan Padangkerta, jenis: kelurahan, induk: KEC-KRA}
  - {kode: KEL-PK-PEM, nama: Seksi Pemerintahan dan Ketenteraman, jenis: seksi, induk: KEL-PK}
  - {kode: KEL-SUB, nama: Kelurahan Subagan, jenis: kelurahan, induk: KEC-KRA}
pegawai:
"""
    + "".join(
        [
            pg(80, "Kariasa", "Camat Karangasem", "administrator", "KEC-KRA", kepala=True),
            pg(81, "Mardika", "Sekretaris Camat", "administrator", "KEC-SEK", kepala=True),
            pg(82, "Suastika", "Kepala Seksi Pemerintahan", "pengawas", "KEC-PEM", kepala=True),
            pg(83, "Oka", "Analis Kebijakan Ahli Madya", "fungsional", "KEC-PEM", "ahli_madya"),
            pg(84, "Antara", "Pengelola Data Pemerintahan", "pelaksana", "KEC-SEK"),
            pg(85, "Mirah", "Penata Kelola Pemilu Ahli Pertama", "fungsional", "KEC-KRA", "ahli_pertama"),
            pg(90, "Pasek", "Lurah Padangkerta", "pengawas", "KEL-PK", kepala=True),
            pg(91, "Sumadi", "Kepala Seksi Pemerintahan dan Ketenteraman", "pengawas", "KEL-PK-PEM", kepala=True),
            pg(92, "Wirata", "Analis Kebijakan Ahli Muda", "fungsional", "KEL-PK-PEM", "ahli_muda"),
            pg(93, "Sudarma", "Analis Kebijakan Ahli Madya", "fungsional", "KEL-PK", "ahli_madya"),
            pg(94, "Adnyana", "Pengadministrasi Umum", "pelaksana", "KEL-SUB"),
        ]
    )
)


def test_bab_ix_pasal_43_ayat_2_camat_rates_ahli_madya_kasi_is_pimpinan_unit():
    # Camat is administrator (≈ Ahli Madya) yet named as PPK of Ahli Madya.
    h = kedudukan(org_from_yaml(KECAMATAN), nip(83))
    assert nip_of(h, "ppk") == nip(80)
    assert nip_of(h, "pimpinan_unit") == nip(82)
    assert h.koordinator is None  # the Kasi is pimpinan unit, not koordinator
    assert h.dasar_hukum == [f"{SK}, Pasal 43 ayat (2) dan Pasal 44 ayat (1)–(2)"]


def test_bab_ix_pasal_44_sekretaris_camat_is_pimpinan_unit_of_pelaksana():
    h = kedudukan(org_from_yaml(KECAMATAN), nip(84))
    assert nip_of(h, "ppk") == nip(80)
    assert nip_of(h, "pimpinan_unit") == nip(81)


def test_bab_ix_pasal_44_ayat_2_huruf_a_sekretaris_camat_is_rated_by_camat():
    h = kedudukan(org_from_yaml(KECAMATAN), nip(81))
    assert nip_of(h, "ppk") == nip(80)
    assert h.dasar_hukum == [f"{SK}, Pasal 44 ayat (2) huruf a"]
    assert h.peringatan == []


def test_bab_ix_pasal_45_ayat_2_huruf_c_jf_under_camat_assigned_to_sekcam_by_pengelolaan_delegation():
    h = kedudukan(org_from_yaml(KECAMATAN), nip(85))
    assert nip_of(h, "ppk") == nip(80)
    assert h.pimpinan_unit is None
    assert any("Pasal 45 ayat (2) huruf c" in w for w in h.pesan_peringatan)
    org = org_from_yaml(KECAMATAN + delegasi((80, 81, "pengelolaan_kinerja", [85])))
    h2 = kedudukan(org, nip(85))
    assert nip_of(h2, "pimpinan_unit") == nip(81)
    assert nip_of(h2, "ppk") == nip(80)
    assert h2.peringatan == []


def test_bab_x_pasal_46_ayat_2_lurah_rates_and_leads_ahli_muda_kasi_coordinates():
    # Lurah (pengawas ≈ Ahli Muda) is named PPK up to Ahli Muda.
    h = kedudukan(org_from_yaml(KECAMATAN), nip(92))
    assert nip_of(h, "ppk") == nip(90)
    assert nip_of(h, "pimpinan_unit") == nip(90)
    assert nip_of(h, "koordinator") == nip(91)
    assert h.dasar_hukum == [f"{SK}, Pasal 46 ayat (2) dan Pasal 47 ayat (1)–(2)"]
    assert h.peringatan == []


def test_bab_x_pasal_46_ayat_2_ahli_madya_in_kelurahan_is_rated_by_camat_with_warning():
    h = kedudukan(org_from_yaml(KECAMATAN), nip(93))
    assert nip_of(h, "ppk") == nip(80)
    assert nip_of(h, "pimpinan_unit") == nip(90)
    assert any("Pasal 46 ayat (2)" in w for w in h.pesan_peringatan)
    assert h.dasar_hukum == [f"{SK}, Pasal 46 ayat (2) jo. Pasal 43 ayat (2)"]


def test_bab_x_pasal_47_vacant_lurah_moves_ppk_to_camat_and_warns_no_pimpinan_unit():
    h = kedudukan(org_from_yaml(KECAMATAN), nip(94))
    assert nip_of(h, "ppk") == nip(80)
    assert h.pimpinan_unit is None
    assert "tanpa_puo" in h.kode_peringatan
    assert any("Kelurahan Subagan kosong" in s for s in h.langkah)


def test_bab_x_pasal_48_ayat_2_huruf_b_kasi_kelurahan_is_rated_by_lurah():
    h = kedudukan(org_from_yaml(KECAMATAN), nip(91))
    assert nip_of(h, "ppk") == nip(90)
    assert h.dasar_hukum == [f"{SK}, Pasal 48 ayat (2) huruf b"]


def test_profile_cites_the_perbup_and_derives_from_nasional():
    p = load_profil("karangasem")
    assert p.nama.startswith("Peraturan Bupati Karangasem Nomor 15 Tahun 2023")
    own = [a for a in p.aturan if a.id.startswith("ksm-")]
    assert own and all(a.dasar.startswith(f"{SK}, Pasal") for a in own)
    assert p.aturan[-1].id == "nasional-jf-pelaksana"
