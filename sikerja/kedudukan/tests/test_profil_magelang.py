"""Profil magelang: Perwal Magelang 25/2023, Pasal 7–8, Lampiran I (Kedudukan) dan IV.

Each test builds a small organisation of the kind the Lampiran depicts and checks
who is PPK, pimpinan unit organisasi and koordinator, and the cited article.
"""

from sikerja.kedudukan.tests.util import kedudukan, nip, nip_of, org_from_yaml

P = "Perwal Magelang 25/2023"


def _org(units: str, pegawai: str, delegasi: str = "") -> str:
    text = f"""
instansi: {{kode: kota-magelang, nama: Pemerintah Kota Magelang, profil: magelang}}
unit:
  - {{kode: SETDA, nama: Sekretariat Daerah, jenis: sekretariat_daerah}}
{units}
pegawai:
  - {{nip: "{nip(1)}", nama: Sekda, jabatan: Sekretaris Daerah, jenis_jabatan: jpt_pratama, unit: SETDA, kepala_unit: true}}
{pegawai}
"""
    if delegasi:
        text += f"delegasi:\n{delegasi}\n"
    return text


def _peg(n: int, nama: str, jabatan: str, jj: str, unit: str, jenjang: str | None = None, kepala: bool = False) -> str:
    extra = f", jenjang: {jenjang}" if jenjang else ""
    head = ", kepala_unit: true" if kepala else ""
    return f'  - {{nip: "{nip(n)}", nama: {nama}, jabatan: {jabatan}, jenis_jabatan: {jj}, unit: {unit}{extra}{head}}}'


# --- Dinas (Lampiran I angka 1 huruf a/b/f, Lampiran IV huruf A) ------------------------

DINAS_UNITS = """
  - {kode: DLH, nama: Dinas Lingkungan Hidup, jenis: dinas}
  - {kode: DLH-SEK, nama: Sekretariat DLH, jenis: sekretariat, induk: DLH}
  - {kode: DLH-UMPEG, nama: Subbagian Umum dan Kepegawaian, jenis: subbagian, induk: DLH-SEK}
  - {kode: DLH-PPKL, nama: Bidang Pengendalian Pencemaran, jenis: bidang, induk: DLH}
  - {kode: DISHUB, nama: Dinas Perhubungan, jenis: dinas, atribut: {urusan: perhubungan}}
  - {kode: DISHUB-LL, nama: Bidang Lalu Lintas, jenis: bidang, induk: DISHUB}
  - {kode: DISHUB-LL-MRK, nama: Seksi Manajemen dan Rekayasa Lalu Lintas, jenis: seksi, induk: DISHUB-LL}
"""
DINAS_PEGAWAI = "\n".join(
    [
        _peg(10, "Hartono", "Kepala Dinas Lingkungan Hidup", "jpt_pratama", "DLH", kepala=True),
        _peg(11, "Sulastri", "Sekretaris DLH", "administrator", "DLH-SEK", kepala=True),
        _peg(12, "Bambang", "Kepala Subbagian Umum dan Kepegawaian", "pengawas", "DLH-UMPEG", kepala=True),
        _peg(13, "Wulan", "Pengelola Kepegawaian", "pelaksana", "DLH-UMPEG"),
        _peg(14, "Agus", "Kepala Bidang Pengendalian Pencemaran", "administrator", "DLH-PPKL", kepala=True),
        _peg(15, "Rina", "Pengendali Dampak Lingkungan Ahli Muda", "fungsional", "DLH-PPKL", "ahli_muda"),
        _peg(16, "Joko", "Pengendali Dampak Lingkungan Ahli Madya", "fungsional", "DLH-PPKL", "ahli_madya"),
        _peg(20, "Slamet", "Kepala Dinas Perhubungan", "jpt_pratama", "DISHUB", kepala=True),
        _peg(21, "Dwi", "Kepala Bidang Lalu Lintas", "administrator", "DISHUB-LL", kepala=True),
        _peg(22, "Yanto", "Kepala Seksi Manajemen dan Rekayasa Lalu Lintas", "pengawas", "DISHUB-LL-MRK", kepala=True),
        _peg(23, "Tri", "Penguji Kendaraan Bermotor Terampil", "fungsional", "DISHUB-LL-MRK", "terampil"),
    ]
)


