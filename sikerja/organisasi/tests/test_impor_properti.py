"""Property test: any malformed import document is refused with row/field errors,
no traceback, and the database unchanged (issue #10 point 7)."""

from __future__ import annotations

import copy
import json
from io import StringIO
from pathlib import Path

import pytest
import yaml
from django.core.management import CommandError, call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sikerja.organisasi.testing import buat_organisasi

from .conftest import ORG
from .test_impor import snapshot

pytestmark = pytest.mark.django_db

BASIS = yaml.safe_load(ORG)

sampah = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=300),
    lambda anak: st.lists(anak, max_size=3) | st.dictionaries(st.text(max_size=8), anak, max_size=3),
    max_leaves=8,
)

# Each breaks the document for certain; random junk is then sprinkled on top.
RUSAK = {
    "tanpa_bagian": lambda d, v: d.pop(v.choice(["instansi", "unit", "pegawai"])),
    "bagian_kosong": lambda d, v: d.__setitem__(v.choice(["unit", "pegawai"]), []),
    "nip_float": lambda d, v: d["pegawai"][v.randrange(8)].__setitem__("nip", 1.98001012005e17),
    "nip_pendek": lambda d, v: d["pegawai"][v.randrange(8)].__setitem__("nip", "12345"),
    "jenis_asing": lambda d, v: d["unit"][v.randrange(5)].__setitem__("jenis", "kementerian"),
    "nama_panjang": lambda d, v: d["pegawai"][v.randrange(8)].__setitem__("nama", "x" * 201),
    "unit_hilang": lambda d, v: d["pegawai"][v.randrange(8)].__setitem__("unit", "TIDAK-ADA"),
    "bagian_skalar": lambda d, v: d.__setitem__(v.choice(["unit", "pegawai"]), 7),
}


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(
    rusak=st.sampled_from(sorted(RUSAK)),
    acak=st.randoms(use_true_random=False),
    tambahan=st.lists(st.tuples(st.sampled_from(["unit", "pegawai"]), st.integers(0, 7),
                                st.sampled_from(["kode", "nama", "nip", "unit", "jenis", "induk", "email",
                                                 "kepala_unit", "kompetensi", "jenjang", "status"]), sampah),
                      max_size=4),
    format_=st.sampled_from(["yaml", "json"]),
)
def test_malformed_documents_are_refused_with_errors_and_change_nothing(
    tmp_path_factory, org_awal, rusak, acak, tambahan, format_
):  # type: ignore[no-untyped-def]
    doc = copy.deepcopy(BASIS)
    for bagian, i, kolom, nilai in tambahan:
        baris = doc[bagian][i % len(doc[bagian])]
        baris[kolom] = nilai
    RUSAK[rusak](doc, acak)
    f: Path = tmp_path_factory.mktemp("p") / f"org.{format_}"
    f.write_text(json.dumps(doc, default=str) if format_ == "json" else yaml.safe_dump(doc), encoding="utf-8")
    sebelum = snapshot()
    err = StringIO()
    with pytest.raises(CommandError, match="kesalahan ditemukan"):
        call_command("impor", str(f), stdout=StringIO(), stderr=err)
    teks = err.getvalue()
    assert "Traceback" not in teks
    assert any(b in teks for b in ("baris", "kolom", "bagian", "berkas"))
    assert snapshot() == sebelum


@pytest.fixture
def org_awal():  # type: ignore[no-untyped-def]
    return buat_organisasi(ORG)
