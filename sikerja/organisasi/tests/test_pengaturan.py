"""Instansi settings are written by one service, which checks who may (issue 8.4)."""

from __future__ import annotations

import pytest

from sikerja.kedudukan.models import Kedudukan
from sikerja.organisasi.models import Instansi, Pegawai
from sikerja.organisasi.services import PengaturanTidakSah, ubah_pengaturan
from sikerja.organisasi.testing import buat_akun, buat_organisasi, nip
from sikerja.organisasi.tests.conftest import ORG

pytestmark = pytest.mark.django_db


@pytest.fixture
def instansi():
    return buat_organisasi(ORG)


def test_admin_sets_the_pyb_and_thresholds(instansi):
    admin = buat_akun(Pegawai.objects.get(nip=nip(6)), admin_instansi=True)
    sekda = Pegawai.objects.get(nip=nip(1))
    ubah_pengaturan(instansi, oleh=admin, pyb=sekda, ambang_beban_kerja=120, format_nomor_surat="800/{nomor}/{tahun}")
    i = Instansi.objects.get(pk=instansi.pk)
    assert (i.pyb, i.ambang_beban_kerja, i.format_nomor_surat) == (sekda, 120, "800/{nomor}/{tahun}")


def test_a_pegawai_who_is_not_admin_may_not_change_settings(instansi):
    biasa = buat_akun(Pegawai.objects.get(nip=nip(4)))
    with pytest.raises(PengaturanTidakSah, match="admin instansi"):
        ubah_pengaturan(instansi, oleh=biasa, ambang_beban_kerja=10)


def test_pyb_from_another_instansi_and_bad_values_are_refused(instansi):
    admin = buat_akun(Pegawai.objects.get(nip=nip(6)), admin_instansi=True)
    lain = buat_organisasi(ORG.replace("pemkab-contoh", "pemkab-lain").replace("1980010120050100", "1981010120050100"))
    with pytest.raises(PengaturanTidakSah, match="pegawai aktif instansi ini"):
        ubah_pengaturan(instansi, oleh=admin, pyb=Pegawai.objects.filter(instansi=lain).first())
    with pytest.raises(PengaturanTidakSah, match="nomor"):
        ubah_pengaturan(instansi, oleh=admin, format_nomor_surat="800/{tahun}")
    with pytest.raises(PengaturanTidakSah, match="Profil 'kotalama' tidak dikenal"):
        ubah_pengaturan(instansi, oleh=admin, profil="kotalama")


def test_changing_the_profile_recomputes_kedudukan(instansi):
    admin = buat_akun(Pegawai.objects.get(nip=nip(6)), admin_instansi=True)
    sebelum = Kedudukan.objects.get(pegawai__nip=nip(4), berlaku_sampai=None).dasar_hukum
    ubah_pengaturan(instansi, oleh=admin, profil="magelang")
    sesudah = Kedudukan.objects.get(pegawai__nip=nip(4), berlaku_sampai=None).dasar_hukum
    assert sebelum != sesudah and any("Magelang" in d for d in sesudah)


def test_every_settings_change_is_recorded_with_who_and_old_and_new_values_and_cannot_be_altered(instansi):
    """SPEC §1 akuntabilitas: a change of the Pengaturan instansi — the profile among them, which changes
    who rates whom — leaves an append-only record of who changed which field from what to what; saving
    the same values again records nothing."""
    from sikerja.organisasi.models import RiwayatPengaturan
    from sikerja.organisasi.selectors import riwayat_pengaturan

    admin = buat_akun(Pegawai.objects.get(nip=nip(6)), admin_instansi=True)
    sekda = Pegawai.objects.get(nip=nip(1))
    ambang = Instansi.objects.get(pk=instansi.pk).ambang_beban_kerja
    ubah_pengaturan(instansi, oleh=admin, pyb=sekda, ambang_beban_kerja=ambang + 5)
    ubah_pengaturan(instansi, oleh=admin, profil="magelang")
    ubah_pengaturan(instansi, oleh=admin, ambang_beban_kerja=ambang + 5)  # unchanged: no record
    baru, lama = riwayat_pengaturan(instansi.id)
    assert lama.perubahan == {"pyb": ["", f"{sekda.nama} ({sekda.nip})"],
                              "ambang_beban_kerja": [str(ambang), str(ambang + 5)]}
    assert list(baru.perubahan) == ["profil"] and baru.perubahan["profil"][1] == "magelang"
    assert baru.perubahan["profil"][0] == instansi.profil != "magelang"
    assert baru.oleh_id == admin.pk and admin.username in baru.oleh_nama and admin.pegawai.nama in baru.oleh_nama
    assert RiwayatPengaturan.objects.count() == 2
    with pytest.raises(ValueError):
        baru.save()
    with pytest.raises(ValueError):
        RiwayatPengaturan.objects.all().delete()
    with pytest.raises(ValueError):
        RiwayatPengaturan.objects.update(oleh_nama="x")
    # A refused change records nothing.
    with pytest.raises(PengaturanTidakSah):
        ubah_pengaturan(instansi, oleh=buat_akun(Pegawai.objects.get(nip=nip(4))), ambang_beban_kerja=10)
    assert RiwayatPengaturan.objects.count() == 2
