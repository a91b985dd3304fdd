"""One search box for pegawai, units and jabatan (issue #12 point 2)."""

from __future__ import annotations

import pytest
import yaml

from sikerja.organisasi.models import Pegawai, UnitOrganisasi
from sikerja.organisasi.teks import normalisasi
from sikerja.organisasi.testing import buat_akun, buat_organisasi, nip
from sikerja.organisasi.tests.conftest import ORG

pytestmark = pytest.mark.django_db


@pytest.fixture
def org():
    data = yaml.safe_load(ORG)
    data["pegawai"].append({"nip": nip(9), "nama": "Ahmad Syafi'i", "status": "pns", "jabatan": "Analis Kebijakan",
                            "jenis_jabatan": "fungsional", "jenjang": "ahli_muda", "unit": "SETDA"})
    data["pegawai"].append({"nip": nip(10), "nama": "Zoë Pérez", "status": "pns", "jabatan": "Analis Kebijakan",
                            "jenis_jabatan": "fungsional", "jenjang": "ahli_muda", "unit": "SETDA"})
    return buat_organisasi(yaml.safe_dump(data, allow_unicode=True))


@pytest.fixture
def masuk(client, org):
    client.force_login(buat_akun(Pegawai.objects.get(nip=nip(4))))
    return client


def test_normalised_text_drops_case_accents_and_apostrophes():
    assert normalisasi("Ahmad Syafi’i") == normalisasi("Ahmad Syafi'i") == "ahmad syafii"
    assert normalisasi("Zoë PÉREZ") == "zoe perez"


def test_import_fills_the_normalised_columns(org):
    assert Pegawai.objects.get(nip=nip(9)).nama_cari == "ahmad syafii"
    assert UnitOrganisasi.objects.get(kode="DINKES").nama_cari == "dinas kesehatan"


def test_a_unit_is_found_by_a_word_of_its_name(masuk):
    html = masuk.get("/cari/?q=Kesehatan").content.decode()
    unit = html.split('data-testid="hasil-unit"')[1].split("</section>")[0]
    assert "Dinas Kesehatan" in unit and "Bidang Pelayanan Kesehatan" in unit and "Puskesmas" not in unit


def test_a_jabatan_is_found_and_lists_who_holds_it(masuk):
    html = masuk.get("/cari/?q=analis kebijakan").content.decode()
    assert "Analis Kebijakan (2)" in html.split('data-testid="hasil-jabatan"')[1]
    html = masuk.get("/cari/?q=analis&jabatan=Analis Kebijakan").content.decode()
    pegawai = html.split('data-testid="hasil-pegawai"')[1]
    assert "Syafi" in pegawai and "Pérez" in pegawai and "Sari" not in pegawai


def test_search_ignores_apostrophes_and_diacritics(masuk):
    assert "Ahmad Syafi&#x27;i" in masuk.get("/cari/?q=syafii").content.decode()
    assert "Zoë Pérez" in masuk.get("/cari/?q=zoe perez").content.decode()
    assert "Ani" in masuk.get("/cari/?q=ANÍ").content.decode()


def test_a_name_edited_outside_the_import_is_searchable(masuk):
    p = Pegawai.objects.get(nip=nip(5))
    p.nama = "Rudi Ma'ruf"
    p.save(update_fields=["nama"])
    assert "Rudi Ma&#x27;ruf" in masuk.get("/cari/?q=maruf").content.decode()


def test_results_beyond_fifty_are_paged(masuk, org):
    unit = UnitOrganisasi.objects.get(kode="DINKES-P2P")
    for i in range(120):
        Pegawai(instansi=org, nip=nip(100 + i, 1991), nama=f"Pegawai Sementara {i:03d}", status="pns",
                jabatan="Pelaksana", jenis_jabatan="pelaksana", unit=unit).save()
    html = masuk.get("/cari/?q=sementara").content.decode()
    assert "Pegawai (120)" in html and "Pegawai Sementara 049" in html and "Pegawai Sementara 050" not in html
    assert "Halaman 1 dari 3" in html and "q=sementara&amp;hal=2" in html
    html = masuk.get("/cari/?q=sementara&hal=3").content.decode()
    assert "Pegawai Sementara 119" in html and "Pegawai Sementara 099" not in html


def test_search_stays_inside_the_users_instansi(masuk):
    lain = yaml.safe_load(ORG)
    lain["instansi"] = {"kode": "pemkot-lain", "nama": "Pemkot Lain", "profil": "nasional"}
    for u in lain["unit"]:
        u["nama"] += " Lain"
    for p in lain["pegawai"]:
        p["nip"] = p["nip"][:-4] + "9" + p["nip"][-3:]
    buat_organisasi(yaml.safe_dump(lain))
    html = masuk.get("/cari/?q=kesehatan").content.decode()
    assert "Kesehatan Lain" not in html
