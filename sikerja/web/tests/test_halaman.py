"""Pages of issue #2/#3: login, tenant isolation, query counts, kedudukan views."""

from __future__ import annotations

import pytest
import yaml
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sikerja.kedudukan.models import Delegasi, Kedudukan
from sikerja.organisasi.models import Pegawai, UnitOrganisasi
from sikerja.organisasi.testing import buat_akun, buat_organisasi, nip
from sikerja.organisasi.tests.conftest import ORG

pytestmark = pytest.mark.django_db

LAIN = f"""
instansi: {{kode: pemkot-lain, nama: Pemerintah Kota Lain, profil: nasional}}
unit:
  - {{kode: SETDA, nama: Sekretariat Daerah Kota Lain, jenis: sekretariat_daerah}}
  - {{kode: DISDIK, nama: Dinas Pendidikan Kota Lain, jenis: dinas}}
pegawai:
  - {{nip: "{nip(1, 1975)}", nama: Sekda Lain, jabatan: Sekretaris Daerah, jenis_jabatan: jpt_pratama, unit: SETDA, kepala_unit: true}}
  - {{nip: "{nip(2, 1975)}", nama: Rahasia Lain, jabatan: Guru Ahli Muda, jenis_jabatan: fungsional, jenjang: ahli_muda, unit: DISDIK}}
"""


@pytest.fixture
def org():
    return buat_organisasi(ORG)


@pytest.fixture
def lain():
    return buat_organisasi(LAIN)


def masuk(client, pegawai_nip: str, **peran):
    user = buat_akun(Pegawai.objects.get(nip=pegawai_nip), **peran)
    client.force_login(user)
    return user


def test_passwords_are_hashed_with_argon2_in_the_application_settings():
    # The test settings swap in a fast hasher; the application's own settings must use argon2.
    from django.contrib.auth.hashers import Argon2PasswordHasher
    from django.utils.module_loading import import_string

    from sikerja import settings as app_settings

    hasher = import_string(app_settings.PASSWORD_HASHERS[0])
    assert issubclass(hasher, Argon2PasswordHasher) and hasher.algorithm == "argon2"


def test_login_page_logs_in_and_wrong_password_is_refused(client, org):
    buat_akun(Pegawai.objects.get(nip=nip(4)), password="benar-sekali-123")
    r = client.post("/masuk/", {"username": nip(4), "password": "salah"})
    assert r.status_code == 401 and "salah" in r.content.decode()
    r = client.post("/masuk/", {"username": nip(4), "password": "benar-sekali-123"})
    assert r.status_code == 302 and r["Location"] == "/"


def test_failed_logins_are_throttled_even_with_the_right_password(client, org, settings):
    settings.LOGIN_GAGAL_MAKS = 3
    buat_akun(Pegawai.objects.get(nip=nip(4)), password="benar-sekali-123")
    for _ in range(3):
        client.post("/masuk/", {"username": nip(4), "password": "salah"})
    r = client.post("/masuk/", {"username": nip(4), "password": "benar-sekali-123"})
    assert r.status_code == 429 and "Terlalu banyak percobaan" in r.content.decode()
    assert "_auth_user_id" not in client.session


def test_pages_require_login(client, org):
    unit = UnitOrganisasi.objects.get(kode="DINKES")
    for url in ("/", "/organisasi/", f"/organisasi/unit/{unit.pk}/", "/kedudukan/saya/"):
        r = client.get(url)
        assert r.status_code == 302 and r["Location"].startswith("/masuk/"), url


def test_user_of_one_instansi_cannot_open_units_or_pegawai_of_another_by_url(client, org, lain):
    masuk(client, nip(4))
    rahasia = Pegawai.objects.get(nip=nip(2, 1975))
    disdik = UnitOrganisasi.objects.get(instansi=lain, kode="DISDIK")
    assert client.get(f"/organisasi/pegawai/{rahasia.pk}/").status_code == 404
    assert client.get(f"/organisasi/unit/{disdik.pk}/").status_code == 404
    assert client.get(f"/organisasi/unit/{disdik.pk}/anak/").status_code == 404
    assert client.get(f"/kedudukan/bagan/{disdik.pk}/").status_code == 404
    body = client.get("/organisasi/").content.decode() + client.get("/cari/?q=Rahasia").content.decode()
    assert "Rahasia Lain" not in body and "Dinas Pendidikan Kota Lain" not in body
    assert client.get(f"/api/organisasi/pegawai/{rahasia.nip}").status_code == 404


