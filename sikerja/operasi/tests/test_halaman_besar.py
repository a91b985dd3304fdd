"""Pages and API lists over units with thousands of children answer a page at a time."""

from __future__ import annotations

import pytest

from sikerja.organisasi.models import Pegawai, UnitOrganisasi
from sikerja.organisasi.testing import buat_akun, buat_organisasi, nip
from sikerja.organisasi.tests.conftest import ORG

pytestmark = pytest.mark.django_db


@pytest.fixture
def klien(client):
    buat_organisasi(ORG)
    client.force_login(buat_akun(Pegawai.objects.get(nip=nip(4))))
    return client


def test_sub_units_come_a_page_at_a_time_with_a_button_for_the_rest(klien, monkeypatch):
    from sikerja.organisasi import views

    monkeypatch.setattr(views, "ANAK_PER_HALAMAN", 2)
    dinkes = UnitOrganisasi.objects.get(kode="DINKES")
    html = klien.get(f"/organisasi/unit/{dinkes.pk}/anak/").content.decode()
    assert html.count('class="text-decoration-none"') + html.count("<a href=") >= 2
    assert "Tampilkan sub-unit berikutnya (1 lagi)" in html and f"/organisasi/unit/{dinkes.pk}/anak/?hal=2" in html
    kedua = klien.get(f"/organisasi/unit/{dinkes.pk}/anak/?hal=2").content.decode()
    assert "Puskesmas Bangil" in kedua and "<ul>" not in kedua and "berikutnya" not in kedua


def test_chart_draws_the_first_sub_units_and_links_the_rest(klien, monkeypatch):
    from sikerja.kedudukan import views

    monkeypatch.setattr(views, "BAGAN_ANAK_MAKS", 1)
    dinkes = UnitOrganisasi.objects.get(kode="DINKES")
    html = klien.get(f"/kedudukan/bagan/{dinkes.pk}/").content.decode()
    assert "dan 2 sub-unit lain" in html and f'href="/organisasi/unit/{dinkes.pk}/"' in html


def test_api_unit_list_is_paginated_with_a_total(klien):
    dinkes = UnitOrganisasi.objects.get(kode="DINKES")
    data = klien.get(f"/api/organisasi/unit?induk={dinkes.pk}&limit=2").json()
    assert data["count"] == 3 and len(data["items"]) == 2
    assert len(klien.get(f"/api/organisasi/unit?induk={dinkes.pk}&limit=2&offset=2").json()["items"]) == 1
    assert klien.get("/api/organisasi/unit?limit=100000").status_code == 422


def test_warning_page_counts_each_category_as_the_full_export_does(rf):
    from sikerja.kedudukan.services import hitung_ulang
    from sikerja.kedudukan.views import _peringatan_halaman, _peringatan_rows

    org = buat_organisasi(ORG)
    Pegawai.objects.filter(nip__in=[nip(1), nip(3)]).update(aktif=False, kepala_unit=False)
    hitung_ulang(org)
    user = buat_akun(Pegawai.objects.get(nip=nip(6)), bkpsdm=True)
    for kategori in ["", "tanpa_ppk", "tanpa_puo", "menunggu_delegasi", "lain"]:
        request = rf.get("/kedudukan/pemantauan/", {"kategori": kategori} if kategori else {})
        request.user = user
        rows, filt = _peringatan_rows(request)
        halaman, jumlah, filt_halaman = _peringatan_halaman(request)
        assert filt_halaman["ringkasan"] == filt["ringkasan"]
        assert jumlah == len(rows)
        assert [(r["k"].id, r["kategori"]) for r in halaman] == [(r["k"].id, r["kategori"]) for r in rows[:100]]
    assert sum(n for _, _, n in filt["ringkasan"]) > 0
