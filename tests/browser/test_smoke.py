"""Smoke test in a real headless chromium: log in, open the organisation tree, open a pegawai (issue #2)."""

from __future__ import annotations

import pytest

from sikerja.organisasi.models import Pegawai
from sikerja.organisasi.testing import buat_akun, buat_organisasi, nip
from sikerja.organisasi.tests.conftest import ORG

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_login_tree_unit_and_pegawai_in_a_real_browser(page):
    buat_organisasi(ORG)
    buat_akun(Pegawai.objects.get(nip=nip(4)), password="rahasia-uji-123")
    login(page, nip(4), "rahasia-uji-123")
    assert page.locator("h1").first.inner_text().startswith("Selamat datang, Sari")
    # Bootstrap is served by the app itself: the navbar is styled.
    assert page.locator("nav.navbar").evaluate("e => getComputedStyle(e).display") == "flex"

    page.click("text=Organisasi")
    page.wait_for_url("**/organisasi/")
    assert page.locator("text=Dinas Kesehatan").first.is_visible()
    page.click("button[aria-label='Buka sub-unit Dinas Kesehatan']")  # htmx expands in place
    page.locator("text=Bidang P2P").first.wait_for()
    page.click("text=Bidang P2P")
    page.wait_for_url("**/organisasi/unit/*/")
    page.click("text=Rudi")
    page.wait_for_url("**/organisasi/pegawai/*/")
    assert "Pengadministrasi Perkantoran" in page.content()
    assert page.locator("[data-peran=ppk]").inner_text().startswith("Ani")

    page.click("text=Kedudukan Saya")
    assert "PermenPANRB 7/2022" in page.locator(".dasar-hukum").inner_text()


def test_wrong_password_shows_the_indonesian_message(page):
    buat_organisasi(ORG)
    buat_akun(Pegawai.objects.get(nip=nip(4)), password="rahasia-uji-123")
    page.goto("/masuk/")
    page.fill("input[name=username]", nip(4))
    page.fill("input[name=password]", "keliru")
    page.click("button[type=submit]")
    assert "Nama pengguna atau kata sandi salah" in page.locator(".alert-danger").inner_text()
