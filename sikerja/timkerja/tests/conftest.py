"""A small Pemda built through the real import (kedudukan included), in any profile.

Dinas Kesehatan has two bidang (P2P with a seksi Surveilans led by a pengawas, and
Yankes); Dinas Sosial is a second Perangkat Daerah; the Sekda heads the Setda.
Kota Beta is another instansi with one JF.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import pytest

from sikerja.organisasi.models import Instansi, Pegawai
from sikerja.organisasi.testing import buat_akun, buat_organisasi, nip

from ..services import DataAnggota, DataTim

ORG = """
instansi: {{kode: pemda-{profil}, nama: Pemerintah {profil}, profil: {profil}}}
unit:
  - {{kode: SETDA, nama: Sekretariat Daerah, jenis: sekretariat_daerah}}
  - {{kode: DINKES, nama: Dinas Kesehatan, jenis: dinas}}
  - {{kode: P2P, nama: Bidang Pencegahan Penyakit, jenis: bidang, induk: DINKES}}
  - {{kode: SURV, nama: Seksi Surveilans, jenis: seksi, induk: P2P}}
  - {{kode: YANKES, nama: Bidang Pelayanan Kesehatan, jenis: bidang, induk: DINKES}}
  - {{kode: DINSOS, nama: Dinas Sosial, jenis: dinas}}
  - {{kode: LINJAM, nama: Bidang Perlindungan Sosial, jenis: bidang, induk: DINSOS}}
pegawai:
  - {{nip: "{n1}", nama: Sekda, jabatan: Sekretaris Daerah, jenis_jabatan: jpt_pratama, unit: SETDA, kepala_unit: true}}
  - {{nip: "{n2}", nama: Kadis Kesehatan, jabatan: Kepala Dinas Kesehatan, jenis_jabatan: jpt_pratama, unit: DINKES, kepala_unit: true}}
  - {{nip: "{n3}", nama: Ani Kabid, jabatan: Kepala Bidang P2P, jenis_jabatan: administrator, unit: P2P, kepala_unit: true}}
  - {{nip: "{n4}", nama: Sari Epidemiolog, jabatan: Epidemiolog Ahli Muda, jenis_jabatan: fungsional, jenjang: ahli_muda, unit: P2P, kompetensi: ["Epidemiologi:mahir", "Surveilans"]}}
  - {{nip: "{n5}", nama: Tono Pelaksana, jabatan: Pengadministrasi Umum, jenis_jabatan: pelaksana, unit: P2P}}
  - {{nip: "{n6}", nama: Bambang Kabid, jabatan: Kepala Bidang Yankes, jenis_jabatan: administrator, unit: YANKES, kepala_unit: true}}
  - {{nip: "{n7}", nama: Rina Perawat, jabatan: Perawat Ahli Pertama, jenis_jabatan: fungsional, jenjang: ahli_pertama, unit: YANKES, kompetensi: ["Keperawatan"]}}
  - {{nip: "{n8}", nama: Dodi Statistisi, jabatan: Statistisi Ahli Muda, jenis_jabatan: fungsional, jenjang: ahli_muda, unit: YANKES, kompetensi: ["Statistik", "Analisis data epidemiologi"]}}
  - {{nip: "{n9}", nama: Kasi Surveilans, jabatan: Kepala Seksi Surveilans, jenis_jabatan: pengawas, unit: SURV, kepala_unit: true}}
  - {{nip: "{n10}", nama: Rudi Surveilans, jabatan: Epidemiolog Ahli Pertama, jenis_jabatan: fungsional, jenjang: ahli_pertama, unit: SURV, kompetensi: ["Surveilans"]}}
  - {{nip: "{n11}", nama: Kadinsos, jabatan: Kepala Dinas Sosial, jenis_jabatan: jpt_pratama, unit: DINSOS, kepala_unit: true}}
  - {{nip: "{n12}", nama: Lina Kabid, jabatan: Kepala Bidang Linjamsos, jenis_jabatan: administrator, unit: LINJAM, kepala_unit: true}}
  - {{nip: "{n13}", nama: Wawan Pekerja Sosial, jabatan: Pekerja Sosial Ahli Muda, jenis_jabatan: fungsional, jenjang: ahli_muda, unit: LINJAM, kompetensi: ["Data sosial"]}}
"""

NAMA = {1: "sekda", 2: "kadis", 3: "ani", 4: "sari", 5: "tono", 6: "bambang", 7: "rina", 8: "dodi", 9: "kasi",
        10: "rudi", 11: "kadinsos", 12: "lina", 13: "wawan"}

ORG_B = f"""
instansi: {{kode: kota-beta, nama: Pemerintah Kota Beta, profil: nasional}}
unit:
  - {{kode: DINKES, nama: Dinas Kesehatan Beta, jenis: dinas}}