def test_lampiran_IV_A_2_jf_in_bidang_is_rated_and_led_by_kepala_bidang():
    h = kedudukan(org_from_yaml(_org(DINAS_UNITS, DINAS_PEGAWAI)), nip(15))
    assert nip_of(h, "ppk") == nip(14)
    assert nip_of(h, "pimpinan_unit") == nip(14)
    assert h.koordinator is None
    assert h.aturan == "magelang-pd-level-2"
    assert f"{P}, Lampiran I angka 1 huruf a dan huruf b; Lampiran IV huruf A angka 2" in h.dasar_hukum
    assert h.peringatan == []


def test_lampiran_I_1_a_ahli_madya_under_kepala_bidang_is_rated_by_kepala_dinas():
    # Rank ceiling: an administrator (≈ Ahli Madya) does not rate an Ahli Madya.
    h = kedudukan(org_from_yaml(_org(DINAS_UNITS, DINAS_PEGAWAI)), nip(16))
    assert nip_of(h, "ppk") == nip(10)
    assert nip_of(h, "pimpinan_unit") == nip(14)
    assert any(d.startswith(f"{P}, Pasal 1 angka 16 jo. Pasal 17 ayat (2)") for d in h.dasar_hukum)


def test_pasal_8_ayat_3_kepala_seksi_dinas_perhubungan_is_koordinator_not_ppk():
    # Lampiran I angka 1 huruf f: Dishub "masih terdapat jabatan pengawas berupa kepala
    # seksi" — yet the pengawas only coordinates; the Kabid rates.
    h = kedudukan(org_from_yaml(_org(DINAS_UNITS, DINAS_PEGAWAI)), nip(23))
    assert nip_of(h, "ppk") == nip(21)
    assert nip_of(h, "pimpinan_unit") == nip(21)
    assert nip_of(h, "koordinator") == nip(22)
    assert any("Pasal 8 ayat (3)" in d for d in h.dasar_hukum)


def test_lampiran_IV_A_3_pelaksana_in_subbagian_sekretariat_is_rated_by_sekretaris():
    h = kedudukan(org_from_yaml(_org(DINAS_UNITS, DINAS_PEGAWAI)), nip(13))
    assert nip_of(h, "ppk") == nip(11)
    assert nip_of(h, "pimpinan_unit") == nip(11)
    assert nip_of(h, "koordinator") == nip(12)


def test_lampiran_IV_A_vacant_kepala_bidang_moves_ppk_to_kepala_dinas_and_warns():
    pegawai = DINAS_PEGAWAI.replace('unit: DLH-PPKL, kepala_unit: true', "unit: DLH")
    h = kedudukan(org_from_yaml(_org(DINAS_UNITS, pegawai)), nip(15))
    assert nip_of(h, "ppk") == nip(10)
    assert h.pimpinan_unit is None
    assert "tanpa_puo" in h.kode_peringatan
    assert any("kosong" in s for s in h.langkah)


def test_pasal_1_angka_16_delegation_of_penilaian_kinerja_from_kepala_dinas():
    # Kepala Dinas (PPK of the Ahli Madya by the rank ceiling) delegates rating to the
    # Sekretaris: "pejabat lain yang diberikan pendelegasian kewenangan".
    delegasi = f'  - {{dari: "{nip(10)}", kepada: "{nip(11)}", wewenang: penilaian_kinerja, jenjang: [ahli_madya]}}'
    h = kedudukan(org_from_yaml(_org(DINAS_UNITS, DINAS_PEGAWAI, delegasi)), nip(16))
    assert nip_of(h, "ppk") == nip(11)
    assert nip_of(h, "pimpinan_unit") == nip(14)
    assert any(d.startswith(f"{P}, Pasal 1 angka 16 (Pejabat Penilai Kinerja termasuk") for d in h.dasar_hukum)
    # The Sekretaris is an administrator, not above an Ahli Madya: the system says so.
    assert any("tidak lebih tinggi" in w for w in h.pesan_peringatan)


