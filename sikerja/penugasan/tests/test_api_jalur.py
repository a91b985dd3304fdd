"""Issue 9 point 10: a machine client holding only an API token drives each of the five paths
from the request to the surat penugasan, finding every id through the API itself (pegawai,
officials dituju, instansi, candidates, the PPK a PyB instructs, letters and their PDF).

The walks are plain functions taking a client factory, so tests/test_api_kontrak.py replays
them and validates every answer against /api/openapi.json.

Paths (alur.py): penunjukan dalam unit (Karangasem Pasal 14 ayat (2)), lintas unit (Pasal 14
ayat (3); with the PUO's recommendation, Pasuruan Lampiran II.B.2.a.2 huruf c), lintas instansi
(Pasal 14 ayat (4)), pengajuan sukarela dalam unit (Pasal 15 ayat (2)) and lintas unit (Pasal 15
ayat (3)).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client

from sikerja.akun import token

from .conftest import Org, buat_dua_instansi


class KlienApi:
    """A client that knows only its token (no session, no database access)."""

    def __init__(self, pengguna: Any, catatan: list[dict[str, Any]] | None = None) -> None:
        _, rahasia = token.buat(pelaku=pengguna, pemilik=pengguna, nama="portal SPBE", tulis=True)
        self.c = Client()
        self.h = {"HTTP_AUTHORIZATION": f"Bearer {rahasia}"}
        self.catatan = catatan

    def _catat(self, metode: str, url: str, r: Any) -> Any:
        if self.catatan is not None:
            jenis = r.get("Content-Type", "")
            self.catatan.append({"metode": metode, "url": url.split("?")[0], "status": r.status_code,
                                 "jenis": jenis, "json": r.json() if jenis.startswith("application/json") else None})
        return r

    def get(self, url: str, status: int = 200, **params: Any) -> Any:
        r = self._catat("get", url, self.c.get(url, params, **self.h))
        assert r.status_code == status, (url, r.status_code, r.content[:500])
        return r.json() if r.get("Content-Type", "").startswith("application/json") else r

    def post(self, url: str, body: dict[str, Any] | None = None, status: int = 200) -> Any:
        r = self._catat("post", url, self.c.post(url, body or {}, content_type="application/json", **self.h))
        assert r.status_code == status, (url, r.status_code, r.content[:500])
        return r.json()

    def semua(self, url: str, **params: Any) -> list[dict[str, Any]]:
        """Every item of a paged list: ``?page=N`` (penugasan) or ``?offset=N`` (organisasi); each
        router ignores the other's parameter."""
        hasil: list[dict[str, Any]] = []
        halaman = 1
        while True:
            d = self.get(url, page=halaman, offset=len(hasil), **params)
            hasil += d["items"]
            if len(hasil) >= d["count"] or not d["items"]:
                return hasil
            halaman += 1


Klien = Callable[[str], KlienApi]


def _isi(**kw: Any) -> dict[str, Any]:
    """The content of a request (Karangasem Pasal 14 ayat (5); Blitar Pasal 24 ayat (3))."""
    d = {"judul": "Surveilans DBD musim hujan", "mulai": date.today().isoformat(),
         "selesai": (date.today() + timedelta(days=60)).isoformat(),
         "maksud_tujuan": "Menurunkan kasus DBD melalui surveilans aktif",
         "uraian_tugas": "Analisis data kasus mingguan", "kompetensi_dibutuhkan": "epidemiologi",
         "target_kinerja": ["Laporan surveilans mingguan"]}
    d.update(kw)
    return d


def _satu(rows: list[dict[str, Any]], nama: str) -> dict[str, Any]:
    cocok = [r for r in rows if r["nama"] == nama]
    assert len(cocok) == 1, (nama, [r["nama"] for r in rows])
    return cocok[0]


def _jalur(k: KlienApi, kode: str) -> dict[str, Any]:
    j = next(x for x in k.semua("/api/penugasan/jalur") if x["kode"] == kode)
    assert j["boleh"], j["alasan_tertutup"]
    assert j["dasar_hukum"] and j["label"]
    return j


