"""The pages and API: who sees what, refusals shown with their article, never a 500."""

from __future__ import annotations

import base64
from datetime import date

from django.test import Client
from django.urls import reverse

from sikerja.surat.selectors import untuk_subjek as surat_tim
from sikerja.timkerja import services as s
from sikerja.timkerja.models import TimKerja

from .conftest import Pemda, anggota, data_tim


def _masuk(pd: Pemda, kunci: str) -> Client:
    c = Client()
    c.force_login(pd.u[kunci])
    return c


def _tim(pd: Pemda) -> TimKerja:
    return s.bentuk_tim(pengguna=pd.u["ani"], data=data_tim(pd), anggota=[anggota(pd, "sari"), anggota(pd, "tono")],
                        ketua_id=pd.p["sari"].id)


def test_pages_render_for_the_kabid_and_a_member(nasional):
    pd = nasional
    tim = _tim(pd)
    c = _masuk(pd, "ani")
    for url in (reverse("timkerja:daftar"), reverse("timkerja:buat"), reverse("timkerja:beban"),
                reverse("timkerja:detail", args=[tim.pk]), reverse("timkerja:matriks", args=[tim.pk])):
        r = c.get(url)
        assert r.status_code == 200, url
    r = _masuk(pd, "tono").get(reverse("timkerja:saya"))
    assert r.status_code == 200 and tim.nama in r.content.decode()


def test_team_is_invisible_to_an_unrelated_pegawai_and_another_instansi(nasional):
    pd = nasional
    tim = _tim(pd)
    assert _masuk(pd, "dodi").get(reverse("timkerja:detail", args=[tim.pk])).status_code == 404
    assert _masuk(pd, "eka").get(reverse("timkerja:detail", args=[tim.pk])).status_code == 404
    s_id = tim.surat_dasar_id
    assert _masuk(pd, "dodi").get(reverse("timkerja:unduh_surat", args=[tim.pk, s_id])).status_code == 404


def test_member_downloads_the_founding_letter_pdf(nasional):
    pd = nasional
    tim = _tim(pd)
    r = _masuk(pd, "tono").get(reverse("timkerja:unduh_surat", args=[tim.pk, tim.surat_dasar_id]))
    assert r.status_code == 200 and r.content.startswith(b"%PDF")


def test_refusal_is_shown_with_its_article_on_the_page(blitar):
    pd = blitar
    tim = s.buat_draf(pengguna=pd.u["ani"], data=data_tim(pd))
    r = _masuk(pd, "ani").post(reverse("timkerja:aksi", args=[tim.pk]),
                               {"aksi": "ketua", "ketua": pd.p["ani"].id}, follow=True)
    assert r.status_code == 200
    assert "Perwal Blitar 6/2023 Pasal 21 ayat (4)" in r.content.decode()


def test_create_form_makes_a_draft(nasional):
    pd = nasional
    from sikerja.organisasi.models import UnitOrganisasi

    unit = UnitOrganisasi.objects.get(instansi=pd.instansi, kode="P2P")
    r = _masuk(pd, "ani").post(reverse("timkerja:buat"), {
        "nama": "Tim Stunting", "unit_pemilik": unit.pk, "masa_mulai": "2026-01-01", "masa_selesai": "2026-06-30",
        "target": "Prevalensi stunting turun 2%", "jadwal_laporan": "bulanan"})
    tim = TimKerja.objects.get(nama="Tim Stunting")
    assert r.status_code == 302 and tim.status == "draf"


def test_evidence_is_served_only_to_who_sees_the_team(nasional):
    pd = nasional
    tim = _tim(pd)
    lap = s.kirim_laporan(pengguna=pd.u["tono"], tim_id=tim.id, jenis="anggota_ke_ketua", periode_mulai=date.today(),
                          periode_selesai=date.today(), progres="x", bukti=[s.Berkas(nama="a.pdf", isi=b"%PDF-1")])
    b = lap.bukti.get()
    r = _masuk(pd, "sari").get(reverse("timkerja:unduh_bukti", args=[b.pk]))
    assert r.status_code == 200 and r["Content-Disposition"].startswith("attachment")
    assert _masuk(pd, "dodi").get(reverse("timkerja:unduh_bukti", args=[b.pk])).status_code == 404


