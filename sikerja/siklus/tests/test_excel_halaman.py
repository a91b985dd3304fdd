"""Excel import/export of a PK, the pages, evidence downloads and the API."""

from __future__ import annotations

import base64
import io
import json
from datetime import date

import pytest
from django.test import Client
from openpyxl import Workbook, load_workbook

from .. import services
from ..errors import ImporGagal
from ..models import PerjanjianKinerja, TargetKinerja
from .conftest import TAHUN, kegiatan_berjalan


def _xlsx(rows):  # type: ignore[no-untyped-def]
    wb = Workbook()
    for r in rows:
        wb.active.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


KEPALA = ["sasaran", "indikator", "nilai_target", "satuan", "batas_waktu", "jenis_penugasan"]


def test_import_creates_the_pk_with_its_targets(pasuruan):
    pd = pasuruan
    isi = _xlsx([KEPALA, ["Kesehatan", "Kasus DBD turun", 20, "persen", f"{TAHUN}-12-31", "tim"],
                 ["Kesehatan", "Cakupan imunisasi", "95", "persen", date(TAHUN, 11, 30), "individu"]])
    pk = services.impor_pk(pengguna=pd.u["kadis"], unit_id=pd.unit("DINKES").id, tahun=TAHUN, isi=isi)
    assert list(pk.target.order_by("id").values_list("indikator", flat=True)) == ["Kasus DBD turun", "Cakupan imunisasi"]


def test_import_with_bad_rows_names_row_and_field_and_writes_nothing(pasuruan):
    pd = pasuruan
    isi = _xlsx([KEPALA, ["", "Kasus DBD turun", "dua puluh", "persen", f"{TAHUN}-12-31", ""],
                 ["", "", 5, "persen", "31/12", "kelompok"], ["", "Valid", 1, "dokumen", f"{TAHUN - 1}-12-31", ""]])
    with pytest.raises(ImporGagal) as e:
        services.impor_pk(pengguna=pd.u["kadis"], unit_id=pd.unit("DINKES").id, tahun=TAHUN, isi=isi)
    teks = " ".join(e.value.galat)
    assert "Baris 2, kolom 'nilai_target'" in teks
    assert "Baris 3, kolom 'indikator': wajib diisi" in teks
    assert "Baris 3, kolom 'batas_waktu'" in teks and "Baris 3, kolom 'jenis_penugasan'" in teks
    assert f"Baris 4, kolom 'batas_waktu': harus dalam tahun {TAHUN}" in teks
    assert not PerjanjianKinerja.objects.exists() and not TargetKinerja.objects.exists()


def test_import_of_a_non_excel_file_is_a_clear_message(pasuruan):
    pd = pasuruan
    with pytest.raises(ImporGagal, match="bukan lembar kerja Excel"):
        services.impor_pk(pengguna=pd.u["kadis"], unit_id=pd.unit("DINKES").id, tahun=TAHUN, isi=b"bukan excel")


def test_export_writes_formula_like_text_as_text(pasuruan):
    pd = pasuruan
    kg = kegiatan_berjalan(pd, "ani", "P2P", "sari")
    services.tambah_target(pengguna=pd.u["ani"], pk_id=kg.target.pk_kinerja_id, data=services.DataTarget(
        indikator='=HYPERLINK("http://x","klik")', nilai_target=1, satuan="dokumen", batas_waktu=date(TAHUN, 12, 31)))
    from ..excel import tulis_pk

    wb = load_workbook(io.BytesIO(tulis_pk(kg.target.pk_kinerja)))
    sel = [c for row in wb["Target"].iter_rows() for c in row]
    assert not any(c.data_type == "f" for c in sel)  # read back as text, never as a formula
    assert any(isinstance(c.value, str) and "HYPERLINK" in c.value for c in sel)
    assert [c.value for c in wb["Kegiatan"][2]][2] == "Menyusun naskah"


def _masuk(u):  # type: ignore[no-untyped-def]
    c = Client()
    c.force_login(u)
    return c


def test_pages_render_for_official_and_pelaksana(pasuruan):
    pd = pasuruan
    kg = kegiatan_berjalan(pd, "ani", "P2P", "sari")
    ani, sari = _masuk(pd.u["ani"]), _masuk(pd.u["sari"])
    for url in ("/siklus/", "/siklus/pk/", f"/siklus/pk/{kg.target.pk_kinerja_id}/", f"/siklus/target/{kg.target_id}/",
                f"/siklus/kegiatan/{kg.id}/", "/siklus/papan/", "/siklus/linimasa/", "/"):
        assert ani.get(url).status_code == 200, url
    assert sari.get(f"/siklus/kegiatan/{kg.id}/").status_code == 200
    assert b"Siklus kerja" in ani.get("/").content
    r = sari.post(f"/siklus/kegiatan/{kg.id}/aksi/", {"aksi": "ajukan_hasil", "keluaran": "Naskah"})
    assert r.status_code == 302
    r = ani.post(f"/siklus/kegiatan/{kg.id}/aksi/", {"aksi": "kembalikan", "catatan": ""}, follow=True)
    assert "Catatan pengembalian wajib" in r.content.decode()


