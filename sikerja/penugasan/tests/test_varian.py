"""Paths a regulation routes its own way (alur.VARIAN, chosen by the profile's `penugasan` key).

Perwal Magelang 25/2023 Lampiran II: a lintas-PD request goes from the Pimpinan Perangkat Daerah
pemilik kinerja to the Pimpinan Perangkat Daerah dituju; on approval "dapat diberikan surat penugasan
oleh Pejabat Penilai Kinerja" (huruf A angka 2); oral volunteering goes to the PPK (huruf B angka 1).
Perwal Blitar 6/2023 Pasal 24 ayat (2): the request goes to the pimpinan unit organisasi.
"""

from __future__ import annotations

import pytest

from sikerja.kedudukan.selectors import kedudukan_pegawai
from sikerja.penugasan import services
from sikerja.penugasan.errors import DataTidakLengkap, TidakBerwenang

from .conftest import buat_dua_instansi, data, penerima


@pytest.fixture
def magelang(db):  # type: ignore[no-untyped-def]
    return buat_dua_instansi(dengan_madya=True, profil_a="magelang")


@pytest.fixture
def blitar(db):  # type: ignore[no-untyped-def]
    return buat_dua_instansi(profil_a="blitar")


def test_magelang_lampiran_II_A_2_a_request_goes_from_pimpinan_pd_to_pimpinan_pd(magelang):
    org = magelang
    with pytest.raises(TidakBerwenang, match="Pimpinan Perangkat Daerah"):  # a Kabid is not a Pimpinan PD
        services.buat_penunjukan_lintas_unit(pengguna=org.u["bambang"], data=data(), ppk_tujuan_id=org.p["kadis_a"].pk)
    with pytest.raises(DataTidakLengkap):  # the addressee is a Pimpinan PD, not a Kabid
        services.buat_penunjukan_lintas_unit(pengguna=org.u["sekda_a"], data=data(), ppk_tujuan_id=org.p["ani"].pk)
    p = services.buat_penunjukan_lintas_unit(pengguna=org.u["sekda_a"], data=data(), ppk_tujuan_id=org.p["kadis_a"].pk)
    assert (p.varian, p.status, p.aktor_sekarang) == ("pimpinan_pd", "menunggu_ppk_tujuan", org.p["kadis_a"])
    assert p.transisi.get().dasar_hukum == "Perwal Magelang 25/2023 Lampiran II huruf A angka 2"


def test_magelang_lampiran_II_A_2_b_1_approval_by_pimpinan_pd_then_surat_penugasan_by_the_ppk(magelang):
    org = magelang
    p = services.buat_penunjukan_lintas_unit(pengguna=org.u["sekda_a"], data=data(), ppk_tujuan_id=org.p["kadis_a"].pk)
    assert kedudukan_pegawai(org.p["sari"]).ppk == org.p["ani"]
    p = services.jalankan(pengguna=org.u["kadis_a"], penugasan_id=p.pk, aksi="setujui",
                          penerima=[penerima(org.p["sari"], 25)])
    assert (p.status, p.ppk_pegawai, p.aktor_sekarang) == ("menunggu_ppk_pegawai", org.p["ani"], org.p["ani"])
    jawaban = p.surat.get(jenis="jawaban")
    assert jawaban.penandatangan == org.p["kadis_a"] and list(jawaban.kepada.all()) == [org.p["sekda_a"]]
    with pytest.raises(TidakBerwenang):
        services.jalankan(pengguna=org.u["kadis_a"], penugasan_id=p.pk, aksi="setujui")
    p = services.jalankan(pengguna=org.u["ani"], penugasan_id=p.pk, aksi="setujui")
    st = p.surat.get(jenis="penugasan")
    assert p.status == "ditugaskan" and st.penandatangan == org.p["ani"]
    assert list(st.kepada.all()) == [org.p["sari"]]
    assert {org.p["sekda_a"], org.p["kadis_a"]} <= set(st.tembusan.all())


