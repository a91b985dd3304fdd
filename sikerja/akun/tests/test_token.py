"""Per-user API tokens (issue #9 point 11): shown once, stored hashed, scoped, audited, rate-limited."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from sikerja.akun.models import JejakAkun, TokenAPI
from sikerja.organisasi.models import Pegawai
from sikerja.organisasi.testing import buat_akun, buat_organisasi, nip
from sikerja.organisasi.tests.conftest import ORG

pytestmark = pytest.mark.django_db


@pytest.fixture
def sari(client):  # type: ignore[no-untyped-def]
    buat_organisasi(ORG)
    u = buat_akun(Pegawai.objects.get(nip=nip(4)))
    client.force_login(u)
    return u


def buat_token(client, tulis: bool = False) -> str:  # type: ignore[no-untyped-def]
    r = client.post("/akun/token/", {"nama": "portal", **({"tulis": "on"} if tulis else {})})
    return re.search(r"<code>(skj_[^<]+)</code>", r.content.decode()).group(1)


def test_token_is_shown_once_stored_hashed_and_authenticates_the_api(client, sari):
    rahasia = buat_token(client)
    t = TokenAPI.objects.get()
    assert rahasia not in t.hash and len(t.hash) == 64
    assert rahasia not in client.get("/akun/token/").content.decode()
    r = Client().get("/api/organisasi/unit", HTTP_AUTHORIZATION=f"Bearer {rahasia}")
    assert r.status_code == 200
    assert JejakAkun.objects.filter(aksi="pakai_token", akun=sari, rincian__contains="/api/organisasi/unit").exists()
    assert Client().get("/api/organisasi/unit", HTTP_AUTHORIZATION="Bearer skj_salah").status_code == 401


def test_read_token_cannot_write(client, sari):
    rahasia = buat_token(client)
    r = Client().post("/api/penugasan/dalam-unit", {}, content_type="application/json",
                      HTTP_AUTHORIZATION=f"Bearer {rahasia}")
    assert r.status_code == 403 and "hanya untuk membaca" in r.content.decode()


def test_revoked_token_is_refused(client, sari):
    rahasia = buat_token(client)
    client.post("/akun/token/", {"aksi": "cabut", "id": TokenAPI.objects.get().pk})
    assert Client().get("/api/organisasi/unit", HTTP_AUTHORIZATION=f"Bearer {rahasia}").status_code == 401
    assert JejakAkun.objects.filter(aksi="cabut_token").exists()


def test_token_use_is_rate_limited(client, sari, settings):
    settings.API_TOKEN_PER_MENIT = 3
    rahasia = buat_token(client)
    kode = [Client().get("/api/organisasi/unit", HTTP_AUTHORIZATION=f"Bearer {rahasia}").status_code
            for _ in range(5)]
    assert kode == [200, 200, 200, 429, 429]


def test_admin_revokes_a_token_of_his_instansi_but_another_pegawai_cannot(client, sari):
    buat_token(client)
    t = TokenAPI.objects.get()
    lain = Client()
    lain.force_login(buat_akun(Pegawai.objects.get(nip=nip(5))))
    assert lain.post("/akun/token/", {"aksi": "cabut", "id": t.pk}).status_code == 403
    admin = Client()
    admin.force_login(buat_akun(Pegawai.objects.get(nip=nip(6)), admin_instansi=True))
    admin.post("/akun/token/", {"aksi": "cabut", "id": t.pk})
    t.refresh_from_db()
    assert t.dicabut is not None
