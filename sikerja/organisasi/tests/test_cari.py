"""Search by name: the first matches by name, on SQLite and on PostgreSQL (two query plans)."""

from __future__ import annotations

import pytest

from sikerja.organisasi.models import Pegawai
from sikerja.organisasi.selectors import cari_pegawai
from sikerja.organisasi.testing import buat_organisasi
from sikerja.organisasi.tests.conftest import ORG

pytestmark = pytest.mark.django_db


def test_search_returns_the_alphabetically_first_matches():
    instansi = buat_organisasi(ORG)
    hasil = list(cari_pegawai(instansi, "i", limit=3))  # a fragment in many names
    semua = sorted(p.nama for p in Pegawai.objects.filter(instansi=instansi, aktif=True, nama__icontains="i"))
    assert len(semua) > 3
    assert [p.nama for p in hasil] == semua[:3] and all(p.unit for p in hasil)
