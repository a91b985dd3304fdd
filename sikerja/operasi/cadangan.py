"""Backup and restore of the whole database, behind ``sikerja cadangkan`` / ``sikerja pulihkan``.

PostgreSQL: ``pg_dump --format=custom`` and ``pg_restore --clean --if-exists`` (consistent
snapshot while the application keeps running; restore replaces every object). SQLite:
the online backup API (``sqlite3.Connection.backup``), page by page, consistent even while
the server writes.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

from django.db import connections


class GagalCadangan(Exception):
    """A backup or restore that did not complete; the message says what to fix."""


def _pg_env(db: dict[str, Any]) -> tuple[list[str], dict[str, str]]:
    args = []
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return args, env


def _jalankan(cmd: list[str], env: dict[str, str]) -> None:
    try:
        hasil = subprocess.run(cmd, env=env, capture_output=True, text=True)
    except FileNotFoundError as e:
        raise GagalCadangan(f"Perintah {cmd[0]} tidak ditemukan: pasang paket postgresql-client.") from e
    if hasil.returncode != 0:
        raise GagalCadangan(f"{cmd[0]} gagal (kode {hasil.returncode}): {hasil.stderr.strip()[-2000:]}")


def cadangkan(berkas: Path, db: dict[str, Any] | None = None) -> Path:
    """Write a backup of database ``db`` (default: the application's) to ``berkas``."""
    db = db or connections["default"].settings_dict
    berkas = Path(berkas)
    berkas.parent.mkdir(parents=True, exist_ok=True)
    if "postgresql" in db["ENGINE"]:
        args, env = _pg_env(db)
        _jalankan(["pg_dump", "--format=custom", "--no-owner", "--file", str(berkas), *args, str(db["NAME"])], env)
    elif "sqlite3" in db["ENGINE"]:
        tmp = berkas.with_name(berkas.name + ".sebagian")
        tujuan = sqlite3.connect(tmp)
        try:
            with tujuan:
                _sqlite_sumber(db).backup(tujuan)
        finally:
            tujuan.close()
        tmp.replace(berkas)
    else:
        raise GagalCadangan(f"Basis data {db['ENGINE']} tidak didukung untuk pencadangan.")
    return berkas


def _sqlite_sumber(db: dict[str, Any]) -> sqlite3.Connection:
    """The live connection when ``db`` is the application's (an in-memory test database
    exists only there), otherwise a new connection to the file."""
    conn = connections["default"]
    if db is conn.settings_dict:
        conn.ensure_connection()
        return conn.connection  # type: ignore[return-value]
    return sqlite3.connect(db["NAME"])


def pulihkan(berkas: Path, db: dict[str, Any] | None = None) -> None:
    """Replace the content of database ``db`` (default: the application's) by the backup ``berkas``."""
    db = db or connections["default"].settings_dict
    berkas = Path(berkas)
    if not berkas.is_file():
        raise GagalCadangan(f"Berkas cadangan {berkas} tidak ada.")
    if "postgresql" in db["ENGINE"]:
        args, env = _pg_env(db)
        _jalankan(["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
                   "--exit-on-error", *args, "--dbname", str(db["NAME"]), str(berkas)], env)
    elif "sqlite3" in db["ENGINE"]:
        sumber = sqlite3.connect(f"file:{berkas}?mode=ro", uri=True)
        try:
            if sumber.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise GagalCadangan(f"Berkas {berkas} bukan cadangan SQLite yang utuh.")
            tujuan = _sqlite_sumber(db)
            sumber.backup(tujuan)
            if tujuan is not connections["default"].connection:
                tujuan.close()
        except sqlite3.DatabaseError as e:
            raise GagalCadangan(f"Berkas {berkas} bukan cadangan SQLite: {e}") from e
        finally:
            sumber.close()
    else:
        raise GagalCadangan(f"Basis data {db['ENGINE']} tidak didukung untuk pemulihan.")
