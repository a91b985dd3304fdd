"""Same-machine comparison of issue #11: the mixed workload on this checkout and on an earlier revision.

    .venv/bin/python bench/bench_banding.py [--rev 57af10a] [--pegawai 50000] [--campuran 20] [--putaran 2]

Issue #11 asks for "mixed throughput ≥ 4× today's", where "today's" (about 45 req/s on two cores)
was measured on another machine. This bench measures both sides here, in one run:

* the earlier revision (default ``57af10a``, the last commit before the issue was filed) is
  extracted with ``git archive`` under ``var/bench/banding/<rev>`` and runs from there with this
  checkout's virtualenv; its own ``siapkan`` and ``demo`` build its own database (its schema);
* this checkout builds its database the same way (same profile, same N pegawai, same password);
* both are served by gunicorn with the same options (2 workers, DEBUG off, the earlier
  revision through its ``sikerja.wsgi`` as it had no ``sikerja serve``), both up at once on two
  loopback ports, and the demo accounts log in through each one's login form;
* the endpoints are those of ``bench_beban`` that **both** revisions serve with 200 to some demo
  account (pages of modules the earlier revision did not have are left out, and listed);
* per endpoint, then the mixed workload (every common endpoint in turn), measured alternately
  (old, new, old, new… ``--putaran`` rounds) so a slow spell of a shared machine hits both.

Reported: worker CPU per request (gunicorn workers' own CPU time, psutil) of each endpoint and of
the mix, for each revision, and their ratio; and the requests per second of the mix. The demo data
differ where the newer demo creates more (e.g. tim kerja and siklus work), which only adds to the
newer side's work on shared pages.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tarfile
import time
import uuid
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_beban as bb  # noqa: E402

ROOT = bb.ROOT
BIN = bb.BIN


def ekstrak(rev: str, ke: Path) -> None:
    if (ke / "sikerja" / "cli.py").exists():
        return
    ke.mkdir(parents=True, exist_ok=True)
    arsip = subprocess.run(["git", "-C", str(ROOT), "archive", rev], check=True, capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(arsip)) as t:
        t.extractall(ke, filter="data")


def bangun(nama: str, db: str, env: dict[str, str], cmd: list[str], cwd: Path, args: argparse.Namespace) -> None:
    import psycopg

    dasar, basis = db.rsplit("/", 1)
    with psycopg.connect(f"{dasar}/postgres", autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{basis}" WITH (FORCE)')
        c.execute(f'CREATE DATABASE "{basis}"')
    t = time.perf_counter()
    for sub in (["siapkan"], ["demo", "--profil", args.profil, "--pegawai", str(args.pegawai),
                              "--password", bb.PASSWORD]):
        r = subprocess.run([*cmd, *sub], env=env, cwd=cwd, capture_output=True, text=True)
        if r.returncode:
            raise SystemExit(f"{nama}: {' '.join(sub)} gagal:\n{r.stderr[-3000:]}")
    print(f"  {nama}: demo {args.profil}, {args.pegawai} pegawai, built in {time.perf_counter() - t:.0f} s")


class Server:
    def __init__(self, nama: str, env: dict[str, str], cwd: Path, port: int, workers: int, log: Path) -> None:
        self.nama, self.env, self.port = nama, env, port
        self.log = open(log, "wb")
        # The master runs under a shell so bench_beban.Pekerja finds the workers below it.
        perintah = (f"{sys.executable} -m gunicorn sikerja.wsgi:application --bind 127.0.0.1:{port} "
                    f"--workers {workers} --worker-tmp-dir /dev/shm --graceful-timeout 20 --timeout 60 & wait")
        self.proc = subprocess.Popen(["bash", "-c", perintah], env=env, cwd=cwd, stdout=self.log,
                                     stderr=subprocess.STDOUT, start_new_session=True)
        batas = time.monotonic() + 90
        while True:
            try:
                c = bb._conn(port)
                c.request("GET", "/masuk/")
                c.getresponse().read()
                break
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > batas:
                    raise SystemExit(f"{nama}: " + log.read_text()[-3000:]) from None
                time.sleep(0.3)
        self.pekerja = bb.Pekerja(self.proc.pid)
        for _ in range(50):
            if len(self.pekerja.proses()) == workers:
                break
            time.sleep(0.1)
        assert len(self.pekerja.proses()) == workers, f"{nama}: gunicorn workers not found"

    def berhenti(self) -> None:
        os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.log.close()


def ukur(s: Server, izin: dict[str, list[bb.Sesi]], urls: list[str], detik: float,
         klien: int) -> tuple[float, float, int, int]:
    """(worker CPU ms per request, requests per second, requests, errors) of ``urls`` in turn."""
    c0 = s.pekerja.cpu()
    h, dur = bb.jalankan(s.port, izin, urls, detik, klien)
    n = sum(len(v.latensi) for v in h.values())
    return (s.pekerja.cpu() - c0) / max(n, 1) * 1000, n / dur, n, sum(v.galat for v in h.values())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rev", default="57af10a", help="the earlier revision (default: before issue #11 was filed)")
    ap.add_argument("--pegawai", type=int, default=50000)
    ap.add_argument("--profil", default="pasuruan")
    ap.add_argument("--detik", type=float, default=3.0, help="seconds per endpoint per revision")
    ap.add_argument("--campuran", type=float, default=20.0, help="seconds of the mixed workload per round")
    ap.add_argument("--putaran", type=int, default=2, help="alternating rounds of the mixed workload")
    ap.add_argument("--klien", type=int, default=4)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--port", type=int, default=8151, help="the earlier revision's port; this checkout's is +1")
    ap.add_argument("--db", default="postgres://postgres@127.0.0.1:5432/sikerja_banding",
                    help="database URL prefix: <db>_lama and <db>_baru")
    ap.add_argument("--pakai-data", action="store_true", help="reuse the databases of a previous run")
    args = ap.parse_args()

    var = ROOT / "var" / "bench" / "banding"
    rev = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", args.rev], check=True,
                         capture_output=True, text=True).stdout.strip()
    kini = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], check=True,
                          capture_output=True, text=True).stdout.strip()
    lama_dir = var / rev
    ekstrak(rev, lama_dir)
    kunci = "bench-" + uuid.uuid4().hex * 2
    dasar = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "PYTHONPATH")}
    dasar.update(DEBUG="0", SIKERJA_HTTPS="0", SECRET_KEY=kunci, ALLOWED_HOSTS="127.0.0.1",
                 LOG_PERMINTAAN="WARNING", LOG_LEVEL="WARNING")
    env_lama = dict(dasar, DATABASE_URL=f"{args.db}_lama", PYTHONPATH=str(lama_dir),
                    DJANGO_SETTINGS_MODULE="sikerja.settings", SIKERJA_VAR_DIR=str(var / f"{rev}-var"),
                    STATIC_ROOT=str(var / f"{rev}-var" / "static"))
    env_baru = dict(dasar, DATABASE_URL=f"{args.db}_baru", SIKERJA_VAR_DIR=str(var / "baru-var"),
                    STATIC_ROOT=str(var / "baru-var" / "static"), DJANGO_SETTINGS_MODULE="sikerja.settings.production")
    print(f"SIKERJA same-machine comparison — {rev} (earlier) against {kini} (this checkout); PostgreSQL, "
          f"{args.workers} gunicorn workers each, {args.klien} clients, loopback")
    if not args.pakai_data:
        bangun(rev, env_lama["DATABASE_URL"], env_lama, [sys.executable, "-m", "sikerja.cli"], lama_dir, args)
        bangun(kini, env_baru["DATABASE_URL"], env_baru, [str(BIN / "sikerja")], ROOT, args)
    # The production settings, as `sikerja serve` runs them (their static files collected first).
    subprocess.run([BIN / "sikerja", "collectstatic", "--noinput", "-v0"], env=env_baru, check=True)

    server: dict[str, Server] = {}
    try:
        server[rev] = Server(rev, env_lama, lama_dir, args.port, args.workers, var / f"{rev}.log")
        server[kini] = Server(kini, env_baru, ROOT, args.port + 1, args.workers, var / "baru.log")
        izin: dict[str, dict[str, list[bb.Sesi]]] = {}
        url: dict[str, dict[str, str]] = {}
        for nama, s in server.items():
            endpoints, users = bb.url_uji(s.env)
            sesi = [bb.login(s.port, u) for u in users for _ in range(2)]
            izin[nama], url[nama] = {}, {}
            for label, u in endpoints.items():
                boleh, _ = bb.boleh_buka(s.port, sesi, u)
                if boleh:
                    izin[nama][u], url[nama][label] = boleh, u
        sama = [label for label in url[kini] if label in url[rev]]
        print(f"  endpoints both serve: {len(sama)}; only in {kini}: "
              f"{', '.join(x for x in url[kini] if x not in url[rev]) or '-'}; only in {rev}: "
              f"{', '.join(x for x in url[rev] if x not in url[kini]) or '-'}")
        for nama, s in server.items():  # warm up
            for label in sama:
                bb.jalankan(s.port, izin[nama], [url[nama][label]], 0.3, 1)

        print()
        print(f"Per endpoint ({args.klien} clients × {args.detik:g} s each, worker CPU ms/request)")
        print(f"  {'endpoint':<30} {rev:>10} {kini:>10} {'ratio':>7}  errors")
        for label in sama:
            cpu = {}
            galat = 0
            for nama, s in server.items():
                u = url[nama][label]
                cpu[nama], _, _, g = ukur(s, izin[nama], [u], args.detik, args.klien)
                galat += g
            print(f"  {label:<30} {cpu[rev]:10.2f} {cpu[kini]:10.2f} {cpu[rev] / cpu[kini]:6.1f}×  {galat}")

        print()
        print(f"Mixed workload ({len(sama)} common endpoints in turn, {args.klien} clients, "
              f"{args.campuran:g} s per round, alternating)")
        total: dict[str, list[float]] = {nama: [0.0, 0.0] for nama in server}  # CPU s, requests
        for putaran in range(1, args.putaran + 1):
            for nama, s in server.items():
                urls = [url[nama][label] for label in sama]
                cpu, rps, n, galat = ukur(s, izin[nama], urls, args.campuran, args.klien)
                total[nama][0] += cpu * n / 1000
                total[nama][1] += n
                print(f"  round {putaran} {nama:>10}: {rps:6.1f} req/s, worker CPU {cpu:6.2f} ms/request "
                      f"(≈ {2000 / cpu:.0f} req/s on two cores), {n} requests, {galat} errors")
        per = {nama: t[0] / t[1] * 1000 for nama, t in total.items()}
        print(f"  overall: {rev} {per[rev]:.2f} ms/request, {kini} {per[kini]:.2f} ms/request → "
              f"{kini} serves {per[rev] / per[kini]:.1f}× the mixed requests per CPU second of {rev}")
    finally:
        for s in server.values():
            s.berhenti()


if __name__ == "__main__":
    main()
