"""Profil pekanbaru: Perwal Pekanbaru 44/2023, Lampiran huruf A (Kedudukan).

Each test builds the kind of Perangkat Daerah one passage of the Lampiran
describes and checks who the regulation names as PPK, pimpinan unit and
koordinator, and that the passage is cited.
"""

from sikerja.kedudukan.tests.util import kedudukan, nip, nip_of, org_from_yaml

PERWAL = "Perwal Pekanbaru 44/2023"


def _p(n, nama, jabatan, jj, unit, jenjang=None, kepala=False):
    jenjang_part = f", jenjang: {jenjang}" if jenjang else ""
    return (
        f'  - {{nip: "{nip(n)}", nama: {nama}, jabatan: {jabatan}, jenis_jabatan: {jj}, '
        f"unit: {unit}{jenjang_part}, kepala_unit: {'true' if kepala else 'false'}}}\n"
    )


HEAD = "instansi: {kode: pekanbaru, nama: Pemerintah Kota Pekanbaru, profil: pekanbaru}\n"

# Dinas Kesehatan (2 level, A.1.a) with a UPT led by a pengawas (A angka 2), a UPT
# led by a JF, a Puskesmas (A angka 3), and the Inspektorat (A.1.a).
ORG_DINAS = (
    HEAD
    + """unit:
  - {kode: SETDA, nama: Sekretariat Daerah, jenis: sekretariat_daerah}
  - {kode: DINKES, nama: Dinas Kesehatan, jenis: dinas}
  - {kode: SEKRET, nama: Sekretariat Dinas Kesehatan, jenis: sekretariat, induk: DINKES}
  - {kode: SUBUM, nama: Subbagian Umum dan Kepegawaian, jenis: subbagian, induk: SEKRET}
  - {kode: YANKES, nama: Bidang Pelayanan Kesehatan, jenis: bidang, induk: DINKES}
  - {kode: P2P, nama: Bidang Pencegahan dan Pengendalian Penyakit, jenis: bidang, induk: DINKES}
  - {kode: LABKES, nama: UPT Laboratorium Kesehatan Daerah, jenis: uptd, induk: DINKES}
  - {kode: LABTU, nama: Subbagian Tata Usaha UPT Labkesda, jenis: subbagian, induk: LABKES}
  - {kode: IFK, nama: UPT Instalasi Farmasi dan Logistik Kesehatan, jenis: uptd, induk: DINKES}
  - {kode: PKM, nama: UPT Puskesmas Rejosari, jenis: puskesmas, induk: DINKES}
  - {kode: INSP, nama: Inspektorat, jenis: inspektorat}
  - {kode: IRBAN1, nama: Inspektur Pembantu Wilayah I, jenis: inspektur_pembantu, induk: INSP}
pegawai:
"""
    + _p(1, "Sekda", "Sekretaris Daerah", "jpt_pratama", "SETDA", kepala=True)
    + _p(10, "Kadis", "Kepala Dinas Kesehatan", "jpt_pratama", "DINKES", kepala=True)
    + _p(11, "Sekretaris", "Sekretaris Dinas Kesehatan", "administrator", "SEKRET", kepala=True)
    + _p(12, "Kasubag", "Kepala Subbagian Umum dan Kepegawaian", "pengawas", "SUBUM", kepala=True)
    + _p(13, "Pengadministrasi", "Pengadministrasi Perkantoran", "pelaksana", "SUBUM")
    + _p(14, "Analis", "Analis SDM Aparatur Ahli Pertama", "fungsional", "SUBUM", "ahli_pertama")
    + _p(20, "Kabid", "Kepala Bidang Pelayanan Kesehatan", "administrator", "YANKES", kepala=True)
    + _p(21, "Adminkes", "Administrator Kesehatan Ahli Muda", "fungsional", "YANKES", "ahli_muda")
    + _p(22, "Dokter", "Dokter Ahli Madya", "fungsional", "YANKES", "ahli_madya")
    + _p(30, "Epidemiolog", "Epidemiolog Kesehatan Ahli Pertama", "fungsional", "P2P", "ahli_pertama")
    + _p(40, "KaUPT", "Kepala UPT Laboratorium Kesehatan Daerah", "pengawas", "LABKES", kepala=True)
    + _p(41, "KasubagTU", "Kepala Subbagian Tata Usaha", "pengawas", "LABTU", kepala=True)
    + _p(42, "Pengelola", "Pengelola Keuangan", "pelaksana", "LABTU")
    + _p(43, "Pranata", "Pranata Laboratorium Kesehatan Terampil", "fungsional", "LABKES", "terampil")
    + _p(44, "Mikro", "Pranata Laboratorium Kesehatan Ahli Muda", "fungsional", "LABKES", "ahli_muda")
    + _p(50, "KaIFK", "Apoteker Ahli Madya (Kepala UPT IFK)", "fungsional", "IFK", "ahli_madya", kepala=True)
    + _p(51, "Apoteker", "Apoteker Ahli Pertama", "fungsional", "IFK", "ahli_pertama")
    + _p(60, "KaPKM", "Dokter Ahli Muda (Kepala Puskesmas)", "fungsional", "PKM", "ahli_muda", kepala=True)
    + _p(61, "Perawat", "Perawat Terampil", "fungsional", "PKM", "terampil")
    + _p(62, "Dokgi", "Dokter Gigi Ahli Muda", "fungsional", "PKM", "ahli_muda")
    + _p(70, "Inspektur", "Inspektur", "jpt_pratama", "INSP", kepala=True)
    + _p(71, "Irban", "Inspektur Pembantu Wilayah I", "administrator", "IRBAN1", kepala=True)
    + _p(72, "AuditorMadya", "Auditor Ahli Madya", "fungsional", "IRBAN1", "ahli_madya")
    + _p(73, "AuditorMuda", "Auditor Ahli Muda", "fungsional", "IRBAN1", "ahli_muda")
)