def test_delegation_of_pengelolaan_kinerja_makes_the_kepala_seksi_pimpinan_unit():
    # The Perwal has no own clause on delegating pengelolaan kinerja (Pasal 17 ayat (2)
    # refers to the national rules): the national basis is cited.
    delegasi = f'  - {{dari: "{nip(21)}", kepada: "{nip(22)}", wewenang: pengelolaan_kinerja, pegawai: ["{nip(23)}"]}}'
    h = kedudukan(org_from_yaml(_org(DINAS_UNITS, DINAS_PEGAWAI, delegasi)), nip(23))
    assert nip_of(h, "ppk") == nip(21)
    assert nip_of(h, "pimpinan_unit") == nip(22)
    assert "PermenPANRB 7/2022, Lampiran, pendelegasian kewenangan pengelolaan kinerja" in h.dasar_hukum


# --- DPMPTSP (Lampiran I angka 1 huruf c, Lampiran IV huruf B) ----------------------------

DPMPTSP_UNITS = """
  - {kode: DPMPTSP, nama: Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu, jenis: dinas, atribut: {urusan: penanaman_modal}}
  - {kode: DPM-SEK, nama: Sekretariat, jenis: sekretariat, induk: DPMPTSP}
  - {kode: DPM-UMPEG, nama: Subbagian Umum dan Kepegawaian, jenis: subbagian, induk: DPM-SEK}
"""
DPMPTSP_PEGAWAI = "\n".join(
    [
        _peg(30, "Retno", "Kepala DPMPTSP", "jpt_pratama", "DPMPTSP", kepala=True),
        _peg(31, "Heru", "Sekretaris", "administrator", "DPM-SEK", kepala=True),
        _peg(32, "Nanik", "Kepala Subbagian Umum dan Kepegawaian", "pengawas", "DPM-UMPEG", kepala=True),
        _peg(33, "Ari", "Arsiparis Terampil", "fungsional", "DPM-UMPEG", "terampil"),
        _peg(34, "Fajar", "Analis Kebijakan Ahli Madya", "fungsional", "DPMPTSP", "ahli_madya"),
        _peg(35, "Lina", "Penata Perizinan Ahli Muda", "fungsional", "DPM-SEK", "ahli_muda"),
    ]
)


def test_lampiran_IV_B_dpmptsp_sekretariat_kepala_dinas_ppk_sekretaris_puo_kasubag_koordinator():
    h = kedudukan(org_from_yaml(_org(DPMPTSP_UNITS, DPMPTSP_PEGAWAI)), nip(33))
    assert nip_of(h, "ppk") == nip(30)
    assert nip_of(h, "pimpinan_unit") == nip(31)
    assert nip_of(h, "koordinator") == nip(32)
    assert f"{P}, Lampiran IV huruf B angka 1, angka 2 dan angka 3" in h.dasar_hukum


def test_lampiran_IV_B_dpmptsp_jf_in_sekretariat_is_not_rated_by_the_sekretaris():
    # Unlike other Dinas (Lampiran IV huruf A), the Sekretaris only recommends.
    h = kedudukan(org_from_yaml(_org(DPMPTSP_UNITS, DPMPTSP_PEGAWAI)), nip(35))
    assert nip_of(h, "ppk") == nip(30)
    assert nip_of(h, "pimpinan_unit") == nip(31)
    assert h.koordinator is None


