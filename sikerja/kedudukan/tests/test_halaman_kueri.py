"""The BKPSDM monitoring page and the chart read a fixed number of queries, whatever the size (issue 11)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sikerja.kedudukan.services import hitung_ulang
from sikerja.organisasi.models import Pegawai, UnitOrganisasi
from sikerja.organisasi.testing import buat_akun, buat_organisasi, nip
from sikerja.organisasi.tests.conftest import ORG

pytestmark = pytest.mark.django_db


def _kueri(client, url: str) -> tuple[int, str]:
    client.get(url)  # session and caches warm
    with CaptureQueriesContext(connection) as q:
        html = client.get(url).content.decode()
    return len(q), html


def test_monitoring_page_reads_rows_spans_and_counts_in_a_fixed_number_of_queries(client):
    org = buat_organisasi(ORG)
    org.ambang_rentang_kendali = 1
    org.save()
    Pegawai.objects.filter(nip=nip(1)).update(aktif=False, kepala_unit=False)
    hitung_ulang(org)
    client.force_login(buat_akun(Pegawai.objects.get(nip=nip(6)), bkpsdm=True))
    n, html = _kueri(client, "/kedudukan/pemantauan/")
    # session, user, instansi, delegation check, counts with explanations, page rows, PD list,
    # spans with their PPK's names, and the navigation's two
    assert n <= 10, n
    assert "Belum ada PPK" in html and "Ani" in html.split('id="tabel-rentang"')[1]
    n_ppk, html = _kueri(client, "/kedudukan/pemantauan/?kategori=tanpa_ppk")
    assert n_ppk == n and "Budi" in html


def test_chart_reads_units_heads_and_lines_in_a_fixed_number_of_queries(client):
    buat_organisasi(ORG)
    client.force_login(buat_akun(Pegawai.objects.get(nip=nip(4))))
    dinkes = UnitOrganisasi.objects.get(kode="DINKES")
    n, html = _kueri(client, f"/kedudukan/bagan/{dinkes.pk}/")
    # session, user, instansi, the root, the drawn units with heads, delegation check, lines with
    # names, and the navigation's two
    assert n <= 9, n
    assert "Puskesmas Bangil" in html and "PPK: Ani" in html
