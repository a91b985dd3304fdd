"""Scale bench of issue #11: many instansi in one PostgreSQL cost each instansi nothing.

    .venv/bin/python bench/bench_skala.py [--instansi 20] [--pegawai 50000] [--profil pasuruan] [--putaran 3]
    .venv/bin/python bench/bench_skala.py --pakai-data      # measure again, databases kept from a build

Builds two PostgreSQL databases: ``--db`` with ``--instansi`` instansi of N pegawai each
(20 × 50,000 = 1,000,000 pegawai at full size) and ``<db>_satu`` with the first of them alone.
Then measures, in ``--putaran`` interleaved rounds so that a neighbour's load falls on every
column alike, the pages of instansi #1 alone, of #1 among all and of the last among all
(median of 30 requests through Django's test client, DEBUG off, wall and CPU time) and their
kedudukan recompute. Every per-instansi number should stay within 1.5× of the single-instansi
one (queries and indexes scoped by instansi). Each measurement runs in its own process
(``--ukur DB KODE``), so the databases never share a connection or a cache.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HALAMAN = ("organisation tree", "unit page (first PD)", "pegawai page", "kedudukan saya", "search by name",
           "API search", "API kedudukan")


def _db(url: str) -> None:
    """Recreate the database ``url``."""
    import psycopg

    dasar, nama = url.rsplit("/", 1)
    with psycopg.connect(f"{dasar}/postgres", autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{nama}" WITH (FORCE)')
        c.execute(f'CREATE DATABASE "{nama}"')


def _django(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    from _setup import setup_django

    setup_django("skala")


def bangun(url: str, dari: int, sampai: int, args: argparse.Namespace) -> None:
    """Import instansi ``dari``..``sampai`` (seeded by their number) into ``url``."""
    _django(url)
    from _setup import timed
    from django.db import connection

    from sikerja.kedudukan.services import hitung_ulang
    from sikerja.organisasi.demo import buat_data_demo
    from sikerja.organisasi.dokumen import validate
    from sikerja.organisasi.models import Instansi, Pegawai
    from sikerja.organisasi.services import impor_dokumen

    t0 = time.perf_counter()
    for i in range(dari, sampai + 1):
        dokumen = validate(buat_data_demo(args.profil, args.pegawai, seed=i, kode=f"skala-{i:02d}"))
        t_imp, _ = timed(lambda: impor_dokumen(dokumen, hitung_kedudukan=False))  # noqa: B023
        t_kd, _ = timed(lambda: hitung_ulang(Instansi.objects.get(kode=dokumen.instansi.kode)))  # noqa: B023
        if i in (dari, sampai):
            print(f"  instansi {i}: import {t_imp:.1f} s, first recompute {t_kd:.1f} s", flush=True)
    # What autovacuum does after bulk loads (each import alone stays under the service's own ANALYZE threshold).
    with connection.cursor() as c:
        c.execute("ANALYZE")
    print(f"  {url.rsplit('/', 1)[1]}: {Pegawai.objects.count()} pegawai in {Instansi.objects.count()} instansi, "
          f"built in {time.perf_counter() - t0:.0f} s", flush=True)


def ukur(url: str, kode: str) -> dict[str, float]:
    """The pages and recompute of instansi ``kode`` in ``url`` (run in its own process)."""
    _django(url)
    from _setup import page_stats, timed
    from django.test import Client

    from sikerja.kedudukan.services import hitung_ulang
    from sikerja.organisasi.models import Instansi, Pegawai, UnitOrganisasi
    from sikerja.organisasi.testing import buat_akun

    instansi = Instansi.objects.get(kode=kode)
    pd = UnitOrganisasi.objects.filter(instansi=instansi, induk__isnull=True).order_by("id").first()
    peg = Pegawai.objects.filter(instansi=instansi, jenis_jabatan="fungsional").order_by("nip").first()
    jf = Pegawai.objects.filter(instansi=instansi, jenis_jabatan="fungsional").order_by("nip")[5]
    assert pd is not None and peg is not None
    user = buat_akun(jf, password="bench-skala-123")  # the import made the account; this sets a password
    c = Client()
    c.force_login(user)
    hasil: dict[str, float] = {}
    for label, url_halaman in zip(HALAMAN, (
        "/organisasi/", f"/organisasi/unit/{pd.pk}/", f"/organisasi/pegawai/{peg.pk}/", "/kedudukan/saya/",
        "/cari/?q=sri", "/api/organisasi/cari?q=sri", f"/api/kedudukan/{peg.nip}",
    ), strict=True):
        hasil[label + " (ms)"] = page_stats(c, url_halaman, n=30)["median"]
        # The same in CPU time of this process: less sensitive to a loaded machine (the database's
        # share is not in it, but EXPLAIN shows those queries index-scoped at well under 1 ms).
        cpu = []
        for _ in range(30):
            t = time.process_time()
            c.get(url_halaman)
            cpu.append((time.process_time() - t) * 1000)
        hasil[label + " (CPU ms)"] = statistics.median(cpu)
    hasil["recompute, nothing changed (s)"] = timed(lambda: hitung_ulang(instansi))[0]
    return hasil


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--instansi", type=int, default=20)
    ap.add_argument("--pegawai", type=int, default=50000)
    ap.add_argument("--profil", default="pasuruan")
    ap.add_argument("--putaran", type=int, default=3, help="interleaved measuring rounds")
    ap.add_argument("--db", default="postgres://postgres@127.0.0.1:5432/sikerja_prod_skala")
    ap.add_argument("--pakai-data", action="store_true", help="measure the databases of an earlier build")
    ap.add_argument("--bangun", nargs=3, metavar=("DB", "DARI", "SAMPAI"), help=argparse.SUPPRESS)
    ap.add_argument("--ukur", nargs=2, metavar=("DB", "KODE"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.bangun:
        bangun(args.bangun[0], int(args.bangun[1]), int(args.bangun[2]), args)
        return
    if args.ukur:
        print(json.dumps(ukur(*args.ukur)))
        return

    satu = args.db + "_satu"
    diri = [sys.executable, str(Path(__file__).resolve()), "--profil", args.profil, "--pegawai", str(args.pegawai)]
    print(f"SIKERJA scale bench — PostgreSQL, {args.instansi} instansi × {args.pegawai} pegawai ({args.profil})")
    if not args.pakai_data:
        for url, sampai in ((satu, 1), (args.db, args.instansi)):
            _db(url)
            subprocess.run([*diri, "--bangun", url, "1", str(sampai)], check=True)
    kolom = {"alone": (satu, "skala-01"), "#1 of " + str(args.instansi): (args.db, "skala-01"),
             f"#{args.instansi}": (args.db, f"skala-{args.instansi:02d}")}
    per_kolom: dict[str, list[dict[str, float]]] = {k: [] for k in kolom}
    for putaran in range(args.putaran):
        for nama, (url, kode) in kolom.items():
            out = subprocess.run([*diri, "--ukur", url, kode], check=True, capture_output=True, text=True).stdout
            per_kolom[nama].append(json.loads(out.strip().splitlines()[-1]))
        print(f"  round {putaran + 1}/{args.putaran} measured", flush=True)
    median = {k: {m: statistics.median(r[m] for r in rs) for m in rs[0]} for k, rs in per_kolom.items()}
    nama = list(kolom)
    print()
    print(f"  median of {args.putaran} interleaved rounds")
    print(f"  {'':<34} {nama[0]:>9} {nama[1]:>9} {nama[2]:>9}  worst ratio")
    terburuk = 0.0
    for label, a in median[nama[0]].items():
        b, c = median[nama[1]][label], median[nama[2]][label]
        rasio = max(b, c) / a if a else float("nan")
        terburuk = max(terburuk, rasio)
        print(f"  {label:<34} {a:9.2f} {b:9.2f} {c:9.2f}  {rasio:5.2f}" + ("  MISS" if rasio > 1.5 else ""))
    print(f"  worst ratio: {terburuk:.2f} (target ≤ 1.5)")


if __name__ == "__main__":
    main()
