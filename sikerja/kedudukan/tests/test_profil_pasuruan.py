"""Profil pasuruan: Perbup Pasuruan 217/2023, Lampiran II.D, the ten unit templates.

Each test builds the smallest organisation in which the template's rule shows,
then checks PPK, pimpinan unit, koordinator and the cited article. Citations read
"Lampiran II.D.<template>.<a = Kedudukan | b = Penugasan> huruf/angka <item>".
"""

from sikerja.kedudukan.tests.util import kedudukan, nip, nip_of, org_from_yaml

INSTANSI = "instansi: {kode: kab-pasuruan, nama: Pemerintah Kabupaten Pasuruan, profil: pasuruan}\n"


def peg(n: int, nama: str, jabatan: str, jenis: str, unit: str, jenjang: str | None = None, kepala: bool = False) -> str:
    extra = f", jenjang: {jenjang}" if jenjang else ""
    return (
        f'  - {{nip: "{nip(n)}", nama: {nama}, jabatan: {jabatan}, jenis_jabatan: {jenis}, '
        f"unit: {unit}{extra}, kepala_unit: {str(kepala).lower()}}}\n"
    )


def build(units: str, pegawai: list[str], delegasi: str = ""):
    text = INSTANSI + "unit:\n" + units + "pegawai:\n" + "".join(pegawai)
    if delegasi:
        text += "delegasi:\n" + delegasi
    return org_from_yaml(text)


def delegasi(dari: int, kepada: int, wewenang: str, pegawai: list[int] = (), jenjang: list[str] = ()) -> str:
    row = f'  - {{dari: "{nip(dari)}", kepada: "{nip(kepada)}", wewenang: {wewenang}'
    if pegawai:
        row += ", pegawai: [" + ", ".join(f'"{nip(n)}"' for n in pegawai) + "]"
    if jenjang:
        row += ", jenjang: [" + ", ".join(jenjang) + "]"
    return row + "}\n"


def cites(h, text: str) -> bool:
    return any(text in d for d in h.dasar_hukum)


SEKDA = peg(1, "Yudha", "Sekretaris Daerah", "jpt_pratama", "SETDA", kepala=True)
SETDA_UNIT = "  - {kode: SETDA, nama: Sekretariat Daerah, jenis: sekretariat_daerah}\n"


# --- D.1 Sekretariat Daerah -----------------------------------------------------------

SETDA_UNITS = SETDA_UNIT + """\
  - {kode: ASPEM, nama: Asisten Pemerintahan dan Kesejahteraan Rakyat, jenis: asisten, induk: SETDA}
  - {kode: HUKUM, nama: Bagian Hukum, jenis: bagian, induk: ASPEM}
  - {kode: PUU, nama: Subbagian Perundang-undangan, jenis: subbagian, induk: HUKUM}
"""
SETDA_PEGAWAI = [
    SEKDA,
    peg(2, "Rina", "Asisten Pemerintahan dan Kesra", "jpt_pratama", "ASPEM", kepala=True),
    peg(3, "Agus", "Kepala Bagian Hukum", "administrator", "HUKUM", kepala=True),
    peg(4, "Wati", "Kepala Subbagian Perundang-undangan", "pengawas", "PUU", kepala=True),
    peg(5, "Dimas", "Perancang Peraturan Perundang-undangan Ahli Muda", "fungsional", "PUU", "ahli_muda"),
    peg(6, "Hartono", "Perancang Peraturan Perundang-undangan Ahli Madya", "fungsional", "HUKUM", "ahli_madya"),
]


def test_lampiran_II_D_1_a_jf_under_kasubag_is_rated_by_kabag_and_coordinated_by_kasubag():
    h = kedudukan(build(SETDA_UNITS, SETDA_PEGAWAI), nip(5))
    assert nip_of(h, "ppk") == nip(3)
    assert nip_of(h, "pimpinan_unit") == nip(3)
    assert nip_of(h, "koordinator") == nip(4)
    assert cites(h, "Perbup Pasuruan 217/2023, Lampiran II.D.1.a")
    assert h.peringatan == []


def test_lampiran_II_D_1_b_angka_5_ahli_madya_under_kabag_is_rated_by_asisten():
    h = kedudukan(build(SETDA_UNITS, SETDA_PEGAWAI), nip(6))
    assert nip_of(h, "ppk") == nip(2)
    assert nip_of(h, "pimpinan_unit") == nip(3)  # angka 4: Kabag tetap PUO
    assert cites(h, "Lampiran II.D.1.b angka 4 dan angka 5")


def test_lampiran_II_D_1_b_angka_1_asisten_is_rated_by_sekda_although_both_jpt_pratama():
    h = kedudukan(build(SETDA_UNITS, SETDA_PEGAWAI), nip(2))
    assert nip_of(h, "ppk") == nip(1)
    assert cites(h, "Lampiran II.D.1.b angka 1")


