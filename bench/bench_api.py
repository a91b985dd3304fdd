"""Benchmark of the API list endpoints (issue 9, "How it is judged") on a generated instansi of
50,000 pegawai — target median < 50 ms per list, each answered through a per-user API token
(so every request also pays the token lookup, its rate counter and its audit row).

    .venv/bin/python bench/bench_api.py [--pegawai 50000] [--profil pasuruan] [--penugasan 60]

Uses a fresh SQLite database under var/bench unless DATABASE_URL is set. The head measured
is the one leading the most JF/pelaksana (the longest candidate list), holding ``--penugasan``
assignments he made himself and one lintas-unit request addressed to him.
"""

from __future__ import annotations

import argparse
import gc
from datetime import date, timedelta

from _setup import line, page_stats, setup_django, timed


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pegawai", type=int, default=50000)
    ap.add_argument("--profil", default="pasuruan")
    ap.add_argument("--penugasan", type=int, default=60)
    ap.add_argument("--ulang", type=int, default=60)
    args = ap.parse_args()
    setup_django("api")

    from django.conf import settings
    from django.db import connection
    from django.db.models import Count
    from django.test import Client

    from sikerja.akun import token
    from sikerja.kedudukan.models import Kedudukan
    from sikerja.organisasi.demo import buat_data_demo
    from sikerja.organisasi.dokumen import validate
    from sikerja.organisasi.models import Instansi, Pegawai
    from sikerja.organisasi.services import impor_dokumen
    from sikerja.organisasi.testing import buat_akun
    from sikerja.penugasan import selectors as pn_selectors
    from sikerja.penugasan import services as pn
    from sikerja.penugasan.alur import alur_dari

    # The bench measures the answer, not the per-minute limit its own loop would hit.
    settings.API_TOKEN_PER_MENIT = 10**9
    print(f"SIKERJA API benchmark — {connection.vendor}, profil {args.profil}, {args.pegawai} pegawai")
    data = buat_data_demo(args.profil, args.pegawai, seed=7)
    t_imp, _ = timed(lambda: impor_dokumen(validate(data)))
    instansi = Instansi.objects.get(kode=data["instansi"]["kode"])
    instansi.pyb = Pegawai.objects.filter(instansi=instansi, nip=data.get("pyb")).first()
    instansi.save()
    impor_dokumen(validate(buat_data_demo(args.profil, 60, seed=8, kode="bench-lain")))
    print(f"  generated and imported in {t_imp:.0f} s")
    data = {}  # a web worker does not hold the generated document
    gc.collect()

    berlaku = Kedudukan.objects.filter(instansi=instansi, berlaku_sampai=None,
                                       pegawai__jenis_jabatan__in=["fungsional", "pelaksana"])
    kepala_id = berlaku.values("pimpinan_unit").annotate(n=Count("id")).order_by("-n")[0]["pimpinan_unit"]
    kepala = Pegawai.objects.select_related("instansi").get(pk=kepala_id)
    bawahan = list(Pegawai.objects.filter(id__in=pn_selectors.bawahan_ids(kepala), aktif=True,
                                          jenis_jabatan__in=["fungsional", "pelaksana"]).order_by("id"))
    u_kepala = buat_akun(kepala, password="bench-password-123")
    mulai = date.today()
    t_pn, _ = timed(lambda: [pn.buat_penunjukan_dalam_unit(
        pengguna=u_kepala, data=pn.DataPenugasan(
            judul=f"Penugasan bench {i}", mulai=mulai, selesai=mulai + timedelta(days=30),
            target_kinerja=["Laporan"]),
        penerima=[pn.PenerimaInput(bawahan[i % len(bawahan)].pk, 5)]) for i in range(args.penugasan)])
    # A request addressed to him (he is its PPK/addressee where the profile's variant allows).
    tujuan = pn_selectors.pejabat_dituju_jalur(instansi, "lintas_unit").filter(id=kepala.pk).exists()
    lain = Pegawai.objects.filter(id__in=pn_selectors.pejabat_puo(instansi.pk).values("id")).exclude(
        id=kepala.pk).exclude(unit_id=kepala.unit_id).first()
    pk_permohonan = None
    if tujuan and lain:
        p = pn.buat_penunjukan_lintas_unit(pengguna=buat_akun(lain, password="bench-password-123"), data=pn.DataPenugasan(
            judul="Permohonan bench", mulai=mulai, selesai=mulai + timedelta(days=30), maksud_tujuan="Uji",
            uraian_tugas="Uji", kompetensi_dibutuhkan="analisis data", target_kinerja=["Laporan"]), ppk_tujuan_id=kepala.pk)
        pk_permohonan = p.pk
    print(f"  {kepala.nama} ({kepala.jabatan}) leads {len(bawahan)} JF/pelaksana; {args.penugasan} assignments "
          f"made in {t_pn:.1f} s; lintas-unit variant addresses {alur_dari('lintas_unit', pn.varian_untuk(instansi, 'lintas_unit')).kepada}")

    _, rahasia = token.buat(pelaku=u_kepala, pemilik=u_kepala, nama="bench", tulis=False)
    client = Client(HTTP_AUTHORIZATION=f"Bearer {rahasia}")
    # A JF asks for the volunteering addressees (closed to a head: jalur_tertutup).
    u_jf = buat_akun(bawahan[0], password="bench-password-123")
    _, rahasia_jf = token.buat(pelaku=u_jf, pemilik=u_jf, nama="bench", tulis=False)
    client_jf = Client(HTTP_AUTHORIZATION=f"Bearer {rahasia_jf}")
    pk = pn_selectors.daftar_penugasan(u_kepala).values_list("pk", flat=True).first()
    nip = bawahan[len(bawahan) // 2].nip
    urls = {
        "organisasi/pegawai (all, page 1)": "/api/organisasi/pegawai",
        "organisasi/pegawai?q=<name>": "/api/organisasi/pegawai?q=sri",
        "organisasi/pegawai?q=<NIP prefix>": f"/api/organisasi/pegawai?q={nip[:8]}",
        "organisasi/pegawai?offset=25000": "/api/organisasi/pegawai?offset=25000",
        "organisasi/unit (top)": "/api/organisasi/unit",
        "organisasi/cari?q=<name>": "/api/organisasi/cari?q=sri",
        "instansi": "/api/instansi",
        "penugasan/ (visible to him)": "/api/penugasan/",
        "penugasan/kotak-masuk": "/api/penugasan/kotak-masuk",
        "penugasan/jalur": "/api/penugasan/jalur",
        "penugasan/jalur/lintas_unit/dituju": "/api/penugasan/jalur/lintas_unit/dituju",
        "penugasan/jalur/sukarela_lintas_unit/dituju (a JF)": "/api/penugasan/jalur/sukarela_lintas_unit/dituju",
        "penugasan/instansi-dituju": "/api/penugasan/instansi-dituju",
        "penugasan/kandidat": "/api/penugasan/kandidat",
        "penugasan/kandidat?kompetensi=analisis": "/api/penugasan/kandidat?kompetensi=analisis",
        "penugasan/surat": "/api/penugasan/surat",
        "penugasan/{pk}/surat": f"/api/penugasan/{pk}/surat",
        "penugasan/{pk}/jejak": f"/api/penugasan/{pk}/jejak",
        **({"penugasan/{pk}/kandidat (request to him)": f"/api/penugasan/{pk_permohonan}/kandidat"}
           if pk_permohonan else {}),
    }
    print()
    print(f"API lists through a token ({args.ulang} requests each; median target < 50 ms)")
    hasil = {}
    for label, url in urls.items():
        s = page_stats(client_jf if "(a JF)" in label else client, url, n=args.ulang)
        hasil[label] = s
        print(line(f"{label} median", s["median"], "ms", 50) + f"  p95 {s['p95']:.1f} ms [{s['queries']} queries]")
    lambat = [k for k, s in hasil.items() if s["median"] >= 50]
    print()
    print("all list medians < 50 ms" if not lambat else f"over 50 ms: {', '.join(lambat)}")


if __name__ == "__main__":
    main()
