"""Two small instansi in one deployment, built through the real import (kedudukan included).

Kabupaten A (profil nasional): the Kepala Dinas Kesehatan rates the heads of two
bidang; each Kabid is PPK and pimpinan unit of the JF/pelaksana of his bidang
(PermenPANRB 7/2022 baseline). The Sekda is PyB. Kota B has the same shape, smaller.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import pytest

from sikerja.organisasi.models import Instansi, Kompetensi, Pegawai
from sikerja.organisasi.testing import buat_akun, buat_organisasi, nip

from ..services import DataPenugasan, PenerimaInput

ORG_A = f"""
instansi: {{kode: kab-a, nama: Pemerintah Kabupaten Alpha, profil: nasional}}
unit:
  - {{kode: SETDA, nama: Sekretariat Daerah, jenis: sekretariat_daerah}}
  - {{kode: DINKES, nama: Dinas Kesehatan, jenis: dinas}}
  - {{kode: P2P, nama: Bidang Pencegahan Penyakit, jenis: bidang, induk: DINKES}}
  - {{kode: YANKES, nama: Bidang Pelayanan Kesehatan, jenis: bidang, induk: DINKES}}
pegawai:
  - {{nip: "{nip(1)}", nama: Sekda Alpha, jabatan: Sekretaris Daerah, jenis_jabatan: jpt_pratama, unit: SETDA, kepala_unit: true}}
  - {{nip: "{nip(2)}", nama: Budi Kadis, jabatan: Kepala Dinas Kesehatan, jenis_jabatan: jpt_pratama, unit: DINKES, kepala_unit: true}}
  - {{nip: "{nip(3)}", nama: Ani Kabid, jabatan: Kepala Bidang P2P, jenis_jabatan: administrator, unit: P2P, kepala_unit: true}}
  - {{nip: "{nip(4)}", nama: Sari Epidemiolog, jabatan: Epidemiolog Kesehatan Ahli Muda, jenis_jabatan: fungsional, jenjang: ahli_muda, unit: P2P, kompetensi: ["Epidemiologi:mahir", "Surveilans"]}}
  - {{nip: "{nip(5)}", nama: Tono Pelaksana, jabatan: Pengadministrasi Umum, jenis_jabatan: pelaksana, unit: P2P}}
  - {{nip: "{nip(6)}", nama: Bambang Kabid, jabatan: Kepala Bidang Yankes, jenis_jabatan: administrator, unit: YANKES, kepala_unit: true}}
  - {{nip: "{nip(7)}", nama: Rina Perawat, jabatan: Perawat Ahli Pertama, jenis_jabatan: fungsional, jenjang: ahli_pertama, unit: YANKES, kompetensi: ["Keperawatan"]}}
  - {{nip: "{nip(8)}", nama: Dodi Statistisi, jabatan: Statistisi Ahli Muda, jenis_jabatan: fungsional, jenjang: ahli_muda, unit: YANKES, kompetensi: ["Statistik", "Analisis data epidemiologi"]}}
"""

ORG_B = f"""
instansi: {{kode: kota-b, nama: Pemerintah Kota Beta, profil: nasional}}
unit:
  - {{kode: SETDA, nama: Sekretariat Daerah Beta, jenis: sekretariat_daerah}}
  - {{kode: DINKES, nama: Dinas Kesehatan Beta, jenis: dinas}}
  - {{kode: P2P, nama: Bidang P2P Beta, jenis: bidang, induk: DINKES}}
pegawai:
  - {{nip: "{nip(11)}", nama: Sekda Beta, jabatan: Sekretaris Daerah, jenis_jabatan: jpt_pratama, unit: SETDA, kepala_unit: true}}
  - {{nip: "{nip(12)}", nama: Kadis Beta, jabatan: Kepala Dinas Kesehatan, jenis_jabatan: jpt_pratama, unit: DINKES, kepala_unit: true}}
  - {{nip: "{nip(13)}", nama: Citra Kabid, jabatan: Kepala Bidang P2P, jenis_jabatan: administrator, unit: P2P, kepala_unit: true}}
  - {{nip: "{nip(14)}", nama: Eka Epidemiolog, jabatan: Epidemiolog Ahli Pertama, jenis_jabatan: fungsional, jenjang: ahli_pertama, unit: P2P, kompetensi: ["Epidemiologi"]}}
