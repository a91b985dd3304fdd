from __future__ import annotations

from pathlib import Path

import pytest

from sikerja.organisasi.testing import nip

ORG = f"""
instansi: {{kode: pemkab-contoh, nama: Pemerintah Kabupaten Contoh, profil: nasional}}
unit:
  - {{kode: SETDA, nama: Sekretariat Daerah, jenis: sekretariat_daerah}}
  - {{kode: DINKES, nama: Dinas Kesehatan, jenis: dinas}}
  - {{kode: DINKES-P2P, nama: Bidang P2P, jenis: bidang, induk: DINKES}}
  - {{kode: DINKES-YANKES, nama: Bidang Pelayanan Kesehatan, jenis: bidang, induk: DINKES}}
  - {{kode: PKM-BANGIL, nama: Puskesmas Bangil, jenis: puskesmas, induk: DINKES}}
pegawai:
  - {{nip: "{nip(1)}", nama: Sekda, status: pns, jabatan: Sekretaris Daerah, jenis_jabatan: jpt_pratama, unit: SETDA, kepala_unit: true}}
  - {{nip: "{nip(2)}", nama: Budi, status: pns, jabatan: Kepala Dinas Kesehatan, jenis_jabatan: jpt_pratama, unit: DINKES, kepala_unit: true}}
  - {{nip: "{nip(3)}", nama: Ani, status: pns, jabatan: Kepala Bidang P2P, jenis_jabatan: administrator, unit: DINKES-P2P, kepala_unit: true}}
  - {{nip: "{nip(4)}", nama: Sari, status: pns, jabatan: Epidemiolog Kesehatan Ahli Muda, jenis_jabatan: fungsional, jenjang: ahli_muda, unit: DINKES-P2P, kompetensi: [{{nama: Epidemiologi, tingkat: mahir}}]}}
  - {{nip: "{nip(5)}", nama: Rudi, status: pppk, jabatan: Pengadministrasi Perkantoran, jenis_jabatan: pelaksana, unit: DINKES-P2P}}
  - {{nip: "{nip(6)}", nama: Citra, status: pns, jabatan: Kepala Bidang Pelayanan Kesehatan, jenis_jabatan: administrator, unit: DINKES-YANKES, kepala_unit: true}}
  - {{nip: "{nip(7)}", nama: Dewi, status: pns, jabatan: Dokter Ahli Muda, jenis_jabatan: fungsional, jenjang: ahli_muda, unit: PKM-BANGIL, kepala_unit: true}}
  - {{nip: "{nip(8)}", nama: Eko, status: pns, jabatan: Perawat Terampil, jenis_jabatan: fungsional, jenjang: terampil, unit: PKM-BANGIL}}
"""


@pytest.fixture
def org_file(tmp_path: Path) -> Path:
    f = tmp_path / "org.yaml"
    f.write_text(ORG, encoding="utf-8")
    return f
