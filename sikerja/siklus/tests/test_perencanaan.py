"""Perencanaan: perjanjian kinerja, its versions, the cascade of targets and the Level II strategy."""

from __future__ import annotations

from datetime import date

import pytest

from sikerja.galat import DataTidakLengkap, TidakBerwenang

from .. import services
from ..models import PerjanjianKinerja, TargetKinerja
from .conftest import TAHUN, target_di


def _data(**kw):  # type: ignore[no-untyped-def]
    base = dict(indikator="Kasus DBD turun", nilai_target=20, satuan="persen", batas_waktu=date(TAHUN, 12, 31))
    base.update(kw)
    return services.DataTarget(**base)


def test_pk_is_set_by_the_head_of_the_unit(pasuruan):
    """PSR Lampiran II.D.2.c angka 1: Pejabat Level I menyusun dan menetapkan perjanjian kinerja."""
    pd = pasuruan
    with pytest.raises(TidakBerwenang, match="II.D.2.c angka 1"):
        services.buat_pk(pengguna=pd.u["ani"], unit_id=pd.unit("DINKES").id, tahun=TAHUN)
    pk = services.buat_pk(pengguna=pd.u["kadis"], unit_id=pd.unit("DINKES").id, tahun=TAHUN, arahan="Turunkan DBD")
    assert pk.pihak_pertama == pd.p["kadis"] and pk.versi == 1


def test_pekanbaru_pk_is_set_by_the_puo_who_heads_the_pd(pekanbaru):
    """Perwal Pekanbaru 44/2023 Lampiran A.1 angka 1 huruf a (KINERJA A-10: PUO = Kepala Perangkat Daerah)."""
    pd = pekanbaru
    pk = services.buat_pk(pengguna=pd.u["kadis"], unit_id=pd.unit("DINKES").id, tahun=TAHUN)
    assert "Lampiran A.1 angka 1 huruf a" in pk.dasar_hukum


def test_amendment_is_a_new_version_with_a_reason_and_keeps_the_old_targets(magelang):
    """Perwal Magelang 25/2023 Lampiran II: the PK Pelaksanaan Kegiatan names the kind of assignment per
    kegiatan, and "dalam hal terjadi perubahan kegiatan maka harus dilakukan perubahan"."""
    pd = magelang
    pk = services.buat_pk(pengguna=pd.u["kadis"], unit_id=pd.unit("DINKES").id, tahun=TAHUN,
                          jenis="pk_pelaksanaan_kegiatan")
    assert "Lampiran II" in pk.dasar_hukum
    with pytest.raises(DataTidakLengkap, match="jenis penugasan"):
        services.tambah_target(pengguna=pd.u["kadis"], pk_id=pk.id, data=_data())
    services.tambah_target(pengguna=pd.u["kadis"], pk_id=pk.id, data=_data(jenis_penugasan="tim"))
    with pytest.raises(DataTidakLengkap):
        services.ubah_pk(pengguna=pd.u["kadis"], pk_id=pk.id, alasan=" ")
    baru = services.ubah_pk(pengguna=pd.u["kadis"], pk_id=pk.id, alasan="Kegiatan vaksinasi ditambah")
    pk.refresh_from_db()
    assert (pk.berlaku, baru.versi, baru.alasan_perubahan) == (False, 2, "Kegiatan vaksinasi ditambah")
    assert pk.snapshot[0]["indikator"] == "Kasus DBD turun"
    assert TargetKinerja.objects.get().pk_kinerja == baru
    assert PerjanjianKinerja.objects.filter(unit=pd.unit("DINKES"), tahun=TAHUN).count() == 2


def test_target_split_to_a_unit_below_gives_its_head_the_responsibility(pasuruan):
    """KINERJA §2.1 (PSR L-II.D.2.c.1): Level I → Level II "pembagian tanggung jawab target kinerja"."""
    pd = pasuruan
    t = target_di(pd, "kadis", "DINKES")
    sub = services.bagi_target(pengguna=pd.u["kadis"], target_id=t.id, unit_id=pd.unit("P2P").id,
                               data=_data(arahan="Fokus kecamatan endemis"))
    assert (sub.penanggung_jawab, sub.induk, sub.arahan) == (pd.p["ani"], t, "Fokus kecamatan endemis")
    ind = services.bagi_target(pengguna=pd.u["ani"], target_id=sub.id, pegawai_id=pd.p["sari"].id, data=_data())
    assert (ind.penanggung_jawab, ind.jenis_penugasan) == (pd.p["sari"], "individu")


