"""The PUO's rekomendasi before the PPK dituju assigns (Perbup Pasuruan 217/2023 Lampiran II.B.2.a.2
huruf c for lintas unit, II.B.2.a.3 huruf d for lintas instansi): "dengan rekomendasi dari Pimpinan Unit
Organisasi". An Ahli Madya is rated by the Kepala Dinas (rank ceiling) but led by his Kabid."""

from __future__ import annotations

import pytest

from sikerja.penugasan import alur, services
from sikerja.penugasan.errors import DataTidakLengkap, TidakBerwenang, TransisiTidakSah
from sikerja.penugasan.selectors import jumlah_kotak_masuk

from .conftest import buat_dua_instansi, data, penerima


@pytest.fixture
def org(db):  # type: ignore[no-untyped-def]
    return buat_dua_instansi(dengan_madya=True)


def _lintas_unit(org, **kw):  # type: ignore[no-untyped-def]
    # Bambang (Kabid Yankes) asks the Kepala Dinas, PPK of the Ahli Madya, for an epidemiologist.
    return services.buat_penunjukan_lintas_unit(pengguna=org.u["bambang"], data=data(**kw),
                                                ppk_tujuan_id=org.p["kadis_a"].pk)


def test_lampiran_II_B_2_a_2_c_ppk_choice_goes_to_the_puo_of_the_pegawai_for_rekomendasi(org):
    p = _lintas_unit(org)
    p = services.jalankan(pengguna=org.u["kadis_a"], penugasan_id=p.pk, aksi="setujui",
                          penerima=[penerima(org.p["wati"], 30)])
    assert (p.status, p.puo_tujuan, p.aktor_sekarang) == ("menunggu_rekomendasi_puo", org.p["ani"], org.p["ani"])
    assert not p.surat.filter(jenis="penugasan").exists()  # no letter before the recommendation
    assert jumlah_kotak_masuk(org.p["ani"].pk) == 1
    p = services.jalankan(pengguna=org.u["ani"], penugasan_id=p.pk, aksi="setujui",
                          alasan="Wati berpengalaman surveilans DBD")
    assert (p.status, p.aktor_sekarang) == ("menunggu_penerbitan", org.p["kadis_a"])
    t = p.transisi.get(dari_status="menunggu_rekomendasi_puo")
    assert (t.aktor, t.alasan) == (org.p["ani"], "Wati berpengalaman surveilans DBD")
    # A nasional-profile instansi cites PermenPANRB 7/2022, said to be the national basis (issue 9 point 1).
    assert t.dasar_hukum.startswith("PermenPANRB 7/2022") and "rekomendasi" in t.dasar_hukum
    assert "ketentuan nasional" in t.dasar_hukum and "Pasuruan" not in t.dasar_hukum
    assert t.label_aksi == "Memberi rekomendasi"  # as the audit trail names it
    p = services.jalankan(pengguna=org.u["kadis_a"], penugasan_id=p.pk, aksi="setujui")
    assert p.status == "ditugaskan"
    tugas = p.surat.get(jenis="penugasan")
    assert tugas.penandatangan == org.p["kadis_a"] and list(tugas.kepada.all()) == [org.p["wati"]]
    assert "atas rekomendasi Ani Kabid" in " ".join(tugas.isi["paragraf"])
    # The Surat Tugas names the recommendation in its "Dasar", with the PUO's jabatan and date.
    dasar = " ".join(tugas.isi["tugas"]["dasar"])
    assert f"Rekomendasi Ani Kabid ({org.p['ani'].jabatan}) selaku pimpinan unit organisasi pegawai" in dasar


def test_lampiran_II_B_2_a_2_c_no_separate_rekomendasi_when_the_ppk_leads_the_pegawai_himself(org):
    # Ani is both PPK and PUO of Sari: her decision is the recommendation; letters issue at once.
    p = services.buat_penunjukan_lintas_unit(pengguna=org.u["bambang"], data=data(),
                                             ppk_tujuan_id=org.p["ani"].pk)
    p = services.jalankan(pengguna=org.u["ani"], penugasan_id=p.pk, aksi="setujui",
                          penerima=[penerima(org.p["sari"], 30)])
    assert p.status == "ditugaskan" and p.puo_tujuan is None
    t = p.transisi.get(aksi="setujui")
    assert (t.dari_status, t.ke_status) == ("menunggu_ppk_tujuan", "ditugaskan") and "sekaligus" in t.data["rekomendasi"]


