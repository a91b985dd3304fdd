"""``sikerja cadangkan`` / ``sikerja pulihkan``: a backup restored into an empty database
holds exactly the same rows in every table (SQLite always; PostgreSQL when the tests run on it)."""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from sikerja.operasi.cadangan import GagalCadangan, pulihkan
from sikerja.organisasi.models import Pegawai
from sikerja.organisasi.testing import buat_akun, buat_organisasi, nip
from sikerja.organisasi.tests.conftest import ORG

pytestmark = pytest.mark.django_db(transaction=True)


def _baris(fetch, tabel: str) -> list[tuple]:
    return sorted(fetch(tabel), key=repr)


def _isi_aplikasi() -> dict[str, list[tuple]]:
    hasil = {}
    with connection.cursor() as c:
        for t in connection.introspection.table_names(c):
            c.execute(f"SELECT * FROM {connection.ops.quote_name(t)}")
            hasil[t] = _baris(lambda _t, c=c: c.fetchall(), t)
    return hasil


def test_backup_restored_into_an_empty_database_has_every_table_row_for_row(tmp_path: Path):
    buat_organisasi(ORG)
    buat_akun(Pegawai.objects.get(nip=nip(4)))
    berkas = tmp_path / "cadangan.bin"
    call_command("cadangkan", str(berkas))
    asli = _isi_aplikasi()
    assert asli["organisasi_pegawai"] and asli["kedudukan_kedudukan"] and asli["akun_pengguna"]

    if connection.vendor == "sqlite":
        kosong = tmp_path / "kosong.sqlite3"
        sqlite3.connect(kosong).close()
        pulihkan(berkas, {"ENGINE": "django.db.backends.sqlite3", "NAME": str(kosong)})
        # Read with the column-type converters Django's own connection uses (bool, datetime).
        with sqlite3.connect(kosong, detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES) as db:
            pulih = {t: _baris(lambda t: db.execute(f'SELECT * FROM "{t}"').fetchall(), t) for t in asli}
    else:
        import psycopg

        s = connection.settings_dict
        nama = f"{s['NAME']}_pulih_{uuid.uuid4().hex[:6]}"
        dsn = dict(host=s["HOST"] or None, port=s["PORT"] or None, user=s["USER"] or None,
                   password=s["PASSWORD"] or None)
        with psycopg.connect(dbname="postgres", autocommit=True, **dsn) as admin:
            admin.execute(f'CREATE DATABASE "{nama}"')
        # Both sides read with plain psycopg (Django's own connection returns JSON as text).
        with psycopg.connect(dbname=s["NAME"], **dsn) as db:
            asli = {t: _baris(lambda t: db.execute(f'SELECT * FROM "{t}"').fetchall(), t) for t in asli}
        try:
            pulihkan(berkas, {**s, "NAME": nama})
            with psycopg.connect(dbname=nama, **dsn) as db:
                pulih = {t: _baris(lambda t: db.execute(f'SELECT * FROM "{t}"').fetchall(), t) for t in asli}
        finally:
            with psycopg.connect(dbname="postgres", autocommit=True, **dsn) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{nama}" WITH (FORCE)')
    assert pulih.keys() == asli.keys()
    for tabel, baris in asli.items():
        assert pulih[tabel] == baris, tabel


def test_restoring_a_file_that_is_not_a_backup_says_so(tmp_path: Path):
    palsu = tmp_path / "bukan.dump"
    palsu.write_text("ini bukan cadangan")
    with pytest.raises(GagalCadangan, match="cadangan"):
        pulihkan(palsu, {"ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / "x.sqlite3")})
    with pytest.raises(GagalCadangan, match="tidak ada"):
        pulihkan(tmp_path / "tidak-ada.dump")