def test_evidence_is_served_only_to_those_who_may_see_the_kegiatan(pasuruan):
    pd = pasuruan
    kg = kegiatan_berjalan(pd, "ani", "P2P", "sari")
    services.lapor_progres(pengguna=pd.u["sari"], kegiatan_id=kg.id, persen=10, capaian="x",
                           berkas=[services.Berkas(nama="a.pdf", isi=b"%PDF-1")])
    bid = kg.progres.get().bukti.get().id
    r = _masuk(pd.u["ani"]).get(f"/siklus/bukti/{bid}/")
    assert r.status_code == 200 and r["Content-Disposition"].startswith("attachment")
    assert _masuk(pd.u["hana"]).get(f"/siklus/bukti/{bid}/").status_code == 404


def test_api_review_steps_and_refusals(pasuruan):
    pd = pasuruan
    kg = kegiatan_berjalan(pd, "kabag", "HUKUM", "hana")
    hana, kabag, sekda = _masuk(pd.u["hana"]), _masuk(pd.u["kabag"]), _masuk(pd.u["sekda"])
    j = "application/json"
    r = hana.post(f"/api/siklus/kegiatan/{kg.id}/ajukan-hasil", json.dumps({
        "keluaran": "Draf", "berkas": [{"nama": "d.pdf", "isi_base64": base64.b64encode(b"%PDF-x").decode()}]}),
        content_type=j)
    assert r.status_code == 200 and r.json()["status"] == "dalam_reviu"
    assert sekda.post(f"/api/siklus/kegiatan/{kg.id}/terima", "{}", content_type=j).status_code == 403
    r = kabag.post(f"/api/siklus/kegiatan/{kg.id}/kembalikan", json.dumps({"catatan": ""}), content_type=j)
    assert r.status_code == 400 and "Catatan pengembalian wajib" in r.json()["detail"]
    r = kabag.post(f"/api/siklus/kegiatan/{kg.id}/terima", "{}", content_type=j)
    assert r.json()["level_reviu"] == 1
    assert _masuk(pd.u["udin"]).get(f"/api/siklus/kegiatan/{kg.id}").status_code == 404
    assert kabag.get("/api/siklus/dasbor").json()["pejabat"]["kegiatan"]["total"] == 1
    assert hana.get(f"/api/siklus/kegiatan/{kg.id}/riwayat").json()["hasil"][0]["versi"] == 1


def test_report_and_request_forms_on_the_dashboard(pasuruan):
    """PSR Pasal 12 (individu → PUO) and Pasal 13 ayat (3) (laporan sewaktu-waktu)."""
    pd = pasuruan
    r = _masuk(pd.u["ani"]).post("/siklus/laporan/", {"aksi": "minta", "sasaran": pd.p["sari"].id,
                                                      "batas_waktu": date.today().isoformat()}, follow=True)
    assert "Permintaan laporan dikirim" in r.content.decode()
    sari = _masuk(pd.u["sari"])
    assert "Kirim laporan kinerja kepada Ani Kabid" in sari.get("/siklus/").content.decode()
    r = sari.post("/siklus/laporan/", {"periode_mulai": "2026-01-01", "periode_selesai": "2025-01-01",
                                       "capaian": "x"}, follow=True)
    assert "Akhir periode tidak boleh sebelum awal periode" in r.content.decode()
    r = sari.post("/siklus/laporan/", {"periode_mulai": f"{TAHUN}-01-01", "periode_selesai": f"{TAHUN}-01-31",
                                       "capaian": "Tercapai"}, follow=True)
    assert "Laporan dikirim kepada Ani Kabid" in r.content.decode()


def test_report_request_picks_the_pegawai_by_autocomplete_among_those_the_official_leads(pasuruan):
    """PSR Pasal 13 ayat (3): the PUO asks a report of a pegawai of his unit. The dashboard offers them
    by name through the autocomplete (not a list of the whole unit), scoped to the units he leads."""
    pd = pasuruan
    ani = _masuk(pd.u["ani"])
    html = ani.get("/siklus/").content.decode()
    assert 'name="sasaran"' in html and "lingkup=siklus_sasaran_laporan" in html
    assert '<select class="form-select form-select-sm w-auto" name="sasaran"' not in html

    def cari(c: Client, q: str) -> str:
        return c.get("/organisasi/pilih-pegawai/", {"q": q, "lingkup": "siklus_sasaran_laporan"}).content.decode()

    assert "Sari Epidemiolog" in cari(ani, "Sari")
    assert "Hana Perancang" not in cari(ani, "Hana")  # another PD's unit
    assert "Ani Kabid" not in cari(ani, "Ani")  # not himself
    assert "Sari Epidemiolog" not in cari(_masuk(pd.u["hana"]), "Sari")  # a JF leads no unit


def test_board_and_timeline_show_the_unit_kegiatan_in_their_column(pasuruan):
    pd = pasuruan
    kg = kegiatan_berjalan(pd, "ani", "P2P", "sari")
    c = _masuk(pd.u["kadis"])
    html = c.get(f"/siklus/papan/?unit={pd.unit('P2P').id}").content.decode()
    kolom = html.split('data-kolom="dikerjakan"')[1].split("</ul>")[0]
    assert "Menyusun naskah" in kolom
    html = c.get(f"/siklus/linimasa/?tahun={kg.mulai.year}").content.decode()
    assert "Menyusun naskah" in html and "width:" in html
    assert "Menyusun naskah" not in _masuk(pd.u["hana"]).get("/siklus/papan/").content.decode()
