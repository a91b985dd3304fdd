"""Benchmark of a letter as Tata Naskah Dinas prints it (issue 9 point 7): a Surat Tugas with
the kop surat and a ~500 KB lambang daerah. Target: median < 300 ms, for rendering the PDF
(Typst) and for issuing it in full (number, kop, Surat Tugas content, PDF, save).

    .venv/bin/python bench/bench_surat.py [--ulang 50] [--lambang-kb 500]

Uses a fresh SQLite database under var/bench unless DATABASE_URL is set.
"""

from __future__ import annotations

import argparse
import math
import statistics
import time

from _setup import line, setup_django


def _p95(xs: list[float]) -> float:
    xs = sorted(xs)
    return xs[max(0, math.ceil(len(xs) * 0.95) - 1)]


def _laporan(label: str, ms: list[float], target: float) -> None:
    print(line(f"{label} median", statistics.median(ms), "ms", target))
    print(f"       {'':<44} p95 {_p95(ms):6.1f} ms, min {min(ms):.1f}, max {max(ms):.1f} (n={len(ms)})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--ulang", type=int, default=50)
    ap.add_argument("--lambang-kb", type=int, default=500)
    args = ap.parse_args()
    setup_django("surat")

    from django.db import transaction

    from sikerja.organisasi.testing import buat_akun
    from sikerja.penugasan import services
    from sikerja.penugasan import surat as surat_mod
    from sikerja.penugasan.tests.conftest import buat_dua_instansi, data, penerima
    from sikerja.surat import kop as kop_mod
    from sikerja.surat import services as surat_services
    from sikerja.surat.testing import png

    org = buat_dua_instansi()
    for k, pangkat in (("ani", "Pembina (IV/a)"), ("sari", "Penata Tk. I (III/d)")):
        org.p[k].pangkat_golongan = pangkat
        org.p[k].save(update_fields=["pangkat_golongan"])
    sisi = int(math.sqrt(args.lambang_kb * 1024 / 3))  # noise PNG: ~3 bytes a pixel
    lambang = png(sisi, sisi, derau=True)
    t = time.perf_counter()
    k = surat_services.simpan_kop(
        oleh=buat_akun(org.p["sekda_a"], admin_instansi=True), instansi=org.a, lambang=lambang,
        nama_pemda="Pemerintah Kabupaten Alpha", alamat="Jalan Merdeka Nomor 1, Alphapura 60000",
        telepon="(0343) 100200", email="pemda@alphakab.go.id", laman="alphakab.go.id")
    unggah = (time.perf_counter() - t) * 1000
    print(f"Lambang: PNG {sisi}×{sisi}, {len(lambang) / 1024:.0f} KB; disimpan (diperiksa + didekode) dalam "
          f"{unggah:.0f} ms")

    p = services.buat_penunjukan_lintas_unit(pengguna=org.u["bambang"], data=data(), ppk_tujuan_id=org.p["ani"].pk)
    p = services.jalankan(pengguna=org.u["ani"], penugasan_id=p.pk, aksi="setujui", penerima=[penerima(org.p["sari"])])
    s = p.surat.get(jenis="penugasan")
    assert s.isi["kop"]["lambang"] == k.lambang.sha256
    print(f"Surat Tugas {s.nomor}: PDF {len(bytes(s.pdf)) / 1024:.0f} KB")

    kop_mod._SVG_TERAKHIR.clear()
    t = time.perf_counter()
    surat_services.render_pdf(s.isi, s.kode_verifikasi, s.jenis)
    print(f"  render pertama (lambang dibaca dari basis data): {(time.perf_counter() - t) * 1000:.0f} ms")

    render: list[float] = []
    for _ in range(args.ulang):
        t = time.perf_counter()
        surat_services.render_pdf(s.isi, s.kode_verifikasi, s.jenis)
        render.append((time.perf_counter() - t) * 1000)
    _laporan("Render PDF Surat Tugas (kop + lambang)", render, 300)

    terbit: list[float] = []
    for i in range(args.ulang):
        t = time.perf_counter()
        with transaction.atomic():
            surat_mod.terbitkan(penugasan=p, jenis="penugasan", penandatangan=org.p["ani"], kepada=[org.p["sari"]],
                                tembusan=[org.p["bambang"], org.p["kadis_a"]], perihal=f"Penugasan {i}", paragraf=[])
        terbit.append((time.perf_counter() - t) * 1000)
    _laporan("Terbitkan Surat Tugas penuh (nomor+kop+isi+PDF)", terbit, 300)

    koreksi: list[float] = []
    for i in range(min(args.ulang, 20)):
        lama = p.surat.filter(jenis="penugasan", status="berlaku").order_by("-id").first()
        assert lama is not None
        t = time.perf_counter()
        services.koreksi_surat(pengguna=org.u["ani"], surat_id=lama.pk, alasan=f"koreksi {i}")
        koreksi.append((time.perf_counter() - t) * 1000)
    _laporan("Koreksi surat (layanan penuh, surat baru)", koreksi, 300)


if __name__ == "__main__":
    main()
