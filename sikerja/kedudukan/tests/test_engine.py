"""The engine's shared mechanisms, checked on the nasional baseline profile."""

from sikerja.kedudukan.engine import load_profil
from sikerja.kedudukan.tests.util import kedudukan, nip, nip_of, org_from_yaml

ORG = f"""
instansi: {{kode: contoh, nama: Pemerintah Kabupaten Contoh, profil: nasional}}
unit:
  - {{kode: SETDA, nama: Sekretariat Daerah, jenis: sekretariat_daerah}}
  - {{kode: DINKES, nama: Dinas Kesehatan, jenis: dinas}}
  - {{kode: P2P, nama: Bidang P2P, jenis: bidang, induk: DINKES}}
  - {{kode: PKM, nama: Puskesmas Bangil, jenis: puskesmas, induk: DINKES}}
pegawai:
  - {{nip: "{nip(1)}", nama: Sekda, jabatan: Sekretaris Daerah, jenis_jabatan: jpt_pratama, unit: SETDA, kepala_unit: true}}
  - {{nip: "{nip(2)}", nama: Budi, jabatan: Kepala Dinas Kesehatan, jenis_jabatan: jpt_pratama, unit: DINKES, kepala_unit: true}}
  - {{nip: "{nip(3)}", nama: Ani, jabatan: Kepala Bidang P2P, jenis_jabatan: administrator, unit: P2P, kepala_unit: true}}
  - {{nip: "{nip(4)}", nama: Sari, jabatan: Epidemiolog Ahli Muda, jenis_jabatan: fungsional, jenjang: ahli_muda, unit: P2P}}
  - {{nip: "{nip(5)}", nama: Rudi, jabatan: Epidemiolog Ahli Madya, jenis_jabatan: fungsional, jenjang: ahli_madya, unit: P2P}}
  - {{nip: "{nip(6)}", nama: Dewi, jabatan: Dokter Ahli Muda, jenis_jabatan: fungsional, jenjang: ahli_muda, unit: PKM, kepala_unit: true}}
  - {{nip: "{nip(7)}", nama: Eko, jabatan: Dokter Ahli Muda, jenis_jabatan: fungsional, jenjang: ahli_muda, unit: PKM}}
  - {{nip: "{nip(8)}", nama: Fitri, jabatan: Perawat Terampil, jenis_jabatan: fungsional, jenjang: terampil, unit: PKM}}
"""


def test_jf_is_rated_and_led_by_the_head_of_the_unit_he_sits_in():
    h = kedudukan(org_from_yaml(ORG), nip(4))
    assert nip_of(h, "ppk") == nip(3)
    assert nip_of(h, "pimpinan_unit") == nip(3)
    assert h.dasar_hukum == ["PermenPANRB 7/2022, Lampiran, kedudukan pejabat fungsional dan pelaksana"]


def test_rank_ceiling_moves_ppk_up_but_leaves_the_excluded_head_as_pimpinan_unit():
    # SPEC §3 rule 2–3: an administrator (≈ Ahli Madya) does not rate an Ahli Madya.
    h = kedudukan(org_from_yaml(ORG), nip(5))
    assert nip_of(h, "ppk") == nip(2)
    assert nip_of(h, "pimpinan_unit") == nip(3)
    assert any("penilai kinerja paling rendah" in d for d in h.dasar_hukum)


def test_jf_head_does_not_rate_a_jf_of_the_same_jenjang():
    h = kedudukan(org_from_yaml(ORG), nip(7))
    assert nip_of(h, "ppk") == nip(2)
    assert nip_of(h, "pimpinan_unit") == nip(6)


def test_jf_head_rates_a_lower_jenjang():
    h = kedudukan(org_from_yaml(ORG), nip(8))
    assert nip_of(h, "ppk") == nip(6)


def test_head_of_a_pd_is_rated_by_the_sekretaris_daerah():
    h = kedudukan(org_from_yaml(ORG), nip(2))
    assert nip_of(h, "ppk") == nip(1)
    assert h.peringatan == []


def test_sekda_has_no_ppk_in_the_application_and_no_warning():
    h = kedudukan(org_from_yaml(ORG), nip(1))
    assert h.ppk is None and h.peringatan == []


def test_penilaian_kinerja_delegation_makes_the_delegate_ppk():
    org = org_from_yaml(
        ORG
        + f"""
delegasi:
  - {{dari: "{nip(2)}", kepada: "{nip(3)}", wewenang: penilaian_kinerja, pegawai: ["{nip(7)}"]}}
"""
    )
    h = kedudukan(org, nip(7))
    assert nip_of(h, "ppk") == nip(3)
    assert any("pendelegasian kewenangan penilaian" in d for d in h.dasar_hukum)
    # The delegation names only Eko: Fitri's PPK is unchanged.
    assert nip_of(kedudukan(org, nip(8)), "ppk") == nip(6)