def test_lampiran_I_1_c_dpmptsp_jf_directly_under_kepala_dinas():
    h = kedudukan(org_from_yaml(_org(DPMPTSP_UNITS, DPMPTSP_PEGAWAI)), nip(34))
    assert nip_of(h, "ppk") == nip(30)
    assert nip_of(h, "pimpinan_unit") == nip(30)
    assert h.aturan == "magelang-dpmptsp"
    assert any("Lampiran I angka 1 huruf c" in d for d in h.dasar_hukum)


# --- Sekretariat Daerah (Lampiran I angka 1 huruf d, Lampiran IV huruf C) ------------------

SETDA_UNITS = """
  - {kode: AS-EKBANG, nama: Asisten Perekonomian dan Pembangunan, jenis: asisten, induk: SETDA}
  - {kode: BAG-PBJ, nama: Bagian Pengadaan Barang dan Jasa, jenis: bagian, induk: AS-EKBANG}
  - {kode: SUB-PBJ, nama: Subbagian Pengelolaan Pengadaan Barang dan Jasa, jenis: subbagian, induk: BAG-PBJ}
"""
SETDA_PEGAWAI = "\n".join(
    [
        _peg(40, "Hendra", "Asisten Perekonomian dan Pembangunan", "jpt_pratama", "AS-EKBANG", kepala=True),
        _peg(41, "Yuni", "Kepala Bagian Pengadaan Barang dan Jasa", "administrator", "BAG-PBJ", kepala=True),
        _peg(42, "Eko", "Kepala Subbagian Pengelolaan PBJ", "pengawas", "SUB-PBJ", kepala=True),
        _peg(43, "Sri", "Pengelola Pengadaan Barang/Jasa Ahli Pertama", "fungsional", "SUB-PBJ", "ahli_pertama"),
        _peg(44, "Budi", "Pengelola Pengadaan Barang/Jasa Ahli Madya", "fungsional", "BAG-PBJ", "ahli_madya"),
    ]
)


def test_lampiran_IV_C_3_setda_kabag_is_ppk_and_kasubag_pbj_only_koordinator():
    h = kedudukan(org_from_yaml(_org(SETDA_UNITS, SETDA_PEGAWAI)), nip(43))
    assert nip_of(h, "ppk") == nip(41)
    assert nip_of(h, "pimpinan_unit") == nip(41)
    assert nip_of(h, "koordinator") == nip(42)
    assert any("Lampiran IV huruf C angka 3 dan angka 4" in d for d in h.dasar_hukum)


def test_lampiran_IV_C_setda_ahli_madya_under_kabag_is_rated_by_asisten():
    h = kedudukan(org_from_yaml(_org(SETDA_UNITS, SETDA_PEGAWAI)), nip(44))
    assert nip_of(h, "ppk") == nip(40)
    assert nip_of(h, "pimpinan_unit") == nip(41)
    assert any("Pasal 17 ayat (2)" in d for d in h.dasar_hukum)


def test_pasal_8_ayat_1_kasubag_level_4_is_rated_by_kabag():
    h = kedudukan(org_from_yaml(_org(SETDA_UNITS, SETDA_PEGAWAI)), nip(42))
    assert nip_of(h, "ppk") == nip(41)
    assert any("Pasal 8 ayat (1) dan ayat (4)" in d for d in h.dasar_hukum)


# --- Kecamatan dan Kelurahan (Lampiran I angka 2 huruf a, 3 huruf a; IV huruf E) -----------

