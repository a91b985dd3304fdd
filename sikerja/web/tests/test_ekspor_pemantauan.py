"""The existing monitoring export writes through sikerja.ekspor (issue #10 point 8)."""

from __future__ import annotations

from io import BytesIO

import pytest
from openpyxl import load_workbook

from sikerja.organisasi.models import Pegawai
from sikerja.organisasi.testing import buat_akun, buat_organisasi, nip
from sikerja.organisasi.tests.conftest import ORG

pytestmark = pytest.mark.django_db


def test_a_name_typed_as_a_formula_is_exported_as_inert_text(client):
    # Bidang P2P without a head: its pegawai get a warning row naming the unit
    org = ORG.replace("nama: Bidang P2P,", 'nama: "=HYPERLINK(\\"http://x\\",\\"P2P\\")",')
    buat_organisasi(org.replace("unit: DINKES-P2P, kepala_unit: true", "unit: DINKES-P2P"))
    client.force_login(buat_akun(Pegawai.objects.get(nip=nip(6)), bkpsdm=True))
    r = client.get("/kedudukan/pemantauan/ekspor.xlsx")
    assert r.status_code == 200
    wb = load_workbook(BytesIO(r.content))
    sel = [c for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert sel and all(c.data_type == "s" and c.value.startswith("=") for c in sel)