# --- D.2 Dinas/Badan dua level ------------------------------------------------------------

DINAS_UNITS = SETDA_UNIT + """\
  - {kode: DPU, nama: Dinas Pekerjaan Umum dan Penataan Ruang, jenis: dinas}
  - {kode: SEKR, nama: Sekretariat, jenis: sekretariat, induk: DPU}
  - {kode: UMUM, nama: Subbagian Umum dan Kepegawaian, jenis: subbagian, induk: SEKR}
  - {kode: BM, nama: Bidang Bina Marga, jenis: bidang, induk: DPU}
  - {kode: CK, nama: Bidang Cipta Karya, jenis: bidang, induk: DPU}
"""
DINAS_PEGAWAI = [
    SEKDA,
    peg(11, "Hasan", "Kepala Dinas PUPR", "jpt_pratama", "DPU", kepala=True),
    peg(12, "Lilik", "Kepala Bidang Bina Marga", "administrator", "BM", kepala=True),
    peg(13, "Siti", "Sekretaris Dinas", "administrator", "SEKR", kepala=True),
    peg(14, "Joko", "Kepala Subbagian Umum dan Kepegawaian", "pengawas", "UMUM", kepala=True),
    peg(15, "Bayu", "Teknik Jalan dan Jembatan Ahli Muda", "fungsional", "BM", "ahli_muda"),
    peg(16, "Tri", "Teknik Jalan dan Jembatan Ahli Madya", "fungsional", "BM", "ahli_madya"),
    peg(17, "Nur", "Pengadministrasi Perkantoran", "pelaksana", "UMUM"),
    peg(19, "Eka", "Penata Bangunan Ahli Pertama", "fungsional", "CK", "ahli_pertama"),
]


def test_lampiran_II_D_2_b_huruf_d_jf_under_kabid_is_rated_and_led_by_level_II():
    h = kedudukan(build(DINAS_UNITS, DINAS_PEGAWAI), nip(15))
    assert nip_of(h, "ppk") == nip(12)
    assert nip_of(h, "pimpinan_unit") == nip(12)
    assert h.koordinator is None
    assert cites(h, "Lampiran II.D.2.a")


def test_lampiran_II_D_2_b_huruf_h_level_III_pengawas_is_koordinator_not_ppk():
    h = kedudukan(build(DINAS_UNITS, DINAS_PEGAWAI), nip(17))
    assert nip_of(h, "ppk") == nip(13)
    assert nip_of(h, "pimpinan_unit") == nip(13)
    assert nip_of(h, "koordinator") == nip(14)


def test_lampiran_II_D_2_b_huruf_e_ahli_madya_is_rated_by_level_I_and_led_by_level_II():
    h = kedudukan(build(DINAS_UNITS, DINAS_PEGAWAI), nip(16))
    assert nip_of(h, "ppk") == nip(11)
    assert nip_of(h, "pimpinan_unit") == nip(12)
    assert cites(h, "Lampiran II.D.2.b huruf e")


def test_lampiran_II_D_2_vacant_kabid_moves_ppk_to_kepala_dinas_and_warns_of_no_pimpinan_unit():
    # Bidang Cipta Karya has no Kepala Bidang in the data.
    h = kedudukan(build(DINAS_UNITS, DINAS_PEGAWAI), nip(19))
    assert nip_of(h, "ppk") == nip(11)
    assert h.pimpinan_unit is None
    assert "tanpa_puo" in h.kode_peringatan


# --- D.3 Unit tanpa struktur yang disederhanakan ----------------------------------------------

TIDAK_DISEDERHANAKAN_UNITS = SETDA_UNIT + """\
  - {kode: SATPOL, nama: Satuan Polisi Pamong Praja, jenis: dinas, atribut: {urusan: ketenteraman_ketertiban}}
  - {kode: TRANTIB, nama: Bidang Ketertiban Umum dan Ketenteraman Masyarakat, jenis: bidang, induk: SATPOL}
  - {kode: OPS, nama: Seksi Operasi dan Pengendalian, jenis: seksi, induk: TRANTIB}
  - {kode: INSP, nama: Inspektorat Daerah, jenis: inspektorat}
  - {kode: IRBAN1, nama: Inspektur Pembantu Wilayah I, jenis: inspektur_pembantu, induk: INSP}
"""
TIDAK_DISEDERHANAKAN_PEGAWAI = [
    SEKDA,
    peg(21, "Bambang", "Kepala Satuan Polisi Pamong Praja", "jpt_pratama", "SATPOL", kepala=True),
    peg(22, "Yusuf", "Kepala Bidang Trantibum", "administrator", "TRANTIB", kepala=True),
    peg(23, "Anton", "Kepala Seksi Operasi dan Pengendalian", "pengawas", "OPS", kepala=True),
    peg(24, "Rudi", "Polisi Pamong Praja Terampil", "fungsional", "OPS", "terampil"),
    peg(25, "Endang", "Inspektur Daerah", "jpt_pratama", "INSP", kepala=True),
    peg(26, "Sulis", "Inspektur Pembantu Wilayah I", "administrator", "IRBAN1", kepala=True),
    peg(27, "Heru", "Auditor Ahli Madya", "fungsional", "IRBAN1", "ahli_madya"),
]


