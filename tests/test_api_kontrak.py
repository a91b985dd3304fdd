"""The API keeps its published contract (issue 9, "How it is judged"): every answer the API
gives in the five penugasan walks, in the other decisions, and in a sweep of every GET without
parameters is validated against its operation's schema in /api/openapi.json (jsonschema,
draft 2020-12, the dialect of OpenAPI 3.1). An answer with a status the operation does not
document fails too, and so does an operation with no response schema that is not listed below.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from jsonschema import Draft202012Validator

from sikerja.penugasan.tests.conftest import buat_dua_instansi
from sikerja.penugasan.tests.test_api_jalur import (
    KlienApi,
    jalan_dalam_unit,
    jalan_lintas_instansi,
    jalan_lintas_instansi_kepala_daerah,
    jalan_lintas_unit,
    jalan_lintas_unit_dengan_rekomendasi,
    jalan_sukarela_dalam_unit,
    jalan_sukarela_lintas_unit,
    jalan_tolak_kembalikan_cabut_koreksi,
)

pytestmark = pytest.mark.django_db

# Operations whose success answer has no response schema, each with why. Empty: every operation
# (penugasan, organisasi, kedudukan, tim kerja, siklus) declares ``response=``; an operation added
# without one fails the last test until it does or is listed here with its reason.
TANPA_SKEMA: dict[tuple[str, str], str] = {}


def _spesifikasi() -> dict[str, Any]:
    r = Client().get("/api/openapi.json")
    assert r.status_code == 200
    return r.json()  # type: ignore[no-any-return]


def _operasi(spec: dict[str, Any], metode: str, url: str) -> tuple[str, dict[str, Any]]:
    """The operation a concrete URL answers: the template matching it with the fewest parameters
    (``/api/penugasan/surat`` is its own operation, not ``/api/penugasan/{pk}``)."""
    cocok = []
    for tmpl, ops in spec["paths"].items():
        pola = "^" + re.sub(r"\{[^}]+\}", "[^/]+", re.escape(tmpl).replace(r"\{", "{").replace(r"\}", "}")) + "$"
        if metode in ops and re.match(pola, url):
            cocok.append((tmpl.count("{"), tmpl))
    assert cocok, f"{metode.upper()} {url} tidak ada di openapi.json"
    tmpl = min(cocok)[1]
    return tmpl, spec["paths"][tmpl][metode]


def _galat_kontrak(spec: dict[str, Any], catatan: list[dict[str, Any]]) -> list[str]:
    galat = []
    for c in catatan:
        tmpl, op = _operasi(spec, c["metode"], c["url"])
        nama = f"{c['metode'].upper()} {tmpl} → {c['status']}"
        jawab = op["responses"].get(str(c["status"]))
        if jawab is None:
            galat.append(f"{nama}: status tidak didokumentasikan")
            continue
        isi = jawab.get("content", {})
        if c["json"] is None:
            if not any(c["jenis"].startswith(k) for k in isi):
                galat.append(f"{nama}: {c['jenis']} tidak didokumentasikan ({list(isi)})")
            continue
        skema = isi.get("application/json", {}).get("schema")
        if skema is None and (c["metode"], tmpl) in TANPA_SKEMA:
            continue
        if skema is None:
            galat.append(f"{nama}: tanpa skema JSON")
            continue
        v = Draft202012Validator({**skema, "components": spec.get("components", {})})
        for e in v.iter_errors(c["json"]):
            galat.append(f"{nama}: {'/'.join(map(str, e.absolute_path))}: {e.message[:200]}")
    return galat


def _get_tanpa_parameter(spec: dict[str, Any]) -> list[str]:
    """GET operations a client can call with no path parameter and no required query parameter."""
    hasil = []
    for tmpl, ops in spec["paths"].items():
        op = ops.get("get")
        if op is None or "{" in tmpl:
            continue
        if any(p.get("required") for p in op.get("parameters", [])):
            continue
        hasil.append(tmpl)
    return sorted(hasil)


def test_every_answer_of_the_penugasan_walks_matches_the_openapi_schema():
    org = buat_dua_instansi(dengan_madya=True)
    catatan: list[dict[str, Any]] = []

    def klien(nama: str) -> KlienApi:
        return KlienApi(org.u[nama], catatan)

    for jalan in (jalan_dalam_unit, jalan_lintas_unit, jalan_lintas_unit_dengan_rekomendasi, jalan_lintas_instansi,
                  jalan_sukarela_dalam_unit, jalan_sukarela_lintas_unit, jalan_tolak_kembalikan_cabut_koreksi):
        jalan(klien)
    spec = _spesifikasi()
    # Refusals are part of the contract too: 403, 404, 400, 409 with their ``detail``.
    k = klien("sari")
    k.get("/api/penugasan/jalur/lintas_unit/dituju", status=403)
    k.get("/api/penugasan/999999", status=404)
    k.get("/api/penugasan/999999/jejak", status=404)
    k.post("/api/penugasan/999999/setujui", {}, status=404)
    k.post("/api/penugasan/lintas-unit", {"judul": "x", "mulai": "2026-01-01", "selesai": "2026-02-01",
                                          "ppk_tujuan_id": 1}, status=403)
    assert len({(c["metode"], _operasi(spec, c["metode"], c["url"])[0]) for c in catatan}) >= 20
    galat = _galat_kontrak(spec, catatan)
    assert not galat, "\n".join(galat)


def test_every_answer_of_the_keputusan_kepala_daerah_walk_matches_the_openapi_schema():
    """Blitar's lintas-instansi table: the Keputusan Kepala Daerah (Perwal Blitar 6/2023 Pasal 21 ayat (1) huruf c)."""
    org = buat_dua_instansi(profil_a="blitar")
    catatan: list[dict[str, Any]] = []
    jalan_lintas_instansi_kepala_daerah(lambda n: KlienApi(org.u[n], catatan))
    galat = _galat_kontrak(_spesifikasi(), catatan)
    assert not galat, "\n".join(galat)


