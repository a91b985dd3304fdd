"""Choosing a pegawai by name/NIP/jabatan with his unit shown (issue #12 point 3)."""

from __future__ import annotations

import pytest
import yaml

from sikerja.organisasi.models import Pegawai
from sikerja.organisasi.pilih import PegawaiField, pegawai_boleh_dipilih
from sikerja.organisasi.testing import buat_akun, buat_organisasi, nip
from sikerja.organisasi.tests.conftest import ORG

pytestmark = pytest.mark.django_db
URL = "/organisasi/pilih-pegawai/"


@pytest.fixture
def org():
    return buat_organisasi(ORG)


@pytest.fixture
def lain():
    data = yaml.safe_load(ORG)
    data["instansi"] = {"kode": "pemkot-lain", "nama": "Pemkot Lain", "profil": "nasional"}
    for p in data["pegawai"]:
        p["nip"] = p["nip"][:-4] + "9" + p["nip"][-3:]
        p["nama"] += " Lain"
    return buat_organisasi(yaml.safe_dump(data))


def _masuk(client, n, **peran):
    user = buat_akun(Pegawai.objects.get(nip=nip(n)), **peran)
    client.force_login(user)
    return user


def test_matches_by_name_nip_and_jabatan_show_the_unit(client, org):
    _masuk(client, 4)
    html = client.get(URL, {"q": "rudi"}).content.decode()
    assert "Rudi" in html and "Pengadministrasi Perkantoran" in html and "Bidang P2P, Dinas Kesehatan" in html
    assert f'data-nilai="{Pegawai.objects.get(nip=nip(5)).pk}"' in html
    assert "Dewi" in client.get(URL, {"q": "dokter"}).content.decode()
    html = client.get(URL, {"q": nip(8)[:16], "nilai": "nip"}).content.decode()
    assert "Eko" in html and f'data-nilai="{nip(8)}"' in html


def test_the_query_is_read_from_the_fields_own_input(client, org):
    _masuk(client, 4)
    assert "Citra" in client.get(URL, {"kolom": "dari__cari", "dari__cari": "citra"}).content.decode()


def test_never_offers_pegawai_of_another_instansi(client, org, lain):
    _masuk(client, 4)
    html = client.get(URL, {"q": "lain"}).content.decode()
    assert "Lain" not in html.replace("Tidak ada pegawai", "")
    html = client.get(URL, {"q": "rudi"}).content.decode()
    assert "Rudi" in html and "Rudi Lain" not in html


def test_lingkup_narrows_to_whom_the_users_kedudukan_gives_him(client, org):
    _masuk(client, 3)  # Ani, Kepala Bidang P2P: leads Sari and Rudi
    html = client.get(URL, {"q": "i", "lingkup": "dipimpin"}).content.decode()
    assert "Sari" in html and "Rudi" in html and "Citra" not in html and "Dewi" not in html
    html = client.get(URL, {"q": "e", "lingkup": "pejabat"}).content.decode()
    assert "Dewi" in html and "Eko" not in html  # Eko heads no unit


def test_the_endpoint_requires_a_login_an_instansi_and_a_known_lingkup(client, org):
    assert client.get(URL, {"q": "rudi"}).status_code == 302
    from sikerja.akun.models import Pengguna

    client.force_login(Pengguna.objects.create_user("tamu", password="tamu-rahasia-123"))
    assert client.get(URL, {"q": "rudi"}).status_code == 403
    _masuk(client, 4)
    assert client.get(URL, {"q": "rudi", "lingkup": "semua_instansi"}).status_code == 400


def test_the_field_refuses_a_pegawai_outside_its_lingkup(org, lain):
    from sikerja.akun.models import Pengguna

    ani = buat_akun(Pegawai.objects.get(nip=nip(3)))
    field = PegawaiField(lingkup="dipimpin", user=ani, required=True)
    assert field.clean(str(Pegawai.objects.get(nip=nip(5)).pk)).nama == "Rudi"
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="pilih dari daftar"):
        field.clean(str(Pegawai.objects.get(nip=nip(6)).pk))  # Citra is not led by Ani
    with pytest.raises(ValidationError):
        field.clean(str(Pegawai.objects.get(nip=nip(5)[:-4] + "9" + nip(5)[-3:]).pk))  # another instansi
    assert not pegawai_boleh_dipilih(Pengguna(username="x")).exists()
