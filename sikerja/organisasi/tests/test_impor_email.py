"""The optional `email` column of the import (where Kotak Masuk notifications are sent)."""

from __future__ import annotations

import pytest
import yaml

from sikerja.organisasi.dokumen import DokumenTidakValid, validate
from sikerja.organisasi.models import Pegawai
from sikerja.organisasi.services import impor_dokumen
from sikerja.organisasi.tests.conftest import ORG

pytestmark = pytest.mark.django_db


def _data():  # type: ignore[no-untyped-def]
    return yaml.safe_load(ORG)


def test_email_is_imported_checked_and_kept_when_the_column_is_absent():
    data = _data()
    data["pegawai"][3]["email"] = "sari@dinkes.contoh.go.id"
    impor_dokumen(validate(data))
    nip = data["pegawai"][3]["nip"]
    assert Pegawai.objects.get(nip=nip).email == "sari@dinkes.contoh.go.id"
    # A later file without the column (e.g. from the HR system) keeps the address.
    laporan = impor_dokumen(validate(_data()))
    assert Pegawai.objects.get(nip=nip).email == "sari@dinkes.contoh.go.id" and not laporan.ada_perubahan
    data["pegawai"][3]["email"] = "sari-baru@dinkes.contoh.go.id"
    laporan = impor_dokumen(validate(data))
    assert Pegawai.objects.get(nip=nip).email == "sari-baru@dinkes.contoh.go.id" and laporan.ada_perubahan


def test_invalid_email_names_the_row_and_column():
    data = _data()
    data["pegawai"][2]["email"] = "bukan alamat"
    with pytest.raises(DokumenTidakValid) as e:
        validate(data)
    assert any(g.baris == 3 and g.kolom == "email" for g in e.value.galat)