def _tindakan(k: KlienApi) -> int:
    """The assignment waiting for this user's decision, read from his inbox."""
    ids = [i["penugasan_id"] for i in k.semua("/api/penugasan/kotak-masuk") if i["jenis"] == "tindakan"]
    assert len(ids) == 1, ids
    return ids[0]


def _setujui_dengan_kandidat(k: KlienApi, pk: int, nama: str, beban: int = 20) -> dict[str, Any]:
    d = k.get(f"/api/penugasan/{pk}")
    setujui = next(x for x in d["keputusan"] if x["aksi"] == "setujui")
    assert setujui["pilih_pegawai"]
    calon = _satu(k.semua(f"/api/penugasan/{pk}/kandidat"), nama)
    return k.post(f"/api/penugasan/{pk}/setujui", {"penerima": [{"pegawai_id": calon["id"], "beban_persen": beban}]})


def _surat_penugasan(k: KlienApi, pk: int, penerima: str, penandatangan: str) -> dict[str, Any]:
    """The issued surat penugasan as the API lists it, with its PDF fetched through its link."""
    surat = [s for s in k.semua(f"/api/penugasan/{pk}/surat") if s["jenis"] == "penugasan"]
    assert len(surat) == 1, surat
    s = surat[0]
    assert s["status"] == "berlaku" and s["nomor"] and s["penandatangan"] == penandatangan
    assert [x["nama"] for x in s["kepada"]] == [penerima]
    assert k.get(s["pdf"]).content[:4] == b"%PDF"
    assert k.get(f"/api/penugasan/surat/{s['id']}")["verifikasi"] == s["verifikasi"]
    return s


def _jejak(k: KlienApi, pk: int) -> list[str]:
    return [t["aksi"] for t in k.semua(f"/api/penugasan/{pk}/jejak")]


# --- the five walks --------------------------------------------------------------------------


def jalan_dalam_unit(klien: Klien) -> int:
    """Karangasem Pasal 14 ayat (2): the PUO assigns his own pegawai at once."""
    ani = klien("ani")
    j = _jalur(ani, "dalam_unit")
    calon = _satu(ani.semua("/api/penugasan/kandidat", kompetensi="epidemiologi"), "Sari Epidemiolog")
    assert calon["kompetensi_cocok"] == ["Epidemiologi"]
    p = ani.post(j["buat"], _isi(penerima=[{"pegawai_id": calon["id"], "beban_persen": 20}]), status=201)
    assert p["status"] == "ditugaskan"
    _surat_penugasan(ani, p["id"], "Sari Epidemiolog", "Ani Kabid")
    assert _jejak(ani, p["id"]) == ["buat"]
    # The assignee reads it through his own token.
    sari = klien("sari")
    assert p["id"] in [i["penugasan_id"] for i in sari.semua("/api/penugasan/kotak-masuk")]
    _surat_penugasan(sari, p["id"], "Sari Epidemiolog", "Ani Kabid")
    return int(p["id"])


def jalan_lintas_unit(klien: Klien) -> int:
    """Karangasem Pasal 14 ayat (3): a request to the PPK where the pegawai sit, who chooses and assigns."""
    bambang = klien("bambang")
    j = _jalur(bambang, "lintas_unit")
    assert j["field_dituju"] == "ppk_tujuan_id"
    ani_id = _satu(bambang.semua(f"/api/penugasan/jalur/{j['kode']}/dituju", q="Ani"), "Ani Kabid")["id"]
    p = bambang.post(j["buat"], _isi(**{j["field_dituju"]: ani_id}), status=201)
    assert p["status"] == "menunggu_ppk_tujuan"
    ani = klien("ani")
    pk = _tindakan(ani)
    assert pk == p["id"]
    # Ani leads Sari herself: her choice is the recommendation (Pasuruan Lampiran II.B.2.a.2 huruf c).
    d = _setujui_dengan_kandidat(ani, pk, "Sari Epidemiolog")
    assert d["status"] == "ditugaskan"
    _surat_penugasan(ani, pk, "Sari Epidemiolog", "Ani Kabid")
    _surat_penugasan(bambang, pk, "Sari Epidemiolog", "Ani Kabid")
    return pk


