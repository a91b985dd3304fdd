"""Pangkat/golongan of a pegawai: imported as an optional column, kept when a file lacks it,
shown on the pegawai page and in the API, and filled in the demo (issue 9 point 7: the surat
penugasan names each pegawai's pangkat/golongan)."""

from __future__ import annotations

import pytest
import yaml
from django.test import Client

from sikerja.organisasi.demo import buat_data_demo
from sikerja.organisasi.dokumen import DokumenTidakValid, validate
from sikerja.organisasi.models import Pegawai
from sikerja.organisasi.services import impor_dokumen
from sikerja.organisasi.testing import buat_akun, nip

pytestmark = pytest.mark.django_db


def _org(pangkat: str | None) -> dict:
    kolom = {} if pangkat is None else {"pangkat_golongan": pangkat}
    return yaml.safe_load(f"""
instansi: {{kode: kab-pangkat, nama: Pemerintah Kabupaten Pangkat, profil: nasional}}
unit:
  - {{kode: DINAS, nama: Dinas Uji, jenis: dinas}}
pegawai:
  - {{nip: "{nip(1)}", nama: Kadis, jabatan: Kepala Dinas, jenis_jabatan: jpt_pratama, unit: DINAS, kepala_unit: true}}
""") | {"_kolom": kolom}


def _impor(pangkat: str | None) -> Pegawai:
    data = _org(pangkat)
    data["pegawai"][0].update(data.pop("_kolom"))
    impor_dokumen(validate(data))
    return Pegawai.objects.get(nip=nip(1))


def test_import_sets_pangkat_and_a_file_without_the_column_keeps_it():
    assert _impor("Pembina Utama Muda (IV/c)").pangkat_golongan == "Pembina Utama Muda (IV/c)"
    assert _impor(None).pangkat_golongan == "Pembina Utama Muda (IV/c)"
    assert _impor("Pembina Tk. I (IV/b)").pangkat_golongan == "Pembina Tk. I (IV/b)"


def test_import_refuses_a_pangkat_longer_than_its_column():
    with pytest.raises(DokumenTidakValid) as e:
        _impor("X" * 61)
    assert "pangkat_golongan" in str(e.value.galat[0])


def test_pegawai_page_and_api_show_pangkat():
    p = _impor("Pembina (IV/a)")
    c = Client()
    c.force_login(buat_akun(p))
    assert "Pembina (IV/a)" in c.get(f"/organisasi/pegawai/{p.pk}/").content.decode()
    assert c.get(f"/api/organisasi/pegawai/{p.nip}").json()["pangkat_golongan"] == "Pembina (IV/a)"


def test_demo_gives_every_pegawai_a_plausible_pangkat():
    d = buat_data_demo("nasional", 200, seed=3)
    for row in d["pegawai"]:
        pg = row["pangkat_golongan"]
        if row["status"] == "pppk":
            assert pg.startswith("Golongan ")
        elif row["jenis_jabatan"] == "jpt_pratama":
            assert pg.endswith(("(IV/b)", "(IV/c)"))
        elif row.get("jenjang") == "ahli_pertama":
            assert pg.endswith(("(III/a)", "(III/b)"))
    validate(d)  # the demo passes the import's checks, column lengths included
