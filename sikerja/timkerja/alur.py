"""The lifecycle of a tim kerja as one state table on the workflow core (KINERJA.md §1.7).

``draf`` → (``menunggu_penetapan`` when the founding instrument's signer is not the creator) →
``dibentuk`` → ``aktif`` (first member assigned) → ``selesai`` | ``dibubarkan``. Changes while
the team runs (members, ketua, target, period) are *general* decisions of the table: their
actor is not "whoever the state waits for" but the official the profile names, which the
service establishes (``AKTOR``) before calling :func:`sikerja.alur_kerja.services.jalankan`.
"""

from __future__ import annotations

from sikerja.alur_kerja.tabel import TETAP, Keputusan, KeputusanUmum, Langkah, TabelStatus

STATUS = {
    "draf": "Draf",
    "menunggu_penetapan": "Menunggu penetapan oleh penandatangan",
    "dibentuk": "Dibentuk",
    "aktif": "Aktif",
    "selesai": "Selesai",
    "dibubarkan": "Dibubarkan",
}
AKHIR = frozenset({"selesai", "dibubarkan"})
BERJALAN = ("dibentuk", "aktif")

# The letter kinds a team's steps issue, one per instrument (surat.jenis, registered in apps.ready);
# which one a team uses is profile data (aturan.instrumen).
JENIS_SURAT = {
    "surat_perintah": ("tim_surat_perintah", "Surat Perintah", "SPRIN"),
    "surat_penugasan": ("tim_surat_penugasan", "Surat Penugasan Tim Kerja", "SPT"),
    "keputusan_kepala_daerah": ("tim_keputusan", "Keputusan Kepala Daerah", "KEP"),
}

_BERJALAN = frozenset(BERJALAN)

TABEL = TabelStatus(
    nama="tim kerja",
    awal=("draf", "aktif"),  # aktif: a tim kerja substansi built from kedudukan (TK-07)
    pembuat="pembentuk",
    langkah={
        "draf": Langkah(
            aktor="pembentuk",
            keputusan=(
                # Straight to dibentuk/aktif when the creator signs the founding instrument himself.
                Keputusan("ajukan_pembentukan", ("menunggu_penetapan", "dibentuk", "aktif"),
                          label="Ajukan pembentukan", efek="ajukan", surat=tuple(j for j, _, _ in JENIS_SURAT.values())),
            ),
        ),
        "menunggu_penetapan": Langkah(
            aktor="penandatangan",
            keputusan=(
                Keputusan("tetapkan", ("dibentuk", "aktif"), label="Tetapkan pembentukan", efek="tetapkan",
                          surat=tuple(j for j, _, _ in JENIS_SURAT.values())),
                Keputusan("tolak", ("draf",), label="Kembalikan ke pembentuk",
                          wajib_alasan="Tuliskan alasan pengembalian."),
            ),
        ),
    },
    umum=(
        KeputusanUmum(Keputusan("tugaskan_anggota", ("aktif",), label="Tugaskan anggota", efek="surat_perubahan"),
                      di=_BERJALAN),
        KeputusanUmum(Keputusan("lepas_anggota", (TETAP,), label="Lepas anggota", efek="surat_perubahan",
                                wajib_alasan="Tuliskan alasan pelepasan anggota."), di=frozenset({"aktif"})),
        KeputusanUmum(Keputusan("ganti_ketua", (TETAP,), label="Ganti ketua", efek="surat_perubahan"), di=_BERJALAN),
        KeputusanUmum(Keputusan("ubah_target", (TETAP,), label="Ubah target", efek="data",
                                wajib_alasan="Tuliskan alasan perubahan target."), di=_BERJALAN),
        KeputusanUmum(Keputusan("perpanjang", (TETAP,), label="Perpanjang masa kerja", efek="surat_perubahan"),
                      di=_BERJALAN),
        KeputusanUmum(Keputusan("tutup", ("selesai",), label="Tutup (selesai)"), di=frozenset({"aktif"})),
        KeputusanUmum(Keputusan("bubarkan", ("dibubarkan",), label="Bubarkan", efek="surat_perubahan",
                                wajib_alasan="Tuliskan alasan pembubaran."), di=_BERJALAN),
        # Recorded events that do not move the state (pola re-derived, kendala, reports).
        KeputusanUmum(Keputusan("catat", (TETAP,), label="Catatan"), juga_di_akhir=True),
    ),
    label_status=STATUS,
    akhir=AKHIR,
    label_peran={"pembentuk": "pembentuk tim", "penandatangan": "penandatangan instrumen pembentukan",
                 "pengelola": "pimpinan unit organisasi pemilik kinerja (atau Plt/Plh-nya, atau penerima delegasi "
                              "pengelolaan kinerjanya) atau pembentuk tim"},
    label_aksi={"ajukan_pembentukan": "Ajukan pembentukan", "tetapkan": "Tetapkan pembentukan", "tolak": "Kembalikan",
                "tugaskan_anggota": "Tugaskan anggota", "lepas_anggota": "Lepas anggota", "ganti_ketua": "Ganti ketua",
                "ubah_target": "Ubah target", "perpanjang": "Perpanjang", "tutup": "Tutup", "bubarkan": "Bubarkan",
                "catat": "Catatan", "buat_draf": "Buat draf"},
    dasar_hukum="KINERJA §1.7 (siklus tim kerja)",
)