def jalan_lintas_unit_dengan_rekomendasi(klien: Klien) -> int:
    """Pasuruan Lampiran II.B.2.a.2 huruf c: the PPK dituju chooses a pegawai another PUO leads; that
    PUO recommends before the PPK issues the surat penugasan (needs the Ahli Madya of the org)."""
    bambang = klien("bambang")
    j = _jalur(bambang, "lintas_unit")
    budi = _satu(bambang.semua(f"/api/penugasan/jalur/{j['kode']}/dituju"), "Budi Kadis")
    p = bambang.post(j["buat"], _isi(ppk_tujuan_id=budi["id"]), status=201)
    kadis = klien("kadis_a")
    pk = _tindakan(kadis)
    d = _setujui_dengan_kandidat(kadis, pk, "Wati Epidemiolog Madya")
    assert d["status"] == "menunggu_rekomendasi_puo" and d["aktor_sekarang"] == "Ani Kabid"
    ani = klien("ani")
    assert _tindakan(ani) == pk
    d = ani.post(f"/api/penugasan/{pk}/rekomendasi", {"catatan": "Berpengalaman surveilans."})
    assert d["status"] == "menunggu_penerbitan"
    assert kadis.post(f"/api/penugasan/{pk}/setujui")["status"] == "ditugaskan"
    _surat_penugasan(bambang, pk, "Wati Epidemiolog Madya", "Budi Kadis")
    jejak = kadis.semua(f"/api/penugasan/{pk}/jejak")
    assert "Memberi rekomendasi" in [t["label_aksi"] for t in jejak]
    assert p["id"] == pk
    return pk


def jalan_lintas_instansi(klien: Klien) -> int:
    """Karangasem Pasal 14 ayat (4): own PyB, target PyB instructs a PPK, the answer returns, the
    surat penugasan is issued in the target instansi and reaches the requester."""
    ani = klien("ani")
    j = _jalur(ani, "lintas_instansi")
    assert j["field_dituju"] is None
    beta = _satu(ani.semua("/api/penugasan/instansi-dituju"), "Pemerintah Kota Beta")
    assert beta["pyb_ditetapkan"]
    assert beta["id"] in [i["id"] for i in ani.semua("/api/instansi") if not i["sendiri"]]
    p = ani.post(j["buat"], _isi(instansi_tujuan_id=beta["id"]), status=201)
    assert p["status"] == "menunggu_pyb_pemohon"
    sekda_a = klien("sekda_a")
    assert sekda_a.post(f"/api/penugasan/{_tindakan(sekda_a)}/setujui")["status"] == "menunggu_pyb_tujuan"
    sekda_b = klien("sekda_b")
    pk = _tindakan(sekda_b)
    d = sekda_b.get(f"/api/penugasan/{pk}")
    assert next(x for x in d["keputusan"] if x["aksi"] == "setujui")["pilih_ppk"]
    citra = _satu(sekda_b.semua(f"/api/penugasan/{pk}/dituju"), "Citra Kabid")
    assert sekda_b.post(f"/api/penugasan/{pk}/setujui", {"ppk_tujuan_id": citra["id"]})["status"] == \
        "menunggu_ketersediaan"
    kc = klien("citra")
    assert _tindakan(kc) == pk
    assert _setujui_dengan_kandidat(kc, pk, "Eka Epidemiolog")["status"] == "menunggu_pyb_tujuan_jawaban"
    assert sekda_b.post(f"/api/penugasan/{pk}/setujui")["status"] == "menunggu_surat_penugasan"
    assert kc.post(f"/api/penugasan/{pk}/setujui")["status"] == "ditugaskan"
    _surat_penugasan(kc, pk, "Eka Epidemiolog", "Citra Kabid")
    _surat_penugasan(ani, pk, "Eka Epidemiolog", "Citra Kabid")
    return pk


def jalan_sukarela_dalam_unit(klien: Klien) -> int:
    """Karangasem Pasal 15 ayat (2): a JF/pelaksana volunteers to his own PUO, who assigns."""
    tono = klien("tono")
    j = _jalur(tono, "sukarela_dalam_unit")
    assert j["field_dituju"] is None
    p = tono.post(j["buat"], _isi(beban_diajukan=10), status=201)
    assert p["jalur"] == "sukarela_dalam_unit" and p["status"] == "menunggu_puo"
    ani = klien("ani")
    pk = _tindakan(ani)
    assert ani.post(f"/api/penugasan/{pk}/setujui")["status"] == "ditugaskan"
    _surat_penugasan(tono, pk, "Tono Pelaksana", "Ani Kabid")
    return pk