def test_lampiran_II_D_3_b_huruf_h_satpol_pp_kasi_coordinates_jf_rated_by_kabid():
    h = kedudukan(build(TIDAK_DISEDERHANAKAN_UNITS, TIDAK_DISEDERHANAKAN_PEGAWAI), nip(24))
    assert nip_of(h, "ppk") == nip(22)
    assert nip_of(h, "pimpinan_unit") == nip(22)
    assert nip_of(h, "koordinator") == nip(23)
    assert cites(h, "Lampiran II.D.3.a")


def test_lampiran_II_D_3_b_huruf_e_auditor_ahli_madya_is_rated_by_inspektur_and_led_by_irban():
    h = kedudukan(build(TIDAK_DISEDERHANAKAN_UNITS, TIDAK_DISEDERHANAKAN_PEGAWAI), nip(27))
    assert nip_of(h, "ppk") == nip(25)
    assert nip_of(h, "pimpinan_unit") == nip(26)
    assert cites(h, "Lampiran II.D.3.b huruf e")


# --- D.4 DPMPTSP -------------------------------------------------------------------------------

DPMPTSP_UNITS = SETDA_UNIT + """\
  - {kode: DPMPTSP, nama: Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu, jenis: dinas, atribut: {urusan: penanaman_modal}}
  - {kode: SEKR, nama: Sekretariat, jenis: sekretariat, induk: DPMPTSP}
  - {kode: TU, nama: Subbagian Umum dan Kepegawaian, jenis: subbagian, induk: SEKR}
  - {kode: YAN, nama: Bidang Pelayanan Perizinan, jenis: bidang, induk: DPMPTSP}
"""
DPMPTSP_PEGAWAI = [
    SEKDA,
    peg(31, "Ika", "Kepala DPMPTSP", "jpt_pratama", "DPMPTSP", kepala=True),
    peg(32, "Slamet", "Sekretaris", "administrator", "SEKR", kepala=True),
    peg(33, "Yuni", "Kepala Subbagian Umum dan Kepegawaian", "pengawas", "TU", kepala=True),
    peg(34, "Fajar", "Kepala Bidang Pelayanan Perizinan", "administrator", "YAN", kepala=True),
    peg(35, "Rahmat", "Analis Kebijakan Ahli Madya", "fungsional", "DPMPTSP", "ahli_madya"),
    peg(36, "Lina", "Pengadministrasi Umum", "pelaksana", "TU"),
    peg(37, "Doni", "Penata Perizinan Ahli Madya", "fungsional", "YAN", "ahli_madya"),
]


def test_lampiran_II_D_4_b_huruf_a_jf_directly_under_kepala_dpmptsp_is_rated_by_level_I():
    h = kedudukan(build(DPMPTSP_UNITS, DPMPTSP_PEGAWAI), nip(35))
    assert nip_of(h, "ppk") == nip(31)
    assert nip_of(h, "pimpinan_unit") == nip(31)
    assert cites(h, "Lampiran II.D.4.a dan II.D.4.b huruf a")


def test_lampiran_II_D_4_b_huruf_b_angka_5_kasubag_tu_coordinates_pelaksana_rated_by_sekretaris():
    h = kedudukan(build(DPMPTSP_UNITS, DPMPTSP_PEGAWAI), nip(36))
    assert nip_of(h, "ppk") == nip(32)
    assert nip_of(h, "pimpinan_unit") == nip(32)
    assert nip_of(h, "koordinator") == nip(33)


def test_lampiran_II_D_4_b_huruf_b_angka_9_ahli_madya_under_kabid_is_rated_by_level_I():
    h = kedudukan(build(DPMPTSP_UNITS, DPMPTSP_PEGAWAI), nip(37))
    assert nip_of(h, "ppk") == nip(31)
    assert nip_of(h, "pimpinan_unit") == nip(34)
    assert cites(h, "Lampiran II.D.4.b huruf b angka 9")


# --- D.5 RSUD Bangil and D.6 RSUD Grati -------------------------------------------------------

