"""A small Pemda in any profile, built through the real import (kedudukan included).

Setda: Sekda → Asisten Pemerintahan → Bagian Hukum (Kabag + a JF). Dinas Kesehatan: Kadis → Bidang
P2P (Kabid, two JF, a pelaksana) and a UPTD Laboratorium (Kepala UPTD, a JF). Kecamatan Kota with a
Seksi and Kelurahan Sukamaju (Lurah, a pelaksana).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import pytest

from sikerja.organisasi.models import Instansi, Pegawai, UnitOrganisasi
from sikerja.organisasi.testing import buat_akun, buat_organisasi, nip

from .. import services

ORG = """
instansi: {{kode: pemda-{profil}, nama: Pemerintah {profil}, profil: {profil}}}
unit:
  - {{kode: SETDA, nama: Sekretariat Daerah, jenis: sekretariat_daerah}}
  - {{kode: ASPEM, nama: Asisten Pemerintahan, jenis: asisten, induk: SETDA}}
  - {{kode: HUKUM, nama: Bagian Hukum, jenis: bagian, induk: ASPEM}}
  - {{kode: DINKES, nama: Dinas Kesehatan, jenis: dinas}}
  - {{kode: P2P, nama: Bidang Pencegahan Penyakit, jenis: bidang, induk: DINKES}}
  - {{kode: LAB, nama: UPTD Laboratorium Kesehatan, jenis: uptd, induk: DINKES}}
  - {{kode: KEC, nama: Kecamatan Kota, jenis: kecamatan}}
  - {{kode: KECPEM, nama: Seksi Pemerintahan, jenis: seksi, induk: KEC}}
  - {{kode: KEL, nama: Kelurahan Sukamaju, jenis: kelurahan, induk: KEC}}
pegawai:
  - {{nip: "{n1}", nama: Sekda, jabatan: Sekretaris Daerah, jenis_jabatan: jpt_pratama, unit: SETDA, kepala_unit: true}}
  - {{nip: "{n2}", nama: Asisten Pem, jabatan: Asisten Pemerintahan, jenis_jabatan: jpt_pratama, unit: ASPEM, kepala_unit: true}}
  - {{nip: "{n3}", nama: Kabag Hukum, jabatan: Kepala Bagian Hukum, jenis_jabatan: administrator, unit: HUKUM, kepala_unit: true}}
  - {{nip: "{n4}", nama: Hana Perancang, jabatan: Perancang Peraturan Ahli Muda, jenis_jabatan: fungsional, jenjang: ahli_muda, unit: HUKUM}}
  - {{nip: "{n5}", nama: Kadis Kesehatan, jabatan: Kepala Dinas Kesehatan, jenis_jabatan: jpt_pratama, unit: DINKES, kepala_unit: true}}
  - {{nip: "{n6}", nama: Ani Kabid, jabatan: Kepala Bidang P2P, jenis_jabatan: administrator, unit: P2P, kepala_unit: true}}
  - {{nip: "{n7}", nama: Sari Epidemiolog, jabatan: Epidemiolog Ahli Muda, jenis_jabatan: fungsional, jenjang: ahli_muda, unit: P2P}}
  - {{nip: "{n8}", nama: Tono Pelaksana, jabatan: Pengadministrasi Umum, jenis_jabatan: pelaksana, unit: P2P}}
  - {{nip: "{n9}", nama: Kepala Lab, jabatan: Kepala UPTD Laboratorium, jenis_jabatan: pengawas, unit: LAB, kepala_unit: true}}
  - {{nip: "{n10}", nama: Lia Pranata Lab, jabatan: Pranata Laboratorium Kesehatan Ahli Pertama, jenis_jabatan: fungsional, jenjang: ahli_pertama, unit: LAB}}
  - {{nip: "{n11}", nama: Camat Kota, jabatan: Camat, jenis_jabatan: administrator, unit: KEC, kepala_unit: true}}
  - {{nip: "{n12}", nama: Kasi Pem, jabatan: Kepala Seksi Pemerintahan, jenis_jabatan: pengawas, unit: KECPEM, kepala_unit: true}}
  - {{nip: "{n13}", nama: Lurah Sukamaju, jabatan: Lurah, jenis_jabatan: pengawas, unit: KEL, kepala_unit: true}}
  - {{nip: "{n14}", nama: Udin Kelurahan, jabatan: Pengadministrasi Kelurahan, jenis_jabatan: pelaksana, unit: KEL}}
  - {{nip: "{n15}", nama: Rina Perawat, jabatan: Perawat Ahli Pertama, jenis_jabatan: fungsional, jenjang: ahli_pertama, unit: P2P}}