def jalan_sukarela_lintas_unit(klien: Klien) -> int:
    """Karangasem Pasal 15 ayat (3): to the PUO of another unit, forwarded to the own PPK, who assigns."""
    sari = klien("sari")
    j = _jalur(sari, "sukarela_lintas_unit")
    assert j["field_dituju"] == "puo_tujuan_id"
    bambang_id = _satu(sari.semua(f"/api/penugasan/jalur/{j['kode']}/dituju"), "Bambang Kabid")["id"]
    p = sari.post(j["buat"], _isi(beban_diajukan=10, puo_tujuan_id=bambang_id), status=201)
    assert p["jalur"] == "sukarela_lintas_unit" and p["status"] == "menunggu_puo_tujuan"
    bambang = klien("bambang")
    pk = _tindakan(bambang)
    assert bambang.post(f"/api/penugasan/{pk}/setujui")["status"] == "menunggu_diteruskan"
    assert sari.post(f"/api/penugasan/{pk}/teruskan")["status"] == "menunggu_ppk"
    ani = klien("ani")
    assert ani.post(f"/api/penugasan/{_tindakan(ani)}/setujui")["status"] == "ditugaskan"
    _surat_penugasan(sari, pk, "Sari Epidemiolog", "Ani Kabid")
    return pk


def jalan_tolak_kembalikan_cabut_koreksi(klien: Klien) -> None:
    """The other decisions: return with a reason and resubmit, refuse with a reason (answered by a
    surat jawaban, Karangasem Pasal 14 ayat (3) huruf d), correct and revoke a surat penugasan."""
    bambang, ani = klien("bambang"), klien("ani")
    ani_id = _satu(bambang.semua("/api/penugasan/jalur/lintas_unit/dituju", q="Ani"), "Ani Kabid")["id"]
    pk = bambang.post("/api/penugasan/lintas-unit", _isi(ppk_tujuan_id=ani_id), status=201)["id"]
    assert ani.post(f"/api/penugasan/{pk}/kembalikan", {"alasan": ""}, status=400)["detail"]
    d = ani.post(f"/api/penugasan/{pk}/kembalikan", {"alasan": "Uraian tugas terlalu umum."})
    assert d["status"] == "dikembalikan"
    d = bambang.post(f"/api/penugasan/{pk}/ajukan-ulang",
                     {"perubahan": _isi(uraian_tugas="Analisis data kasus mingguan per kecamatan")})
    assert d["status"] == "menunggu_ppk_tujuan"
    d = ani.post(f"/api/penugasan/{pk}/tolak", {"alasan": "Pegawai sedang penuh."})
    assert d["status"] == "ditolak"
    assert "jawaban" in [s["jenis"] for s in bambang.semua(f"/api/penugasan/{pk}/surat")]
    assert [t["alasan"] for t in bambang.semua(f"/api/penugasan/{pk}/jejak")][-1] == "Pegawai sedang penuh."

    sari_id = _satu(ani.semua("/api/organisasi/pegawai", q="Sari"), "Sari Epidemiolog")["id"]
    pk = ani.post("/api/penugasan/dalam-unit", _isi(penerima=[{"pegawai_id": sari_id, "beban_persen": 10}]),
                  status=201)["id"]
    sid = next(s["id"] for s in ani.semua(f"/api/penugasan/{pk}/surat") if s["jenis"] == "penugasan")
    baru = ani.post(f"/api/penugasan/surat/{sid}/koreksi", {"alasan": "Salah ketik uraian."}, status=201)
    assert baru["mengoreksi_id"] == sid and ani.get(f"/api/penugasan/surat/{sid}")["status"] == "dikoreksi"
    assert ani.post(f"/api/penugasan/surat/{baru['id']}/cabut", {"alasan": "Kegiatan dibatalkan."})["status"] == \
        "dicabut"
    assert ani.get(f"/api/penugasan/{pk}")["status"] == "dicabut"