# Kecamatan (A.1.b) with two Kelurahan (A angka 1), one with a vacant Sekretaris Lurah.
ORG_KECAMATAN = (
    HEAD
    + """unit:
  - {kode: SETDA, nama: Sekretariat Daerah, jenis: sekretariat_daerah}
  - {kode: KEC, nama: Kecamatan Tampan, jenis: kecamatan}
  - {kode: SEKCAM, nama: Sekretariat Kecamatan Tampan, jenis: sekretariat, induk: KEC}
  - {kode: SUBPROG, nama: Subbagian Program dan Keuangan, jenis: subbagian, induk: SEKCAM}
  - {kode: PEM, nama: Seksi Pemerintahan, jenis: seksi, induk: KEC}
  - {kode: KEL1, nama: Kelurahan Sidomulyo Barat, jenis: kelurahan, induk: KEC}
  - {kode: SEKLUR1, nama: Sekretariat Kelurahan Sidomulyo Barat, jenis: sekretariat, induk: KEL1}
  - {kode: KEL2, nama: Kelurahan Tuah Karya, jenis: kelurahan, induk: KEC}
  - {kode: SEKLUR2, nama: Sekretariat Kelurahan Tuah Karya, jenis: sekretariat, induk: KEL2}
pegawai:
"""
    + _p(1, "Sekda", "Sekretaris Daerah", "jpt_pratama", "SETDA", kepala=True)
    + _p(100, "Camat", "Camat Tampan", "administrator", "KEC", kepala=True)
    + _p(101, "Sekcam", "Sekretaris Camat", "administrator", "SEKCAM", kepala=True)
    + _p(102, "Kasubag", "Kepala Subbagian Program dan Keuangan", "pengawas", "SUBPROG", kepala=True)
    + _p(103, "Bendahara", "Bendahara", "pelaksana", "SUBPROG")
    + _p(104, "Perencana", "Perencana Ahli Pertama", "fungsional", "SUBPROG", "ahli_pertama")
    + _p(105, "Kasi", "Kepala Seksi Pemerintahan", "pengawas", "PEM", kepala=True)
    + _p(106, "Analis", "Analis Kebijakan Ahli Muda", "fungsional", "PEM", "ahli_muda")
    + _p(107, "Pengolah", "Pengolah Data", "pelaksana", "PEM")
    + _p(108, "Madya", "Analis Kebijakan Ahli Madya", "fungsional", "SEKCAM", "ahli_madya")
    + _p(110, "Lurah1", "Lurah Sidomulyo Barat", "pengawas", "KEL1", kepala=True)
    + _p(111, "Seklur1", "Sekretaris Lurah Sidomulyo Barat", "pengawas", "SEKLUR1", kepala=True)
    + _p(112, "Pelaksana1", "Pengadministrasi Umum", "pelaksana", "KEL1")
    + _p(113, "Penyuluh", "Penyuluh Sosial Ahli Pertama", "fungsional", "KEL1", "ahli_pertama")
    + _p(114, "PenyuluhMuda", "Penyuluh Sosial Ahli Muda", "fungsional", "KEL1", "ahli_muda")
    + _p(120, "Lurah2", "Lurah Tuah Karya", "pengawas", "KEL2", kepala=True)
    + _p(121, "Pelaksana2", "Pengadministrasi Umum", "pelaksana", "SEKLUR2")
)

