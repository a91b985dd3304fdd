"""`sikerja impor`: validation with row and field, atomicity, idempotent upsert (issue #2)."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
import yaml
from django.core.management import CommandError, call_command

from sikerja.kedudukan.models import Delegasi, Kedudukan
from sikerja.organisasi.models import Instansi, Kompetensi, Pegawai, UnitOrganisasi
from sikerja.organisasi.testing import nip

from .conftest import ORG

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = StringIO()
    call_command("impor", *args, stdout=out, stderr=out)
    return out.getvalue()


def snapshot() -> tuple:
    return (
        sorted(UnitOrganisasi.objects.values_list("kode", "nama", "jenis", "induk__kode", "level", "aktif")),
        sorted(Pegawai.objects.values_list("nip", "nama", "jabatan", "unit__kode", "kepala_unit", "aktif")),
        sorted(Delegasi.objects.values_list("dari__nip", "kepada__nip", "wewenang", "aktif")),
        Kedudukan.objects.count(),
        Kompetensi.objects.count(),
    )


def test_good_file_imports_units_pegawai_levels_and_kedudukan(org_file: Path):
    out = run(str(org_file))
    assert "ditambah: 5 unit, 8 pegawai" in out
    p2p = UnitOrganisasi.objects.get(kode="DINKES-P2P")
    assert p2p.level == 2 and p2p.akar_pd.kode == "DINKES" and p2p.induk.kode == "DINKES"
    assert Kompetensi.objects.get(pegawai__nip=nip(4)).nama == "Epidemiologi"
    # kedudukan is computed on import: the Kabid rates the Ahli Muda in his bidang
    assert Kedudukan.objects.get(pegawai__nip=nip(4), berlaku_sampai=None).ppk.nip == nip(3)


def test_reimport_of_the_same_file_changes_nothing(org_file: Path):
    run(str(org_file))
    before = snapshot()
    out = run(str(org_file))
    assert "Tidak ada perubahan" in out
    assert snapshot() == before


def test_reimport_reports_added_changed_and_removed(org_file: Path, tmp_path: Path):
    run(str(org_file))
    data = yaml.safe_load(ORG)
    data["pegawai"][3]["jabatan"] = "Epidemiolog Kesehatan Ahli Madya"
    data["pegawai"][3]["jenjang"] = "ahli_madya"
    del data["pegawai"][4]  # Rudi leaves
    data["unit"].append({"kode": "DINKES-SEK", "nama": "Sekretariat", "jenis": "sekretariat", "induk": "DINKES"})
    f = tmp_path / "v2.yaml"
    f.write_text(yaml.safe_dump(data), encoding="utf-8")
    # 1 of 8 pegawai is over the 5% guard (issue #10 point 5): confirmed explicitly
    out = run(str(f), "--izinkan-nonaktif")
    assert "Ditambah unit: DINKES-SEK (Sekretariat)" in out
    assert f"Diubah pegawai: {nip(4)} Sari: jabatan" in out and "ahli_muda' → 'ahli_madya'" in out
    assert f"Dinonaktifkan pegawai: {nip(5)} Rudi" in out
    rudi = Pegawai.objects.get(nip=nip(5))
    assert rudi.aktif is False  # never deleted: history refers to him
    assert not Kedudukan.objects.filter(pegawai=rudi, berlaku_sampai=None).exists()
    # Ahli Madya is no longer rated by the administrator (SPEC §3 rule 2); the old row is history
    sari = Kedudukan.objects.filter(pegawai__nip=nip(4)).order_by("berlaku_mulai", "id")
    assert [k.ppk.nip for k in sari] == [nip(3), nip(2)]
    assert sari[0].berlaku_sampai is not None and sari[1].berlaku_sampai is None


def test_head_can_move_from_one_person_to_another_in_one_import(org_file: Path, tmp_path: Path):
    run(str(org_file))
    data = yaml.safe_load(ORG)
    data["pegawai"][2]["kepala_unit"] = False  # Ani steps down
    data["pegawai"][3]["kepala_unit"] = True  # Sari heads the bidang
    f = tmp_path / "v2.yaml"
    f.write_text(yaml.safe_dump(data), encoding="utf-8")
    run(str(f))
    assert Pegawai.objects.get(unit__kode="DINKES-P2P", kepala_unit=True).nip == nip(4)


def test_file_with_errors_lists_every_error_with_row_and_field_and_writes_nothing(org_file: Path, tmp_path: Path):
    run(str(org_file))
    before = snapshot()
    data = yaml.safe_load(ORG)
    data["unit"].append({"kode": "X", "nama": "Bidang X", "jenis": "direktorat", "induk": "TIDAK-ADA"})
    data["pegawai"][3]["nip"] = "12345"
    data["pegawai"][4]["nip"] = data["pegawai"][5]["nip"]
    data["pegawai"][6]["jenjang"] = None
    data["pegawai"][5]["jenjang"] = "ahli_muda"  # administrator with jenjang
    data["pegawai"][7]["kepala_unit"] = True  # second head of the puskesmas
    data["pegawai"][0]["unit"] = "SETWAN"
    f = tmp_path / "salah.yaml"
    f.write_text(yaml.safe_dump(data), encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError, match="kesalahan ditemukan"):
        call_command("impor", str(f), stdout=StringIO(), stderr=err)
    text = err.getvalue()
    assert "unit baris 6, kolom 'jenis'" in text
    assert "unit baris 6, kolom 'induk'" in text
    assert "pegawai baris 4, kolom 'nip'" in text and "18 digit" in text
    assert "pegawai baris 6, kolom 'nip'" in text  # duplicate
    assert "pegawai baris 7, kolom 'jenjang'" in text
    assert "pegawai baris 6, kolom 'jenjang'" in text
    assert "pegawai baris 8, kolom 'kepala_unit'" in text
    assert "pegawai baris 1, kolom 'unit'" in text
    assert snapshot() == before


def test_cycle_and_unknown_profile_are_rejected(tmp_path: Path):
    data = yaml.safe_load(ORG)
    data["instansi"]["profil"] = "jakarta"
    data["unit"][2]["induk"] = "DINKES-YANKES"
    data["unit"][3]["induk"] = "DINKES-P2P"
    f = tmp_path / "siklus.yaml"
    f.write_text(yaml.safe_dump(data), encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("impor", str(f), stdout=StringIO(), stderr=err)
    assert "profil 'jakarta' tidak dikenal" in err.getvalue()
    assert "hubungan induk berputar" in err.getvalue()
    assert not Instansi.objects.exists()


def test_dry_run_reports_but_writes_nothing(org_file: Path):
    out = run(str(org_file), "--dry-run")
    assert "[uji coba, tidak disimpan]" in out and "8 pegawai" in out
    assert not Instansi.objects.exists() and not Pegawai.objects.exists()


def test_xlsx_import_reports_spreadsheet_row_numbers(tmp_path: Path):
    from openpyxl import Workbook

    data = yaml.safe_load(ORG)
    wb = Workbook()
    ws = wb.active
    ws.title = "instansi"
    ws.append(["kode", "nama", "profil"])
    ws.append([data["instansi"]["kode"], data["instansi"]["nama"], data["instansi"]["profil"]])
    ws = wb.create_sheet("unit")
    ws.append(["kode", "nama", "jenis", "induk"])
    for u in data["unit"]:
        ws.append([u["kode"], u["nama"], u["jenis"], u.get("induk")])
    ws = wb.create_sheet("pegawai")
    cols = ["nip", "nama", "status", "jabatan", "jenis_jabatan", "jenjang", "unit", "kepala_unit"]
    ws.append(cols)
    for p in data["pegawai"]:
        ws.append([p.get(c) for c in cols])
    ws.cell(row=4, column=1, value="19800101")  # third pegawai, spreadsheet row 4
    f = tmp_path / "org.xlsx"
    wb.save(f)
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("impor", str(f), stdout=StringIO(), stderr=err)
    assert "pegawai baris 4, kolom 'nip'" in err.getvalue()
    ws.cell(row=4, column=1, value=nip(3))
    wb.save(f)
    assert "8 pegawai" in run(str(f))
