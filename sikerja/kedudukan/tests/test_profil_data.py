"""Profiles are data (issue 8.3): a new Pemda is a profile file, rules read unit attributes."""

from __future__ import annotations

import shutil

import pytest
import yaml
from django.core.management import call_command

from sikerja.kedudukan.engine import PROFIL_DIR, available_profiles, load_profil
from sikerja.kedudukan.models import Kedudukan
from sikerja.kedudukan.tests.util import kedudukan, nip, nip_of, org_from_yaml
from sikerja.organisasi.dokumen import DokumenTidakValid, validate
from sikerja.organisasi.models import Instansi
from sikerja.organisasi.testing import buat_organisasi
from sikerja.organisasi.tests.conftest import ORG


@pytest.fixture
def profil_baru(tmp_path, monkeypatch):
    """A copy of ``nasional`` under a new code, in a directory named by SIKERJA_PROFIL_DIR."""
    data = yaml.safe_load((PROFIL_DIR / "nasional.yaml").read_text(encoding="utf-8"))
    data["kode"], data["singkatan"] = "kotabaru", "Perwal Kotabaru 1/2025"
    (tmp_path / "kotabaru.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("SIKERJA_PROFIL_DIR", str(tmp_path))
    return "kotabaru"


def test_a_profile_file_in_the_profile_dir_is_listed_and_loaded(profil_baru):
    assert profil_baru in available_profiles()
    assert load_profil(profil_baru).dasar_plafon.startswith("Perwal Kotabaru 1/2025, ")


@pytest.mark.django_db(transaction=False)
def test_a_copied_profile_is_usable_for_import_demo_and_kedudukan_without_a_migration(profil_baru):
    from io import StringIO

    from django.apps import apps
    from django.db.migrations.autodetector import MigrationAutodetector
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.state import ProjectState

    # Import: the new code is accepted and resolved with the copied rules.
    instansi = buat_organisasi(ORG.replace("profil: nasional", f"profil: {profil_baru}"))
    assert instansi.profil == profil_baru
    k = Kedudukan.objects.get(pegawai__nip=nip(4), berlaku_sampai=None)
    assert k.ppk.nip == nip(3) and k.dasar_hukum[0].startswith("Perwal Kotabaru 1/2025")
    # Demo: no demo data for this profile, the generic demo is built and imported.
    out = StringIO()
    call_command("demo", profil=profil_baru, pegawai=80, kode="demo-kotabaru", tanpa_aktivitas=True, stdout=out)
    demo = Instansi.objects.get(kode="demo-kotabaru")
    assert demo.profil == profil_baru and Kedudukan.objects.filter(instansi=demo).exists()
    # No migration: the models do not enumerate profiles.
    loader = MigrationLoader(None, ignore_no_migrations=True)
    perubahan = MigrationAutodetector(loader.project_state(), ProjectState.from_apps(apps)).changes(graph=loader.graph)
    assert not {a: c for a, c in perubahan.items() if a in ("organisasi", "kedudukan")}


def test_an_unknown_profile_is_refused_by_the_import_naming_the_available_ones():
    data = yaml.safe_load(ORG.replace("profil: nasional", "profil: kotalama"))
    with pytest.raises(DokumenTidakValid, match="profil 'kotalama' tidak dikenal; pilih salah satu: .*nasional"):
        validate(data)


RSUD = f"""
instansi: {{kode: pemkab-pasuruan, nama: Pemerintah Kabupaten Pasuruan, profil: pasuruan}}
unit:
  - {{kode: SETDA, nama: Sekretariat Daerah, jenis: sekretariat_daerah}}
  - {{kode: DINKES, nama: Dinas Kesehatan, jenis: dinas}}
  - {{kode: RS, nama: RSUD Grati, jenis: rsud, induk: DINKES, atribut: {{kelas_rs: C}}}}
  - {{kode: RS-YAN, nama: Bidang Pelayanan, jenis: bidang, induk: RS}}
  - {{kode: RS-MED, nama: Seksi Pelayanan Medik, jenis: seksi, induk: RS-YAN}}
pegawai:
  - {{nip: "{nip(1)}", nama: Sekda, jabatan: Sekretaris Daerah, jenis_jabatan: jpt_pratama, unit: SETDA, kepala_unit: true}}
  - {{nip: "{nip(2)}", nama: Kadinkes, jabatan: Kepala Dinas Kesehatan, jenis_jabatan: jpt_pratama, unit: DINKES, kepala_unit: true}}
  - {{nip: "{nip(3)}", nama: Direktur, jabatan: Direktur, jenis_jabatan: administrator, unit: RS, kepala_unit: true}}
  - {{nip: "{nip(4)}", nama: Kabid, jabatan: Kepala Bidang Pelayanan, jenis_jabatan: administrator, unit: RS-YAN, kepala_unit: true}}
  - {{nip: "{nip(5)}", nama: Kasi, jabatan: Kepala Seksi Pelayanan Medik, jenis_jabatan: pengawas, unit: RS-MED, kepala_unit: true}}
  - {{nip: "{nip(6)}", nama: Perawat, jabatan: Perawat Terampil, jenis_jabatan: fungsional, jenjang: terampil, unit: RS-MED}}
"""


def test_renamed_rsud_keeps_who_rates_whom_pasuruan_lampiran_ii_d_6():
    # Perbup Pasuruan 217/2023 Lampiran II.D.6: in an RSUD led by an administrator (kelas C,
    # as RSUD Grati) the pengawas is PPK and PUO. The rule reads the class, not the name.
    sebelum = kedudukan(org_from_yaml(RSUD), nip(6))
    sesudah = kedudukan(org_from_yaml(RSUD.replace("RSUD Grati", "RSUD dr. R. Soedarsono")), nip(6))
    assert nip_of(sebelum, "ppk") == nip_of(sesudah, "ppk") == nip(5)
    assert sebelum.aturan == sesudah.aturan == "pasuruan-rsud-grati-jf"


def test_the_attribute_not_the_name_chooses_the_template_pasuruan_lampiran_ii_d_5():
    # Lampiran II.D.5 (RSUD Bangil template): the Kepala Bagian/Bidang is PPK and PUO.
    h = kedudukan(org_from_yaml(RSUD.replace("kelas_rs: C", "kelas_rs: B")), nip(6))
    assert h.aturan == "pasuruan-rsud-jf" and nip_of(h, "ppk") == nip(4)


def test_unit_attribute_unknown_to_the_profile_is_refused_naming_row_and_field():
    data = yaml.safe_load(RSUD.replace("kelas_rs: C", "kelas_rs: E"))
    with pytest.raises(DokumenTidakValid, match="unit baris 3, kolom 'atribut': nilai 'E' tidak dikenal untuk atribut 'kelas_rs'"):
        validate(data)


def test_spreadsheet_style_attributes_are_read():
    data = yaml.safe_load(RSUD)
    data["unit"][2]["atribut"] = "kelas_rs=C"
    data["unit"][1]["atribut.urusan"] = "kesehatan"
    org = validate(data).organisasi()
    assert org.units["RS"].nilai_atribut("kelas_rs") == "C" and org.units["DINKES"].nilai_atribut("urusan") == "kesehatan"


def test_level_is_the_pejabat_level_of_the_unit_organisasi_pasuruan_pasal_1_angka_24(db):
    # Pasal 1 angka 24–26: Level I is the top of a unit organisasi; an RSUD is its own.
    from sikerja.organisasi.models import UnitOrganisasi

    buat_organisasi(RSUD)
    level = dict(UnitOrganisasi.objects.values_list("kode", "level"))
    assert level == {"SETDA": 1, "DINKES": 1, "RS": 1, "RS-YAN": 2, "RS-MED": 3}


def test_profile_files_copied_elsewhere_keep_the_builtin_ones(profil_baru, tmp_path):
    shutil.copy(PROFIL_DIR / "nasional.yaml", tmp_path / "nasional.yaml")
    assert {"nasional", "pasuruan", profil_baru} <= set(available_profiles())
