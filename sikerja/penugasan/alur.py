"""The five assignment paths as explicit state machines (SPEC §4).

Each path is a table: for every waiting state, the role that must act
(resolved from kedudukan and ``Instansi.pyb`` when the path starts), where
approval leads, where a return for correction leads (the previous actor),
whether refusal is allowed, and what approval produces (``hasil``: the name
of an effect in ``services``, which issues the letters, notifications and
the audit entry). Nothing else in the app compares status strings.

Sources (the Pasuruan text is the fullest; Karangasem and Pekanbaru say the same, and
SPEC §4 adopts this common form). Where a regulation routes a path differently, its
profile (``kedudukan/profil/<kode>.yaml``, key ``penugasan``) names a *varian* below
(:data:`VARIAN`), an explicit table of its own: Perwal Magelang 25/2023 Lampiran II
addresses a lintas-PD request to the *Pimpinan Perangkat Daerah* dituju, whose approval
lets the pegawai's PPK issue the surat penugasan, and has the PPK take oral volunteering;
Perwal Blitar 6/2023 Pasal 24 ayat (2) addresses it to the *pimpinan unit organisasi*.
- penunjukan dalam unit: Perbup Pasuruan 217/2023 Lampiran II.B.2.a.1; Perbup Karangasem 15/2023 Pasal 14(2).
- penunjukan lintas unit: Pasuruan Lampiran II.B.2.a.2; Karangasem Pasal 14(3).
- penunjukan lintas instansi: Pasuruan Lampiran II.B.2.a.3; Karangasem Pasal 14(4).
- rekomendasi PUO before the PPK assigns: Pasuruan Lampiran II.B.2.a.2 huruf c (lintas unit) and
  II.B.2.a.3 huruf d (lintas instansi) — "dengan rekomendasi dari Pimpinan Unit Organisasi". When the
  PPK is himself the PUO of every chosen pegawai the recommendation is his own and the step is skipped.
- pengajuan sukarela dalam unit: Pasuruan Lampiran II.B.2.b.1; Karangasem Pasal 15(2).
- pengajuan sukarela lintas unit: Pasuruan Lampiran II.B.2.b.2; Karangasem Pasal 15(3).
- isi surat permohonan pelibatan: Pasuruan Lampiran II.B.2.a; Karangasem Pasal 14(5); Blitar Pasal 24(3).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from sikerja.alur_kerja.tabel import TETAP, Keputusan, KeputusanUmum, TabelStatus
from sikerja.alur_kerja.tabel import Langkah as LangkahKerja

JALUR = {
    "dalam_unit": "Penunjukan dalam unit organisasi",
    "lintas_unit": "Penunjukan lintas unit organisasi",
    "lintas_instansi": "Penunjukan lintas instansi",
    "sukarela_dalam_unit": "Pengajuan sukarela dalam unit organisasi",
    "sukarela_lintas_unit": "Pengajuan sukarela lintas unit organisasi",
}

STATUS = {
    "menunggu_ppk_tujuan": "Menunggu jawaban PPK dituju",
    "menunggu_pyb_pemohon": "Menunggu persetujuan PyB instansi pemohon",
    "menunggu_pyb_tujuan": "Menunggu persetujuan PyB instansi dituju",
    "menunggu_ketersediaan": "Menunggu jawaban ketersediaan PPK dituju",
    "menunggu_pyb_tujuan_jawaban": "Menunggu persetujuan PyB dituju atas surat jawaban",
    "menunggu_surat_penugasan": "Menunggu surat penugasan dari PPK dituju",
    "menunggu_rekomendasi_puo": "Menunggu rekomendasi pimpinan unit organisasi pegawai",
    "menunggu_penerbitan": "Direkomendasikan; menunggu surat dari PPK dituju",
    "menunggu_puo": "Menunggu persetujuan pimpinan unit organisasi",
    "menunggu_puo_tujuan": "Menunggu persetujuan pimpinan unit organisasi dituju",
    "menunggu_diteruskan": "Disetujui unit dituju; menunggu diteruskan ke PPK",
    "menunggu_ppk_pegawai": "Disetujui; menunggu surat penugasan dari PPK pegawai",
    "menunggu_diketahui_ppk": "Menunggu diketahui PPK pemohon",
    "menunggu_pimpinan_pd": "Menunggu persetujuan Pimpinan Perangkat Daerah pemohon",
    "menunggu_ppk": "Menunggu persetujuan PPK",
    "menunggu_penetapan_ppk": "Diusulkan pimpinan unit; menunggu penetapan PPK pegawai",
    "menunggu_kepala_daerah": "Menunggu pertimbangan dan Keputusan Kepala Daerah",
    "menunggu_kepala_daerah_tujuan": "Menunggu pertimbangan Kepala Daerah instansi dituju",
    "dikembalikan": "Dikembalikan untuk perbaikan",
    "ditolak": "Ditolak",
    "ditugaskan": "Ditugaskan",
    "dicabut": "Dicabut (suratnya dicabut)",
}

AKSI = {
    "setujui": "Setujui",
    "tolak": "Tolak",
    "kembalikan": "Kembalikan untuk perbaikan",
    "ajukan_ulang": "Ajukan ulang",
    "buat": "Dibuat",
    "cabut_surat": "Surat dicabut",
    "koreksi_surat": "Surat dikoreksi",
}

PERAN = {
    "pemohon": "Pemohon",
    "ppk_pemohon": "PPK pemohon",
    "puo_pemohon": "Pimpinan unit pemohon",
    "ppk_tujuan": "PPK dituju",
    "puo_tujuan": "Pimpinan unit dituju / pemberi rekomendasi",
    "pyb_pemohon": "PyB instansi pemohon",
    "pyb_tujuan": "PyB instansi dituju",
    "ppk_pegawai": "PPK pegawai yang ditugaskan",
    "pimpinan_pd_pemohon": "Pimpinan Perangkat Daerah pemohon",
    "kepala_daerah": "Kepala Daerah",
    "kepala_daerah_tujuan": "Kepala Daerah instansi dituju",
}

# How the audit trail names a decision taken in a particular step.
LABEL_AKSI_DARI = {("setujui", "menunggu_rekomendasi_puo"): "Memberi rekomendasi",
                   ("setujui", "menunggu_penetapan_ppk"): "Menetapkan penugasan",
                   ("setujui", "menunggu_kepala_daerah"): "Keputusan Kepala Daerah dicatat",
                   ("setujui", "menunggu_kepala_daerah_tujuan"): "Pertimbangan Kepala Daerah dicatat"}

AKHIR = frozenset({"ditolak", "ditugaskan", "dicabut"})

DITUGASKAN, DICABUT = "ditugaskan", "dicabut"


# Letter kinds of penugasan (registered with sikerja.surat.jenis in apps.py): code -> (title, number code).
JENIS_SURAT = {
    "permohonan_pelibatan": ("Surat Permohonan Pelibatan", "PP"),
    "jawaban": ("Surat Jawaban Permohonan Pelibatan", "JWB"),
    "penugasan": ("Surat Penugasan", "ST"),
    "pengajuan_sukarela": ("Surat Permohonan Pengajuan Sukarela", "PS"),
}
# The letters that start a path (a request) and the one that assigns.
SURAT_PERMOHONAN = frozenset({"permohonan_pelibatan", "pengajuan_sukarela"})
SURAT_TUGAS = "penugasan"
# Lintas instansi: whom the target PPK proposes stays inside the target instansi until its PyB
# approves the answer (Karangasem Pasal 14 ayat (4) huruf e angka 1: the PyB dituju alone writes to
# the requesting instansi) — the approval taken in this step discloses it (issue 10 point 10).
USULAN_TERUNGKAP_SETELAH = "menunggu_pyb_tujuan_jawaban"
# How a state reads on a page (the badge colour), instead of templates comparing status strings.
NADA = {"ditugaskan": "berhasil", "ditolak": "gagal", "dicabut": "gagal", "dikembalikan": "perhatian"}


def cabut_mengakhiri(jenis_surat: str, status: str) -> bool:
    """Whether revoking a letter of this kind ends the assignment in ``status``: the surat
    penugasan of a working assignment (it then leaves the assignees' workload), or the request
    that started a path still under way. Other letters are revoked alone; a correction (koreksi)
    keeps the assignment going under the new letter."""
    if jenis_surat == SURAT_TUGAS:
        return status == DITUGASKAN
    return jenis_surat in SURAT_PERMOHONAN and status not in AKHIR


@dataclass(frozen=True)
class Langkah:
    aktor: str  # a key of PERAN
    setujui_ke: str
    hasil: str  # effect run on approval (services._EFEK)
    label_setujui: str
    kembali_ke: str | None  # "dikembalikan" (to the pemohon, who edits) or an earlier state
    boleh_tolak: bool = True
    pilih_pegawai: bool = False  # approval names the assignees (workload checked)
    pilih_ppk: bool = False  # approval names the PPK instructed (lintas instansi)
    tolak_dengan_surat: bool = True  # refusal answers a written request with a surat jawaban
    lintas: bool = False  # the step's letters cross to the other instansi
    dasar_hukum: str = ""
    # Another state approval may lead to, decided by the effect (documented for the table).
    atau_ke: str | None = None
    # Label of an optional note written with the approval (a recommendation's content).
    catatan: str = ""
    # The role that acts when nobody holds ``aktor`` (e.g. no single PUO: the PPK signs).
    aktor_cadangan: str | None = None
    label_kembali: str = "Kembalikan untuk perbaikan"
    # A return from this step crosses back to the other instansi (its audit entry is seen there).
    kembali_lintas: bool = False


@dataclass(frozen=True)
class Alur:
    jalur: str
    awal: str  # state right after creation
    pembuat: str  # role that creates
    langkah: dict[str, Langkah]
    dasar_hukum: str
    # Who a written request is addressed to, and whose pegawai he may offer:
    # "ppk" (pegawai he rates or leads), "puo" (pegawai he leads), "pimpinan_pd" (his PD).
    kepada: str = "ppk"
    # Role names as this variant's regulation says them (shown on pages and letters).
    label_peran: tuple[tuple[str, str], ...] = ()
    # Whether the request letter goes out when the path starts (False: a first step issues it).
    surat_saat_dibuat: bool = True
    # Further states the path may start in (decided by the creating service).
    awal_lain: tuple[str, ...] = ()


def _rekomendasi(*, kembali_ke: str, dasar_hukum: str) -> Langkah:
    """The PUO where the chosen pegawai sit recommends them (or returns the choice to the PPK with
    a reason); refusing the request stays the PPK's decision. The effect moves on to the next PUO
    in line while several must recommend."""
    return Langkah(
        aktor="puo_tujuan", setujui_ke="menunggu_penerbitan", hasil="rekomendasi_puo",
        label_setujui="Berikan rekomendasi", kembali_ke=kembali_ke, boleh_tolak=False,
        catatan="Catatan rekomendasi (opsional)", dasar_hukum=dasar_hukum, atau_ke="menunggu_rekomendasi_puo",
    )


ALUR: dict[str, Alur] = {
    "dalam_unit": Alur(
        jalur="dalam_unit",
        awal="ditugaskan",
        pembuat="pemohon",
        langkah={},
        dasar_hukum="Perbup Pasuruan 217/2023 Lampiran II.B.2.a.1; Perbup Karangasem 15/2023 Pasal 14 ayat (2)",
    ),
    # "kepada Pejabat Penilai Kinerja dituju dimana Pejabat Fungsional atau pelaksana dimaksud berada"
    # (Karangasem Pasal 14 ayat (3) huruf a–c; Pasuruan Lampiran II.B.2.a.2; Pekanbaru Lampiran A.2):
    # he offers only the pegawai he rates (services.lingkup_pejabat: "dinilai").
    "lintas_unit": Alur(
        jalur="lintas_unit",
        awal="menunggu_ppk_tujuan",
        pembuat="pemohon",
        langkah={
            "menunggu_ppk_tujuan": Langkah(
                aktor="ppk_tujuan", setujui_ke="menunggu_rekomendasi_puo", hasil="pilih_pegawai",
                label_setujui="Setujui dan pilih pegawai", kembali_ke="dikembalikan",
                pilih_pegawai=True, atau_ke="ditugaskan",
                dasar_hukum="Perbup Pasuruan 217/2023 Lampiran II.B.2.a.2 huruf b; "
                            "Perbup Karangasem 15/2023 Pasal 14 ayat (3) huruf b",
            ),
            "menunggu_rekomendasi_puo": _rekomendasi(
                kembali_ke="menunggu_ppk_tujuan", dasar_hukum="Perbup Pasuruan 217/2023 Lampiran II.B.2.a.2 huruf c"),
            "menunggu_penerbitan": Langkah(
                aktor="ppk_tujuan", setujui_ke="ditugaskan", hasil="jawab_dan_tugaskan",
                label_setujui="Terbitkan surat jawaban dan surat penugasan", kembali_ke=None,
                dasar_hukum="Perbup Pasuruan 217/2023 Lampiran II.B.2.a.2 huruf c–d; "
                            "Perbup Karangasem 15/2023 Pasal 14 ayat (3) huruf c–d",
            ),
        },
        dasar_hukum="Perbup Pasuruan 217/2023 Lampiran II.B.2.a.2; Perbup Karangasem 15/2023 Pasal 14 ayat (3)",
    ),
    # The PyB dituju instructs "Pejabat Penilai Kinerja Pejabat Fungsional atau pelaksana"
    # (Karangasem Pasal 14 ayat (4) huruf c–d): the PPK instructed offers only those he rates
    # (services.lingkup_pejabat: "dinilai").
    "lintas_instansi": Alur(
        jalur="lintas_instansi",
        awal="menunggu_pyb_pemohon",
        pembuat="pemohon",
        langkah={
            "menunggu_pyb_pemohon": Langkah(
                aktor="pyb_pemohon", setujui_ke="menunggu_pyb_tujuan", hasil="kirim_ke_pyb_tujuan",
                label_setujui="Setujui dan kirim ke PyB instansi dituju", kembali_ke="dikembalikan", lintas=True,
                dasar_hukum="Perbup Karangasem 15/2023 Pasal 14 ayat (4) huruf b",
            ),
            "menunggu_pyb_tujuan": Langkah(
                aktor="pyb_tujuan", setujui_ke="menunggu_ketersediaan", hasil="instruksikan_ppk",
                label_setujui="Setujui dan instruksikan PPK", kembali_ke="menunggu_pyb_pemohon", pilih_ppk=True,
                lintas=True, kembali_lintas=True,
                dasar_hukum="Perbup Karangasem 15/2023 Pasal 14 ayat (4) huruf c",
            ),
            # The PPK answers his own PyB, who alone writes to the requesting instansi (huruf e
            # angka 1): "not available" goes back to the PyB dituju, who may instruct another PPK
            # or refuse in writing; the PPK does not end the request himself.
            "menunggu_ketersediaan": Langkah(
                aktor="ppk_tujuan", setujui_ke="menunggu_rekomendasi_puo", hasil="pilih_pegawai",
                label_setujui="Pilih pegawai yang tersedia", kembali_ke="menunggu_pyb_tujuan",
                pilih_pegawai=True, atau_ke="menunggu_pyb_tujuan_jawaban", boleh_tolak=False,
                label_kembali="Tidak tersedia — kembalikan kepada PyB",
                dasar_hukum="Perbup Karangasem 15/2023 Pasal 14 ayat (4) huruf d",
            ),
            "menunggu_rekomendasi_puo": _rekomendasi(
                kembali_ke="menunggu_ketersediaan", dasar_hukum="Perbup Pasuruan 217/2023 Lampiran II.B.2.a.3 huruf d"),
            "menunggu_penerbitan": Langkah(
                aktor="ppk_tujuan", setujui_ke="menunggu_pyb_tujuan_jawaban", hasil="jawab_ketersediaan",
                label_setujui="Kirim jawaban ketersediaan dan daftar pegawai", kembali_ke="menunggu_pyb_tujuan",
                boleh_tolak=False, label_kembali="Tidak tersedia — kembalikan kepada PyB",
                dasar_hukum="Perbup Karangasem 15/2023 Pasal 14 ayat (4) huruf e angka 1",
            ),
            "menunggu_pyb_tujuan_jawaban": Langkah(
                aktor="pyb_tujuan", setujui_ke="menunggu_surat_penugasan", hasil="setujui_jawaban",
                label_setujui="Setujui jawaban dan kirim ke PyB pemohon", kembali_ke="menunggu_ketersediaan",
                lintas=True,
                dasar_hukum="Perbup Karangasem 15/2023 Pasal 14 ayat (4) huruf e angka 1",
            ),
            # Huruf e angka 3: the PUO where the pegawai sit gives the surat penugasan (tembusan the
            # PPK); where they sit under several PUO, the PPK assigns them (angka 2 "PPK atau PUO").
            "menunggu_surat_penugasan": Langkah(
                aktor="puo_tujuan", aktor_cadangan="ppk_tujuan", setujui_ke="ditugaskan",
                hasil="tugaskan_lintas_instansi",
                label_setujui="Terbitkan surat penugasan", kembali_ke=None, boleh_tolak=False, lintas=True,
                dasar_hukum="Perbup Karangasem 15/2023 Pasal 14 ayat (4) huruf e angka 2–3",
            ),
        },
        dasar_hukum="Perbup Pasuruan 217/2023 Lampiran II.B.2.a.3; Perbup Karangasem 15/2023 Pasal 14 ayat (4)",
    ),
    "sukarela_dalam_unit": Alur(
        jalur="sukarela_dalam_unit",
        awal="menunggu_puo",
        pembuat="pemohon",
        langkah={
            "menunggu_puo": Langkah(
                aktor="puo_pemohon", setujui_ke="ditugaskan", hasil="tugaskan_sukarela",
                label_setujui="Setujui dan terbitkan surat penugasan", kembali_ke="dikembalikan",
                tolak_dengan_surat=False,  # the request is oral (Pasal 15 ayat (2) huruf a)
                dasar_hukum="Perbup Karangasem 15/2023 Pasal 15 ayat (2) huruf b",
            ),
        },
        dasar_hukum="Perbup Pasuruan 217/2023 Lampiran II.B.2.b.1; Perbup Karangasem 15/2023 Pasal 15 ayat (2)",
    ),
    "sukarela_lintas_unit": Alur(
        jalur="sukarela_lintas_unit",
        awal="menunggu_puo_tujuan",
        pembuat="pemohon",
        kepada="puo",
        langkah={
            "menunggu_puo_tujuan": Langkah(
                aktor="puo_tujuan", setujui_ke="menunggu_diteruskan", hasil="jawab_sukarela",
                label_setujui="Setujui pengajuan", kembali_ke="dikembalikan",
                dasar_hukum="Perbup Karangasem 15/2023 Pasal 15 ayat (3) huruf b",
            ),
            "menunggu_diteruskan": Langkah(
                aktor="pemohon", setujui_ke="menunggu_ppk", hasil="teruskan_ke_ppk",
                label_setujui="Teruskan ke PPK", kembali_ke=None, boleh_tolak=False,
                dasar_hukum="Perbup Karangasem 15/2023 Pasal 15 ayat (3) huruf b",
            ),
            "menunggu_ppk": Langkah(
                aktor="ppk_pemohon", setujui_ke="ditugaskan", hasil="tugaskan_sukarela",
                label_setujui="Setujui dan terbitkan surat penugasan", kembali_ke="dikembalikan",
                tolak_dengan_surat=False,
                dasar_hukum="Perbup Karangasem 15/2023 Pasal 15 ayat (3) huruf c",
            ),
        },
        dasar_hukum="Perbup Pasuruan 217/2023 Lampiran II.B.2.b.2; Perbup Karangasem 15/2023 Pasal 15 ayat (3)",
    ),
}


# Tables a profile may choose instead of the common one, per jalur (profile key ``penugasan``:
# ``{jalur: varian}``). Each is explicit, like the common tables.
VARIAN: dict[str, dict[str, Alur]] = {
    # Perwal Magelang 25/2023 Lampiran II huruf A angka 2: the Pimpinan Perangkat Daerah pemilik
    # kinerja writes to the Pimpinan Perangkat Daerah dituju (tembusan the PPK); if he approves,
    # "dapat diberikan surat penugasan oleh Pejabat Penilai Kinerja" of the pegawai; if he refuses,
    # "harus memberikan surat jawaban dengan alasan".
    "pimpinan_pd": {
        "lintas_unit": Alur(
            jalur="lintas_unit", awal="menunggu_ppk_tujuan", pembuat="pemohon", kepada="pimpinan_pd",
            label_peran=(("ppk_tujuan", "Pimpinan Perangkat Daerah dituju"),
                         ("puo_pemohon", "Pimpinan Perangkat Daerah pemohon")),
            langkah={
                "menunggu_ppk_tujuan": Langkah(
                    aktor="ppk_tujuan", setujui_ke="menunggu_ppk_pegawai", hasil="setujui_pimpinan_pd",
                    label_setujui="Setujui dan pilih pegawai", kembali_ke="dikembalikan", pilih_pegawai=True,
                    atau_ke="ditugaskan",
                    dasar_hukum="Perwal Magelang 25/2023 Lampiran II huruf A angka 2 huruf b",
                ),
                # Pasal 12 ayat (4): each PPK signs the surat penugasan of his own pegawai; with
                # several PPK the step repeats for the next one in line (Penugasan.antrean_ppk).
                "menunggu_ppk_pegawai": Langkah(
                    aktor="ppk_pegawai", aktor_cadangan="ppk_tujuan", setujui_ke="ditugaskan",
                    hasil="tugaskan_oleh_ppk", label_setujui="Terbitkan surat penugasan", kembali_ke=None,
                    boleh_tolak=False, atau_ke="menunggu_ppk_pegawai",
                    dasar_hukum="Perwal Magelang 25/2023 Lampiran II huruf A angka 2 huruf b angka 1 dan huruf c",
                ),
            },
            dasar_hukum="Perwal Magelang 25/2023 Lampiran II huruf A angka 2",
        ),
        # Lampiran II huruf B angka 2: the volunteer's letter, "diketahui oleh Pejabat Penilai
        # Kinerja", goes to the Pimpinan Perangkat Daerah dituju (tembusan the PPK); once approved it
        # goes to his own Pimpinan Perangkat Daerah and PPK; "Apabila Pimpinan Perangkat Daerah dan
        # Pejabat Penilai Kinerja bersangkutan menyetujui", the PPK issues the surat penugasan.
        "sukarela_lintas_unit": Alur(
            jalur="sukarela_lintas_unit", awal="menunggu_diketahui_ppk", pembuat="pemohon", kepada="pimpinan_pd",
            surat_saat_dibuat=False,
            label_peran=(("puo_tujuan", "Pimpinan Perangkat Daerah dituju"),),
            langkah={
                "menunggu_diketahui_ppk": Langkah(
                    aktor="ppk_pemohon", setujui_ke="menunggu_puo_tujuan", hasil="kirim_sukarela",
                    label_setujui="Ketahui dan kirim surat permohonan", kembali_ke="dikembalikan",
                    boleh_tolak=False,
                    dasar_hukum="Perwal Magelang 25/2023 Lampiran II huruf B angka 2 huruf a",
                ),
                "menunggu_puo_tujuan": Langkah(
                    aktor="puo_tujuan", setujui_ke="menunggu_diteruskan", hasil="jawab_sukarela",
                    label_setujui="Setujui pengajuan", kembali_ke="dikembalikan",
                    dasar_hukum="Perwal Magelang 25/2023 Lampiran II huruf B angka 2 huruf b",
                ),
                "menunggu_diteruskan": Langkah(
                    aktor="pemohon", setujui_ke="menunggu_pimpinan_pd", hasil="teruskan_ke_pimpinan_pd",
                    label_setujui="Teruskan ke Pimpinan Perangkat Daerah dan PPK", kembali_ke=None,
                    boleh_tolak=False, atau_ke="menunggu_ppk",
                    dasar_hukum="Perwal Magelang 25/2023 Lampiran II huruf B angka 2 huruf b",
                ),
                "menunggu_pimpinan_pd": Langkah(
                    aktor="pimpinan_pd_pemohon", setujui_ke="menunggu_ppk", hasil="tanpa_surat",
                    label_setujui="Setujui", kembali_ke="dikembalikan", tolak_dengan_surat=False,
                    dasar_hukum="Perwal Magelang 25/2023 Lampiran II huruf B angka 2 huruf c",
                ),
                "menunggu_ppk": Langkah(
                    aktor="ppk_pemohon", setujui_ke="ditugaskan", hasil="tugaskan_sukarela",
                    label_setujui="Setujui dan terbitkan surat penugasan", kembali_ke="dikembalikan",
                    tolak_dengan_surat=False,
                    dasar_hukum="Perwal Magelang 25/2023 Lampiran II huruf B angka 2 huruf c",
                ),
            },
            dasar_hukum="Perwal Magelang 25/2023 Lampiran II huruf B angka 2",
        ),
    },
    # Perwal Magelang 25/2023 Lampiran II huruf B angka 1: the wish is told orally "kepada Pejabat
    # Penilai Kinerja"; "Apabila Pejabat Penilai Kinerja menyetujui, maka Pejabat Penilai Kinerja
    # menugaskan".
    "ppk": {
        "sukarela_dalam_unit": Alur(
            jalur="sukarela_dalam_unit", awal="menunggu_ppk", pembuat="pemohon",
            langkah={
                "menunggu_ppk": Langkah(
                    aktor="ppk_pemohon", setujui_ke="ditugaskan", hasil="tugaskan_sukarela",
                    label_setujui="Setujui dan terbitkan surat penugasan", kembali_ke="dikembalikan",
                    tolak_dengan_surat=False,
                    dasar_hukum="Perwal Magelang 25/2023 Lampiran II huruf B angka 1 huruf a dan huruf b",
                ),
            },
            dasar_hukum="Perwal Magelang 25/2023 Lampiran II huruf B angka 1",
        ),
    },
    # Perwal Blitar 6/2023 Pasal 24 ayat (2): "Penunjukan ... dilakukan melalui mekanisme pengajuan
    # permohonan kepada pimpinan unit organisasi" — the PUO who leads the pegawai decides and assigns
    # them himself (his own recommendation), with the letter contents of ayat (3).
    "puo": {
        "lintas_unit": Alur(
            jalur="lintas_unit", awal="menunggu_ppk_tujuan", pembuat="pemohon", kepada="puo",
            label_peran=(("ppk_tujuan", "Pimpinan unit organisasi dituju"),),
            langkah={st: replace(lk, dasar_hukum="Perwal Blitar 6/2023 Pasal 24 ayat (2)")
                     for st, lk in ALUR["lintas_unit"].langkah.items()},
            dasar_hukum="Perwal Blitar 6/2023 Pasal 24 ayat (2) dan ayat (3)",
        ),
    },
}


def _lintas_instansi_kepala_daerah(*, pemohon: bool = True, tujuan: bool = False) -> Alur:
    """Perwal Blitar 6/2023 Pasal 21 ayat (1) huruf c and Pasal 22 huruf c: a team across instansi
    is assigned with the Walikota's consideration and set by a Keputusan Walikota.

    ``pemohon`` (Blitar asks): after the PyB dituju approves the answer (the assignees are known),
    the Kepala Daerah of the requesting instansi decides; the decision (number and date of the
    Keputusan) is recorded by him or, for an external signer, by the admin instansi
    (services.catat_keputusan_kepala_daerah).

    ``tujuan`` (Blitar is asked): Pasal 22 huruf c makes the Walikota's *pertimbangan* a condition of
    every "penugasan tim kerja dengan surat tugas" for a team "antar perangkat Instansi Daerah", and
    that surat tugas is Blitar's own (its PPK/PUO signs it for Blitar pegawai, Pasal 24). So once the
    PPK instructed has answered with the pegawai, the Walikota of the target instansi considers it
    before its PyB sends the answer; the ketua's Keputusan (Pasal 21 ayat (1) huruf c) stays with the
    instansi that forms the team. The reading is written in the Blitar profile (penugasan.bacaan)."""
    umum = ALUR["lintas_instansi"]
    langkah = dict(umum.langkah)
    if tujuan:
        kd_tujuan = "menunggu_kepala_daerah_tujuan"
        langkah["menunggu_ketersediaan"] = replace(langkah["menunggu_ketersediaan"], atau_ke=kd_tujuan)
        langkah["menunggu_penerbitan"] = replace(langkah["menunggu_penerbitan"], setujui_ke=kd_tujuan)
        langkah[kd_tujuan] = Langkah(
            aktor="kepala_daerah_tujuan", setujui_ke="menunggu_pyb_tujuan_jawaban", hasil="keputusan_kepala_daerah",
            label_setujui="Catat pertimbangan Kepala Daerah", kembali_ke=None, tolak_dengan_surat=False,
            dasar_hukum="Perwal Blitar 6/2023 Pasal 22 huruf c",
        )
    if pemohon:
        langkah["menunggu_pyb_tujuan_jawaban"] = replace(langkah["menunggu_pyb_tujuan_jawaban"],
                                                         setujui_ke="menunggu_kepala_daerah")
        langkah["menunggu_kepala_daerah"] = Langkah(
            aktor="kepala_daerah", setujui_ke="menunggu_surat_penugasan", hasil="keputusan_kepala_daerah",
            label_setujui="Catat Keputusan Kepala Daerah", kembali_ke=None, tolak_dengan_surat=False, lintas=True,
            dasar_hukum="Perwal Blitar 6/2023 Pasal 21 ayat (1) huruf c dan Pasal 22 huruf c",
        )
    return replace(umum, langkah=langkah, dasar_hukum="Perwal Blitar 6/2023 Pasal 21, 22 dan 24")


VARIAN["kepala_daerah"] = {"lintas_instansi": _lintas_instansi_kepala_daerah()}
# The requesting instansi follows another regulation, the target is a Blitar instansi (Pasal 22 huruf c).
VARIAN["kepala_daerah_tujuan"] = {"lintas_instansi": _lintas_instansi_kepala_daerah(pemohon=False, tujuan=True)}
VARIAN["kepala_daerah_keduanya"] = {"lintas_instansi": _lintas_instansi_kepala_daerah(tujuan=True)}
# The Kepala Daerah steps and the role acting in each (services.catat_keputusan_kepala_daerah).
LANGKAH_KEPALA_DAERAH = {"menunggu_kepala_daerah": "kepala_daerah",
                         "menunggu_kepala_daerah_tujuan": "kepala_daerah_tujuan"}

# Perbup Pasuruan 217/2023 Lampiran II.B.2.a huruf d: "ditetapkan oleh Pejabat Penilai Kinerja
# bersangkutan atas usulan dari Pimpinan Unit Organisasi". A PUO who rates every chosen pegawai
# assigns at once (II.B.2.a.1); otherwise his choice is a proposal that each PPK of the chosen
# pegawai sets in turn (Penugasan.antrean_ppk), and the surat penugasan are then issued, one per PPK.
VARIAN["usul_puo"] = {
    "dalam_unit": Alur(
        jalur="dalam_unit", awal="ditugaskan", awal_lain=("menunggu_penetapan_ppk",), pembuat="pemohon",
        langkah={
            "menunggu_penetapan_ppk": Langkah(
                aktor="ppk_pegawai", setujui_ke="ditugaskan", atau_ke="menunggu_penetapan_ppk",
                hasil="tetapkan_usulan", label_setujui="Tetapkan penugasan", kembali_ke="dikembalikan",
                tolak_dengan_surat=False, label_kembali="Kembalikan usulan untuk perbaikan",
                dasar_hukum="Perbup Pasuruan 217/2023 Lampiran II.B.2.a huruf d",
            ),
        },
        dasar_hukum="Perbup Pasuruan 217/2023 Lampiran II.B.2.a.1 jo. huruf d",
    ),
}


def alur_dari(jalur: str, varian: str = "") -> Alur:
    """The table of ``jalur``: the common one, or the variant a profile names."""
    return VARIAN.get(varian, {}).get(jalur) or ALUR[jalur]


def langkah(jalur: str, status: str, varian: str = "") -> Langkah | None:
    return alur_dari(jalur, varian).langkah.get(status)


def aksi_tersedia(jalur: str, status: str, varian: str = "") -> list[str]:
    """The decisions open in ``status`` (the actor is checked separately), read from the state table."""
    return _tabel(jalur, varian).aksi_tersedia(status)


def peran_aktor(jalur: str, status: str, varian: str = "") -> str | None:
    """Which role must act in ``status``; the pemohon acts on a returned request."""
    return _tabel(jalur, varian).peran(status)


def peran_untuk(p: Any) -> str | None:
    """The role that acts now on assignment ``p``: the step's actor, or its stand-in when the
    assignment names nobody in that role."""
    lk = tabel_status(p).langkah.get(p.status)
    if lk is None:
        return None
    if lk.aktor_cadangan and p.pihak(lk.aktor) is None:
        return lk.aktor_cadangan
    return lk.aktor


def label_peran(p: Any, peran: str) -> str:
    return dict(alur_dari(p.jalur, p.varian).label_peran).get(peran) or PERAN.get(peran, peran)


def tabel() -> list[dict[str, str]]:
    """The whole machine as rows, for the documentation page and tests."""
    rows = []
    semua = [("", a) for a in ALUR.values()] + [(v, a) for v, t in VARIAN.items() for a in t.values()]
    for varian, alur in semua:
        rows.append({"jalur": alur.jalur, "varian": varian, "dari": "—", "aksi": "buat", "aktor": alur.pembuat, "ke": alur.awal})
        for st, lk in alur.langkah.items():
            rows.append({"jalur": alur.jalur, "varian": varian, "dari": st, "aksi": "setujui", "aktor": lk.aktor, "ke": lk.setujui_ke})
            if lk.atau_ke:
                rows.append({"jalur": alur.jalur, "varian": varian, "dari": st, "aksi": "setujui", "aktor": lk.aktor, "ke": lk.atau_ke})
            if lk.boleh_tolak:
                rows.append({"jalur": alur.jalur, "varian": varian, "dari": st, "aksi": "tolak", "aktor": lk.aktor, "ke": "ditolak"})
            if lk.kembali_ke:
                rows.append({"jalur": alur.jalur, "varian": varian, "dari": st, "aksi": "kembalikan", "aktor": lk.aktor,
                             "ke": lk.kembali_ke})
    return rows


# Refusal of a written request is answered in writing, to whoever sent it to this step
# (Karangasem Pasal 14 ayat (3) huruf d): (addressee, tembusan) roles per state.
JAWAB_TOLAK: dict[tuple[str, str], tuple[str, tuple[str, ...]]] = {
    ("lintas_unit", "menunggu_ppk_tujuan"): ("pemohon", ("ppk_pemohon",)),
    ("lintas_unit", "menunggu_penerbitan"): ("pemohon", ("ppk_pemohon", "puo_tujuan")),
    ("lintas_instansi", "menunggu_pyb_pemohon"): ("pemohon", ("ppk_pemohon",)),
    ("lintas_instansi", "menunggu_pyb_tujuan"): ("pyb_pemohon", ("pemohon",)),
    ("lintas_instansi", "menunggu_pyb_tujuan_jawaban"): ("pyb_pemohon", ("pemohon", "ppk_tujuan")),
    ("sukarela_lintas_unit", "menunggu_puo_tujuan"): ("pemohon", ("ppk_pemohon", "puo_pemohon")),
}


# --- the tables as sikerja.alur_kerja state tables ------------------------------------------

# Facts of each path, read by services and pages instead of comparing jalur strings.
FAKTA_JALUR: dict[str, dict[str, Any]] = {
    # Assigned at once by the one who leads the pegawai (no request).
    "dalam_unit": {"permohonan_tertulis": False, "sukarela": False, "lintas_instansi": False, "langsung": True},
    # A written request (surat permohonan pelibatan) to the official the requester chooses.
    "lintas_unit": {"permohonan_tertulis": True, "sukarela": False, "lintas_instansi": False,
                    "pilih_dituju": "ppk_tujuan"},
    "lintas_instansi": {"permohonan_tertulis": True, "sukarela": False, "lintas_instansi": True},
    # Volunteering told orally to the own PUO/PPK (who may record it for the pegawai).
    "sukarela_dalam_unit": {"permohonan_tertulis": False, "sukarela": True, "lintas_instansi": False,
                            "lisan": True},
    # Volunteering by letter to the head of another unit the volunteer chooses.
    "sukarela_lintas_unit": {"permohonan_tertulis": False, "sukarela": True, "lintas_instansi": False,
                             "pilih_dituju": "puo_tujuan"},
}


def _keputusan(lk: Langkah) -> tuple[Keputusan, ...]:
    hasil = [Keputusan("setujui", tuple(dict.fromkeys(x for x in (lk.setujui_ke, lk.atau_ke) if x)),
                       label=lk.label_setujui, efek=lk.hasil, lintas=lk.lintas)]
    if lk.boleh_tolak:
        hasil.append(Keputusan("tolak", ("ditolak",), label="Tolak", efek="tolak",
                               surat=("jawaban",) if lk.tolak_dengan_surat else (),
                               wajib_alasan="Alasan penolakan wajib diisi."))
    if lk.kembali_ke:
        hasil.append(Keputusan("kembalikan", (lk.kembali_ke,), label=lk.label_kembali, efek="kembalikan",
                               wajib_alasan="Tuliskan apa yang perlu diperbaiki.", lintas=lk.kembali_lintas))
    return tuple(hasil)


# Roles acting on the target side of a lintas-instansi path: their steps rest on the target
# instansi's regulation.
PERAN_SISI_TUJUAN = frozenset({"pyb_tujuan", "ppk_tujuan", "puo_tujuan", "kepala_daerah_tujuan"})


def dasar_langkah(jalur: str, varian: str, status: str, profil: str = "", profil_tujuan: str = "") -> str:
    """The article a step rests on, from the instansi's own profile (``aturan``), falling back to the
    national profile (marked so); without a profile, the table's own note."""
    lk = alur_dari(jalur, varian).langkah.get(status)
    if not profil:
        return lk.dasar_hukum if lk else alur_dari(jalur, varian).dasar_hukum
    from .aturan import aturan

    kode = profil_tujuan if (lk and profil_tujuan and FAKTA_JALUR[jalur]["lintas_instansi"]
                             and lk.aktor in PERAN_SISI_TUJUAN) else profil
    a = aturan(kode)
    d = a.dasar_langkah(jalur, status) if lk else None
    return str(d or a.dasar_jalur(jalur) or (lk.dasar_hukum if lk else alur_dari(jalur, varian).dasar_hukum))


def dasar_jalur(jalur: str, varian: str = "", profil: str = "") -> str:
    """The article the whole path rests on, in the instansi's own regulation (or the national one, marked)."""
    if not profil:
        return alur_dari(jalur, varian).dasar_hukum
    from .aturan import aturan

    return str(aturan(profil).dasar_jalur(jalur) or alur_dari(jalur, varian).dasar_hukum)


@cache
def _tabel(jalur: str, varian: str, profil: str = "", profil_tujuan: str = "") -> TabelStatus:
    a = alur_dari(jalur, varian)
    langkah: dict[str, LangkahKerja] = {
        st: LangkahKerja(aktor=lk.aktor, keputusan=_keputusan(lk),
                         dasar_hukum=dasar_langkah(jalur, varian, st, profil, profil_tujuan),
                         aktor_cadangan=lk.aktor_cadangan,
                         fakta={"pilih_pegawai": lk.pilih_pegawai, "pilih_ppk": lk.pilih_ppk,
                                "menugaskan_sukarela": lk.hasil == "tugaskan_sukarela", "catatan": lk.catatan})
        for st, lk in a.langkah.items()
    }
    dikembalikan_dari = tuple(st for st, lk in a.langkah.items() if lk.kembali_ke == "dikembalikan")
    if dikembalikan_dari:
        # The pemohon corrects a returned request; it goes back to the step that returned it.
        langkah["dikembalikan"] = LangkahKerja(
            aktor="pemohon", dasar_hukum=dasar_jalur(jalur, varian, profil), fakta={"boleh_ubah": True},
            keputusan=(Keputusan("ajukan_ulang", dikembalikan_dari, label=AKSI["ajukan_ulang"], efek="ajukan_ulang",
                                 surat=tuple(SURAT_PERMOHONAN)),))
    tidak_dicabut = frozenset(STATUS) - {DICABUT}
    return TabelStatus(
        nama=f"penugasan.{jalur}" + (f".{varian}" if varian else ""),
        awal=(a.awal, *a.awal_lain), pembuat=a.pembuat, langkah=langkah, label_status=STATUS, akhir=AKHIR,
        label_peran={**PERAN, **dict(a.label_peran)}, label_aksi=AKSI, dasar_hukum=dasar_jalur(jalur, varian, profil),
        umum=(
            # Revoking a letter (its signatory; surat.services) may end the assignment.
            KeputusanUmum(Keputusan("cabut_surat", (TETAP, DICABUT), label=AKSI["cabut_surat"], efek="cabut_surat"),
                          juga_di_akhir=True),
            # A correction keeps the assignment where it is, under the new letter.
            KeputusanUmum(Keputusan("koreksi_surat", (TETAP,), label=AKSI["koreksi_surat"], efek="koreksi_surat"),
                          di=tidak_dicabut, juga_di_akhir=True),
        ),
        fakta={**FAKTA_JALUR[jalur], "kepada": a.kepada, "surat_saat_dibuat": a.surat_saat_dibuat, "nada": NADA,
               **({"usulan_terungkap_setelah": USULAN_TERUNGKAP_SETELAH} if FAKTA_JALUR[jalur]["lintas_instansi"]
                  else {})},
    )


def profil_penugasan(p: Any) -> tuple[str, str]:
    """The profile codes whose articles the steps of ``p`` cite: its instansi's, and (lintas instansi)
    the target instansi's for the target side."""
    inst = p.instansi
    tujuan = p.instansi_tujuan if p.instansi_tujuan_id else None
    return inst.profil or "", (tujuan.profil if tujuan is not None else "")


def tabel_status(p: Any) -> TabelStatus:
    """The state table of assignment ``p`` (its jalur, in its regulation's variant), citing the
    articles of the instansi's own regulation (issue 9 point 1)."""
    return _tabel(p.jalur, p.varian, *profil_penugasan(p))


def tabel_jalur(jalur: str, varian: str = "", profil: str = "") -> TabelStatus:
    return _tabel(jalur, varian, profil)


def langkah_untuk(p: Any) -> Langkah | None:
    """The step ``p`` waits in, with the basis its instansi's regulation gives (for pages)."""
    lk = langkah(p.jalur, p.status, p.varian)
    if lk is None:
        return None
    return replace(lk, dasar_hukum=tabel_status(p).langkah[p.status].dasar_hukum)


def semua_tabel() -> list[TabelStatus]:
    return [_tabel(j, "") for j in ALUR] + [_tabel(j, v) for v, t in VARIAN.items() for j in t]
