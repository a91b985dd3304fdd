"""A small instansi (through the real import) and the test-only contoh subject."""

from __future__ import annotations

from typing import Any

import pytest

from sikerja.organisasi.models import Pegawai
from sikerja.organisasi.testing import buat_organisasi, nip

ORG = f"""
instansi: {{kode: kab-uji, nama: Pemerintah Kabupaten Uji, profil: nasional}}
unit:
  - {{kode: DINAS, nama: Dinas Uji, jenis: dinas}}
  - {{kode: BID, nama: Bidang Uji, jenis: bidang, induk: DINAS}}
pegawai:
  - {{nip: "{nip(1)}", nama: Kadis Uji, jabatan: Kepala Dinas, jenis_jabatan: jpt_pratama, unit: DINAS, kepala_unit: true}}
  - {{nip: "{nip(2)}", nama: Kabid Uji, jabatan: Kepala Bidang, jenis_jabatan: administrator, unit: BID, kepala_unit: true}}
  - {{nip: "{nip(3)}", nama: Pelaksana Uji, jabatan: Pengadministrasi, jenis_jabatan: pelaksana, unit: BID}}
"""


@pytest.fixture
def pg(db) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    inst = buat_organisasi(ORG)
    inst.singkatan = "UJI"
    inst.save()
    orang = {k: Pegawai.objects.get(instansi=inst, nip=nip(n)) for k, n in (("kadis", 1), ("kabid", 2), ("staf", 3))}
    orang["staf"].email = "staf@contoh.go.id"
    orang["staf"].save(update_fields=["email"])
    return {"instansi": inst, **orang}


@pytest.fixture
def permintaan(pg):  # type: ignore[no-untyped-def]
    from .contoh.models import Permintaan

    return Permintaan.objects.create(judul="Cuti bersama", pemilik=pg["staf"], penyetuju=pg["kabid"])
