"""The tim kerja API (issue 9 point 10): the routes a client posts to are reachable, and every list
answers a page (``?page=N``/``page_size``: ``items`` and ``count``)."""

from __future__ import annotations

from datetime import date, timedelta

from django.test import Client

from sikerja.timkerja import services as s
from sikerja.timkerja.models import KapasitasPegawai, PermintaanLaporan, TimKerja

from .conftest import Pemda, anggota, data_tim

J = "application/json"


def _masuk(pd: Pemda, kunci: str) -> Client:
    c = Client()
    c.force_login(pd.u[kunci])
    return c


def _tim(pd: Pemda, nama: str = "Tim Penanggulangan DBD") -> TimKerja:
    return s.bentuk_tim(pengguna=pd.u["ani"], data=data_tim(pd, nama=nama),
                        anggota=[anggota(pd, "sari"), anggota(pd, "tono")], ketua_id=pd.p["sari"].id)


def test_capacity_import_from_the_abk_is_reachable_by_post_for_the_admin(nasional):
    """POST /kapasitas used to answer 405 (read as GET /{pk}); capacities of the Analisis Beban Kerja feed
    the unit workload view (Perwal Blitar 6/2023 Pasal 28)."""
    pd = nasional
    baris = [{"nip": pd.p["sari"].nip, "kapasitas_persen": 80}]
    r = _masuk(pd, "tono").post("/api/tim-kerja/kapasitas", baris, content_type=J)
    assert r.status_code == 403 and "admin instansi atau BKPSDM" in r.json()["detail"]
    admin = pd.u["kadis"]
    admin.admin_instansi = True
    admin.save()
    c = _masuk(pd, "kadis")
    r = c.post("/api/tim-kerja/kapasitas", baris, content_type=J)
    assert r.status_code == 200, r.content
    assert r.json() == {"jumlah": 1}
    assert KapasitasPegawai.objects.get(pegawai=pd.p["sari"]).kapasitas_persen == 80
    r = c.post("/api/tim-kerja/kapasitas", [{"nip": "000", "kapasitas_persen": 80}], content_type=J)
    assert r.status_code == 400 and "Baris 1: NIP 000 tidak terdaftar" in r.json()["detail"]


def test_a_team_id_that_is_not_a_number_is_not_found_rather_than_refused_as_a_method(nasional):
    assert _masuk(nasional, "ani").get("/api/tim-kerja/bukan-angka").status_code == 404


def test_team_list_is_paged_with_items_and_count(nasional):
    pd = nasional
    for i in range(3):
        _tim(pd, f"Tim {i}")
    c = _masuk(pd, "ani")
    r = c.get("/api/tim-kerja/?page_size=2").json()
    assert r["count"] == 3 and [t["nama"] for t in r["items"]] == ["Tim 2", "Tim 1"]
    r = c.get("/api/tim-kerja/?page=2&page_size=2").json()
    assert r["count"] == 3 and [t["nama"] for t in r["items"]] == ["Tim 0"]
    assert c.get("/api/tim-kerja/?status=dibubarkan").json() == {"items": [], "count": 0}


def test_my_teams_kendala_and_ketua_candidates_are_paged(nasional):
    pd = nasional
    tim = _tim(pd)
    s.ajukan_kendala(pengguna=pd.u["sari"], tim_id=tim.id, judul="Data", uraian="Terlambat", alternatif=["A", "B"])
    saya = _masuk(pd, "tono").get("/api/tim-kerja/saya").json()
    assert saya["count"] == 1 and saya["items"][0]["tim_id"] == tim.id
    c = _masuk(pd, "ani")
    kendala = c.get(f"/api/tim-kerja/{tim.id}/kendala").json()
    assert kendala["count"] == 1 and kendala["items"][0]["alternatif"] == ["A", "B"]
    kandidat = c.get(f"/api/tim-kerja/{tim.id}/kandidat-ketua?page_size=1").json()
    assert len(kandidat["items"]) == 1 and kandidat["count"] >= 1


def test_team_reports_and_overdue_reports_are_separate_pages(nasional):
    """Reports and the overdue ones (an unanswered on-demand request past its deadline, TK-14 and
    KINERJA §2.6: overdue → flagged) each answer a page."""
    pd = nasional
    tim = _tim(pd)
    s.kirim_laporan(pengguna=pd.u["tono"], tim_id=tim.id, jenis="anggota_ke_ketua", periode_mulai=date.today(),
                    periode_selesai=date.today(), progres="Data minggu pertama")
    minta = s.minta_laporan(pengguna=pd.u["ani"], tim_id=tim.id, sasaran_id=pd.p["sari"].id, batas_waktu=date.today())
    PermintaanLaporan.objects.filter(pk=minta.pk).update(batas_waktu=date.today() - timedelta(days=1))  # time passes
    c = _masuk(pd, "ani")
    lap = c.get(f"/api/tim-kerja/{tim.id}/laporan").json()
    assert lap["count"] == 1 and lap["items"][0]["progres"] == "Data minggu pertama"
    telat = c.get(f"/api/tim-kerja/{tim.id}/laporan/terlambat").json()
    assert {(x["jenis"], x["pelapor"]) for x in telat["items"]} >= {("permintaan", "Sari Epidemiolog")}
    assert telat["count"] == len(telat["items"])
    assert _masuk(pd, "bambang").get(f"/api/tim-kerja/{tim.id}/laporan/terlambat").status_code == 404
