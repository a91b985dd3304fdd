"""403/404/500 pages in Indonesian with DEBUG off (issue #10 point 12)."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings
from django.urls import path

from sikerja.organisasi.models import Pegawai
from sikerja.organisasi.testing import buat_akun, buat_organisasi, nip
from sikerja.organisasi.tests.conftest import ORG
from sikerja.urls import urlpatterns as _asli


def _meledak(request):  # type: ignore[no-untyped-def]
    raise RuntimeError("uji 500")


urlpatterns = [*_asli, path("uji-500/", _meledak)]
handler500 = "sikerja.web.views.galat_server"

pytestmark = pytest.mark.django_db


@override_settings(DEBUG=False)
def test_404_page_is_indonesian(client):
    r = client.get("/tidak-ada-halaman-ini/")
    assert r.status_code == 404
    assert "Halaman tidak ditemukan" in r.content.decode()


@override_settings(DEBUG=False)
def test_403_page_is_indonesian(client):
    buat_organisasi(ORG)
    client.force_login(buat_akun(Pegawai.objects.get(nip=nip(4))))
    r = client.get("/organisasi/impor/")
    assert r.status_code == 403
    body = r.content.decode()
    assert "Akses ditolak" in body and "admin instansi" in body


@override_settings(DEBUG=False, ROOT_URLCONF=__name__)
def test_500_page_is_indonesian_and_needs_no_database():
    c = Client(raise_request_exception=False)
    r = c.get("/uji-500/")
    assert r.status_code == 500
    assert "Terjadi kesalahan pada server" in r.content.decode()


def test_500_handler_renders_without_database(django_assert_num_queries):
    from django.test import RequestFactory

    from sikerja.web.views import galat_server

    with django_assert_num_queries(0):
        r = galat_server(RequestFactory().get("/"))
    assert r.status_code == 500