def test_magelang_pimpinan_pd_offers_any_jf_of_his_pd_and_assigns_those_he_rates_himself(magelang):
    org = magelang
    p = services.buat_penunjukan_lintas_unit(pengguna=org.u["sekda_a"], data=data(), ppk_tujuan_id=org.p["kadis_a"].pk)
    # Wati (Ahli Madya) is rated by the Kepala Dinas himself: his approval is also the assignment.
    p = services.jalankan(pengguna=org.u["kadis_a"], penugasan_id=p.pk, aksi="setujui",
                          penerima=[penerima(org.p["wati"], 25)])
    assert p.status == "ditugaskan" and p.surat.get(jenis="penugasan").penandatangan == org.p["kadis_a"]


def test_magelang_lampiran_II_A_2_b_2_refusal_by_pimpinan_pd_is_a_surat_jawaban_with_reason(magelang):
    org = magelang
    p = services.buat_penunjukan_lintas_unit(pengguna=org.u["sekda_a"], data=data(), ppk_tujuan_id=org.p["kadis_a"].pk)
    p = services.jalankan(pengguna=org.u["kadis_a"], penugasan_id=p.pk, aksi="tolak", alasan="Sedang KLB")
    jawaban = p.surat.get(jenis="jawaban")
    assert p.status == "ditolak" and jawaban.penandatangan == org.p["kadis_a"]
    assert "Sedang KLB" in jawaban.isi["paragraf"]


def test_magelang_lampiran_II_B_1_oral_volunteering_goes_to_the_ppk(magelang):
    org = magelang
    k = kedudukan_pegawai(org.p["wati"])
    assert (k.ppk, k.pimpinan_unit) == (org.p["kadis_a"], org.p["ani"])  # PPK and PUO differ
    with pytest.raises(TidakBerwenang, match="Pejabat Penilai Kinerja"):  # the PUO does not record it
        services.buat_pengajuan_sukarela(pengguna=org.u["ani"], data=data(beban_diajukan=20),
                                         pegawai_id=org.p["wati"].pk)
    p = services.buat_pengajuan_sukarela(pengguna=org.u["wati"], data=data(beban_diajukan=20))
    assert (p.varian, p.status, p.aktor_sekarang) == ("ppk", "menunggu_ppk", org.p["kadis_a"])
    p = services.jalankan(pengguna=org.u["kadis_a"], penugasan_id=p.pk, aksi="setujui")
    st = p.surat.get(jenis="penugasan")
    assert p.status == "ditugaskan" and st.penandatangan == org.p["kadis_a"]
    assert org.p["ani"] in st.tembusan.all()


def test_blitar_pasal_24_ayat_2_request_goes_to_the_pimpinan_unit_organisasi(blitar):
    org = blitar
    sari = kedudukan_pegawai(org.p["sari"])
    # Without delegation (Pasal 14 ayat (2)) the Kepala Dinas leads the JF; a JF leads no one.
    assert sari.pimpinan_unit == org.p["kadis_a"]
    with pytest.raises(DataTidakLengkap):
        services.buat_penunjukan_lintas_unit(pengguna=org.u["bambang"], data=data(), ppk_tujuan_id=org.p["dodi"].pk)
    p = services.buat_penunjukan_lintas_unit(pengguna=org.u["bambang"], data=data(),
                                             ppk_tujuan_id=sari.pimpinan_unit.pk)
    assert p.varian == "puo" and p.aktor_sekarang == sari.pimpinan_unit
    assert p.transisi.get().dasar_hukum == "Perwal Blitar 6/2023 Pasal 24 ayat (2) dan ayat (3)"
    p = services.jalankan(pengguna=org.u["kadis_a"], penugasan_id=p.pk, aksi="setujui",
                          penerima=[penerima(org.p["sari"], 25)])
    assert p.status == "ditugaskan"
    assert p.transisi.get(aksi="setujui").dasar_hukum == "Perwal Blitar 6/2023 Pasal 24 ayat (2)"


