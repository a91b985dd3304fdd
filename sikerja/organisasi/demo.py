"""Realistic demo organisations, in the import format, for each regulation profile.

``buat_data_demo("pasuruan", 1500)`` returns the plain mapping that
:func:`sikerja.organisasi.dokumen.validate` reads (``instansi``, ``unit``,
``pegawai``, ``delegasi``) plus two keys the importer ignores: ``akun_demo``
(suggested demo logins for typical roles) and ``pyb`` (the Sekretaris Daerah's
NIP). It is a pure function of its arguments: no database, no clock, and the
same seed always gives the same instansi.

The Perangkat Daerah and unit names follow what each regulation's lampiran
mentions (RSUD Bangil and Grati in Pasuruan, RSUD Budi Rahayu in Magelang, the
UPT list of Pekanbaru …), filled out with the other real Dinas, Badan and
Kecamatan of that region. The unit kinds follow the regulation's templates:
simplified Dinas keep only bidang, unsimplified ones keep seksi/subbidang.

Size: the instansi grows by adding Perangkat Daerah, Kecamatan, Kelurahan,
Puskesmas and schools until there is roughly one unit per 16 pegawai (50,000
pegawai give about 3,000 units); the staff are then spread over the units by
weight so that the number of pegawai is exactly the one asked for.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from .vocab import JENJANG, JENJANG_KEAHLIAN, LABEL_JENJANG

TAHUN_ACUAN = 2024
JUMLAH_MINIMUM = 50

# --- people --------------------------------------------------------------------------

_JAWA_L = (
    "Agus", "Bambang", "Budi", "Joko", "Slamet", "Sugeng", "Heru", "Eko", "Dwi", "Tri", "Wahyu",
    "Hadi", "Teguh", "Yudi", "Rudi", "Arif", "Andi", "Rizky", "Fajar", "Dedi", "Hendra", "Bayu",
    "Adi", "Aris", "Sigit", "Bagus", "Yoga", "Dimas", "Ilham", "Edy", "Totok", "Wawan", "Anton",
    "Danang", "Galih", "Hari", "Indra", "Rahmat", "Setyo", "Yanuar",
)
_JAWA_P = (
    "Sri", "Siti", "Endang", "Dewi", "Rini", "Yuli", "Wulan", "Retno", "Ratna", "Dyah", "Tutik",
    "Ani", "Nanik", "Indah", "Fitri", "Novita", "Puji", "Kartika", "Ayu", "Anik", "Erna", "Lilik",
    "Umi", "Yeni", "Susi", "Ika", "Diah", "Rina", "Eny", "Tika", "Wiwik", "Yuniar",
)
_JAWA_BELAKANG_L = (
    "Santoso", "Wibowo", "Prasetyo", "Setiawan", "Kurniawan", "Nugroho", "Susanto", "Purnomo",
    "Wijaya", "Hidayat", "Hartono", "Widodo", "Sulistyo", "Saputro", "Cahyono", "Wicaksono",
    "Pamungkas", "Kuncoro", "Utomo", "Suprapto", "Sutanto", "Riyadi", "Firmansyah", "Hermawan",
)
_JAWA_BELAKANG_P = (
    "Rahayu", "Lestari", "Handayani", "Wulandari", "Sulistyowati", "Kusumawati", "Pratiwi",
    "Utami", "Astuti", "Suryani", "Wahyuni", "Setyaningsih", "Puspitasari", "Maharani",
    "Anggraeni", "Purwanti", "Rahmawati", "Ningsih", "Susanti", "Indrawati",
)
_JAWA_TUNGGAL = (
    "Sutrisno", "Suparman", "Sujarwo", "Mulyono", "Sunarto", "Suwarno", "Sumarni", "Suharti",
    "Sumiati", "Paidi", "Kasmadi", "Wagiman",
)
_MUSLIM_L = (
    "Moch.", "Muhammad", "Ahmad", "Achmad", "Abdul", "Khoirul", "Zainal", "Syaiful", "Mochammad",
    "Imron", "Mustofa", "Hasan", "Lukman", "Anwar", "Ridwan", "Yusuf", "Hamdan", "Miftahul",
)
_MUSLIM_BELAKANG_L = (
    "Hasan", "Fauzi", "Rosyidi", "Anwar", "Hakim", "Ma'arif", "Mahmudi", "Syafi'i", "Sholeh",
    "Arifin", "Huda", "Wahid", "Hidayatullah", "Mubarok", "Zuhri", "Ghozali", "Faqih", "Rohman",
)
_MUSLIM_P = (
    "Siti", "Nur", "Lailatul", "Khusnul", "Fatimah", "Umi", "Zulaikha", "Aminah", "Rofiah",
    "Mufidah", "Masruroh", "Nurul", "Ainun", "Fitriyah", "Khoiriyah", "Anisa",
)
_MUSLIM_BELAKANG_P = (
    "Fadilah", "Khotimah", "Hidayah", "Rohmah", "Azizah", "Mufarrohah", "Maslahah", "Chasanah",
    "Jannah", "Mardiyah", "Zahro", "Latifah",
)
_BALI_DEPAN_L = (
    "I Wayan", "I Made", "I Nyoman", "I Ketut", "I Gede", "I Putu", "I Komang", "I Kadek",
    "I Gusti Ngurah", "Ida Bagus", "I Gusti Made", "I Gusti Bagus", "I Wayan", "I Made",
)
_BALI_DEPAN_P = (
    "Ni Wayan", "Ni Made", "Ni Nyoman", "Ni Ketut", "Ni Putu", "Ni Komang", "Ni Kadek", "Ni Luh",
    "Ida Ayu", "I Gusti Ayu", "Desak Made", "Ni Luh Putu",
)
_BALI_L = (
    "Sudarma", "Suardana", "Arsana", "Wirawan", "Sukadana", "Artawan", "Widiana", "Mahardika",
    "Suarjana", "Astawa", "Budiarta", "Yasa", "Sutama", "Suyasa", "Adnyana", "Darmawan",
    "Sukerta", "Wiryawan", "Suparta", "Parwata", "Sudiarta", "Merta", "Arimbawa", "Agus Santika",
)
_BALI_P = (
    "Sukmawati", "Ariani", "Suartini", "Astiti", "Sriasih", "Purnamasari", "Suryani",
    "Sudiartini", "Wahyuni", "Puspadewi", "Suciati", "Yuliantari", "Widiastuti", "Sumiarti",
    "Rusmini", "Sri Adnyani", "Krisna Dewi", "Ratna Dewi",
)
_MELAYU_L = (
    "Muhammad", "Ahmad", "Syafrizal", "Zulkifli", "Hendra", "Rizal", "Fadli", "Yusri", "Azwar",
    "Khairul", "Irwan", "Doni", "Taufik", "Nasrul", "Jufri", "Amri", "Rahmat", "Andri", "Faisal",
    "Zulfahmi", "Syahrul", "Edi", "Yondri", "Riki", "Afrizal", "Novrizal", "Ade",
)
_MELAYU_BELAKANG_L = (
    "Syahputra", "Putra", "Saputra", "Hidayat", "Effendi", "Yusuf", "Hamid", "Rahman", "Ilyas",
    "Amin", "Ramadhan", "Nasution", "Hasibuan", "Harahap", "Siregar", "Lubis", "Chaniago",
    "Tanjung", "Koto", "Piliang", "Sikumbang",
)
_MELAYU_P = (
    "Nurhayati", "Syafitri", "Yusnita", "Rosmawati", "Fitri", "Nurul", "Elvi", "Yeni", "Desi",
    "Rini", "Zuraida", "Mardiana", "Rahmawati", "Nelly", "Yulia", "Mega", "Dewi", "Widya", "Rika",
    "Yuliza", "Marlina",
)
_MELAYU_BELAKANG_P = (
    "Sari", "Wati", "Ningsih", "Yanti", "Fitriani", "Lestari", "Susanti", "Handayani", "Nasution",
    "Harahap", "Lubis", "Siregar", "Hasanah", "Putri", "Rahmadani", "Oktaviani",
)


def _nama_jawa(rng: random.Random, pria: bool) -> str:
    if rng.random() < 0.12:
        return rng.choice(_JAWA_TUNGGAL)
    if pria:
        return f"{rng.choice(_JAWA_L)} {rng.choice(_JAWA_BELAKANG_L)}"
    return f"{rng.choice(_JAWA_P)} {rng.choice(_JAWA_BELAKANG_P)}"


def _nama_muslim(rng: random.Random, pria: bool) -> str:
    if pria:
        return f"{rng.choice(_MUSLIM_L)} {rng.choice(_MUSLIM_BELAKANG_L)}"
    return f"{rng.choice(_MUSLIM_P)} {rng.choice(_MUSLIM_BELAKANG_P)}"


def _nama_bali(rng: random.Random, pria: bool) -> str:
    if pria:
        return f"{rng.choice(_BALI_DEPAN_L)} {rng.choice(_BALI_L)}"
    return f"{rng.choice(_BALI_DEPAN_P)} {rng.choice(_BALI_P)}"


def _nama_melayu(rng: random.Random, pria: bool) -> str:
    if pria:
        return f"{rng.choice(_MELAYU_L)} {rng.choice(_MELAYU_BELAKANG_L)}"
    return f"{rng.choice(_MELAYU_P)} {rng.choice(_MELAYU_BELAKANG_P)}"


_POLA_NAMA: dict[str, tuple[tuple[Callable[[random.Random, bool], str], float], ...]] = {
    "pasuruan": ((_nama_jawa, 0.5), (_nama_muslim, 0.5)),
    "magelang": ((_nama_jawa, 0.8), (_nama_muslim, 0.2)),
    "blitar": ((_nama_jawa, 0.75), (_nama_muslim, 0.25)),
    "karangasem": ((_nama_bali, 0.88), (_nama_muslim, 0.12)),
    "pekanbaru": ((_nama_melayu, 0.72), (_nama_jawa, 0.16), (_nama_muslim, 0.12)),
    "nasional": ((_nama_jawa, 0.35), (_nama_muslim, 0.25), (_nama_melayu, 0.25), (_nama_bali, 0.15)),
}

# --- jabatan fungsional and pelaksana ---------------------------------------------------

# title -> (keahlian?, keterampilan?, degree templates for keahlian, for keterampilan, kompetensi)
_JF: dict[str, tuple[bool, bool, tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "Analis Kebijakan": (True, False, ("{n}, S.Sos.", "{n}, S.IP.", "{n}, S.AP."), (), ("Analisis Kebijakan Publik", "Penyusunan Naskah Kebijakan")),
    "Perencana": (True, False, ("{n}, S.E.", "{n}, S.T.", "{n}, S.Si."), (), ("Perencanaan Pembangunan Daerah", "Penyusunan Renstra dan Renja")),
    "Pranata Komputer": (True, True, ("{n}, S.Kom.", "{n}, S.T."), ("{n}, A.Md.Kom.", "{n}, A.Md."), ("Pengelolaan Sistem Informasi", "Administrasi Jaringan")),
    "Arsiparis": (True, True, ("{n}, S.Hum.", "{n}, S.AP."), ("{n}, A.Md.", "{n}"), ("Pengelolaan Arsip Dinamis", "Akuisisi Arsip Statis")),
    "Pranata Hubungan Masyarakat": (True, True, ("{n}, S.I.Kom.", "{n}, S.Sos."), ("{n}, A.Md.", "{n}"), ("Komunikasi Publik", "Pengelolaan Media Sosial Instansi")),
    "Analis Keuangan Pusat dan Daerah": (True, False, ("{n}, S.E.", "{n}, S.Ak."), (), ("Pengelolaan Keuangan Daerah", "Akuntansi Pemerintahan")),
    "Pengelola Pengadaan Barang/Jasa": (True, False, ("{n}, S.E.", "{n}, S.T."), (), ("Pengadaan Barang/Jasa Pemerintah",)),
    "Analis Hukum": (True, False, ("{n}, S.H.",), (), ("Analisis dan Evaluasi Hukum", "Penyusunan Produk Hukum Daerah")),
    "Perancang Peraturan Perundang-undangan": (True, False, ("{n}, S.H.", "{n}, S.H., M.H."), (), ("Legal Drafting",)),
    "Statistisi": (True, True, ("{n}, S.Si.", "{n}, S.Stat."), ("{n}, A.Md.",), ("Analisis Data Statistik",)),
    "Pustakawan": (True, True, ("{n}, S.IP.", "{n}, S.Hum."), ("{n}, A.Md.",), ("Pengelolaan Perpustakaan", "Literasi Informasi")),
    "Analis Sumber Daya Manusia Aparatur": (True, False, ("{n}, S.Psi.", "{n}, S.Sos.", "{n}, S.AP."), (), ("Manajemen ASN", "Penilaian Kinerja Pegawai")),
    "Asesor Sumber Daya Manusia Aparatur": (True, False, ("{n}, S.Psi., M.Psi.", "{n}, S.Psi."), (), ("Assessment Center", "Pemetaan Kompetensi")),
    "Widyaiswara": (True, False, ("{n}, S.Pd., M.Pd.", "{n}, S.Sos., M.Si."), (), ("Kediklatan", "Pengembangan Kurikulum Pelatihan")),
    "Auditor": (True, True, ("{n}, S.E., Ak.", "{n}, S.E.", "{n}, S.Ak."), ("{n}, A.Md.Ak.", "{n}, A.Md."), ("Audit Kinerja", "Audit Keuangan Daerah", "Reviu Laporan Keuangan")),
    "Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah": (True, False, ("{n}, S.STP.", "{n}, S.IP.", "{n}, S.H."), (), ("Pengawasan Urusan Pemerintahan", "Evaluasi Penyelenggaraan Pemerintahan Daerah")),
    "Dokter": (True, False, ("dr. {n}", "dr. {n}", "dr. {n}, M.Kes.", "dr. {n}, Sp.PD", "dr. {n}, Sp.A", "dr. {n}, Sp.OG"), (), ("Pelayanan Medik", "Kegawatdaruratan Medik")),
    "Dokter Gigi": (True, False, ("drg. {n}",), (), ("Pelayanan Kesehatan Gigi dan Mulut",)),
    "Perawat": (True, True, ("{n}, S.Kep., Ns.",), ("{n}, A.Md.Kep.",), ("Asuhan Keperawatan", "Bantuan Hidup Dasar")),
    "Bidan": (True, True, ("{n}, S.Tr.Keb.", "{n}, S.Keb., Bd."), ("{n}, A.Md.Keb.",), ("Asuhan Kebidanan", "Pertolongan Persalinan Normal")),
    "Apoteker": (True, False, ("apt. {n}, S.Farm.",), (), ("Pelayanan Kefarmasian", "Pengelolaan Obat")),
    "Asisten Apoteker": (False, True, (), ("{n}, A.Md.Farm.",), ("Pelayanan Kefarmasian",)),
    "Nutrisionis": (True, True, ("{n}, S.Gz.",), ("{n}, A.Md.Gz.",), ("Asuhan Gizi",)),
    "Tenaga Sanitasi Lingkungan": (True, True, ("{n}, S.KM.",), ("{n}, A.Md.KL.",), ("Inspeksi Kesehatan Lingkungan",)),
    "Epidemiolog Kesehatan": (True, True, ("{n}, S.KM.", "{n}, S.KM., M.Epid."), ("{n}, A.Md.",), ("Surveilans Epidemiologi",)),
    "Pranata Laboratorium Kesehatan": (True, True, ("{n}, S.Tr.Kes.",), ("{n}, A.Md.AK.",), ("Pemeriksaan Laboratorium Klinik",)),
    "Penyuluh Kesehatan Masyarakat": (True, False, ("{n}, S.KM.",), (), ("Promosi Kesehatan",)),
    "Administrator Kesehatan": (True, False, ("{n}, S.KM.", "{n}, S.KM., M.Kes."), (), ("Manajemen Pelayanan Kesehatan",)),
    "Perekam Medis": (True, True, ("{n}, S.Tr.RMIK",), ("{n}, A.Md.RMIK",), ("Rekam Medis Elektronik",)),
    "Radiografer": (True, True, ("{n}, S.Tr.Rad.",), ("{n}, A.Md.Rad.",), ("Pemeriksaan Radiologi",)),
    "Fisioterapis": (True, True, ("{n}, S.Ft.",), ("{n}, A.Md.Ft.",), ("Fisioterapi Muskuloskeletal",)),
    "Guru": (True, False, ("{n}, S.Pd.", "{n}, S.Pd.", "{n}, S.Pd.SD", "{n}, S.Pd., M.Pd.", "{n}, S.Ag."), (), ("Pembelajaran Kurikulum Merdeka", "Asesmen Pembelajaran")),
    "Pamong Belajar": (True, False, ("{n}, S.Pd.",), (), ("Pendidikan Nonformal",)),
    "Penilik": (True, False, ("{n}, S.Pd.",), (), ("Pengendalian Mutu PAUD dan Dikmas",)),
    "Pengawas Sekolah": (True, False, ("{n}, S.Pd., M.Pd.",), (), ("Supervisi Akademik", "Penjaminan Mutu Pendidikan")),
    "Pranata Laboratorium Pendidikan": (False, True, (), ("{n}, A.Md.",), ("Pengelolaan Laboratorium Sekolah",)),
    "Penyuluh Pertanian": (True, True, ("{n}, S.P.", "{n}, S.P., M.P."), ("{n}, A.Md.P.", "{n}"), ("Penyuluhan Pertanian", "Pemberdayaan Kelompok Tani")),
    "Pengendali Organisme Pengganggu Tumbuhan": (True, True, ("{n}, S.P.",), ("{n}, A.Md.P.",), ("Pengendalian Hama Terpadu",)),
    "Medik Veteriner": (True, False, ("drh. {n}",), (), ("Kesehatan Hewan", "Kesehatan Masyarakat Veteriner")),
    "Paramedik Veteriner": (False, True, (), ("{n}, A.Md.Pt.",), ("Pelayanan Kesehatan Hewan",)),
    "Penyuluh Perikanan": (True, True, ("{n}, S.Pi.",), ("{n}, A.Md.Pi.",), ("Penyuluhan Perikanan",)),
    "Analis Ketahanan Pangan": (True, False, ("{n}, S.P.", "{n}, S.TP."), (), ("Analisis Ketersediaan Pangan",)),
    "Teknik Jalan dan Jembatan": (True, True, ("{n}, S.T.",), ("{n}, A.Md.T.",), ("Perencanaan Teknis Jalan", "Pengawasan Konstruksi")),
    "Teknik Pengairan": (True, True, ("{n}, S.T.",), ("{n}, A.Md.T.",), ("Pengelolaan Sumber Daya Air",)),
    "Penata Ruang": (True, False, ("{n}, S.T., M.T.", "{n}, S.PWK"), (), ("Perencanaan Tata Ruang",)),
    "Teknik Tata Bangunan dan Perumahan": (True, True, ("{n}, S.T.",), ("{n}, A.Md.T.",), ("Perencanaan Bangunan Gedung",)),
    "Pengendali Dampak Lingkungan": (True, True, ("{n}, S.T.", "{n}, S.Si."), ("{n}, A.Md.",), ("Analisis Dampak Lingkungan",)),
    "Pengawas Lingkungan Hidup": (True, False, ("{n}, S.Si.", "{n}, S.T."), (), ("Pengawasan Ketaatan Lingkungan",)),
    "Penguji Kendaraan Bermotor": (True, True, ("{n}, S.T.",), ("{n}, A.Md.T.", "{n}"), ("Pengujian Berkala Kendaraan Bermotor",)),
    "Pekerja Sosial": (True, True, ("{n}, S.Sos.", "{n}, S.Tr.Sos."), ("{n}, A.Md.",), ("Rehabilitasi Sosial", "Manajemen Kasus")),
    "Penyuluh Sosial": (True, True, ("{n}, S.Sos.",), ("{n}",), ("Penyuluhan Sosial",)),
    "Administrator Database Kependudukan": (True, True, ("{n}, S.Kom.",), ("{n}, A.Md.Kom.",), ("Administrasi Database SIAK",)),
    "Polisi Pamong Praja": (True, True, ("{n}, S.H.", "{n}, S.STP."), ("{n}",), ("Penegakan Peraturan Daerah",)),
    "Analis Kebakaran": (True, False, ("{n}, S.T.",), (), ("Pencegahan Kebakaran",)),
    "Penata Penanggulangan Bencana": (True, True, ("{n}, S.T.", "{n}, S.Si."), ("{n}",), ("Manajemen Kedaruratan Bencana",)),
    "Penyuluh Keluarga Berencana": (True, True, ("{n}, S.Sos.", "{n}, S.KM."), ("{n}",), ("Penyuluhan KB",)),
    "Pengawas Koperasi": (True, False, ("{n}, S.E.",), (), ("Pengawasan Koperasi",)),
    "Penggerak Swadaya Masyarakat": (True, True, ("{n}, S.Sos.",), ("{n}",), ("Pemberdayaan Masyarakat Desa",)),
    "Penera": (True, True, ("{n}, S.T.",), ("{n}, A.Md.",), ("Tera dan Tera Ulang UTTP",)),
    "Pengawas Perdagangan": (True, False, ("{n}, S.E.",), (), ("Pengawasan Barang Beredar",)),
    "Adyatama Kepariwisataan dan Ekonomi Kreatif": (True, False, ("{n}, S.Par.", "{n}, S.E."), (), ("Pengembangan Destinasi Wisata",)),
    "Pamong Budaya": (True, False, ("{n}, S.S.", "{n}, S.Sn."), (), ("Pelestarian Cagar Budaya",)),
    "Sandiman": (True, True, ("{n}, S.Kom.",), ("{n}, A.Md.",), ("Persandian dan Keamanan Informasi",)),
    "Penilai Pajak Bumi dan Bangunan": (True, True, ("{n}, S.E.", "{n}, S.T."), ("{n}, A.Md.",), ("Penilaian Properti",)),
}

_JF_SEKTOR: dict[str, tuple[str, ...]] = {
    "umum": ("Analis Kebijakan", "Perencana", "Pranata Komputer", "Arsiparis", "Analis Keuangan Pusat dan Daerah",
             "Pranata Hubungan Masyarakat", "Analis Sumber Daya Manusia Aparatur"),
    "setda": ("Analis Kebijakan", "Analis Hukum", "Perancang Peraturan Perundang-undangan", "Pengelola Pengadaan Barang/Jasa",
              "Pranata Hubungan Masyarakat", "Perencana", "Arsiparis", "Analis Keuangan Pusat dan Daerah"),
    "pengawasan": ("Auditor", "Auditor", "Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah", "Auditor"),
    "kepegawaian": ("Analis Sumber Daya Manusia Aparatur", "Analis Sumber Daya Manusia Aparatur", "Asesor Sumber Daya Manusia Aparatur",
                    "Widyaiswara", "Pranata Komputer", "Arsiparis"),
    "keuangan": ("Analis Keuangan Pusat dan Daerah", "Analis Keuangan Pusat dan Daerah", "Pranata Komputer", "Perencana"),
    "pendapatan": ("Penilai Pajak Bumi dan Bangunan", "Analis Keuangan Pusat dan Daerah", "Pranata Komputer"),
    "perencanaan": ("Perencana", "Perencana", "Analis Kebijakan", "Statistisi"),
    "kesehatan": ("Administrator Kesehatan", "Epidemiolog Kesehatan", "Penyuluh Kesehatan Masyarakat", "Tenaga Sanitasi Lingkungan",
                  "Nutrisionis", "Apoteker", "Perencana"),
    "faskes": ("Perawat", "Perawat", "Perawat", "Bidan", "Bidan", "Dokter", "Dokter Gigi", "Apoteker", "Asisten Apoteker",
               "Nutrisionis", "Tenaga Sanitasi Lingkungan", "Pranata Laboratorium Kesehatan", "Perekam Medis", "Epidemiolog Kesehatan"),
    "rumah_sakit": ("Perawat", "Perawat", "Perawat", "Perawat", "Dokter", "Dokter", "Bidan", "Apoteker", "Asisten Apoteker",
                    "Radiografer", "Fisioterapis", "Pranata Laboratorium Kesehatan", "Perekam Medis", "Nutrisionis"),
    "pendidikan": ("Pengawas Sekolah", "Penilik", "Pamong Belajar", "Pustakawan", "Perencana", "Analis Kebijakan"),
    "sekolah": ("Guru", "Guru", "Guru", "Guru", "Guru", "Guru", "Pustakawan", "Pranata Laboratorium Pendidikan"),
    "pu": ("Teknik Jalan dan Jembatan", "Teknik Pengairan", "Penata Ruang", "Teknik Tata Bangunan dan Perumahan"),
    "perkim": ("Teknik Tata Bangunan dan Perumahan", "Penata Ruang"),
    "lh": ("Pengendali Dampak Lingkungan", "Pengawas Lingkungan Hidup"),
    "perhubungan": ("Penguji Kendaraan Bermotor", "Penguji Kendaraan Bermotor", "Analis Kebijakan"),
    "sosial": ("Pekerja Sosial", "Penyuluh Sosial"),
    "dukcapil": ("Administrator Database Kependudukan", "Pranata Komputer", "Arsiparis"),
    "kominfo": ("Pranata Komputer", "Pranata Hubungan Masyarakat", "Statistisi", "Sandiman"),
    "perpustakaan": ("Pustakawan", "Pustakawan", "Arsiparis", "Arsiparis"),
    "pertanian": ("Penyuluh Pertanian", "Penyuluh Pertanian", "Pengendali Organisme Pengganggu Tumbuhan", "Medik Veteriner",
                  "Paramedik Veteriner", "Penyuluh Perikanan"),
    "pangan": ("Analis Ketahanan Pangan", "Penyuluh Pertanian"),
    "perdagangan": ("Penera", "Pengawas Perdagangan", "Analis Kebijakan"),
    "koperasi": ("Pengawas Koperasi", "Analis Kebijakan"),
    "pmd": ("Penggerak Swadaya Masyarakat", "Analis Kebijakan"),
    "kb": ("Penyuluh Keluarga Berencana", "Pekerja Sosial"),
    "pariwisata": ("Adyatama Kepariwisataan dan Ekonomi Kreatif", "Pamong Budaya"),
    "ketertiban": ("Polisi Pamong Praja", "Polisi Pamong Praja", "Analis Kebijakan"),
    "damkar": ("Analis Kebakaran", "Penata Penanggulangan Bencana"),
    "bencana": ("Penata Penanggulangan Bencana", "Analis Kebijakan"),
    "pemerintahan": ("Analis Kebijakan", "Penggerak Swadaya Masyarakat", "Arsiparis", "Pranata Komputer"),
}

_PELAKSANA: dict[str, tuple[str, ...]] = {
    "umum": ("Pengadministrasi Perkantoran", "Pengadministrasi Perkantoran", "Pengolah Data dan Informasi",
             "Penata Layanan Operasional", "Penelaah Teknis Kebijakan", "Operator Layanan Operasional",
             "Pengelola Layanan Operasional", "Pengelola Umum Operasional", "Teknisi Sarana dan Prasarana"),
    "faskes": ("Operator Layanan Kesehatan", "Pengelola Layanan Kesehatan", "Pengadministrasi Perkantoran",
               "Pengolah Data dan Informasi"),
    "sekolah": ("Pengadministrasi Perkantoran", "Operator Layanan Operasional", "Pengelola Umum Operasional"),
}
_PELAKSANA_KOMPETENSI = {
    "Pengadministrasi Perkantoran": "Administrasi Perkantoran",
    "Pengolah Data dan Informasi": "Pengolahan Data",
    "Penata Layanan Operasional": "Pelayanan Publik",
    "Penelaah Teknis Kebijakan": "Penelaahan Kebijakan Teknis",
    "Operator Layanan Operasional": "Pelayanan Publik",
    "Pengelola Layanan Operasional": "Pelayanan Publik",
    "Pengelola Umum Operasional": "Pengelolaan Barang Milik Daerah",
    "Teknisi Sarana dan Prasarana": "Pemeliharaan Sarana dan Prasarana",
    "Operator Layanan Kesehatan": "Pelayanan Administrasi Kesehatan",
    "Pengelola Layanan Kesehatan": "Pelayanan Administrasi Kesehatan",
}

_TINGKAT = {
    "pemula": "dasar", "terampil": "dasar", "mahir": "menengah", "ahli_pertama": "menengah",
    "penyelia": "lanjut", "ahli_muda": "lanjut", "ahli_madya": "ahli", "ahli_utama": "ahli",
}
_BOBOT_KEAHLIAN = (("ahli_utama", 0.4), ("ahli_madya", 14), ("ahli_muda", 35), ("ahli_pertama", 50))
# Ahli Utama is rare and found only in a few JF (hospital specialists, widyaiswara, policy and audit).
_JF_AHLI_UTAMA = frozenset({"Dokter", "Widyaiswara", "Perencana", "Analis Kebijakan", "Auditor", "Apoteker"})
_BOBOT_KETERAMPILAN = (("penyelia", 20), ("mahir", 35), ("terampil", 35), ("pemula", 10))

# Degrees of structural heads by sector: (prefix-template, ...)
_GELAR_PEJABAT: dict[str, tuple[str, ...]] = {
    "umum": ("{n}, S.Sos., M.Si.", "{n}, S.E., M.M.", "{n}, S.H., M.H.", "{n}, S.AP., M.AP.", "{n}, S.STP., M.Si."),
    "kesehatan": ("dr. {n}, M.Kes.", "dr. {n}, M.M.R.S.", "{n}, S.KM., M.Kes.", "dr. {n}"),
    "pendidikan": ("{n}, S.Pd., M.Pd.", "Dr. {n}, M.Pd.", "{n}, S.Pd., M.Si."),
    "pu": ("Ir. {n}, M.T.", "{n}, S.T., M.T.", "{n}, S.T., M.M."),
    "keuangan": ("{n}, S.E., M.Ak.", "{n}, S.E., M.M.", "{n}, S.E., Ak., M.Si."),
    "pemerintahan": ("{n}, S.STP., M.Si.", "{n}, S.IP., M.Si.", "{n}, S.Sos., M.AP.", "{n}, S.STP."),
    "pertanian": ("Ir. {n}, M.P.", "{n}, S.P., M.Si.", "drh. {n}, M.Si."),
    "hukum": ("{n}, S.H., M.H.", "{n}, S.H."),
}
_GELAR_PELAKSANA = ("{n}", "{n}", "{n}", "{n}, S.Sos.", "{n}, S.E.", "{n}, S.Kom.", "{n}, S.H.", "{n}, A.Md.", "{n}, S.AP.")
_SEKTOR_GELAR = {
    "kesehatan": "kesehatan", "faskes": "kesehatan", "rumah_sakit": "kesehatan",
    "pendidikan": "pendidikan", "sekolah": "pendidikan", "pu": "pu", "perkim": "pu", "perhubungan": "pu",
    "keuangan": "keuangan", "pendapatan": "keuangan", "pengawasan": "keuangan",
    "pemerintahan": "pemerintahan", "ketertiban": "pemerintahan", "pmd": "pemerintahan",
    "pertanian": "pertanian", "pangan": "pertanian",
}

# --- Perangkat Daerah catalogue ----------------------------------------------------------

# sektor -> (bidang names, UPTD names)
_SEKTOR_PD: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "pendidikan": (("Pembinaan Sekolah Menengah Pertama", "Pembinaan Sekolah Dasar",
                    "Pembinaan Pendidikan Anak Usia Dini dan Pendidikan Nonformal", "Ketenagaan"),
                   ("Sanggar Kegiatan Belajar",)),
    "kesehatan": (("Pelayanan Kesehatan", "Kesehatan Masyarakat", "Pencegahan dan Pengendalian Penyakit", "Sumber Daya Kesehatan"),
                  ("Laboratorium Kesehatan Daerah", "Instalasi Farmasi dan Logistik Kesehatan")),
    "kepegawaian": (("Pengadaan, Pemberhentian dan Informasi Kepegawaian", "Mutasi dan Promosi",
                     "Pengembangan Kompetensi Aparatur", "Penilaian Kinerja Aparatur dan Penghargaan"), ()),
    "pu": (("Bina Marga", "Sumber Daya Air", "Cipta Karya", "Penataan Ruang"), ("Pengelolaan Air Limbah", "Peralatan dan Perbekalan")),
    "perkim": (("Perumahan", "Kawasan Permukiman", "Pertanahan"), ("Rumah Susun Sederhana Sewa",)),
    "sosial": (("Rehabilitasi Sosial", "Perlindungan dan Jaminan Sosial", "Pemberdayaan Sosial"), ("Rumah Singgah",)),
    "naker": (("Pelatihan dan Produktivitas", "Penempatan dan Perluasan Kesempatan Kerja", "Hubungan Industrial"), ("Balai Latihan Kerja",)),
    "lh": (("Tata Lingkungan", "Pengendalian Pencemaran dan Kerusakan Lingkungan", "Pengelolaan Sampah dan Limbah B3"),
           ("Pelayanan Persampahan", "Tempat Pemrosesan Akhir Sampah", "Laboratorium Lingkungan")),
    "dukcapil": (("Pelayanan Pendaftaran Penduduk", "Pelayanan Pencatatan Sipil", "Pengelolaan Informasi Administrasi Kependudukan"), ()),
    "perhubungan": (("Lalu Lintas", "Angkutan", "Sarana dan Prasarana"), ("Pengujian Kendaraan Bermotor", "Perparkiran", "Terminal")),
    "kominfo": (("Informasi dan Komunikasi Publik", "Aplikasi Informatika", "Persandian dan Statistik"), ()),
    "koperasi": (("Koperasi", "Usaha Mikro", "Pengawasan Koperasi"), ("Pusat Layanan Usaha Terpadu",)),
    "dpmptsp": (("Penanaman Modal", "Pelayanan Perizinan", "Pengaduan, Kebijakan dan Informasi"), ("Mal Pelayanan Publik",)),
    "pariwisata": (("Destinasi Pariwisata", "Pemasaran Pariwisata", "Kebudayaan", "Kepemudaan dan Olahraga"), ("Pengelolaan Objek Wisata",)),
    "perpustakaan": (("Perpustakaan", "Kearsipan", "Pelestarian Bahan Pustaka"), ()),
    "pertanian": (("Tanaman Pangan dan Hortikultura", "Penyuluhan", "Peternakan dan Kesehatan Hewan", "Prasarana dan Sarana Pertanian"),
                  ("Rumah Potong Hewan", "Pembenihan dan Pembibitan", "Pusat Kesehatan Hewan")),
    "perikanan": (("Perikanan Budidaya", "Perikanan Tangkap", "Pengolahan dan Pemasaran Hasil Perikanan"), ("Balai Benih Ikan",)),
    "perdagangan": (("Perdagangan", "Perindustrian", "Pengelolaan Pasar"), ("Pengelolaan Pasar", "Metrologi Legal")),
    "pangan": (("Ketersediaan dan Distribusi Pangan", "Konsumsi dan Keamanan Pangan"), ()),
    "kb": (("Pemberdayaan Perempuan", "Perlindungan Anak", "Pengendalian Penduduk dan Keluarga Berencana"),
           ("Perlindungan Perempuan dan Anak",)),
    "pmd": (("Pemerintahan Desa", "Pemberdayaan Masyarakat", "Keuangan dan Aset Desa"), ()),
    "ketertiban": (("Penegakan Peraturan Daerah", "Ketertiban Umum dan Ketenteraman Masyarakat", "Perlindungan Masyarakat"), ()),
    "damkar": (("Pencegahan Kebakaran", "Pemadaman dan Penyelamatan", "Sarana dan Prasarana"), ("Pos Pemadam Kebakaran Wilayah",)),
    "perencanaan": (("Perencanaan dan Pengendalian Pembangunan", "Pemerintahan dan Pembangunan Manusia",
                     "Perekonomian dan Sumber Daya Alam", "Infrastruktur dan Kewilayahan"), ()),
    "keuangan": (("Anggaran", "Perbendaharaan", "Akuntansi", "Pengelolaan Aset"), ()),
    "pendapatan": (("Pendataan dan Penetapan", "Penagihan dan Keberatan", "Pengembangan dan Pengendalian Pendapatan"),
                   ("Pelayanan Pajak Daerah",)),
    "kesbangpol": (("Ideologi dan Wawasan Kebangsaan", "Politik Dalam Negeri dan Organisasi Kemasyarakatan", "Ketahanan Ekonomi, Sosial dan Budaya"), ()),
    "bencana": (("Pencegahan dan Kesiapsiagaan", "Kedaruratan dan Logistik", "Rehabilitasi dan Rekonstruksi"), ()),
    "riset": (("Riset dan Inovasi", "Pengkajian Kebijakan"), ()),
    "pertanahan": (("Pengadaan Tanah", "Penataan Pertanahan"), ()),
}
_SEKTOR_JF_PD = {
    "naker": "umum", "dpmptsp": "umum", "perikanan": "pertanian", "kesbangpol": "pemerintahan",
    "riset": "perencanaan", "pertanahan": "perkim",
}


@dataclass(frozen=True)
class PD:
    nama: str
    jenis: str  # dinas | badan
    kode: str
    sektor: str


def _pd(nama: str, kode: str, sektor: str) -> PD:
    return PD(nama, "badan" if nama.startswith("Badan") else "dinas", kode, sektor)


@dataclass(frozen=True)
class RS:
    nama: str
    kode: str
    wakil_direktur: bool
    kelas: str = "B"  # written as the unit attribute ``kelas_rs`` that profile rules read


@dataclass(frozen=True)
class ProfilDemo:
    kode_instansi: str
    nama_instansi: str
    kota: str  # the region's short name, used in school names
    # Perangkat Daerah: the four the skeleton always needs, then the others in order.
    dinkes: PD
    disdik: PD
    bkpsdm: PD
    dinas_uptd: PD
    lainnya: tuple[PD, ...]
    rsud: tuple[RS, ...]
    asisten: tuple[tuple[str, tuple[str, ...]], ...]  # Asisten name, its Bagian
    bagian_setwan: tuple[str, ...]
    kecamatan: tuple[tuple[str, tuple[str, ...]], ...]  # Kecamatan, its Kelurahan
    puskesmas: tuple[str, ...]
    nama_sd: str  # format with {n} {kec} {kel} {kota}
    nama_smp: str
    nama_puskesmas: str
    nama_uptd: str  # format with {nama}
    desa: tuple[str, ...]  # extra kelurahan names for large instansi
    subbagian: bool = True  # Setda/Setwan/Sekretariat keep subbagian
    seksi_dinas: bool = False  # Dinas bidang keep seksi, Badan bidang keep subbidang
    nomor_sd_kota: bool = False  # schools numbered city-wide instead of per kecamatan

    def semua_pd(self) -> tuple[PD, ...]:
        return (self.dinkes, self.disdik, self.bkpsdm, self.dinas_uptd, *self.lainnya)


_ASISTEN_UMUM = (
    ("Asisten Pemerintahan dan Kesejahteraan Rakyat", ("Bagian Pemerintahan", "Bagian Kesejahteraan Rakyat", "Bagian Hukum")),
    ("Asisten Perekonomian dan Pembangunan", ("Bagian Perekonomian dan Sumber Daya Alam", "Bagian Administrasi Pembangunan",
                                              "Bagian Pengadaan Barang dan Jasa")),
    ("Asisten Administrasi Umum", ("Bagian Organisasi", "Bagian Umum", "Bagian Protokol dan Komunikasi Pimpinan",
                                   "Bagian Perencanaan dan Keuangan")),
)
_BAGIAN_SETWAN = ("Bagian Umum dan Keuangan", "Bagian Persidangan dan Perundang-undangan",
                  "Bagian Fasilitasi Penganggaran dan Pengawasan")
_DESA_JAWA = (
    "Sumberejo", "Karangrejo", "Tambakrejo", "Sidomulyo", "Wonokerto", "Kedungringin", "Sukorejo", "Ngembe",
    "Gading", "Sidorejo", "Mojosari", "Tegalsari", "Kebonsari", "Randusari", "Kepuh", "Jatirejo", "Ngadirejo",
    "Sumbersari", "Bulusari", "Karangsari", "Banjarsari", "Kalisat", "Tanjungsari", "Sumberagung", "Wonosari",
    "Plososari", "Candirejo", "Gunungsari", "Sidoarjo", "Purwodadi", "Ketanen", "Wates",
)
_DESA_BALI = (
    "Bugbug", "Seraya", "Tumbu", "Pertima", "Bukit", "Tegallinggah", "Datah", "Culik", "Tianyar", "Sibetan",
    "Duda", "Muncan", "Besakih", "Menanga", "Tenganan", "Ngis", "Padangbai", "Antiga", "Ulakan", "Talibeng",
    "Kertha Mandala", "Tista", "Jungutan", "Macang", "Budakeling", "Nongan", "Pempatan", "Sangkan Gunung",
)
_DESA_MELAYU = (
    "Sungai Sibam", "Tangkerang Jaya", "Bencah Lesung", "Industri Tenayan", "Sialang Rampai", "Tuah Negeri",
    "Sialang Sakti", "Melebung", "Pematang Kapau", "Sail Baru", "Air Putih", "Binawidya", "Sungai Ukai",
    "Agrowisata", "Maharani", "Rantau Panjang", "Lembah Raya", "Kelurahan Baru", "Sri Meranti Jaya", "Palas Jaya",
)

_PROFIL: dict[str, ProfilDemo] = {
    "pasuruan": ProfilDemo(
        kode_instansi="pemkab-pasuruan",
        nama_instansi="Pemerintah Kabupaten Pasuruan",
        kota="Pasuruan",
        dinkes=_pd("Dinas Kesehatan", "dinkes", "kesehatan"),
        disdik=_pd("Dinas Pendidikan", "dispendik", "pendidikan"),
        bkpsdm=_pd("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "bkpsdm", "kepegawaian"),
        dinas_uptd=_pd("Dinas Lingkungan Hidup", "dlh", "lh"),
        lainnya=(
            _pd("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "dpmptsp", "dpmptsp"),
            _pd("Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah", "bappelitbangda", "perencanaan"),
            _pd("Badan Pengelolaan Keuangan dan Aset Daerah", "bpkad", "keuangan"),
            _pd("Badan Pendapatan Daerah", "bapenda", "pendapatan"),
            _pd("Badan Penanggulangan Bencana Daerah", "bpbd", "bencana"),
            _pd("Dinas Pekerjaan Umum dan Tata Ruang", "dpuptr", "pu"),
            _pd("Dinas Perumahan Rakyat dan Kawasan Permukiman", "disperkim", "perkim"),
            _pd("Dinas Sosial", "dinsos", "sosial"),
            _pd("Dinas Kependudukan dan Pencatatan Sipil", "dispendukcapil", "dukcapil"),
            _pd("Dinas Perhubungan", "dishub", "perhubungan"),
            _pd("Dinas Komunikasi dan Informatika", "diskominfo", "kominfo"),
            _pd("Dinas Pertanian", "disperta", "pertanian"),
            _pd("Dinas Perikanan", "diskan", "perikanan"),
            _pd("Dinas Ketahanan Pangan", "dkp", "pangan"),
            _pd("Dinas Pemberdayaan Masyarakat dan Desa", "dpmd", "pmd"),
            _pd("Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana", "dp3ap2kb", "kb"),
            _pd("Dinas Koperasi dan Usaha Mikro", "diskopum", "koperasi"),
            _pd("Dinas Perindustrian dan Perdagangan", "disperindag", "perdagangan"),
            _pd("Dinas Tenaga Kerja", "disnaker", "naker"),
            _pd("Dinas Kepemudaan, Olahraga dan Pariwisata", "disparpora", "pariwisata"),
            _pd("Dinas Perpustakaan dan Kearsipan", "dispusip", "perpustakaan"),
            _pd("Satuan Polisi Pamong Praja", "satpolpp", "ketertiban"),
            _pd("Badan Kesatuan Bangsa dan Politik", "bakesbangpol", "kesbangpol"),
        ),
        rsud=(RS("Rumah Sakit Umum Daerah Bangil", "rsud-bangil", True),
              RS("Rumah Sakit Umum Daerah Grati", "rsud-grati", True, "C")),
        asisten=_ASISTEN_UMUM,
        bagian_setwan=_BAGIAN_SETWAN,
        kecamatan=(
            ("Bangil", ("Kidul Dalem", "Kauman", "Kalirejo", "Gempeng", "Bendomungal", "Kolursari", "Dermo", "Pogar",
                        "Latek", "Kersikan", "Pajaran")),
            ("Pandaan", ("Pandaan", "Petungasri", "Jogosari", "Kutorejo")),
            ("Purwosari", ("Purwosari",)), ("Prigen", ("Prigen", "Ledug", "Pecalukan")),
            ("Gempol", ()), ("Beji", ()), ("Grati", ()), ("Rembang", ()), ("Sukorejo", ()), ("Kraton", ()),
            ("Gondangwetan", ()), ("Kejayan", ()), ("Lekok", ()), ("Nguling", ()), ("Rejoso", ()), ("Winongan", ()),
            ("Pohjentrek", ()), ("Wonorejo", ()), ("Purwodadi", ()), ("Tutur", ()), ("Puspo", ()), ("Tosari", ()),
            ("Lumbang", ()), ("Pasrepan", ()),
        ),
        puskesmas=(),
        nama_sd="UPT Satuan Pendidikan SDN {kec} {n}",
        nama_smp="UPT Satuan Pendidikan SMPN {n} {kec}",
        nama_puskesmas="UOBF Puskesmas {nama}",
        nama_uptd="UPTD {nama}",
        desa=_DESA_JAWA,
        subbagian=True,
        seksi_dinas=False,
    ),
    "magelang": ProfilDemo(
        kode_instansi="pemkot-magelang",
        nama_instansi="Pemerintah Kota Magelang",
        kota="Magelang",
        dinkes=_pd("Dinas Kesehatan", "dinkes", "kesehatan"),
        disdik=_pd("Dinas Pendidikan dan Kebudayaan", "disdikbud", "pendidikan"),
        bkpsdm=_pd("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "bkpsdm", "kepegawaian"),
        dinas_uptd=_pd("Dinas Lingkungan Hidup", "dlh", "lh"),
        lainnya=(
            _pd("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "dpmptsp", "dpmptsp"),
            _pd("Badan Perencanaan Pembangunan Daerah, Penelitian dan Pengembangan", "bappeda", "perencanaan"),
            _pd("Badan Pengelola Keuangan dan Aset Daerah", "bpkad", "keuangan"),
            _pd("Badan Kesatuan Bangsa dan Politik", "kesbangpol", "kesbangpol"),
            _pd("Badan Penanggulangan Bencana Daerah", "bpbd", "bencana"),
            _pd("Dinas Pekerjaan Umum dan Penataan Ruang", "dpupr", "pu"),
            _pd("Dinas Perumahan dan Kawasan Permukiman", "disperkim", "perkim"),
            _pd("Dinas Sosial", "dinsos", "sosial"),
            _pd("Dinas Kependudukan dan Pencatatan Sipil", "disdukcapil", "dukcapil"),
            _pd("Dinas Perhubungan", "dishub", "perhubungan"),
            _pd("Dinas Komunikasi, Informatika dan Statistik", "diskominsta", "kominfo"),
            _pd("Dinas Pertanian dan Pangan", "disperpa", "pertanian"),
            _pd("Dinas Tenaga Kerja, Koperasi, Usaha Kecil dan Menengah", "disnakerkukm", "koperasi"),
            _pd("Dinas Perindustrian dan Perdagangan", "disperindag", "perdagangan"),
            _pd("Dinas Pemberdayaan Masyarakat, Perempuan dan Perlindungan Anak", "dpmp3a", "kb"),
            _pd("Dinas Pengendalian Penduduk dan Keluarga Berencana", "dppkb", "kb"),
            _pd("Dinas Kepemudaan, Olahraga dan Pariwisata", "disporapar", "pariwisata"),
            _pd("Dinas Perpustakaan dan Kearsipan", "disperpusip", "perpustakaan"),
            _pd("Satuan Polisi Pamong Praja", "satpolpp", "ketertiban"),
        ),
        rsud=(RS("Rumah Sakit Umum Daerah Tidar", "rsud-tidar", True),
              RS("Rumah Sakit Umum Daerah Budi Rahayu", "rsud-budi-rahayu", False, "D")),
        asisten=_ASISTEN_UMUM,
        bagian_setwan=_BAGIAN_SETWAN,
        kecamatan=(
            ("Magelang Utara", ("Kramat Utara", "Kramat Selatan", "Kedungsari", "Wates", "Potrobangsan")),
            ("Magelang Tengah", ("Kemirirejo", "Cacaban", "Panjang", "Magelang", "Gelangan", "Rejowinangun Utara")),
            ("Magelang Selatan", ("Rejowinangun Selatan", "Tidar Utara", "Tidar Selatan", "Magersari", "Jurangombo Utara",
                                  "Jurangombo Selatan")),
        ),
        puskesmas=("Magelang Utara", "Magelang Tengah", "Magelang Selatan", "Jurangombo", "Kerkopan"),
        nama_sd="SD Negeri {kel} {n}",
        nama_smp="SMP Negeri {n} Magelang",
        nama_puskesmas="Puskesmas {nama}",
        nama_uptd="UPTD {nama}",
        desa=_DESA_JAWA,
        subbagian=True,
        seksi_dinas=False,
    ),
    "blitar": ProfilDemo(
        kode_instansi="pemkot-blitar",
        nama_instansi="Pemerintah Kota Blitar",
        kota="Blitar",
        dinkes=_pd("Dinas Kesehatan", "dinkes", "kesehatan"),
        disdik=_pd("Dinas Pendidikan", "dindik", "pendidikan"),
        bkpsdm=_pd("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "bkpsdm", "kepegawaian"),
        dinas_uptd=_pd("Dinas Perhubungan", "dishub", "perhubungan"),
        lainnya=(
            _pd("Badan Perencanaan Pembangunan Daerah", "bappeda", "perencanaan"),
            _pd("Badan Keuangan Daerah", "bkd", "keuangan"),
            _pd("Badan Pendapatan Daerah", "bapenda", "pendapatan"),
            _pd("Badan Penanggulangan Bencana Daerah", "bpbd", "bencana"),
            _pd("Badan Kesatuan Bangsa dan Politik", "bakesbangpol", "kesbangpol"),
            _pd("Dinas Pekerjaan Umum dan Penataan Ruang", "dpupr", "pu"),
            _pd("Dinas Perumahan dan Kawasan Permukiman", "disperkim", "perkim"),
            _pd("Dinas Sosial", "dinsos", "sosial"),
            _pd("Dinas Kependudukan dan Pencatatan Sipil", "dispendukcapil", "dukcapil"),
            _pd("Dinas Lingkungan Hidup", "dlh", "lh"),
            _pd("Dinas Komunikasi, Informatika dan Statistik", "diskominfotik", "kominfo"),
            _pd("Dinas Pertanian dan Pangan", "dppp", "pertanian"),
            _pd("Dinas Koperasi, Usaha Mikro, Perindustrian dan Perdagangan", "diskopumdag", "perdagangan"),
            _pd("Dinas Penanaman Modal, Pelayanan Terpadu Satu Pintu dan Tenaga Kerja", "dpmptsp", "dpmptsp"),
            _pd("Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana", "dp3ap2kb", "kb"),
            _pd("Dinas Kebudayaan dan Pariwisata", "disbudpar", "pariwisata"),
            _pd("Dinas Pemuda dan Olahraga", "dispora", "pariwisata"),
            _pd("Dinas Perpustakaan dan Kearsipan", "dispusip", "perpustakaan"),
            _pd("Satuan Polisi Pamong Praja", "satpolpp", "ketertiban"),
        ),
        rsud=(RS("Rumah Sakit Umum Daerah Mardi Waluyo", "rsud-mardi-waluyo", True),),
        asisten=(
            ("Asisten Pemerintahan dan Kesejahteraan Rakyat", ("Bagian Pemerintahan dan Kesejahteraan Rakyat", "Bagian Hukum")),
            ("Asisten Perekonomian dan Pembangunan", ("Bagian Perekonomian dan Administrasi Pembangunan",
                                                      "Bagian Pengadaan Barang/Jasa")),
            ("Asisten Administrasi Umum", ("Bagian Organisasi", "Bagian Umum", "Bagian Protokol dan Komunikasi Pimpinan")),
        ),
        bagian_setwan=_BAGIAN_SETWAN,
        kecamatan=(
            ("Kepanjenkidul", ("Bendo", "Kauman", "Kepanjenkidul", "Kepanjenlor", "Ngadirejo", "Sentul", "Tanggung")),
            ("Sananwetan", ("Bendogerit", "Gedog", "Karangtengah", "Klampok", "Plosokerep", "Rembang", "Sananwetan")),
            ("Sukorejo", ("Blitar", "Karangsari", "Pakunden", "Sukorejo", "Tanjungsari", "Tlumpu", "Turi")),
        ),
        puskesmas=("Kepanjenkidul", "Sananwetan", "Sukorejo", "Gedog", "Kepanjenlor"),
        nama_sd="UPT SD Negeri {kel} {n}",
        nama_smp="UPT SMP Negeri {n} Blitar",
        nama_puskesmas="UPT Puskesmas {nama}",
        nama_uptd="UPT {nama}",
        desa=_DESA_JAWA,
        # Walikota Blitar 6/2023: bagian without subbagian; bidang simplified.
        subbagian=False,
        seksi_dinas=False,
    ),
    "karangasem": ProfilDemo(
        kode_instansi="pemkab-karangasem",
        nama_instansi="Pemerintah Kabupaten Karangasem",
        kota="Karangasem",
        dinkes=_pd("Dinas Kesehatan", "diskes", "kesehatan"),
        disdik=_pd("Dinas Pendidikan, Kepemudaan dan Olahraga", "disdikpora", "pendidikan"),
        bkpsdm=_pd("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "bkpsdm", "kepegawaian"),
        dinas_uptd=_pd("Dinas Pertanian, Pangan dan Perikanan", "distanpangan", "pertanian"),
        lainnya=(
            _pd("Badan Perencanaan Daerah", "bapperida", "perencanaan"),
            _pd("Badan Riset dan Inovasi Daerah", "brida", "riset"),
            _pd("Badan Pengelola Keuangan dan Aset Daerah", "bpkad", "keuangan"),
            _pd("Badan Pendapatan Daerah", "bapenda", "pendapatan"),
            _pd("Badan Penanggulangan Bencana Daerah", "bpbd", "bencana"),
            _pd("Badan Kesatuan Bangsa dan Politik", "kesbangpol", "kesbangpol"),
            _pd("Dinas Pekerjaan Umum dan Penataan Ruang", "dpupr", "pu"),
            _pd("Dinas Sosial", "dinsos", "sosial"),
            _pd("Dinas Kependudukan dan Pencatatan Sipil", "disdukcapil", "dukcapil"),
            _pd("Dinas Lingkungan Hidup", "dlh", "lh"),
            _pd("Dinas Perhubungan", "dishub", "perhubungan"),
            _pd("Dinas Komunikasi dan Informatika", "diskominfo", "kominfo"),
            _pd("Dinas Kebudayaan dan Pariwisata", "disbudpar", "pariwisata"),
            _pd("Dinas Ketenagakerjaan", "disnaker", "naker"),
            _pd("Dinas Koperasi, Usaha Kecil dan Menengah", "diskop", "koperasi"),
            _pd("Dinas Pemadam Kebakaran dan Penyelamatan", "damkar", "damkar"),
            _pd("Dinas Pemberdayaan Masyarakat dan Desa", "dpmd", "pmd"),
            _pd("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "dpmptsp", "dpmptsp"),
            _pd("Dinas Perpustakaan dan Kearsipan", "dispersip", "perpustakaan"),
            _pd("Satuan Polisi Pamong Praja", "satpolpp", "ketertiban"),
        ),
        rsud=(RS("Rumah Sakit Umum Daerah Karangasem", "rsud-karangasem", True),),
        asisten=(
            ("Asisten Pemerintahan dan Kesejahteraan Rakyat", ("Bagian Tata Pemerintahan", "Bagian Kesejahteraan Rakyat", "Bagian Hukum")),
            ("Asisten Perekonomian dan Pembangunan", ("Bagian Perekonomian dan Sumber Daya Alam", "Bagian Administrasi Pembangunan",
                                                      "Bagian Pengadaan Barang dan Jasa")),
            ("Asisten Administrasi Umum", ("Bagian Organisasi", "Bagian Umum", "Bagian Protokol dan Komunikasi Pimpinan",
                                           "Bagian Perencanaan dan Keuangan")),
        ),
        bagian_setwan=_BAGIAN_SETWAN,
        kecamatan=(
            ("Karangasem", ("Karangasem", "Padangkerta", "Subagan")),
            ("Abang", ()), ("Bebandem", ()), ("Kubu", ()), ("Manggis", ()), ("Rendang", ()), ("Selat", ()), ("Sidemen", ()),
        ),
        puskesmas=("Karangasem I", "Karangasem II", "Abang I", "Abang II", "Bebandem", "Kubu I", "Kubu II", "Manggis I",
                   "Manggis II", "Rendang", "Selat", "Sidemen"),
        nama_sd="SD Negeri {n} {kel}",
        nama_smp="SMP Negeri {n} {kec}",
        nama_puskesmas="UPTD Puskesmas {nama}",
        nama_uptd="UPTD {nama}",
        desa=_DESA_BALI,
        subbagian=True,
        # Bupati Karangasem 15/2023: bidang keep seksi (Lampiran, Dinas yang memiliki seksi).
        seksi_dinas=True,
    ),
    "pekanbaru": ProfilDemo(
        kode_instansi="pemkot-pekanbaru",
        nama_instansi="Pemerintah Kota Pekanbaru",
        kota="Pekanbaru",
        dinkes=_pd("Dinas Kesehatan", "dinkes", "kesehatan"),
        disdik=_pd("Dinas Pendidikan", "disdik", "pendidikan"),
        bkpsdm=_pd("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "bkpsdm", "kepegawaian"),
        dinas_uptd=_pd("Dinas Perhubungan", "dishub", "perhubungan"),
        lainnya=(
            _pd("Badan Pengelola Keuangan dan Aset Daerah", "bpkad", "keuangan"),
            _pd("Badan Pendapatan Daerah", "bapenda", "pendapatan"),
            _pd("Badan Perencanaan Pembangunan Daerah", "bappeda", "perencanaan"),
            _pd("Badan Penelitian dan Pengembangan", "balitbang", "riset"),
            _pd("Badan Kesatuan Bangsa dan Politik", "kesbangpol", "kesbangpol"),
            _pd("Badan Penanggulangan Bencana Daerah", "bpbd", "bencana"),
            _pd("Satuan Polisi Pamong Praja", "satpolpp", "ketertiban"),
            _pd("Dinas Pemadam Kebakaran dan Penyelamatan", "damkar", "damkar"),
            _pd("Dinas Kependudukan dan Pencatatan Sipil", "disdukcapil", "dukcapil"),
            _pd("Dinas Pekerjaan Umum dan Penataan Ruang", "dpupr", "pu"),
            _pd("Dinas Perumahan dan Permukiman", "disperkim", "perkim"),
            _pd("Dinas Lingkungan Hidup dan Kebersihan", "dlhk", "lh"),
            _pd("Dinas Sosial", "dinsos", "sosial"),
            _pd("Dinas Komunikasi, Informatika, Statistik dan Persandian", "diskominfotik", "kominfo"),
            _pd("Dinas Perdagangan dan Perindustrian", "disperindag", "perdagangan"),
            _pd("Dinas Pertanian dan Perikanan", "dpp", "pertanian"),
            _pd("Dinas Ketahanan Pangan", "dkp", "pangan"),
            _pd("Dinas Koperasi, Usaha Kecil dan Menengah", "diskop", "koperasi"),
            _pd("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "dpmptsp", "dpmptsp"),
            _pd("Dinas Tenaga Kerja", "disnaker", "naker"),
            _pd("Dinas Pemberdayaan Perempuan dan Perlindungan Anak", "dp3a", "kb"),
            _pd("Dinas Pengendalian Penduduk dan Keluarga Berencana", "dppkb", "kb"),
            _pd("Dinas Kepemudaan dan Olahraga", "dispora", "pariwisata"),
            _pd("Dinas Kebudayaan dan Pariwisata", "disbudpar", "pariwisata"),
            _pd("Dinas Perpustakaan dan Kearsipan", "dispusip", "perpustakaan"),
            _pd("Dinas Pertanahan", "distanah", "pertanahan"),
        ),
        rsud=(RS("Rumah Sakit Umum Daerah Madani", "rsud-madani", False, "D"),),
        asisten=(
            ("Asisten Pemerintahan dan Kesejahteraan Rakyat", ("Bagian Tata Pemerintahan", "Bagian Kesejahteraan Rakyat", "Bagian Hukum")),
            ("Asisten Perekonomian dan Pembangunan", ("Bagian Perekonomian", "Bagian Administrasi Pembangunan",
                                                      "Bagian Pengadaan Barang dan Jasa")),
            ("Asisten Administrasi Umum", ("Bagian Organisasi", "Bagian Umum", "Bagian Protokol dan Komunikasi Pimpinan")),
        ),
        bagian_setwan=_BAGIAN_SETWAN,
        kecamatan=(
            ("Sukajadi", ("Kampung Melayu", "Jadirejo", "Kampung Tengah", "Harjosari", "Pulau Karam", "Sukajadi", "Kedung Sari")),
            ("Senapelan", ("Padang Bulan", "Padang Terubuk", "Kampung Baru", "Kampung Dalam", "Kampung Bandar", "Sago")),
            ("Sail", ("Cinta Raja", "Suka Mulia", "Suka Maju")),
            ("Limapuluh", ("Rintis", "Sekip", "Tanjung Rhu", "Pesisir")),
            ("Pekanbaru Kota", ("Simpang Empat", "Sumahilang", "Tanah Datar", "Kota Baru", "Sukaramai", "Kota Tinggi")),
            ("Bukitraya", ("Simpang Tiga", "Tangkerang Selatan", "Tangkerang Utara", "Tangkerang Labuai", "Air Dingin")),
            ("Marpoyan Damai", ("Tangkerang Barat", "Tangkerang Tengah", "Sidomulyo Timur", "Wonorejo", "Maharatu",
                                "Perhentian Marpoyan")),
            ("Tenayan Raya", ("Kulim", "Tangkerang Timur", "Rejosari", "Bambu Kuning", "Mentangor")),
            ("Tampan", ("Simpang Baru", "Sidomulyo Barat", "Tuah Karya", "Delima", "Tobek Godang")),
            ("Payung Sekaki", ("Labuh Baru Timur", "Labuh Baru Barat", "Tampan", "Air Hitam")),
            ("Rumbai", ("Umban Sari", "Rumbai Bukit", "Muara Fajar", "Palas", "Sri Meranti")),
            ("Rumbai Pesisir", ("Meranti Pandak", "Limbungan", "Lembah Sari", "Lembah Damai", "Limbungan Baru",
                                "Tebing Tinggi Okura")),
        ),
        puskesmas=("Sail", "Senapelan", "Rejosari", "Simpang Tiga", "Harapan Raya", "Payung Sekaki", "Lima Puluh", "Rumbai",
                   "Sidomulyo", "Garuda", "Umban Sari", "Melur", "Langsat", "Rumbai Bukit", "Muara Fajar", "Karya Wanita",
                   "Simpang Baru", "Pekanbaru Kota", "Tenayan Raya", "Sri Meranti", "Sapta Taruna"),
        nama_sd="UPT SD Negeri {n} Pekanbaru",
        nama_smp="UPT SMP Negeri {n} Pekanbaru",
        nama_puskesmas="UPT Puskesmas {nama}",
        nama_uptd="UPT {nama}",
        desa=_DESA_MELAYU,
        subbagian=True,
        # Wali Kota Pekanbaru 44/2023: Kepala Seksi / Kepala Subbidang as pejabat level III.
        seksi_dinas=True,
        nomor_sd_kota=True,
    ),
    "nasional": ProfilDemo(
        kode_instansi="pemkab-contoh",
        nama_instansi="Pemerintah Kabupaten Contoh",
        kota="Contoh",
        dinkes=_pd("Dinas Kesehatan", "dinkes", "kesehatan"),
        disdik=_pd("Dinas Pendidikan dan Kebudayaan", "disdikbud", "pendidikan"),
        bkpsdm=_pd("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "bkpsdm", "kepegawaian"),
        dinas_uptd=_pd("Dinas Perhubungan", "dishub", "perhubungan"),
        lainnya=(
            _pd("Badan Perencanaan Pembangunan Daerah", "bappeda", "perencanaan"),
            _pd("Badan Pengelolaan Keuangan dan Aset Daerah", "bpkad", "keuangan"),
            _pd("Badan Pendapatan Daerah", "bapenda", "pendapatan"),
            _pd("Badan Penanggulangan Bencana Daerah", "bpbd", "bencana"),
            _pd("Badan Kesatuan Bangsa dan Politik", "kesbangpol", "kesbangpol"),
            _pd("Dinas Pekerjaan Umum dan Penataan Ruang", "dpupr", "pu"),
            _pd("Dinas Perumahan dan Kawasan Permukiman", "disperkim", "perkim"),
            _pd("Dinas Sosial", "dinsos", "sosial"),
            _pd("Dinas Kependudukan dan Pencatatan Sipil", "disdukcapil", "dukcapil"),
            _pd("Dinas Lingkungan Hidup", "dlh", "lh"),
            _pd("Dinas Komunikasi dan Informatika", "diskominfo", "kominfo"),
            _pd("Dinas Pertanian", "distan", "pertanian"),
            _pd("Dinas Ketahanan Pangan", "dkp", "pangan"),
            _pd("Dinas Perindustrian dan Perdagangan", "disperindag", "perdagangan"),
            _pd("Dinas Koperasi dan Usaha Mikro", "diskop", "koperasi"),
            _pd("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "dpmptsp", "dpmptsp"),
            _pd("Dinas Tenaga Kerja", "disnaker", "naker"),
            _pd("Dinas Pemberdayaan Masyarakat dan Desa", "dpmd", "pmd"),
            _pd("Dinas Pengendalian Penduduk, Keluarga Berencana, Pemberdayaan Perempuan dan Perlindungan Anak", "dppkbp3a", "kb"),
            _pd("Dinas Pariwisata, Pemuda dan Olahraga", "disparpora", "pariwisata"),
            _pd("Dinas Perpustakaan dan Kearsipan", "dispusip", "perpustakaan"),
            _pd("Satuan Polisi Pamong Praja", "satpolpp", "ketertiban"),
        ),
        rsud=(RS("Rumah Sakit Umum Daerah Kabupaten Contoh", "rsud", True),),
        asisten=_ASISTEN_UMUM,
        bagian_setwan=_BAGIAN_SETWAN,
        kecamatan=(
            ("Kota Contoh", ("Kota Baru", "Kauman", "Pasar Lama", "Sukamaju")),
            ("Sukamulya", ("Sukamulya",)), ("Mekarsari", ()), ("Sidomulyo", ()), ("Karanganyar", ()), ("Sumberjaya", ()),
            ("Tanjungsari", ()), ("Harapan Jaya", ()), ("Mulyorejo", ()), ("Sukarame", ()), ("Bumiayu", ()),
            ("Talang Padang", ()), ("Pagar Alam", ()), ("Cempaka", ()), ("Bukit Kemuning", ()), ("Way Halim", ()),
        ),
        puskesmas=(),
        nama_sd="SD Negeri {n} {kec}",
        nama_smp="SMP Negeri {n} {kec}",
        nama_puskesmas="Puskesmas {nama}",
        nama_uptd="UPTD {nama}",
        desa=_DESA_JAWA,
        subbagian=True,
        seksi_dinas=True,
    ),
}
# The profiles with a demo of their own; any other profile gets the generic (national) one.
PROFIL_DEMO: tuple[str, ...] = tuple(_PROFIL)

# Each PD's sektor, written as the unit attribute ``urusan`` the profile rules read
# (UU 23/2014 urusan pemerintahan), so no rule needs the PD's name.
_URUSAN = {
    "dpmptsp": "penanaman_modal", "ketertiban": "ketenteraman_ketertiban", "bencana": "penanggulangan_bencana",
    "riset": "riset_inovasi", "damkar": "pemadam_kebakaran", "lh": "lingkungan_hidup", "pu": "pekerjaan_umum",
    "pmd": "pemberdayaan_masyarakat_desa", "kb": "keluarga_berencana", "naker": "tenaga_kerja",
    "dukcapil": "administrasi_kependudukan", "kominfo": "komunikasi_informatika", "perkim": "perumahan_permukiman",
}


# Plausible pangkat/golongan per post (PP 99/2000 ranks; PPPK grades of Perpres 98/2020): two
# or three neighbouring ranks each, chosen from the NIP so the demo's random stream is unchanged.
_PANGKAT: dict[str, tuple[str, ...]] = {
    "jpt_madya": ("Pembina Utama Madya (IV/d)", "Pembina Utama (IV/e)"),
    "jpt_pratama": ("Pembina Tk. I (IV/b)", "Pembina Utama Muda (IV/c)"),
    "administrator": ("Penata Tk. I (III/d)", "Pembina (IV/a)", "Pembina Tk. I (IV/b)"),
    "pengawas": ("Penata (III/c)", "Penata Tk. I (III/d)"),
    "pelaksana": ("Pengatur (II/c)", "Pengatur Tk. I (II/d)", "Penata Muda (III/a)", "Penata Muda Tk. I (III/b)"),
    "ahli_utama": ("Pembina Utama Madya (IV/d)", "Pembina Utama (IV/e)"),
    "ahli_madya": ("Pembina (IV/a)", "Pembina Tk. I (IV/b)", "Pembina Utama Muda (IV/c)"),
    "ahli_muda": ("Penata (III/c)", "Penata Tk. I (III/d)"),
    "ahli_pertama": ("Penata Muda (III/a)", "Penata Muda Tk. I (III/b)"),
    "penyelia": ("Penata (III/c)", "Penata Tk. I (III/d)"),
    "mahir": ("Penata Muda (III/a)", "Penata Muda Tk. I (III/b)"),
    "terampil": ("Pengatur (II/c)", "Pengatur Tk. I (II/d)"),
    "pemula": ("Pengatur Muda (II/a)", "Pengatur Muda Tk. I (II/b)"),
}
_GOLONGAN_PPPK = {"ahli_utama": "XVI", "ahli_madya": "XIII", "ahli_muda": "XI", "ahli_pertama": "IX",
                  "penyelia": "IX", "mahir": "VIII", "terampil": "VII", "pemula": "V"}


def pangkat_demo(row: dict[str, Any]) -> str:
    """The demo pegawai's pangkat/golongan, from his post and jenjang."""
    if row.get("status") == "pppk":
        return f"Golongan {_GOLONGAN_PPPK.get(row.get('jenjang') or '', 'V')}"
    pilihan = _PANGKAT.get(row.get("jenjang") or row["jenis_jabatan"], _PANGKAT["pelaksana"])
    return pilihan[int(row["nip"][-3:]) % len(pilihan)]


