"""Penunjukan lintas instansi through both PyB (Karangasem Pasal 14 ayat (4); Pasuruan Lampiran II.B.2.a.3)."""

from __future__ import annotations

import pytest

from sikerja.penugasan import selectors, services
from sikerja.penugasan.errors import DataTidakLengkap, PenugasanError, PenugasanTidakDitemukan, TidakBerwenang

from .conftest import data, penerima


def _mulai(org):
    return services.buat_penunjukan_lintas_instansi(pengguna=org.u["ani"], data=data(),
                                                    instansi_tujuan_id=org.b.pk)


def _sampai(org, status):
    p = _mulai(org)
    langkah = [
        ("sekda_a", {}),
        ("sekda_b", {"ppk_tujuan_id": org.p["citra"].pk}),
        ("citra", {"penerima": [penerima(org.p["eka"], 40)]}),
        ("sekda_b", {}),
        ("citra", {}),
    ]
    for kunci, kw in langkah:
        if p.status == status:
            break
        p = services.jalankan(pengguna=org.u[kunci], penugasan_id=p.pk, aksi="setujui", **kw)
    assert p.status == status
    return p


def test_pasal_14_4_a_request_goes_to_own_pyb_with_tembusan_own_ppk(org):
    p = _mulai(org)
    assert (p.status, p.aktor_sekarang) == ("menunggu_pyb_pemohon", org.p["sekda_a"])
    s = p.surat.get()
    assert list(s.kepada.all()) == [org.p["sekda_a"]] and list(s.tembusan.all()) == [org.p["kadis_a"]]


def test_pasal_14_4_full_path_ends_in_surat_penugasan_with_tembusan_of_both_pyb_and_ppk(org):
    p = _sampai(org, "menunggu_pyb_tujuan")
    assert p.terkirim_ke_tujuan and p.aktor_sekarang == org.p["sekda_b"]
    ke_b = p.surat.get(jenis="permohonan_pelibatan", instansi_penerima=org.b)
    assert ke_b.penandatangan == org.p["sekda_a"] and list(ke_b.kepada.all()) == [org.p["sekda_b"]]
    p = _sampai(org, "ditugaskan")
    tugas = p.surat.get(jenis="penugasan")
    assert tugas.instansi == org.b and tugas.penandatangan == org.p["citra"]
    assert list(tugas.kepada.all()) == [org.p["eka"]]
    assert set(tugas.tembusan.all()) == {org.p["sekda_b"], org.p["sekda_a"]}  # Citra herself is Eka's PPK
    assert [t.ke_status for t in p.transisi.all()][-1] == "ditugaskan"
    jawaban = p.surat.filter(jenis="jawaban")
    assert {s.penandatangan.nama for s in jawaban} == {"Citra Kabid", "Sekda Beta"}


def test_each_instansi_numbers_its_own_letters(org):
    p = _sampai(org, "ditugaskan")
    a = list(p.surat.filter(instansi=org.a).order_by("nomor_urut").values_list("nomor_urut", flat=True))
    b = list(p.surat.filter(instansi=org.b).order_by("nomor_urut").values_list("nomor_urut", flat=True))
    assert a == [1, 2] and b == [1, 2, 3]


def test_target_instansi_does_not_see_the_request_before_its_pyb_receives_it(org):
    p = _mulai(org)
    with pytest.raises(PenugasanTidakDitemukan):
        services.ambil_untuk(org.u["sekda_b"], p.pk)
    services.jalankan(pengguna=org.u["sekda_a"], penugasan_id=p.pk, aksi="setujui")
    assert services.ambil_untuk(org.u["sekda_b"], p.pk) == p


def test_target_side_sees_only_crossing_letters_and_steps(org):
    p = _sampai(org, "menunggu_ketersediaan")
    surat_b = {s.jenis + ":" + s.instansi.kode for s in selectors.surat_terlihat(org.u["citra"], p)}
    assert surat_b == {"permohonan_pelibatan:kab-a"}
    # The first letter (Ani to her own PyB) stays inside Alpha.
    assert selectors.surat_terlihat(org.u["citra"], p).count() == 1
    aksi_b = [t.aksi for t in selectors.jejak_audit(org.u["citra"], p)]
    assert aksi_b == ["setujui", "setujui"]  # Sekda Alpha's sending and Sekda Beta's instruction


def test_pasal_14_4_c_target_pyb_must_name_the_ppk_instructed(org):
    p = _sampai(org, "menunggu_pyb_tujuan")
    with pytest.raises(DataTidakLengkap, match="Pejabat Penilai Kinerja"):
        services.jalankan(pengguna=org.u["sekda_b"], penugasan_id=p.pk, aksi="setujui")
    with pytest.raises(DataTidakLengkap):  # a PPK of the other instansi cannot be instructed
        services.jalankan(pengguna=org.u["sekda_b"], penugasan_id=p.pk, aksi="setujui",
                          ppk_tujuan_id=org.p["ani"].pk)


def test_target_pyb_refusal_answers_the_requesting_pyb(org):
    p = _sampai(org, "menunggu_pyb_tujuan")
    p = services.jalankan(pengguna=org.u["sekda_b"], penugasan_id=p.pk, aksi="tolak", alasan="Tidak ada formasi")
    j = p.surat.get(jenis="jawaban")
    assert j.instansi == org.b and list(j.kepada.all()) == [org.p["sekda_a"]]
    assert p.transisi.last().lintas  # the requesting side sees the refusal


def test_target_pyb_returns_the_answer_to_the_ppk_to_revise_the_list(org):
    p = _sampai(org, "menunggu_pyb_tujuan_jawaban")
    p = services.jalankan(pengguna=org.u["sekda_b"], penugasan_id=p.pk, aksi="kembalikan", alasan="Tambah satu")
    assert (p.status, p.aktor_sekarang) == ("menunggu_ketersediaan", org.p["citra"])


def test_user_of_requesting_instansi_cannot_act_on_the_target_side(org):
    p = _sampai(org, "menunggu_pyb_tujuan")
    with pytest.raises(TidakBerwenang):
        services.jalankan(pengguna=org.u["sekda_a"], penugasan_id=p.pk, aksi="setujui",
                          ppk_tujuan_id=org.p["citra"].pk)


def test_lintas_instansi_needs_a_pyb_on_both_sides(org):
    org.b.pyb = None
    org.b.save()
    with pytest.raises(PenugasanError, match="Pejabat yang Berwenang"):
        _mulai(org)


def test_lintas_instansi_to_own_instansi_is_refused(org):
    with pytest.raises(DataTidakLengkap):
        services.buat_penunjukan_lintas_instansi(pengguna=org.u["ani"], data=data(), instansi_tujuan_id=org.a.pk)
