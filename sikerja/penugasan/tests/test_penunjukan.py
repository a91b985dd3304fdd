"""Penunjukan dalam unit and lintas unit (Karangasem Pasal 14 ayat (2)–(3); Pasuruan Lampiran II.B.2.a.1–2)."""

from __future__ import annotations

import pytest
from django.core import mail

from sikerja.jejak.models import Jejak as Transisi
from sikerja.kotak_masuk.models import Item as ItemKotakMasuk
from sikerja.penugasan import services
from sikerja.penugasan.errors import (
    BebanMelebihiAmbang,
    DataTidakLengkap,
    PenugasanTidakDitemukan,
    TidakBerwenang,
    TransisiTidakSah,
)
from sikerja.penugasan.selectors import jumlah_kotak_masuk
from sikerja.surat.models import Surat

from .conftest import data, penerima


def _dalam_unit(org, **kw):
    return services.buat_penunjukan_dalam_unit(pengguna=org.u["ani"], data=data(**kw),
                                               penerima=[penerima(org.p["sari"])])


def test_pasal_14_2_puo_assigns_own_pegawai_directly_with_surat_penugasan(org):
    p = _dalam_unit(org)
    assert p.status == "ditugaskan" and p.aktor_sekarang is None
    s = p.surat.get()
    assert s.jenis == "penugasan" and list(s.kepada.all()) == [org.p["sari"]]
    assert p.penerima.get().pegawai == org.p["sari"]
    t = p.transisi.get()
    assert (t.aksi, t.dari_status, t.ke_status, t.aktor, t.surat) == ("buat", "", "ditugaskan", org.p["ani"], s)
    assert ItemKotakMasuk.objects.filter(penerima=org.p["sari"], surat=s, jenis="info").exists()


def test_pasal_14_2_puo_cannot_assign_pegawai_of_another_unit(org):
    with pytest.raises(TidakBerwenang, match="tidak dinilai atau dipimpin"):
        services.buat_penunjukan_dalam_unit(pengguna=org.u["ani"], data=data(), penerima=[penerima(org.p["rina"])])
    assert not Surat.objects.exists() and not Transisi.objects.exists()


def test_team_assignment_has_one_ketua_and_effort_per_member(org):
    p = services.buat_penunjukan_dalam_unit(
        pengguna=org.u["ani"], data=data(bentuk="tim"),
        penerima=[penerima(org.p["sari"], 30, ketua=True), penerima(org.p["tono"], 10)])
    assert {(r.pegawai.nama, r.beban_persen, r.ketua) for r in p.penerima.all()} == {
        ("Sari Epidemiolog", 30, True), ("Tono Pelaksana", 10, False)}


def test_individual_assignment_refuses_two_pegawai(org):
    with pytest.raises(DataTidakLengkap, match="individu hanya untuk satu"):
        services.buat_penunjukan_dalam_unit(pengguna=org.u["ani"], data=data(),
                                            penerima=[penerima(org.p["sari"]), penerima(org.p["tono"])])


def test_pasal_12_6_workload_above_ambang_needs_a_reason_kept_in_the_audit(org):
    services.buat_penunjukan_dalam_unit(pengguna=org.u["ani"], data=data(judul="Tugas lama"),
                                        penerima=[penerima(org.p["sari"], 90)])
    with pytest.raises(BebanMelebihiAmbang) as e:
        _dalam_unit(org)
    assert e.value.rincian[0]["sesudah"] == 110
    p = services.buat_penunjukan_dalam_unit(pengguna=org.u["ani"], data=data(), penerima=[penerima(org.p["sari"])],
                                            alasan_beban="Tugas lama selesai minggu depan")
    t = p.transisi.get()
    assert t.data["alasan_beban"] == "Tugas lama selesai minggu depan"
    assert p.penerima.get().alasan_beban == "Tugas lama selesai minggu depan"


def test_workload_outside_the_period_does_not_count(org):
    from datetime import date, timedelta

    lalu = date.today() - timedelta(days=400)
    services.buat_penunjukan_dalam_unit(pengguna=org.u["ani"], data=data(mulai=lalu, selesai=lalu + timedelta(days=10)),
                                        penerima=[penerima(org.p["sari"], 95)])
    assert _dalam_unit(org).status == "ditugaskan"