def test_workload_page_needs_a_unit_head(nasional):
    assert _masuk(nasional, "tono").get(reverse("timkerja:beban")).status_code == 403


def test_api_forms_a_team_and_refuses_with_the_article(magelang):
    pd = magelang
    c = _masuk(pd, "ani")
    from sikerja.organisasi.models import UnitOrganisasi

    unit = UnitOrganisasi.objects.get(instansi=pd.instansi, kode="P2P")
    r = c.post("/api/tim-kerja/", {"nama": "Tim API", "unit_pemilik_id": unit.pk, "masa_mulai": "2026-12-01",
                                   "masa_selesai": "2027-03-01", "target": ["Target terukur"]},
               content_type="application/json")
    assert r.status_code == 200, r.content
    pk = r.json()["id"]
    r = c.post(f"/api/tim-kerja/{pk}/anggota", [{"pegawai_id": pd.p["sari"].id, "peran": "Analis", "porsi_persen": 10}],
               content_type="application/json")
    assert r.status_code == 200
    r = c.post(f"/api/tim-kerja/{pk}/ketua", {"ketua_id": pd.p["kasi"].id}, content_type="application/json")
    assert r.status_code == 400 and "Pasal 11 ayat (3)" in r.json()["detail"]
    r = c.post(f"/api/tim-kerja/{pk}/ketua", {"ketua_id": pd.p["sari"].id}, content_type="application/json")
    assert r.status_code == 200
    r = c.post(f"/api/tim-kerja/{pk}/ajukan", content_type="application/json")
    assert r.status_code == 200 and r.json()["status"] == "aktif"
    r = c.post(f"/api/tim-kerja/{pk}/permintaan-laporan", {"sasaran_id": pd.p["sari"].id, "batas_waktu": "2099-01-01"},
               content_type="application/json")
    assert r.status_code == 200
    r = _masuk(pd, "sari").post(f"/api/tim-kerja/{pk}/laporan", {
        "jenis": "ketua_ke_puo", "periode_mulai": "2026-12-01", "periode_selesai": "2026-12-31", "progres": "ok",
        "bukti": [{"nama": "x.pdf", "isi_base64": base64.b64encode(b"%PDF-1").decode()}]},
        content_type="application/json")
    assert r.status_code == 200, r.content
    assert c.get(f"/api/tim-kerja/{pk}/matriks").json()["baris"][0]["peran_baris"] == "ketua_tim"
    assert _masuk(pd, "eka").get(f"/api/tim-kerja/{pk}").status_code == 404
    assert len(surat_tim(TimKerja.objects.get(pk=pk))) == 1