def _profil_demo(profil: str) -> ProfilDemo:
    """The demo instansi of ``profil``; a profile without demo data gets the generic one.

    Adding a Pemda is adding a profile file: its demo is the national template under
    the profile's code, so no demo code changes with it.
    """
    if profil in _PROFIL:
        return _PROFIL[profil]
    return replace(_PROFIL["nasional"], kode_instansi=f"pemda-{profil}"[:64],
                   nama_instansi=f"Pemerintah Daerah Contoh (profil {profil})")


def jenis_unit_profil(profil: str) -> frozenset[str]:
    """The unit kinds the demo instansi of ``profil`` always contains (its templates' kinds)."""
    p = _profil_demo(profil)
    jenis = {
        "sekretariat_daerah", "asisten", "bagian", "sekretariat_dprd", "inspektorat", "inspektur_pembantu",
        "dinas", "badan", "sekretariat", "bidang", "seksi", "kecamatan", "kelurahan", "uptd", "rsud",
        "puskesmas", "satuan_pendidikan",
    }
    if p.subbagian:
        jenis.add("subbagian")
    if p.seksi_dinas:
        jenis.add("subbidang")
    if any(rs.wakil_direktur for rs in p.rsud):
        jenis.add("wakil_direktur")
    return frozenset(jenis)


