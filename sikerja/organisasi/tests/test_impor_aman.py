"""The import never loses or corrupts data, and bounds its work (issue #10 points 5–7)."""

from __future__ import annotations

import time
from io import BytesIO, StringIO
from pathlib import Path

import pytest
import yaml
from django.core.management import CommandError, call_command
from django.test import override_settings
from openpyxl import Workbook

from sikerja.organisasi.dokumen import DokumenTidakValid, load, validate
from sikerja.organisasi.models import Pegawai, UnitOrganisasi
from sikerja.organisasi.testing import nip

from .conftest import ORG

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = StringIO()
    call_command("impor", *args, stdout=out, stderr=out)
    return out.getvalue()


def tulis(tmp_path: Path, data: dict, nama: str = "v2.yaml") -> str:
    f = tmp_path / nama
    f.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return str(f)


def aktif() -> tuple[int, int]:
    return UnitOrganisasi.objects.filter(aktif=True).count(), Pegawai.objects.filter(aktif=True).count()


def galat(data: dict) -> str:
    with pytest.raises(DokumenTidakValid) as e:
        validate(data)
    return str(e.value)


# --- point 5: no silent mass deactivation --------------------------------------


def test_yaml_with_only_instansi_is_an_error_not_a_mass_deactivation(org_file: Path, tmp_path: Path):
    run(str(org_file))
    data = yaml.safe_load(ORG)
    with pytest.raises(CommandError):
        run(tulis(tmp_path, {"instansi": data["instansi"]}))
    assert aktif() == (5, 8)


def test_xlsx_with_a_wrongly_named_sheet_is_an_error(tmp_path: Path):
    wb = Workbook()
    wb.active.title = "instansi"
    wb.active.append(["kode", "nama", "profil"])
    wb.active.append(["pemkab-contoh", "Contoh", "nasional"])
    wb.create_sheet("unit").append(["kode", "nama", "jenis"])
    wb["unit"].append(["DINKES", "Dinas Kesehatan", "dinas"])
    wb.create_sheet("Pegawai 2024").append(["nip", "nama"])
    f = tmp_path / "org.xlsx"
    wb.save(f)
    with pytest.raises(DokumenTidakValid, match="lembar 'pegawai' tidak ada.*Pegawai 2024"):
        load(f)


def test_reimport_deactivating_more_than_5_percent_stops_without_confirmation(org_file: Path, tmp_path: Path):
    run(str(org_file))
    data = yaml.safe_load(ORG)
    data["unit"] = [u for u in data["unit"] if u["kode"] == "SETDA" or u["kode"] == "DINKES"]
    data["pegawai"] = [p for p in data["pegawai"] if p["unit"] in ("SETDA", "DINKES")]
    f = tulis(tmp_path, data)
    err = StringIO()
    with pytest.raises(CommandError, match="3 dari 5 unit dan 6 dari 8 pegawai.*--izinkan-nonaktif"):
        call_command("impor", f, stdout=StringIO(), stderr=err)
    assert "Dinonaktifkan pegawai" in err.getvalue()
    assert aktif() == (5, 8)
    run(f, "--izinkan-nonaktif")
    assert aktif() == (2, 2)


@override_settings(IMPOR_NONAKTIF_MAKS=0.5)
def test_the_share_is_a_setting(org_file: Path, tmp_path: Path):
    run(str(org_file))
    data = yaml.safe_load(ORG)
    del data["pegawai"][4]
    run(tulis(tmp_path, data))
    assert aktif() == (5, 7)


def test_unit_codes_match_case_insensitively(org_file: Path, tmp_path: Path):
    run(str(org_file))
    data = yaml.safe_load(ORG)
    for u in data["unit"]:
        u["kode"] = u["kode"].lower()
        if u.get("induk"):
            u["induk"] = u["induk"].lower()
    for p in data["pegawai"]:
        p["unit"] = p["unit"].capitalize()
    out = run(tulis(tmp_path, data))
    assert "Tidak ada perubahan" in out
    assert aktif() == (5, 8)