"""

NAMA = {1: "sekda", 2: "asisten", 3: "kabag", 4: "hana", 5: "kadis", 6: "ani", 7: "sari", 8: "tono", 9: "kalab",
        10: "lia", 11: "camat", 12: "kasi", 13: "lurah", 14: "udin", 15: "rina"}

TAHUN = date.today().year


@dataclass
class Pemda:
    instansi: Instansi
    p: dict[str, Pegawai] = field(default_factory=dict)
    u: dict[str, Any] = field(default_factory=dict)

    def unit(self, kode: str) -> UnitOrganisasi:
        return UnitOrganisasi.objects.get(instansi=self.instansi, kode=kode)


def buat_pemda(profil: str) -> Pemda:
    inst = buat_organisasi(ORG.format(profil=profil, **{f"n{i}": nip(i) for i in NAMA}))
    pd = Pemda(instansi=inst)
    for i, kunci in NAMA.items():
        pd.p[kunci] = Pegawai.objects.get(instansi=inst, nip=nip(i))
        pd.u[kunci] = buat_akun(pd.p[kunci])
    return pd


def target_di(pd: Pemda, kepala: str, unit: str, indikator: str = "Peraturan daerah tersusun") -> Any:
    """A PK of ``unit`` set by its head with one target."""
    pk = services.buat_pk(pengguna=pd.u[kepala], unit_id=pd.unit(unit).id, tahun=TAHUN)
    return services.tambah_target(pengguna=pd.u[kepala], pk_id=pk.id, data=services.DataTarget(
        indikator=indikator, nilai_target=3, satuan="dokumen", batas_waktu=date(TAHUN, 12, 31)))


def kegiatan_berjalan(pd: Pemda, kepala: str, unit: str, pelaksana: str, *, target: Any = None) -> Any:
    """A kegiatan of ``pelaksana`` under a target of ``unit``, planned, set and started."""
    t = target or target_di(pd, kepala, unit)
    hari = date.today()
    kg = services.buat_kegiatan(pengguna=pd.u[kepala], target_id=t.id, data=services.DataKegiatan(
        nama="Menyusun naskah", mulai=hari, selesai=hari + timedelta(days=30), pelaksana_id=pd.p[pelaksana].id,
        anggaran=[("Rapat pembahasan", "1500000")]))
    perencana = next(k for k, v in pd.p.items() if v.id == kg.rantai[0]["pegawai_id"])
    services.tetapkan_rencana(pengguna=pd.u[perencana], kegiatan_id=kg.id)
    services.mulai_pelaksanaan(pengguna=pd.u[pelaksana], kegiatan_id=kg.id)
    kg.refresh_from_db()
    return kg


@pytest.fixture
def pasuruan(db) -> Pemda:  # type: ignore[no-untyped-def]
    return buat_pemda("pasuruan")


@pytest.fixture
def karangasem(db) -> Pemda:  # type: ignore[no-untyped-def]
    return buat_pemda("karangasem")


@pytest.fixture
def blitar(db) -> Pemda:  # type: ignore[no-untyped-def]
    return buat_pemda("blitar")


@pytest.fixture
def magelang(db) -> Pemda:  # type: ignore[no-untyped-def]
    return buat_pemda("magelang")


@pytest.fixture
def pekanbaru(db) -> Pemda:  # type: ignore[no-untyped-def]
    return buat_pemda("pekanbaru")