def test_only_the_puo_of_the_pegawai_may_recommend(org):
    p = _lintas_unit(org)
    services.jalankan(pengguna=org.u["kadis_a"], penugasan_id=p.pk, aksi="setujui",
                      penerima=[penerima(org.p["wati"], 30)])
    for kunci in ("kadis_a", "bambang", "wati"):
        with pytest.raises(TidakBerwenang):
            services.jalankan(pengguna=org.u[kunci], penugasan_id=p.pk, aksi="setujui")
    with pytest.raises(TransisiTidakSah):  # the PUO recommends; refusing the request is the PPK's
        services.jalankan(pengguna=org.u["ani"], penugasan_id=p.pk, aksi="tolak", alasan="Sibuk")


def test_puo_returns_to_the_ppk_with_a_reason_and_the_ppk_chooses_again(org):
    p = _lintas_unit(org)
    services.jalankan(pengguna=org.u["kadis_a"], penugasan_id=p.pk, aksi="setujui",
                      penerima=[penerima(org.p["wati"], 30)])
    with pytest.raises(DataTidakLengkap):
        services.jalankan(pengguna=org.u["ani"], penugasan_id=p.pk, aksi="kembalikan")
    p = services.jalankan(pengguna=org.u["ani"], penugasan_id=p.pk, aksi="kembalikan",
                          alasan="Wati sedang menangani KLB campak")
    assert (p.status, p.aktor_sekarang) == ("menunggu_ppk_tujuan", org.p["kadis_a"])
    # The PPK now chooses the Ahli Madya of Yankes: Bambang's own unit, so Bambang recommends.
    p = services.jalankan(pengguna=org.u["kadis_a"], penugasan_id=p.pk, aksi="setujui",
                          penerima=[penerima(org.p["yoga"], 30)])
    assert p.aktor_sekarang == org.p["bambang"]
    services.jalankan(pengguna=org.u["bambang"], penugasan_id=p.pk, aksi="setujui")
    p = services.jalankan(pengguna=org.u["kadis_a"], penugasan_id=p.pk, aksi="setujui")
    paragraf = " ".join(p.surat.get(jenis="penugasan").isi["paragraf"])
    assert "atas rekomendasi Bambang Kabid" in paragraf and "Ani" not in paragraf


def test_a_team_from_two_units_is_recommended_by_each_puo_in_turn(org):
    p = _lintas_unit(org, bentuk="tim", jumlah_dibutuhkan=2)
    p = services.jalankan(pengguna=org.u["kadis_a"], penugasan_id=p.pk, aksi="setujui",
                          penerima=[penerima(org.p["wati"], 20, ketua=True), penerima(org.p["yoga"], 20)])
    pertama = p.aktor_sekarang
    assert pertama in (org.p["ani"], org.p["bambang"]) and len(p.antrean_rekomendasi) == 1
    p = services.jalankan(pengguna=org.u[{org.p["ani"]: "ani", org.p["bambang"]: "bambang"}[pertama]],
                          penugasan_id=p.pk, aksi="setujui")
    kedua = p.aktor_sekarang
    assert p.status == "menunggu_rekomendasi_puo" and kedua != pertama and p.antrean_rekomendasi == []
    p = services.jalankan(pengguna=org.u[{org.p["ani"]: "ani", org.p["bambang"]: "bambang"}[kedua]],
                          penugasan_id=p.pk, aksi="setujui")
    assert (p.status, p.aktor_sekarang) == ("menunggu_penerbitan", org.p["kadis_a"])


def test_ppk_may_still_refuse_after_the_recommendation_with_a_surat_jawaban(org):
    p = _lintas_unit(org)
    services.jalankan(pengguna=org.u["kadis_a"], penugasan_id=p.pk, aksi="setujui",
                      penerima=[penerima(org.p["wati"], 30)])
    services.jalankan(pengguna=org.u["ani"], penugasan_id=p.pk, aksi="setujui")
    p = services.jalankan(pengguna=org.u["kadis_a"], penugasan_id=p.pk, aksi="tolak",
                          alasan="Anggaran kegiatan belum tersedia")
    assert p.status == "ditolak"
    jawaban = p.surat.get(jenis="jawaban")
    assert list(jawaban.kepada.all()) == [org.p["bambang"]] and org.p["ani"] in jawaban.tembusan.all()


