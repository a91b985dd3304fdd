"""Benchmark of penugasan hot paths: the inbox page of a head with 500 pending items,
and issuing a letter (numbering + Typst PDF) — targets: inbox median < 100 ms,
letter < 500 ms.

Run: ``python bench/bench_penugasan.py [--ulang 50]``. Uses a fresh SQLite database
under ``var/bench/`` (deleted afterwards) and the real settings (sikerja.settings).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BENCH_DIR = ROOT / "var" / "bench"
BENCH_DIR.mkdir(parents=True, exist_ok=True)
DB = BENCH_DIR / f"penugasan-{os.getpid()}.sqlite3"
os.environ["DJANGO_SETTINGS_MODULE"] = "sikerja.settings"
os.environ["DATABASE_URL"] = f"sqlite:///{DB}"
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")


def persentil(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    k = max(0, min(len(xs) - 1, round(p / 100 * (len(xs) - 1))))
    return xs[k]


def laporan(nama: str, ms: list[float], target: float) -> None:
    med, p95 = statistics.median(ms), persentil(ms, 95)
    hasil = "OK" if med < target else "LAMBAT"
    print(f"{nama:<48} median {med:7.1f} ms   p95 {p95:7.1f} ms   (target median < {target:.0f} ms) {hasil}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--ulang", type=int, default=50, help="jumlah permintaan yang diukur")
    ap.add_argument("--item", type=int, default=500, help="jumlah item kotak masuk yang menunggu")
    args = ap.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    call_command("migrate", verbosity=0)
    from sikerja.kotak_masuk.models import Item as ItemKotakMasuk
    from sikerja.penugasan import services
    from sikerja.penugasan import surat as surat_mod
    from sikerja.penugasan.tests.conftest import buat_dua_instansi, data, penerima

    t0 = time.perf_counter()
    org = buat_dua_instansi()
    buat: list[float] = []
    for i in range(args.item):
        t = time.perf_counter()
        services.buat_penunjukan_lintas_unit(pengguna=org.u["bambang"], data=data(judul=f"Permohonan {i}"),
                                             ppk_tujuan_id=org.p["ani"].pk)
        buat.append((time.perf_counter() - t) * 1000)
    menunggu = ItemKotakMasuk.objects.filter(penerima=org.p["ani"], terbuka=True).count()
    print(f"Data: {menunggu} item menunggu Ani Kabid (disiapkan dalam {time.perf_counter() - t0:.1f} s)")

    c = Client()
    c.force_login(org.u["ani"])
    for _ in range(3):  # warm-up (templates, connections)
        c.get("/penugasan/kotak-masuk/")
    ms: list[float] = []
    for _ in range(args.ulang):
        t = time.perf_counter()
        r = c.get("/penugasan/kotak-masuk/")
        ms.append((time.perf_counter() - t) * 1000)
        assert r.status_code == 200
    with CaptureQueriesContext(connection) as q:
        c.get("/penugasan/kotak-masuk/")
    laporan(f"Halaman kotak masuk ({menunggu} item, {len(q)} query)", ms, 100)

    # The list of assignments the user may see (involvement filter: party, assignee, the heads
    # of assignees, inbox recipients), for the PPK and for an uninvolved pegawai.
    for kunci in ("ani", "tono"):
        c.force_login(org.u[kunci])
        c.get("/penugasan/")
        daftar: list[float] = []
        for _ in range(args.ulang):
            t = time.perf_counter()
            r = c.get("/penugasan/")
            daftar.append((time.perf_counter() - t) * 1000)
            assert r.status_code == 200
        with CaptureQueriesContext(connection) as q:
            c.get("/penugasan/")
        laporan(f"Daftar penugasan, {org.p[kunci].nama} ({len(q)} query)", daftar, 100)
    c.force_login(org.u["ani"])

    api: list[float] = []
    for _ in range(args.ulang):
        t = time.perf_counter()
        c.get("/api/penugasan/kotak-masuk")
        api.append((time.perf_counter() - t) * 1000)
    laporan("API kotak masuk (per halaman 50 item; dulu maks. 500)", api, 100)

    p = services.buat_penunjukan_lintas_unit(pengguna=org.u["bambang"], data=data(), ppk_tujuan_id=org.p["ani"].pk)
    surat_ms: list[float] = []
    for i in range(min(args.ulang, 30)):
        t = time.perf_counter()
        with transaction.atomic():
            surat_mod.terbitkan(penugasan=p, jenis="penugasan", penandatangan=org.p["ani"], kepada=[org.p["sari"]],
                                tembusan=[org.p["bambang"], org.p["kadis_a"]], perihal=f"Penugasan {i}",
                                paragraf=["Dengan ini menugaskan pegawai tersebut di bawah."],
                                rincian=[("Target", "Laporan mingguan")],
                                pegawai=[{"nama": "Sari", "nip": org.p["sari"].nip, "jabatan": "Epidemiolog",
                                          "unit": "P2P", "beban": "20%"}])
        surat_ms.append((time.perf_counter() - t) * 1000)
    laporan("Terbitkan surat (nomor + PDF Typst)", surat_ms, 500)
    laporan("Penunjukan lintas unit (permohonan + surat)", buat, 500)

    setuju: list[float] = []
    for item in ItemKotakMasuk.objects.filter(penerima=org.p["ani"], terbuka=True, jenis="tindakan")[:20]:
        t = time.perf_counter()
        services.jalankan(pengguna=org.u["ani"], penugasan_id=item.subjek_id, aksi="setujui",
                          penerima=[penerima(org.p["tono"], 1)])
        setuju.append((time.perf_counter() - t) * 1000)
    laporan("Setujui lintas unit (jawaban + surat penugasan)", setuju, 500)


if __name__ == "__main__":
    try:
        main()
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{DB}{suffix}").unlink(missing_ok=True)