@pytest.mark.parametrize("nama", ["ani", "sari", "sekda_b"])
def test_every_get_without_parameters_matches_the_openapi_schema(nama):
    """Each role's view of every parameter-less list (penugasan, tim kerja, siklus, organisasi...)."""
    org = buat_dua_instansi(dengan_madya=True)
    catatan: list[dict[str, Any]] = []
    jalan_lintas_instansi(lambda n: KlienApi(org.u[n]))  # something to list
    k = KlienApi(org.u[nama], catatan)
    spec = _spesifikasi()
    for url in _get_tanpa_parameter(spec):
        if url in ("/api/docs", "/api/openapi.json"):
            continue
        k._catat("get", url, k.c.get(url, **k.h))
    gagal = [f"{c['url']} → {c['status']}" for c in catatan if c["status"] >= 500]
    assert gagal == []
    galat = _galat_kontrak(spec, catatan)
    assert not galat, "\n".join(galat)


def test_every_operation_documents_its_success_answer():
    """An operation without a response schema leaves a client guessing; the known ones are listed with why."""
    spec = _spesifikasi()
    tanpa = set()
    for tmpl, ops in spec["paths"].items():
        for metode, op in ops.items():
            sukses = {k: v for k, v in op["responses"].items() if k.startswith("2")}
            if not any(v.get("content") for v in sukses.values()):
                tanpa.add((metode, tmpl))
    assert tanpa == set(TANPA_SKEMA), "\n".join(f"{m.upper()} {t}" for m, t in sorted(tanpa ^ set(TANPA_SKEMA)))


def test_no_two_api_schemas_share_a_name():
    """django-ninja files every schema under its class name in ``components``: two routers with a
    ``LaporanIn`` each publish only one of them, and the other operation documents a body it does
    not accept (found here: tim kerja vs siklus, penugasan vs organisasi and siklus)."""
    from ninja import Schema

    import sikerja.api  # noqa: F401  (every router imported)

    def turunan(k: type) -> list[type]:
        return [k, *[x for s in k.__subclasses__() for x in turunan(s)]]

    per_nama: dict[str, set[str]] = {}
    for k in turunan(Schema):
        if k.__module__.startswith("sikerja.") and k.__module__.endswith(".api") and "." not in k.__qualname__:
            per_nama.setdefault(k.__name__, set()).add(k.__module__)
    assert {n: m for n, m in per_nama.items() if len(m) > 1} == {}


