"""The web import: size limit before parsing, a second confirmation step for mass
deactivation, and hostile files answered with row/field errors (issue #10 points 5, 7)."""

from __future__ import annotations

import pytest
import yaml
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from sikerja.organisasi.models import Pegawai
from sikerja.organisasi.testing import buat_akun, buat_organisasi, nip

from .conftest import ORG

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(client, tmp_path):  # type: ignore[no-untyped-def]
    buat_organisasi(ORG)
    client.force_login(buat_akun(Pegawai.objects.get(nip=nip(6)), admin_instansi=True))
    with override_settings(MEDIA_ROOT=tmp_path):
        yield client


def unggah(client, isi: bytes, nama: str = "org.yaml", mode: str = "simpan"):  # type: ignore[no-untyped-def]
    return client.post("/organisasi/impor/", {"berkas": SimpleUploadedFile(nama, isi), "mode": mode})


def test_a_50_mb_upload_is_refused_before_parsing(admin, monkeypatch):
    import sikerja.organisasi.views as v

    def tidak_boleh(*a, **k):  # type: ignore[no-untyped-def]
        raise AssertionError("berkas dibaca")

    monkeypatch.setattr(v, "load", tidak_boleh)
    r = unggah(admin, b"#" * (50 * 1024 * 1024))
    assert r.status_code == 413 and "terlalu besar" in r.content.decode()


def test_mass_deactivation_needs_a_second_confirmation_listing_what_goes(admin):
    data = yaml.safe_load(ORG)
    data["pegawai"] = data["pegawai"][:4]
    r = unggah(admin, yaml.safe_dump(data).encode())
    html = r.content.decode()
    assert r.status_code == 409 and "Penyimpanan dihentikan" in html and "Rudi" in html and "4 dari 8 pegawai" in html
    assert Pegawai.objects.filter(aktif=True).count() == 8
    token = admin.session["impor_tertunda"]["token"]
    r = admin.post("/organisasi/impor/", {"mode": "konfirmasi", "token": token})
    assert r.status_code == 200
    assert Pegawai.objects.filter(aktif=True).count() == 4


def test_confirmation_with_a_wrong_token_does_nothing(admin):
    data = yaml.safe_load(ORG)
    data["pegawai"] = data["pegawai"][:4]
    unggah(admin, yaml.safe_dump(data).encode())
    r = admin.post("/organisasi/impor/", {"mode": "konfirmasi", "token": "palsu"})
    assert r.status_code == 400 and Pegawai.objects.filter(aktif=True).count() == 8


@pytest.mark.parametrize(("nama", "isi"), [
    ("a.yaml", b"a: &a [1,2]\nb: [*a, *a]"),
    ("a.json", b"[" * 100_000),
    ("a.json", b'{"instansi": 1, "unit": {"a": 1}, "pegawai": [[[]]]}'),
    ("a.xlsx", b"PK\x03\x04 bukan zip"),
    ("a.yaml", b"\xff\xfe\x00"),
    ("a.yaml", b"- 1\n- 2"),
    ("a.yaml", b"instansi: !!python/object:os.system {}"),
])
def test_hostile_files_get_errors_never_a_500(admin, nama: str, isi: bytes):
    r = unggah(admin, isi, nama)
    assert r.status_code == 400 and "kesalahan di" in r.content.decode()
