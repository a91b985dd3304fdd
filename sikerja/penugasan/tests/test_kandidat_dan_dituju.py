"""The lintas-unit PPK dituju (issue 9 point 2) and the queries rewritten for speed (bench_api):
each new query is compared with the one it replaced on the fixture."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from sikerja.kedudukan.selectors import berlaku
from sikerja.organisasi.models import Pegawai, UnitOrganisasi

from .. import selectors, services
from ..errors import DataTidakLengkap
from .conftest import buat_dua_instansi, data, penerima


@pytest.fixture
def madya(db):  # type: ignore[no-untyped-def]
    """The Kepala Dinas rates the two Ahli Madya (rank ceiling): Wati in P2P, Yoga in Yankes."""
    return buat_dua_instansi(dengan_madya=True)


def _dituju(org, siapa):  # type: ignore[no-untyped-def]
    return set(selectors.pejabat_dituju_jalur(org.a, "lintas_unit", org.p[siapa]).exclude(id=org.p[siapa].pk))


def test_ppk_dituju_lintas_unit_is_the_ppk_of_a_jf_outside_the_requesters_unit_karangasem_14_3(org):
    """Karangasem Pasal 14 ayat (3) huruf a–c, Pasuruan Lampiran II.B.2.a.2: the request goes to the PPK
    "dimana Pejabat Fungsional atau pelaksana dimaksud berada". The Kepala Dinas rates only the two
    Kepala Bidang (no JF/pelaksana): he was offered before, he is not now."""
    p = org.p
    assert _dituju(org, "ani") == {p["bambang"]}
    assert _dituju(org, "bambang") == {p["ani"]}


def test_ppk_of_jf_only_in_the_requesters_own_unit_is_not_a_ppk_dituju_pasuruan_ii_b_2_a_2(madya):
    """Pasuruan Lampiran II.B.2.a.2 (Karangasem Pasal 14 ayat (3) a): lintas unit means the pegawai sit
    outside the requester's unit. When the Kepala Dinas rates only Wati (P2P), he is a PPK dituju for
    the Kabid Yankes but not for the Kabid P2P, whose own unit Wati is in."""
    p = madya.p
    assert _dituju(madya, "ani") == {p["bambang"], p["kadis_a"]}  # he rates Yoga, in Yankes
    Pegawai.objects.filter(pk=p["yoga"].pk).update(aktif=False)
    assert _dituju(madya, "ani") == {p["bambang"]}
    assert _dituju(madya, "bambang") == {p["ani"], p["kadis_a"]}


def test_service_and_api_refuse_a_ppk_who_rates_no_jf_outside_the_unit_karangasem_14_3(madya):
    """The service's check reads the same selector as the form and the API (Karangasem Pasal 14 ayat (3) a)."""
    from django.test import Client

    from sikerja.akun import token

    Pegawai.objects.filter(pk=madya.p["yoga"].pk).update(aktif=False)
    with pytest.raises(DataTidakLengkap):
        services.buat_penunjukan_lintas_unit(pengguna=madya.u["ani"], data=data(),
                                             ppk_tujuan_id=madya.p["kadis_a"].pk)
    _, rahasia = token.buat(pelaku=madya.u["ani"], pemilik=madya.u["ani"], nama="uji", tulis=False)
    r = Client(HTTP_AUTHORIZATION=f"Bearer {rahasia}").get("/api/penugasan/jalur/lintas_unit/dituju")
    assert [x["id"] for x in r.json()["items"]] == [madya.p["bambang"].pk]


def test_autocomplete_scope_offers_the_same_ppk_dituju(madya):
    """The web autocomplete (apps.LINGKUP_DITUJU "penugasan_ppk") reads the selector with the requester."""
    from sikerja.organisasi import pilih

    Pegawai.objects.filter(pk=madya.p["yoga"].pk).update(aktif=False)
    assert set(pilih.pegawai_boleh_dipilih(madya.u["ani"], "penugasan_ppk")) == {madya.p["bambang"]}
    assert madya.p["kadis_a"] in set(pilih.pegawai_boleh_dipilih(madya.u["bambang"], "penugasan_ppk"))


def test_pejabat_puo_of_jf_matches_the_join_it_replaced(madya):
    """pejabat_puo(hanya_jf=True) now checks each official with EXISTS: same officials as the join."""
    i = madya.a.pk
    lama = Pegawai.objects.filter(id__in=berlaku(i).filter(
        pimpinan_unit__isnull=False, pegawai__jenis_jabatan__in=["fungsional", "pelaksana"]).values(
        "pimpinan_unit_id"), aktif=True).order_by("nama")
    assert list(selectors.pejabat_puo(i, hanya_jf=True)) == list(lama)
    assert list(selectors.pejabat_puo(i)) == list(Pegawai.objects.filter(
        id__in=berlaku(i).filter(pimpinan_unit__isnull=False).values("pimpinan_unit_id"), aktif=True).order_by("nama"))
    assert madya.p["ani"] in lama and madya.p["sekda_a"] not in lama