# Perangkat Daerah "lebih dari 2 level" (A angka 4 huruf c).
ORG_TIGA_LEVEL = (
    HEAD
    + """unit:
  - {kode: SETDA, nama: Sekretariat Daerah, jenis: sekretariat_daerah}
  - {kode: ASIS1, nama: Asisten Pemerintahan dan Kesejahteraan Rakyat, jenis: asisten, induk: SETDA}
  - {kode: BAGHUK, nama: Bagian Hukum, jenis: bagian, induk: ASIS1}
  - {kode: SUBPU, nama: Subbagian Perundang-undangan, jenis: subbagian, induk: BAGHUK}
  - {kode: SETWAN, nama: Sekretariat DPRD, jenis: sekretariat_dprd}
  - {kode: BAGUM, nama: Bagian Umum dan Keuangan, jenis: bagian, induk: SETWAN}
  - {kode: SUBRT, nama: Subbagian Rumah Tangga, jenis: subbagian, induk: BAGUM}
  - {kode: DINKES, nama: Dinas Kesehatan, jenis: dinas}
  - {kode: RSUD, nama: RSUD Madani, jenis: rsud, induk: DINKES}
  - {kode: BIDYANMED, nama: Bidang Pelayanan Medik, jenis: bidang, induk: RSUD}
  - {kode: BAPENDA, nama: Badan Pendapatan Daerah, jenis: badan, atribut: {urusan: pendapatan}}
  - {kode: BIDPBB, nama: Bidang Pajak Bumi dan Bangunan, jenis: bidang, induk: BAPENDA}
  - {kode: SUBPBB, nama: Subbidang Pendataan dan Penetapan PBB, jenis: subbidang, induk: BIDPBB}
  - {kode: UPTP1, nama: UPT Pendapatan Pekanbaru I, jenis: uptd, induk: BAPENDA}
  - {kode: UPTP1TU, nama: Subbagian Tata Usaha UPT Pendapatan I, jenis: subbagian, induk: UPTP1}
  - {kode: DISHUB, nama: Dinas Perhubungan, jenis: dinas, atribut: {urusan: perhubungan}}
  - {kode: BIDLL, nama: Bidang Lalu Lintas, jenis: bidang, induk: DISHUB}
  - {kode: SEKSIMR, nama: Seksi Manajemen dan Rekayasa Lalu Lintas, jenis: seksi, induk: BIDLL}
  - {kode: DPMPTSP, nama: Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu, jenis: dinas, atribut: {urusan: penanaman_modal}}
  - {kode: BIDPEL, nama: Bidang Pelayanan Perizinan, jenis: bidang, induk: DPMPTSP}
pegawai:
"""
    + _p(1, "Sekda", "Sekretaris Daerah", "jpt_pratama", "SETDA", kepala=True)
    + _p(201, "Asisten", "Asisten Pemerintahan dan Kesra", "jpt_pratama", "ASIS1", kepala=True)
    + _p(202, "Kabag", "Kepala Bagian Hukum", "administrator", "BAGHUK", kepala=True)
    + _p(203, "Kasubag", "Kepala Subbagian Perundang-undangan", "pengawas", "SUBPU", kepala=True)
    + _p(204, "Perancang", "Perancang Peraturan Perundang-undangan Ahli Muda", "fungsional", "SUBPU", "ahli_muda")
    + _p(205, "PerancangMadya", "Perancang Peraturan Perundang-undangan Ahli Madya", "fungsional", "BAGHUK", "ahli_madya")
    + _p(210, "Sekwan", "Sekretaris DPRD", "jpt_pratama", "SETWAN", kepala=True)
    + _p(211, "KabagUmum", "Kepala Bagian Umum dan Keuangan", "administrator", "BAGUM", kepala=True)
    + _p(212, "KasubagRT", "Kepala Subbagian Rumah Tangga", "pengawas", "SUBRT", kepala=True)
    + _p(213, "Pramu", "Pengelola Barang Milik Daerah", "pelaksana", "SUBRT")
    + _p(220, "Kadinkes", "Kepala Dinas Kesehatan", "jpt_pratama", "DINKES", kepala=True)
    + _p(221, "Direktur", "Direktur RSUD Madani", "administrator", "RSUD", kepala=True)
    + _p(222, "KabidMedik", "Kepala Bidang Pelayanan Medik", "administrator", "BIDYANMED", kepala=True)
    + _p(223, "Perawat", "Perawat Ahli Muda", "fungsional", "BIDYANMED", "ahli_muda")
    + _p(224, "Spesialis", "Dokter Ahli Madya", "fungsional", "BIDYANMED", "ahli_madya")
    + _p(230, "Kaban", "Kepala Badan Pendapatan Daerah", "jpt_pratama", "BAPENDA", kepala=True)
    + _p(231, "KabidPBB", "Kepala Bidang PBB", "administrator", "BIDPBB", kepala=True)
    + _p(232, "Kasubid", "Kepala Subbidang Pendataan dan Penetapan PBB", "pengawas", "SUBPBB", kepala=True)
    + _p(233, "Penata", "Penata Laksana Pajak", "pelaksana", "SUBPBB")
    + _p(235, "KaUPTP1", "Kepala UPT Pendapatan Pekanbaru I", "pengawas", "UPTP1", kepala=True)
    + _p(236, "KasubagTU", "Kepala Subbagian Tata Usaha", "pengawas", "UPTP1TU", kepala=True)
    + _p(237, "Juru", "Juru Pungut Pajak", "pelaksana", "UPTP1")
    + _p(240, "Kadishub", "Kepala Dinas Perhubungan", "jpt_pratama", "DISHUB", kepala=True)
    + _p(241, "KabidLL", "Kepala Bidang Lalu Lintas", "administrator", "BIDLL", kepala=True)
    + _p(242, "KasiMR", "Kepala Seksi Manajemen dan Rekayasa Lalu Lintas", "pengawas", "SEKSIMR", kepala=True)
    + _p(243, "Penguji", "Penguji Kendaraan Bermotor Terampil", "fungsional", "SEKSIMR", "terampil")
    + _p(250, "KadisPM", "Kepala DPMPTSP", "jpt_pratama", "DPMPTSP", kepala=True)
    + _p(251, "KabidPel", "Kepala Bidang Pelayanan Perizinan", "administrator", "BIDPEL", kepala=True)
    + _p(252, "Analis", "Analis Kebijakan Ahli Pertama", "fungsional", "BIDPEL", "ahli_pertama")
)


