"""JSON API: same rights as the pages (403 wrong actor, 404 other instansi, 400 refused input)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest


@pytest.fixture
def api(client):  # type: ignore[no-untyped-def]
    def _api(user):  # type: ignore[no-untyped-def]
        client.force_login(user)
        return client
    return _api


def _body(**kw):
    d = {"judul": "Surveilans", "mulai": date.today().isoformat(),
         "selesai": (date.today() + timedelta(days=30)).isoformat(), "maksud_tujuan": "Menurunkan kasus",
         "uraian_tugas": "Analisis", "kompetensi_dibutuhkan": "epidemiologi", "target_kinerja": ["Laporan"]}
    d.update(kw)
    return d


def test_api_lintas_unit_create_inbox_transition_and_download(org, api):
    c = api(org.u["bambang"])
    r = c.post("/api/penugasan/lintas-unit", _body(ppk_tujuan_id=org.p["ani"].pk), content_type="application/json")
    assert r.status_code == 201, r.content
    pid = r.json()["id"]
    c.logout()
    c = api(org.u["ani"])
    inbox = c.get("/api/penugasan/kotak-masuk").json()["items"]  # paginated (issue 10): items/count
    assert [i["penugasan_id"] for i in inbox if i["jenis"] == "tindakan"] == [pid]
    r = c.post(f"/api/penugasan/{pid}/transisi", {"aksi": "setujui", "penerima": [
        {"pegawai_id": org.p["sari"].pk, "beban_persen": 25}]}, content_type="application/json")
    assert r.status_code == 200 and r.json()["status"] == "ditugaskan"
    sid = next(s["id"] for s in r.json()["surat"] if s["jenis"] == "penugasan")
    pdf = c.get(f"/api/penugasan/surat/{sid}/pdf")
    assert pdf.status_code == 200 and pdf.content[:4] == b"%PDF"


def test_api_wrong_actor_403_missing_field_400_other_instansi_404(org, api):
    c = api(org.u["bambang"])
    r = c.post("/api/penugasan/lintas-unit", _body(maksud_tujuan="", ppk_tujuan_id=org.p["ani"].pk),
               content_type="application/json")
    assert r.status_code == 400 and "Maksud dan tujuan" in r.json()["detail"]
    pid = c.post("/api/penugasan/lintas-unit", _body(ppk_tujuan_id=org.p["ani"].pk),
                 content_type="application/json").json()["id"]
    r = c.post(f"/api/penugasan/{pid}/transisi", {"aksi": "setujui"}, content_type="application/json")
    assert r.status_code == 403
    c.logout()
    c = api(org.u["citra"])
    assert c.post(f"/api/penugasan/{pid}/transisi", {"aksi": "setujui"},
                  content_type="application/json").status_code == 404
    assert pid not in [p["id"] for p in c.get("/api/penugasan/").json()["items"]]


def test_api_sukarela_across_instansi_is_refused(org, api):
    r = api(org.u["sari"]).post("/api/penugasan/sukarela", _body(beban_diajukan=10, puo_tujuan_id=org.p["citra"].pk),
                                content_type="application/json")
    assert r.status_code == 400 and "instansi sendiri" in r.json()["detail"]


def test_api_each_path_can_be_started(org, api):
    c = api(org.u["ani"])
    r = c.post("/api/penugasan/dalam-unit", _body(penerima=[{"pegawai_id": org.p["sari"].pk, "beban_persen": 10}]),
               content_type="application/json")
    assert r.status_code == 201 and r.json()["status"] == "ditugaskan"
    r = c.post("/api/penugasan/lintas-instansi", _body(instansi_tujuan_id=org.b.pk), content_type="application/json")
    assert r.status_code == 201 and r.json()["status"] == "menunggu_pyb_pemohon"
    c.logout()
    r = api(org.u["tono"]).post("/api/penugasan/sukarela", _body(beban_diajukan=10), content_type="application/json")
    assert r.status_code == 201 and r.json()["jalur"] == "sukarela_dalam_unit"


def test_openapi_lists_penugasan_endpoints(org, api):
    spec = api(org.u["ani"]).get("/api/openapi.json").json()
    assert "/api/penugasan/{pk}/transisi" in spec["paths"]