RSUD_UNITS = SETDA_UNIT + """\
  - {kode: DINKES, nama: Dinas Kesehatan, jenis: dinas}
  - {kode: BIDYANKES, nama: Bidang Pelayanan Kesehatan, jenis: bidang, induk: DINKES}
  - {kode: RSB, nama: RSUD Bangil, jenis: rsud, induk: DINKES}
  - {kode: WADIRYAN, nama: Wakil Direktur Pelayanan, jenis: wakil_direktur, induk: RSB}
  - {kode: YANMED, nama: Bidang Pelayanan Medik, jenis: bidang, induk: WADIRYAN}
  - {kode: RSG, nama: RSUD Grati, jenis: rsud, induk: DINKES, atribut: {kelas_rs: C}}
  - {kode: BIDKEP, nama: Bidang Pelayanan dan Keperawatan, jenis: bidang, induk: RSG}
  - {kode: SIKEP, nama: Seksi Keperawatan, jenis: seksi, induk: BIDKEP}
"""
RSUD_PEGAWAI = [
    SEKDA,
    peg(41, "Ani", "Kepala Dinas Kesehatan", "jpt_pratama", "DINKES", kepala=True),
    peg(42, "Tutik", "Direktur RSUD Bangil", "jpt_pratama", "RSB", kepala=True),
    peg(43, "Arif", "Wakil Direktur Pelayanan", "administrator", "WADIRYAN", kepala=True),
    peg(44, "Maya", "Kepala Bidang Pelayanan Medik", "administrator", "YANMED", kepala=True),
    peg(45, "Gita", "Dokter Ahli Muda", "fungsional", "YANMED", "ahli_muda"),
    peg(46, "Hendra", "Dokter Ahli Madya", "fungsional", "YANMED", "ahli_madya"),
    peg(47, "Prof. Santoso", "Dokter Ahli Utama", "fungsional", "YANMED", "ahli_utama"),
    peg(48, "Rizal", "Kepala Bidang Pelayanan Kesehatan", "administrator", "BIDYANKES", kepala=True),
    peg(51, "Nanang", "Direktur RSUD Grati", "administrator", "RSG", kepala=True),
    peg(52, "Dewi", "Kepala Bidang Pelayanan dan Keperawatan", "administrator", "BIDKEP", kepala=True),
    peg(53, "Sri", "Kepala Seksi Keperawatan", "pengawas", "SIKEP", kepala=True),
    peg(54, "Yanti", "Perawat Ahli Pertama", "fungsional", "SIKEP", "ahli_pertama"),
    peg(55, "Puji", "Perawat Ahli Muda", "fungsional", "SIKEP", "ahli_muda"),
    peg(56, "Wahyu", "Dokter Ahli Madya", "fungsional", "SIKEP", "ahli_madya"),
]


def test_lampiran_II_D_5_b_huruf_f_rsud_bangil_kabid_is_ppk_and_pimpinan_unit():
    h = kedudukan(build(RSUD_UNITS, RSUD_PEGAWAI), nip(45))
    assert nip_of(h, "ppk") == nip(44)
    assert nip_of(h, "pimpinan_unit") == nip(44)
    assert cites(h, "Lampiran II.D.5.a")


def test_lampiran_II_D_5_b_huruf_g_rsud_bangil_ahli_madya_is_rated_by_direktur_not_wakil_direktur():
    h = kedudukan(build(RSUD_UNITS, RSUD_PEGAWAI), nip(46))
    assert nip_of(h, "ppk") == nip(42)
    assert nip_of(h, "pimpinan_unit") == nip(44)
    assert cites(h, "Lampiran II.D.5.b huruf g")


def test_lampiran_II_D_5_b_huruf_k_rsud_bangil_ahli_utama_is_rated_by_sekda_and_has_no_pimpinan_unit():
    h = kedudukan(build(RSUD_UNITS, RSUD_PEGAWAI), nip(47))
    assert nip_of(h, "ppk") == nip(1)
    assert h.pimpinan_unit is None
    assert cites(h, "Lampiran II.D.5.b huruf j, huruf k dan huruf l")
    assert any("Menunggu pendelegasian pengelolaan kinerja" in w for w in h.pesan_peringatan)


def test_lampiran_II_D_5_b_huruf_l_sekda_delegates_pengelolaan_kinerja_of_ahli_utama_to_direktur():
    org = build(RSUD_UNITS, RSUD_PEGAWAI, delegasi(1, 42, "pengelolaan_kinerja", jenjang=["ahli_utama"]))
    h = kedudukan(org, nip(47))
    assert nip_of(h, "ppk") == nip(1)
    assert nip_of(h, "pimpinan_unit") == nip(42)
    assert h.peringatan == []
    assert cites(h, "pendelegasian kewenangan pengelolaan kinerja")


