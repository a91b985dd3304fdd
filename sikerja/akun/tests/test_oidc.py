"""Single sign-on by OpenID Connect with a mocked provider (issue #10 point 3)."""

from __future__ import annotations

from unittest import mock

import pytest
from django.test import RequestFactory, override_settings

from sikerja.akun.models import Pengguna
from sikerja.organisasi.models import Pegawai
from sikerja.organisasi.testing import buat_akun, buat_organisasi, nip
from sikerja.organisasi.tests.conftest import ORG

pytestmark = pytest.mark.django_db

OIDC = dict(
    OIDC_RP_CLIENT_ID="sikerja", OIDC_RP_CLIENT_SECRET="rahasia", OIDC_OP_AUTHORIZATION_ENDPOINT="https://sso/auth",
    OIDC_OP_TOKEN_ENDPOINT="https://sso/token", OIDC_OP_USER_ENDPOINT="https://sso/userinfo",
    OIDC_RP_SIGN_ALGO="HS256", OIDC_RP_SCOPES="openid profile", OIDC_AUTHENTICATION_CALLBACK_URL="login",
)


def masuk_sso(klaim: dict):  # type: ignore[no-untyped-def]
    from sikerja.akun.oidc import NipOIDCBackend

    request = RequestFactory().get("/oidc/callback/", {"code": "kode", "state": "s"})
    request.session = {}
    with override_settings(**OIDC), \
            mock.patch.object(NipOIDCBackend, "get_token", return_value={"id_token": "i", "access_token": "a"}), \
            mock.patch.object(NipOIDCBackend, "verify_token", return_value={"sub": "x"}), \
            mock.patch.object(NipOIDCBackend, "get_userinfo", return_value=klaim):
        return NipOIDCBackend().authenticate(request, nonce=None)


def test_sso_logs_in_the_account_whose_username_is_the_nip_claim():
    buat_organisasi(ORG)
    sari = buat_akun(Pegawai.objects.get(nip=nip(4)))
    assert masuk_sso({"nip": nip(4), "email": "lain@x.id"}) == sari


def test_sso_creates_no_account_for_an_unknown_nip():
    buat_organisasi(ORG)
    n = Pengguna.objects.count()
    assert masuk_sso({"nip": "199912312020121999"}) is None
    assert Pengguna.objects.count() == n


def test_sso_refuses_a_claim_that_is_not_a_nip():
    buat_organisasi(ORG)
    buat_akun(Pegawai.objects.get(nip=nip(4)))
    assert masuk_sso({"email": "x@y.id"}) is None
    assert masuk_sso({"nip": nip(4) + "0"}) is None


def test_with_sso_off_nothing_changes(client, settings):
    assert settings.OIDC_AKTIF is False
    assert "sikerja.akun.oidc.NipOIDCBackend" not in settings.AUTHENTICATION_BACKENDS
    assert client.get("/oidc/authenticate/").status_code == 404
    assert "Masuk dengan SSO" not in client.get("/masuk/").content.decode()