def test_lampiran_II_B_2_a_3_d_lintas_instansi_availability_answer_waits_for_the_puo(org):
    p = services.buat_penunjukan_lintas_instansi(pengguna=org.u["ani"], data=data(), instansi_tujuan_id=org.b.pk)
    services.jalankan(pengguna=org.u["sekda_a"], penugasan_id=p.pk, aksi="setujui")
    services.jalankan(pengguna=org.u["sekda_b"], penugasan_id=p.pk, aksi="setujui",
                      ppk_tujuan_id=org.p["kadis_b"].pk)
    p = services.jalankan(pengguna=org.u["kadis_b"], penugasan_id=p.pk, aksi="setujui",
                          penerima=[penerima(org.p["fajar"], 30)])
    assert (p.status, p.aktor_sekarang) == ("menunggu_rekomendasi_puo", org.p["citra"])
    assert not p.surat.filter(jenis="jawaban").exists()
    # Citra (instansi B) sees and decides; instansi A's users do not act here.
    assert services.ambil_untuk(org.u["citra"], p.pk) == p
    p = services.jalankan(pengguna=org.u["citra"], penugasan_id=p.pk, aksi="setujui")
    assert p.aktor_sekarang == org.p["kadis_b"]
    p = services.jalankan(pengguna=org.u["kadis_b"], penugasan_id=p.pk, aksi="setujui")
    assert p.status == "menunggu_pyb_tujuan_jawaban"
    jawaban = p.surat.get(jenis="jawaban")
    assert list(jawaban.kepada.all()) == [org.p["sekda_b"]]
    assert "atas rekomendasi Citra Kabid" in " ".join(jawaban.isi["paragraf"])


def test_state_table_documents_both_outcomes_of_the_ppk_choice():
    rows = [r for r in alur.tabel() if r["jalur"] == "lintas_unit" and r["dari"] == "menunggu_ppk_tujuan"
            and r["aksi"] == "setujui" and not r["varian"]]
    assert {r["ke"] for r in rows} == {"menunggu_rekomendasi_puo", "ditugaskan"}


def test_pasal_14_4_e_3_the_puo_gives_the_surat_penugasan_with_tembusan_the_ppk(org):
    p = services.buat_penunjukan_lintas_instansi(pengguna=org.u["ani"], data=data(), instansi_tujuan_id=org.b.pk)
    services.jalankan(pengguna=org.u["sekda_a"], penugasan_id=p.pk, aksi="setujui")
    services.jalankan(pengguna=org.u["sekda_b"], penugasan_id=p.pk, aksi="setujui",
                      ppk_tujuan_id=org.p["kadis_b"].pk)
    services.jalankan(pengguna=org.u["kadis_b"], penugasan_id=p.pk, aksi="setujui",
                      penerima=[penerima(org.p["fajar"], 30)])
    services.jalankan(pengguna=org.u["citra"], penugasan_id=p.pk, aksi="setujui")
    services.jalankan(pengguna=org.u["kadis_b"], penugasan_id=p.pk, aksi="setujui")
    p = services.jalankan(pengguna=org.u["sekda_b"], penugasan_id=p.pk, aksi="setujui")
    assert (p.status, p.aktor_sekarang) == ("menunggu_surat_penugasan", org.p["citra"])
    with pytest.raises(TidakBerwenang):
        services.jalankan(pengguna=org.u["kadis_b"], penugasan_id=p.pk, aksi="setujui")
    p = services.jalankan(pengguna=org.u["citra"], penugasan_id=p.pk, aksi="setujui")
    st = p.surat.get(jenis="penugasan")
    assert st.penandatangan == org.p["citra"]
    assert set(st.tembusan.all()) == {org.p["sekda_b"], org.p["kadis_b"], org.p["sekda_a"]}


def test_pasal_14_4_e_1_the_ppk_answers_not_available_to_his_pyb_not_to_the_requester(org):
    p = services.buat_penunjukan_lintas_instansi(pengguna=org.u["ani"], data=data(), instansi_tujuan_id=org.b.pk)
    services.jalankan(pengguna=org.u["sekda_a"], penugasan_id=p.pk, aksi="setujui")
    services.jalankan(pengguna=org.u["sekda_b"], penugasan_id=p.pk, aksi="setujui",
                      ppk_tujuan_id=org.p["citra"].pk)
    with pytest.raises(TransisiTidakSah):
        services.jalankan(pengguna=org.u["citra"], penugasan_id=p.pk, aksi="tolak", alasan="Tidak ada")
    p = services.jalankan(pengguna=org.u["citra"], penugasan_id=p.pk, aksi="kembalikan",
                          alasan="Tidak ada epidemiolog yang tersedia")
    assert (p.status, p.aktor_sekarang) == ("menunggu_pyb_tujuan", org.p["sekda_b"])
    # The PyB dituju alone answers the requesting PyB in writing.
    p = services.jalankan(pengguna=org.u["sekda_b"], penugasan_id=p.pk, aksi="tolak",
                          alasan="Tidak ada pegawai yang tersedia")
    jawaban = p.surat.get(jenis="jawaban")
    assert jawaban.penandatangan == org.p["sekda_b"] and list(jawaban.kepada.all()) == [org.p["sekda_a"]]