def test_lampiran_II_D_5_b_huruf_h_rsud_bangil_kabid_is_rated_by_wakil_direktur_of_equal_rank():
    h = kedudukan(build(RSUD_UNITS, RSUD_PEGAWAI), nip(44))
    assert nip_of(h, "ppk") == nip(43)
    assert cites(h, "Lampiran II.D.5.b huruf d dan huruf h")


def test_lampiran_II_D_6_b_huruf_f_rsud_grati_pengawas_is_ppk_and_pimpinan_unit():
    h = kedudukan(build(RSUD_UNITS, RSUD_PEGAWAI), nip(54))
    assert nip_of(h, "ppk") == nip(53)
    assert nip_of(h, "pimpinan_unit") == nip(53)
    assert cites(h, "Lampiran II.D.6.a")


def test_lampiran_II_D_6_b_huruf_h_rsud_grati_ahli_muda_is_rated_by_kabid_and_led_by_pengawas():
    h = kedudukan(build(RSUD_UNITS, RSUD_PEGAWAI), nip(55))
    assert nip_of(h, "ppk") == nip(52)
    assert nip_of(h, "pimpinan_unit") == nip(53)
    assert cites(h, "Lampiran II.D.6.b huruf g dan huruf h")


def test_lampiran_II_D_6_b_huruf_k_rsud_grati_ahli_madya_is_rated_by_kepala_dinas_kesehatan_without_pimpinan_unit():
    h = kedudukan(build(RSUD_UNITS, RSUD_PEGAWAI), nip(56))
    assert nip_of(h, "ppk") == nip(41)
    assert h.pimpinan_unit is None
    assert cites(h, "Lampiran II.D.6.b huruf k, huruf l dan huruf o")
    assert any("pimpinan unit" in w.lower() for w in h.pesan_peringatan)
    assert any("Menunggu pendelegasian pengelolaan kinerja" in w for w in h.pesan_peringatan)


def test_lampiran_II_D_6_b_huruf_l_kepala_dinas_kesehatan_delegates_pengelolaan_kinerja_to_pengawas():
    org = build(RSUD_UNITS, RSUD_PEGAWAI, delegasi(41, 53, "pengelolaan_kinerja", pegawai=[56]))
    h = kedudukan(org, nip(56))
    assert nip_of(h, "ppk") == nip(41)
    assert nip_of(h, "pimpinan_unit") == nip(53)
    assert h.peringatan == []
    assert cites(h, "Lampiran II.D.5.b huruf l dan II.D.6.b huruf l")


def test_lampiran_II_D_6_b_huruf_c_rsud_grati_kabid_is_rated_by_direktur_of_equal_rank():
    h = kedudukan(build(RSUD_UNITS, RSUD_PEGAWAI), nip(52))
    assert nip_of(h, "ppk") == nip(51)
    assert cites(h, "Lampiran II.D.6.b huruf c")


# --- D.7 Kecamatan and D.8 Kelurahan ------------------------------------------------------------

KECAMATAN_UNITS = SETDA_UNIT + """\
  - {kode: KEC, nama: Kecamatan Bangil, jenis: kecamatan}
  - {kode: SEKCAM, nama: Sekretariat Kecamatan, jenis: sekretariat, induk: KEC}
  - {kode: SUBUM, nama: Subbagian Umum dan Kepegawaian, jenis: subbagian, induk: SEKCAM}
  - {kode: PEM, nama: Seksi Pemerintahan, jenis: seksi, induk: KEC}
  - {kode: KEL, nama: Kelurahan Kalirejo, jenis: kelurahan, induk: KEC}
  - {kode: SEKEL, nama: Sekretariat Kelurahan, jenis: sekretariat, induk: KEL}
"""
LURAH = peg(67, "Sugeng", "Lurah Kalirejo", "pengawas", "KEL", kepala=True)
KECAMATAN_PEGAWAI = [
    SEKDA,
    peg(61, "Hadi", "Camat Bangil", "administrator", "KEC", kepala=True),
    peg(62, "Lestari", "Sekretaris Kecamatan", "administrator", "SEKCAM", kepala=True),
    peg(63, "Imam", "Kepala Seksi Pemerintahan", "pengawas", "PEM", kepala=True),
    peg(65, "Rohman", "Pengolah Data Pemerintahan", "pelaksana", "PEM"),
    peg(66, "Fitri", "Analis Kebijakan Ahli Muda", "fungsional", "PEM", "ahli_muda"),
    LURAH,
    peg(68, "Nita", "Sekretaris Kelurahan", "pengawas", "SEKEL", kepala=True),
    peg(69, "Agung", "Pengadministrasi Umum", "pelaksana", "SEKEL"),
    peg(70, "Bagus", "Penata Kelola Sistem dan Teknologi Informasi Ahli Muda", "fungsional", "KEL", "ahli_muda"),
]