"""

NAMA = {
    1: "sekda_a", 2: "kadis_a", 3: "ani", 4: "sari", 5: "tono", 6: "bambang", 7: "rina", 8: "dodi",
    11: "sekda_b", 12: "kadis_b", 13: "citra", 14: "eka",
}


@dataclass
class Org:
    a: Instansi
    b: Instansi
    p: dict[str, Pegawai] = field(default_factory=dict)
    u: dict[str, Any] = field(default_factory=dict)


# An Ahli Madya in each P2P: rated by the Kepala Dinas (rank ceiling, SPEC §3 rule 2) but led
# by the Kabid, so a PPK choosing him needs the Kabid's rekomendasi (Pasuruan Lampiran II.B.2.a.2 c).
MADYA_A = f"""  - {{nip: "{nip(9)}", nama: Wati Epidemiolog Madya, jabatan: Epidemiolog Kesehatan Ahli Madya, jenis_jabatan: fungsional, jenjang: ahli_madya, unit: P2P, kompetensi: ["Epidemiologi"]}}
  - {{nip: "{nip(10)}", nama: Yoga Statistisi Madya, jabatan: Statistisi Ahli Madya, jenis_jabatan: fungsional, jenjang: ahli_madya, unit: YANKES, kompetensi: ["Statistik"]}}
"""
MADYA_B = f"""  - {{nip: "{nip(15)}", nama: Fajar Epidemiolog Madya, jabatan: Epidemiolog Ahli Madya, jenis_jabatan: fungsional, jenjang: ahli_madya, unit: P2P, kompetensi: ["Epidemiologi"]}}
"""


def buat_dua_instansi(*, dengan_madya: bool = False, profil_a: str = "nasional") -> Org:
    a = buat_organisasi(ORG_A.replace("profil: nasional", f"profil: {profil_a}") + (MADYA_A if dengan_madya else ""))
    b = buat_organisasi(ORG_B + (MADYA_B if dengan_madya else ""))
    org = Org(a=a, b=b)
    nama = {**NAMA, **({9: "wati", 10: "yoga", 15: "fajar"} if dengan_madya else {})}
    for n, kunci in nama.items():
        inst = a if n <= 10 else b
        peg = Pegawai.objects.get(instansi=inst, nip=nip(n))
        peg.email = f"{kunci}@contoh.go.id"
        peg.save(update_fields=["email"])
        org.p[kunci] = peg
        org.u[kunci] = buat_akun(peg)
    a.pyb, a.singkatan, a.kota, a.alamat = org.p["sekda_a"], "ALPHA", "Alphapura", "Jl. Merdeka No. 1"
    a.save()
    b.pyb, b.singkatan, b.kota = org.p["sekda_b"], "BETA", "Betakota"
    b.save()
    assert Kompetensi.objects.filter(pegawai=org.p["sari"]).exists()
    return org


@pytest.fixture
def org(db) -> Org:  # type: ignore[no-untyped-def]
    return buat_dua_instansi()


def data(**kw: Any) -> DataPenugasan:
    """A complete surat permohonan pelibatan content (Karangasem Pasal 14 ayat (5); Blitar Pasal 24 ayat (3))."""
    base: dict[str, Any] = dict(
        judul="Surveilans DBD musim hujan",
        mulai=date.today(), selesai=date.today() + timedelta(days=60),
        maksud_tujuan="Menurunkan kasus DBD melalui surveilans aktif",
        uraian_tugas="Analisis data kasus mingguan dan rekomendasi fogging",
        kompetensi_dibutuhkan="epidemiologi, analisis data",
        target_kinerja=["Laporan surveilans mingguan", "Peta sebaran kasus"],
        bentuk="individu", sifat="insidental",
    )
    base.update(kw)
    return DataPenugasan(**base)


def penerima(peg: Pegawai, beban: int = 20, ketua: bool = False) -> PenerimaInput:
    return PenerimaInput(pegawai_id=peg.pk, beban_persen=beban, ketua=ketua)