# --- the tests -------------------------------------------------------------------------------


@pytest.fixture
def klien(org: Org) -> Klien:
    return lambda nama: KlienApi(org.u[nama])


def test_api_dalam_unit_from_token_to_surat_penugasan_karangasem_pasal_14_ayat_2(klien):
    jalan_dalam_unit(klien)


def test_api_lintas_unit_from_token_to_surat_penugasan_karangasem_pasal_14_ayat_3(klien):
    jalan_lintas_unit(klien)


def test_api_lintas_unit_with_puo_recommendation_pasuruan_lampiran_II_B_2_a_2_c(db):
    org = buat_dua_instansi(dengan_madya=True)
    jalan_lintas_unit_dengan_rekomendasi(lambda nama: KlienApi(org.u[nama]))


def test_api_lintas_instansi_from_token_to_surat_penugasan_karangasem_pasal_14_ayat_4(klien):
    jalan_lintas_instansi(klien)


def test_api_sukarela_dalam_unit_from_token_to_surat_penugasan_karangasem_pasal_15_ayat_2(klien):
    jalan_sukarela_dalam_unit(klien)


def test_api_sukarela_lintas_unit_from_token_to_surat_penugasan_karangasem_pasal_15_ayat_3(klien):
    jalan_sukarela_lintas_unit(klien)


def test_api_return_resubmit_refuse_correct_and_revoke(klien):
    jalan_tolak_kembalikan_cabut_koreksi(klien)


def test_api_paths_closed_to_the_user_say_why_and_refuse_their_addressees(klien, org):
    """Requests are sent by a PUO or PPK (Karangasem Pasal 14; in this nasional instansi the PermenPANRB
    7/2022 its profile cites): a JF sees the same reason as on the page, not a form."""
    from .. import services

    sari = klien("sari")
    jalur = {j["kode"]: j for j in sari.semua("/api/penugasan/jalur")}
    assert set(jalur) == {"dalam_unit", "lintas_unit", "lintas_instansi", "sukarela_dalam_unit",
                          "sukarela_lintas_unit"}
    alasan = services.jalur_tertutup(org.p["sari"])["lintas_unit"]
    assert not jalur["lintas_unit"]["boleh"] and jalur["lintas_unit"]["alasan_tertutup"] == alasan
    assert sari.get("/api/penugasan/jalur/lintas_unit/dituju", status=403)["detail"] == alasan
    assert sari.get("/api/penugasan/jalur/tidak_ada/dituju", status=404)["detail"]
    # Lintas instansi addresses nobody by name: the client is told where to look instead.
    assert "instansi-dituju" in klien("ani").get("/api/penugasan/jalur/lintas_instansi/dituju", status=400)["detail"]


def test_api_named_decisions_refuse_outside_their_step_and_other_actors(klien):
    bambang, ani = klien("bambang"), klien("ani")
    ani_id = _satu(bambang.semua("/api/penugasan/jalur/lintas_unit/dituju"), "Ani Kabid")["id"]
    pk = bambang.post("/api/penugasan/lintas-unit", _isi(ppk_tujuan_id=ani_id), status=201)["id"]
    assert "rekomendasi" in ani.post(f"/api/penugasan/{pk}/rekomendasi", {}, status=409)["detail"]
    assert ani.post(f"/api/penugasan/{pk}/teruskan", status=409)["detail"]
    # The requester is not the one deciding: no candidates, no decision.
    assert bambang.get(f"/api/penugasan/{pk}/kandidat", status=403)["detail"]
    bambang.post(f"/api/penugasan/{pk}/setujui", {}, status=403)
    assert bambang.get(f"/api/penugasan/{pk}")["keputusan"] == []


def test_api_other_instansi_sees_nothing_of_an_assignment(klien):
    pk = jalan_dalam_unit(klien)
    citra = klien("citra")
    for url in (f"/api/penugasan/{pk}", f"/api/penugasan/{pk}/jejak", f"/api/penugasan/{pk}/surat"):
        citra.get(url, status=404)
    assert citra.semua("/api/penugasan/surat") == []
    assert not [p for p in citra.semua("/api/organisasi/pegawai", q="Sari")]


