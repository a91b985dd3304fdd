"""Pasuruan: the Level-III koordinator (pengawas) is ketua of his tim kerja substansi (TK-07) and submits
its results to Level II (Perbup Pasuruan 217/2023 Lampiran II.D.2.b huruf h and l, II.D.2.c angka 2–3)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from sikerja.timkerja import services as tim_services
from sikerja.timkerja.errors import AturanDilanggar
from sikerja.timkerja.models import TimKerja
from sikerja.timkerja.tests.conftest import buat_pemda

from .. import services
from ..models import Reviu

TAHUN = date.today().year


@pytest.fixture
def pasuruan(db, django_capture_on_commit_callbacks):  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        return buat_pemda("pasuruan")


def test_koordinator_plans_divides_roles_and_submits_the_substansi_result_to_level_ii(pasuruan):
    """L-II.D.2.c angka 1–3: Level II splits the target to the tim kerja substansi; the koordinator (Kasi)
    with Level II plans the kegiatan, divides the roles (TK-10), his JF reports progress, the Kasi submits
    the result "kepada Pejabat Level II", the Kabid passes it to Level I, who accepts."""
    pd = pasuruan
    tim = TimKerja.objects.get(instansi=pd.instansi, jenis="tim_kerja_substansi", ketua=pd.p["kasi"])
    assert tim.status == "aktif" and tim.anggota.filter(pegawai=pd.p["rudi"], status="aktif").exists()
    from sikerja.organisasi.models import UnitOrganisasi

    dinkes = UnitOrganisasi.objects.get(instansi=pd.instansi, kode="DINKES")
    pk = services.buat_pk(pengguna=pd.u["kadis"], unit_id=dinkes.id, tahun=TAHUN)
    t = services.tambah_target(pengguna=pd.u["kadis"], pk_id=pk.id, data=services.DataTarget(
        indikator="Cakupan surveilans", nilai_target=90, satuan="persen", batas_waktu=date(TAHUN, 12, 31)))
    p2p = services.bagi_target(pengguna=pd.u["kadis"], target_id=t.id, unit_id=UnitOrganisasi.objects.get(
        instansi=pd.instansi, kode="P2P").id, data=services.DataTarget(
        indikator="Surveilans P2P", nilai_target=90, satuan="persen", batas_waktu=date(TAHUN, 12, 31)))
    sub = services.bagi_target(pengguna=pd.u["ani"], target_id=p2p.id, tim_id=tim.id, data=services.DataTarget(
        indikator="Laporan surveilans mingguan", nilai_target=52, satuan="laporan", batas_waktu=date(TAHUN, 12, 31),
        arahan="Lengkapi data puskesmas"))
    assert sub.penanggung_jawab == pd.p["kasi"]
    kg = services.buat_kegiatan(pengguna=pd.u["kasi"], target_id=sub.id, data=services.DataKegiatan(
        nama="Rekap surveilans", mulai=date.today(), selesai=date.today() + timedelta(days=20)))
    assert kg.tim == tim and [r["nama"] for r in kg.rantai] == ["Ani Kabid", "Kadis Kesehatan"]
    services.tetapkan_rencana(pengguna=pd.u["ani"], kegiatan_id=kg.id)
    with pytest.raises(AturanDilanggar, match="Rudi Surveilans"):
        services.mulai_pelaksanaan(pengguna=pd.u["kasi"], kegiatan_id=kg.id)
    tim_services.atur_peran(pengguna=pd.u["kasi"], tim_id=tim.id, pegawai_id=pd.p["rudi"].id,
                            peran="Merekap laporan surveilans puskesmas")
    services.mulai_pelaksanaan(pengguna=pd.u["kasi"], kegiatan_id=kg.id)
    services.lapor_progres(pengguna=pd.u["rudi"], kegiatan_id=kg.id, persen=80, capaian="Rekap 10 puskesmas")
    services.beri_umpan_balik(pengguna=pd.u["kasi"], kegiatan_id=kg.id, isi="Tambahkan grafik tren")
    services.ajukan_hasil(pengguna=pd.u["kasi"], kegiatan_id=kg.id, keluaran="Rekap surveilans minggu 1–3")
    kg.refresh_from_db()
    assert (kg.status, kg.aktor_sekarang) == ("dalam_reviu", pd.p["ani"])
    services.terima(pengguna=pd.u["ani"], kegiatan_id=kg.id)
    services.terima(pengguna=pd.u["kadis"], kegiatan_id=kg.id)
    kg.refresh_from_db()
    assert kg.status == "selesai"
    assert [(r.peninjau.nama, r.keputusan) for r in Reviu.objects.filter(kegiatan=kg)] == [
        ("Ani Kabid", "terima"), ("Kadis Kesehatan", "terima")]
    assert kg.hasil.get().diajukan_oleh == pd.p["kasi"]