def _skema_200(spec: dict[str, Any], op: dict[str, Any]) -> dict[str, Any]:
    skema = op["responses"]["200"]["content"]["application/json"]["schema"]
    while "$ref" in skema:
        skema = spec["components"]["schemas"][skema["$ref"].rsplit("/", 1)[1]]
    return skema  # type: ignore[no-any-return]


def test_every_tim_kerja_and_siklus_list_answers_a_page():
    """A list a client reads grows with the instansi: each answers ``items`` and ``count`` (``?page=N``),
    as penugasan's do, never a bare array (issue 9 point 10)."""
    spec = _spesifikasi()
    telanjang, halaman = [], []
    for tmpl, ops in spec["paths"].items():
        if not tmpl.startswith(("/api/tim-kerja/", "/api/siklus/")) or "get" not in ops:
            continue
        if "application/json" not in ops["get"]["responses"].get("200", {}).get("content", {}):
            continue  # the PK spreadsheet
        skema = _skema_200(spec, ops["get"])
        if skema.get("type") == "array":
            telanjang.append(tmpl)
        elif set(skema.get("properties", {})) == {"items", "count"}:
            halaman.append(tmpl)
    assert telanjang == []
    assert set(halaman) >= {"/api/tim-kerja/", "/api/tim-kerja/saya", "/api/tim-kerja/{pk}/kandidat-ketua",
                            "/api/tim-kerja/{pk}/kendala", "/api/tim-kerja/{pk}/laporan",
                            "/api/tim-kerja/{pk}/laporan/terlambat", "/api/tim-kerja/pengganti/berlaku",
                            "/api/siklus/pk", "/api/siklus/pk/{pk}/target", "/api/siklus/kegiatan",
                            "/api/siklus/linimasa"}


def test_every_answer_of_a_tim_kerja_walk_matches_the_openapi_schema():
    """A team formed, staffed, reported on and its kendala decided, through the API alone (the
    refusals included): each answer against its schema."""
    from sikerja.organisasi.models import UnitOrganisasi
    from sikerja.timkerja.tests.conftest import buat_pemda

    pd = buat_pemda("nasional")
    catatan: list[dict[str, Any]] = []
    ani, sari, tono = (KlienApi(pd.u[n], catatan) for n in ("ani", "sari", "tono"))
    p2p = UnitOrganisasi.objects.get(instansi=pd.instansi, kode="P2P").id
    t = ani.post("/api/tim-kerja/", {"nama": "Tim DBD", "unit_pemilik_id": p2p, "masa_mulai": "2026-12-01",
                                     "masa_selesai": "2027-03-01", "target": ["Insiden DBD turun 20%"]})
    u = f"/api/tim-kerja/{t['id']}"
    ani.post(f"{u}/anggota", [{"pegawai_id": pd.p[n].id, "peran": "Analis", "porsi_persen": 10}  # type: ignore[arg-type]
                              for n in ("sari", "tono")])
    ani.get(f"{u}/kandidat-ketua")
    ani.post(f"{u}/ketua", {"ketua_id": pd.p["sari"].id})
    sari.post(f"{u}/anggota/{pd.p['tono'].id}/peran", {"peran": "Pengumpul data"})  # the ketua divides roles
    ani.post(f"{u}/ajukan")
    for bagian in ("", "/matriks", "/kendala", "/laporan", "/laporan/terlambat"):
        ani.get(u + bagian)
    ani.get("/api/tim-kerja/?status=aktif")
    ani.get(f"/api/tim-kerja/beban-unit/{p2p}")
    tono.get("/api/tim-kerja/saya")
    ani.post(f"{u}/permintaan-laporan", {"sasaran_id": pd.p["sari"].id, "batas_waktu": "2099-01-01"})
    sari.post(f"{u}/laporan", {"jenis": "ketua_ke_puo", "periode_mulai": "2026-12-01",
                               "periode_selesai": "2026-12-31", "progres": "Survei selesai"})
    k = tono.post(f"{u}/kendala", {"judul": "Data", "uraian": "Terlambat", "alternatif": ["A", "B"]})
    ani.post(f"{u}/kendala/{k['id']}/keputusan", {"tindakan": "putuskan", "alasan": "Cepat", "opsi": 1})
    ani.get(f"{u}/kendala")
    # Refusals: {detail} with a documented status.
    ani.get("/api/tim-kerja/999999", status=404)
    ani.post(f"{u}/kendala/999999/keputusan", {"tindakan": "putuskan", "alasan": "x"}, status=404)
    tono.post("/api/tim-kerja/kapasitas", [{"nip": pd.p["sari"].nip, "kapasitas_persen": 80}],  # type: ignore[arg-type]
              status=403)
    tono.get(f"/api/tim-kerja/beban-unit/{p2p}", status=403)
    tono.post("/api/tim-kerja/pengganti/catat", {"unit_id": p2p, "pegawai_id": pd.p["sari"].id, "jenis": "plh",
                                                 "nomor_sk": "1", "tanggal_sk": "2026-12-01", "mulai": "2026-12-01",
                                                 "selesai": "2026-12-02"}, status=403)
    galat = _galat_kontrak(_spesifikasi(), catatan)
    assert not galat, "\n".join(galat)