def test_every_path_needs_at_least_one_target(org):
    with pytest.raises(DataTidakLengkap) as e:
        _dalam_unit(org, target_kinerja=[])
    assert "target_kinerja" in e.value.galat


# --- lintas unit -----------------------------------------------------------------------


def _lintas_unit(org, **kw):
    # Bambang (PUO Yankes, pemilik kinerja) asks Ani (PPK of Sari) for an epidemiologist.
    return services.buat_penunjukan_lintas_unit(pengguna=org.u["bambang"], data=data(**kw),
                                                ppk_tujuan_id=org.p["ani"].pk)


def test_pasal_14_3_a_permohonan_goes_to_the_ppk_with_tembusan_to_the_ppk_concerned(org):
    p = _lintas_unit(org)
    assert p.status == "menunggu_ppk_tujuan" and p.aktor_sekarang == org.p["ani"]
    s = p.surat.get()
    assert s.jenis == "permohonan_pelibatan"
    assert list(s.kepada.all()) == [org.p["ani"]]
    assert list(s.tembusan.all()) == [org.p["kadis_a"]]  # Bambang's own PPK
    assert ItemKotakMasuk.objects.filter(penerima=org.p["ani"], jenis="tindakan", terbuka=True).count() == 1
    assert ItemKotakMasuk.objects.filter(penerima=org.p["kadis_a"], jenis="tembusan", terbuka=True).count() == 1


@pytest.mark.parametrize("kosong", ["maksud_tujuan", "kompetensi_dibutuhkan", "uraian_tugas"])
def test_pasal_14_5_permohonan_without_minimum_contents_is_refused(org, kosong):
    with pytest.raises(DataTidakLengkap) as e:
        _lintas_unit(org, **{kosong: ""})
    assert kosong in e.value.galat
    assert not Surat.objects.exists()


def test_pasal_14_5_permohonan_without_duration_is_refused(org):
    from datetime import timedelta

    d = data()
    with pytest.raises(DataTidakLengkap, match="selesai"):
        _lintas_unit(org, selesai=d.mulai - timedelta(days=1))


def test_pelaksana_who_leads_nobody_cannot_send_permohonan(org):
    with pytest.raises(TidakBerwenang, match="Pimpinan Unit Organisasi"):
        services.buat_penunjukan_lintas_unit(pengguna=org.u["tono"], data=data(), ppk_tujuan_id=org.p["ani"].pk)


def test_pasal_14_3_c_ppk_approves_with_jawaban_and_surat_penugasan(org):
    p = _lintas_unit(org)
    p = services.jalankan(pengguna=org.u["ani"], penugasan_id=p.pk, aksi="setujui",
                          penerima=[penerima(org.p["sari"], 25)])
    assert p.status == "ditugaskan" and p.aktor_sekarang is None
    jawaban = p.surat.get(jenis="jawaban")
    tugas = p.surat.get(jenis="penugasan")
    assert list(jawaban.kepada.all()) == [org.p["bambang"]]
    assert list(tugas.kepada.all()) == [org.p["sari"]] and org.p["bambang"] in tugas.tembusan.all()
    t = p.transisi.last()
    assert (t.aksi, t.dari_status, t.ke_status, t.aktor) == ("setujui", "menunggu_ppk_tujuan", "ditugaskan",
                                                             org.p["ani"])
    assert t.surat == tugas and t.data["surat_lain"] == [jawaban.pk]
    # Ani's action item is closed; Sari has the letter.
    assert jumlah_kotak_masuk(org.p["ani"].pk) == 0
    assert ItemKotakMasuk.objects.filter(penerima=org.p["sari"], surat=tugas).exists()


def test_pasal_14_3_c_ppk_may_assign_only_pegawai_he_rates(org):
    p = _lintas_unit(org)
    with pytest.raises(TidakBerwenang):
        services.jalankan(pengguna=org.u["ani"], penugasan_id=p.pk, aksi="setujui", penerima=[penerima(org.p["rina"])])
    p.refresh_from_db()
    assert p.status == "menunggu_ppk_tujuan" and p.transisi.count() == 1


