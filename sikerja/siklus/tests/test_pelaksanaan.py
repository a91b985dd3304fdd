"""Pelaksanaan: kegiatan planning, progress with evidence, feedback threads, team kegiatan."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from sikerja.galat import DataTidakLengkap, TidakBerwenang, TidakDitemukan
from sikerja.kotak_masuk.models import Item

from .. import services
from ..models import BuktiProgres
from .conftest import kegiatan_berjalan, target_di

PDF = b"%PDF-1.4 bukti"


def test_progress_with_an_evidence_file_updates_the_kegiatan_and_notifies_monitors(pasuruan):
    """KINERJA §2.5: monitoring dan umpan balik oleh Pejabat Level 2 (PSR L-II.D.2.c.2)."""
    pd = pasuruan
    kg = kegiatan_berjalan(pd, "ani", "P2P", "sari")
    services.lapor_progres(pengguna=pd.u["sari"], kegiatan_id=kg.id, persen=40, capaian="Data terkumpul",
                           berkas=[services.Berkas(nama="rekap.pdf", isi=PDF)])
    kg.refresh_from_db()
    assert kg.persen_progres == 40
    assert BuktiProgres.objects.get(kegiatan=kg).tipe == "application/pdf"
    assert Item.objects.filter(penerima=pd.p["ani"], subjek_id=kg.id, pesan__contains="40%").exists()


@pytest.mark.parametrize(("nama", "isi", "pesan"), [
    ("skrip.exe", b"MZ", "jenis tidak diterima"),
    ("palsu.pdf", b"<html>", "tidak sesuai dengan jenisnya"),
    ("besar.pdf", b"%PDF" + b"0" * (10 * 1024 * 1024), "lebih dari 10 MB"),
])
def test_evidence_type_and_size_are_limited(pasuruan, nama, isi, pesan):
    pd = pasuruan
    kg = kegiatan_berjalan(pd, "ani", "P2P", "sari")
    with pytest.raises(services.BerkasTidakSah, match=pesan):
        services.lapor_progres(pengguna=pd.u["sari"], kegiatan_id=kg.id, persen=10, capaian="x",
                               berkas=[services.Berkas(nama=nama, isi=isi)])
    assert not BuktiProgres.objects.exists()


def test_problem_report_requires_the_problem(pasuruan):
    """PSR Lampiran II.D.2.c angka 2: progres "pada saat ditemui permasalahan"."""
    pd = pasuruan
    kg = kegiatan_berjalan(pd, "ani", "P2P", "sari")
    with pytest.raises(DataTidakLengkap):
        services.lapor_progres(pengguna=pd.u["sari"], kegiatan_id=kg.id, persen=10, capaian="x",
                               jenis="insidental_masalah")
    services.lapor_progres(pengguna=pd.u["sari"], kegiatan_id=kg.id, persen=10, capaian="x",
                           jenis="insidental_masalah", kendala="Reagen habis")


def test_outsiders_neither_see_nor_report_on_a_kegiatan(pasuruan):
    pd = pasuruan
    kg = kegiatan_berjalan(pd, "ani", "P2P", "sari")
    with pytest.raises(TidakDitemukan):
        services.lapor_progres(pengguna=pd.u["hana"], kegiatan_id=kg.id, persen=10, capaian="x")
    with pytest.raises(TidakBerwenang):
        services.lapor_progres(pengguna=pd.u["ani"], kegiatan_id=kg.id, persen=10, capaian="x")


def test_feedback_thread_opened_by_the_monitor_and_answered_by_the_pelaksana(pasuruan):
    """KINERJA §2.5: umpan balik "secara berkala atau sewaktu-waktu" by the Level II official or ketua."""
    pd = pasuruan
    kg = kegiatan_berjalan(pd, "ani", "P2P", "sari")
    with pytest.raises(TidakBerwenang):
        services.beri_umpan_balik(pengguna=pd.u["sari"], kegiatan_id=kg.id, isi="Saya mulai")
    ub = services.beri_umpan_balik(pengguna=pd.u["ani"], kegiatan_id=kg.id, isi="Prioritaskan kecamatan A")
    balas = services.beri_umpan_balik(pengguna=pd.u["sari"], kegiatan_id=kg.id, isi="Siap", induk_id=ub.id)
    assert balas.induk == ub
    assert Item.objects.filter(penerima=pd.p["ani"], pesan__contains="Sari").exists()


def test_kegiatan_dates_and_assignee_are_checked(pasuruan):
    pd = pasuruan
    t = target_di(pd, "ani", "P2P")
    hari = date.today()
    with pytest.raises(DataTidakLengkap, match="sebelum"):
        services.buat_kegiatan(pengguna=pd.u["ani"], target_id=t.id, data=services.DataKegiatan(
            nama="x", mulai=hari, selesai=hari - timedelta(days=1), pelaksana_id=pd.p["sari"].id))
    with pytest.raises(DataTidakLengkap, match="Pilih pelaksana"):
        services.buat_kegiatan(pengguna=pd.u["ani"], target_id=t.id, data=services.DataKegiatan(
            nama="x", mulai=hari, selesai=hari))
    with pytest.raises(services.AturanDilanggar):
        services.buat_kegiatan(pengguna=pd.u["ani"], target_id=t.id, data=services.DataKegiatan(
            nama="x", mulai=hari, selesai=hari, pelaksana_id=pd.p["hana"].id))


def test_only_the_planning_official_sets_the_plan(pasuruan):
    """KINERJA §2.3 K2: "menyusun dan menetapkan rencana kegiatan" is a PUO duty."""
    pd = pasuruan
    t = target_di(pd, "ani", "P2P")
    hari = date.today()
    kg = services.buat_kegiatan(pengguna=pd.u["ani"], target_id=t.id, data=services.DataKegiatan(
        nama="Survei", mulai=hari, selesai=hari + timedelta(days=5), pelaksana_id=pd.p["sari"].id,
        subtugas=[("Kuesioner", pd.p["sari"].id, hari)]))
    with pytest.raises(TidakBerwenang):
        services.tetapkan_rencana(pengguna=pd.u["sari"], kegiatan_id=kg.id)
    services.tetapkan_rencana(pengguna=pd.u["ani"], kegiatan_id=kg.id)
    kg.refresh_from_db()
    assert (kg.status, kg.aktor_sekarang) == ("rencana_ditetapkan", pd.p["sari"])
    assert kg.subtugas.get().nama == "Kuesioner"


def test_cancel_by_the_planning_official_needs_a_reason(pasuruan):
    """KINERJA §2.3 K11."""
    pd = pasuruan
    kg = kegiatan_berjalan(pd, "ani", "P2P", "sari")
    with pytest.raises(TidakBerwenang):
        services.batalkan(pengguna=pd.u["sari"], kegiatan_id=kg.id, alasan="x")
    with pytest.raises(DataTidakLengkap):
        services.batalkan(pengguna=pd.u["ani"], kegiatan_id=kg.id, alasan="")
    services.batalkan(pengguna=pd.u["ani"], kegiatan_id=kg.id, alasan="PK diubah")
    kg.refresh_from_db()
    assert kg.status == "dibatalkan"