def test_tree_shows_pd_with_head_and_counts(client, org):
    masuk(client, nip(4))
    html = client.get("/organisasi/").content.decode()
    assert "Dinas Kesehatan" in html and "Budi" in html and "7 pegawai" in html


def test_search_by_name_and_by_nip(client, org):
    masuk(client, nip(4))
    assert "Rudi" in client.get("/cari/?q=rud").content.decode()
    assert "Citra" in client.get(f"/cari/?q={nip(6)[:14]}").content.decode()


def _grow(instansi, n_units: int, n_pegawai: int, start: int) -> None:
    """Add units and pegawai to the bidang P2P so that sizes differ between two measurements."""
    induk = UnitOrganisasi.objects.get(instansi=instansi, kode="DINKES-P2P")
    units = [UnitOrganisasi(instansi=instansi, kode=f"X{i}", nama=f"Seksi {i}", jenis="seksi", induk=induk,
                            level=3, akar_pd=induk.akar_pd) for i in range(start, start + n_units)]
    UnitOrganisasi.objects.bulk_create(units)
    Pegawai.objects.bulk_create([
        Pegawai(instansi=instansi, nip=nip(1000 + i, 1990), nama=f"Pegawai {i}", status="pns", jabatan="Pelaksana",
                jenis_jabatan="pelaksana", unit=induk) for i in range(start, start + n_pegawai)
    ])
    from sikerja.kedudukan.services import hitung_ulang

    hitung_ulang(instansi)
    from sikerja.organisasi.services import hitung_ringkasan

    hitung_ringkasan(instansi)


@pytest.mark.parametrize("name", ["tree", "unit", "pegawai", "saya", "anak"])
def test_hot_pages_have_a_query_count_independent_of_size(client, org, name):
    masuk(client, nip(4))
    p2p = UnitOrganisasi.objects.get(kode="DINKES-P2P")
    url = {"tree": "/organisasi/", "unit": f"/organisasi/unit/{p2p.pk}/",
           "pegawai": f"/organisasi/pegawai/{Pegawai.objects.get(nip=nip(3)).pk}/",
           "saya": "/kedudukan/saya/", "anak": f"/organisasi/unit/{p2p.induk_id}/anak/"}[name]
    _grow(org, 1, 1, start=0)
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    _grow(org, 30, 60, start=1)
    with CaptureQueriesContext(connection) as big:
        assert client.get(url).status_code == 200
    assert len(big) == len(small), "\n".join(q["sql"][:150] for q in big.captured_queries) + "\n----\n" + "\n".join(q["sql"][:150] for q in small.captured_queries)
    assert len(small) <= 16  # + the delegation-expiry check kedudukan makes on read (one indexed query)


def test_kedudukan_saya_shows_ppk_pimpinan_unit_and_legal_basis(client, org):
    masuk(client, nip(4))
    html = client.get("/kedudukan/saya/").content.decode()
    assert 'data-peran="ppk"><a' in html and "Ani" in html
    assert "PermenPANRB 7/2022" in html


def test_head_sees_who_he_rates_and_leads(client, org):
    masuk(client, nip(3))
    html = client.get(reverse("kedudukan:bawahan")).content.decode()
    assert "Sari" in html and "Rudi" in html and "PPK bagi 2" in html


def test_chart_of_a_pd_shows_rating_lines(client, org):
    masuk(client, nip(4))
    dinkes = UnitOrganisasi.objects.get(kode="DINKES")
    html = client.get(f"/kedudukan/bagan/{dinkes.pk}/").content.decode()
    assert "Puskesmas Bangil" in html and "PPK: Ani" in html and "PPK: Dewi" in html


def test_bkpsdm_view_lists_warnings_and_exports_excel(client, org):
    from io import BytesIO

    from openpyxl import load_workbook

    # Make a gap: the Kabid P2P leaves, the bidang has no head → the Kepala Dinas rates, fine;
    # the Sekda leaves → Kepala Dinas has no PPK: a warning.
    Pegawai.objects.filter(nip=nip(1)).update(aktif=False, kepala_unit=False)
    from sikerja.kedudukan.services import hitung_ulang

    hitung_ulang(org)
    masuk(client, nip(6), bkpsdm=True)
    html = client.get("/kedudukan/pemantauan/?kategori=tanpa_ppk").content.decode()
    assert "Budi" in html and "Belum ada PPK" in html
    r = client.get("/kedudukan/pemantauan/ekspor.xlsx?kategori=tanpa_ppk")
    ws = load_workbook(BytesIO(r.content))["Peringatan"]
    assert [c.value for c in ws[2]][:2] == [nip(2), "Budi"]