def test_target_cannot_go_to_a_pegawai_outside_the_unit(pasuruan):
    """Cross-unit pegawai come through a penugasan (PSR Lampiran II.B.2.a angka 2)."""
    pd = pasuruan
    t = target_di(pd, "ani", "P2P")
    with pytest.raises(services.AturanDilanggar, match="lintas unit"):
        services.bagi_target(pengguna=pd.u["ani"], target_id=t.id, pegawai_id=pd.p["hana"].id, data=_data())
    with pytest.raises(TidakBerwenang):
        services.bagi_target(pengguna=pd.u["sari"], target_id=t.id, pegawai_id=pd.p["tono"].id, data=_data())


def test_strategy_is_decided_by_level_ii_and_a_cross_unit_need_requires_it(pasuruan):
    """PSR Lampiran II.D.2.c angka 1: Pejabat Level II merumuskan strategi (tim/individu, lintas unit, ketua)."""
    pd = pasuruan
    t = target_di(pd, "ani", "P2P")
    with pytest.raises(services.AturanDilanggar):
        services.mohon_lintas_unit(pengguna=pd.u["ani"], target_id=t.id, ppk_tujuan_id=pd.p["kabag"].id,
                                   uraian_tugas="x", kompetensi_dibutuhkan="y")
    with pytest.raises(TidakBerwenang, match="II.D.2.c angka 1"):
        services.tetapkan_strategi(pengguna=pd.u["sari"], target_id=t.id, mode="tim")
    s = services.tetapkan_strategi(pengguna=pd.u["ani"], target_id=t.id, mode="tim", butuh_lintas_unit=True,
                                   butuh_ketua=True)
    assert (s.mode, s.butuh_lintas_unit, s.butuh_ketua) == ("tim", True, True)


def test_second_pk_for_the_same_year_is_refused(pasuruan):
    pd = pasuruan
    services.buat_pk(pengguna=pd.u["kadis"], unit_id=pd.unit("DINKES").id, tahun=TAHUN)
    with pytest.raises(services.AturanDilanggar, match="versi baru"):
        services.buat_pk(pengguna=pd.u["kadis"], unit_id=pd.unit("DINKES").id, tahun=TAHUN)


def test_a_cross_unit_need_of_the_strategy_starts_a_penugasan_request(pasuruan):
    """PSR Lampiran II.D.2.c angka 1 (kebutuhan JF/pelaksana lintas unit) → Lampiran II.B.2.a angka 2."""
    from sikerja.penugasan.models import Penugasan

    pd = pasuruan
    t = target_di(pd, "ani", "P2P")
    s = services.tetapkan_strategi(pengguna=pd.u["ani"], target_id=t.id, mode="tim", butuh_lintas_unit=True)
    p = services.mohon_lintas_unit(pengguna=pd.u["ani"], target_id=t.id, ppk_tujuan_id=pd.p["kabag"].id,
                                   uraian_tugas="Menyusun naskah hukum penanggulangan DBD",
                                   kompetensi_dibutuhkan="Perancangan peraturan")
    assert Penugasan.objects.filter(pk=p.pk).exists()
    assert list(s.penugasan.all()) == [p]


def test_magelang_cancelling_a_kegiatan_amends_the_pk_as_a_new_version_with_the_reason(magelang):
    """Perwal Magelang 25/2023 Lampiran II: "dalam hal terjadi perubahan kegiatan maka harus dilakukan
    perubahan" of the PK Pelaksanaan Kegiatan: the cancellation makes version 2 carrying the reason; version
    1 keeps the kegiatan as it was."""
    from ..models import PerjanjianKinerja
    from .conftest import kegiatan_berjalan

    pd = magelang
    kg = kegiatan_berjalan(pd, "ani", "P2P", "sari")
    services.batalkan(pengguna=pd.u["ani"], kegiatan_id=kg.id, alasan="Anggaran digeser ke KLB")
    v = list(PerjanjianKinerja.objects.filter(unit=pd.unit("P2P")).order_by("versi"))
    assert [(x.versi, x.berlaku) for x in v] == [(1, False), (2, True)]
    assert "Pembatalan kegiatan Menyusun naskah: Anggaran digeser ke KLB" in v[1].alasan_perubahan
    assert "Lampiran II" in v[1].alasan_perubahan
    assert v[0].snapshot[0]["kegiatan"][0]["status"] == "berjalan"
    kg.refresh_from_db()
    assert kg.status == "dibatalkan" and kg.target.pk_kinerja_id == v[1].id