KEC_UNITS = """
  - {kode: KEC-MU, nama: Kecamatan Magelang Utara, jenis: kecamatan}
  - {kode: KEC-MU-SEK, nama: Sekretariat Kecamatan, jenis: sekretariat, induk: KEC-MU}
  - {kode: KEC-MU-UMPEG, nama: Subbagian Umum dan Kepegawaian, jenis: subbagian, induk: KEC-MU-SEK}
  - {kode: KEC-MU-PEM, nama: Seksi Pemerintahan, jenis: seksi, induk: KEC-MU}
  - {kode: KEL-KDG, nama: Kelurahan Kedungsari, jenis: kelurahan, induk: KEC-MU}
  - {kode: KEL-KDG-PEM, nama: Seksi Pemerintahan dan Trantib, jenis: seksi, induk: KEL-KDG}
"""
KEC_PEGAWAI = "\n".join(
    [
        _peg(50, "Wahyu", "Camat Magelang Utara", "administrator", "KEC-MU", kepala=True),
        _peg(51, "Endah", "Sekretaris Kecamatan", "administrator", "KEC-MU-SEK", kepala=True),
        _peg(52, "Rudi", "Kepala Seksi Pemerintahan", "pengawas", "KEC-MU-PEM", kepala=True),
        _peg(53, "Tini", "Pengadministrasi Pemerintahan", "pelaksana", "KEC-MU-PEM"),
        _peg(54, "Hadi", "Analis Kebijakan Ahli Madya", "fungsional", "KEC-MU", "ahli_madya"),
        _peg(55, "Puji", "Lurah Kedungsari", "pengawas", "KEL-KDG", kepala=True),
        _peg(56, "Nur", "Kepala Seksi Pemerintahan dan Trantib", "pengawas", "KEL-KDG-PEM", kepala=True),
        _peg(57, "Andi", "Pengadministrasi Umum", "pelaksana", "KEL-KDG-PEM"),
        _peg(58, "Maya", "Pengelola Layanan Kelurahan", "pelaksana", "KEL-KDG"),
    ]
)


def test_lampiran_IV_E_kecamatan_camat_ppk_sekretaris_puo_kasi_koordinator():
    h = kedudukan(org_from_yaml(_org(KEC_UNITS, KEC_PEGAWAI)), nip(53))
    assert nip_of(h, "ppk") == nip(50)
    assert nip_of(h, "pimpinan_unit") == nip(51)
    assert nip_of(h, "koordinator") == nip(52)
    assert f"{P}, Lampiran IV huruf E angka 1, angka 2 dan angka 3" in h.dasar_hukum


def test_lampiran_IV_E_vacant_sekretaris_kecamatan_leaves_camat_as_pimpinan_unit():
    pegawai = KEC_PEGAWAI.replace('unit: KEC-MU-SEK, kepala_unit: true', "unit: KEC-MU")
    h = kedudukan(org_from_yaml(_org(KEC_UNITS, pegawai)), nip(53))
    assert nip_of(h, "ppk") == nip(50)
    assert nip_of(h, "pimpinan_unit") == nip(50)
    assert h.peringatan == []


def test_lampiran_IV_E_kecamatan_ahli_madya_has_no_ppk_above_camat_and_warns():
    # The Camat (administrator ≈ Ahli Madya) cannot rate an Ahli Madya and the
    # Kecamatan has no higher head in the tree: a PPK must be set (or delegated).
    h = kedudukan(org_from_yaml(_org(KEC_UNITS, KEC_PEGAWAI)), nip(54))
    assert h.ppk is None
    assert nip_of(h, "pimpinan_unit") == nip(51)
    assert "tanpa_ppk" in h.kode_peringatan


def test_pasal_7_ayat_2_lurah_is_not_ppk_camat_rates_pelaksana_of_the_kelurahan():
    h = kedudukan(org_from_yaml(_org(KEC_UNITS, KEC_PEGAWAI)), nip(58))
    assert nip_of(h, "ppk") == nip(50)
    assert nip_of(h, "pimpinan_unit") == nip(55)
    assert h.koordinator is None
    assert any("Pasal 7 ayat (2)" in d for d in h.dasar_hukum)


def test_pasal_8_ayat_3_kasi_kelurahan_is_koordinator_of_pelaksana_in_his_seksi():
    h = kedudukan(org_from_yaml(_org(KEC_UNITS, KEC_PEGAWAI)), nip(57))
    assert nip_of(h, "ppk") == nip(50)
    assert nip_of(h, "pimpinan_unit") == nip(55)
    assert nip_of(h, "koordinator") == nip(56)
    assert any("Pasal 8 ayat (3)" in d for d in h.dasar_hukum)


