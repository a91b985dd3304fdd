"""Building organisations in the database for tests, from import-format YAML.

Tests in every app use this so that their fixtures go through the same
validation and import (and kedudukan computation) a real instansi does.
"""

from __future__ import annotations

import textwrap

import yaml

from .dokumen import validate
from .models import Instansi
from .services import impor_dokumen


def buat_organisasi(text: str) -> Instansi:
    dokumen = validate(yaml.safe_load(textwrap.dedent(text)))
    impor_dokumen(dokumen)
    return Instansi.objects.get(kode=dokumen.instansi.kode)


def nip(n: int, tahun: int = 1980) -> str:
    """A structurally valid 18-digit NIP, unique per (n, tahun)."""
    return f"{tahun}0101200501{n:04d}"


def buat_akun(pegawai, password: str = "rahasia-uji-123", **peran):  # type: ignore[no-untyped-def]
    """A login for ``pegawai`` (username = NIP), with optional instansi-wide roles."""
    from sikerja.akun.models import Pengguna

    # The import already made the account (issue #10): give it the password and roles.
    akun = Pengguna.objects.filter(pegawai=pegawai).first()
    if akun is not None:
        akun.set_password(password)
        akun.wajib_ganti_sandi = False
        akun.is_active = True
        for k, v in peran.items():
            setattr(akun, k, v)
        akun.save()
        return akun
    return Pengguna.objects.create_user(
        username=pegawai.nip, password=password, instansi=pegawai.instansi, pegawai=pegawai,
        first_name=pegawai.nama[:150], **peran,
    )