# --- building ------------------------------------------------------------------------

# Staff weight per unit kind: how many pegawai a unit of this kind holds relative to others.
_BOBOT_UNIT = {
    "sekretariat_daerah": 1.0, "asisten": 0.5, "bagian": 5.0, "subbagian": 3.5, "sekretariat_dprd": 3.0,
    "inspektorat": 1.5, "inspektur_pembantu": 8.0, "dinas": 1.5, "badan": 1.5, "sekretariat": 5.0,
    "bidang": 6.0, "subbidang": 3.5, "seksi": 3.5, "kecamatan": 4.0, "kelurahan": 6.0, "uptd": 8.0,
    "rsud": 6.0, "wakil_direktur": 2.0, "puskesmas": 28.0, "satuan_pendidikan": 11.0,
}
_BOBOT_RS = 35.0  # bagian/bidang/seksi inside an RSUD: wards and installations
_BOBOT_SMP = 26.0
_JF_PROPORSI = {"sekolah": 0.9, "faskes": 0.85, "rumah_sakit": 0.85, "pengawasan": 0.75}


@dataclass
class _Unit:
    kode: str
    nama: str
    jenis: str
    induk: _Unit | None
    sektor: str
    jabatan_kepala: str
    jenis_kepala: str  # jenis_jabatan of the head
    jenjang_kepala: str | None = None
    jf_kepala: str | None = None
    bobot: float = 1.0
    anak: list[_Unit] = field(default_factory=list)
    # Staff to create first, whatever the size: (JF title or None for pelaksana, jenjang).
    wajib: list[tuple[str | None, str | None]] = field(default_factory=list)
    kepala_nip: str = ""
    staf: list[dict[str, Any]] = field(default_factory=list)
    atribut: dict[str, str] = field(default_factory=dict)


