"""Forming and staffing a team, per profile, through the services (real import, real kedudukan)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from sikerja.galat import TidakBerwenang
from sikerja.kedudukan.selectors import ppk_dari
from sikerja.penugasan import services as ps
from sikerja.penugasan.models import Penugasan
from sikerja.timkerja import aturan
from sikerja.timkerja import services as s
from sikerja.timkerja.errors import (
    AnggotaTidakMemenuhi,
    AturanDilanggar,
    KetuaTidakMemenuhi,
    PerluAlasan,
    PolaTidakDiizinkan,
    TransisiTidakSah,
)
from sikerja.timkerja.models import TimKerja
from sikerja.timkerja.selectors import beban_pegawai

from .conftest import Pemda, anggota, data_tim, pejabat_dituju_untuk


def _lintas_unit_ditugaskan(pd: Pemda, pemohon: str, pegawai: str) -> Penugasan:
    """Run penugasan's lintas-unit path to its surat penugasan (as the team page starts it)."""
    dituju = pejabat_dituju_untuk(pd.p[pegawai])
    assert dituju is not None
    p = ps.buat_penunjukan_lintas_unit(
        pengguna=pd.u[pemohon], ppk_tujuan_id=dituju.id,
        data=ps.DataPenugasan(judul="Pelibatan", mulai=date.today(), selesai=date.today() + timedelta(days=90),
                              maksud_tujuan="Tim DBD", uraian_tugas="Analisis", kompetensi_dibutuhkan="Statistik",
                              target_kinerja=["Peta kasus"], bentuk="tim"))
    for _ in range(5):
        p.refresh_from_db()
        if p.status == "ditugaskan":
            break
        aktor = next(u for u in pd.u.values() if u.pegawai_id == p.aktor_sekarang_id)
        ps.jalankan(pengguna=aktor, penugasan_id=p.id, aksi="setujui",
                    penerima=[ps.PenerimaInput(pegawai_id=pd.p[pegawai].id, beban_persen=10)]
                    if p.status == "menunggu_ppk_tujuan" else [])
    p.refresh_from_db()
    assert p.status == "ditugaskan", p.status
    return p


def test_kabid_forms_internal_team_and_it_becomes_active(nasional):
    pd = nasional
    tim = s.bentuk_tim(pengguna=pd.u["ani"], data=data_tim(pd), anggota=[anggota(pd, "sari"), anggota(pd, "tono")],
                       ketua_id=pd.p["sari"].id)
    assert tim.pola == "internal"
    assert tim.status == "aktif"
    assert tim.penandatangan == pd.p["ani"]
    assert tim.jenis_instrumen == "surat_penugasan"


def test_a_jf_may_not_form_a_team_tk_11(nasional):
    with pytest.raises(AturanDilanggar) as e:
        s.buat_draf(pengguna=nasional.u["sari"], data=data_tim(nasional))
    assert e.value.kode == "TK-11"


def test_a_kabid_may_not_form_a_team_for_another_bidang_tk_11(nasional):
    with pytest.raises(AturanDilanggar, match="pimpinan unit organisasi pemilik kinerja"):
        s.buat_draf(pengguna=nasional.u["ani"], data=data_tim(nasional, unit="YANKES"))


def test_team_needs_a_measurable_target_tk_08(blitar):
    with pytest.raises(AturanDilanggar) as e:
        s.buat_draf(pengguna=blitar.u["ani"], data=data_tim(blitar, target=["  "]))
    assert e.value.kode == "TK-08" and "Perwal Blitar 6/2023 Pasal 20 ayat (1)" in e.value.pesan


# TK-08 per profile: the refusal cites the instansi's own regulation (``tim_kerja.target.dasar``).
DASAR_TK08 = {
    "blitar": "Perwal Blitar 6/2023 Pasal 20 ayat (1) huruf a–d",
    "pasuruan": "Perbup Pasuruan 217/2023 Lampiran II.D.1.c angka 1 s.d. II.D.10.c angka 1",
    "magelang": "Perwal Magelang 25/2023 Lampiran IV huruf A angka 4 huruf a angka 3",
    "karangasem": "Perbup Karangasem 15/2023 Pasal 8 huruf a angka 2",
    "pekanbaru": "Perwal Pekanbaru 44/2023 Lampiran A.1 (Penunjukan dalam Organisasi) angka 1 huruf e",
    "nasional": "PermenPANRB 7/2022 Lampiran (perumusan strategi pencapaian target kinerja",
}


