"""Review-chain templates of every profile (KINERJA.md §2.4), checked on unit ancestries without a
database: which template a unit falls under, the chain of unit heads it resolves to (r0 → acceptor),
and where a return goes. Each case names the article of the instansi's own regulation."""

from __future__ import annotations

import pytest

from sikerja.siklus.aturan import (
    PELAKSANA,
    UnitInfo,
    aturan_siklus,
    level_pengembalian,
    templat_untuk,
    unit_rantai,
)

_n = iter(range(1, 10_000))


def U(jenis: str, nama: str = "") -> UnitInfo:  # noqa: N802 - reads as a constructor in the table below
    return UnitInfo(id=next(_n), jenis=jenis, nama=nama or jenis.replace("_", " ").title())


# Ancestries: the target's unit first, then upward to the top of the Perangkat Daerah.
SETDA = [U("bagian", "Bagian Hukum"), U("asisten", "Asisten Pemerintahan"), U("sekretariat_daerah", "Sekretariat Daerah")]
DINAS = [U("bidang", "Bidang P2P"), U("dinas", "Dinas Kesehatan")]
DINAS_SEKSI = [U("seksi", "Seksi Surveilans"), DINAS[0], DINAS[1]]
DPMPTSP_L2 = [U("bidang", "Bidang Perizinan"), U("dinas", "Dinas Penanaman Modal dan PTSP")]
DPMPTSP_L1 = [DPMPTSP_L2[1]]
DPMPTSP_SEKRE = [U("sekretariat", "Sekretariat"), DPMPTSP_L2[1]]
INSPEKTORAT = [U("inspektur_pembantu", "Inspektur Pembantu I"), U("inspektorat", "Inspektorat Daerah")]
SATPOL = [U("bidang", "Bidang Trantib"), U("dinas", "Satuan Polisi Pamong Praja")]
RSUD_BANGIL = [U("bidang", "Bidang Pelayanan"), U("wakil_direktur", "Wadir Pelayanan"), U("rsud", "RSUD Bangil")]
RSUD_GRATI = [U("seksi", "Seksi Keperawatan"), U("bidang", "Bidang Pelayanan"), U("rsud", "RSUD Grati")]
RSUD_TIDAR = [U("bidang", "Bidang Medik"), U("wakil_direktur", "Wadir Pelayanan"), U("rsud", "RSUD Tidar")]
RSUD_BR = [U("bidang", "Bidang Pelayanan"), U("rsud", "RSUD Budi Rahayu")]
KECAMATAN = [U("seksi", "Seksi Pemerintahan"), U("kecamatan", "Kecamatan Bangil")]
KELURAHAN = [U("seksi", "Seksi Pelayanan"), U("kelurahan", "Kelurahan Kolursari"), KECAMATAN[1]]
KELURAHAN_KEPALA = KELURAHAN[1:]
UPTD = [U("uptd", "UPTD Laboratorium"), U("bidang", "Bidang Yankes"), U("dinas", "Dinas Kesehatan")]
PUSKESMAS = [U("puskesmas", "Puskesmas Bangil"), U("dinas", "Dinas Kesehatan")]
SATDIK = [U("satuan_pendidikan", "SMPN 1"), U("dinas", "Dinas Pendidikan")]
SETWAN = [U("bagian", "Bagian Persidangan"), U("sekretariat_dprd", "Sekretariat DPRD")]
BRIDA = [U("badan", "Badan Riset dan Inovasi Daerah")]
BADAN = [U("bidang", "Bidang Anggaran"), U("badan", "Badan Keuangan")]