def test_pasal_14_3_d_refusal_needs_a_reason_and_answers_with_surat_jawaban(org):
    p = _lintas_unit(org)
    with pytest.raises(DataTidakLengkap, match="Alasan penolakan"):
        services.jalankan(pengguna=org.u["ani"], penugasan_id=p.pk, aksi="tolak", alasan="  ")
    p = services.jalankan(pengguna=org.u["ani"], penugasan_id=p.pk, aksi="tolak", alasan="Sari sedang diklat")
    assert p.status == "ditolak" and p.aktor_sekarang is None
    j = p.surat.get(jenis="jawaban")
    assert list(j.kepada.all()) == [org.p["bambang"]] and "Sari sedang diklat" in j.isi["paragraf"]
    assert p.transisi.last().alasan == "Sari sedang diklat"


def test_wrong_actor_is_refused_and_nothing_changes(org):
    p = _lintas_unit(org)
    # The pemohon and his PPK (tembusan) see the request but may not decide it.
    for kunci in ("bambang", "kadis_a"):
        with pytest.raises(TidakBerwenang, match="Ani Kabid"):
            services.jalankan(pengguna=org.u[kunci], penugasan_id=p.pk, aksi="setujui",
                              penerima=[penerima(org.p["sari"])])
    # A pegawai with no part in it does not even see it.
    with pytest.raises(PenugasanTidakDitemukan):
        services.jalankan(pengguna=org.u["sari"], penugasan_id=p.pk, aksi="setujui",
                          penerima=[penerima(org.p["sari"])])
    p.refresh_from_db()
    assert p.status == "menunggu_ppk_tujuan" and p.transisi.count() == 1


def test_return_for_correction_goes_to_pemohon_who_edits_and_resubmits(org):
    p = _lintas_unit(org)
    with pytest.raises(DataTidakLengkap):
        services.jalankan(pengguna=org.u["ani"], penugasan_id=p.pk, aksi="kembalikan")
    p = services.jalankan(pengguna=org.u["ani"], penugasan_id=p.pk, aksi="kembalikan", alasan="Perjelas target")
    assert (p.status, p.kembali_ke, p.aktor_sekarang) == ("dikembalikan", "menunggu_ppk_tujuan", org.p["bambang"])
    with pytest.raises(TidakBerwenang):
        services.jalankan(pengguna=org.u["ani"], penugasan_id=p.pk, aksi="ajukan_ulang")
    baru = data(target_kinerja=["Laporan mingguan dengan 12 titik pantau"])
    p = services.jalankan(pengguna=org.u["bambang"], penugasan_id=p.pk, aksi="ajukan_ulang", perubahan=baru)
    assert (p.status, p.aktor_sekarang) == ("menunggu_ppk_tujuan", org.p["ani"])
    assert p.target_kinerja == ["Laporan mingguan dengan 12 titik pantau"]
    assert "target_kinerja" in p.transisi.last().data["perubahan"]


def test_resubmission_is_checked_like_the_original(org):
    p = _lintas_unit(org)
    services.jalankan(pengguna=org.u["ani"], penugasan_id=p.pk, aksi="kembalikan", alasan="Perjelas")
    with pytest.raises(DataTidakLengkap):
        services.jalankan(pengguna=org.u["bambang"], penugasan_id=p.pk, aksi="ajukan_ulang",
                          perubahan=data(maksud_tujuan=""))


def test_decision_on_a_finished_assignment_is_an_illegal_transition(org):
    p = _lintas_unit(org)
    services.jalankan(pengguna=org.u["ani"], penugasan_id=p.pk, aksi="tolak", alasan="Tidak tersedia")
    with pytest.raises(TransisiTidakSah, match="Ditolak"):
        services.jalankan(pengguna=org.u["ani"], penugasan_id=p.pk, aksi="setujui", penerima=[penerima(org.p["sari"])])


def test_notifications_are_emailed_by_the_background_task(org, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _lintas_unit(org)
    kepada = {m.to[0] for m in mail.outbox}
    assert {"ani@contoh.go.id", "kadis_a@contoh.go.id"} <= kepada