def test_lampiran_II_D_7_b_huruf_c_kecamatan_kasi_is_ppk_and_pimpinan_unit_of_pelaksana():
    h = kedudukan(build(KECAMATAN_UNITS, KECAMATAN_PEGAWAI), nip(65))
    assert nip_of(h, "ppk") == nip(63)
    assert nip_of(h, "pimpinan_unit") == nip(63)
    assert cites(h, "Lampiran II.D.7.a")


def test_lampiran_II_D_7_b_huruf_e_kecamatan_ahli_muda_is_rated_by_camat_and_led_by_kasi():
    h = kedudukan(build(KECAMATAN_UNITS, KECAMATAN_PEGAWAI), nip(66))
    assert nip_of(h, "ppk") == nip(61)
    assert nip_of(h, "pimpinan_unit") == nip(63)
    assert cites(h, "Lampiran II.D.7.b huruf d dan huruf e")


def test_lampiran_II_D_7_b_huruf_e_ahli_muda_in_a_subbagian_of_the_sekretariat_is_rated_by_the_camat():
    # The "Pejabat Administrator" of huruf e is Level I of the two-level picture (D.7.a), the
    # Camat — not the Sekretaris Kecamatan between the Kasubag and the Camat.
    pegawai = KECAMATAN_PEGAWAI + [
        peg(71, "Dimas", "Kepala Subbagian Umum", "pengawas", "SUBUM", kepala=True),
        peg(72, "Rina", "Analis SDM Aparatur Ahli Muda", "fungsional", "SUBUM", "ahli_muda"),
    ]
    h = kedudukan(build(KECAMATAN_UNITS, pegawai), nip(72))
    assert (nip_of(h, "ppk"), nip_of(h, "pimpinan_unit")) == (nip(61), nip(71))


def test_lampiran_II_D_7_a_jf_placed_outside_a_seksi_or_subbagian_is_flagged():
    pegawai = KECAMATAN_PEGAWAI + [peg(73, "Yoga", "Pranata Komputer Ahli Pertama", "fungsional", "SEKCAM",
                                       "ahli_pertama")]
    h = kedudukan(build(KECAMATAN_UNITS, pegawai), nip(73))
    assert nip_of(h, "ppk") == nip(62) and cites(h, "Lampiran II.D.7.a")
    assert any("tidak diatur" in w for w in h.pesan_peringatan)


def test_pasal_1_angka_23_sekretaris_kecamatan_is_rated_by_camat_as_atasan_langsung():
    h = kedudukan(build(KECAMATAN_UNITS, KECAMATAN_PEGAWAI), nip(62))
    assert nip_of(h, "ppk") == nip(61)
    assert cites(h, "Pasal 1 angka 23")
    assert h.peringatan == []


def test_lampiran_II_D_8_b_huruf_e_kelurahan_lurah_rates_and_sekretaris_kelurahan_coordinates():
    h = kedudukan(build(KECAMATAN_UNITS, KECAMATAN_PEGAWAI), nip(69))
    assert nip_of(h, "ppk") == nip(67)
    assert nip_of(h, "pimpinan_unit") == nip(67)
    assert nip_of(h, "koordinator") == nip(68)
    assert cites(h, "Lampiran II.D.8.a")


def test_lampiran_II_D_8_b_huruf_g_kelurahan_ahli_muda_is_rated_by_camat_and_led_by_lurah():
    h = kedudukan(build(KECAMATAN_UNITS, KECAMATAN_PEGAWAI), nip(70))
    assert nip_of(h, "ppk") == nip(61)
    assert nip_of(h, "pimpinan_unit") == nip(67)
    assert h.koordinator is None  # the Lurah leads him; he is not a mere koordinator
    assert cites(h, "Lampiran II.D.8.b huruf f dan huruf g")


def test_lampiran_II_D_8_b_huruf_c_lurah_rates_level_II_pengawas_of_equal_rank():
    h = kedudukan(build(KECAMATAN_UNITS, KECAMATAN_PEGAWAI), nip(68))
    assert nip_of(h, "ppk") == nip(67)
    assert cites(h, "Lampiran II.D.8.b huruf b dan huruf c")


def test_lampiran_II_D_8_b_huruf_a_lurah_is_rated_by_camat():
    h = kedudukan(build(KECAMATAN_UNITS, KECAMATAN_PEGAWAI), nip(67))
    assert nip_of(h, "ppk") == nip(61)
    assert cites(h, "Lampiran II.D.8.b huruf a")


