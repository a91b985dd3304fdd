"""Pengajuan sukarela (Karangasem Pasal 15; Pasuruan Lampiran II.B.2.b), only within the instansi."""

from __future__ import annotations

import pytest

from sikerja.kotak_masuk.models import Item as ItemKotakMasuk
from sikerja.penugasan import services
from sikerja.penugasan.errors import DataTidakLengkap, SukarelaLintasInstansi, TidakBerwenang
from sikerja.penugasan.models import Penugasan

from .conftest import data, penerima


def test_pasal_15_2_oral_request_goes_to_own_puo_who_assigns(org):
    p = services.buat_pengajuan_sukarela(pengguna=org.u["sari"], data=data(beban_diajukan=15))
    assert (p.jalur, p.status, p.aktor_sekarang) == ("sukarela_dalam_unit", "menunggu_puo", org.p["ani"])
    assert not p.surat.exists()  # oral: no letter yet
    p = services.jalankan(pengguna=org.u["ani"], penugasan_id=p.pk, aksi="setujui")
    assert p.status == "ditugaskan"
    assert p.surat.get().jenis == "penugasan"
    assert p.penerima.get().beban_persen == 15


def test_pasal_15_2_puo_may_record_the_oral_request_for_the_pegawai(org):
    p = services.buat_pengajuan_sukarela(pengguna=org.u["ani"], data=data(beban_diajukan=10),
                                         pegawai_id=org.p["tono"].pk)
    assert p.pemohon == org.p["tono"] and p.transisi.get().aktor == org.p["ani"]
    with pytest.raises(TidakBerwenang):
        services.buat_pengajuan_sukarela(pengguna=org.u["bambang"], data=data(beban_diajukan=10),
                                         pegawai_id=org.p["tono"].pk)


def test_sukarela_needs_declared_effort(org):
    with pytest.raises(DataTidakLengkap, match="beban"):
        services.buat_pengajuan_sukarela(pengguna=org.u["sari"], data=data())


def test_structural_official_does_not_volunteer(org):
    with pytest.raises(TidakBerwenang, match="fungsional atau pelaksana"):
        services.buat_pengajuan_sukarela(pengguna=org.u["ani"], data=data(beban_diajukan=10))


def test_sukarela_dalam_unit_refused_with_reason_without_letter(org):
    p = services.buat_pengajuan_sukarela(pengguna=org.u["sari"], data=data(beban_diajukan=15))
    p = services.jalankan(pengguna=org.u["ani"], penugasan_id=p.pk, aksi="tolak", alasan="Beban Anda sudah penuh")
    assert p.status == "ditolak" and not p.surat.exists()
    assert ItemKotakMasuk.objects.filter(penerima=org.p["sari"], pesan__contains="Beban Anda sudah penuh").exists()


def test_pasal_15_3_lintas_unit_full_path(org):
    # Sari (P2P) volunteers for a Yankes target (PUO Bambang); her PPK is Ani.
    p = services.buat_pengajuan_sukarela(pengguna=org.u["sari"], data=data(beban_diajukan=20),
                                         puo_tujuan_id=org.p["bambang"].pk)
    assert (p.jalur, p.status, p.aktor_sekarang) == ("sukarela_lintas_unit", "menunggu_puo_tujuan", org.p["bambang"])
    s = p.surat.get()
    assert s.jenis == "pengajuan_sukarela" and list(s.kepada.all()) == [org.p["bambang"]]
    assert list(s.tembusan.all()) == [org.p["ani"]]  # own PPK and own PUO are both Ani
    p = services.jalankan(pengguna=org.u["bambang"], penugasan_id=p.pk, aksi="setujui")
    assert (p.status, p.aktor_sekarang) == ("menunggu_diteruskan", org.p["sari"])
    p = services.jalankan(pengguna=org.u["sari"], penugasan_id=p.pk, aksi="setujui")
    assert (p.status, p.aktor_sekarang) == ("menunggu_ppk", org.p["ani"])
    # Pasal 15 ayat (3) huruf b: she forwards the approved request to her PPK in a letter.
    diteruskan = p.surat.filter(jenis="pengajuan_sukarela").order_by("-id").first()
    assert diteruskan.penandatangan == org.p["sari"] and list(diteruskan.kepada.all()) == [org.p["ani"]]
    # The reply to the volunteer is titled as such, not as a reply to a unit's request (issue 9 point 9).
    persetujuan = p.surat.get(jenis="jawaban_sukarela")
    assert persetujuan.get_jenis_display() == "Surat Jawaban Pengajuan Sukarela"
    assert persetujuan.nomor in " ".join(diteruskan.isi["paragraf"])
    p = services.jalankan(pengguna=org.u["ani"], penugasan_id=p.pk, aksi="setujui")
    assert p.status == "ditugaskan"
    tugas = p.surat.get(jenis="penugasan")
    assert tugas.penandatangan == org.p["ani"] and org.p["bambang"] in tugas.tembusan.all()
    assert [t.aksi for t in p.transisi.all()] == ["buat", "setujui", "setujui", "setujui"]


def test_pasal_15_3_returned_request_goes_back_to_the_volunteer(org):
    p = services.buat_pengajuan_sukarela(pengguna=org.u["sari"], data=data(beban_diajukan=20),
                                         puo_tujuan_id=org.p["bambang"].pk)
    p = services.jalankan(pengguna=org.u["bambang"], penugasan_id=p.pk, aksi="kembalikan", alasan="Sebut jam kerja")
    assert (p.status, p.aktor_sekarang) == ("dikembalikan", org.p["sari"])
    p = services.jalankan(pengguna=org.u["sari"], penugasan_id=p.pk, aksi="ajukan_ulang",
                          perubahan=data(beban_diajukan=10))
    assert (p.status, p.beban_diajukan) == ("menunggu_puo_tujuan", 10)


def test_pasal_15_1_volunteering_across_instansi_is_refused_with_a_clear_message(org):
    with pytest.raises(SukarelaLintasInstansi, match="lingkungan instansi sendiri"):
        services.buat_pengajuan_sukarela(pengguna=org.u["sari"], data=data(beban_diajukan=20),
                                         puo_tujuan_id=org.p["citra"].pk)
    assert not Penugasan.objects.exists()


def test_approving_a_volunteer_shows_his_workload_in_the_period_first(org, client):
    services.buat_penunjukan_dalam_unit(pengguna=org.u["ani"], data=data(judul="Tugas berjalan"),
                                        penerima=[penerima(org.p["sari"], 70)])
    p = services.buat_pengajuan_sukarela(pengguna=org.u["sari"], data=data(beban_diajukan=40))
    client.force_login(org.u["ani"])
    html = client.get(f"/penugasan/{p.pk}/").content.decode()
    blok = html.split('data-testid="beban-pemohon"')[1].split("</div>")[0]
    assert "70%" in blok and "110%" in blok and "Tugas berjalan" in blok
    assert 'name="alasan_beban"' in html  # above the threshold a reason is asked before deciding


def test_a_recommendation_cannot_refuse_and_the_message_says_what_is_possible(org):
    from sikerja.penugasan.errors import TransisiTidakSah

    p = services.buat_pengajuan_sukarela(pengguna=org.u["sari"], data=data(beban_diajukan=20),
                                         puo_tujuan_id=org.p["bambang"].pk)
    services.jalankan(pengguna=org.u["bambang"], penugasan_id=p.pk, aksi="setujui")
    with pytest.raises(TransisiTidakSah, match="yang tersedia: Setujui"):
        services.jalankan(pengguna=org.u["sari"], penugasan_id=p.pk, aksi="tolak", alasan="x")