def _cited(h, text):
    return any(d.startswith(PERWAL) and text in d for d in h.dasar_hukum)


def _with_delegasi(org_text, *rows):
    return org_from_yaml(org_text + "delegasi:\n" + "".join(f"  - {r}\n" for r in rows))


# --- A.1.a: PD 2 level ----------------------------------------------------------------


def test_lampiran_A_1_a_jf_under_kepala_bidang_is_rated_and_led_by_kepala_bidang():
    h = kedudukan(org_from_yaml(ORG_DINAS), nip(21))
    assert nip_of(h, "ppk") == nip(20)
    assert nip_of(h, "pimpinan_unit") == nip(20)
    assert h.koordinator is None
    assert h.dasar_hukum == [f"{PERWAL}, Lampiran A.1.a (susunan organisasi 2 level)"]
    assert h.peringatan == []


def test_lampiran_A_1_a_pelaksana_in_subbagian_is_rated_by_sekretaris_and_coordinated_by_kasubag():
    # "Sekretaris yang membawahi Kepala Sub Bagian, maka Kepala Sub Bagian … menjadi
    # pelaksana koordinasi": the Kasubag is not the PPK (contrast the Kecamatan).
    for n in (13, 14):
        h = kedudukan(org_from_yaml(ORG_DINAS), nip(n))
        assert nip_of(h, "ppk") == nip(11)
        assert nip_of(h, "pimpinan_unit") == nip(11)
        assert nip_of(h, "koordinator") == nip(12)


