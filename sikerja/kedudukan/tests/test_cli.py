"""`sikerja kedudukan --nip NIP [--data FILE] [--json]` (issue #3, point 2)."""

from __future__ import annotations

import json
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from sikerja.organisasi.testing import buat_organisasi, nip
from sikerja.organisasi.tests.conftest import ORG


def run(*args: str) -> str:
    out = StringIO()
    call_command("kedudukan", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def berkas(tmp_path: Path) -> Path:
    f = tmp_path / "org.yaml"
    f.write_text(ORG, encoding="utf-8")
    return f


def test_json_from_a_file_has_the_documented_shape(berkas: Path):
    data = json.loads(run("--nip", nip(4), "--data", str(berkas), "--json"))
    assert set(data) == {"nip", "ppk", "pimpinan_unit", "koordinator", "peringatan", "dasar_hukum"}
    assert data["ppk"] == {"nip": nip(3), "nama": "Ani", "jabatan": "Kepala Bidang P2P"}
    assert data["koordinator"] is None and data["dasar_hukum"]


def test_text_output_is_readable_indonesian(berkas: Path):
    out = run("--nip", nip(8), "--data", str(berkas))
    assert "PPK            : Dewi" in out and "Dasar hukum:" in out


@pytest.mark.django_db
def test_without_data_reads_the_database():
    buat_organisasi(ORG)
    assert json.loads(run("--nip", nip(5), "--json"))["ppk"]["nip"] == nip(3)


def test_unknown_nip_is_a_clear_error(berkas: Path):
    with pytest.raises(CommandError, match="tidak ditemukan"):
        run("--nip", "199901012020011001", "--data", str(berkas))


def test_invalid_file_is_a_clear_error(tmp_path: Path):
    f = tmp_path / "rusak.yaml"
    f.write_text("instansi: {kode: x, nama: X, profil: entah}\nunit: []\npegawai: []\n", encoding="utf-8")
    with pytest.raises(CommandError, match="tidak valid"):
        run("--nip", nip(1), "--data", str(f))


def test_console_command_exits_non_zero_on_error(berkas: Path):
    r = subprocess.run(
        [sys.executable, "-m", "sikerja.cli", "kedudukan", "--nip", "123", "--data", str(berkas)],
        capture_output=True, text=True, check=False,
    )
    assert r.returncode != 0 and "tidak ditemukan" in r.stderr


def test_unprepared_database_is_a_clear_error_not_a_traceback(tmp_path: Path):
    import os

    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'kosong.sqlite3'}",
           "DJANGO_SETTINGS_MODULE": "sikerja.settings", "SECRET_KEY": "uji-" + "x" * 50, "DEBUG": "1"}
    r = subprocess.run([sys.executable, "-m", "sikerja.cli", "kedudukan", "--nip", nip(1)],
                       capture_output=True, text=True, check=False, env=env)
    assert r.returncode != 0 and "sikerja siapkan" in r.stderr and "Traceback" not in r.stderr