def test_lampiran_II_D_8_vacant_lurah_moves_ppk_to_camat_and_warns():
    pegawai = [p for p in KECAMATAN_PEGAWAI if p is not LURAH]
    h = kedudukan(build(KECAMATAN_UNITS, pegawai), nip(69))
    assert nip_of(h, "ppk") == nip(61)
    assert h.pimpinan_unit is None
    assert nip_of(h, "koordinator") == nip(68)
    assert "tanpa_puo" in h.kode_peringatan


# --- D.8 UPTD Tipe A, D.9 Puskesmas/Satuan Pendidikan, D.10 UPT Tipe B -----------------------------

UPT_UNITS = SETDA_UNIT + """\
  - {kode: DLH, nama: Dinas Lingkungan Hidup, jenis: dinas}
  - {kode: SEKDLH, nama: Sekretariat, jenis: sekretariat, induk: DLH}
  - {kode: UPTLAB, nama: UPT Laboratorium Lingkungan, jenis: uptd, induk: DLH}
  - {kode: UPTSAMPAH, nama: UPTD Tipe A Pengelolaan Persampahan, jenis: uptd, induk: DLH, atribut: {tipe_uptd: A}}
  - {kode: TUSAMPAH, nama: Subbagian Tata Usaha, jenis: subbagian, induk: UPTSAMPAH}
  - {kode: DINKES, nama: Dinas Kesehatan, jenis: dinas}
  - {kode: YANKES, nama: Bidang Pelayanan Kesehatan, jenis: bidang, induk: DINKES}
  - {kode: PKM, nama: Puskesmas Bangil, jenis: puskesmas, induk: DINKES}
  - {kode: DISDIK, nama: Dinas Pendidikan, jenis: dinas, atribut: {urusan: pendidikan}}
  - {kode: SMPN1, nama: SMP Negeri 1 Bangil, jenis: satuan_pendidikan, induk: DISDIK}
"""
UPT_PEGAWAI = [
    SEKDA,
    peg(71, "Supriyadi", "Kepala Dinas Pendidikan", "jpt_pratama", "DISDIK", kepala=True),
    peg(73, "Mulyono", "Guru Ahli Madya (Kepala Sekolah)", "fungsional", "SMPN1", "ahli_madya", kepala=True),
    peg(74, "Sumarni", "Guru Ahli Madya", "fungsional", "SMPN1", "ahli_madya"),
    peg(75, "Rizki", "Guru Ahli Muda", "fungsional", "SMPN1", "ahli_muda"),
    peg(81, "Teguh", "Kepala Dinas Lingkungan Hidup", "jpt_pratama", "DLH", kepala=True),
    peg(82, "Umi", "Sekretaris Dinas Lingkungan Hidup", "administrator", "SEKDLH", kepala=True),
    peg(83, "Wahid", "Kepala UPT Laboratorium Lingkungan", "pengawas", "UPTLAB", kepala=True),
    peg(84, "Ratna", "Pengendali Dampak Lingkungan Ahli Muda", "fungsional", "UPTLAB", "ahli_muda"),
    peg(85, "Ahmad", "Pranata Laboratorium Kesehatan Terampil", "fungsional", "UPTLAB", "terampil"),
    peg(86, "Dedi", "Kepala UPTD Pengelolaan Persampahan", "pengawas", "UPTSAMPAH", kepala=True),
    peg(87, "Susi", "Kepala Subbagian Tata Usaha", "pengawas", "TUSAMPAH", kepala=True),
    peg(88, "Hari", "Pengadministrasi Umum", "pelaksana", "TUSAMPAH"),
    peg(89, "Yoga", "Pengendali Dampak Lingkungan Ahli Muda", "fungsional", "UPTSAMPAH", "ahli_muda"),
    peg(41, "Ani", "Kepala Dinas Kesehatan", "jpt_pratama", "DINKES", kepala=True),
    peg(91, "dr. Lia", "Dokter Ahli Muda (Kepala Puskesmas)", "fungsional", "PKM", "ahli_muda", kepala=True),
    peg(92, "dr. Fikri", "Dokter Ahli Muda", "fungsional", "PKM", "ahli_muda"),
    peg(93, "Sari", "Perawat Terampil", "fungsional", "PKM", "terampil"),
    peg(94, "Bowo", "Kepala Bidang Pelayanan Kesehatan", "administrator", "YANKES", kepala=True),
]


def test_lampiran_II_D_8_b_huruf_e_uptd_tipe_a_kasubag_tu_coordinates_pelaksana_rated_by_kepala_uptd():
    h = kedudukan(build(UPT_UNITS, UPT_PEGAWAI), nip(88))
    assert nip_of(h, "ppk") == nip(86)
    assert nip_of(h, "pimpinan_unit") == nip(86)
    assert nip_of(h, "koordinator") == nip(87)
    assert cites(h, "Lampiran II.D.8.a")