def test_api_pegawai_search_by_nip_prefix_and_name_is_paged_and_scoped(klien, org):
    ani = klien("ani")
    d = ani.get("/api/organisasi/pegawai", q=org.p["sari"].nip[:-1], limit=2)
    assert d["count"] >= 2 and len(d["items"]) == 2
    r = ani.get("/api/organisasi/pegawai", q=org.p["sari"].nip)
    assert [x["id"] for x in r["items"]] == [org.p["sari"].pk]
    assert ani.get("/api/organisasi/pegawai", q="epidemiolog")["count"] == 1  # Eka is of Kota Beta


def test_candidate_pages_keep_the_order_and_load_of_kandidat(org):
    """selectors.KandidatPerHalaman pages the same candidates in the same order as selectors.kandidat
    (lightest load first, then name), across the boundary between unloaded and loaded pegawai."""
    from .. import selectors, services
    from .conftest import data, penerima

    services.buat_penunjukan_dalam_unit(pengguna=org.u["ani"], data=data(), penerima=[penerima(org.p["sari"], 30)])
    m, s = date.today(), date.today() + timedelta(days=30)
    for kw in ({}, {"beban_maks": 20}, {"kompetensi": "epidemiologi"}, {"beban_maks": -1}):
        semua = [(p.nama, p.beban) for p in selectors.kandidat(org.p["ani"], mulai=m, selesai=s, **kw)]
        h = selectors.KandidatPerHalaman(org.p["ani"], mulai=m, selesai=s, **kw)
        per_satu = [(p.nama, p.beban) for i in range(h.count()) for p in h[i:i + 1]]
        assert per_satu == semua == [(p.nama, p.beban) for p in h[0:50]], kw
    assert [b for _, b in semua] == []
    assert [(p.nama, p.beban) for p in selectors.KandidatPerHalaman(org.p["ani"], mulai=m, selesai=s)[0:9]] == [
        ("Tono Pelaksana", 0), ("Sari Epidemiolog", 30)]


def test_api_nip_prefix_search_matches_exactly_the_nips_starting_with_it(klien, org):
    """The prefix is answered as a range [q, q+1) (index-friendly); it finds the same pegawai as startswith."""
    from sikerja.organisasi.models import Pegawai

    ani = klien("ani")
    for q in (org.p["sari"].nip[:6], org.p["sari"].nip[:-1], org.p["sari"].nip, "9", "99999", "0"):
        dapat = {x["id"] for x in ani.semua("/api/organisasi/pegawai", q=q)}
        assert dapat == set(Pegawai.objects.filter(instansi=org.a, aktif=True, nip__startswith=q)
                            .values_list("id", flat=True)), q


@pytest.mark.parametrize("profil,kutipan", [("pasuruan", "Pasuruan"), ("magelang", "Magelang"),
                                            ("karangasem", "Karangasem"), ("blitar", "Blitar")])
def test_api_paths_cite_the_instansi_own_regulation(db, profil, kutipan):
    """Issue 9 point 1 through the API: the legal basis of each path comes from the instansi's profile."""
    org = buat_dua_instansi(profil_a=profil)
    jalur = {j["kode"]: j for j in KlienApi(org.u["ani"]).semua("/api/penugasan/jalur")}
    for kode, j in jalur.items():
        if j["boleh"] or kode != "lintas_instansi":
            assert kutipan in j["dasar_hukum"], (kode, j["dasar_hukum"])


def test_api_magelang_offers_no_lintas_instansi_and_says_why(db):
    """Perwal Magelang 25/2023 Pasal 11 ayat (2), Pasal 14 ayat (1): no lintas-instansi mechanism."""
    org = buat_dua_instansi(profil_a="magelang")
    ani = KlienApi(org.u["ani"])
    j = next(x for x in ani.semua("/api/penugasan/jalur") if x["kode"] == "lintas_instansi")
    assert not j["boleh"] and "Magelang" in j["alasan_tertutup"]
    # Nor is a Magelang instansi offered as the target of another instansi's request.
    citra = KlienApi(org.u["citra"])
    assert org.a.pk not in [i["id"] for i in citra.semua("/api/penugasan/instansi-dituju")]