def test_lampiran_A_1_a_kasubag_is_rated_by_sekretaris():
    h = kedudukan(org_from_yaml(ORG_DINAS), nip(12))
    assert nip_of(h, "ppk") == nip(11)
    assert _cited(h, "Lampiran A.1.a")


def test_lampiran_A_1_a_ahli_madya_under_inspektur_pembantu_is_rated_by_inspektur():
    # Rank ceiling (Pasal 1 angka 28): the Irban (administrator ≈ Ahli Madya) stays
    # pimpinan unit; the Inspektur rates. An Ahli Muda stays with the Irban.
    org = org_from_yaml(ORG_DINAS)
    h = kedudukan(org, nip(72))
    assert nip_of(h, "ppk") == nip(70)
    assert nip_of(h, "pimpinan_unit") == nip(71)
    assert _cited(h, "Pasal 1 angka 28")
    assert _cited(h, "Lampiran A.1.a")
    assert nip_of(kedudukan(org, nip(73)), "ppk") == nip(71)


def test_lampiran_A_1_a_vacant_kepala_bidang_leaves_kepala_dinas_as_ppk_and_pimpinan_unit():
    h = kedudukan(org_from_yaml(ORG_DINAS), nip(30))
    assert nip_of(h, "ppk") == nip(10)
    assert nip_of(h, "pimpinan_unit") == nip(10)
    assert any("kosong" in step for step in h.langkah)


def test_pasal_7_ayat_1_jf_placed_directly_under_the_kepala_dinas_is_rated_by_him():
    org = org_from_yaml(ORG_DINAS.replace('unit: P2P, jenjang: ahli_pertama', 'unit: DINKES, jenjang: ahli_pertama'))
    h = kedudukan(org, nip(30))
    assert nip_of(h, "ppk") == nip(10)
    assert h.dasar_hukum == [f"{PERWAL}, Pasal 7 ayat (1) dan ayat (3)"]


# --- A.1.b: Kecamatan ------------------------------------------------------------------


def test_lampiran_A_1_b_pelaksana_in_subbagian_kecamatan_is_rated_by_kasubag():
    h = kedudukan(org_from_yaml(ORG_KECAMATAN), nip(103))
    assert nip_of(h, "ppk") == nip(102)
    assert nip_of(h, "pimpinan_unit") == nip(102)
    assert _cited(h, "pelaksana di bawah Kepala Sub Bagian")


def test_lampiran_A_1_b_jf_in_subbagian_kecamatan_is_rated_by_sekretaris_camat():
    # "Sekretaris Camat sebagai Pejabat Penilai Kinerja untuk Kepala Sub Bagian dan
    # Kelompok Jabatan Fungsional": only pelaksana go to the Kasubag.
    h = kedudukan(org_from_yaml(ORG_KECAMATAN), nip(104))
    assert nip_of(h, "ppk") == nip(101)
    assert h.koordinator is None
    assert _cited(h, "JF dan pelaksana di bawah Sekretaris Camat")


def test_lampiran_A_1_b_jf_and_pelaksana_in_seksi_are_rated_by_sekcam_with_kasi_koordinator():
    for n in (106, 107):
        h = kedudukan(org_from_yaml(ORG_KECAMATAN), nip(n))
        assert nip_of(h, "ppk") == nip(101)
        assert nip_of(h, "pimpinan_unit") == nip(101)
        assert nip_of(h, "koordinator") == nip(105)
        assert _cited(h, "Kepala Seksi pelaksana koordinasi")