def test_the_page_names_the_addressee_as_the_regulation_does(magelang, client):
    client.force_login(magelang.u["sekda_a"])
    html = client.get("/penugasan/buat/lintas_unit/").content.decode()
    assert "Pimpinan Perangkat Daerah dituju" in html and "Perwal Magelang 25/2023 Lampiran II huruf A angka 2" in html
    # The autocomplete offers only the Pimpinan Perangkat Daerah (Lampiran II huruf A angka 2 huruf a).
    assert "lingkup=penugasan_pimpinan_pd" in html
    hasil = client.get("/organisasi/pilih-pegawai/", {"q": "Budi", "lingkup": "penugasan_pimpinan_pd"}).content.decode()
    assert "Budi Kadis" in hasil
    hasil = client.get("/organisasi/pilih-pegawai/", {"q": "Ani", "lingkup": "penugasan_pimpinan_pd"}).content.decode()
    assert "Ani Kabid" not in hasil


def test_magelang_closes_the_lintas_pd_path_to_a_kabid_before_any_form(magelang, client):
    client.force_login(magelang.u["ani"])
    html = client.get("/penugasan/buat/").content.decode()
    assert 'data-tertutup="lintas_unit"' in html and "Pimpinan Perangkat Daerah" in html
    client.force_login(magelang.u["sekda_a"])
    assert 'data-jalur="lintas_unit"' in client.get("/penugasan/buat/").content.decode()


def test_magelang_lampiran_II_B_2_volunteering_across_pd_known_by_ppk_approved_by_both_pd_heads(magelang):
    org = magelang
    with pytest.raises(DataTidakLengkap):  # his own Pimpinan PD: that is volunteering within the PD
        services.buat_pengajuan_sukarela(pengguna=org.u["sari"], data=data(beban_diajukan=20),
                                         puo_tujuan_id=org.p["kadis_a"].pk)
    with pytest.raises(DataTidakLengkap):  # a Kabid is not a Pimpinan PD
        services.buat_pengajuan_sukarela(pengguna=org.u["sari"], data=data(beban_diajukan=20),
                                         puo_tujuan_id=org.p["bambang"].pk)
    p = services.buat_pengajuan_sukarela(pengguna=org.u["sari"], data=data(beban_diajukan=20),
                                         puo_tujuan_id=org.p["sekda_a"].pk)
    assert (p.varian, p.status, p.aktor_sekarang) == ("pimpinan_pd", "menunggu_diketahui_ppk", org.p["ani"])
    assert not p.surat.exists()  # huruf a: the letter goes out once the PPK knows of it
    p = services.jalankan(pengguna=org.u["ani"], penugasan_id=p.pk, aksi="setujui")
    surat = p.surat.get()
    assert list(surat.kepada.all()) == [org.p["sekda_a"]] and "Mengetahui" in " ".join(surat.isi["paragraf"])
    p = services.jalankan(pengguna=org.u["sekda_a"], penugasan_id=p.pk, aksi="setujui")
    p = services.jalankan(pengguna=org.u["sari"], penugasan_id=p.pk, aksi="setujui")
    assert (p.status, p.aktor_sekarang) == ("menunggu_pimpinan_pd", org.p["kadis_a"])  # huruf b–c
    p = services.jalankan(pengguna=org.u["kadis_a"], penugasan_id=p.pk, aksi="setujui")
    assert (p.status, p.aktor_sekarang) == ("menunggu_ppk", org.p["ani"])
    p = services.jalankan(pengguna=org.u["ani"], penugasan_id=p.pk, aksi="setujui")
    st = p.surat.get(jenis="penugasan")
    assert p.status == "ditugaskan" and st.penandatangan == org.p["ani"] and org.p["sekda_a"] in st.tembusan.all()


def test_magelang_when_the_pd_head_is_the_ppk_one_approval_suffices(magelang):
    org = magelang
    # Wati (Ahli Madya) is rated by the Kepala Dinas, who is also her Pimpinan PD.
    p = services.buat_pengajuan_sukarela(pengguna=org.u["wati"], data=data(beban_diajukan=20),
                                         puo_tujuan_id=org.p["sekda_a"].pk)
    services.jalankan(pengguna=org.u["kadis_a"], penugasan_id=p.pk, aksi="setujui")
    services.jalankan(pengguna=org.u["sekda_a"], penugasan_id=p.pk, aksi="setujui")
    p = services.jalankan(pengguna=org.u["wati"], penugasan_id=p.pk, aksi="setujui")
    assert (p.status, p.aktor_sekarang) == ("menunggu_ppk", org.p["kadis_a"])
