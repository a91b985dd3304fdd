"""Migration 0005 moves existing data: the role columns become PihakPenugasan rows, and letters,
audit entries and inbox items become rows of the shared apps with the same ids (issue 8)."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

SEBELUM = [("penugasan", "0004_pimpinan_pd_pemohon")]


@pytest.mark.django_db(transaction=True)
def test_existing_assignment_letters_audit_and_inbox_survive_the_move():
    from .conftest import buat_dua_instansi

    org = buat_dua_instansi()
    ex = MigrationExecutor(connection)
    ex.migrate(SEBELUM)
    lama = ex.loader.project_state(SEBELUM).apps
    Penugasan = lama.get_model("penugasan", "Penugasan")
    Surat = lama.get_model("penugasan", "Surat")
    Transisi = lama.get_model("penugasan", "Transisi")
    Item = lama.get_model("penugasan", "ItemKotakMasuk")
    Nomor = lama.get_model("penugasan", "NomorSurat")
    p = Penugasan.objects.create(
        instansi_id=org.a.pk, jalur="lintas_unit", status="menunggu_ppk_tujuan", judul="Lama",
        mulai=date(2026, 1, 1), selesai=date(2026, 2, 1), pemohon_id=org.p["bambang"].pk,
        ppk_pemohon_id=org.p["kadis_a"].pk, puo_pemohon_id=org.p["bambang"].pk, ppk_tujuan_id=org.p["ani"].pk,
        aktor_sekarang_id=org.p["ani"].pk)
    Nomor.objects.create(instansi_id=org.a.pk, tahun=2026, terakhir=7)
    s = Surat.objects.create(
        instansi_id=org.a.pk, instansi_penerima_id=org.a.pk, penugasan_id=p.pk, jenis="permohonan_pelibatan",
        nomor="PP/0007/ALPHA/2026", nomor_urut=7, tahun=2026, tanggal=date(2026, 1, 1), kode_verifikasi="kode-lama",
        perihal="Permohonan", isi={"paragraf": ["Isi"]}, penandatangan_id=org.p["bambang"].pk, pdf=b"%PDF-lama")
    s.kepada.set([org.p["ani"].pk])
    s.tembusan.set([org.p["kadis_a"].pk])
    t = Transisi.objects.create(penugasan_id=p.pk, aksi="buat", ke_status="menunggu_ppk_tujuan",
                                aktor_id=org.p["bambang"].pk, surat_id=s.pk, dasar_hukum="Pasal 14")
    i = Item.objects.create(penerima_id=org.p["ani"].pk, penugasan_id=p.pk, surat_id=s.pk, jenis="tindakan",
                            pesan="Menunggu")

    ex = MigrationExecutor(connection)
    ex.loader.build_graph()
    ex.migrate(ex.loader.graph.leaf_nodes())

    from sikerja.jejak.models import Jejak
    from sikerja.kotak_masuk.models import Item as ItemBaru
    from sikerja.penugasan.models import Penugasan as PenugasanBaru
    from sikerja.surat.models import NomorSurat
    from sikerja.surat.models import Surat as SuratBaru

    pb = PenugasanBaru.objects.get(pk=p.pk)
    assert (pb.ppk_tujuan, pb.ppk_pemohon, pb.puo_pemohon, pb.pyb_tujuan) == (
        org.p["ani"], org.p["kadis_a"], org.p["bambang"], None)
    sb = SuratBaru.objects.get(pk=s.pk)
    assert (sb.subjek_jenis, sb.subjek_id, sb.nomor, bytes(sb.pdf)) == ("penugasan.penugasan", p.pk,
                                                                          "PP/0007/ALPHA/2026", b"%PDF-lama")
    assert list(sb.kepada.all()) == [org.p["ani"]] and list(sb.tembusan.all()) == [org.p["kadis_a"]]
    assert list(pb.surat) == [sb]
    j = Jejak.objects.get(pk=t.pk)
    assert (j.subjek_id, j.surat_id, j.dasar_hukum) == (p.pk, s.pk, "Pasal 14")
    ib = ItemBaru.objects.get(pk=i.pk)
    assert (ib.subjek_id, ib.surat_id, ib.terbuka, ib.tautan) == (p.pk, s.pk, True, f"/penugasan/{p.pk}/")
    assert NomorSurat.objects.get(instansi=org.a, tahun=2026).terakhir == 7
    # New rows get fresh ids after the copied ones.
    j2 = Jejak.objects.create(subjek_jenis="penugasan.penugasan", subjek_id=p.pk, aksi="x", ke_status="y",
                              aktor=org.p["ani"])
    assert j2.pk > t.pk
