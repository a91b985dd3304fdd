"""Planner statistics after bulk writes (PostgreSQL): see sikerja.basisdata."""

from __future__ import annotations

import pytest
from django.db import connection, transaction

from sikerja.basisdata import AMBANG_STATISTIK, segarkan_statistik
from sikerja.organisasi.models import Pegawai
from sikerja.organisasi.testing import buat_organisasi
from sikerja.organisasi.tests.conftest import ORG

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="ANALYZE is PostgreSQL's"),
]


def _reltuples() -> float:
    with connection.cursor() as c:
        c.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [Pegawai._meta.db_table])
        return float(c.fetchone()[0])


def test_bulk_write_refreshes_the_statistics_small_write_does_not():
    buat_organisasi(ORG)
    n = Pegawai.objects.count()
    segarkan_statistik(Pegawai, baris=AMBANG_STATISTIK - 1)
    assert _reltuples() != n  # below the threshold nothing is analysed
    segarkan_statistik(Pegawai, baris=AMBANG_STATISTIK)
    assert _reltuples() == n



def test_name_search_has_its_trigram_index_and_a_bulk_write_leaves_it_usable():
    with connection.cursor() as c:
        c.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'pegawai_nama_trgm'")
        (definisi,) = c.fetchone()
    assert "gin" in definisi and "upper" in definisi.lower()
    buat_organisasi(ORG)
    segarkan_statistik(Pegawai, baris=AMBANG_STATISTIK)  # cleans the GIN pending list, then ANALYZE
    assert _reltuples() == Pegawai.objects.count()


def _divakum() -> int:
    with connection.cursor() as c:
        c.execute("SELECT vacuum_count FROM pg_stat_user_tables WHERE relname = %s", [Pegawai._meta.db_table])
        return int(c.fetchone()[0])


@pytest.mark.django_db(transaction=True)
def test_a_committed_bulk_write_is_vacuumed_so_counts_can_use_an_index_alone():
    buat_organisasi(ORG)
    sebelum = _divakum()
    with transaction.atomic():
        segarkan_statistik(Pegawai, baris=AMBANG_STATISTIK)
        assert _divakum() == sebelum  # not inside the write's transaction
    with connection.cursor() as c:
        c.execute("SELECT pg_stat_clear_snapshot()")
    assert _divakum() == sebelum + 1