def test_vacant_head_moves_ppk_up_and_warns_of_no_pimpinan_unit():
    org = org_from_yaml(ORG.replace(f'nip: "{nip(3)}", nama: Ani', f'nip: "{nip(3)}", nama: Ani').replace("unit: P2P, kepala_unit: true", "unit: DINKES"))
    h = kedudukan(org, nip(4))
    assert nip_of(h, "ppk") == nip(2)
    assert "tanpa_puo" in h.kode_peringatan


def test_rule_match_is_shared_only_between_posts_equal_on_what_rules_look_at():
    # Rules are matched once per combination of the features they read (a large
    # Pemda has ~18,000 posts); an attribute condition nested in `bukan` must still
    # separate two units that differ only in that attribute.
    from sikerja.kedudukan.engine import Resolver, parse_profil

    base = load_profil("nasional")
    profil = parse_profil({
        "kode": "uji", "singkatan": "Perbup Uji",
        "aturan": [
            {"id": "bukan-p2p", "dasar": "Pasal 1", "bila": {"unit": "bidang", "bukan": {"atribut_unit": {"urusan": "p2p"}}},
             "ppk": ["pd"], "pimpinan_unit": ["pd"]},
            {"id": "bidang", "dasar": "Pasal 2", "bila": {"unit": "bidang"}, "ppk": ["unit"],
             "pimpinan_unit": ["unit"]},
        ],
    }, base)
    org = org_from_yaml(ORG.replace(
        "  - {kode: PKM,",
        "  - {kode: YANKES, nama: Bidang Pelayanan, jenis: bidang, induk: DINKES}\n  - {kode: PKM,",
    ).replace("jenis: bidang, induk: DINKES}\n  - {kode: YANKES", "jenis: bidang, induk: DINKES, atribut: {urusan: p2p}}\n  - {kode: YANKES")
        + f"""  - {{nip: "{nip(9)}", nama: Gita, jabatan: Perawat Ahli Muda, jenis_jabatan: fungsional, jenjang: ahli_muda, unit: YANKES}}
""")
    r = Resolver(org, profil)
    assert ("atribut_unit", ("urusan",)) in profil.fitur
    assert r.resolve(nip(4)).aturan == "bidang"
    assert r.resolve(nip(9)).aturan == "bukan-p2p"
    assert nip_of(r.resolve(nip(9)), "ppk") == nip(2)


def test_rules_on_unit_names_are_refused_so_renaming_a_unit_cannot_change_kedudukan():
    import pytest

    from sikerja.kedudukan.engine import ProfilError, parse_profil

    with pytest.raises(ProfilError, match="atribut_organisasi"):
        parse_profil({"kode": "uji", "aturan": [{"id": "grati", "dasar": "Lampiran II.D.6",
                                                 "bila": {"nama_organisasi": "Grati"}, "ppk": ["unit"]}]},
                     load_profil("nasional"))
    with pytest.raises(ProfilError, match="tidak dideklarasikan"):
        parse_profil({"kode": "uji", "aturan": [{"id": "x", "dasar": "Pasal 1",
                                                 "bila": {"atribut_unit": {"warna": "biru"}}, "ppk": ["unit"]}]},
                     load_profil("nasional"))


SETDA_RSUD = f"""
instansi: {{kode: contoh, nama: Pemerintah Kabupaten Contoh, profil: nasional}}
unit:
  - {{kode: SETDA, nama: Sekretariat Daerah, jenis: sekretariat_daerah}}
  - {{kode: AS1, nama: Asisten Pemerintahan, jenis: asisten, induk: SETDA}}
  - {{kode: DINKES, nama: Dinas Kesehatan, jenis: dinas}}
  - {{kode: RSUD, nama: RSUD Bangil, jenis: rsud, induk: DINKES}}
pegawai:
  - {{nip: "{nip(1)}", nama: Sekda, jabatan: Sekretaris Daerah, jenis_jabatan: jpt_pratama, unit: SETDA, kepala_unit: true}}
  - {{nip: "{nip(2)}", nama: Asisten, jabatan: Asisten Pemerintahan, jenis_jabatan: jpt_pratama, unit: AS1, kepala_unit: true}}
  - {{nip: "{nip(3)}", nama: Kadinkes, jabatan: Kepala Dinas Kesehatan, jenis_jabatan: jpt_pratama, unit: DINKES, kepala_unit: true}}
  - {{nip: "{nip(4)}", nama: Direktur, jabatan: Direktur RSUD Bangil, jenis_jabatan: jpt_pratama, unit: RSUD, kepala_unit: true}}
"""