@pytest.mark.parametrize("profil", sorted(DASAR_TK08))
def test_every_profile_refuses_a_team_without_target_on_its_own_article_tk_08(profil, request):
    """Blitar: Pasal 20 ayat (1) huruf a–d ("target spesifik yang terukur"); Pasuruan: Lampiran II.D.1.c–D.10.c
    angka 1 (ekspektasi target kinerja menjadi dasar target kinerja Tim Kerja); Magelang: Lampiran IV huruf A
    angka 4 huruf a angka 3; Karangasem: Pasal 8 huruf a angka 2 (strategi pencapaian target kinerja dalam bentuk
    tim kerja atau individu); Pekanbaru: Lampiran A.1 angka 1 huruf e; nasional: PermenPANRB 7/2022 Lampiran [D].
    No profile borrows another's wording or regulation name."""
    pd = request.getfixturevalue(profil)
    with pytest.raises(AturanDilanggar) as e:
        s.buat_draf(pengguna=pd.u["ani"], data=data_tim(pd, target=["  "]))
    assert e.value.kode == "TK-08"
    assert DASAR_TK08[profil] in e.value.pesan and e.value.dasar.startswith(DASAR_TK08[profil])
    for lain in set(DASAR_TK08) - {profil}:
        assert aturan.aturan_tim(lain).singkatan not in e.value.pesan
    if profil != "blitar":
        assert "target spesifik yang terukur" not in e.value.pesan  # Blitar's Pasal 20 wording


@pytest.mark.parametrize("profil", sorted(DASAR_TK08))
def test_every_profile_yaml_states_its_own_tk_08_article(profil):
    """The key sits in each profile's own block, not only inherited from nasional through ``turunan``."""
    blok = aturan._baca(profil)["tim_kerja"]
    assert (blok.get("target") or {}).get("dasar"), f"{profil}: tim_kerja.target.dasar missing"
    a = aturan.aturan_tim(profil)
    assert a.dasar("target", "dasar") == f"{a.singkatan} {blok['target']['dasar']}"


def test_member_from_another_bidang_only_through_issued_surat_penugasan_tk_06(blitar):
    pd = blitar
    tim = s.buat_draf(pengguna=pd.u["ani"], data=data_tim(pd))
    with pytest.raises(AnggotaTidakMemenuhi) as e:
        s.tambah_anggota(pengguna=pd.u["ani"], tim_id=tim.id, anggota=[anggota(pd, "dodi")])
    assert e.value.kode == "TK-06" and "Perwal Blitar 6/2023 Pasal 24 ayat (2) dan ayat (3)" in e.value.pesan
    p = _lintas_unit_ditugaskan(pd, "ani", "dodi")
    s.tambah_anggota(pengguna=pd.u["ani"], tim_id=tim.id, anggota=[anggota(pd, "dodi", penugasan_id=p.id)])
    tim.refresh_from_db()
    assert tim.pola == "antar_bidang"  # re-derived from the members
    # He keeps his home PPK (M-7): in Blitar the Kepala Dinas until rating is delegated (Pasal 17 ayat (2)).
    assert tim.anggota.get(pegawai=pd.p["dodi"]).ppk_asal == ppk_dari(pd.p["dodi"]) == pd.p["kadis"]
    # The penugasan that brought him is this team's work: his 20% share counts once, not 20% + 10%.
    s.tetapkan_ketua(pengguna=pd.u["ani"], tim_id=tim.id, ketua_id=None, alasan="Dikoordinasi Kabid", tanpa_ketua=True)
    s.ajukan_pembentukan(pengguna=pd.u["ani"], tim_id=tim.id)
    b = beban_pegawai([pd.p["dodi"].id], tim.masa_mulai, tim.masa_selesai, kapasitas_bawaan=100)[pd.p["dodi"].id]
    assert (b.tim, b.penugasan) == (20, 0)