@pytest.mark.parametrize(("profil", "versi"), [("magelang", 2), ("karangasem", 1)])
def test_magelang_changing_a_target_amends_the_pk_elsewhere_it_is_audited(request, profil, versi):
    """MGL Lampiran II (PK amended on change, new version with reason) vs Karangasem (no such rule:
    the change is audited with its reason, the PK keeps its version)."""
    pd = request.getfixturevalue(profil)
    t = target_di(pd, "ani", "P2P")
    with pytest.raises(DataTidakLengkap):
        services.ubah_target(pengguna=pd.u["ani"], target_id=t.id, alasan=" ", data=services.DataTarget(
            indikator="x", nilai_target=4, satuan="dokumen", batas_waktu=date(TAHUN, 12, 31)))
    with pytest.raises(TidakBerwenang):
        services.ubah_target(pengguna=pd.u["sari"], target_id=t.id, alasan="x", data=services.DataTarget(
            indikator="x", nilai_target=4, satuan="dokumen", batas_waktu=date(TAHUN, 12, 31)))
    services.ubah_target(pengguna=pd.u["ani"], target_id=t.id, alasan="Target naik", data=services.DataTarget(
        indikator="Perda tersusun", nilai_target=4, satuan="dokumen", batas_waktu=date(TAHUN, 12, 31)))
    pk = PerjanjianKinerja.objects.get(unit=pd.unit("P2P"), berlaku=True)
    assert pk.versi == versi
    t.refresh_from_db()
    assert t.nilai_target == 4 and t.pk_kinerja_id == pk.id


def test_target_change_through_the_api_and_the_page(magelang):
    """MGL Lampiran II through the API (new PK version) and the target page's form."""
    from django.test import Client

    pd = magelang
    t = target_di(pd, "ani", "P2P")
    c = Client()
    c.force_login(pd.u["ani"])
    r = c.post(f"/api/siklus/target/{t.id}/ubah", content_type="application/json", data={
        "indikator": "Perda", "nilai_target": 5, "satuan": "dokumen", "batas_waktu": f"{TAHUN}-12-31", "alasan": ""})
    assert r.status_code == 400 and "alasan" in r.json()["detail"].lower()
    r = c.post(f"/api/siklus/target/{t.id}/ubah", content_type="application/json", data={
        "indikator": "Perda", "nilai_target": 5, "satuan": "dokumen", "batas_waktu": f"{TAHUN}-12-31",
        "alasan": "Arahan Wali Kota"})
    assert r.status_code == 200 and r.json()["pk_kinerja_id"] != t.pk_kinerja_id
    r = c.post(f"/siklus/target/{t.id}/", {"aksi": "ubah", "indikator": "Perda", "nilai_target": "6",
                                          "satuan": "dokumen", "batas_waktu": f"{TAHUN}-12-31", "alasan": "Revisi"})
    assert r.status_code == 302
    assert PerjanjianKinerja.objects.get(unit=pd.unit("P2P"), berlaku=True).versi == 3


def test_magelang_changing_a_team_target_amends_the_pk_carrying_it(magelang):
    """Perwal Magelang 25/2023 Lampiran II: the team's target change (tim kerja `ubah_target`) amends the
    PK whose target was split to the team, as a new version with the reason."""
    from sikerja.timkerja import services as tim_services

    from .test_tim_dasbor import _tim

    pd = magelang
    tim = _tim(pd)
    t = target_di(pd, "ani", "P2P")
    services.bagi_target(pengguna=pd.u["ani"], target_id=t.id, tim_id=tim.id, data=services.DataTarget(
        indikator="Surveilans", nilai_target=52, satuan="laporan", batas_waktu=date(TAHUN, 12, 31)))
    tim_services.ubah_target(pengguna=pd.u["ani"], tim_id=tim.id, target=["Kasus DBD turun 30%"],
                             alasan="Arahan Wali Kota")
    pk = PerjanjianKinerja.objects.get(unit=pd.unit("P2P"), berlaku=True)
    assert pk.versi == 2 and "Perubahan target Tim DBD: Arahan Wali Kota" in pk.alasan_perubahan