def test_asisten_is_rated_by_the_sekda_though_both_are_jpt_pratama():
    # PermenPANRB 7/2022 Lampiran: the atasan langsung rates; the jenjang ceiling cannot separate them.
    h = kedudukan(org_from_yaml(SETDA_RSUD), nip(2))
    assert nip_of(h, "ppk") == nip(1) and h.aturan == "nasional-asisten" and h.peringatan == []


def test_direktur_rsud_is_rated_by_the_kepala_dinas_kesehatan():
    # SPEC §3 rule 2 ("RSUD → Kepala Dinas Kesehatan"); PermenPANRB 7/2022 Lampiran, atasan langsung.
    h = kedudukan(org_from_yaml(SETDA_RSUD), nip(4))
    assert nip_of(h, "ppk") == nip(3) and nip_of(h, "pimpinan_unit") == nip(3) and h.peringatan == []


DUA_BIDANG = ORG.replace(
    "  - {kode: PKM,",
    "  - {kode: YANKES, nama: Bidang Pelayanan, jenis: bidang, induk: DINKES}\n  - {kode: PKM,",
) + f"""  - {{nip: "{nip(20)}", nama: Bambang, jabatan: Kepala Bidang Pelayanan, jenis_jabatan: administrator, unit: YANKES, kepala_unit: true}}
  - {{nip: "{nip(21)}", nama: Tuti, jabatan: Dokter Ahli Madya, jenis_jabatan: fungsional, jenjang: ahli_madya, unit: YANKES}}
  - {{nip: "{nip(22)}", nama: Yanto, jabatan: Dokter Ahli Madya, jenis_jabatan: fungsional, jenjang: ahli_madya, unit: PKM}}
"""


def _dengan(org_text: str, *baris: str) -> str:
    return org_text + "delegasi:\n" + "".join(f"  - {b}\n" for b in baris)


def test_delegation_without_a_list_covers_jf_and_pelaksana_not_structural_officials():
    # SPEC §2–3: pendelegasian concerns the rating/management of JF and pelaksana. An SK of the
    # Kepala Dinas to the Kepala Puskesmas must not hand him the Kabid as well.
    org = org_from_yaml(_dengan(ORG, f'{{dari: "{nip(2)}", kepada: "{nip(6)}", wewenang: penilaian_kinerja}}'))
    assert nip_of(kedudukan(org, nip(3)), "ppk") == nip(2)  # the Kabid keeps the Kepala Dinas
    assert nip_of(kedudukan(org, nip(5)), "ppk") == nip(6)  # the Ahli Madya JF is delegated


def test_several_delegations_by_jenjang_go_to_the_delegate_who_leads_the_pegawai():
    # A Kepala Dinas delegates the Ahli Madya to each Kabid by jenjang: each Kabid gets his own.
    org = org_from_yaml(_dengan(
        DUA_BIDANG,
        f'{{dari: "{nip(2)}", kepada: "{nip(3)}", wewenang: pengelolaan_kinerja, jenjang: [ahli_madya]}}',
        f'{{dari: "{nip(2)}", kepada: "{nip(20)}", wewenang: pengelolaan_kinerja, jenjang: [ahli_madya]}}',
        f'{{dari: "{nip(2)}", kepada: "{nip(3)}", wewenang: penilaian_kinerja, jenjang: [ahli_madya]}}',
        f'{{dari: "{nip(2)}", kepada: "{nip(20)}", wewenang: penilaian_kinerja, jenjang: [ahli_madya]}}',
    ))
    assert nip_of(kedudukan(org, nip(5)), "ppk") == nip(3)
    assert nip_of(kedudukan(org, nip(21)), "ppk") == nip(20)
    # The Ahli Madya of the Puskesmas sits under neither: nothing is guessed, the gap is shown.
    h = kedudukan(org, nip(22))
    assert nip_of(h, "ppk") == nip(2)
    assert any("Beberapa pendelegasian" in w for w in h.pesan_peringatan)


def test_ppk_delegating_management_does_not_displace_the_pimpinan_unit_the_rule_names():
    # Pengelolaan kinerja is delegated by whoever manages the pegawai: Rudi's pimpinan unit is his
    # Kabid (Ani), so the Kepala Dinas's SK to another Kabid does not move him.
    org = org_from_yaml(_dengan(
        DUA_BIDANG, f'{{dari: "{nip(2)}", kepada: "{nip(20)}", wewenang: pengelolaan_kinerja}}'))
    assert nip_of(kedudukan(org, nip(5)), "pimpinan_unit") == nip(3)
