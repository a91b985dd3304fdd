"""Accounts for everyone, activation, forced change, reset, roles and their audit (issue #10 points 1–2)."""

from __future__ import annotations

import re

import pytest
import yaml
from django.core import mail
from django.test import Client

from sikerja.akun.models import JejakAkun, Pengguna
from sikerja.organisasi.dokumen import validate
from sikerja.organisasi.models import Pegawai
from sikerja.organisasi.services import impor_dokumen
from sikerja.organisasi.testing import buat_organisasi, nip
from sikerja.organisasi.tests.conftest import ORG

pytestmark = pytest.mark.django_db

ORG_EMAIL = yaml.safe_load(ORG)
for _i, _p in enumerate(ORG_EMAIL["pegawai"]):
    if _i % 2 == 0:
        _p["email"] = f"pegawai{_i}@contoh.go.id"


@pytest.fixture
def org():  # type: ignore[no-untyped-def]
    impor_dokumen(validate(ORG_EMAIL))
    return Pegawai.objects.first().instansi


@pytest.fixture
def admin(org):  # type: ignore[no-untyped-def]
    u = Pengguna.objects.get(username=nip(6))
    u.admin_instansi, u.wajib_ganti_sandi = True, False
    u.set_password("admin-rahasia-123")
    u.save()
    c = Client()
    c.force_login(u)
    return c


def test_import_creates_one_account_per_active_pegawai_with_the_nip_as_username(org):
    assert sorted(Pengguna.objects.values_list("username", flat=True)) == sorted(nip(i) for i in range(1, 9))
    u = Pengguna.objects.get(username=nip(4))
    assert u.pegawai.nip == nip(4) and u.instansi == org and not u.has_usable_password() and u.wajib_ganti_sandi


def test_reimport_is_idempotent_and_deactivates_the_account_of_a_deactivated_pegawai(org):
    impor_dokumen(validate(ORG_EMAIL))
    assert Pengguna.objects.count() == 8
    data = yaml.safe_load(yaml.safe_dump(ORG_EMAIL))
    del data["pegawai"][4]
    impor_dokumen(validate(data), izinkan_nonaktif=True)
    assert Pengguna.objects.get(username=nip(5)).is_active is False
    assert Client().login(username=nip(5), password="x") is False


def test_activation_link_is_emailed_through_the_queue_and_logs_in(admin, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        r = admin.post("/akun/", {"aksi": "aktivasi"})
    assert r.status_code == 302
    # pegawai 1, 3, 5, 7 have an address (index 0, 2, 4, 6); pegawai 6 (admin) has none
    penerima = sorted(m.to[0] for m in mail.outbox)
    assert len(penerima) == 4 and "pegawai4@contoh.go.id" in penerima
    pesan = next(m for m in mail.outbox if m.to == ["pegawai4@contoh.go.id"])
    tautan = re.search(r"http://[^\s]+/akun/aktivasi/\S+", pesan.body).group(0)
    path = tautan.split("127.0.0.1:8000")[1]
    c = Client()
    r = c.get(path, follow=True)
    r = c.post(r.redirect_chain[-1][0], {"new_password1": "pilihan-saya-987", "new_password2": "pilihan-saya-987"})
    assert r.status_code == 302
    u = Pengguna.objects.get(username=nip(5))
    assert u.check_password("pilihan-saya-987") and not u.wajib_ganti_sandi
    assert Client().login(username=nip(5), password="pilihan-saya-987")
    assert JejakAkun.objects.filter(aksi="aktivasi", akun=u).exists()


def test_initial_password_letters_are_a_pdf_for_those_without_email_and_force_a_change(admin):
    from io import BytesIO

    from pypdf import PdfReader

    r = admin.post("/akun/", {"aksi": "surat"})
    assert r["Content-Type"] == "application/pdf"
    teks = "\n".join(p.extract_text() for p in PdfReader(BytesIO(r.content)).pages)
    assert nip(4) in teks and nip(5) not in teks  # Sari has no e-mail, Rudi has one
    sandi = re.search(rf"{nip(4)}.*?Kata sandi awal\s*(\S+)", teks, re.S).group(1)
    c = Client()
    r = c.post("/masuk/", {"username": nip(4), "password": sandi})
    assert r.status_code == 302
    r = c.get("/")
    assert r.status_code == 302 and r["Location"] == "/akun/ganti-sandi/"
    r = c.post("/akun/ganti-sandi/", {"old_password": sandi, "new_password1": "baru-sekali-4321",
                                      "new_password2": "baru-sekali-4321"})
    assert r.status_code == 302
    assert c.get("/").status_code == 200


def test_password_reset_by_email(org):
    u = Pengguna.objects.get(username=nip(1))
    u.set_password("lama-sekali-123")
    u.wajib_ganti_sandi = False
    u.save()
    r = Client().post("/akun/lupa-sandi/", {"email": "pegawai0@contoh.go.id"})
    assert r.status_code == 302 and len(mail.outbox) == 1 and "/akun/aktivasi/" in mail.outbox[0].body


def test_admin_assigns_roles_in_the_app_and_it_is_audited(admin):
    sari = Pengguna.objects.get(username=nip(4))
    admin.post(f"/akun/{sari.pk}/peran/", {"bkpsdm": "on", "pyb": "on"})
    sari.refresh_from_db()
    assert sari.bkpsdm and sari.pyb and not sari.admin_instansi
    j = JejakAkun.objects.get(aksi="ubah_peran", akun=sari)
    assert j.pelaku.username == nip(6) and "BKPSDM" in j.rincian
    with pytest.raises(ValueError):
        j.delete()
    j.rincian = "diubah"
    with pytest.raises(ValueError):
        j.save()
    with pytest.raises(ValueError):
        JejakAkun.objects.filter(pk=j.pk).delete()
    with pytest.raises(ValueError):
        JejakAkun.objects.filter(pk=j.pk).update(rincian="x")


def test_a_pegawai_cannot_assign_roles(org):
    sari = Pengguna.objects.get(username=nip(4))
    sari.wajib_ganti_sandi = False
    sari.save()
    c = Client()
    c.force_login(sari)
    r = c.post(f"/akun/{sari.pk}/peran/", {"admin_instansi": "on"})
    assert r.status_code == 403
    sari.refresh_from_db()
    assert not sari.admin_instansi


def test_admin_of_another_instansi_cannot_touch_accounts(admin):
    from sikerja.organisasi.testing import buat_akun

    lain = buat_organisasi(ORG.replace("pemkab-contoh", "pemkab-lain").replace("2005010", "2006010"))
    orang = Pengguna.objects.filter(instansi=lain).first() or buat_akun(Pegawai.objects.filter(instansi=lain).first())
    assert admin.post(f"/akun/{orang.pk}/peran/", {"admin_instansi": "on"}).status_code == 404