def test_unit_codes_differing_only_in_case_are_duplicates():
    data = yaml.safe_load(ORG)
    data["unit"].append({"kode": "dinkes", "nama": "Dinas lagi", "jenis": "dinas"})
    assert "kode 'dinkes' sudah dipakai di baris 2" in galat(data)


# --- point 6: no silent corruption ---------------------------------------------


def test_xlsx_nip_stored_as_a_number_is_rejected_with_how_to_fix(tmp_path: Path):
    data = yaml.safe_load(ORG)
    data["pegawai"][0]["nip"] = 1.97001011990031e17
    teks = galat(data)
    assert "pegawai baris 1, kolom 'nip'" in teks and "format kolom NIP sebagai Teks" in teks


def test_nip_with_non_ascii_digits_is_rejected():
    data = yaml.safe_load(ORG)
    data["pegawai"][0]["nip"] = "١٩٨٠٠١٠١٢٠٠٥٠١٠٠٠١"  # Arabic-Indic digits
    assert "18 digit" in galat(data)
    data["pegawai"][0]["nip"] = nip(1) + "\n"
    validate(yaml.safe_load(ORG))  # the original still passes


@pytest.mark.parametrize(("bagian", "kolom", "panjang"), [
    ("pegawai", "nama", 201), ("pegawai", "jabatan", 201), ("unit", "nama", 201), ("unit", "kode", 65),
    ("pegawai", "email", 255),
])
def test_every_field_is_length_checked(bagian: str, kolom: str, panjang: int):
    data = yaml.safe_load(ORG)
    nilai = "x" * panjang if kolom != "email" else "a" * (panjang - 8) + "@x.go.id"
    data[bagian][1][kolom] = nilai
    assert f"{bagian} baris 2, kolom '{kolom}': terlalu panjang" in galat(data)


# --- point 7: bounded work -----------------------------------------------------


def test_yaml_alias_bomb_is_rejected_in_under_a_second():
    bomb = "a: &a [" + ",".join(['"lol"'] * 9) + "]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(15))
    bomb += "instansi: *a\n" * 20
    assert len(bomb.encode()) < 2048 + 200
    t = time.perf_counter()
    with pytest.raises(DokumenTidakValid, match="alias YAML"):
        load(BytesIO(bomb.encode()), nama="bom.yaml")
    assert time.perf_counter() - t < 1


def test_deep_json_is_an_error_not_a_recursion_error():
    with pytest.raises(DokumenTidakValid, match="bersarang"):
        load(BytesIO(b"[" * 200_000 + b"]" * 200_000), nama="dalam.json")


@override_settings(IMPOR_UKURAN_MAKS=1024)
def test_file_over_the_size_limit_is_refused_before_parsing(tmp_path: Path):
    f = tmp_path / "besar.yaml"
    f.write_bytes(b"#" * 2048)
    with pytest.raises(DokumenTidakValid, match="terlalu besar"):
        load(f)


@override_settings(IMPOR_BARIS_MAKS=10)
def test_row_limit():
    data = yaml.safe_load(ORG)
    data["pegawai"] = data["pegawai"] * 2
    assert "lebih dari 10 baris" in galat(data)


@override_settings(IMPOR_BARIS_MAKS=10)
def test_xlsx_row_limit_stops_reading(tmp_path: Path):
    wb = Workbook()
    wb.active.title = "instansi"
    wb.create_sheet("unit")
    ws = wb.create_sheet("pegawai")
    for i in range(50):
        ws.append([f"x{i}"])
    f = tmp_path / "banyak.xlsx"
    wb.save(f)
    with pytest.raises(DokumenTidakValid, match="lebih dari 10 baris"):
        load(f)


@pytest.mark.parametrize("isi", [
    {"instansi": 3, "unit": 5, "pegawai": "x"},
    {"instansi": {"kode": ["a"]}, "unit": [{"kode": {"x": 1}}], "pegawai": [{"nip": [1], "kompetensi": 5}]},
    {"instansi": {"kode": "a", "nama": "b", "profil": "nasional"}, "unit": [[1]], "pegawai": [None, 3]},
])
def test_malformed_shapes_are_row_errors(isi: dict):
    assert galat(isi)