def test_pending_lintas_unit_request_does_not_admit_the_member(nasional):
    pd = nasional
    tim = s.buat_draf(pengguna=pd.u["ani"], data=data_tim(pd))
    p = s.mulai_permohonan_lintas_unit(pengguna=pd.u["ani"], tim_id=tim.id,
                                       ppk_tujuan_id=pejabat_dituju_untuk(pd.p["dodi"]).id,  # type: ignore[union-attr]
                                       uraian_tugas="Analisis data", kompetensi_dibutuhkan="Statistik")
    assert p.status != "ditugaskan" and p.bentuk == "tim"
    # The team page lists it (a prepared read, matched by title and period) and no other team's.
    assert [x.pk for x in s.permohonan_tim(TimKerja.objects.get(pk=tim.pk))] == [p.pk]
    lain = s.buat_draf(pengguna=pd.u["ani"], data=data_tim(pd, nama="Tim lain"))
    assert s.permohonan_tim(lain) == []
    with pytest.raises(AnggotaTidakMemenuhi, match="belum berakhir dengan surat penugasan"):
        s.tambah_anggota(pengguna=pd.u["ani"], tim_id=tim.id, anggota=[anggota(pd, "dodi", penugasan_id=p.id)])


def test_blitar_ketua_from_the_other_bidang_is_refused_pasal_21_ayat_1_a(blitar):
    pd = blitar
    tim = s.buat_draf(pengguna=pd.u["ani"], data=data_tim(pd))
    p = _lintas_unit_ditugaskan(pd, "ani", "dodi")
    s.tambah_anggota(pengguna=pd.u["ani"], tim_id=tim.id,
                     anggota=[anggota(pd, "sari"), anggota(pd, "dodi", penugasan_id=p.id)])
    with pytest.raises(KetuaTidakMemenuhi) as e:
        s.tetapkan_ketua(pengguna=pd.u["ani"], tim_id=tim.id, ketua_id=pd.p["dodi"].id, alasan_asal="ahli")
    assert "Perwal Blitar 6/2023 Pasal 21 ayat (1) huruf a" in e.value.pesan
    s.tetapkan_ketua(pengguna=pd.u["ani"], tim_id=tim.id, ketua_id=pd.p["sari"].id)
    tim = s.ajukan_pembentukan(pengguna=pd.u["ani"], tim_id=tim.id)
    assert tim.status == "aktif" and tim.jenis_instrumen == "surat_perintah"


def test_karangasem_ketua_from_the_other_bidang_needs_reason_and_is_a_warning(karangasem):
    pd = karangasem
    tim = s.buat_draf(pengguna=pd.u["ani"], data=data_tim(pd))
    p = _lintas_unit_ditugaskan(pd, "ani", "dodi")
    s.tambah_anggota(pengguna=pd.u["ani"], tim_id=tim.id, anggota=[anggota(pd, "dodi", penugasan_id=p.id)])
    with pytest.raises(PerluAlasan, match=r"Pasal 12 ayat \(9\)"):
        s.tetapkan_ketua(pengguna=pd.u["ani"], tim_id=tim.id, ketua_id=pd.p["dodi"].id)
    tim = s.tetapkan_ketua(pengguna=pd.u["ani"], tim_id=tim.id, ketua_id=pd.p["dodi"].id,
                           alasan_asal="Keahlian statistik tidak ada di P2P")
    assert any(w["kode"] == "TK-03" for w in tim.peringatan)


def test_blitar_administrator_cannot_be_ketua_but_pengawas_can(blitar):
    pd = blitar
    tim = s.buat_draf(pengguna=pd.u["ani"], data=data_tim(pd))
    with pytest.raises(KetuaTidakMemenuhi, match=r"Pasal 21 ayat \(4\)"):
        s.tetapkan_ketua(pengguna=pd.u["ani"], tim_id=tim.id, ketua_id=pd.p["ani"].id)
    s.tetapkan_ketua(pengguna=pd.u["ani"], tim_id=tim.id, ketua_id=pd.p["kasi"].id)


def test_magelang_pengawas_cannot_be_ketua_pasal_11_ayat_3(magelang):
    tim = s.buat_draf(pengguna=magelang.u["ani"], data=data_tim(magelang))
    with pytest.raises(KetuaTidakMemenuhi, match=r"Perwal Magelang 25/2023 Pasal 11 ayat \(3\)"):
        s.tetapkan_ketua(pengguna=magelang.u["ani"], tim_id=tim.id, ketua_id=magelang.p["kasi"].id)