def test_pasal_8_ayat_2_kasi_kelurahan_level_2_is_rated_by_camat_not_by_lurah():
    # A pengawas at Level 2 is "di bawah ... Pejabat Penilai Kinerja": the Lurah (also a
    # pengawas) does not outrank him, so the rating goes to the Camat.
    h = kedudukan(org_from_yaml(_org(KEC_UNITS, KEC_PEGAWAI)), nip(56))
    assert nip_of(h, "ppk") == nip(50)
    assert nip_of(h, "pimpinan_unit") == nip(55)
    assert any("Pasal 8 ayat (2) dan ayat (4)" in d for d in h.dasar_hukum)


# --- Dinas Kesehatan: RSUD, UPTD, Puskesmas (Lampiran I angka 2–4; IV huruf D, F, G, H) ----

KES_UNITS = """
  - {kode: DINKES, nama: Dinas Kesehatan, jenis: dinas}
  - {kode: DINKES-YANKES, nama: Bidang Pelayanan Kesehatan, jenis: bidang, induk: DINKES}
  - {kode: RSBR, nama: RSUD Budi Rahayu, jenis: rsud, induk: DINKES, atribut: {kelas_rs: D}}
  - {kode: RSBR-YAN, nama: Seksi Pelayanan Medik, jenis: seksi, induk: RSBR}
  - {kode: RST, nama: RSUD Tidar, jenis: rsud, induk: DINKES}
  - {kode: RST-WADIR-YAN, nama: Wakil Direktur Pelayanan, jenis: wakil_direktur, induk: RST}
  - {kode: RST-BID-KEP, nama: Bidang Keperawatan, jenis: bidang, induk: RST-WADIR-YAN}
  - {kode: LABKES, nama: UPTD Laboratorium Kesehatan, jenis: uptd, induk: DINKES}
  - {kode: LABKES-TU, nama: Subbagian Tata Usaha, jenis: subbagian, induk: LABKES}
  - {kode: PKM-MS, nama: Puskesmas Magelang Selatan, jenis: puskesmas, induk: DINKES}
  - {kode: PKM-MS-TU, nama: Subbagian Tata Usaha Puskesmas, jenis: subbagian, induk: PKM-MS}
"""
KES_PEGAWAI = "\n".join(
    [
        _peg(60, "Istiqomah", "Kepala Dinas Kesehatan", "jpt_pratama", "DINKES", kepala=True),
        _peg(61, "Arif", "Kepala Bidang Pelayanan Kesehatan", "administrator", "DINKES-YANKES", kepala=True),
        _peg(62, "Dewi", "Direktur RSUD Budi Rahayu", "administrator", "RSBR", kepala=True),
        _peg(63, "Teguh", "Kepala Seksi Pelayanan Medik", "pengawas", "RSBR-YAN", kepala=True),
        _peg(64, "Ratna", "Perawat Mahir", "fungsional", "RSBR-YAN", "mahir"),
        _peg(65, "dr. Bima", "Dokter Ahli Madya", "fungsional", "RSBR-YAN", "ahli_madya"),
        _peg(66, "dr. Citra", "Direktur RSUD Tidar", "jpt_pratama", "RST", kepala=True),
        _peg(67, "Gunawan", "Wakil Direktur Pelayanan", "administrator", "RST-WADIR-YAN", kepala=True),
        _peg(68, "Sunarti", "Kepala Bidang Keperawatan", "administrator", "RST-BID-KEP", kepala=True),
        _peg(69, "Lestari", "Perawat Ahli Muda", "fungsional", "RST-BID-KEP", "ahli_muda"),
        _peg(70, "Yoga", "Kepala UPTD Laboratorium Kesehatan", "pengawas", "LABKES", kepala=True),
        _peg(71, "Fitri", "Kepala Subbagian Tata Usaha", "pengawas", "LABKES-TU", kepala=True),
        _peg(72, "Sigit", "Pranata Laboratorium Kesehatan Terampil", "fungsional", "LABKES", "terampil"),
        _peg(73, "Wati", "Pranata Laboratorium Kesehatan Ahli Muda", "fungsional", "LABKES", "ahli_muda"),
        _peg(74, "dr. Ayu", "Dokter Ahli Muda (Kepala Puskesmas)", "fungsional", "PKM-MS", "ahli_muda", kepala=True),
        _peg(75, "Bowo", "Kepala Subbagian Tata Usaha Puskesmas", "pengawas", "PKM-MS-TU", kepala=True),
        _peg(76, "Siti", "Bidan Terampil", "fungsional", "PKM-MS", "terampil"),
        _peg(77, "dr. Kurnia", "Dokter Ahli Muda", "fungsional", "PKM-MS", "ahli_muda"),
    ]
)


