"""Operations: health endpoints, security headers, request log, password hashing, API docs."""

from __future__ import annotations

import json
import logging

import pytest
from django.contrib.auth.hashers import make_password
from django.test import override_settings

from sikerja.organisasi.models import Pegawai
from sikerja.organisasi.testing import buat_akun, buat_organisasi, nip
from sikerja.organisasi.tests.conftest import ORG

pytestmark = pytest.mark.django_db


@pytest.fixture
def akun():
    buat_organisasi(ORG)
    return buat_akun(Pegawai.objects.get(nip=nip(4)), password="sandi-uji-panjang-1")


def test_health_reports_database_and_task_queue_without_login(client):
    r = client.get("/sehat/")
    assert r.status_code == 200
    data = r.json()
    assert data["status"] == "ok" and data["basis_data"]["ok"] and data["antrian_tugas"]["ok"]


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_health_fails_when_the_oldest_queued_task_waits_too_long(client):
    from datetime import timedelta

    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from sikerja.operasi import views

    DBTaskResult.objects.create(task_path="sikerja.x", args_kwargs={"args": [], "kwargs": {}}, queue_name="default",
                                backend_name="default", priority=0, run_after=timezone.now())
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(seconds=views.ANTRIAN_TERLAMBAT_DETIK + 60))
    r = client.get("/sehat/")
    assert r.status_code == 503
    assert r.json()["antrian_tugas"]["menunggu"] == 1


def test_every_response_has_a_csp_without_external_sources(client):
    csp = client.get("/masuk/")["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "http" not in csp and "*" not in csp


def test_authenticated_pages_are_not_stored_by_caches(client, akun):
    assert "no-store" not in client.get("/masuk/").get("Cache-Control", "")
    client.force_login(akun)
    assert client.get("/organisasi/")["Cache-Control"] == "no-store"


def test_each_request_is_logged_as_one_json_line_with_user_and_instansi(client, akun, caplog):
    client.force_login(akun)
    with caplog.at_level(logging.INFO, logger="sikerja.permintaan"):
        client.get("/organisasi/")
    baris = [json.loads(r.getMessage()) for r in caplog.records if r.name == "sikerja.permintaan"]
    assert len(baris) == 1
    assert baris[0]["user"] == nip(4) and baris[0]["instansi"] == akun.instansi_id
    assert baris[0]["path"] == "/organisasi/" and baris[0]["status"] == 200 and baris[0]["durasi_ms"] >= 0


@override_settings(PASSWORD_HASHERS=["sikerja.operasi.sandi.Argon2idOWASP",
                                     "django.contrib.auth.hashers.PBKDF2PasswordHasher"])
def test_login_rehashes_old_argon2_parameters_to_owasp_argon2id(client, akun):
    from django.contrib.auth.hashers import Argon2PasswordHasher

    akun.password = make_password("sandi-uji-panjang-1", hasher=Argon2PasswordHasher())  # m=100 MiB, p=8
    akun.save()
    assert "m=102400" in akun.password
    r = client.post("/masuk/", {"username": akun.username, "password": "sandi-uji-panjang-1"})
    assert r.status_code == 302
    akun.refresh_from_db()
    assert akun.password.startswith("argon2$argon2id$") and "m=19456,t=2,p=1" in akun.password


def test_api_docs_load_swagger_ui_from_the_deployment_itself(client, akun):
    client.force_login(akun)
    html = client.get("/api/docs").content.decode()
    assert "vendor/swagger-ui/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower() and "https://" not in html