def test_team_without_ketua_has_the_deciding_official_as_coordination_point(nasional):
    pd = nasional
    tim = s.bentuk_tim(pengguna=pd.u["ani"], data=data_tim(pd), anggota=[anggota(pd, "sari")],
                       alasan_tanpa_ketua="Tim kecil, dikoordinasi langsung")
    assert tim.ketua is None and tim.tanpa_ketua and tim.koordinator == pd.p["ani"]


def test_blitar_lintas_pd_team_waits_for_the_sekda_pasal_21_ayat_1_b(blitar):
    pd = blitar
    tim = s.buat_draf(pengguna=pd.u["ani"], data=data_tim(pd))
    s.tambah_anggota(pengguna=pd.u["ani"], tim_id=tim.id, anggota=[anggota(pd, "sari")])
    tim.refresh_from_db()
    # A member of Dinas Sosial joins only through the lintas-unit path (penugasan), like any outsider.
    p = _lintas_unit_ditugaskan(pd, "ani", "wawan")
    s.tambah_anggota(pengguna=pd.u["ani"], tim_id=tim.id, anggota=[anggota(pd, "wawan", penugasan_id=p.id)])
    s.tetapkan_ketua(pengguna=pd.u["ani"], tim_id=tim.id, ketua_id=pd.p["sari"].id)
    tim = s.ajukan_pembentukan(pengguna=pd.u["ani"], tim_id=tim.id)
    assert tim.pola == "lintas_pd"
    assert tim.status == "menunggu_penetapan" and tim.penandatangan == pd.p["sekda"]
    with pytest.raises(TidakBerwenang):
        s.tetapkan(pengguna=pd.u["ani"], tim_id=tim.id)
    tim = s.tetapkan(pengguna=pd.u["sekda"], tim_id=tim.id)
    assert tim.status == "aktif"


def test_signer_may_return_the_draft_with_a_reason(blitar):
    pd = blitar
    tim = s.buat_draf(pengguna=pd.u["ani"], data=data_tim(pd))
    p = _lintas_unit_ditugaskan(pd, "ani", "wawan")
    s.tambah_anggota(pengguna=pd.u["ani"], tim_id=tim.id, anggota=[anggota(pd, "wawan", penugasan_id=p.id)])
    s.tetapkan_ketua(pengguna=pd.u["ani"], tim_id=tim.id, ketua_id=None, alasan="Koordinasi langsung",
                     tanpa_ketua=True)
    s.ajukan_pembentukan(pengguna=pd.u["ani"], tim_id=tim.id)
    tim = s.tolak(pengguna=pd.u["sekda"], tim_id=tim.id, alasan="Lengkapi target lintas PD")
    assert tim.status == "draf"


def test_magelang_refuses_a_lintas_instansi_member_tk_01(magelang):
    pd = magelang
    tim = s.buat_draf(pengguna=pd.u["ani"], data=data_tim(pd))
    # Even with a penugasan the profile has no lintas-instansi pattern: refused before any letter.
    with pytest.raises(PolaTidakDiizinkan) as e:
        s.tambah_anggota(pengguna=pd.u["ani"], tim_id=tim.id, anggota=[anggota(pd, "eka")])
    assert "Perwal Magelang 25/2023 Pasal 11 ayat (2) dan Pasal 14 ayat (1)" in e.value.pesan


def test_volunteer_from_another_instansi_is_refused_tk_15(nasional):
    pd = nasional
    tim = s.bentuk_tim(pengguna=pd.u["ani"], data=data_tim(pd), anggota=[anggota(pd, "sari")],
                       ketua_id=pd.p["sari"].id)
    with pytest.raises(AnggotaTidakMemenuhi) as e:
        s.tambah_anggota(pengguna=pd.u["ani"], tim_id=tim.id, anggota=[anggota(pd, "eka", sumber="sukarela")])
    assert e.value.kode == "TK-15"


def test_pasuruan_koordinator_is_ketua_of_his_substansi_team_and_cannot_form_another(pasuruan):
    pd = pasuruan
    tim = s.buat_tim_substansi(koordinator=pd.p["kasi"])
    assert tim is not None and tim.ketua == pd.p["kasi"] and tim.jenis == "tim_kerja_substansi"
    assert tim.anggota.filter(pegawai=pd.p["rudi"]).exists()
    with pytest.raises(AturanDilanggar) as e:
        s.buat_draf(pengguna=pd.u["kasi"], data=data_tim(pd, unit="SURV"))
    assert e.value.kode == "TK-07" and "Perbup Pasuruan 217/2023" in e.value.pesan


