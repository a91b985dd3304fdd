"""Benchmark of siklus kerja hot paths (issue 14):

- the unit dashboard of a Perangkat Daerah over a year of data: 5,000 pegawai, ~20,000 kegiatan,
  ~100,000 progress entries: target median < 150 ms, with a query count that does not grow with the
  data (the Dinas page runs as many queries with a year of data as with none);
- the same dashboard also counts the team reports (ketua → PUO) of the bidang's teams (4 per bidang by
  default, monthly reports, some missing);
- one review step (``terima`` by the Kepala Bidang: lock, chain check, Reviu row, state, audit,
  inbox): target < 100 ms.

Run: ``python bench/bench_siklus.py [--bidang 50 --per-bidang 100 --kegiatan 20000 --progres 5]``.
Uses a fresh SQLite database under ``var/bench/`` (or DATABASE_URL when set) and the real settings.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from datetime import date, timedelta

from _setup import line, page_stats, setup_django


def org_yaml(n_bidang: int, per_bidang: int) -> str:
    from sikerja.organisasi.testing import nip

    baris = ["instansi: {kode: bench-siklus, nama: Pemerintah Bench Siklus, profil: pasuruan}", "unit:",
             "  - {kode: DINAS, nama: Dinas Besar, jenis: dinas}"]
    baris += [f"  - {{kode: B{b}, nama: Bidang {b}, jenis: bidang, induk: DINAS}}" for b in range(n_bidang)]
    baris.append("pegawai:")
    n = 1
    baris.append(f'  - {{nip: "{nip(n)}", nama: Kepala Dinas, jabatan: Kepala Dinas, jenis_jabatan: jpt_pratama, '
                 'unit: DINAS, kepala_unit: true}')
    for b in range(n_bidang):
        n += 1
        baris.append(f'  - {{nip: "{nip(n)}", nama: Kabid {b}, jabatan: Kepala Bidang, jenis_jabatan: administrator, '
                     f'unit: B{b}, kepala_unit: true}}')
        for i in range(per_bidang - 1):
            n += 1
            jenis = "fungsional, jenjang: ahli_pertama" if i % 3 else "pelaksana"
            baris.append(f'  - {{nip: "{nip(n % 10000, 1970 + n // 10000)}", nama: Pegawai {b}-{i}, jabatan: Staf, '
                         f'jenis_jabatan: {jenis}, unit: B{b}}}')
    return "\n".join(baris) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--ulang", type=int, default=40)
    ap.add_argument("--bidang", type=int, default=50)
    ap.add_argument("--per-bidang", type=int, default=100)
    ap.add_argument("--kegiatan", type=int, default=20000)
    ap.add_argument("--progres", type=int, default=5, help="progress entries per kegiatan")
    ap.add_argument("--tim", type=int, default=4, help="tim kerja per bidang (with monthly ketua → PUO reports)")
    args = ap.parse_args()
    setup_django("siklus")

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from sikerja.organisasi.models import Pegawai, UnitOrganisasi
    from sikerja.organisasi.testing import buat_akun, buat_organisasi
    from sikerja.siklus import services
    from sikerja.siklus.alur import STATUS
    from sikerja.siklus.models import (
        HasilKegiatan,
        Kegiatan,
        LaporanProgres,
        PerjanjianKinerja,
        TargetKinerja,
    )

    t0 = time.perf_counter()
    inst = buat_organisasi(org_yaml(args.bidang, args.per_bidang))
    dinas = UnitOrganisasi.objects.get(instansi=inst, kode="DINAS")
    bidang = list(UnitOrganisasi.objects.filter(instansi=inst, induk=dinas).order_by("id"))
    staf: dict[int, list[Pegawai]] = {}
    for p in Pegawai.objects.filter(instansi=inst, kepala_unit=False, unit__in=bidang):
        staf.setdefault(p.unit_id, []).append(p)
    kabid = {p.unit_id: p for p in Pegawai.objects.filter(instansi=inst, kepala_unit=True, unit__in=bidang)}
    kadis = Pegawai.objects.get(instansi=inst, unit=dinas, kepala_unit=True)
    n_peg = Pegawai.objects.filter(instansi=inst).count()
    print(f"Organisasi: {n_peg} pegawai dalam {len(bidang)} bidang ({time.perf_counter() - t0:.1f} s)")

    tahun = date.today().year
    u_kadis = buat_akun(kadis)
    pk = services.buat_pk(pengguna=u_kadis, unit_id=dinas.id, tahun=tahun)
    induk = [services.tambah_target(pengguna=u_kadis, pk_id=pk.id, data=services.DataTarget(
        indikator=f"IKU {i}", nilai_target=100, satuan="persen", batas_waktu=date(tahun, 12, 31))) for i in range(5)]
    target = TargetKinerja.objects.bulk_create([
        TargetKinerja(pk_kinerja=pk, induk=induk[i % 5], instansi=inst, unit=b, penanggung_jawab=kabid[b.id],
                      indikator=f"Target {b.nama} {i}", nilai_target=10, satuan="dokumen", batas_waktu=date(tahun, 12, 31))
        for b in bidang for i in range(4)])
    per_unit: dict[int, list[TargetKinerja]] = {}
    for t in target:
        per_unit.setdefault(t.unit_id, []).append(t)
    from django.test import Client as _Client

    c0 = _Client()
    c0.force_login(u_kadis)
    kosong = page_stats(c0, "/siklus/", n=3)["queries"]  # the Dinas page before a year of data
    rnd = random.Random(14)
    awal = date(tahun, 1, 1)
    status = [s for s in STATUS if s != "dibatalkan"]
    kegiatan = []
    for i in range(args.kegiatan):
        b = bidang[i % len(bidang)]
        mulai = awal + timedelta(days=rnd.randint(0, 330))
        st = rnd.choice(status)
        rantai = [{"peran": "Pejabat Level II", "pegawai_id": kabid[b.id].id, "nama": kabid[b.id].nama},
                  {"peran": "Pejabat Level I", "pegawai_id": kadis.id, "nama": kadis.nama}]
        lvl = rnd.randint(0, 1) if st in ("dalam_reviu", "dikembalikan") else 0
        aktor = (rantai[lvl]["pegawai_id"] if st in ("dalam_reviu", "dikembalikan", "rencana") else None)
        kegiatan.append(Kegiatan(
            instansi=inst, unit=b, target=rnd.choice(per_unit[b.id]), nama=f"Kegiatan {i}",
            pelaksana=rnd.choice(staf[b.id]), mulai=mulai, selesai=mulai + timedelta(days=rnd.randint(5, 60)),
            status=st, aktor_sekarang_id=aktor, templat="psr-d2-dinas-badan", rantai=rantai, level_reviu=lvl,
            persen_progres=rnd.randint(0, 100), dibuat_oleh=kabid[b.id]))
    kegiatan = Kegiatan.objects.bulk_create(kegiatan, batch_size=2000)
    progres = [LaporanProgres(kegiatan=k, pelapor_id=k.pelaksana_id, tanggal=k.mulai + timedelta(days=j), persen=j * 20,
                              capaian="Progres") for k in kegiatan for j in range(args.progres)]
    LaporanProgres.objects.bulk_create(progres, batch_size=5000)
    # Teams of each bidang with their monthly ketua → PUO reports (some months missing: overdue on the dashboard).
    from sikerja.timkerja.models import LaporanTim, TimKerja

    tim = TimKerja.objects.bulk_create([
        TimKerja(instansi=inst, unit_pemilik=b, nama=f"Tim {b.nama} {j}", target=["Target"], masa_mulai=awal,
                 masa_selesai=date(tahun, 12, 31), status="aktif", pembentuk=kabid[b.id], ketua=staf[b.id][j])
        for b in bidang for j in range(args.tim)])
    hari = date.today()
    laporan = [LaporanTim(tim=t, jenis="ketua_ke_puo", pelapor_id=t.ketua_id, periode_mulai=date(tahun, m, 1),
                          periode_selesai=date(tahun, m, 28), progres="Progres bulanan")
               for t in tim for m in range(1, 13) if date(tahun, m, 28) < hari and rnd.random() < 0.8]
    laporan = LaporanTim.objects.bulk_create(laporan, batch_size=5000)
    kabid_tim = {t.id: t.pembentuk_id for t in tim}
    LaporanTim.penerima.through.objects.bulk_create(
        [LaporanTim.penerima.through(laporantim_id=x.id, pegawai_id=kabid_tim[x.tim_id]) for x in laporan],
        batch_size=5000)
    print(f"Data setahun: {len(target) + 5} target, {len(kegiatan)} kegiatan, {len(progres)} laporan progres, "
          f"{len(tim)} tim kerja dengan {len(laporan)} laporan tim ({time.perf_counter() - t0:.1f} s)")

    if connection.vendor == "postgresql":
        with connection.cursor() as cur:  # planner statistics after the bulk writes (autovacuum does this in use)
            cur.execute("ANALYZE")

    c = Client()
    c.force_login(u_kadis)
    besar = page_stats(c, "/siklus/", n=args.ulang)
    api = page_stats(c, "/api/siklus/dasbor", n=args.ulang)
    c2 = Client()
    c2.force_login(buat_akun(kabid[bidang[0].id]))
    kecil = page_stats(c2, "/siklus/", n=10)
    print(f"Dasbor unit Dinas (halaman): median {besar['median']:.1f} ms, p95 {besar['p95']:.1f} ms, "
          f"{besar['queries']} query; API: median {api['median']:.1f} ms, {api['queries']} query; "
          f"satu bidang: {kecil['queries']} query")
    print(line("dasbor unit (halaman), median", besar["median"], "ms", 150))
    print(line("dasbor unit (API), median", api["median"], "ms", 150))
    print(f"  {'OK ' if besar['queries'] == kosong else 'MISS'} jumlah query tetap "
          f"({besar['queries']} dengan data setahun = {kosong} tanpa data; halaman Kabid satu bidang: "
          f"{kecil['queries']}, karena ia juga punya pimpinan unit penerima laporannya)")

    # A review step: the Kabid accepts a result waiting for him (level 0 → level 1).
    ms = []
    b = bidang[1]
    u_kabid = buat_akun(kabid[b.id])
    for i in range(30):
        k = Kegiatan.objects.create(
            instansi=inst, unit=b, target=per_unit[b.id][0], nama=f"Reviu {i}", pelaksana=staf[b.id][0],
            mulai=awal, selesai=awal + timedelta(days=30), status="dalam_reviu", aktor_sekarang=kabid[b.id],
            templat="psr-d2-dinas-badan", level_reviu=0, dibuat_oleh=kabid[b.id],
            rantai=[{"peran": "Pejabat Level II", "pegawai_id": kabid[b.id].id, "nama": kabid[b.id].nama},
                    {"peran": "Pejabat Level I", "pegawai_id": kadis.id, "nama": kadis.nama}])
        HasilKegiatan.objects.create(kegiatan=k, versi=1, diajukan_oleh=staf[b.id][0], keluaran="Hasil")
        with CaptureQueriesContext(connection) as q:
            t = time.perf_counter()
            services.terima(pengguna=u_kabid, kegiatan_id=k.id)
            ms.append((time.perf_counter() - t) * 1000)
    k.refresh_from_db()
    assert (k.status, k.level_reviu) == ("dalam_reviu", 1)
    print(f"Langkah reviu (terima, Kabid → Kadis): median {statistics.median(ms):.1f} ms, maks {max(ms):.1f} ms, "
          f"{len(q)} query")
    print(line("langkah reviu, median", statistics.median(ms), "ms", 100))
    assert PerjanjianKinerja.objects.count() == 1


if __name__ == "__main__":
    main()