def test_lampiran_A_1_b_sekretaris_camat_is_rated_by_camat_although_both_are_administrators():
    h = kedudukan(org_from_yaml(ORG_KECAMATAN), nip(101))
    assert nip_of(h, "ppk") == nip(100)
    assert h.peringatan == []
    assert _cited(h, "Sekretaris Camat dan Kepala Seksi di bawah Camat")


def test_lampiran_A_1_b_ahli_madya_in_kecamatan_has_no_ppk_and_warns():
    # Sekretaris Camat and Camat are both ≈ Ahli Madya; the Perwal names no one above.
    h = kedudukan(org_from_yaml(ORG_KECAMATAN), nip(108))
    assert h.ppk is None
    assert nip_of(h, "pimpinan_unit") == nip(101)
    assert "tanpa_ppk" in h.kode_peringatan


def test_lampiran_A_1_b_kasubag_kecamatan_is_rated_by_sekretaris_camat():
    h = kedudukan(org_from_yaml(ORG_KECAMATAN), nip(102))
    assert nip_of(h, "ppk") == nip(101)
    assert _cited(h, "Sekretaris Camat PPK Kepala Sub Bagian")


def test_lampiran_A_1_b_vacant_sekretaris_camat_moves_ppk_to_camat():
    org = org_from_yaml(ORG_KECAMATAN.replace("unit: SEKCAM, kepala_unit: true", "unit: KEC, kepala_unit: false"))
    h = kedudukan(org, nip(106))
    assert nip_of(h, "ppk") == nip(100)
    assert nip_of(h, "koordinator") == nip(105)


# --- Lampiran A angka 1: Kelurahan -----------------------------------------------------


def test_lampiran_A_angka_1_pelaksana_in_kelurahan_is_rated_by_sekretaris_lurah():
    h = kedudukan(org_from_yaml(ORG_KECAMATAN), nip(112))
    assert nip_of(h, "ppk") == nip(111)
    assert nip_of(h, "pimpinan_unit") == nip(111)
    assert _cited(h, "pelaksana di bawah Sekretaris Lurah")


def test_lampiran_A_angka_1_vacant_sekretaris_lurah_leaves_the_lurah_as_ppk():
    h = kedudukan(org_from_yaml(ORG_KECAMATAN), nip(121))
    assert nip_of(h, "ppk") == nip(120)
    assert any("kosong" in step for step in h.langkah)


def test_lampiran_A_angka_1_jf_in_kelurahan_is_rated_by_lurah_and_ahli_muda_by_camat():
    org = org_from_yaml(ORG_KECAMATAN)
    h = kedudukan(org, nip(113))
    assert nip_of(h, "ppk") == nip(110)
    assert _cited(h, "Lurah sebagai Pejabat Penilai Kinerja")
    muda = kedudukan(org, nip(114))
    assert nip_of(muda, "ppk") == nip(100)
    assert nip_of(muda, "pimpinan_unit") == nip(110)
    assert _cited(muda, "Pasal 1 angka 28")


def test_lampiran_A_angka_1_sekretaris_lurah_is_rated_by_lurah_and_lurah_by_camat():
    org = org_from_yaml(ORG_KECAMATAN)
    assert nip_of(kedudukan(org, nip(111)), "ppk") == nip(110)
    h = kedudukan(org, nip(110))
    assert nip_of(h, "ppk") == nip(100)
    assert _cited(h, "Lurah berkedudukan di bawah Camat")


# --- Lampiran A angka 2: UPT dipimpin Pejabat Pengawas ---------------------------------


def test_lampiran_A_angka_2_kasubag_tu_is_rated_by_kepala_upt_although_both_are_pengawas():
    h = kedudukan(org_from_yaml(ORG_DINAS), nip(41))
    assert nip_of(h, "ppk") == nip(40)
    assert _cited(h, "Kasubag TU berkedudukan di bawah Kepala UPT")
    assert not _cited(h, "Pasal 1 angka 28")


def test_lampiran_A_angka_2_pelaksana_in_subbagian_tu_sits_directly_under_kepala_upt():
    h = kedudukan(org_from_yaml(ORG_DINAS), nip(42))
    assert nip_of(h, "ppk") == nip(40)
    assert nip_of(h, "pimpinan_unit") == nip(40)
    assert h.koordinator is None


