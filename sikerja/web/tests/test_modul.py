"""Modules register themselves (issue #8 point 5): URLs and menu come from each app's navigasi.py."""

from __future__ import annotations

import importlib

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import clear_url_caches

from sikerja import modul
from sikerja.organisasi.models import Pegawai
from sikerja.organisasi.testing import buat_akun, buat_organisasi, nip
from sikerja.organisasi.tests.conftest import ORG

pytestmark = pytest.mark.django_db


@pytest.fixture
def dengan_modul_uji():
    """INSTALLED_APPS plus the test-only module, with the URL map rebuilt from the registry."""
    import sikerja.urls

    with override_settings(INSTALLED_APPS=[*settings.INSTALLED_APPS, "sikerja.web.tests.modul_uji"]):
        importlib.reload(sikerja.urls)
        clear_url_caches()
        yield
    importlib.reload(sikerja.urls)
    clear_url_caches()


def test_every_app_with_pages_is_a_registered_module():
    nama = [m.nama for m in modul.daftar_modul()]
    assert {"web", "organisasi", "kedudukan", "penugasan"} <= set(nama)


def test_a_new_module_appears_in_the_urls_and_in_the_menu(client, dengan_modul_uji):
    buat_organisasi(ORG)
    client.force_login(buat_akun(Pegawai.objects.get(nip=nip(4))))
    assert client.get("/modul-uji/").content == b"halaman modul uji"
    html = client.get("/").content.decode()
    assert 'href="/modul-uji/"' in html and "Modul Uji" in html
    assert "Atur Modul Uji" not in html  # its admin entry is for the admin instansi only


def test_admin_entries_of_every_module_share_one_administrasi_dropdown(client, dengan_modul_uji):
    buat_organisasi(ORG)
    client.force_login(buat_akun(Pegawai.objects.get(nip=nip(6)), admin_instansi=True))
    html = client.get("/").content.decode()
    menu = html.split('data-kelompok="Administrasi"')[1].split("</ul>")[0]
    for label in ("Delegasi", "Impor Data", "Pengaturan", "Atur Modul Uji"):
        assert label in menu


def test_menu_predicates_follow_roles(client):
    buat_organisasi(ORG)
    client.force_login(buat_akun(Pegawai.objects.get(nip=nip(4)), inspektorat=True))
    html = client.get("/").content.decode()
    assert "Pemantauan Inspektorat" in html and "Pemantauan BKPSDM" not in html
    assert 'data-kelompok="Administrasi"' not in html