def test_api_blitar_lintas_instansi_with_the_keputusan_kepala_daerah(db):
    """Perwal Blitar 6/2023 Pasal 21 ayat (1) huruf c, Pasal 22 huruf c: a lintas-instansi team waits for
    the Walikota's Keputusan; with no Kepala Daerah set, the PyB records its number and date via the API."""
    org = buat_dua_instansi(profil_a="blitar")
    jalan_lintas_instansi_kepala_daerah(lambda nama: KlienApi(org.u[nama]))


def jalan_lintas_instansi_kepala_daerah(klien: Klien) -> int:
    """Blitar's lintas-instansi table (alur.VARIAN kepala_daerah); needs an instansi of profil blitar as A."""
    kadis = klien("kadis_a")
    beta = _satu(kadis.semua("/api/penugasan/instansi-dituju"), "Pemerintah Kota Beta")
    p = kadis.post(_jalur(kadis, "lintas_instansi")["buat"], _isi(instansi_tujuan_id=beta["id"]), status=201)
    assert p["varian"] == "kepala_daerah"
    sekda_a, sekda_b = klien("sekda_a"), klien("sekda_b")
    sekda_a.post(f"/api/penugasan/{_tindakan(sekda_a)}/setujui")
    pk = _tindakan(sekda_b)
    citra_id = _satu(sekda_b.semua(f"/api/penugasan/{pk}/dituju"), "Citra Kabid")["id"]
    sekda_b.post(f"/api/penugasan/{pk}/setujui", {"ppk_tujuan_id": citra_id})
    kc = klien("citra")
    _setujui_dengan_kandidat(kc, pk, "Eka Epidemiolog")
    assert sekda_b.post(f"/api/penugasan/{pk}/setujui")["status"] == "menunggu_kepala_daerah"
    assert _tindakan(sekda_a) == pk
    assert sekda_a.post(f"/api/penugasan/{pk}/keputusan-kepala-daerah", {"nomor_keputusan": ""}, status=400)
    d = sekda_a.post(f"/api/penugasan/{pk}/keputusan-kepala-daerah",
                     {"nomor_keputusan": "188.45/12/410.010/2026", "tanggal_keputusan": "2026-01-05"})
    assert d["status"] == "menunggu_surat_penugasan"
    assert kc.post(f"/api/penugasan/{pk}/setujui")["status"] == "ditugaskan"
    _surat_penugasan(kadis, pk, "Eka Epidemiolog", "Citra Kabid")
    return pk


def test_api_warns_of_a_past_start_date_as_the_form_does(klien, org):
    """Issue 9 point 9 through the API: a start date in the past is allowed but warned about, in the
    answer to the one who makes the assignment and in the detail of the one who decides it."""
    ani = klien("ani")
    sari_id = _satu(ani.semua("/api/organisasi/pegawai", q="Sari"), "Sari Epidemiolog")["id"]
    lalu = (date.today() - timedelta(days=10)).isoformat()
    p = ani.post("/api/penugasan/dalam-unit", _isi(mulai=lalu, penerima=[{"pegawai_id": sari_id, "beban_persen": 10}]),
                 status=201)
    assert [w["kode"] for w in p["peringatan"]] == ["mulai_lampau"] and "10 hari yang lalu" in p["peringatan"][0]["pesan"]
    p = ani.post("/api/penugasan/dalam-unit", _isi(penerima=[{"pegawai_id": sari_id, "beban_persen": 10}]), status=201)
    assert p["peringatan"] == []
    # A request with a past start: its decider sees the warning, the requester (who cannot act) does not.
    bambang = klien("bambang")
    j = _jalur(bambang, "lintas_unit")
    ani_id = _satu(bambang.semua(f"/api/penugasan/jalur/{j['kode']}/dituju", q="Ani"), "Ani Kabid")["id"]
    pk = bambang.post(j["buat"], _isi(mulai=lalu, **{j["field_dituju"]: ani_id}), status=201)["id"]
    assert [w["kode"] for w in ani.get(f"/api/penugasan/{pk}")["peringatan"]] == ["mulai_lampau"]
    assert bambang.get(f"/api/penugasan/{pk}")["peringatan"] == []
