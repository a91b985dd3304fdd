"""The life of an assignment after the decisions (issue 9 point 9): an ended period shows as
*Selesai* and frees the workload, a past start date is warned about, a return's reason reaches the
pemohon where he works, decisions are named as what they are, a volunteer's reply is titled so."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from sikerja.penugasan import peringatan, selectors, services
from sikerja.penugasan.errors import BebanMelebihiAmbang
from sikerja.penugasan.models import Penugasan

from .conftest import buat_dua_instansi, data, penerima

HARI_INI = date.today()
LALU = HARI_INI - timedelta(days=90)


def _berakhir(p: Penugasan) -> Penugasan:
    """Move the period into the past (the dates, not the state: nobody decides that time passed)."""
    Penugasan.objects.filter(pk=p.pk).update(mulai=LALU, selesai=HARI_INI - timedelta(days=1))
    p.refresh_from_db()
    return p


def _dalam_unit(org, beban: int = 75, **kw):  # type: ignore[no-untyped-def]
    return services.buat_penunjukan_dalam_unit(pengguna=org.u["ani"], data=data(**kw),
                                               penerima=[penerima(org.p["sari"], beban)])


# --- (a) Selesai, derived from the dates -----------------------------------------------------

def test_assignment_whose_period_ended_shows_selesai_without_any_transition(org):
    p = _dalam_unit(org)
    jejak = p.transisi.count()
    assert p.label_status == "Ditugaskan" and not p.masa_berakhir
    p = _berakhir(p)
    assert (p.status, p.status_tampil, p.label_status) == ("ditugaskan", "selesai", "Selesai")
    assert p.transisi.count() == jejak  # derived: no stored state change, no audit entry


def test_ended_assignment_frees_the_workload(org):
    """SPEC §4 beban kerja: only assignments still running weigh on a pegawai."""
    p = _dalam_unit(org, beban=75)
    assert selectors.beban_pegawai([org.p["sari"].pk], LALU, HARI_INI + timedelta(days=30))[org.p["sari"].pk] == 75
    _berakhir(p)
    # Even for a period that began in the past (a back-dated assignment) the ended one is gone.
    assert selectors.beban_pegawai([org.p["sari"].pk], LALU, HARI_INI + timedelta(days=30))[org.p["sari"].pk] == 0
    assert selectors.beban_rinci([org.p["sari"].pk], LALU, HARI_INI)[org.p["sari"].pk] == []
    assert not selectors.penugasan_aktif(org.p["sari"]).exists()
    # A new 75% assignment no longer crosses the threshold (100%) because of the ended one.
    baru = _dalam_unit(org, beban=75, judul="Tugas berikutnya")
    assert baru.status == "ditugaskan"


def test_running_assignment_still_counts_against_the_threshold(org):
    _dalam_unit(org, beban=75)
    with pytest.raises(BebanMelebihiAmbang):
        _dalam_unit(org, beban=75, judul="Tugas kedua")


def test_list_filters_selesai_apart_from_running_assignments(org, client):
    selesai = _berakhir(_dalam_unit(org, beban=20, judul="Tugas yang sudah selesai"))
    berjalan = _dalam_unit(org, beban=20, judul="Tugas yang masih berjalan")
    client.force_login(org.u["ani"])
    html = client.get("/penugasan/", {"status": "selesai"}).content.decode()
    assert selesai.judul in html and berjalan.judul not in html
    html = client.get("/penugasan/", {"status": "ditugaskan"}).content.decode()
    assert berjalan.judul in html and selesai.judul not in html
    detail = client.get(f"/penugasan/{selesai.pk}/").content.decode()
    assert 'data-testid="masa-berakhir"' in detail and ">Selesai</span>" in detail


# --- (b) a start date in the past is warned about ------------------------------------------

def test_start_date_in_the_past_is_warned_not_refused():
    w = peringatan.periksa_tanggal(date(2026, 1, 5), date(2026, 3, 1), hari_ini=date(2026, 1, 15))
    assert [x.kode for x in w] == [peringatan.MULAI_LAMPAU] and "10 hari yang lalu" in w[0].pesan
    assert peringatan.periksa_tanggal(date(2026, 1, 15), date(2026, 3, 1), hari_ini=date(2026, 1, 15)) == []


def test_period_already_over_is_warned_that_it_will_show_selesai():
    w = peringatan.periksa_tanggal(date(2025, 11, 1), date(2025, 12, 1), hari_ini=date(2026, 1, 15))
    assert [x.kode for x in w] == [peringatan.MASA_BERAKHIR] and "Selesai" in w[0].pesan


def test_form_shows_the_warning_while_typing_and_after_saving(org, client):
    client.force_login(org.u["ani"])
    html = client.get("/penugasan/buat/dalam_unit/").content.decode()
    assert 'id="peringatan-tanggal"' in html and 'hx-get="/penugasan/peringatan/"' in html
    frag = client.get("/penugasan/peringatan/", {"mulai": (HARI_INI - timedelta(days=3)).isoformat(),
                                                 "selesai": (HARI_INI + timedelta(days=3)).isoformat()})
    assert "sudah lewat (3 hari yang lalu)" in frag.content.decode()
    assert client.get("/penugasan/peringatan/", {"mulai": HARI_INI.isoformat()}).content.decode().strip() == ""
    r = client.post("/penugasan/buat/dalam_unit/", {
        "judul": "Pendataan susulan", "target_kinerja": "Data lengkap", "bentuk": "individu", "sifat": "insidental",
        "mulai": (HARI_INI - timedelta(days=7)).isoformat(), "selesai": (HARI_INI + timedelta(days=20)).isoformat(),
        "pegawai": [str(org.p["sari"].pk)], f"beban_{org.p['sari'].pk}": "10"}, follow=True)
    html = r.content.decode()
    assert Penugasan.objects.filter(judul="Pendataan susulan").exists()
    assert "7 hari yang lalu" in html and "surat penugasan berlaku surut" in html


# --- (c) the reason of a return reaches the pemohon ----------------------------------------

def test_return_reason_shown_on_the_pemohon_detail_page_and_inbox_item(org, client):
    p = services.buat_penunjukan_lintas_unit(pengguna=org.u["bambang"], data=data(), ppk_tujuan_id=org.p["ani"].pk)
    services.jalankan(pengguna=org.u["ani"], penugasan_id=p.pk, aksi="kembalikan",
                      alasan="Uraian tugas belum menyebut lokasi surveilans")
    client.force_login(org.u["bambang"])
    detail = client.get(f"/penugasan/{p.pk}/").content.decode()
    kotak = detail.split('data-testid="alasan-kembali"')[1].split("</div>\n</div>")[0]
    assert "Ani Kabid" in kotak and "Uraian tugas belum menyebut lokasi surveilans" in kotak
    inbox = client.get("/penugasan/kotak-masuk/").content.decode()
    item = inbox.split('data-testid="alasan-kembali"')[1].split("</div>")[0]
    assert "Catatan pengembalian: Uraian tugas belum menyebut lokasi surveilans" in item
    # Once resubmitted, the note is history (audit table), not a banner.
    services.jalankan(pengguna=org.u["bambang"], penugasan_id=p.pk, aksi="ajukan_ulang")
    assert 'data-testid="alasan-kembali"' not in client.get(f"/penugasan/{p.pk}/").content.decode()


# --- (d) a recommendation and a forwarding are named as such -------------------------------

@pytest.fixture
def org_madya(db):  # type: ignore[no-untyped-def]
    return buat_dua_instansi(dengan_madya=True)


def test_pasuruan_II_B_2_a_2_c_recommendation_is_logged_and_flashed_as_rekomendasi(org_madya, client):
    org = org_madya
    p = services.buat_penunjukan_lintas_unit(pengguna=org.u["bambang"], data=data(), ppk_tujuan_id=org.p["kadis_a"].pk)
    services.jalankan(pengguna=org.u["kadis_a"], penugasan_id=p.pk, aksi="setujui",
                      penerima=[penerima(org.p["wati"], 30)])
    client.force_login(org.u["ani"])
    r = client.post(f"/penugasan/{p.pk}/aksi/", {"aksi": "setujui", "alasan": "Berpengalaman DBD"}, follow=True)
    html = r.content.decode()
    assert "Keputusan “Rekomendasi” tercatat." in html and "“Setujui”" not in html
    t = p.transisi.get(dari_status="menunggu_rekomendasi_puo")
    assert (t.aktor, t.alasan) == (org.p["ani"], "Berpengalaman DBD")  # logged in the jejak


def test_karangasem_15_3_b_forwarding_is_flashed_and_logged_as_teruskan(org, client):
    p = services.buat_pengajuan_sukarela(pengguna=org.u["sari"], data=data(beban_diajukan=20),
                                         puo_tujuan_id=org.p["bambang"].pk)
    services.jalankan(pengguna=org.u["bambang"], penugasan_id=p.pk, aksi="setujui")
    client.force_login(org.u["sari"])
    html = client.post(f"/penugasan/{p.pk}/aksi/", {"aksi": "setujui"}, follow=True).content.decode()
    assert "Keputusan “Teruskan” tercatat." in html
    assert p.transisi.get(dari_status="menunggu_diteruskan").label_aksi == "Teruskan"


# --- (e) the reply to a volunteer ----------------------------------------------------------

def test_karangasem_15_3_refusal_of_a_volunteer_is_a_surat_jawaban_pengajuan_sukarela(org):
    p = services.buat_pengajuan_sukarela(pengguna=org.u["sari"], data=data(beban_diajukan=20),
                                         puo_tujuan_id=org.p["bambang"].pk)
    p = services.jalankan(pengguna=org.u["bambang"], penugasan_id=p.pk, aksi="tolak", alasan="Tim sudah lengkap")
    s = p.surat.get(jenis="jawaban_sukarela")
    assert s.get_jenis_display() == "Surat Jawaban Pengajuan Sukarela" and list(s.kepada.all()) == [org.p["sari"]]
    assert not p.surat.filter(jenis="jawaban").exists()


def test_the_deciding_official_sees_that_the_period_already_began(org, client):
    p = services.buat_penunjukan_lintas_unit(
        pengguna=org.u["bambang"], data=data(mulai=HARI_INI - timedelta(days=2)), ppk_tujuan_id=org.p["ani"].pk)
    client.force_login(org.u["ani"])
    keputusan = client.get(f"/penugasan/{p.pk}/").content.decode().split('data-testid="keputusan"')[1]
    assert "2 hari yang lalu" in keputusan
    client.force_login(org.u["bambang"])  # the pemohon, waiting: no decision card, no warning
    assert "hari yang lalu" not in client.get(f"/penugasan/{p.pk}/").content.decode()


def test_team_workload_ignores_an_ended_assignment_too(org):
    """The tim kerja workload (timkerja.selectors.beban_pegawai) reads assignments the same way."""
    from sikerja.timkerja import selectors as tim_selectors

    p = _dalam_unit(org, beban=40)
    sari = org.p["sari"].pk
    sebelum = tim_selectors.beban_pegawai([sari], LALU, HARI_INI + timedelta(days=30), kapasitas_bawaan=100)[sari]
    assert sebelum.penugasan == 40
    _berakhir(p)
    sesudah = tim_selectors.beban_pegawai([sari], LALU, HARI_INI + timedelta(days=30), kapasitas_bawaan=100)[sari]
    assert sesudah.penugasan == 0


def test_an_invalid_date_gets_its_own_error_and_no_warning(org, client):
    client.force_login(org.u["ani"])
    r = client.post("/penugasan/buat/dalam_unit/", {"judul": "X", "target_kinerja": "Y", "bentuk": "individu",
                                                    "sifat": "insidental", "mulai": "2026-13-45",
                                                    "selesai": (HARI_INI - timedelta(days=1)).isoformat()})
    html = r.content.decode()
    galat = html.split('id="id_mulai"')[1].split("</div>")[0]
    assert r.status_code == 200 and "invalid-feedback" in galat
    assert 'data-kode="' not in html and not Penugasan.objects.exists()