def test_lampiran_A_angka_2_ahli_muda_in_upt_is_rated_by_kepala_dinas_kepala_upt_stays_pimpinan():
    org = org_from_yaml(ORG_DINAS)
    h = kedudukan(org, nip(44))
    assert nip_of(h, "ppk") == nip(10)
    assert nip_of(h, "pimpinan_unit") == nip(40)
    assert _cited(h, "Pasal 1 angka 28")
    assert nip_of(kedudukan(org, nip(43)), "ppk") == nip(40)


def test_lampiran_A_angka_2_b_upt_pendapatan_is_not_ruled_by_the_bapenda_template():
    h = kedudukan(org_from_yaml(ORG_TIGA_LEVEL), nip(237))
    assert nip_of(h, "ppk") == nip(235)
    assert _cited(h, "Lampiran A angka 2")
    assert nip_of(kedudukan(org_from_yaml(ORG_TIGA_LEVEL), nip(236)), "ppk") == nip(235)


def test_pasal_1_angka_28_upt_led_by_a_jf_waits_for_delegation_of_penilaian_kinerja():
    h = kedudukan(org_from_yaml(ORG_DINAS), nip(51))
    assert nip_of(h, "ppk") == nip(10)
    assert nip_of(h, "pimpinan_unit") == nip(50)
    assert any("Menunggu pendelegasian penilaian kinerja" in w for w in h.pesan_peringatan)


def test_pasal_1_angka_28_delegation_of_penilaian_kinerja_makes_the_jf_head_ppk():
    org = _with_delegasi(ORG_DINAS, f'{{dari: "{nip(10)}", kepada: "{nip(50)}", wewenang: penilaian_kinerja}}')
    h = kedudukan(org, nip(51))
    assert nip_of(h, "ppk") == nip(50)
    assert h.peringatan == []
    assert f"{PERWAL}, Pasal 1 angka 28 (pejabat lain yang diberi pendelegasian kewenangan)" in h.dasar_hukum


# --- Lampiran A angka 3: Puskesmas and Satuan Pendidikan -------------------------------


def test_lampiran_A_angka_3_kepala_puskesmas_rates_lower_jenjang_and_not_same_jenjang():
    org = org_from_yaml(ORG_DINAS)
    h = kedudukan(org, nip(61))
    assert nip_of(h, "ppk") == nip(60)
    assert _cited(h, "Lampiran A angka 3")
    same = kedudukan(org, nip(62))
    assert nip_of(same, "ppk") == nip(10)
    assert nip_of(same, "pimpinan_unit") == nip(60)


def test_pasal_1_angka_28_delegation_to_a_peer_head_warns_that_he_does_not_outrank():
    org = _with_delegasi(
        ORG_DINAS, f'{{dari: "{nip(10)}", kepada: "{nip(60)}", wewenang: penilaian_kinerja, pegawai: ["{nip(62)}"]}}'
    )
    h = kedudukan(org, nip(62))
    assert nip_of(h, "ppk") == nip(60)
    assert any("tidak lebih tinggi" in w for w in h.pesan_peringatan)


# --- Lampiran A angka 4 huruf c: PD lebih dari 2 level ---------------------------------


def test_lampiran_A_4_c_1_setda_jf_under_kabag_with_kasubag_as_koordinator():
    h = kedudukan(org_from_yaml(ORG_TIGA_LEVEL), nip(204))
    assert nip_of(h, "ppk") == nip(202)
    assert nip_of(h, "pimpinan_unit") == nip(202)
    assert nip_of(h, "koordinator") == nip(203)
    assert _cited(h, "Lampiran A angka 4 huruf c angka 1)")


def test_lampiran_A_4_c_1_setda_ahli_madya_is_rated_by_asisten():
    h = kedudukan(org_from_yaml(ORG_TIGA_LEVEL), nip(205))
    assert nip_of(h, "ppk") == nip(201)
    assert nip_of(h, "pimpinan_unit") == nip(202)