def test_unit_workload_query_count_does_not_grow_with_teams_or_depth(nasional, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from sikerja.organisasi.models import UnitOrganisasi
    from sikerja.timkerja.selectors import beban_unit

    pd = nasional
    dinas = UnitOrganisasi.objects.get(instansi=pd.instansi, kode="DINKES")
    with CaptureQueriesContext(connection) as sedikit:
        beban_unit(dinas, date.today(), kapasitas_bawaan=100)
    _tim(pd)
    s.bentuk_tim(pengguna=pd.u["bambang"], data=data_tim(pd, unit="YANKES", nama="Tim B"),
                 anggota=[anggota(pd, "rina"), anggota(pd, "dodi")], ketua_id=pd.p["rina"].id)
    with CaptureQueriesContext(connection) as banyak:
        d = beban_unit(dinas, date.today(), kapasitas_bawaan=100)
    assert len(banyak) == len(sedikit)
    assert d["ringkas"]["jumlah"] == 9 and {t.nama for t in d["tim"]} == {"Tim Penanggulangan DBD", "Tim B"}
    assert d["pegawai"][0].total == 20


def test_api_kendala_and_unit_workload_rights(nasional):
    pd = nasional
    tim = _tim(pd)
    r = _masuk(pd, "tono").post(f"/api/tim-kerja/{tim.pk}/kendala", {"judul": "Data", "uraian": "Terlambat",
                                                                       "alternatif": ["A", "B"]},
                                content_type="application/json")
    assert r.status_code == 200 and r.json()["tujuan"] == ["Ani Kabid"]
    kid = r.json()["id"]
    r = _masuk(pd, "bambang").post(f"/api/tim-kerja/{tim.pk}/kendala/{kid}/keputusan",
                                   {"tindakan": "putuskan", "alasan": "x", "opsi": 0}, content_type="application/json")
    assert r.status_code == 404  # Bambang does not see the team at all
    r = _masuk(pd, "ani").post(f"/api/tim-kerja/{tim.pk}/kendala/{kid}/keputusan",
                               {"tindakan": "putuskan", "alasan": "Cepat", "opsi": 1}, content_type="application/json")
    assert r.status_code == 200 and r.json()["status"] == "diputuskan"
    from sikerja.organisasi.models import UnitOrganisasi

    p2p = UnitOrganisasi.objects.get(instansi=pd.instansi, kode="P2P")
    assert _masuk(pd, "tono").get(f"/api/tim-kerja/beban-unit/{p2p.pk}").status_code == 403
    r = _masuk(pd, "ani").get(f"/api/tim-kerja/beban-unit/{p2p.pk}")
    assert r.status_code == 200 and r.json()["ringkas"]["jumlah"] >= 3


def test_team_page_reads_each_panel_once_whatever_the_number_of_members(nasional):
    """Hot page (issue 11): the team page's query count does not grow with its members (it once read
    each member's unit of origin and scanned the workload per row) and stays within its budget."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    pd = nasional
    satu = s.bentuk_tim(pengguna=pd.u["ani"], data=data_tim(pd, nama="Tim Surveilans"), anggota=[anggota(pd, "sari")],
                        ketua_id=pd.p["sari"].id)
    dua = _tim(pd)
    c = _masuk(pd, "ani")

    def kueri(tim: TimKerja) -> int:
        url = reverse("timkerja:detail", args=[tim.pk])
        c.get(url)
        with CaptureQueriesContext(connection) as q:
            r = c.get(url)
        assert r.status_code == 200
        return len(q)

    n = kueri(satu)
    assert kueri(dua) == n
    assert n <= 16, n  # 18 before the user came with his instansi and pegawai


def test_prepared_visibility_check_equals_the_rule_for_every_user(nasional):
    """``selectors.boleh_lihat_tim`` (prepared, sikerja.kueri) answers as ``tim_terlihat`` does, for every
    pegawai of the instansi and one of another instansi, on a team and on a team of another unit."""
    from sikerja.organisasi.testing import buat_akun
    from sikerja.timkerja import selectors

    pd = nasional
    tim = _tim(pd)
    lain = s.bentuk_tim(pengguna=pd.u["kadis"], data=data_tim(pd, unit="DINKES", nama="Tim Rapid Response"),
                        anggota=[anggota(pd, "tono")], ketua_id=pd.p["tono"].id)
    pengguna = [*pd.u.values(), buat_akun(pd.p["dodi"], inspektorat=True)]
    hasil = set()
    for u in pengguna:
        for t in (tim, lain):
            boleh = selectors.boleh_lihat_tim(u, t.pk)
            assert boleh == selectors.tim_terlihat(u).filter(pk=t.pk).exists(), (u.username, t.nama)
            hasil.add(boleh)
    assert hasil == {True, False}