def test_every_answer_of_a_siklus_walk_matches_the_openapi_schema():
    """A PK, its targets split and a kegiatan carried out to review, through the API (the kegiatan is
    planned by the services): each answer against its schema, the spreadsheet against its media type."""
    from sikerja.siklus.tests.conftest import TAHUN, buat_pemda, kegiatan_berjalan

    pd = buat_pemda("pasuruan")
    catatan: list[dict[str, Any]] = []
    kadis, ani, sari = (KlienApi(pd.u[n], catatan) for n in ("kadis", "ani", "sari"))
    pk = kadis.post("/api/siklus/pk", {"unit_id": pd.unit("DINKES").id, "tahun": TAHUN}, status=201)
    t = kadis.post(f"/api/siklus/pk/{pk['id']}/target", {"indikator": "Kasus DBD turun", "nilai_target": 20,
                                                         "satuan": "persen", "batas_waktu": f"{TAHUN}-12-31"},
                   status=201)
    sub = kadis.post(f"/api/siklus/target/{t['id']}/bagi", {"indikator": "Kasus DBD turun di kecamatan endemis",
                                                            "nilai_target": 10, "satuan": "persen",
                                                            "batas_waktu": f"{TAHUN}-12-31",
                                                            "unit_id": pd.unit("P2P").id}, status=201)
    ani.post(f"/api/siklus/target/{sub['id']}/strategi", {"mode": "individu"})
    for url in (f"/api/siklus/pk/{pk['id']}", f"/api/siklus/pk/{pk['id']}/target", f"/api/siklus/pk/{pk['id']}/ekspor",
                "/api/siklus/pk"):
        kadis.get(url)
    kg = kegiatan_berjalan(pd, "ani", "P2P", "sari")
    u = f"/api/siklus/kegiatan/{kg.id}"
    sari.post(f"{u}/progres", {"persen": 40, "capaian": "Data terkumpul"}, status=201)
    ani.post(f"{u}/umpan-balik", {"isi": "Prioritaskan kecamatan A"}, status=201)
    sari.post(f"{u}/ajukan-hasil", {"keluaran": "Naskah"})
    for k, url in ((ani, u), (ani, f"{u}/riwayat"), (ani, "/api/siklus/kegiatan"), (ani, "/api/siklus/papan"),
                   (ani, f"/api/siklus/linimasa?tahun={kg.mulai.year}"), (ani, "/api/siklus/dasbor"),
                   (sari, "/api/siklus/dasbor")):
        k.get(url)
    ani.post("/api/siklus/permintaan-laporan", {"sasaran_id": pd.p["sari"].id, "batas_waktu": "2099-01-01"},
             status=201)
    sari.post("/api/siklus/laporan", {"periode_mulai": f"{TAHUN}-01-01", "periode_selesai": f"{TAHUN}-01-31",
                                      "capaian": "Naskah selesai"}, status=201)
    # Refusals: {detail} with a documented status.
    kadis.get("/api/siklus/pk/999999", status=404)
    kadis.get("/api/siklus/pk/999999/ekspor", status=404)
    ani.get("/api/siklus/kegiatan/999999", status=404)
    sari.post(f"{u}/terima", {}, status=403)
    galat = _galat_kontrak(_spesifikasi(), catatan)
    assert not galat, "\n".join(galat)