def test_pasuruan_import_builds_the_substansi_team_of_each_koordinator(pasuruan):
    # The organisation import (kait) already built it: Kasi Surveilans leads Rudi's substansi team.
    tim = TimKerja.objects.get(instansi=pasuruan.instansi, jenis="tim_kerja_substansi")
    assert tim.ketua == pasuruan.p["kasi"] and tim.status == "aktif"
    assert tim.anggota.filter(pegawai=pasuruan.p["rudi"]).exists()


def test_other_profiles_build_no_automatic_substansi_team(karangasem):
    assert s.buat_tim_substansi(koordinator=karangasem.p["kasi"]) is None
    assert not TimKerja.objects.filter(jenis="tim_kerja_substansi").exists()


def test_over_capacity_membership_needs_a_reason_tk_16(nasional):
    pd = nasional
    s.bentuk_tim(pengguna=pd.u["ani"], data=data_tim(pd, nama="Tim A"), anggota=[anggota(pd, "sari", porsi_persen=70)],
                 ketua_id=pd.p["sari"].id)
    tim = s.buat_draf(pengguna=pd.u["ani"], data=data_tim(pd, nama="Tim B"))
    with pytest.raises(PerluAlasan, match="menjadi 110%"):
        s.tambah_anggota(pengguna=pd.u["ani"], tim_id=tim.id, anggota=[anggota(pd, "sari", porsi_persen=40)])
    s.tambah_anggota(pengguna=pd.u["ani"], tim_id=tim.id,
                     anggota=[anggota(pd, "sari", porsi_persen=40, alasan_beban="Tim A selesai bulan depan")])
    tim.refresh_from_db()
    assert any(w["kode"] == "TK-16" for w in tim.peringatan)


def test_blitar_member_letter_needs_the_ketua_input_pasal_22(blitar):
    pd = blitar
    tim = s.bentuk_tim(pengguna=pd.u["ani"], data=data_tim(pd), anggota=[anggota(pd, "sari")],
                       ketua_id=pd.p["sari"].id)
    with pytest.raises(AnggotaTidakMemenuhi, match="Pasal 22"):
        s.tambah_anggota(pengguna=pd.u["ani"], tim_id=tim.id, anggota=[anggota(pd, "tono")])
    s.tambah_anggota(pengguna=pd.u["ani"], tim_id=tim.id,
                     anggota=[anggota(pd, "tono", masukan_ketua="Perlu pengelola data")])


def test_lifecycle_changes_and_final_states(nasional):
    pd = nasional
    tim = s.bentuk_tim(pengguna=pd.u["ani"], data=data_tim(pd), anggota=[anggota(pd, "sari"), anggota(pd, "tono")],
                       ketua_id=pd.p["sari"].id)
    s.tetapkan_ketua(pengguna=pd.u["ani"], tim_id=tim.id, ketua_id=pd.p["tono"].id)
    s.ubah_target(pengguna=pd.u["ani"], tim_id=tim.id, target=["Peta kasus per kelurahan"], alasan="Arahan Kadis")
    s.perpanjang(pengguna=pd.u["ani"], tim_id=tim.id, selesai_baru=tim.masa_selesai + timedelta(days=30))
    s.lepas_anggota(pengguna=pd.u["ani"], tim_id=tim.id, pegawai_id=pd.p["sari"].id, alasan="Mutasi")
    tim = s.bubarkan(pengguna=pd.u["ani"], tim_id=tim.id, alasan="Target tercapai lebih awal")
    assert tim.status == "dibubarkan"
    with pytest.raises(TransisiTidakSah):
        s.tambah_anggota(pengguna=pd.u["ani"], tim_id=tim.id, anggota=[anggota(pd, "sari")])
    assert list(tim.riwayat_ketua.values_list("pegawai__nama", flat=True)) == ["Sari Epidemiolog", "Tono Pelaksana"]


def test_only_the_managers_change_the_team(nasional):
    pd = nasional
    tim = s.bentuk_tim(pengguna=pd.u["ani"], data=data_tim(pd), anggota=[anggota(pd, "sari")],
                       ketua_id=pd.p["sari"].id)
    with pytest.raises(TidakBerwenang):
        s.bubarkan(pengguna=pd.u["bambang"], tim_id=tim.id, alasan="x")
    assert TimKerja.objects.get(pk=tim.id).status == "aktif"