def test_bkpsdm_view_is_refused_to_ordinary_staff(client, org):
    masuk(client, nip(4))
    assert client.get("/kedudukan/pemantauan/").status_code == 403
    assert client.get("/kedudukan/pemantauan/ekspor.xlsx").status_code == 403


def test_span_of_control_over_threshold_is_flagged(client, org):
    org.ambang_rentang_kendali = 1
    org.save()
    masuk(client, nip(6), bkpsdm=True)
    html = client.get("/kedudukan/pemantauan/").content.decode()
    assert 'id="tabel-rentang"' in html and "Ani" in html.split('id="tabel-rentang"')[1]


def test_delegation_preview_changes_nothing_then_save_recomputes_and_keeps_history(client, org):
    masuk(client, nip(6), admin_instansi=True)
    # Issue 12.4: downward only (Sari sits in Ani's Bidang) and with its SK.
    form = {"dari": nip(3), "kepada": nip(4), "wewenang": "penilaian_kinerja", "pegawai": nip(5),
            "nomor_sk": "800/1/2024", "tanggal_sk": "2024-01-02"}
    r = client.post("/kedudukan/delegasi/", {**form, "aksi": "pratinjau"})
    html = r.content.decode()
    assert r.status_code == 200 and "Rudi" in html and "Sari" in html
    assert not Delegasi.objects.exists()
    assert Kedudukan.objects.get(pegawai__nip=nip(5), berlaku_sampai=None).ppk.nip == nip(3)
    r = client.post("/kedudukan/delegasi/", {**form, "aksi": "simpan"})
    assert r.status_code == 302
    assert Kedudukan.objects.get(pegawai__nip=nip(5), berlaku_sampai=None).ppk.nip == nip(4)
    assert Kedudukan.objects.filter(pegawai__nip=nip(5)).count() == 2  # history kept
    d = Delegasi.objects.get()
    assert d.nomor_sk == "800/1/2024"
    # Ending it is confirmed first (issue 12.8): the page shows who changes back, nothing is written.
    html = client.get(f"/kedudukan/delegasi/{d.pk}/cabut/").content.decode()
    assert 'id="dampak-cabut"' in html and "Rudi" in html and Delegasi.objects.get().aktif
    client.post(f"/kedudukan/delegasi/{d.pk}/cabut/")
    assert Kedudukan.objects.get(pegawai__nip=nip(5), berlaku_sampai=None).ppk.nip == nip(3)


def test_official_may_not_delegate_someone_elses_authority(client, org):
    masuk(client, nip(3))  # Ani is a PPK
    r = client.post("/kedudukan/delegasi/", {"dari": nip(6), "kepada": nip(7), "wewenang": "penilaian_kinerja",
                                             "aksi": "simpan"})
    assert r.status_code == 403 and not Delegasi.objects.exists()


