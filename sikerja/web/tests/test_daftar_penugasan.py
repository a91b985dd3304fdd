"""The penugasan list: filters, search, paging and Excel export (issue #12 point 6)."""

from __future__ import annotations

from datetime import date, timedelta
from io import BytesIO

import pytest
from openpyxl import load_workbook

from sikerja.organisasi.models import Pegawai, UnitOrganisasi
from sikerja.organisasi.testing import buat_akun, buat_organisasi, nip
from sikerja.organisasi.tests.conftest import ORG
from sikerja.penugasan import services
from sikerja.penugasan.tests.conftest import data, penerima

pytestmark = pytest.mark.django_db


@pytest.fixture
def org():
    return buat_organisasi(ORG)


@pytest.fixture
def ani(org):
    return buat_akun(Pegawai.objects.get(nip=nip(3)))


def _tugaskan(ani, judul, n=4, beban=10, **kw):
    return services.buat_penunjukan_dalam_unit(pengguna=ani, data=data(judul=judul, **kw),
                                               penerima=[penerima(Pegawai.objects.get(nip=nip(n)), beban)])


def test_search_finds_by_title_and_by_assignees_name(client, ani):
    _tugaskan(ani, "Surveilans DBD")
    _tugaskan(ani, "Rekap arsip", n=5)
    client.force_login(ani)
    html = client.get("/penugasan/", {"q": "surveilans"}).content.decode()
    assert "Surveilans DBD" in html and "Rekap arsip" not in html
    html = client.get("/penugasan/", {"q": "rudi"}).content.decode()
    assert "Rekap arsip" in html and "Surveilans DBD" not in html


def test_filters_by_period_status_path_and_unit(client, ani, org):
    hari = date.today()
    _tugaskan(ani, "Tugas lama", mulai=hari - timedelta(days=90), selesai=hari - timedelta(days=60))
    _tugaskan(ani, "Tugas kini")
    client.force_login(ani)
    html = client.get("/penugasan/", {"dari": hari.isoformat()}).content.decode()
    assert "Tugas kini" in html and "Tugas lama" not in html
    html = client.get("/penugasan/", {"status": "ditolak"}).content.decode()
    assert "Tugas kini" not in html and "Tidak ada penugasan yang cocok" in html
    html = client.get("/penugasan/", {"jalur": "dalam_unit", "status": "ditugaskan"}).content.decode()
    assert "Tugas kini" in html
    dinkes = UnitOrganisasi.objects.get(kode="DINKES")
    setda = UnitOrganisasi.objects.get(kode="SETDA")
    assert "Tugas kini" in client.get("/penugasan/", {"unit": dinkes.pk}).content.decode()
    assert "Tugas kini" not in client.get("/penugasan/", {"unit": setda.pk}).content.decode()
    # Unknown values are ignored rather than failing.
    assert client.get("/penugasan/", {"status": "x", "dari": "2026-13-45", "unit": "abc"}).status_code == 200


def test_the_list_is_paged_with_filters_kept(client, ani):
    for i in range(52):
        _tugaskan(ani, f"Tugas rutin {i:02d}", n=4 + i % 2, beban=1)
    client.force_login(ani)
    html = client.get("/penugasan/", {"q": "rutin"}).content.decode()
    assert "52 penugasan" in html and "Halaman 1 dari 2" in html and "q=rutin&amp;hal=2" in html


def test_excel_export_has_the_filtered_rows_and_formulas_as_text(client, ani):
    _tugaskan(ani, "=HYPERLINK(\"http://contoh\")")
    _tugaskan(ani, "Tugas biasa", n=5)
    client.force_login(ani)
    r = client.get("/penugasan/ekspor.xlsx", {"q": "hyperlink"})
    ws = load_workbook(BytesIO(r.content))["Penugasan"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0] == "Judul" and len(rows) == 2
    assert rows[1][0].startswith("=HYPERLINK") and ws.cell(row=2, column=1).data_type == "s"
    assert "Sari (10%)" in rows[1][8]


def test_the_list_and_export_show_only_what_the_user_may_open(client, ani):
    _tugaskan(ani, "Urusan Bidang P2P")
    client.force_login(buat_akun(Pegawai.objects.get(nip=nip(8))))  # Eko, elsewhere
    assert "Urusan Bidang P2P" not in client.get("/penugasan/").content.decode()
    ws = load_workbook(BytesIO(client.get("/penugasan/ekspor.xlsx").content))["Penugasan"]
    assert ws.max_row == 1


def test_excel_export_has_one_row_per_assignment_even_when_several_assignees_match(client, ani):
    """A team of two found by a search that matches both assignees is still one row, the
    assignees listed in one cell; an ended assignment reads "Selesai" (issue 9 point 9)."""
    from sikerja.penugasan.models import Penugasan

    p = services.buat_penunjukan_dalam_unit(
        pengguna=ani, data=data(judul="Tim survei", bentuk="tim"),
        penerima=[penerima(Pegawai.objects.get(nip=nip(4)), 10, ketua=True),
                  penerima(Pegawai.objects.get(nip=nip(5)), 10)])
    Penugasan.objects.filter(pk=p.pk).update(mulai=date.today() - timedelta(days=30),
                                             selesai=date.today() - timedelta(days=1))
    client.force_login(ani)
    nama = [r.pegawai.nama.split()[0] for r in p.penerima.select_related("pegawai")]
    for q in ("survei", nama[0], nama[1]):
        rows = list(load_workbook(BytesIO(client.get("/penugasan/ekspor.xlsx", {"q": q}).content))["Penugasan"]
                    .iter_rows(values_only=True))
        assert len(rows) == 2, q
        assert rows[1][2] == "Selesai" and all(n in rows[1][8] for n in nama)
    rows = list(load_workbook(BytesIO(client.get("/penugasan/ekspor.xlsx", {"status": "selesai"}).content))[
        "Penugasan"].iter_rows(values_only=True))
    assert [r[0] for r in rows[1:]] == ["Tim survei"]