pegawai:
  - {{nip: "{nip(50)}", nama: Kadis Beta, jabatan: Kepala Dinas, jenis_jabatan: jpt_pratama, unit: DINKES, kepala_unit: true}}
  - {{nip: "{nip(51)}", nama: Eka Beta, jabatan: Epidemiolog Ahli Pertama, jenis_jabatan: fungsional, jenjang: ahli_pertama, unit: DINKES}}
"""


@dataclass
class Pemda:
    instansi: Instansi
    p: dict[str, Pegawai] = field(default_factory=dict)
    u: dict[str, Any] = field(default_factory=dict)
    beta: dict[str, Pegawai] = field(default_factory=dict)


def buat_pemda(profil: str = "nasional", *, dengan_beta: bool = False, tahun: int = 1980) -> Pemda:
    teks = ORG.format(profil=profil, **{f"n{i}": nip(i, tahun) for i in NAMA})
    inst = buat_organisasi(teks)
    pd = Pemda(instansi=inst)
    for i, kunci in NAMA.items():
        peg = Pegawai.objects.get(instansi=inst, nip=nip(i, tahun))
        pd.p[kunci] = peg
        pd.u[kunci] = buat_akun(peg)
    inst.pyb = pd.p["sekda"]
    inst.singkatan, inst.kota = "PEMDA", "Kota"
    inst.save()
    if dengan_beta:
        b = buat_organisasi(ORG_B)
        b.pyb = Pegawai.objects.get(instansi=b, nip=nip(50))
        b.save()
        pd.beta = {"kadis": b.pyb, "eka": Pegawai.objects.get(instansi=b, nip=nip(51))}
        pd.u["eka"] = buat_akun(pd.beta["eka"])
    return pd


def data_tim(pd: Pemda, unit: str = "P2P", **kw: Any) -> DataTim:
    from sikerja.organisasi.models import UnitOrganisasi

    base: dict[str, Any] = dict(
        nama="Tim Penanggulangan DBD", unit_pemilik_id=UnitOrganisasi.objects.get(instansi=pd.instansi, kode=unit).id,
        masa_mulai=date.today(), masa_selesai=date.today() + timedelta(days=90),
        target=["Insiden DBD turun 20% pada triwulan ini"], tujuan="Menurunkan kasus DBD",
        justifikasi_target="Target IKU bidang P2P", justifikasi_beban="Sesuai ABK bidang",
        justifikasi_kompetensi="Epidemiologi dan surveilans")
    base.update(kw)
    return DataTim(**base)


def anggota(pd: Pemda, kunci: str, **kw: Any) -> DataAnggota:
    base: dict[str, Any] = dict(pegawai_id=pd.p[kunci].id if kunci in pd.p else pd.beta[kunci].id,
                                peran="Menyusun analisis kasus mingguan", kompetensi_dibutuhkan=["Epidemiologi"],
                                porsi_persen=20)
    base.update(kw)
    return DataAnggota(**base)


@pytest.fixture
def nasional(db) -> Pemda:  # type: ignore[no-untyped-def]
    return buat_pemda("nasional", dengan_beta=True)


@pytest.fixture
def blitar(db) -> Pemda:  # type: ignore[no-untyped-def]
    return buat_pemda("blitar", dengan_beta=True)


@pytest.fixture
def magelang(db) -> Pemda:  # type: ignore[no-untyped-def]
    return buat_pemda("magelang", dengan_beta=True)


@pytest.fixture
def pasuruan(db, django_capture_on_commit_callbacks) -> Pemda:  # type: ignore[no-untyped-def]
    # The import's after-commit task (substansi teams, TK-07) runs as in production.
    with django_capture_on_commit_callbacks(execute=True):
        return buat_pemda("pasuruan")


@pytest.fixture
def karangasem(db) -> Pemda:  # type: ignore[no-untyped-def]
    return buat_pemda("karangasem", dengan_beta=True)


@pytest.fixture
def pekanbaru(db) -> Pemda:  # type: ignore[no-untyped-def]
    return buat_pemda("pekanbaru")


def pejabat_dituju_untuk(pegawai: Pegawai) -> Pegawai | None:
    """The official a lintas-unit request for ``pegawai`` is addressed to, as the instansi's penugasan
    path says (penugasan.alur ``kepada``): his PPK, his PUO (Blitar) or his Pimpinan PD (Magelang).
    (The team page lets the requester choose him from that scope; tests pick him here.)"""
    from sikerja.kedudukan.selectors import kedudukan_pegawai
    from sikerja.penugasan import alur as alur_penugasan
    from sikerja.penugasan.services import varian_untuk

    kepada = alur_penugasan.alur_dari("lintas_unit", varian_untuk(pegawai.instansi, "lintas_unit")).kepada
    if kepada == "pimpinan_pd":
        return Pegawai.objects.filter(unit_id=pegawai.unit.akar_pd_id or pegawai.unit_id, kepala_unit=True,
                                      aktif=True).first()
    k = kedudukan_pegawai(pegawai)
    if k is None:
        return None
    return k.pimpinan_unit if kepada == "puo" else k.ppk
