"""In a real browser (issue #10): the admin imports, creates accounts in bulk, and a
pegawai activates his account from the e-mailed link and logs in with his NIP."""

from __future__ import annotations

import re

import pytest
import yaml
from django.core import mail

from sikerja.organisasi.models import Pegawai
from sikerja.organisasi.testing import buat_akun, buat_organisasi, nip
from sikerja.organisasi.tests.conftest import ORG

from .conftest import buka_menu, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_admin_imports_creates_accounts_and_a_pegawai_activates_by_email(page, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    buat_organisasi(ORG)
    buat_akun(Pegawai.objects.get(nip=nip(6)), password="admin-rahasia-123", admin_instansi=True)
    data = yaml.safe_load(ORG)
    data["pegawai"].append({"nip": nip(9), "nama": "Fajar", "status": "pns", "jabatan": "Pranata Komputer Ahli Pertama",
                            "jenis_jabatan": "fungsional", "jenjang": "ahli_pertama", "unit": "DINKES-P2P",
                            "email": "fajar@contoh.go.id"})
    berkas = tmp_path / "org.yaml"
    berkas.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")

    login(page, nip(6), "admin-rahasia-123")
    page.goto("/organisasi/impor/")
    page.set_input_files("input[name=berkas]", str(berkas))
    page.check("#mode-simpan")
    page.click("button:has-text('Unggah')")
    page.locator("text=Tersimpan").first.wait_for()

    buka_menu(page, "Administrasi", "Akun & Peran")  # the admin's menu entries sit in one dropdown
    page.wait_for_url("**/akun/")
    page.click("button:has-text('Buat akun untuk semua pegawai')")
    page.locator(".alert-success").first.wait_for()
    assert nip(9) in page.locator("#tabel-akun").inner_text()
    page.click("button:has-text('Kirim tautan aktivasi')")
    page.locator("text=e-mail aktivasi masuk antrean").wait_for()
    page.click("button:has-text('Keluar')")

    pesan = next(m for m in mail.outbox if m.to == ["fajar@contoh.go.id"])
    path = re.search(r"https?://[^/\s]+(/akun/aktivasi/\S+)", pesan.body).group(1)
    page.goto(path)
    page.fill("input[name=new_password1]", "kata-sandi-fajar-77")
    page.fill("input[name=new_password2]", "kata-sandi-fajar-77")
    page.click("button:has-text('Simpan kata sandi')")
    page.wait_for_url(lambda url: "/akun/aktivasi/" not in url)
    assert page.locator("h1").first.inner_text().startswith("Selamat datang, Fajar")
    page.click("button:has-text('Keluar')")

    login(page, nip(9), "kata-sandi-fajar-77")
    assert page.locator("h1").first.inner_text().startswith("Selamat datang, Fajar")