class _Pembangun:
    def __init__(self, profil: str, jumlah: int, seed: int, kode: str | None):
        self.nama_profil = profil
        self.p = _profil_demo(profil)
        self.jumlah = jumlah
        self.rng = random.Random(seed)
        self.kode_instansi = kode or self.p.kode_instansi
        self.akar: list[_Unit] = []
        self.units: list[_Unit] = []
        self.kode_dipakai: set[str] = set()
        self.nip_dipakai: set[str] = set()
        self.pola_nama = _POLA_NAMA.get(profil, _POLA_NAMA["nasional"])
        self.kecamatan: list[_Unit] = []
        self.kelurahan_per_kec: dict[str, list[str]] = {}
        self.pd_unit: dict[str, _Unit] = {}
        self.pd_bidang: dict[str, list[_Unit]] = {}
        self.sd: list[_Unit] = []
        self.smp: list[_Unit] = []
        self.puskesmas: list[_Unit] = []
        self.rsud: list[_Unit] = []
        self.inspektorat: _Unit | None = None

    # units --------------------------------------------------------------------------

    def unit(self, kode: str, nama: str, jenis: str, induk: _Unit | None, sektor: str, jabatan_kepala: str,
             jenis_kepala: str, bobot: float | None = None) -> _Unit:
        base = kode if induk is None else f"{induk.kode.split('.')[0]}.{kode}"
        kode, i = base, 2
        while kode in self.kode_dipakai:
            kode, i = f"{base}-{i}", i + 1
        self.kode_dipakai.add(kode)
        u = _Unit(kode, nama, jenis, induk, sektor, jabatan_kepala, jenis_kepala,
                  bobot=_BOBOT_UNIT[jenis] if bobot is None else bobot)
        if induk is None:
            self.akar.append(u)
        else:
            induk.anak.append(u)
        self.units.append(u)
        return u

    def sekretariat(self, pd: _Unit, nama_pd: str) -> _Unit:
        s = self.unit("sekretariat", f"Sekretariat {nama_pd}", "sekretariat", pd, pd.sektor,
                      f"Sekretaris {nama_pd}", "administrator")
        if self.p.subbagian:
            for nama in ("Subbagian Umum dan Kepegawaian", "Subbagian Keuangan dan Perencanaan"):
                self.unit(_slug(nama), nama, "subbagian", s, "umum", f"Kepala {nama}", "pengawas")
        return s

    def bidang(self, pd: _Unit, nama: str, sektor: str) -> _Unit:
        b = self.unit(_slug(nama), f"Bidang {nama}", "bidang", pd, sektor, f"Kepala Bidang {nama}", "administrator")
        self.pd_bidang.setdefault(pd.kode, []).append(b)
        if self.p.seksi_dinas:
            jenis = "subbidang" if pd.jenis == "badan" else "seksi"
            label = "Subbidang" if jenis == "subbidang" else "Seksi"
            for sub in _sub_bidang(nama):
                self.unit(_slug(f"{nama} {sub}"), f"{label} {sub}", jenis, b, sektor, f"Kepala {label} {sub}", "pengawas")
        return b

    def perangkat_daerah(self, pd: PD, *, sekretariat: bool = True) -> _Unit:
        jabatan = f"Kepala {pd.nama}"
        u = self.unit(pd.kode, pd.nama, pd.jenis, None, _SEKTOR_JF_PD.get(pd.sektor, pd.sektor), jabatan, "jpt_pratama")
        u.atribut["urusan"] = _URUSAN.get(pd.sektor, pd.sektor)
        self.pd_unit[pd.kode] = u
        if sekretariat:
            self.sekretariat(u, pd.nama)
        return u

    def uptd(self, pd_unit: _Unit, nama: str) -> _Unit:
        nama_u = self.p.nama_uptd.format(nama=nama)
        return self.unit(_slug(nama), nama_u, "uptd", pd_unit, pd_unit.sektor, f"Kepala {nama_u}", "pengawas")

    def build_setda(self) -> Iterator[None]:
        setda = self.unit("setda", "Sekretariat Daerah", "sekretariat_daerah", None, "setda", "Sekretaris Daerah", "jpt_pratama")
        self.setda = setda
        asisten_units = []
        for nama_as, bagian in self.p.asisten:
            asisten_units.append((self.unit(_slug(nama_as), nama_as, "asisten", setda, "setda", nama_as, "jpt_pratama"), bagian))
            if len(asisten_units) == 1:
                self.bagian_setda(asisten_units[0][0], bagian[0], minimal=True)
                yield
        for i, (asisten, bagian) in enumerate(asisten_units):
            for j, nama in enumerate(bagian):
                if i == 0 and j == 0:
                    continue
                self.bagian_setda(asisten, nama)
                yield

    def bagian_setda(self, induk: _Unit, nama: str, minimal: bool = False) -> None:
        sektor = "setda"
        b = self.unit(_slug(nama), nama, "bagian", induk, sektor, f"Kepala {nama}", "administrator")
        if self.p.subbagian:
            subs = _SUBBAGIAN.get(nama.removeprefix("Bagian "), ("Perencanaan dan Evaluasi", "Tata Usaha"))
            for sub in subs[:1] if minimal else subs:
                self.unit(_slug(f"{nama} {sub}"), f"Subbagian {sub}", "subbagian", b, sektor, f"Kepala Subbagian {sub}", "pengawas")
            if minimal:
                self._sisa_subbagian = (b, subs[1:])

    def build_setwan(self) -> Iterator[None]:
        setwan = self.unit("setwan", "Sekretariat DPRD", "sekretariat_dprd", None, "setda", "Sekretaris DPRD", "jpt_pratama")
        yield
        for nama in self.p.bagian_setwan:
            b = self.unit(_slug(nama), nama, "bagian", setwan, "setda", f"Kepala {nama}", "administrator")
            if self.p.subbagian:
                for sub in _SUBBAGIAN.get(nama.removeprefix("Bagian "), ("Tata Usaha",)):
                    self.unit(_slug(f"{nama} {sub}"), f"Subbagian {sub}", "subbagian", b, "setda", f"Kepala Subbagian {sub}", "pengawas")
            yield

    def build_inspektorat(self) -> Iterator[None]:
        insp = self.unit("inspektorat", "Inspektorat Daerah", "inspektorat", None, "pengawasan", "Inspektur", "jpt_pratama")
        self.inspektorat = insp
        wilayah = ("I", "II", "III", "IV")
        irban = self.unit("irban-1", "Inspektur Pembantu Wilayah I", "inspektur_pembantu", insp, "pengawasan",
                          "Inspektur Pembantu Wilayah I", "administrator")
        irban.wajib.append(("Auditor", "ahli_pertama"))
        yield
        self.unit("sekretariat", "Sekretariat Inspektorat Daerah", "sekretariat", insp, "pengawasan",
                  "Sekretaris Inspektorat Daerah", "administrator")
        yield
        for w in (*wilayah[1:], "Khusus"):
            self.unit(f"irban-{w.lower()}", f"Inspektur Pembantu {'Wilayah ' if w != 'Khusus' else ''}{w}",
                      "inspektur_pembantu", insp, "pengawasan",
                      f"Inspektur Pembantu {'Wilayah ' if w != 'Khusus' else ''}{w}", "administrator")
            yield

    def build_inti(self) -> list[Iterator[None]]:
        """The smallest instansi that has every unit kind; returns the generators that grow it."""
        gens = [self.build_setda(), self.build_setwan(), self.build_inspektorat()]
        for g in gens:
            next(g)
        p = self.p
        # Dinas Kesehatan with one bidang, its RSUD and one Puskesmas.
        dinkes = self.perangkat_daerah(p.dinkes, sekretariat=False)
        bidang_kes = _SEKTOR_PD["kesehatan"][0]
        self.bidang(dinkes, bidang_kes[0], "kesehatan").wajib.append(("Administrator Kesehatan", "ahli_pertama"))
        self.build_rsud(dinkes, p.rsud[0])
        # Dinas Pendidikan with its SMP bidang and one SD and one SMP.
        disdik = self.perangkat_daerah(p.disdik, sekretariat=False)
        self.bidang(disdik, _SEKTOR_PD["pendidikan"][0][0], "pendidikan")
        # BKPSDM: the demo BKPSDM officer and the admin instansi sit here.
        bkpsdm = self.perangkat_daerah(p.bkpsdm, sekretariat=False)
        b = self.bidang(bkpsdm, _SEKTOR_PD["kepegawaian"][0][0], "kepegawaian")
        b.wajib += [("Analis Sumber Daya Manusia Aparatur", "ahli_pertama"), ("Pranata Komputer", "terampil")]
        # A Dinas with a secretariat and an UPTD (the delegation example).
        dx = self.perangkat_daerah(p.dinas_uptd)
        upt = _SEKTOR_PD[p.dinas_uptd.sektor][1]
        self.uptd(dx, upt[0]).wajib.append((_JF_SEKTOR[dx.sektor][0], "ahli_muda"))
        self.sd_gen = self.build_sekolah("sd")
        self.smp_gen = self.build_sekolah("smp")
        self.kec_gen = self.build_kecamatan()
        self.pkm_gen = self.build_puskesmas()
        for g in (self.kec_gen, self.pkm_gen, self.sd_gen, self.smp_gen):
            next(g)
        self.kel_gen = self.build_kelurahan()
        next(self.kel_gen)
        pd_gen = self.build_pd()
        return [
            pd_gen, pd_gen, self.sd_gen, self.kec_gen, pd_gen, gens[0], self.sd_gen, self.pkm_gen, pd_gen,
            gens[1], self.kel_gen, self.smp_gen, pd_gen, self.sd_gen, gens[2], self.kel_gen,
            self.sd_gen, self.build_rsud_lain(), self.sd_gen, self.pkm_gen, self.smp_gen, self.sd_gen, self.kel_gen,
        ]

    def build_rsud(self, dinkes: _Unit, rs: RS) -> None:
        if rs.wakil_direktur:
            u = self.unit(rs.kode, rs.nama, "rsud", dinkes, "rumah_sakit", f"Direktur {rs.nama}", "jpt_pratama")
            wadir = (
                ("Wakil Direktur Pelayanan", (("bidang", "Bidang Pelayanan Medik"), ("bidang", "Bidang Keperawatan"),
                                              ("bidang", "Bidang Penunjang Medik"))),
                ("Wakil Direktur Umum dan Keuangan", (("bagian", "Bagian Umum dan Kepegawaian"), ("bagian", "Bagian Keuangan"),
                                                      ("bagian", "Bagian Perencanaan dan Program"))),
            )
            for nama_w, subs in wadir:
                w = self.unit(f"{rs.kode}-{_slug(nama_w)}", nama_w, "wakil_direktur", u, "rumah_sakit", nama_w, "administrator")
                for jenis, nama in subs:
                    bobot = _BOBOT_RS if jenis == "bidang" else 6.0
                    self.unit(f"{rs.kode}-{_slug(nama)}", nama, jenis, w, "rumah_sakit", f"Kepala {nama}", "pengawas", bobot)
        else:
            # A Kelas D hospital: an administrator heads it, pengawas head its subbagian and seksi.
            u = self.unit(rs.kode, rs.nama, "rsud", dinkes, "rumah_sakit", f"Direktur {rs.nama}", "administrator")
            for jenis, nama in (("subbagian", "Subbagian Tata Usaha"), ("seksi", "Seksi Pelayanan Medik dan Keperawatan"),
                                ("seksi", "Seksi Penunjang Medik dan Nonmedik")):
                bobot = 6.0 if jenis == "subbagian" else _BOBOT_RS
                self.unit(f"{rs.kode}-{_slug(nama)}", nama, jenis, u, "rumah_sakit", f"Kepala {nama}", "pengawas", bobot)
        u.atribut["kelas_rs"] = rs.kelas
        self.rsud.append(u)

    def build_rsud_lain(self) -> Iterator[None]:
        for rs in self.p.rsud[1:]:
            self.build_rsud(self.pd_unit[self.p.dinkes.kode], rs)
            yield

    def build_pd(self) -> Iterator[None]:
        """Grow the Perangkat Daerah breadth first: every PD exists before any gets its full structure."""
        p = self.p
        for pd in p.lainnya:
            u = self.perangkat_daerah(pd, sekretariat=False)
            self.bidang(u, _SEKTOR_PD[pd.sektor][0][0], u.sektor)
            yield
        semua = p.semua_pd()
        for pd in semua:
            u = self.pd_unit[pd.kode]
            if not any(a.jenis == "sekretariat" for a in u.anak):
                self.sekretariat(u, pd.nama)
                yield
        sisa = {pd.kode: [b for b in _SEKTOR_PD[pd.sektor][0] if b not in _nama_bidang(self.pd_bidang.get(pd.kode, []))]
                for pd in semua}
        while any(sisa.values()):
            for pd in semua:
                if sisa[pd.kode]:
                    u = self.pd_unit[pd.kode]
                    self.bidang(u, sisa[pd.kode].pop(0), u.sektor)
                    yield
        for pd in semua:
            u = self.pd_unit[pd.kode]
            sudah = {a.nama for a in u.anak if a.jenis == "uptd"}
            for nama in _SEKTOR_PD[pd.sektor][1]:
                if self.p.nama_uptd.format(nama=nama) not in sudah:
                    self.uptd(u, nama)
                    yield

    def build_kecamatan(self) -> Iterator[None]:
        for i, (nama, kelurahan) in enumerate(self.p.kecamatan):
            kec = self.unit(f"kec-{_slug(nama)}", f"Kecamatan {nama}", "kecamatan", None, "pemerintahan",
                            f"Camat {nama}", "administrator")
            self.kecamatan.append(kec)
            self.kelurahan_per_kec[kec.kode] = list(kelurahan) or [nama]
            seksi = ("Pemerintahan", "Ketenteraman dan Ketertiban Umum", "Pemberdayaan Masyarakat", "Pelayanan Umum",
                     "Kesejahteraan Sosial")
            for s in seksi[:1] if i == 0 else seksi[:3]:
                self.unit(_slug(s), f"Seksi {s}", "seksi", kec, "pemerintahan", f"Kepala Seksi {s}", "pengawas")
            yield
            if i == 0:
                for s in seksi[1:3]:
                    self.unit(_slug(s), f"Seksi {s}", "seksi", kec, "pemerintahan", f"Kepala Seksi {s}", "pengawas")
                yield

    def build_kelurahan(self) -> Iterator[None]:
        """Real kelurahan first, then more from the region's village names, round the kecamatan."""
        dibuat: dict[str, int] = {}
        nama_dipakai: set[str] = set()
        batas = 12
        desa = list(self.p.desa)
        while True:
            tambah = False
            for kec in list(self.kecamatan):
                n = dibuat.get(kec.kode, 0)
                daftar = self.kelurahan_per_kec[kec.kode]
                if n >= batas:
                    continue
                if n < len(daftar):
                    nama = daftar[n]
                else:
                    nama = next((d for d in desa if d not in nama_dipakai), "")
                    if not nama:
                        continue
                    daftar.append(nama)
                nama_dipakai.add(nama)
                dibuat[kec.kode] = n + 1
                self.unit(f"kel-{_slug(nama)}", f"Kelurahan {nama}", "kelurahan", kec, "pemerintahan",
                          f"Lurah {nama}", "pengawas")
                tambah = True
                yield
            if not tambah:
                return

    def build_puskesmas(self) -> Iterator[None]:
        nama_list = list(self.p.puskesmas)
        if not nama_list:
            for nama, _ in self.p.kecamatan:
                nama_list.append(nama)
            for nama, _ in self.p.kecamatan[:len(self.p.kecamatan) // 2]:
                nama_list.append(f"{nama} II")
        dinkes = self.pd_unit[self.p.dinkes.kode]
        for i, nama in enumerate(nama_list):
            nama_u = self.p.nama_puskesmas.format(nama=nama)
            u = self.unit(f"pkm-{_slug(nama)}", nama_u, "puskesmas", dinkes, "faskes", "", "fungsional")
            if i == 0:
                jf, jenjang = "Dokter", "ahli_muda"
            else:
                jf = self.rng.choice(("Dokter", "Dokter", "Dokter", "Dokter Gigi", "Administrator Kesehatan", "Perawat"))
                jenjang = _pilih_bobot(self.rng, (("ahli_muda", 55), ("ahli_pertama", 25), ("ahli_madya", 20)))
            u.jf_kepala, u.jenjang_kepala = jf, jenjang
            u.jabatan_kepala = f"{jf} {LABEL_JENJANG[jenjang]} dengan tugas tambahan Kepala {nama_u}"
            self.puskesmas.append(u)
            yield

    def build_sekolah(self, tingkat: str) -> Iterator[None]:
        disdik = self.pd_unit[self.p.disdik.kode]
        nomor: dict[str, int] = {}
        i = 0
        while True:
            kec = self.kecamatan[i % len(self.kecamatan)] if self.kecamatan else None
            nama_kec = kec.nama.removeprefix("Kecamatan ") if kec else self.p.kota
            kel_list = self.kelurahan_per_kec.get(kec.kode, [nama_kec]) if kec else [nama_kec]
            kel = kel_list[(i // max(1, len(self.kecamatan))) % len(kel_list)]
            fmt = self.p.nama_sd if tingkat == "sd" else self.p.nama_smp
            kunci = "kota" if "{kec}" not in fmt and "{kel}" not in fmt else (kel if "{kel}" in fmt else nama_kec)
            nomor[kunci] = nomor.get(kunci, 0) + 1
            nama = fmt.format(n=nomor[kunci], kec=nama_kec, kel=kel, kota=self.p.kota)
            bobot = _BOBOT_SMP if tingkat == "smp" else None
            pendek = nama.removeprefix("UPT Satuan Pendidikan ").removeprefix("UPT ")
            u = self.unit(_slug(pendek), nama, "satuan_pendidikan", disdik, "sekolah",
                          "", "fungsional", bobot)
            if tingkat == "sd":
                jenjang = _pilih_bobot(self.rng, (("ahli_muda", 60), ("ahli_pertama", 25), ("ahli_madya", 15)))
                self.sd.append(u)
            else:
                bobot_j = (("ahli_muda", 50), ("ahli_madya", 40), ("ahli_pertama", 10))
                jenjang = "ahli_muda" if not self.smp else _pilih_bobot(self.rng, bobot_j)
                self.smp.append(u)
            u.jf_kepala, u.jenjang_kepala = "Guru", jenjang
            u.jabatan_kepala = f"Guru {LABEL_JENJANG[jenjang]} dengan tugas tambahan Kepala {nama}"
            i += 1
            yield

    def tumbuh(self, target: int) -> None:
        gens = self.build_inti()
        if hasattr(self, "_sisa_subbagian"):
            b, subs = self._sisa_subbagian

            def sisa() -> Iterator[None]:
                for sub in subs:
                    self.unit(_slug(f"{b.nama} {sub}"), f"Subbagian {sub}", "subbagian", b, "setda",
                              f"Kepala Subbagian {sub}", "pengawas")
                    yield

            gens.insert(4, sisa())
        while len(self.units) < target and gens:
            hidup = []
            for g in gens:
                if len(self.units) >= target:
                    hidup.append(g)
                    continue
                try:
                    next(g)
                    hidup.append(g)
                except StopIteration:
                    pass
            gens = hidup

    # people -------------------------------------------------------------------------

    def nama(self, pria: bool) -> str:
        r = self.rng.random()
        for fn, bobot in self.pola_nama:
            if r < bobot:
                return fn(self.rng, pria)
            r -= bobot
        return self.pola_nama[-1][0](self.rng, pria)

    def nip(self, umur: int, pppk: bool, pria: bool) -> str:
        rng = self.rng
        lahir = TAHUN_ACUAN - umur
        tgl = f"{lahir:04d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
        if pppk:
            tmt = f"{rng.choice((2021, 2022, 2023, 2024))}{rng.choice(('01', '03', '04', '09', '12')):s}"
        else:
            tahun = min(TAHUN_ACUAN - 1, lahir + rng.randint(22, max(22, min(umur - 1, 35))))
            tmt = f"{tahun:04d}{rng.choice(('01', '01', '03', '04', '12')):s}"
        awal = f"{tgl}{tmt}{1 if pria else 2}"
        nomor = rng.randint(1, 600)
        nip = f"{awal}{nomor:03d}"
        while nip in self.nip_dipakai:
            nomor = nomor % 999 + 1
            nip = f"{awal}{nomor:03d}"
        self.nip_dipakai.add(nip)
        return nip

    def pegawai(self, u: _Unit, *, jabatan: str, jenis_jabatan: str, jenjang: str | None, kepala: bool,
                pppk: bool = False, jf: str | None = None) -> dict[str, Any]:
        rng = self.rng
        pria = jf != "Bidan" and rng.random() < (0.4 if u.sektor in ("faskes", "rumah_sakit", "sekolah") else 0.58)
        umur = _umur(rng, jenis_jabatan, jenjang, pppk)
        nama = self.nama(pria)
        if jf is not None:
            keahlian, _, g_ahli, g_terampil, kompetensi = _JF[jf]
            templ = g_ahli if jenjang in JENJANG_KEAHLIAN else g_terampil
            nama = rng.choice(templ).format(n=nama)
            if jenjang in ("ahli_madya", "ahli_utama") and ", M." not in nama and rng.random() < 0.6:
                nama += rng.choice((", M.Si.", ", M.M.", ", M.Pd.", ", M.Kes.")) if "," in nama else ""
        elif jenis_jabatan == "pelaksana":
            nama = rng.choice(_GELAR_PELAKSANA).format(n=nama)
        else:
            gelar = _GELAR_PEJABAT[_SEKTOR_GELAR.get(u.sektor, "umum")]
            if u.nama.startswith("Bagian Hukum") or "Subbagian Hukum" in u.nama:
                gelar = _GELAR_PEJABAT["hukum"]
            if jenis_jabatan == "pengawas" and rng.random() < 0.5:
                nama = rng.choice(("{n}, S.Sos.", "{n}, S.E.", "{n}, S.H.", "{n}, S.Kom.", "{n}, S.STP.")).format(n=nama)
            else:
                nama = rng.choice(gelar).format(n=nama)
        row: dict[str, Any] = {
            "nip": self.nip(umur, pppk, pria),
            "nama": nama,
            "status": "pppk" if pppk else "pns",
            "jabatan": jabatan,
            "jenis_jabatan": jenis_jabatan,
        }
        if jenjang:
            row["jenjang"] = jenjang
        nama_depan = "".join(c for c in nama.split(",")[0].split()[-1].lower() if c.isalpha()) or "pegawai"
        row["email"] = f"{nama_depan}.{row['nip'][-4:]}@{self.kode_instansi}.go.id"
        row["unit"] = u.kode
        row["kepala_unit"] = kepala
        if jf is not None and jenjang:
            kompetensi = _JF[jf][4]
            tingkat = _TINGKAT[jenjang]
            pilihan = kompetensi[: 1 + (len(kompetensi) > 1 and rng.random() < 0.5)]
            row["kompetensi"] = [{"nama": k, "tingkat": tingkat} for k in pilihan]
        elif jenis_jabatan == "pelaksana" and rng.random() < 0.4:
            row["kompetensi"] = [{"nama": _PELAKSANA_KOMPETENSI.get(jabatan, "Administrasi Perkantoran"), "tingkat": "dasar"}]
        elif kepala and jenis_jabatan in ("jpt_pratama", "administrator"):
            row["kompetensi"] = [{"nama": "Kepemimpinan", "tingkat": "ahli" if jenis_jabatan == "jpt_pratama" else "lanjut"}]
        return row

    def staf_jf(self, u: _Unit, jf: str, jenjang: str | None, pppk: bool) -> dict[str, Any]:
        keahlian, keterampilan, *_ = _JF[jf]
        if jenjang is None:
            if keahlian and (not keterampilan or self.rng.random() < 0.6):
                jenjang = _pilih_bobot(self.rng, _BOBOT_KEAHLIAN)
            else:
                jenjang = _pilih_bobot(self.rng, _BOBOT_KETERAMPILAN)
            if jenjang == "ahli_utama" and (pppk or jf not in _JF_AHLI_UTAMA):
                jenjang = "ahli_madya"
            if u.sektor == "pemerintahan" and jenjang in ("ahli_utama", "ahli_madya"):
                # Kecamatan and Kelurahan are headed by administrator/pengawas: no JF above Ahli Muda.
                jenjang = "ahli_muda"
        return self.pegawai(u, jabatan=f"{jf} {LABEL_JENJANG[jenjang]}", jenis_jabatan="fungsional",
                            jenjang=jenjang, kepala=False, pppk=pppk, jf=jf)

    def isi(self) -> list[dict[str, Any]]:
        rng = self.rng
        n_units = len(self.units)
        wajib = sum(len(u.wajib) for u in self.units)
        sisa = self.jumlah - n_units - wajib
        if sisa < 0:
            raise ValueError(f"jumlah pegawai terlalu kecil: paling sedikit {n_units + wajib} untuk profil {self.nama_profil}")
        total = sum(u.bobot for u in self.units)
        kuota = [u.bobot * sisa / total for u in self.units]
        jatah = [int(k) for k in kuota]
        kurang = sisa - sum(jatah)
        urut = sorted(range(n_units), key=lambda i: (-(kuota[i] - jatah[i]), i))
        for i in urut[:kurang]:
            jatah[i] += 1
        staf_total = self.jumlah - n_units
        p_pppk = min(0.5, 0.15 * self.jumlah / max(1, staf_total))
        for u, n in zip(self.units, jatah, strict=True):
            if u.jenis_kepala == "fungsional":
                assert u.jf_kepala and u.jenjang_kepala
                kepala = self.pegawai(u, jabatan=u.jabatan_kepala, jenis_jabatan="fungsional", jenjang=u.jenjang_kepala,
                                      kepala=True, jf=u.jf_kepala)
            else:
                kepala = self.pegawai(u, jabatan=u.jabatan_kepala, jenis_jabatan=u.jenis_kepala, jenjang=None, kepala=True)
            u.kepala_nip = kepala["nip"]
            u.staf = [kepala]
            for jf, jenjang in u.wajib:
                if jf is None:
                    u.staf.append(self.pegawai(u, jabatan="Pengadministrasi Perkantoran", jenis_jabatan="pelaksana",
                                               jenjang=None, kepala=False))
                else:
                    u.staf.append(self.staf_jf(u, jf, jenjang, pppk=False))
            jf_pool = _JF_SEKTOR.get(u.sektor, _JF_SEKTOR["umum"])
            if u.sektor not in ("sekolah", "faskes", "rumah_sakit", "pengawasan"):
                jf_pool = jf_pool + _JF_SEKTOR["umum"][:3]
            pel_pool = _PELAKSANA[u.sektor if u.sektor in _PELAKSANA else ("faskes" if u.sektor == "rumah_sakit" else "umum")]
            p_jf = _JF_PROPORSI.get(u.sektor, 0.5)
            for _ in range(n):
                pppk = rng.random() < p_pppk
                if rng.random() < p_jf:
                    u.staf.append(self.staf_jf(u, rng.choice(jf_pool), None, pppk))
                else:
                    jab = rng.choice(pel_pool)
                    u.staf.append(self.pegawai(u, jabatan=jab, jenis_jabatan="pelaksana", jenjang=None, kepala=False, pppk=pppk))
        self.lengkapi_jenjang()
        rows = [row for u in self._urutan() for row in u.staf]
        for row in rows:
            row["pangkat_golongan"] = pangkat_demo(row)
        return rows

    def lengkapi_jenjang(self) -> None:
        """From 500 pegawai on, every jenjang appears: promote a few staff JF where none holds it."""
        if self.jumlah < 500:
            return
        jumlah: dict[str, int] = {}
        for u in self.units:
            for row in u.staf:
                if row.get("jenjang"):
                    jumlah[row["jenjang"]] = jumlah.get(row["jenjang"], 0) + 1
        for jenjang in JENJANG:
            if jumlah.get(jenjang):
                continue
            keahlian = jenjang in JENJANG_KEAHLIAN
            for u in self.units:
                calon = [
                    row for row in u.staf[1:]
                    if row["jenis_jabatan"] == "fungsional" and row["status"] == "pns"
                    and (row["jenjang"] in JENJANG_KEAHLIAN) == keahlian and jumlah[row["jenjang"]] > 1
                    and (jenjang != "ahli_utama" or _judul_jf(row["jabatan"]) in _JF_AHLI_UTAMA)
                    and (u.sektor != "pemerintahan" or jenjang not in ("ahli_utama", "ahli_madya"))
                ]
                if calon:
                    row = calon[-1]
                    jumlah[row["jenjang"]] -= 1
                    jumlah[jenjang] = 1
                    jf = _judul_jf(row["jabatan"])
                    row["jenjang"] = jenjang
                    row["jabatan"] = f"{jf} {LABEL_JENJANG[jenjang]}"
                    for k in row.get("kompetensi", []):
                        k["tingkat"] = _TINGKAT[jenjang]
                    break

    def _urutan(self) -> Iterator[_Unit]:
        stack = list(reversed(self.akar))
        while stack:
            u = stack.pop()
            yield u
            stack.extend(reversed(u.anak))

    # roles and delegations ---------------------------------------------------------------

    def delegasi(self) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        p = self.p
        # 1. Kepala Dinas delegates rating the UPTD's JF who outrank its head to his Sekretaris.
        dx = self.pd_unit[p.dinas_uptd.kode]
        sekr = next((a for a in dx.anak if a.jenis == "sekretariat"), None)
        nips = [row["nip"] for a in dx.anak if a.jenis == "uptd" for row in a.staf[1:]
                if row.get("jenjang") in ("ahli_muda",)]
        if sekr is not None and nips:
            out.append({"dari": dx.kepala_nip, "kepada": sekr.kepala_nip, "wewenang": "penilaian_kinerja", "pegawai": nips})
        # 2. Kepala Dinas Pendidikan delegates rating the SMP heads to the Kepala Bidang Pembinaan SMP.
        disdik = self.pd_unit[p.disdik.kode]
        bid = self.pd_bidang[disdik.kode][0]
        nips = [s.kepala_nip for s in self.smp if s.jenjang_kepala in ("ahli_muda", "ahli_pertama")]
        if nips:
            out.append({"dari": disdik.kepala_nip, "kepada": bid.kepala_nip, "wewenang": "penilaian_kinerja", "pegawai": nips})
        # 3. Kepala Dinas Kesehatan delegates rating the Puskesmas heads to the Kepala Bidang Pelayanan Kesehatan.
        dinkes = self.pd_unit[p.dinkes.kode]
        bid = self.pd_bidang[dinkes.kode][0]
        nips = [s.kepala_nip for s in self.puskesmas if s.jenjang_kepala in ("ahli_muda", "ahli_pertama")]
        if nips:
            out.append({"dari": dinkes.kepala_nip, "kepada": bid.kepala_nip, "wewenang": "penilaian_kinerja", "pegawai": nips})
        return out

    def akun_demo(self) -> list[dict[str, Any]]:
        p = self.p
        dipakai: set[str] = set()

        def ambil(rows: Iterator[dict[str, Any]]) -> str:
            for row in rows:
                if row["nip"] not in dipakai:
                    dipakai.add(row["nip"])
                    return str(row["nip"])
            return ""

        def dalam(u: _Unit) -> Iterator[_Unit]:
            stack = [u]
            while stack:
                x = stack.pop()
                yield x
                stack.extend(x.anak)

        dinkes = self.pd_unit[p.dinkes.kode]
        bidang = self.pd_bidang[dinkes.kode][0]
        bkpsdm = self.pd_unit[p.bkpsdm.kode]
        semua = [row for u in self.units for row in u.staf]
        akun: list[dict[str, Any]] = [
            {"peran": "Pejabat yang Berwenang (Sekda)", "nip": ambil(iter([self.setda.staf[0]]))},
            {"peran": "Kepala Dinas", "nip": ambil(iter([dinkes.staf[0]]))},
            {"peran": "Kepala Bidang (PPK)", "nip": ambil(iter([bidang.staf[0]]))},
            {"peran": "Pejabat Fungsional", "nip": ambil(
                row for rows in ([r for u in dalam(bidang) for r in u.staf], semua) for row in rows
                if row["jenis_jabatan"] == "fungsional" and not row["kepala_unit"] and row["status"] == "pns")},
            {"peran": "Pengawas koordinator", "nip": ambil(
                row for rows in ([r for u in dalam(dinkes) for r in u.staf], semua) for row in rows
                if row["jenis_jabatan"] == "pengawas")},
            {"peran": "BKPSDM", "nip": ambil(
                row for u in dalam(bkpsdm) for row in u.staf if row["jabatan"].startswith("Analis Sumber Daya")), "bkpsdm": True},
            {"peran": "Admin instansi", "nip": ambil(
                row for rows in (
                    [r for u in dalam(bkpsdm) for r in u.staf if r["jabatan"].startswith("Pranata Komputer")],
                    [r for u in dalam(bkpsdm) for r in u.staf],
                ) for row in rows), "admin_instansi": True},
            {"peran": "Inspektorat", "nip": ambil(
                row for rows in (
                    [r for u in dalam(self.inspektorat) for r in u.staf if r["jabatan"].startswith("Auditor")] if self.inspektorat else [],
                    [r for u in dalam(self.inspektorat) for r in u.staf] if self.inspektorat else [],
                ) for row in rows), "inspektorat": True},
        ]
        # The Sekda first so he is never taken by another role; listed in the customary order.
        urutan = ["Kepala Dinas", "Kepala Bidang (PPK)", "Pejabat Fungsional", "Pengawas koordinator", "BKPSDM",
                  "Admin instansi", "Inspektorat", "Pejabat yang Berwenang (Sekda)"]
        return sorted((a for a in akun if a["nip"]), key=lambda a: urutan.index(str(a["peran"])))

    def bangun(self) -> dict[str, Any]:
        target = max(0, min(self.jumlah // 2, round(self.jumlah / 16.5) + 60))
        self.tumbuh(target)
        pegawai = self.isi()
        for u in self.units:
            if u.jenis == "uptd":  # Tipe A has sub-units (Permendagri 12/2017), Tipe B none
                u.atribut["tipe_uptd"] = "A" if u.anak else "B"
        unit_rows = [
            {"kode": u.kode, "nama": u.nama, "jenis": u.jenis, "induk": u.induk.kode if u.induk else None,
             **({"atribut": dict(u.atribut)} if u.atribut else {})}
            for u in self._urutan()
        ]
        return {
            "instansi": {"kode": self.kode_instansi, "nama": self.p.nama_instansi, "profil": self.nama_profil},
            "unit": unit_rows,
            "pegawai": pegawai,
            "delegasi": [{**d, "nomor_sk": f"800.1.3/{i}/SK/{TAHUN_ACUAN}", "tanggal_sk": f"{TAHUN_ACUAN}-01-02",
                          "berlaku_mulai": f"{TAHUN_ACUAN}-01-02"} for i, d in enumerate(self.delegasi(), start=1)],
            "akun_demo": self.akun_demo(),
            "pyb": self.setda.kepala_nip,
        }


_SUBBAGIAN: dict[str, tuple[str, ...]] = {
    "Pemerintahan": ("Administrasi Pemerintahan", "Otonomi Daerah", "Kerja Sama"),
    "Tata Pemerintahan": ("Administrasi Pemerintahan", "Otonomi Daerah", "Kerja Sama"),
    "Kesejahteraan Rakyat": ("Bina Mental Spiritual", "Kesejahteraan Sosial"),
    "Pemerintahan dan Kesejahteraan Rakyat": ("Administrasi Pemerintahan", "Kesejahteraan Sosial"),
    "Hukum": ("Perundang-undangan", "Bantuan Hukum", "Dokumentasi dan Informasi Hukum"),
    "Perekonomian dan Sumber Daya Alam": ("Perekonomian", "Sumber Daya Alam"),
    "Perekonomian": ("Perekonomian", "Sumber Daya Alam"),
    "Perekonomian dan Administrasi Pembangunan": ("Perekonomian", "Administrasi Pembangunan"),
    "Administrasi Pembangunan": ("Penyusunan Program", "Pengendalian Pembangunan"),
    "Pengadaan Barang dan Jasa": ("Pengelolaan Pengadaan", "Pembinaan dan Advokasi"),
    "Pengadaan Barang/Jasa": ("Pengelolaan Pengadaan", "Pembinaan dan Advokasi"),
    "Organisasi": ("Kelembagaan dan Analisis Jabatan", "Reformasi Birokrasi dan Akuntabilitas Kinerja"),
    "Umum": ("Tata Usaha Pimpinan", "Rumah Tangga"),
    "Protokol dan Komunikasi Pimpinan": ("Protokol", "Komunikasi Pimpinan"),
    "Perencanaan dan Keuangan": ("Perencanaan", "Keuangan"),
    "Umum dan Keuangan": ("Tata Usaha dan Kepegawaian", "Keuangan"),
    "Persidangan dan Perundang-undangan": ("Persidangan", "Perundang-undangan"),
    "Fasilitasi Penganggaran dan Pengawasan": ("Fasilitasi Penganggaran", "Fasilitasi Pengawasan"),
}


def _nama_bidang(units: list[_Unit]) -> set[str]:
    return {u.nama.removeprefix("Bidang ") for u in units}


def _judul_jf(jabatan: str) -> str:
    """'Dokter Ahli Muda' -> 'Dokter'; 'Perawat Mahir' -> 'Perawat'."""
    return jabatan.rsplit(" ", 2 if " Ahli " in jabatan else 1)[0]


def _sub_bidang(nama_bidang: str) -> tuple[str, str]:
    """Two seksi/subbidang names for an unsimplified bidang."""
    pendek = nama_bidang.split(",")[0]
    if len(pendek.split()) > 4:
        pendek = pendek.split(" dan ")[0]
    return (f"Perencanaan dan Pengembangan {pendek}", f"Pelaksanaan dan Evaluasi {pendek}")


def _slug(text: str) -> str:
    out = []
    for w in text.lower().replace("/", " ").replace(",", " ").replace("-", " ").split():
        if w in ("dan", "dengan", "bagian", "subbagian", "bidang", "seksi", "di", "pada"):
            continue
        out.append("".join(c for c in w if c.isalnum()))
    return "-".join(x for x in out if x)[:40] or "unit"


def _pilih_bobot(rng: random.Random, pilihan: tuple[tuple[str, float], ...]) -> str:
    total = sum(b for _, b in pilihan)
    r = rng.random() * total
    for nilai, b in pilihan:
        if r < b:
            return nilai
        r -= b
    return pilihan[-1][0]


_UMUR = {
    "jpt_pratama": (45, 58), "administrator": (38, 56), "pengawas": (30, 55), "pelaksana": (20, 57),
    "ahli_utama": (50, 60), "ahli_madya": (40, 58), "ahli_muda": (32, 56), "ahli_pertama": (23, 45),
    "penyelia": (38, 57), "mahir": (28, 55), "terampil": (22, 45), "pemula": (20, 32),
}


def _umur(rng: random.Random, jenis_jabatan: str, jenjang: str | None, pppk: bool) -> int:
    lo, hi = _UMUR[jenjang or jenis_jabatan]
    if pppk:
        lo, hi = max(lo, 24), max(max(lo, 24) + 1, min(hi, 50))
    return rng.randint(lo, hi)


def buat_data_demo(profil: str, jumlah_pegawai: int, *, seed: int = 1, kode: str | None = None) -> dict[str, Any]:
    """A realistic instansi of exactly ``jumlah_pegawai`` pegawai for the regulation ``profil``.

    Returns the import mapping (``instansi``, ``unit``, ``pegawai``, ``delegasi``) plus
    ``akun_demo`` (suggested logins: ``peran``, ``nip`` and role flags) and ``pyb`` (the
    Sekretaris Daerah's NIP). The same ``seed`` always gives the same instansi.
    """
    if not profil or not profil.replace("_", "").replace("-", "").isalnum():
        raise ValueError(f"kode profil '{profil}' tidak sah")
    if jumlah_pegawai < JUMLAH_MINIMUM:
        raise ValueError(f"jumlah pegawai paling sedikit {JUMLAH_MINIMUM}")
    return _Pembangun(profil, jumlah_pegawai, seed, kode).bangun()


__all__ = ["buat_data_demo", "jenis_unit_profil"]