def test_candidate_pages_match_kandidat_for_a_back_dated_period(org):
    """An assignment whose period is over frees the workload (issue 9 point 9) also on the paged
    candidates: KandidatPerHalaman used the period's start, kandidat() the later of it and today."""
    hari = date.today()
    services.buat_penunjukan_dalam_unit(pengguna=org.u["ani"], data=data(mulai=hari - timedelta(days=20),
                                                                           selesai=hari - timedelta(days=1)),
                                        penerima=[penerima(org.p["sari"], 40)])
    services.buat_penunjukan_dalam_unit(pengguna=org.u["ani"], data=data(), penerima=[penerima(org.p["tono"], 10)])
    m, s = hari - timedelta(days=30), hari + timedelta(days=30)
    for kw in ({}, {"beban_maks": 0}, {"beban_maks": 10}, {"unit_id": org.p["sari"].unit_id}, {"jenjang": "ahli_muda"}):
        semua = [(p.nama, p.beban) for p in selectors.kandidat(org.p["ani"], mulai=m, selesai=s, **kw)]
        h = selectors.KandidatPerHalaman(org.p["ani"], mulai=m, selesai=s, **kw)
        assert [(p.nama, p.beban) for p in h[0:50]] == semua and h.count() == len(semua), kw
    assert semua == [("Sari Epidemiolog", 0)]
    assert [(p.nama, p.beban) for p in selectors.KandidatPerHalaman(org.p["ani"], mulai=m, selesai=s)[0:9]] == [
        ("Sari Epidemiolog", 0), ("Tono Pelaksana", 10)]


def test_candidate_page_lists_kandidat_in_its_order_with_its_filters(org, client):
    """The web candidate table (SPEC §4 point 3) is paged like the API: the same pegawai, order and load
    as selectors.kandidat, for each filter; its unit choices are the candidates' units."""
    services.buat_penunjukan_dalam_unit(pengguna=org.u["ani"], data=data(), penerima=[penerima(org.p["tono"], 30)])
    client.force_login(org.u["ani"])
    m, s = date.today(), date.today() + timedelta(days=90)
    for get in ({}, {"beban_maks": "20"}, {"kompetensi": "epidemiologi"}, {"unit": str(org.p["sari"].unit_id)}):
        r = client.get("/penugasan/kandidat/", {"mulai": m.isoformat(), "selesai": s.isoformat(), **get})
        tampil = [(k["p"].nama, k["p"].beban) for k in r.context["kandidat"]]
        kw = {"beban_maks": int(get["beban_maks"])} if "beban_maks" in get else {}
        kw |= {"kompetensi": get["kompetensi"]} if "kompetensi" in get else {}
        kw |= {"unit_id": int(get["unit"])} if "unit" in get else {}
        assert tampil == [(p.nama, p.beban) for p in selectors.kandidat(org.p["ani"], mulai=m, selesai=s, **kw)], get
    assert tampil == [("Sari Epidemiolog", 0), ("Tono Pelaksana", 30)]
    assert list(r.context["units"]) == list(UnitOrganisasi.objects.filter(id=org.p["sari"].unit_id))



@pytest.mark.parametrize("jalan_maks", [0, 1, 1000])
def test_candidate_pages_deep_and_shallow_read_the_same_order(org, monkeypatch, jalan_maks):
    """A page past KandidatPerHalaman.JALAN_MAKS is read from the ordered ids instead of the names
    index walk: both give kandidat()'s order, across the unloaded/loaded boundary."""
    monkeypatch.setattr(selectors.KandidatPerHalaman, "JALAN_MAKS", jalan_maks)
    services.buat_penunjukan_dalam_unit(pengguna=org.u["ani"], data=data(), penerima=[penerima(org.p["sari"], 30)])
    m, s = date.today(), date.today() + timedelta(days=30)
    semua = [(p.nama, p.beban) for p in selectors.kandidat(org.p["ani"], mulai=m, selesai=s)]
    h = selectors.KandidatPerHalaman(org.p["ani"], mulai=m, selesai=s)
    assert [(p.nama, p.beban) for i in range(h.count()) for p in h[i:i + 1]] == semua
    assert [(p.nama, p.beban) for p in h[0:50]] == semua == [("Tono Pelaksana", 0), ("Sari Epidemiolog", 30)]


def test_pegawai_api_pages_read_by_ids_keep_the_name_order(org):
    """organisasi/pegawai reads a page's ids first (index pegawai_aktif_nama), then its rows: the same
    pegawai in the same order as the one-step OFFSET query it replaced."""
    from django.test import Client

    from sikerja.akun import token
    from sikerja.organisasi.selectors import pegawai

    _, rahasia = token.buat(pelaku=org.u["ani"], pemilik=org.u["ani"], nama="uji", tulis=False)
    c = Client(HTTP_AUTHORIZATION=f"Bearer {rahasia}")
    lama = [p.pk for p in pegawai(org.a).select_related("unit").order_by("nama", "id")]
    for offset, limit in ((0, 100), (3, 2), (7, 5)):
        r = c.get("/api/organisasi/pegawai", {"offset": offset, "limit": limit}).json()
        assert [x["id"] for x in r["items"]] == lama[offset:offset + limit] and r["count"] == len(lama)
