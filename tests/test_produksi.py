"""The production server as a deployment runs it: ``sikerja serve`` (gunicorn, 2 workers,
WhiteNoise, the task worker) with DEBUG off on a free loopback port, against its own
database (SQLite file, or a fresh PostgreSQL database when DATABASE_URL is PostgreSQL).
Logs in through the real login form and loads the main pages, the API docs and a static file.
"""

from __future__ import annotations

import http.cookiejar
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.produksi

BIN = Path(sys.executable).parent


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _basis_data(tmp: Path) -> Iterator[str]:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        yield f"sqlite:///{tmp / 'produksi.sqlite3'}"
        return
    import psycopg

    dasar, nama_asal = url.rsplit("/", 1)
    nama = f"test_{nama_asal}_produksi_{uuid.uuid4().hex[:6]}"
    with psycopg.connect(f"{dasar}/postgres", autocommit=True) as c:
        c.execute(f'CREATE DATABASE "{nama}"')
    try:
        yield f"{dasar}/{nama}"
    finally:
        with psycopg.connect(f"{dasar}/postgres", autocommit=True) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{nama}" WITH (FORCE)')


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("produksi")
    gen = _basis_data(tmp)
    db = next(gen)
    port = _port_bebas()
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(DATABASE_URL=db, DEBUG="0", SIKERJA_HTTPS="0", SIKERJA_VAR_DIR=str(tmp),
               STATIC_ROOT=str(tmp / "static"), SECRET_KEY="uji-produksi-" + uuid.uuid4().hex * 2,
               ALLOWED_HOSTS="127.0.0.1", LOG_PERMINTAAN="WARNING")
    subprocess.run([BIN / "sikerja", "siapkan"], env=env, check=True, capture_output=True)
    subprocess.run([BIN / "sikerja", "demo", "--pegawai", "120", "--password", "sandi-produksi-uji"],
                   env=env, check=True, capture_output=True)
    log = open(tmp / "serve.log", "wb")
    proses = subprocess.Popen([BIN / "sikerja", "serve", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
                              env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    alamat = f"http://127.0.0.1:{port}"
    try:
        batas = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(f"{alamat}/sehat/hidup/", timeout=10)
                break
            except OSError:  # refused while gunicorn starts; a read timeout on a loaded machine
                if proses.poll() is not None or time.monotonic() > batas:
                    raise RuntimeError((tmp / "serve.log").read_text()[-3000:]) from None
                time.sleep(0.3)
        yield alamat
    finally:
        proses.send_signal(signal.SIGTERM)
        try:
            proses.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proses.pid, signal.SIGKILL)
        log.close()
        next(gen, None)


def _buka(opener: urllib.request.OpenerDirector, url: str, data: dict | None = None):  # type: ignore[no-untyped-def]
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    return opener.open(urllib.request.Request(url, data=body, headers={"Referer": url}), timeout=30)


def test_production_server_logs_in_and_serves_main_pages_and_static_files(server: str) -> None:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    halaman = _buka(opener, f"{server}/masuk/")
    assert halaman.headers["Cache-Control"] is None or "no-store" not in halaman.headers["Cache-Control"]
    html = halaman.read().decode()
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)  # type: ignore[union-attr]
    r = _buka(opener, f"{server}/masuk/", {"csrfmiddlewaretoken": csrf, "username": "admin",
                                           "password": "sandi-produksi-uji"})
    assert r.url.rstrip("/") == server, "login did not redirect to the home page"
    for path in ["/", "/organisasi/", "/kedudukan/saya/", "/kedudukan/pemantauan/", "/penugasan/",
                 "/penugasan/kotak-masuk/", "/cari/?q=a", "/api/docs", "/sehat/"]:
        r = _buka(opener, server + path)
        assert r.status == 200, path
        assert "default-src 'self'" in r.headers["Content-Security-Policy"], path
        if path != "/sehat/":
            assert r.headers["Cache-Control"] == "no-store", path
    html = _buka(opener, f"{server}/organisasi/").read().decode()
    # DEBUG off: static names carry a content hash (WhiteNoise manifest) and are served by the app.
    css = re.search(r'href="(/static/vendor/bootstrap\.min\.[0-9a-f]{12}\.css)"', html)
    assert css, "hashed static file name not in the page"
    r = _buka(opener, server + css.group(1))
    assert r.status == 200 and r.headers["Content-Type"].startswith("text/css")
    assert "max-age" in r.headers["Cache-Control"]
    docs = _buka(opener, f"{server}/api/docs").read().decode()
    js = re.search(r'src="(/static/vendor/swagger-ui/swagger-ui-bundle\.[0-9a-f]{12}\.js)"', docs)
    assert js and _buka(opener, server + js.group(1)).status == 200
    with pytest.raises(urllib.error.HTTPError) as e:
        _buka(opener, f"{server}/tidak-ada/")
    assert e.value.code == 404 and b"Traceback" not in e.value.read()