def test_lampiran_IV_F_rsud_budi_rahayu_direktur_ppk_and_pimpinan_unit_kasi_koordinator():
    h = kedudukan(org_from_yaml(_org(KES_UNITS, KES_PEGAWAI)), nip(64))
    assert nip_of(h, "ppk") == nip(62)
    assert nip_of(h, "pimpinan_unit") == nip(62)
    assert nip_of(h, "koordinator") == nip(63)
    assert f"{P}, Lampiran IV huruf F angka 1 dan angka 2; Lampiran I angka 2 huruf b" in h.dasar_hukum


def test_lampiran_I_2_b_rsud_budi_rahayu_ahli_madya_is_rated_by_kepala_dinas_kesehatan():
    h = kedudukan(org_from_yaml(_org(KES_UNITS, KES_PEGAWAI)), nip(65))
    assert nip_of(h, "ppk") == nip(60)
    assert nip_of(h, "pimpinan_unit") == nip(62)
    assert nip_of(h, "koordinator") == nip(63)


def test_lampiran_IV_D_3_rsud_tidar_kepala_bidang_is_ppk_not_wakil_direktur():
    h = kedudukan(org_from_yaml(_org(KES_UNITS, KES_PEGAWAI)), nip(69))
    assert nip_of(h, "ppk") == nip(68)
    assert nip_of(h, "pimpinan_unit") == nip(68)
    assert any("Lampiran IV huruf D angka 3" in d for d in h.dasar_hukum)


def test_lampiran_IV_G_uptd_kepala_ppk_and_kasubag_tu_koordinator():
    h = kedudukan(org_from_yaml(_org(KES_UNITS, KES_PEGAWAI)), nip(72))
    assert nip_of(h, "ppk") == nip(70)
    assert nip_of(h, "pimpinan_unit") == nip(70)
    assert nip_of(h, "koordinator") == nip(71)
    assert any("Lampiran IV huruf G angka 1 dan angka 2" in d for d in h.dasar_hukum)


def test_pasal_7_ayat_2_uptd_ahli_muda_is_rated_by_kepala_dinas_but_led_by_kepala_uptd():
    h = kedudukan(org_from_yaml(_org(KES_UNITS, KES_PEGAWAI)), nip(73))
    assert nip_of(h, "ppk") == nip(60)
    assert nip_of(h, "pimpinan_unit") == nip(70)
    assert nip_of(h, "koordinator") == nip(71)
    assert any("Pasal 17 ayat (2)" in d for d in h.dasar_hukum)


def test_lampiran_I_3_b_kepala_uptd_tipe_a_rates_the_pengawas_below_him():
    # "PPK jabatan fungsional termasuk pejabat pengawas di bawahnya": no rank ceiling
    # between the Kepala UPTD (IV/a) and the Kasubag TU (IV/b).
    h = kedudukan(org_from_yaml(_org(KES_UNITS, KES_PEGAWAI)), nip(71))
    assert nip_of(h, "ppk") == nip(70)
    assert h.aturan == "magelang-uptd-tipe-a-kasubag-tu"
    assert any("Lampiran I angka 3 huruf b" in d for d in h.dasar_hukum)


