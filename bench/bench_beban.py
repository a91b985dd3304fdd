"""Load bench of issue #11: the production server as a Pemda runs it, on loopback, bounded in time.

    .venv/bin/python bench/bench_beban.py [--pegawai 50000] [--detik 4] [--klien 4] [--campuran 20]

Builds a demo instansi of N pegawai in its own PostgreSQL database (``--db``, recreated),
starts ``sikerja serve`` (gunicorn, 2 workers, WhiteNoise, DEBUG off, and the task worker, so
the queue is worked off and ``/sehat/`` answers healthy) on ``--port`` and
logs the demo accounts in through the login form (real sessions). Then, per endpoint,
``--klien`` keep-alive clients hit it for ``--detik`` seconds, each request as one of the demo
accounts allowed to open it, and a mixed phase runs all endpoints for ``--campuran`` seconds.
The work pages (penugasan, tim kerja, siklus) show what ``sikerja demo`` creates for its
accounts. Prints requests per second, p50/p95/p99 latency and
the **CPU per request** of each endpoint, measured as the gunicorn workers' own process
CPU time (user + system, from psutil) divided by the requests served. Latency on a shared
machine depends on the neighbours; worker CPU per request does not. Each endpoint's ratio
is its CPU per request over that of a trivial view (``/sehat/hidup/``) in the same run
(target ≤ 10). Any non-200 answer counts as an error.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PASSWORD = "bench-beban-sandi-1"


@dataclass
class Sesi:
    username: str
    cookie: str


@dataclass
class Hasil:
    latensi: list[float] = field(default_factory=list)
    galat: int = 0
    contoh_galat: str = ""


def _conn(port: int) -> http.client.HTTPConnection:
    return http.client.HTTPConnection("127.0.0.1", port, timeout=60)


def login(port: int, username: str) -> Sesi:
    c = _conn(port)
    c.request("GET", "/masuk/")
    r = c.getresponse()
    html = r.read().decode()
    csrf_cookie = re.search(r"csrftoken=([^;]+)", r.getheader("Set-Cookie", "")).group(1)  # type: ignore[union-attr]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)  # type: ignore[union-attr]
    body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": username, "password": PASSWORD})
    c.request("POST", "/masuk/", body=body, headers={
        "Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={csrf_cookie}",
        "Referer": f"http://127.0.0.1:{port}/masuk/"})
    r = c.getresponse()
    r.read()
    assert r.status == 302, (username, r.status)
    sid = re.search(r"sessionid=([^;]+)", r.getheader("Set-Cookie", "")).group(1)  # type: ignore[union-attr]
    c.close()
    return Sesi(username, f"sessionid={sid}; csrftoken={csrf_cookie}")


def _pukul(port: int, izin: dict[str, list[Sesi]], urls: list[str], sampai: float, hasil: dict[str, Hasil],
           kunci: threading.Lock, mulai_index: int) -> None:
    """One keep-alive client: the urls in turn, each as one of the sessions allowed to open it."""
    c = _conn(port)
    i = mulai_index
    lokal: dict[str, Hasil] = {u: Hasil() for u in urls}
    while time.perf_counter() < sampai:
        url = urls[i % len(urls)]
        sesi = izin[url][(i // len(urls) + mulai_index) % len(izin[url])]
        i += 1
        t = time.perf_counter()
        try:
            c.request("GET", url, headers={"Cookie": sesi.cookie})
            r = c.getresponse()
            r.read()
            status = r.status
        except (OSError, http.client.HTTPException) as e:
            c.close()
            c = _conn(port)
            status, r = -1, None
            lokal[url].contoh_galat = repr(e)
        lokal[url].latensi.append((time.perf_counter() - t) * 1000)
        if status != 200:
            lokal[url].galat += 1
            lokal[url].contoh_galat = lokal[url].contoh_galat or f"HTTP {status}"
    c.close()
    with kunci:
        for u, h in lokal.items():
            hasil[u].latensi += h.latensi
            hasil[u].galat += h.galat
            hasil[u].contoh_galat = hasil[u].contoh_galat or h.contoh_galat


def jalankan(port: int, izin: dict[str, list[Sesi]], urls: list[str], detik: float,
             klien: int) -> tuple[dict[str, Hasil], float]:
    hasil = {u: Hasil() for u in urls}
    kunci = threading.Lock()
    sampai = time.perf_counter() + detik
    t = time.perf_counter()
    threads = [threading.Thread(target=_pukul, args=(port, izin, urls, sampai, hasil, kunci, k))
               for k in range(klien)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return hasil, time.perf_counter() - t


def boleh_buka(port: int, sesi: list[Sesi], url: str) -> tuple[list[Sesi], str]:
    """The sessions whose user gets 200 for ``url`` (one request per user), and the first refusal."""
    c = _conn(port)
    boleh: list[Sesi] = []
    status_user: dict[str, int] = {}
    contoh = ""
    for s in sesi:
        if s.username not in status_user:
            c.request("GET", url, headers={"Cookie": s.cookie})
            r = c.getresponse()
            r.read()
            status_user[s.username] = r.status
            if r.status != 200 and not contoh:
                contoh = f"{s.username}: HTTP {r.status}"
        if status_user[s.username] == 200:
            boleh.append(s)
    c.close()
    return boleh, contoh


def persentil(data: list[float], p: float) -> float:
    if not data:
        return float("nan")
    data = sorted(data)
    return data[min(len(data) - 1, int(len(data) * p))]


class Pekerja:
    """CPU time of the gunicorn workers (children of the gunicorn master)."""

    def __init__(self, serve_pid: int) -> None:
        import psutil

        self.serve = psutil.Process(serve_pid)

    def proses(self):  # type: ignore[no-untyped-def]
        """The workers: gunicorn processes whose parent is the gunicorn master (whoever started it)."""
        import psutil

        gunicorn = []
        for p in self.serve.children(recursive=True):
            try:
                if "gunicorn" in " ".join(p.cmdline()):
                    gunicorn.append(p)
            except psutil.Error:
                pass
        pids = {p.pid for p in gunicorn}
        return [p for p in gunicorn if p.ppid() in pids]

    def cpu(self) -> float:
        total = 0.0
        for p in self.proses():
            t = p.cpu_times()
            total += t.user + t.system
        return total


def siapkan_data(args: argparse.Namespace, env: dict[str, str]) -> None:
    import psycopg

    dasar, nama = args.db.rsplit("/", 1)
    with psycopg.connect(f"{dasar}/postgres", autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{nama}" WITH (FORCE)')
        c.execute(f'CREATE DATABASE "{nama}"')
    t = time.perf_counter()
    subprocess.run([BIN / "sikerja", "siapkan"], env=env, check=True, capture_output=True)
    subprocess.run([BIN / "sikerja", "demo", "--profil", args.profil, "--pegawai", str(args.pegawai),
                    "--password", PASSWORD], env=env, check=True, capture_output=True)
    print(f"  data: demo {args.profil}, {args.pegawai} pegawai, built in {time.perf_counter() - t:.0f} s")


def url_uji(env: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """Endpoints (label → url) and the usernames of the demo accounts, read from the database."""
    import psycopg

    with psycopg.connect(env["DATABASE_URL"]) as c:
        q = lambda sql: c.execute(sql).fetchall()  # noqa: E731
        # The demo's printed accounts; every other pegawai has an account without a usable password yet
        # (it is activated through an account letter), which Django marks with a leading "!".
        users = [u for (u,) in q("SELECT username FROM akun_pengguna WHERE instansi_id IS NOT NULL "
                                 "AND password NOT LIKE '!%' ORDER BY id")]
        unit_besar = q("SELECT unit_id FROM organisasi_pegawai GROUP BY unit_id ORDER BY count(*) DESC LIMIT 1")[0][0]
        pd = q("SELECT u.id FROM organisasi_unitorganisasi u WHERE induk_id IS NULL ORDER BY "
               "(SELECT count(*) FROM organisasi_unitorganisasi a WHERE a.akar_pd_id = u.id) DESC LIMIT 1")[0][0]
        peg_id, peg_nip = q("SELECT id, nip FROM organisasi_pegawai WHERE jenis_jabatan = 'fungsional' "
                            "ORDER BY nip LIMIT 1")[0]
    urls = {
        "trivial view (/sehat/hidup/)": "/sehat/hidup/",
        "health (/sehat/)": "/sehat/",
        "beranda": "/",
        "organisation tree": "/organisasi/",
        "unit page (largest unit)": f"/organisasi/unit/{unit_besar}/",
        "sub-units (htmx)": f"/organisasi/unit/{pd}/anak/",
        "pegawai page": f"/organisasi/pegawai/{peg_id}/",
        "kedudukan saya": "/kedudukan/saya/",
        "bawahan": "/kedudukan/bawahan/",
        "bagan kedudukan (largest PD)": f"/kedudukan/bagan/{pd}/",
        "pemantauan (BKPSDM)": "/kedudukan/pemantauan/",
        "search by name": "/cari/?q=sri",
        "penugasan list": "/penugasan/",
        "kotak masuk": "/penugasan/kotak-masuk/",
        "API unit list": "/api/organisasi/unit",
        "API search": "/api/organisasi/cari?q=sri",
        "API pegawai": f"/api/organisasi/pegawai/{peg_nip}",
        "API kedudukan": f"/api/kedudukan/{peg_nip}",
        "API penugasan list": "/api/penugasan/",
        "API kotak masuk": "/api/penugasan/kotak-masuk",
        "tim kerja list": "/tim-kerja/",
        "tim kerja saya": "/tim-kerja/saya/",
        "siklus dashboard": "/siklus/",
        "siklus papan": "/siklus/papan/",
        "PK list": "/siklus/pk/",
        "API tim kerja list": "/api/tim-kerja/",
        "API PK list": "/api/siklus/pk",
        "API kegiatan list": "/api/siklus/kegiatan",
        "API siklus papan": "/api/siklus/papan",
    }
    # Detail pages of the demo's work (sikerja demo creates it), opened by a party to each.
    for label, url, sql in (
        ("penugasan detail", "/penugasan/{}/", "SELECT id FROM penugasan_penugasan ORDER BY id LIMIT 1"),
        ("API penugasan detail", "/api/penugasan/{}", "SELECT id FROM penugasan_penugasan ORDER BY id LIMIT 1"),
        ("tim kerja detail", "/tim-kerja/{}/", "SELECT id FROM timkerja_timkerja ORDER BY id LIMIT 1"),
        ("PK detail", "/siklus/pk/{}/", "SELECT id FROM siklus_perjanjiankinerja ORDER BY id LIMIT 1"),
        ("kegiatan detail", "/siklus/kegiatan/{}/", "SELECT id FROM siklus_kegiatan ORDER BY id LIMIT 1"),
    ):
        with psycopg.connect(env["DATABASE_URL"]) as c:
            try:
                row = c.execute(sql).fetchone()
            except psycopg.errors.UndefinedTable:  # an earlier revision (bench_banding) without that module
                continue
        if row:
            urls[label] = url.format(row[0])
    return urls, users


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pegawai", type=int, default=50000)
    ap.add_argument("--profil", default="pasuruan")
    ap.add_argument("--detik", type=float, default=4.0, help="seconds per endpoint")
    ap.add_argument("--campuran", type=float, default=20.0, help="seconds of the mixed workload")
    ap.add_argument("--klien", type=int, default=4, help="concurrent keep-alive clients")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--port", type=int, default=8141)
    ap.add_argument("--db", default=os.environ.get("BENCH_DATABASE_URL",
                                                   "postgres://postgres@127.0.0.1:5432/sikerja_prod_beban"))
    ap.add_argument("--pakai-data", action="store_true", help="reuse the database of a previous run")
    args = ap.parse_args()

    var = ROOT / "var" / "bench" / "beban"
    var.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(DATABASE_URL=args.db, DEBUG="0", SIKERJA_HTTPS="0", SIKERJA_VAR_DIR=str(var),
               STATIC_ROOT=str(var / "static"), SECRET_KEY="bench-" + uuid.uuid4().hex * 2,
               ALLOWED_HOSTS="127.0.0.1", LOG_PERMINTAAN="WARNING")
    print(f"SIKERJA load bench — PostgreSQL, {args.workers} gunicorn workers, {args.klien} clients, loopback")
    if not args.pakai_data:
        siapkan_data(args, env)
    endpoints, users = url_uji(env)

    log = open(var / "serve.log", "wb")
    serve = subprocess.Popen([BIN / "sikerja", "serve", "--bind", f"127.0.0.1:{args.port}", "--workers",
                              str(args.workers)], env=env, stdout=log, stderr=subprocess.STDOUT,
                             start_new_session=True)
    try:
        batas = time.monotonic() + 90
        while True:
            try:
                c = _conn(args.port)
                c.request("GET", "/sehat/hidup/")
                c.getresponse().read()
                break
            except OSError:
                if serve.poll() is not None or time.monotonic() > batas:
                    raise SystemExit((var / "serve.log").read_text()[-3000:]) from None
                time.sleep(0.3)
        # /sehat/ is healthy once the task worker has worked off what the demo build queued (a reused
        # database holds letters' e-mails queued when it was built; the oldest makes the queue stale).
        batas = time.monotonic() + 120
        while time.monotonic() < batas:
            c = _conn(args.port)
            c.request("GET", "/sehat/")
            if c.getresponse().status == 200:
                break
            time.sleep(1)
        pekerja = Pekerja(serve.pid)
        assert len(pekerja.proses()) == args.workers, "gunicorn workers not found"

        # Logins: the password hash dominates; measured as workers' CPU per login.
        cpu0 = pekerja.cpu()
        t = time.perf_counter()
        sesi_umum = [login(args.port, u) for u in users for _ in range(2)]
        n_login = len(sesi_umum)
        cpu_login = (pekerja.cpu() - cpu0) / n_login * 1000
        print(f"  logins: {n_login} ({len(users)} demo accounts), {cpu_login:.1f} ms worker CPU per login "
              f"(GET form + POST), {n_login / (time.perf_counter() - t):.1f} logins/s sequential")
        # Each endpoint is opened by the demo accounts allowed to (a BKPSDM page by BKPSDM, a
        # team by its members…); one nobody may open is reported and left out, never silently.
        izin: dict[str, list[Sesi]] = {}
        for label, url in list(endpoints.items()):
            boleh, contoh = boleh_buka(args.port, sesi_umum, url)
            if boleh:
                izin[url] = boleh
            else:
                print(f"  ! {label} {url}: no demo account may open it ({contoh}); left out")
                del endpoints[label]
        for url in izin:  # warm up
            jalankan(args.port, izin, [url], 0.3, 1)
        print()
        print(f"Per endpoint ({args.klien} clients × {args.detik:g} s each)")
        print(f"  {'endpoint':<30} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'CPU ms/req':>10} "
              f"{'ratio':>6}  errors")
        cpu_per: dict[str, float] = {}
        baris = []
        for label, url in endpoints.items():
            c0 = pekerja.cpu()
            h, dur = jalankan(args.port, izin, [url], args.detik, args.klien)
            n = len(h[url].latensi)
            cpu_per[label] = (pekerja.cpu() - c0) / max(n, 1) * 1000
            baris.append((label, n / dur, h[url], cpu_per[label]))
        dasar = cpu_per["trivial view (/sehat/hidup/)"]
        terburuk = 0.0
        for label, rps, h, cpu in baris:
            rasio = cpu / dasar
            if not label.startswith("trivial"):
                terburuk = max(terburuk, rasio)
            print(f"  {label:<30} {rps:7.1f} {persentil(h.latensi, .5):7.1f} {persentil(h.latensi, .95):7.1f} "
                  f"{persentil(h.latensi, .99):7.1f} {cpu:10.2f} {rasio:6.1f}  {h.galat}"
                  + ("  MISS" if rasio > 10 else "") + (f"  ({h.contoh_galat})" if h.galat else ""))
        print(f"  worst ratio to the trivial view: {terburuk:.1f} (target ≤ 10)")

        # Mixed: every endpoint in turn, each client starting at a different one.
        urls = list(endpoints.values())
        c0 = pekerja.cpu()
        h, dur = jalankan(args.port, izin, urls, args.campuran, args.klien)
        semua = [x for v in h.values() for x in v.latensi]
        galat = sum(v.galat for v in h.values())
        cpu = pekerja.cpu() - c0
        print()
        print(f"Mixed workload ({len(urls)} endpoints, {args.klien} clients, {args.campuran:g} s)")
        print(f"  {len(semua) / dur:.1f} req/s; p50 {persentil(semua, .5):.1f} ms, p95 {persentil(semua, .95):.1f} ms, "
              f"p99 {persentil(semua, .99):.1f} ms; {len(semua)} requests, {galat} errors")
        print(f"  worker CPU {cpu / len(semua) * 1000:.2f} ms/request → two cores of workers alone would serve "
              f"≈ {2 * len(semua) / cpu:.0f} req/s of this mix (mean {statistics.mean(semua):.1f} ms latency)")
    finally:
        os.killpg(serve.pid, signal.SIGTERM)
        try:
            serve.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(serve.pid, signal.SIGKILL)
        log.close()


if __name__ == "__main__":
    main()