def test_admin_web_import_shows_the_same_validation_report(client, org, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    masuk(client, nip(6), admin_instansi=True)
    data = yaml.safe_load(ORG)
    data["pegawai"][3]["nip"] = "123"
    bad = SimpleUploadedFile("org.yaml", yaml.safe_dump(data).encode())
    r = client.post("/organisasi/impor/", {"berkas": bad, "mode": "simpan"})
    html = r.content.decode()
    assert r.status_code == 400 and "18 digit" in html and "<td>4</td><td>nip</td>" in html
    data = yaml.safe_load(ORG)
    data["pegawai"][3]["jabatan"] = "Epidemiolog Kesehatan Ahli Muda (baru)"
    good = SimpleUploadedFile("org.yaml", yaml.safe_dump(data).encode())
    r = client.post("/organisasi/impor/", {"berkas": good, "mode": "periksa"})
    assert "Diubah pegawai" in r.content.decode()
    assert Pegawai.objects.get(nip=nip(4)).jabatan == "Epidemiolog Kesehatan Ahli Muda"  # only checked
    good.seek(0)
    client.post("/organisasi/impor/", {"berkas": good, "mode": "simpan"})
    assert Pegawai.objects.get(nip=nip(4)).jabatan.endswith("(baru)")


def test_web_import_is_for_the_admin_of_that_instansi_only(client, org):
    masuk(client, nip(4))
    assert client.get("/organisasi/impor/").status_code == 403


def test_api_returns_kedudukan_of_own_instansi_and_404_for_another(client, org, lain):
    masuk(client, nip(4))
    r = client.get(f"/api/kedudukan/{nip(4)}")
    assert r.status_code == 200 and r.json()["ppk"]["nip"] == nip(3)
    assert client.get(f"/api/kedudukan/{nip(2, 1975)}").status_code == 404
    assert client.get(f"/api/organisasi/pegawai/{nip(4)}").json()["unit_kode"] == "DINKES-P2P"


def test_api_requires_a_session(client, org):
    assert client.get(f"/api/kedudukan/{nip(4)}").status_code == 401


def test_openapi_docs_are_published(client):
    assert client.get("/api/openapi.json").status_code == 200


def test_a_placement_changed_in_the_admin_recomputes_kedudukan(client, org):
    from sikerja.akun.models import Pengguna

    su = Pengguna.objects.create_superuser("akar", password="akar-rahasia-123")
    client.force_login(su)
    rudi = Pegawai.objects.get(nip=nip(5))
    yankes = UnitOrganisasi.objects.get(kode="DINKES-YANKES")
    r = client.post(f"/admin/organisasi/pegawai/{rudi.pk}/change/", {
        "instansi": org.pk, "nip": rudi.nip, "nama": rudi.nama, "status": "pppk", "jabatan": rudi.jabatan,
        "jenis_jabatan": "pelaksana", "jenjang": "", "unit": yankes.pk, "email": "", "aktif": "on",
        "kompetensi-TOTAL_FORMS": "0", "kompetensi-INITIAL_FORMS": "0",
    })
    assert r.status_code == 302, r.content.decode()[:2000]
    assert Kedudukan.objects.get(pegawai=rudi, berlaku_sampai=None).ppk.nip == nip(6)


def test_large_delegation_preview_shows_the_first_300_changes_and_the_total(client, org, monkeypatch):
    from sikerja.kedudukan import services as kd_services

    baris = [{"nip": f"{i:018d}", "nama": f"Pegawai {i:05d}", "jabatan": "Guru", "peran": "PPK",
              "sebelum": "A", "sesudah": "B"} for i in range(1200)]
    monkeypatch.setattr(kd_services, "pratinjau_delegasi", lambda *a, **kw: baris)
    masuk(client, nip(6), admin_instansi=True)
    html = client.post("/kedudukan/delegasi/", {"dari": nip(3), "kepada": nip(7), "wewenang": "penilaian_kinerja",
                                                "aksi": "pratinjau"}).content.decode()
    assert "(1200 perubahan)" in html and "seluruhnya 1200" in html
    assert "Pegawai 00299" in html and "Pegawai 00300" not in html


def test_subordinate_counts_in_sql_match_their_orm_definition(client, org):
    """``jumlah_bawahan`` is SQL for speed: for every pegawai it equals the ORM count of the active
    pegawai whose current kedudukan names him PPK, pimpinan unit or koordinator; the Beranda shows it."""
    from sikerja.kedudukan.selectors import jumlah_bawahan

    Pegawai.objects.filter(nip=nip(5)).update(aktif=False)  # an inactive pegawai is not counted
    berlaku = Kedudukan.objects.filter(berlaku_sampai__isnull=True, pegawai__aktif=True)
    for p in Pegawai.objects.all():
        assert jumlah_bawahan(p) == {"dinilai": berlaku.filter(ppk=p).count(),
                                     "dipimpin": berlaku.filter(pimpinan_unit=p).count(),
                                     "dikoordinasi": berlaku.filter(koordinator=p).count()}, p.nama
    kepala = Pegawai.objects.get(nip=nip(3))
    j = jumlah_bawahan(kepala)
    assert j["dinilai"] >= 1
    masuk(client, nip(3))
    html = client.get("/").content.decode()
    assert f"Anda PPK bagi <strong>{j['dinilai']}</strong> pegawai" in html