# Who fires each general decision (the table's umum list): established by the service.
AKTOR = {
    "tugaskan_anggota": "pengelola", "lepas_anggota": "pengelola", "ubah_target": "pengelola", "tutup": "pengelola",
    "ganti_ketua": "penandatangan", "perpanjang": "penandatangan", "bubarkan": "penandatangan",
}


def boleh(aksi: str, status: str) -> bool:
    return TABEL.keputusan(status, aksi) is not None


# --- kendala (problems a team raises to the PUO(s) it is addressed to) -----------------------------

STATUS_KENDALA = {
    "diajukan": "Diajukan",
    "diputuskan": "Diputuskan",
    "diteruskan": "Diteruskan",
    "ditindaklanjuti": "Ditindaklanjuti",
    "ditutup": "Ditutup",
}
_KENDALA_TERBUKA = frozenset({"diajukan", "diputuskan", "diteruskan", "ditindaklanjuti"})
# Every decision is open in every non-final state; its actor is any PUO the kendala is addressed to
# (``k.tujuan``), which the service establishes before calling jalankan (so they are general decisions).
TABEL_KENDALA = TabelStatus(
    nama="kendala tim kerja",
    awal=("diajukan",),
    pembuat="pengaju",
    langkah={},
    umum=tuple(
        KeputusanUmum(Keputusan(aksi, (ke,), label=label, efek="putuskan_kendala",
                                wajib_alasan="Tuliskan alasan keputusan."), di=_KENDALA_TERBUKA)
        for aksi, ke, label in (("putuskan", "diputuskan", "Putuskan"), ("teruskan", "diteruskan", "Teruskan"),
                                ("tindaklanjuti", "ditindaklanjuti", "Tindak lanjuti"), ("tutup", "ditutup", "Tutup"))
    ),
    label_status=STATUS_KENDALA,
    akhir=frozenset({"ditutup"}),
    label_peran={"pengaju": "ketua atau anggota tim", "tujuan": "pimpinan unit organisasi yang dituju"},
    label_aksi={"putuskan": "Putuskan", "teruskan": "Teruskan", "tindaklanjuti": "Tindak lanjuti", "tutup": "Tutup"},
    dasar_hukum="KINERJA §1.7 (kendala tim kerja)",
)
# The actor of every kendala decision (the table's umum list).
AKTOR_KENDALA = {a: "tujuan" for a in TABEL_KENDALA.label_aksi}