def test_lampiran_II_D_8_a_an_uptd_with_a_level_ii_unit_is_tipe_a_for_everyone_in_it():
    # Only Tipe A has a Level II unit: the name need not say "Tipe A", and the JF placed directly
    # under the Kepala UPTD is governed by D.8 like the pelaksana in the Subbagian TU.
    units = UPT_UNITS.replace("UPTD Tipe A Pengelolaan Persampahan", "UPTD Pengelolaan Persampahan")
    org = build(units, UPT_PEGAWAI)
    for n in (88, 89):
        assert cites(kedudukan(org, nip(n)), "Lampiran II.D.8.a"), n
    assert cites(kedudukan(org, nip(86)), "Lampiran II.D.8.b huruf a")
    # The laboratory UPT has no Level II unit: Tipe B (D.10).
    assert cites(kedudukan(org, nip(84)), "Lampiran II.D.10.a")


def test_lampiran_II_D_8_b_huruf_g_uptd_tipe_a_ahli_muda_is_rated_by_kepala_dinas():
    h = kedudukan(build(UPT_UNITS, UPT_PEGAWAI), nip(89))
    assert nip_of(h, "ppk") == nip(81)
    assert nip_of(h, "pimpinan_unit") == nip(86)
    assert cites(h, "Lampiran II.D.8.b huruf f dan huruf g")


def test_lampiran_II_D_9_b_huruf_d_kepala_sekolah_rates_guru_of_lower_jenjang():
    h = kedudukan(build(UPT_UNITS, UPT_PEGAWAI), nip(75))
    assert nip_of(h, "ppk") == nip(73)
    assert nip_of(h, "pimpinan_unit") == nip(73)
    assert cites(h, "Lampiran II.D.9.a")


def test_lampiran_II_D_9_b_huruf_g_guru_of_same_jenjang_as_kepala_sekolah_is_rated_by_kepala_dinas():
    h = kedudukan(build(UPT_UNITS, UPT_PEGAWAI), nip(74))
    assert nip_of(h, "ppk") == nip(71)
    assert nip_of(h, "pimpinan_unit") == nip(73)
    assert cites(h, "Lampiran II.D.9.b huruf f dan huruf g")


def test_lampiran_II_D_9_b_huruf_g_kepala_dinas_delegates_penilaian_of_same_jenjang_dokter_to_administrator():
    org = build(UPT_UNITS, UPT_PEGAWAI, delegasi(41, 94, "penilaian_kinerja", jenjang=["ahli_muda"]))
    h = kedudukan(org, nip(92))
    assert nip_of(h, "ppk") == nip(94)
    assert nip_of(h, "pimpinan_unit") == nip(91)
    assert h.peringatan == []
    assert cites(h, "pendelegasian kewenangan penilaian kinerja")
    # The Perawat Terampil is rated by the Kepala Puskesmas; the delegation does not reach him.
    assert nip_of(kedudukan(org, nip(93)), "ppk") == nip(91)


def test_lampiran_II_D_9_b_huruf_a_kepala_puskesmas_is_rated_by_kepala_dinas():
    h = kedudukan(build(UPT_UNITS, UPT_PEGAWAI), nip(91))
    assert nip_of(h, "ppk") == nip(41)
    assert cites(h, "Lampiran II.D.9.b huruf a")


def test_lampiran_II_D_10_b_huruf_d_kepala_upt_tipe_b_rates_and_leads_jf_keterampilan():
    h = kedudukan(build(UPT_UNITS, UPT_PEGAWAI), nip(85))
    assert nip_of(h, "ppk") == nip(83)
    assert nip_of(h, "pimpinan_unit") == nip(83)
    assert h.koordinator is None
    assert cites(h, "Lampiran II.D.10.a")


def test_lampiran_II_D_10_b_huruf_f_upt_tipe_b_ahli_muda_is_rated_by_kepala_dinas():
    h = kedudukan(build(UPT_UNITS, UPT_PEGAWAI), nip(84))
    assert nip_of(h, "ppk") == nip(81)
    assert nip_of(h, "pimpinan_unit") == nip(83)
    assert cites(h, "Lampiran II.D.10.b huruf e dan huruf f")


def test_lampiran_II_D_10_b_huruf_f_kepala_dinas_delegates_penilaian_of_ahli_muda_to_sekretaris():
    org = build(UPT_UNITS, UPT_PEGAWAI, delegasi(81, 82, "penilaian_kinerja", pegawai=[84]))
    h = kedudukan(org, nip(84))
    assert nip_of(h, "ppk") == nip(82)
    assert nip_of(h, "pimpinan_unit") == nip(83)
    assert cites(h, "Lampiran II.D.8.b huruf g, II.D.9.b huruf g dan II.D.10.b huruf f")