def test_lampiran_IV_H_puskesmas_jf_head_ppk_and_kasubag_tu_koordinator():
    h = kedudukan(org_from_yaml(_org(KES_UNITS, KES_PEGAWAI)), nip(76))
    assert nip_of(h, "ppk") == nip(74)
    assert nip_of(h, "pimpinan_unit") == nip(74)
    assert nip_of(h, "koordinator") == nip(75)
    assert any("Lampiran IV huruf H angka 1 dan angka 2" in d for d in h.dasar_hukum)


def test_lampiran_IV_H_same_jenjang_dokter_rated_by_kepala_dinas_or_by_delegate():
    org = org_from_yaml(_org(KES_UNITS, KES_PEGAWAI))
    h = kedudukan(org, nip(77))
    assert nip_of(h, "ppk") == nip(60)
    assert nip_of(h, "pimpinan_unit") == nip(74)
    delegasi = f'  - {{dari: "{nip(60)}", kepada: "{nip(61)}", wewenang: penilaian_kinerja, pegawai: ["{nip(77)}"]}}'
    h = kedudukan(org_from_yaml(_org(KES_UNITS, KES_PEGAWAI, delegasi)), nip(77))
    assert nip_of(h, "ppk") == nip(61)
    assert nip_of(h, "pimpinan_unit") == nip(74)
    assert any("Pasal 1 angka 16 (Pejabat Penilai Kinerja" in d for d in h.dasar_hukum)
    assert h.peringatan == []


# --- Satuan Pendidikan (Lampiran I angka 4 huruf b, Lampiran IV huruf I) ----------------------

SEKOLAH_UNITS = """
  - {kode: DISDIKBUD, nama: Dinas Pendidikan dan Kebudayaan, jenis: dinas, atribut: {urusan: pendidikan}}
  - {kode: SMPN1, nama: SMP Negeri 1 Magelang, jenis: satuan_pendidikan, induk: DISDIKBUD}
"""
SEKOLAH_PEGAWAI = "\n".join(
    [
        _peg(80, "Imam", "Kepala Dinas Pendidikan dan Kebudayaan", "jpt_pratama", "DISDIKBUD", kepala=True),
        _peg(81, "Asih", "Guru Ahli Madya (Kepala Sekolah)", "fungsional", "SMPN1", "ahli_madya", kepala=True),
        _peg(82, "Dodi", "Guru Ahli Muda", "fungsional", "SMPN1", "ahli_muda"),
        _peg(83, "Rahmat", "Pengadministrasi Sekolah", "pelaksana", "SMPN1"),
    ]
)


def test_lampiran_IV_I_1_kepala_sekolah_jf_rates_and_leads_guru_and_pelaksana():
    org = org_from_yaml(_org(SEKOLAH_UNITS, SEKOLAH_PEGAWAI))
    for n in (82, 83):
        h = kedudukan(org, nip(n))
        assert nip_of(h, "ppk") == nip(81)
        assert nip_of(h, "pimpinan_unit") == nip(81)
        assert h.koordinator is None
        assert f"{P}, Lampiran IV huruf I angka 1; Lampiran I angka 4 huruf b; Pasal 7 ayat (3)" in h.dasar_hukum


def test_pasal_8_ayat_4_sekretaris_kecamatan_is_rated_by_the_camat():
    # "Penilaian kinerja ... Pejabat Administrasi dilaksanakan secara berjenjang": both are
    # administrators, yet the Sekretaris sits under the Camat (Lampiran IV huruf E).
    h = kedudukan(org_from_yaml(_org(KEC_UNITS, KEC_PEGAWAI)), nip(51))
    assert nip_of(h, "ppk") == nip(50) and h.peringatan == []
    assert any("Pasal 8 ayat (4)" in d for d in h.dasar_hukum)
