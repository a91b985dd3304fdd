"""Benchmark of tim kerja hot paths (issue 13):

- the unit workload page (Blitar Pasal 28) of a Perangkat Daerah with 5,000 pegawai and 2,000
  teams: target median < 100 ms, with a query count that does not grow with the data;
- forming a team with 20 members (draft, members, ketua, founding letter with its PDF, inbox
  and audit): target < 300 ms.

Run: ``python bench/bench_timkerja.py [--ulang 40]``. Uses a fresh SQLite database under
``var/bench/`` (or DATABASE_URL when set) and the real settings.
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

    baris = ["instansi: {kode: bench-tim, nama: Pemerintah Bench Tim, profil: blitar}", "unit:",
             "  - {kode: SETDA, nama: Sekretariat Daerah, jenis: sekretariat_daerah}",
             "  - {kode: DINAS, nama: Dinas Besar, jenis: dinas}"]
    baris += [f"  - {{kode: B{b}, nama: Bidang {b}, jenis: bidang, induk: DINAS}}" for b in range(n_bidang)]
    baris.append("pegawai:")
    n = 1
    baris.append(f'  - {{nip: "{nip(n)}", nama: Sekda, jabatan: Sekda, jenis_jabatan: jpt_pratama, unit: SETDA, kepala_unit: true}}')
    n += 1
    baris.append(f'  - {{nip: "{nip(n)}", nama: Kepala Dinas, jabatan: Kepala Dinas, jenis_jabatan: jpt_pratama, unit: DINAS, kepala_unit: true}}')
    for b in range(n_bidang):
        n += 1
        baris.append(f'  - {{nip: "{nip(n)}", nama: Kabid {b}, jabatan: Kepala Bidang, jenis_jabatan: administrator, unit: B{b}, kepala_unit: true}}')
        for i in range(per_bidang - 1):
            n += 1
            jenis = "fungsional, jenjang: ahli_pertama" if i % 3 else "pelaksana"
            baris.append(f'  - {{nip: "{nip(n % 10000, 1970 + n // 10000)}", nama: Pegawai {b}-{i}, jabatan: Staf, '
                         f'jenis_jabatan: {jenis}, unit: B{b}, kompetensi: ["Analisis {i % 7}"]}}')
    return "\n".join(baris) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--ulang", type=int, default=40)
    ap.add_argument("--bidang", type=int, default=50)
    ap.add_argument("--per-bidang", type=int, default=100)
    ap.add_argument("--tim", type=int, default=2000)
    args = ap.parse_args()
    setup_django("timkerja")

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from sikerja.organisasi.models import Pegawai, UnitOrganisasi
    from sikerja.organisasi.testing import buat_akun, buat_organisasi
    from sikerja.timkerja import services
    from sikerja.timkerja.models import AnggotaTim, TimKerja

    t0 = time.perf_counter()
    inst = buat_organisasi(org_yaml(args.bidang, args.per_bidang))
    dinas = UnitOrganisasi.objects.get(instansi=inst, kode="DINAS")
    bidang = list(UnitOrganisasi.objects.filter(instansi=inst, induk=dinas).order_by("id"))
    staf: dict[int, list[Pegawai]] = {}
    for p in Pegawai.objects.filter(instansi=inst, kepala_unit=False, unit__in=bidang):
        staf.setdefault(p.unit_id, []).append(p)
    kabid = {p.unit_id: p for p in Pegawai.objects.filter(instansi=inst, kepala_unit=True, unit__in=bidang)}
    kadis = Pegawai.objects.get(instansi=inst, unit=dinas, kepala_unit=True)
    print(f"Organisasi: {Pegawai.objects.filter(instansi=inst).count()} pegawai dalam {len(bidang)} bidang "
          f"({time.perf_counter() - t0:.1f} s)")

    # 2,000 running teams with 3–8 members each, written in bulk (the workload page reads them).
    rnd = random.Random(13)
    hari = date.today()
    tim = TimKerja.objects.bulk_create([
        TimKerja(instansi=inst, unit_pemilik=(u := rnd.choice(bidang)), nama=f"Tim {i}", target=["Target"],
                 masa_mulai=hari - timedelta(days=10), masa_selesai=hari + timedelta(days=80), status="aktif",
                 pembentuk=kabid[u.id], penandatangan=kabid[u.id], ketua=staf[u.id][0])
        for i in range(args.tim)])
    anggota = []
    for t in tim:
        for p in rnd.sample(staf[t.unit_pemilik_id], rnd.randint(3, 8)):
            anggota.append(AnggotaTim(tim=t, pegawai=p, unit_asal_id=p.unit_id, instansi_asal=inst,
                                      porsi_persen=rnd.choice((5, 10, 15, 20)), mulai=t.masa_mulai,
                                      selesai=t.masa_selesai, peran="Peran"))
    AnggotaTim.objects.bulk_create(anggota, batch_size=2000)
    print(f"Tim: {len(tim)} tim berjalan, {len(anggota)} keanggotaan ({time.perf_counter() - t0:.1f} s)")
    if connection.vendor == "postgresql":
        with connection.cursor() as cur:  # planner statistics after the bulk writes, as after an import
            cur.execute("ANALYZE")

    c = Client()
    c.force_login(buat_akun(kadis))
    besar = page_stats(c, f"/tim-kerja/beban/?unit={dinas.pk}", n=args.ulang)
    kecil = page_stats(c, f"/tim-kerja/beban/?unit={bidang[0].pk}", n=10)
    print(f"Halaman beban kerja Dinas ({Pegawai.objects.filter(unit__in=bidang).count()} pegawai, {len(tim)} tim): "
          f"median {besar['median']:.1f} ms, p95 {besar['p95']:.1f} ms, {besar['queries']} query "
          f"(satu bidang: {kecil['queries']} query)")
    print(line("beban kerja unit, median", besar["median"], "ms", 100))
    print(f"  {'OK ' if besar['queries'] == kecil['queries'] else 'MISS'} jumlah query tetap "
          f"({besar['queries']} untuk Dinas = {kecil['queries']} untuk satu bidang)")

    # Forming a team of 20 (each run by another Kabid, in his own bidang, with members not yet heavy).
    ms = []
    for b in bidang[-10:]:
        pengguna = buat_akun(kabid[b.id])
        calon = staf[b.id][-20:]
        data = services.DataTim(nama=f"Tim baru {b.nama}", unit_pemilik_id=b.id, masa_mulai=hari,
                                masa_selesai=hari + timedelta(days=60), target=["Target terukur"],
                                justifikasi_target="t", justifikasi_beban="b", justifikasi_kompetensi="k")
        ketua = next(p for p in calon if p.jenis_jabatan in ("fungsional", "pelaksana"))
        masuk = [services.DataAnggota(pegawai_id=p.id, peran="Analis", porsi_persen=5, alasan_beban="bench",
                                      masukan_ketua="Sesuai kompetensi") for p in calon]
        with CaptureQueriesContext(connection) as q:
            t = time.perf_counter()
            hasil = services.bentuk_tim(pengguna=pengguna, data=data, anggota=masuk, ketua_id=ketua.id)
            ms.append((time.perf_counter() - t) * 1000)
        assert hasil.status == "aktif" and hasil.anggota.count() == 20
    print(f"Membentuk tim 20 anggota (draf, anggota, ketua, surat perintah + PDF, kotak masuk, jejak): "
          f"median {statistics.median(ms):.1f} ms, maks {max(ms):.1f} ms, {len(q)} query")
    print(line("bentuk tim 20 anggota, median", statistics.median(ms), "ms", 300))


if __name__ == "__main__":
    main()
