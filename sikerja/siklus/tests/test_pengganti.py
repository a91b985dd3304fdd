"""Who holds a post in a review chain (KINERJA.md §2.3: chains resolved "using kedudukan (incl.
delegasi, Plt/Plh)"): a Plh/Plt recorded with its SK acts for the post for its period; a delegation of
pengelolaan kinerja puts the delegate in the chain; a Level-III submitter sends his result upward."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from sikerja.galat import DataTidakLengkap, TidakBerwenang
from sikerja.timkerja import services as tim_services

from .. import services
from .conftest import TAHUN, kegiatan_berjalan, target_di

HARI = date.today()


def _admin(pd):  # type: ignore[no-untyped-def]
    u = pd.u["sekda"]
    u.bkpsdm = True
    u.save()
    return u


def _catat(pd, unit, kunci, jenis="plh", **kw):  # type: ignore[no-untyped-def]
    return tim_services.catat_pengganti(
        pengguna=_admin(pd), unit_id=pd.unit(unit).id, pegawai_id=pd.p[kunci].id, jenis=jenis,
        nomor_sk=kw.get("nomor_sk", "800/12/SP/2026"), tanggal_sk=HARI, mulai=kw.get("mulai", HARI),
        selesai=kw.get("selesai", HARI + timedelta(days=10)))


def _status(kg):  # type: ignore[no-untyped-def]
    kg.refresh_from_db()
    return kg.status, kg.level_reviu, kg.aktor_sekarang.nama if kg.aktor_sekarang else None


def test_plh_of_the_kabag_reviews_in_his_place_and_a_waiting_item_follows_the_post(pasuruan):
    """PSR Lampiran II.D.1.c angka 3 chain (Kabag → Asisten → Sekda) while the Kabag is away: the Plh
    named by surat perintah reviews; the item waiting for the Kabag moves to the Plh (logged), and the
    Kabag himself is refused while the Plh holds."""
    pd = pasuruan
    kg = kegiatan_berjalan(pd, "kabag", "HUKUM", "hana")
    services.ajukan_hasil(pengguna=pd.u["hana"], kegiatan_id=kg.id, keluaran="Draf v1")
    assert _status(kg) == ("dalam_reviu", 0, "Kabag Hukum")
    x = _catat(pd, "HUKUM", "ani")
    assert _status(kg) == ("dalam_reviu", 0, "Ani Kabid")
    assert kg.rantai[0]["sebagai"] == "Plh" and kg.rantai[0]["peran"] == "Kepala Bagian"
    with pytest.raises(TidakBerwenang):
        services.terima(pengguna=pd.u["kabag"], kegiatan_id=kg.id)
    services.terima(pengguna=pd.u["ani"], kegiatan_id=kg.id)
    assert _status(kg) == ("dalam_reviu", 1, "Asisten Pem")
    tim_services.akhiri_pengganti(pengguna=_admin(pd), pengganti_id=x.id, alasan="Kabag kembali bertugas")
    kg2 = kegiatan_berjalan(pd, "kabag", "HUKUM", "hana", target=kg.target)
    assert kg2.rantai[0]["nama"] == "Kabag Hukum" and "sebagai" not in kg2.rantai[0]


def test_a_vacant_post_is_skipped_until_a_plt_fills_it_and_plh_is_refused_for_a_vacant_post(pasuruan):
    """PSR D.1: with the Asisten post vacant the chain skips it [P]; a Plt (not a Plh: nobody is
    temporarily absent) fills it and reviews between the Kabag and the Sekda."""
    pd = pasuruan
    asisten = pd.p["asisten"]
    asisten.kepala_unit = False
    asisten.save()
    kg = kegiatan_berjalan(pd, "kabag", "HUKUM", "hana")
    assert [r["nama"] for r in kg.rantai] == ["Kabag Hukum", "Sekda"]
    with pytest.raises(DataTidakLengkap, match="Pelaksana Tugas"):
        _catat(pd, "ASPEM", "kadis", jenis="plh")
    _catat(pd, "ASPEM", "kadis", jenis="plt")
    kg = kegiatan_berjalan(pd, "kabag", "HUKUM", "hana", target=kg.target)
    assert [(r["nama"], r.get("sebagai")) for r in kg.rantai] == [("Kabag Hukum", None), ("Kadis Kesehatan", "Plt"),
                                                                    ("Sekda", None)]


def test_plt_plh_are_recorded_only_by_admin_or_bkpsdm_with_an_sk_and_one_per_post(pasuruan):
    pd = pasuruan
    with pytest.raises(TidakBerwenang):
        tim_services.catat_pengganti(pengguna=pd.u["kabag"], unit_id=pd.unit("HUKUM").id, pegawai_id=pd.p["ani"].id,
                                     jenis="plh", nomor_sk="1", tanggal_sk=HARI, mulai=HARI, selesai=HARI)
    with pytest.raises(DataTidakLengkap, match="Nomor surat perintah"):
        _catat(pd, "HUKUM", "ani", nomor_sk=" ")
    _catat(pd, "HUKUM", "ani")
    with pytest.raises(DataTidakLengkap, match="Sudah ada Plt/Plh"):
        _catat(pd, "HUKUM", "kadis", mulai=HARI + timedelta(days=5))


def test_a_plh_whose_period_has_not_begun_does_not_act_yet(pasuruan):
    pd = pasuruan
    _catat(pd, "HUKUM", "ani", mulai=HARI + timedelta(days=3), selesai=HARI + timedelta(days=9))
    kg = kegiatan_berjalan(pd, "kabag", "HUKUM", "hana")
    assert kg.rantai[0]["nama"] == "Kabag Hukum"


def test_plh_of_the_head_sets_the_pk_of_the_unit(pasuruan):
    """PSR Lampiran II.D.2.c angka 1: the PK is set by the Level I official — while he is away, by his Plh."""
    pd = pasuruan
    _catat(pd, "DINKES", "ani")
    pk = services.buat_pk(pengguna=pd.u["ani"], unit_id=pd.unit("DINKES").id, tahun=TAHUN)
    assert pk.pihak_pertama == pd.p["ani"]


def test_delegation_of_pengelolaan_kinerja_puts_the_delegate_in_the_chain(pasuruan):
    """KINERJA §2.3 (chain resolved incl. delegasi): the Kabid delegates pengelolaan kinerja of Tono to
    Sari by SK; Tono's kegiatan is reviewed by Sari in the Kabid's place, the Kadis still accepts
    (PSR Lampiran II.D.2.c angka 3: selesai when Level I accepts)."""
    from sikerja.kedudukan import services as kd_services

    pd = pasuruan
    kd_services.buat_delegasi(pd.instansi, oleh=pd.u["ani"], dari=pd.p["ani"], kepada=pd.p["sari"],
                              wewenang="pengelolaan_kinerja", nomor_sk="800/7/2026", tanggal_sk=HARI,
                              pegawai_nip=[pd.p["tono"].nip])
    kg = kegiatan_berjalan(pd, "ani", "P2P", "tono")
    assert [r["nama"] for r in kg.rantai] == ["Sari Epidemiolog", "Kadis Kesehatan"]
    assert "800/7/2026" in kg.rantai[0]["delegasi"]
    other = kegiatan_berjalan(pd, "ani", "P2P", "rina", target=kg.target)
    assert [r["nama"] for r in other.rantai] == ["Ani Kabid", "Kadis Kesehatan"]


def test_level_iii_pengawas_submitting_his_own_result_sends_it_to_the_level_above(pasuruan):
    """PSR Lampiran II.D.7.c (Kecamatan: Pengawas → Camat) with L-II.D.2.c angka 2 ("disampaikan kepada
    Pejabat Level II oleh Pejabat Level III, Individu atau Ketua Tim"): the Kasi does not review his own
    result; the Camat does."""
    pd = pasuruan
    t = target_di(pd, "camat", "KEC")
    sub = services.bagi_target(pengguna=pd.u["camat"], target_id=t.id, unit_id=pd.unit("KECPEM").id,
                               data=services.DataTarget(indikator="Rekomendasi", nilai_target=1, satuan="dokumen",
                                                        batas_waktu=date(TAHUN, 12, 31)))
    kg = kegiatan_berjalan(pd, "kasi", "KECPEM", "kasi", target=sub)
    assert [r["nama"] for r in kg.rantai] == ["Camat Kota"]
    services.ajukan_hasil(pengguna=pd.u["kasi"], kegiatan_id=kg.id, keluaran="Rekomendasi")
    services.terima(pengguna=pd.u["camat"], kegiatan_id=kg.id)
    assert _status(kg)[0] == "selesai"


def test_individual_report_goes_to_the_plh_of_the_puo(pasuruan):
    """Perbup Pasuruan 217/2023 Pasal 12 (individu reports to the PUO) while the Kabid is away: to her Plh,
    who may also ask for a report at any time."""
    pd = pasuruan
    _catat(pd, "P2P", "kabag")
    assert services.penerima_laporan(pd.p["sari"]) == pd.p["kabag"]
    lap = services.kirim_laporan_individu(pengguna=pd.u["sari"], periode_mulai=HARI, periode_selesai=HARI,
                                          capaian="Analisis selesai")
    assert lap.penerima == pd.p["kabag"]
    services.minta_laporan(pengguna=pd.u["kabag"], sasaran_id=pd.p["sari"].id, batas_waktu=HARI)


def test_an_item_waiting_for_the_sekda_stays_with_him_when_a_plt_fills_the_vacant_asisten_post(pasuruan):
    """KINERJA §2.3 [P]: the item follows its post; a Plt filling a vacant level below does not pull an
    item waiting at the Sekda back down (PSR L-II.D.1.c angka 3 chain)."""
    pd = pasuruan
    asisten = pd.p["asisten"]
    asisten.kepala_unit = False
    asisten.save()
    kg = kegiatan_berjalan(pd, "kabag", "HUKUM", "hana")
    services.ajukan_hasil(pengguna=pd.u["hana"], kegiatan_id=kg.id, keluaran="v1")
    services.terima(pengguna=pd.u["kabag"], kegiatan_id=kg.id)
    assert _status(kg) == ("dalam_reviu", 1, "Sekda")
    _catat(pd, "ASPEM", "kadis", jenis="plt")
    assert _status(kg) == ("dalam_reviu", 2, "Sekda")
    assert [r["nama"] for r in kg.rantai] == ["Kabag Hukum", "Kadis Kesehatan", "Sekda"]


def test_the_plh_sees_the_units_dashboard_page_and_api(pasuruan):
    """While the Kabid is away her Plh watches her unit: the dashboard (page and API) shows what waits
    for him in the chain."""
    from django.test import Client

    pd = pasuruan
    kg = kegiatan_berjalan(pd, "ani", "P2P", "sari")
    _catat(pd, "P2P", "kabag")
    services.ajukan_hasil(pengguna=pd.u["sari"], kegiatan_id=kg.id, keluaran="Hasil")
    c = Client()
    c.force_login(pd.u["kabag"])
    assert c.get("/api/siklus/dasbor").json()["pejabat"]["menunggu_reviu_saya"] >= 1
    assert "dasbor-pejabat" in c.get("/siklus/").content.decode()