# (profile, ancestry, template id, expected chain as unit kinds r0 → acceptor, article cited)
KASUS = [
    # Pasuruan — Perbup 217/2023 Lampiran II.D
    ("pasuruan", SETDA, "psr-d1-setda", ["bagian", "asisten", "sekretariat_daerah"], "Lampiran II.D.1.c angka 3"),
    ("pasuruan", DINAS, "psr-d2-dinas-badan", ["bidang", "dinas"], "Lampiran II.D.2.c angka 3"),
    ("pasuruan", DINAS_SEKSI, "psr-d2-dinas-badan", ["bidang", "dinas"], "Lampiran II.D.2.c angka 3"),
    ("pasuruan", BADAN, "psr-d2-dinas-badan", ["bidang", "badan"], "Lampiran II.D.2.c angka 3"),
    ("pasuruan", INSPEKTORAT, "psr-d3-tidak-disederhanakan", ["inspektur_pembantu", "inspektorat"], "Lampiran II.D.3.c"),
    ("pasuruan", SATPOL, "psr-d3-tidak-disederhanakan", ["bidang", "dinas"], "Lampiran II.D.3.c"),
    ("pasuruan", DPMPTSP_L2, "psr-d4-dpmptsp", ["bidang", "dinas"], "Lampiran II.D.4.c"),
    ("pasuruan", DPMPTSP_L1, "psr-d4-dpmptsp", ["dinas"], "Lampiran II.D.4.c"),
    ("pasuruan", RSUD_BANGIL, "psr-d5-rsud-bangil", ["bidang", "wakil_direktur", "rsud"], "Lampiran II.D.5.c"),
    ("pasuruan", RSUD_GRATI, "psr-d6-rsud-grati", ["seksi", "bidang", "rsud"], "Lampiran II.D.6.c"),
    ("pasuruan", KECAMATAN, "psr-d7-kecamatan", ["seksi", "kecamatan"], "Lampiran II.D.7.c"),
    ("pasuruan", KELURAHAN, "psr-d8-kelurahan-uptd-a", ["kelurahan"], "Lampiran II.D.8.c angka 3"),
    ("pasuruan", UPTD, "psr-d8-kelurahan-uptd-a", ["uptd"], "Lampiran II.D.8.c angka 3"),
    ("pasuruan", PUSKESMAS, "psr-d9-satdik-puskesmas", ["puskesmas"], "Lampiran II.D.9.c"),
    ("pasuruan", SATDIK, "psr-d9-satdik-puskesmas", ["satuan_pendidikan"], "Lampiran II.D.9.c"),
    # Magelang — Perwal 25/2023 Lampiran IV
    ("magelang", DINAS, "mgl-a-dinas-badan", ["bidang", "dinas"], "Lampiran IV huruf A"),
    ("magelang", INSPEKTORAT, "mgl-a-dinas-badan", ["inspektur_pembantu", "inspektorat"], "Lampiran IV huruf A"),
    ("magelang", DPMPTSP_SEKRE, "mgl-b-dpmptsp", ["sekretariat", "dinas"], "Lampiran IV huruf B"),
    ("magelang", DPMPTSP_L2, "mgl-b-dpmptsp", ["dinas"], "Lampiran IV huruf B"),
    ("magelang", SETDA, "mgl-c-setda", ["bagian", "asisten", "sekretariat_daerah"], "Lampiran IV huruf C"),
    ("magelang", RSUD_TIDAR, "mgl-d-rsud-tidar", ["bidang", "wakil_direktur", "rsud"], "Lampiran IV huruf D"),
    ("magelang", KECAMATAN, "mgl-e-kecamatan", ["seksi", "kecamatan"], "Lampiran IV huruf E"),
    ("magelang", RSUD_BR, "mgl-f-rsud-budi-rahayu", ["rsud"], "Lampiran IV huruf F"),
    ("magelang", UPTD, "mgl-ghi-uptd-puskesmas-satdik", ["uptd", "dinas"], "Lampiran IV huruf G, H dan I"),
    ("magelang", PUSKESMAS, "mgl-ghi-uptd-puskesmas-satdik", ["puskesmas", "dinas"], "Lampiran IV huruf G, H dan I"),
    ("magelang", SATDIK, "mgl-ghi-uptd-puskesmas-satdik", ["satuan_pendidikan", "dinas"], "Lampiran IV huruf G, H dan I"),
    ("magelang", KELURAHAN, "mgl-kelurahan", ["seksi", "kelurahan"], "Q-06"),
    # Blitar — Perwal 6/2023 Lampiran B
    ("blitar", DINAS, "blt-b1-jpt-2-level", ["bidang", "dinas"], "Lampiran B angka 1"),
    ("blitar", KECAMATAN, "blt-b2-kecamatan", ["seksi", "kecamatan"], "Lampiran B angka 2"),
    ("blitar", KELURAHAN_KEPALA, "blt-b3-pengawas-led", ["kelurahan", "kecamatan"], "Lampiran B angka 3"),
    ("blitar", UPTD, "blt-b3-pengawas-led", ["uptd", "bidang"], "Lampiran B angka 3"),
    ("blitar", PUSKESMAS, "blt-b4-jf-led", ["puskesmas", "dinas"], "Lampiran B angka 4"),
    ("blitar", SATDIK, "blt-b4-jf-led", ["satuan_pendidikan", "dinas"], "Lampiran B angka 4"),
    ("blitar", SETDA, "blt-b5-setda", ["bagian", "asisten", "sekretariat_daerah"], "Lampiran B angka 5"),
    # Karangasem — Perbup 15/2023
    ("karangasem", SETDA, "kra-setda", ["bagian", "asisten", "sekretariat_daerah"], "Pasal 29"),
    ("karangasem", SETWAN, "kra-setwan", ["bagian", "sekretariat_dprd"], "Pasal 32"),
    ("karangasem", INSPEKTORAT, "kra-inspektorat", ["inspektur_pembantu", "inspektorat"], "Pasal 35"),
    ("karangasem", BRIDA, "kra-dinas-badan", ["badan"], "Pasal 36"),
    ("karangasem", BADAN, "kra-dinas-badan", ["bidang", "badan"], "Pasal 36"),
    ("karangasem", KECAMATAN, "kra-kecamatan", ["seksi", "kecamatan"], "Pasal 45"),
    ("karangasem", KELURAHAN, "kra-kelurahan", ["seksi", "kelurahan"], "Pasal 48"),
    ("karangasem", UPTD, "kra-uptd", ["uptd"], "Pasal 51 ayat (4)"),
    # Pekanbaru — Perwal 44/2023 Lampiran A.1
    ("pekanbaru", DINAS, "pku-generik", ["bidang", "dinas"], "Lampiran A.1 angka 3"),
    ("pekanbaru", BADAN, "pku-generik", ["bidang", "badan"], "Lampiran A.1 angka 3"),
    ("pekanbaru", SETDA, "pku-setda", ["bagian", "asisten", "sekretariat_daerah"], "Q-07"),
    ("pekanbaru", UPTD, "pku-unit-mandiri", ["uptd"], "Lampiran A.1 angka 3"),
    ("pekanbaru", KELURAHAN, "pku-unit-mandiri", ["seksi", "kelurahan"], "Lampiran A.1 angka 3"),
    # nasional — PermenPANRB 7/2022
    ("nasional", DINAS, "nasional-2-level", ["bidang", "dinas"], "PermenPANRB 7/2022"),
]


