"""Login throttling that holds (issue #10 point 4)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection
from django.test import Client

from sikerja.akun.models import PembatasMasuk
from sikerja.organisasi.models import Pegawai
from sikerja.organisasi.testing import buat_akun, buat_organisasi, nip
from sikerja.organisasi.tests.conftest import ORG


@pytest.mark.django_db(transaction=True)
def test_40_concurrent_wrong_passwords_never_exceed_the_limit(settings, monkeypatch):
    """The count and the check are one locked step: no race lets extra guesses through."""
    settings.LOGIN_GAGAL_MAKS = 5
    buat_organisasi(ORG)
    buat_akun(Pegawai.objects.get(nip=nip(4)), password="benar-sekali-123")
    from django.contrib.auth.backends import ModelBackend

    diperiksa: list[int] = []
    asli = ModelBackend.authenticate

    def hitung(self, request, username=None, password=None, **kw):  # type: ignore[no-untyped-def]
        diperiksa.append(1)
        return asli(self, request, username=username, password=password, **kw)

    monkeypatch.setattr(ModelBackend, "authenticate", hitung)
    kode: list[int] = []
    mulai = threading.Barrier(40)

    def coba() -> None:
        try:
            mulai.wait()
            kode.append(Client().post("/masuk/", {"username": nip(4), "password": "salah"}).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=coba) for _ in range(40)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(kode) == 40
    assert len(diperiksa) <= 5 and kode.count(401) <= 5
    assert kode.count(429) >= 35


@pytest.mark.django_db
def test_admin_login_is_throttled_too(client, settings):
    settings.LOGIN_GAGAL_MAKS = 3
    from sikerja.akun.models import Pengguna

    Pengguna.objects.create_superuser("root", "r@x.id", "benar-sekali-123")
    for _ in range(3):
        client.post("/admin/login/", {"username": "root", "password": "salah"})
    r = client.post("/admin/login/", {"username": "root", "password": "benar-sekali-123"})
    assert "_auth_user_id" not in client.session and r.status_code == 200


@pytest.mark.django_db
def test_an_attacker_elsewhere_cannot_lock_the_owner_out(settings):
    settings.LOGIN_GAGAL_MAKS = 3
    buat_organisasi(ORG)
    buat_akun(Pegawai.objects.get(nip=nip(4)), password="benar-sekali-123")
    penyerang = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(10):
        penyerang.post("/masuk/", {"username": nip(4), "password": "salah"})
    pemilik = Client(REMOTE_ADDR="10.1.2.3")
    r = pemilik.post("/masuk/", {"username": nip(4), "password": "benar-sekali-123"})
    assert r.status_code == 302


@pytest.mark.django_db
def test_forwarded_for_is_ignored_unless_a_trusted_proxy_is_configured(settings):
    settings.LOGIN_GAGAL_MAKS = 2
    buat_organisasi(ORG)
    for i in range(3):  # rotating a spoofed header does not reset the count
        Client(HTTP_X_FORWARDED_FOR=f"198.51.100.{i}").post("/masuk/", {"username": nip(4), "password": "x"})
    assert PembatasMasuk.objects.get(kunci=f"{nip(4)}|127.0.0.1").jumlah == 2


@pytest.mark.django_db
def test_behind_one_trusted_proxy_the_forwarded_client_address_is_used(settings):
    settings.PROXY_TEPERCAYA = 1
    buat_organisasi(ORG)
    Client(HTTP_X_FORWARDED_FOR="1.1.1.1, 203.0.113.7").post("/masuk/", {"username": nip(4), "password": "x"})
    assert PembatasMasuk.objects.filter(kunci=f"{nip(4)}|203.0.113.7").exists()


@pytest.mark.django_db
def test_the_request_user_comes_with_instansi_and_pegawai_in_one_query_and_a_deactivated_one_is_out():
    """The layout and most views read ``user.instansi`` and ``user.pegawai`` on every page: the backend
    loads them with the user (one prepared query) — and still refuses an account no longer active."""
    from django.test.utils import CaptureQueriesContext

    from sikerja.akun.backends import BatasiMasukBackend

    buat_organisasi(ORG)
    akun = buat_akun(Pegawai.objects.get(nip=nip(4)))
    diharapkan = (akun.instansi.nama, akun.pegawai.nama)
    with CaptureQueriesContext(connection) as q:
        u = BatasiMasukBackend().get_user(akun.pk)
        dibaca = (u.instansi.nama, u.pegawai.nama) if u else None
    assert dibaca == diharapkan and len(q) == 1
    assert BatasiMasukBackend().get_user(akun.pk + 1000) is None
    akun.is_active = False
    akun.save()
    assert BatasiMasukBackend().get_user(akun.pk) is None
