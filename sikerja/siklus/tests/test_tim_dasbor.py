"""A team kegiatan end to end, the dashboards (counts change at each step, constant query count), and
pertanggungjawaban (reporting lines per profile, ad-hoc requests, overdue)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from sikerja.galat import TidakBerwenang
from sikerja.timkerja import services as tim_services

from .. import selectors, services
from .conftest import TAHUN, kegiatan_berjalan, target_di


def _tim(pd):  # type: ignore[no-untyped-def]
    data = tim_services.DataTim(nama="Tim DBD", unit_pemilik_id=pd.unit("P2P").id, masa_mulai=date.today(),
                                masa_selesai=date.today() + timedelta(days=90), target=["Kasus DBD turun 20%"],
                                tujuan="Turunkan DBD", justifikasi_target="IKU", justifikasi_beban="ABK",
                                justifikasi_kompetensi="Epidemiologi")
    anggota = [tim_services.DataAnggota(pegawai_id=pd.p[k].id, peran="Analisis", porsi_persen=20,
                                        kompetensi_dibutuhkan=["Epidemiologi"]) for k in ("sari", "rina")]
    tim = tim_services.bentuk_tim(pengguna=pd.u["ani"], data=data, anggota=anggota, ketua_id=pd.p["sari"].id,
                                  alasan_asal_ketua="Epidemiolog senior di bidang")
    tim.refresh_from_db()
    return tim


def bagi_peran(pd, tim):  # type: ignore[no-untyped-def]
    """TK-10: the ketua divides the roles (those written while staffing were the pembentuk's proposal)."""
    for k in ("sari", "rina"):
        tim_services.atur_peran(pengguna=pd.u["sari"], tim_id=tim.id, pegawai_id=pd.p[k].id, peran=f"Analisis {k}")


def _kegiatan_tim_direncanakan(pd):  # type: ignore[no-untyped-def]
    tim = _tim(pd)
    t = target_di(pd, "ani", "P2P")
    tt = services.bagi_target(pengguna=pd.u["ani"], target_id=t.id, tim_id=tim.id, data=services.DataTarget(
        indikator="Surveilans DBD mingguan", nilai_target=52, satuan="laporan", batas_waktu=date(TAHUN, 12, 31)))
    kg = services.buat_kegiatan(pengguna=pd.u["sari"], target_id=tt.id, data=services.DataKegiatan(
        nama="Pemetaan kasus", mulai=date.today(), selesai=date.today() + timedelta(days=14)))
    services.tetapkan_rencana(pengguna=pd.u["ani"], kegiatan_id=kg.id)
    return tim, kg


def test_team_kegiatan_cannot_start_before_the_ketua_divides_the_roles_tk_10(karangasem):
    """TK-10, Perbup Karangasem 15/2023 Pasal 18 ayat (4) huruf b: the ketua "membagi peran anggota tim";
    roles written by the pembentuk while staffing are a proposal, so the kegiatan cannot start (service
    and API alike) until the ketua has set them."""
    from sikerja.timkerja.errors import AturanDilanggar

    pd = karangasem
    tim, kg = _kegiatan_tim_direncanakan(pd)
    assert {a.pegawai.nama for a in tim_services.tanpa_peran(tim)} == {"Sari Epidemiolog", "Rina Perawat"}
    with pytest.raises(AturanDilanggar, match=r"Pasal 18 ayat \(4\) huruf b") as e:
        services.mulai_pelaksanaan(pengguna=pd.u["sari"], kegiatan_id=kg.id)
    assert e.value.kode == "TK-10"
    with pytest.raises(TidakBerwenang):  # the PUO cannot divide the roles in the ketua's place
        tim_services.atur_peran(pengguna=pd.u["ani"], tim_id=tim.id, pegawai_id=pd.p["rina"].id, peran="Data")
    tim_services.atur_peran(pengguna=pd.u["sari"], tim_id=tim.id, pegawai_id=pd.p["sari"].id, peran="Analisis")
    from django.test import Client

    c = Client()
    c.force_login(pd.u["sari"])
    r = c.post(f"/api/siklus/kegiatan/{kg.id}/mulai", content_type="application/json")
    assert r.status_code == 400 and "Rina Perawat" in r.json()["detail"] and "Pasal 18" in r.json()["detail"]
    tim_services.atur_peran(pengguna=pd.u["sari"], tim_id=tim.id, pegawai_id=pd.p["rina"].id, peran="Data kasus")
    assert tim_services.tanpa_peran(tim) == []
    services.mulai_pelaksanaan(pengguna=pd.u["sari"], kegiatan_id=kg.id)
    kg.refresh_from_db()
    assert kg.status == "berjalan"


def test_team_kegiatan_split_planned_by_ketua_and_reviewed(pasuruan):
    """PSR Lampiran II.D.2.c: Level II splits to a team, the ketua plans, members report, Level II → Level I."""
    pd = pasuruan
    tim = _tim(pd)
    assert tim.status == "aktif"
    t = target_di(pd, "kadis", "DINKES")
    sub = services.bagi_target(pengguna=pd.u["kadis"], target_id=t.id, unit_id=pd.unit("P2P").id, data=services.DataTarget(
        indikator="DBD turun", nilai_target=20, satuan="persen", batas_waktu=date(TAHUN, 12, 31)))
    tt = services.bagi_target(pengguna=pd.u["ani"], target_id=sub.id, tim_id=tim.id, data=services.DataTarget(
        indikator="Surveilans DBD mingguan", nilai_target=52, satuan="laporan", batas_waktu=date(TAHUN, 12, 31)))
    assert tt.penanggung_jawab == pd.p["sari"]
    kg = services.buat_kegiatan(pengguna=pd.u["sari"], target_id=tt.id, data=services.DataKegiatan(
        nama="Pemetaan kasus", mulai=date.today(), selesai=date.today() + timedelta(days=14)))
    assert kg.tim == tim and [r["nama"] for r in kg.rantai] == ["Ani Kabid", "Kadis Kesehatan"]
    services.tetapkan_rencana(pengguna=pd.u["ani"], kegiatan_id=kg.id)
    bagi_peran(pd, tim)
    services.mulai_pelaksanaan(pengguna=pd.u["sari"], kegiatan_id=kg.id)
    services.lapor_progres(pengguna=pd.u["rina"], kegiatan_id=kg.id, persen=50, capaian="Peta separuh")
    assert kg in selectors.dasbor_pegawai(pd.p["rina"])["minggu_ini"]
    services.ajukan_hasil(pengguna=pd.u["sari"], kegiatan_id=kg.id, keluaran="Peta kasus")
    assert selectors.dasbor_pejabat(pd.p["ani"])["menunggu_reviu_saya"] == 1
    services.kembalikan(pengguna=pd.u["ani"], kegiatan_id=kg.id, catatan="Tambahkan legenda")
    d = selectors.dasbor_pejabat(pd.p["kadis"])
    assert d["kegiatan"]["dikembalikan"] == 1
    assert selectors.ringkasan_beranda(pd.p["sari"])["menunggu_saya"] == 1
    services.ajukan_ulang(pengguna=pd.u["sari"], kegiatan_id=kg.id, keluaran="Peta dengan legenda")
    services.terima(pengguna=pd.u["ani"], kegiatan_id=kg.id)
    assert selectors.dasbor_pejabat(pd.p["kadis"])["menunggu_reviu_saya"] == 1
    services.terima(pengguna=pd.u["kadis"], kegiatan_id=kg.id)
    assert selectors.dasbor_pejabat(pd.p["kadis"])["kegiatan"]["selesai"] == 1


def test_official_dashboard_runs_in_a_constant_number_of_queries(pasuruan):
    pd = pasuruan
    kg = kegiatan_berjalan(pd, "ani", "P2P", "sari")
    selectors.dasbor_pejabat(pd.p["kadis"])  # warm caches (content types)
    with CaptureQueriesContext(connection) as satu:
        selectors.dasbor_pejabat(pd.p["kadis"])
    t = services.tambah_target(pengguna=pd.u["ani"], pk_id=kg.target.pk_kinerja_id, data=services.DataTarget(
        indikator="Indikator kedua", nilai_target=1, satuan="dokumen", batas_waktu=date(TAHUN, 12, 31)))
    for k in ("sari", "tono", "rina"):
        kegiatan_berjalan(pd, "ani", "P2P", k, target=t)
    with CaptureQueriesContext(connection) as banyak:
        selectors.dasbor_pejabat(pd.p["kadis"])
    assert len(banyak) == len(satu)


def test_overdue_kegiatan_are_flagged(pasuruan):
    pd = pasuruan
    kg = kegiatan_berjalan(pd, "ani", "P2P", "sari")
    besok = kg.selesai + timedelta(days=1)
    assert selectors.dasbor_pejabat(pd.p["ani"], besok)["kegiatan"]["terlambat"] == 1
    assert selectors.dasbor_pejabat(pd.p["ani"], kg.selesai)["kegiatan"]["terlambat"] == 0


def test_individual_reports_to_the_puo_in_pasuruan(pasuruan):
    """Perbup Pasuruan 217/2023 Pasal 12: individu bertanggung jawab kepada Pimpinan Unit Organisasi."""
    pd = pasuruan
    lap = services.kirim_laporan_individu(pengguna=pd.u["sari"], periode_mulai=date(TAHUN, 1, 1),
                                          periode_selesai=date(TAHUN, 1, 31), capaian="Target Januari tercapai")
    assert lap.penerima == pd.p["ani"] and "Pasal 12" in lap.dasar_hukum


def test_individual_reports_to_the_direct_superior_in_pekanbaru(pekanbaru):
    """Perwal Pekanbaru 44/2023 Pasal 14: kepada atasan langsung."""
    pd = pekanbaru
    lap = services.kirim_laporan_individu(pengguna=pd.u["sari"], periode_mulai=date(TAHUN, 1, 1),
                                          periode_selesai=date(TAHUN, 1, 31), capaian="Selesai")
    assert lap.penerima == pd.p["ani"] and "Pasal 14" in lap.dasar_hukum


def test_ad_hoc_request_is_answered_and_overdue_requests_are_flagged(pasuruan):
    pd = pasuruan
    with pytest.raises(TidakBerwenang):
        services.minta_laporan(pengguna=pd.u["kabag"], sasaran_id=pd.p["sari"].id, batas_waktu=date.today())
    pm = services.minta_laporan(pengguna=pd.u["ani"], sasaran_id=pd.p["sari"].id,
                                batas_waktu=date.today() - timedelta(days=1), lingkup="Progres DBD")
    assert selectors.dasbor_pejabat(pd.p["ani"])["laporan_terlambat"] == 1
    services.kirim_laporan_individu(pengguna=pd.u["sari"], periode_mulai=date.today(), periode_selesai=date.today(),
                                    capaian="Progres 60%", permintaan_id=pm.id)
    assert selectors.dasbor_pejabat(pd.p["ani"])["laporan_terlambat"] == 0


def test_reminder_before_the_deadline_reaches_the_pelaksana(pasuruan):
    from sikerja.kotak_masuk.models import Item

    pd = pasuruan
    kg = kegiatan_berjalan(pd, "ani", "P2P", "sari")
    assert services.ingatkan(kg.selesai - timedelta(days=2)) >= 1
    assert Item.objects.filter(penerima=pd.p["sari"], pesan__startswith="Pengingat").exists()


def test_team_reports_ketua_to_puo_appear_on_the_dashboards_and_the_beranda(karangasem):
    """Perbup Karangasem 15/2023 Pasal 20 ayat (2) (ketua reports to the PUO periodically) and ayat (3)
    (on-demand requests): overdue team reports are counted for the PUO and the ketua, requests wait on
    the ketua's list, a received report is listed for the PUO; the counts fall once he reports."""
    from sikerja.timkerja.models import TimKerja

    pd = karangasem
    tim = _tim(pd)
    lalu = date.today() - timedelta(days=75)
    TimKerja.objects.filter(pk=tim.pk).update(masa_mulai=lalu)  # two monthly periods ended > 7 days ago
    assert selectors.dasbor_pejabat(pd.p["ani"])["laporan_tim_terlambat"] == 1
    assert selectors.ringkasan_beranda(pd.p["ani"])["laporan_tim_terlambat"] == 1
    assert selectors.ringkasan_beranda(pd.p["sari"])["laporan_tim_saya"] == 1
    assert selectors.dasbor_pegawai(pd.p["sari"])["laporan_tim_terlambat"][0]["periode"] == 2
    tim_services.minta_laporan(pengguna=pd.u["ani"], tim_id=tim.id, sasaran_id=pd.p["sari"].id,
                               batas_waktu=date.today())
    assert selectors.ringkasan_beranda(pd.p["sari"])["permintaan_laporan"] == 1
    assert len(selectors.dasbor_pegawai(pd.p["sari"])["permintaan_tim"]) == 1
    from sikerja.timkerja.models import PermintaanLaporan

    PermintaanLaporan.objects.update(batas_waktu=date.today() - timedelta(days=1))  # the request is now overdue
    assert selectors.dasbor_pejabat(pd.p["ani"])["laporan_tim_terlambat"] == 2
    p = PermintaanLaporan.objects.get()
    tim_services.kirim_laporan(pengguna=pd.u["sari"], tim_id=tim.id, jenis="ketua_ke_puo", periode_mulai=lalu,
                               periode_selesai=date.today() - timedelta(days=10), progres="Dua bulan", capaian_persen=40,
                               permintaan_id=p.id)
    d = selectors.dasbor_pejabat(pd.p["ani"])
    assert d["laporan_tim_terlambat"] == 0 and d["laporan_tim_diterima"][0].pelapor == pd.p["sari"]
    assert selectors.ringkasan_beranda(pd.p["sari"])["laporan_tim_saya"] == 0
    from django.test import Client

    c = Client()
    c.force_login(pd.u["ani"])
    assert 'data-hitung="laporan_tim_terlambat">0<' in c.get("/siklus/").content.decode()
    assert 'data-hitung="laporan_tim_terlambat">0<' in c.get("/").content.decode()
    api = c.get("/api/siklus/dasbor").json()["pejabat"]
    assert api["laporan_tim_terlambat"] == 0 and api["laporan_tim_diterima"][0]["pelapor_id"] == pd.p["sari"].id


def test_beranda_counts_in_sql_match_their_orm_definitions(karangasem):
    """``_hitungan_beranda`` is SQL for speed: each count equals the ORM query saying what it means,
    for a head (his units' open, overdue and returned kegiatan) and for his staff."""
    from django.db.models import Q

    from sikerja.siklus.alur import TERBUKA
    from sikerja.siklus.models import Kegiatan, PermintaanLaporanSiklus
    from sikerja.timkerja.models import PermintaanLaporan

    pd = karangasem
    tim = _tim(pd)
    a = kegiatan_berjalan(pd, "ani", "P2P", "sari")
    b = kegiatan_berjalan(pd, "ani", "P2P", "rina", target=a.target)
    Kegiatan.objects.filter(pk=a.pk).update(selesai=date.today() - timedelta(days=3))  # overdue
    Kegiatan.objects.filter(pk=b.pk).update(status="dikembalikan", aktor_sekarang=pd.p["rina"])
    tim_services.minta_laporan(pengguna=pd.u["ani"], tim_id=tim.id, sasaran_id=pd.p["sari"].id,
                               batas_waktu=date.today())
    hari = date.today()
    for nama in ("kadis", "ani", "sari", "rina"):
        p = pd.p[nama]
        units = selectors.unit_dipimpin(p)
        harap = {"menunggu_saya": Kegiatan.objects.filter(aktor_sekarang=p, status__in=TERBUKA).count(),
                 "permintaan_laporan": PermintaanLaporanSiklus.objects.filter(sasaran=p, dijawab=False).count()
                 + PermintaanLaporan.objects.filter(sasaran=p, jawaban__isnull=True).count()}
        if units:
            harap.update(Kegiatan.objects.filter(unit_id__in=units).aggregate(
                terlambat=Count("id", filter=Q(status__in=TERBUKA, selesai__lt=hari)),
                dikembalikan=Count("id", filter=Q(status="dikembalikan"))))
        assert selectors._hitungan_beranda(p, units, hari) == harap, nama
    ani = selectors._hitungan_beranda(pd.p["ani"], selectors.unit_dipimpin(pd.p["ani"]), hari)
    assert ani["terlambat"] >= 1 and ani["dikembalikan"] == 1
    assert selectors._hitungan_beranda(pd.p["sari"], [], hari)["permintaan_laporan"] == 1