@pytest.mark.parametrize(("profil", "leluhur", "templat", "rantai", "pasal"), KASUS,
                         ids=[f"{k[0]}-{k[2]}-{k[1][0].nama}" for k in KASUS])
def test_review_chain_of_each_unit_template_follows_the_profile(profil, leluhur, templat, rantai, pasal):
    a = aturan_siklus(profil)
    t = templat_untuk(a, leluhur)
    assert t.id == templat
    assert pasal in t.dasar
    assert [u.jenis for _, u in unit_rantai(t, leluhur)] == rantai


def test_every_template_of_every_profile_is_covered_by_a_case():
    dicakup = {k[2] for k in KASUS}
    for profil in ("pasuruan", "magelang", "blitar", "karangasem", "pekanbaru", "nasional"):
        for t in aturan_siklus(profil).templat:
            assert t.id in dicakup, f"templat {t.id} ({profil}) tanpa uji"


def test_kelurahan_closes_at_its_own_head_in_pasuruan_but_escalates_to_the_camat_in_blitar():
    """PSR L-II.D.8.c.3 (Lurah accepts) vs BLT L-B.3.c (Pengawas → Administrator)."""
    psr = unit_rantai(templat_untuk(aturan_siklus("pasuruan"), KELURAHAN_KEPALA), KELURAHAN_KEPALA)
    blt = unit_rantai(templat_untuk(aturan_siklus("blitar"), KELURAHAN_KEPALA), KELURAHAN_KEPALA)
    assert psr[-1][1].jenis == "kelurahan"
    assert blt[-1][1].jenis == "kecamatan"


def test_uptd_closes_at_its_own_head_in_karangasem_but_escalates_to_the_kepala_dinas_in_magelang():
    """KRA Pasal 51 ayat (4) huruf c vs MGL Lampiran IV huruf G angka 3 huruf c."""
    kra = unit_rantai(templat_untuk(aturan_siklus("karangasem"), UPTD), UPTD)
    mgl = unit_rantai(templat_untuk(aturan_siklus("magelang"), UPTD), UPTD)
    assert [u.jenis for _, u in kra] == ["uptd"]
    assert [u.jenis for _, u in mgl] == ["uptd", "dinas"]


def test_pasuruan_returns_level_by_level():
    """PSR Lampiran II.D.1.c angka 3: "secara berjenjang berdasarkan level struktur organisasi"."""
    t = templat_untuk(aturan_siklus("pasuruan"), SETDA)
    assert t.pengembalian == "berjenjang"
    assert "II.D.1.c angka 3" in t.dasar_pengembalian
    assert level_pengembalian(t.pengembalian, 2) == 1  # Sekda returns → Asisten holds it
    assert level_pengembalian(t.pengembalian, 1) == 0  # Asisten returns → Kabag
    assert level_pengembalian(t.pengembalian, 0) == PELAKSANA


def test_karangasem_uptd_returns_straight_to_the_pelaksana():
    """KRA Pasal 51 ayat (4) huruf b."""
    t = templat_untuk(aturan_siklus("karangasem"), UPTD)
    assert t.pengembalian == "ke_pelaksana"
    assert "51 ayat (4) huruf b" in t.dasar_pengembalian
    assert level_pengembalian(t.pengembalian, 0) == PELAKSANA


def test_only_karangasem_requires_serah_terima():
    """KRA Pasal 8 huruf c angka 2; optional elsewhere [P]."""
    assert aturan_siklus("karangasem").serah_terima_wajib
    assert not any(aturan_siklus(p).serah_terima_wajib for p in ("pasuruan", "magelang", "blitar", "pekanbaru"))


def test_pekanbaru_individuals_report_to_the_direct_superior():
    """PKU Pasal 14 (atasan langsung) vs PSR Pasal 12 (PUO)."""
    assert aturan_siklus("pekanbaru").laporan_kepada == "atasan_langsung"
    assert aturan_siklus("pasuruan").laporan_kepada == "puo"
    assert "Pasal 14" in aturan_siklus("pekanbaru").dasar("laporan_individu", "dasar")


def test_magelang_requires_a_pk_pelaksanaan_kegiatan():
    """MGL Lampiran II."""
    assert aturan_siklus("magelang").pk_pelaksanaan_wajib
    assert not aturan_siklus("pasuruan").pk_pelaksanaan_wajib