def test_lampiran_A_4_c_1_asisten_is_rated_by_sekda_and_kabag_by_asisten():
    org = org_from_yaml(ORG_TIGA_LEVEL)
    h = kedudukan(org, nip(201))
    assert nip_of(h, "ppk") == nip(1)
    assert h.peringatan == []
    kabag = kedudukan(org, nip(202))
    assert nip_of(kabag, "ppk") == nip(201)
    assert _cited(kabag, "Kepala Bagian di bawah Asisten")
    kasubag = kedudukan(org, nip(203))
    assert nip_of(kasubag, "ppk") == nip(202)
    assert _cited(kasubag, "Kepala Sub Bagian di bawah Kepala Bagian")


def test_lampiran_A_4_c_2_setwan_pelaksana_under_kabag_with_kasubag_koordinator():
    h = kedudukan(org_from_yaml(ORG_TIGA_LEVEL), nip(213))
    assert nip_of(h, "ppk") == nip(211)
    assert nip_of(h, "koordinator") == nip(212)
    assert _cited(h, "Sekretariat DPRD")


def test_lampiran_A_4_c_3_rsud_kabid_is_rated_by_direktur_and_ahli_madya_goes_to_kepala_dinas():
    org = org_from_yaml(ORG_TIGA_LEVEL)
    assert nip_of(kedudukan(org, nip(222)), "ppk") == nip(221)
    assert nip_of(kedudukan(org, nip(223)), "ppk") == nip(222)
    h = kedudukan(org, nip(224))
    # Kepala Bidang and Direktur are administrators (≈ Ahli Madya): up to Kepala Dinas Kesehatan.
    assert nip_of(h, "ppk") == nip(220)
    assert nip_of(h, "pimpinan_unit") == nip(222)
    assert _cited(h, "RSUD: JF dan pelaksana di bawah Kepala Bagian/Kepala Bidang")


def test_lampiran_A_4_c_4_bapenda_pelaksana_in_subbidang_is_rated_by_kabid_kasubid_koordinator():
    h = kedudukan(org_from_yaml(ORG_TIGA_LEVEL), nip(233))
    assert nip_of(h, "ppk") == nip(231)
    assert nip_of(h, "koordinator") == nip(232)
    assert _cited(h, "BPKAD dan Bapenda")


def test_lampiran_A_4_c_4_and_5_level_3_pengawas_are_rated_by_their_kepala_bidang():
    org = org_from_yaml(ORG_TIGA_LEVEL)
    kasubid = kedudukan(org, nip(232))
    assert nip_of(kasubid, "ppk") == nip(231)
    assert _cited(kasubid, "Kepala Bidang membawahi Kepala Sub Bidang")
    kasi = kedudukan(org, nip(242))
    assert nip_of(kasi, "ppk") == nip(241)
    assert _cited(kasi, "Lampiran A angka 4 huruf c angka 5)")


def test_lampiran_A_4_c_5_dishub_jf_in_seksi_is_rated_by_kabid_kasi_koordinator():
    h = kedudukan(org_from_yaml(ORG_TIGA_LEVEL), nip(243))
    assert nip_of(h, "ppk") == nip(241)
    assert nip_of(h, "pimpinan_unit") == nip(241)
    assert nip_of(h, "koordinator") == nip(242)
    assert _cited(h, "Lampiran A angka 4 huruf c angka 5)")


def test_lampiran_A_4_c_daftar_7_dpmptsp_jf_under_kabid():
    h = kedudukan(org_from_yaml(ORG_TIGA_LEVEL), nip(252))
    assert nip_of(h, "ppk") == nip(251)
    assert _cited(h, "Dinas Penanaman Modal")


def test_pasal_1_angka_29_delegation_of_pengelolaan_kinerja_makes_the_kasi_pimpinan_unit():
    org = _with_delegasi(
        ORG_TIGA_LEVEL, f'{{dari: "{nip(241)}", kepada: "{nip(242)}", wewenang: pengelolaan_kinerja}}'
    )
    h = kedudukan(org, nip(243))
    assert nip_of(h, "ppk") == nip(241)
    assert nip_of(h, "pimpinan_unit") == nip(242)
    assert _cited(h, "Pasal 1 angka 29")
