"""The siklus kerja API (issue 9 point 10, issue 14 point 7): the PK import a client posts to is
reachable, and every list answers a page (``?page=N``/``page_size``: ``items`` and ``count``)."""

from __future__ import annotations

import base64
import io

from django.test import Client
from openpyxl import Workbook

from ..models import PerjanjianKinerja
from .conftest import TAHUN, Pemda, kegiatan_berjalan, target_di

J = "application/json"
KEPALA = ["sasaran", "indikator", "nilai_target", "satuan", "batas_waktu", "jenis_penugasan"]


def _masuk(pd: Pemda, kunci: str) -> Client:
    c = Client()
    c.force_login(pd.u[kunci])
    return c


def _xlsx_base64(rows: list[list[object]]) -> str:
    wb = Workbook()
    for r in rows:
        wb.active.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return base64.b64encode(buf.getvalue()).decode()


def test_pk_import_is_reachable_by_post_and_creates_the_pk_with_its_targets(pasuruan):
    """POST /pk/impor used to answer 405 (read as GET /pk/{pk}). The head of the unit sets its PK
    (Perjanjian Kinerja, Magelang Lampiran II); the spreadsheet's rows become its targets, all or none."""
    pd = pasuruan
    isi = _xlsx_base64([KEPALA, ["Kesehatan", "Kasus DBD turun", 20, "persen", f"{TAHUN}-12-31", "tim"],
                        ["Kesehatan", "Cakupan imunisasi", "95", "persen", f"{TAHUN}-11-30", "individu"]])
    data = {"unit_id": pd.unit("DINKES").id, "tahun": TAHUN, "isi_base64": isi}
    r = _masuk(pd, "kadis").post("/api/siklus/pk/impor", data, content_type=J)
    assert r.status_code == 201, r.content
    pk = PerjanjianKinerja.objects.get(pk=r.json()["id"])
    assert list(pk.target.order_by("id").values_list("indikator", flat=True)) == ["Kasus DBD turun",
                                                                                  "Cakupan imunisasi"]
    r = _masuk(pd, "kadis").get(f"/api/siklus/pk/{pk.id}/target?page_size=1").json()
    assert r["count"] == 2 and [t["indikator"] for t in r["items"]] == ["Kasus DBD turun"]


def test_pk_import_refusals_answer_with_detail(pasuruan):
    pd = pasuruan
    c = _masuk(pd, "kadis")
    data = {"unit_id": pd.unit("DINKES").id, "tahun": TAHUN, "isi_base64": "bukan base64!"}
    r = c.post("/api/siklus/pk/impor", data, content_type=J)
    assert r.status_code == 400 and r.json() == {"detail": "isi_base64 tidak sah."}
    isi = _xlsx_base64([KEPALA, ["", "Kasus DBD turun", "dua puluh", "persen", f"{TAHUN}-12-31", ""]])
    r = c.post("/api/siklus/pk/impor", {**data, "isi_base64": isi}, content_type=J)
    assert r.status_code == 400 and "nilai_target" in r.json()["detail"]
    r = _masuk(pd, "hana").post("/api/siklus/pk/impor", {**data, "isi_base64": isi}, content_type=J)
    assert r.status_code in (400, 403) and r.json()["detail"]
    assert not PerjanjianKinerja.objects.exists()


def test_pk_export_still_answers_the_spreadsheet(pasuruan):
    pd = pasuruan
    t = target_di(pd, "kadis", "DINKES")
    r = _masuk(pd, "kadis").get(f"/api/siklus/pk/{t.pk_kinerja_id}/ekspor")
    assert r.status_code == 200 and r["Content-Type"].startswith("application/vnd.openxmlformats")
    assert _masuk(pd, "kadis").get("/api/siklus/pk/999999/ekspor").json() == {
        "detail": "Perjanjian kinerja tidak ditemukan."}


def test_pk_kegiatan_and_timeline_lists_are_paged(pasuruan):
    pd = pasuruan
    kg = kegiatan_berjalan(pd, "ani", "P2P", "sari")
    kegiatan_berjalan(pd, "ani", "P2P", "sari", target=kg.target)
    c = _masuk(pd, "ani")
    pk = c.get("/api/siklus/pk").json()
    assert pk["count"] == 1 and pk["items"][0]["id"] == kg.target.pk_kinerja_id
    assert c.get(f"/api/siklus/pk?tahun={TAHUN + 1}").json() == {"items": [], "count": 0}
    daftar = c.get("/api/siklus/kegiatan?page_size=1").json()
    assert daftar["count"] == 2 and len(daftar["items"]) == 1
    daftar2 = c.get("/api/siklus/kegiatan?page=2&page_size=1").json()
    assert daftar2["items"][0]["id"] != daftar["items"][0]["id"]
    lini = c.get(f"/api/siklus/linimasa?tahun={kg.mulai.year}").json()
    assert lini["count"] == 2 and {x["id"] for x in lini["items"]} >= {kg.id}
    assert _masuk(pd, "hana").get("/api/siklus/kegiatan").json() == {"items": [], "count": 0}
