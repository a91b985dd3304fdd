"""`sikerja demo` gives each demo login work to see and act on, made through the apps' services."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from sikerja.akun.models import Pengguna
from sikerja.kotak_masuk.models import Item
from sikerja.organisasi.management.commands._aktivitas import buat_aktivitas
from sikerja.organisasi.models import Instansi
from sikerja.penugasan.models import Penugasan
from sikerja.siklus.models import Kegiatan, PerjanjianKinerja
from sikerja.surat.models import Surat
from sikerja.timkerja.models import AnggotaTim, TimKerja

PROFIL = ["pasuruan", "magelang", "blitar", "karangasem", "pekanbaru"]


def _demo(profil: str, *args: str) -> tuple[Instansi, str]:
    out = StringIO()
    call_command("demo", "--profil", profil, "--pegawai", "300", *args, stdout=out)
    return Instansi.objects.get(profil=profil), out.getvalue()


def _akun(instansi: Instansi, username: str) -> Pengguna:
    return Pengguna.objects.select_related("pegawai").get(instansi=instansi, username=username)


@pytest.mark.django_db
@pytest.mark.parametrize("profil", PROFIL)
def test_demo_accounts_have_work_in_every_state_made_through_the_services(profil: str) -> None:
    instansi, keluaran = _demo(profil)
    assert "Aktivitas demo:" in keluaran and "dilewati" not in keluaran, keluaran
    kadis, kabid, jf = (_akun(instansi, u).pegawai for u in ("kadis", "kabid", "jf"))
    demo = {p.pk for p in (kadis, kabid, jf)}

    # Kotak Masuk: the kadis and the kabid each have a decision waiting for them.
    for pejabat in (kadis, kabid):
        assert Item.objects.filter(penerima=pejabat, terbuka=True, jenis="tindakan").exists(), pejabat.jabatan

    # Penugasan: signed (with its Surat Tugas issued as a PDF), waiting for a demo official, returned with a reason.
    penugasan = Penugasan.objects.filter(instansi=instansi)
    assert penugasan.filter(status="ditugaskan").count() >= 2
    assert penugasan.filter(aktor_sekarang__in=demo).exclude(status__in=["ditugaskan", "dikembalikan"]).exists()
    kembali = penugasan.get(status="dikembalikan")
    assert kembali.transisi.filter(aksi="kembalikan").exclude(alasan="").exists()
    st = Surat.objects.filter(instansi=instansi, jenis="penugasan", status="berlaku")
    assert st.exists() and all(bytes(s.pdf).startswith(b"%PDF") for s in st)
    assert Surat.objects.filter(instansi=instansi).count() <= 30

    # Tim kerja: active teams with a ketua and members whose roles the ketua divided; a kendala waits.
    tim = TimKerja.objects.filter(instansi=instansi, jenis="tim_kerja", status="aktif")
    assert tim.count() >= 2
    bidang = tim.get(unit_pemilik=kabid.unit, nama__startswith="Tim Percepatan")
    anggota = AnggotaTim.objects.filter(tim=bidang, status="aktif")
    assert bidang.ketua_id and anggota.count() >= 1
    assert all(x.peran and x.peran_oleh_id == bidang.ketua_id for x in anggota)
    assert bidang.kendala.filter(status="diajukan").exists()
    # A third team takes the pegawai a lintas-unit request brought, through its surat penugasan (TK-06);
    # Blitar's Sekretaris Daerah signs a team across Perangkat Daerah, so there it waits for him.
    luar = TimKerja.objects.get(instansi=instansi, nama__startswith="Tim Kolaborasi")
    assert luar.anggota.filter(dasar_penugasan__status="ditugaskan").exists()
    if profil == "blitar":
        assert luar.status == "menunggu_penetapan" and luar.penandatangan == _akun(instansi, "sekda").pegawai

    # Siklus: a PK of the year with targets, kegiatan on the board in at least three states, one
    # waiting in the kabid's review queue, one with progress entries.
    assert PerjanjianKinerja.objects.filter(instansi=instansi, berlaku=True, target__isnull=False).exists()
    kegiatan = Kegiatan.objects.filter(instansi=instansi)
    assert len(set(kegiatan.values_list("status", flat=True))) >= 3
    assert {"rencana", "berjalan", "dalam_reviu", "selesai"} <= set(kegiatan.values_list("status", flat=True))
    assert kegiatan.filter(status="dalam_reviu", aktor_sekarang=kabid).exists()
    assert kegiatan.filter(status="berjalan", progres__isnull=False).exists()

    # Built again over itself (make demo twice), the demo does not duplicate its work.
    assert buat_aktivitas(instansi, [], seed=1).dilewati


@pytest.mark.django_db
def test_tanpa_aktivitas_builds_only_the_organisation_and_missing_officials_skip_a_part_with_a_note() -> None:
    instansi, keluaran = _demo("pekanbaru", "--tanpa-aktivitas")
    assert "Aktivitas demo" not in keluaran
    assert not Penugasan.objects.filter(instansi=instansi).exists()
    assert not TimKerja.objects.filter(instansi=instansi, jenis="tim_kerja").exists()
    assert not PerjanjianKinerja.objects.filter(instansi=instansi).exists()
    assert not Kegiatan.objects.filter(instansi=instansi).exists()
    assert not Surat.objects.filter(instansi=instansi).exists()

    hasil = buat_aktivitas(instansi, [], seed=1)  # a demo without its accounts
    assert len(hasil.catatan) == 5 and all("dilewati" in c for c in hasil.catatan)
    assert not Penugasan.objects.filter(instansi=instansi).exists()
