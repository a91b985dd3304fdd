"""The ``Kegiatan`` state machine (KINERJA.md §2.3) as one table on the workflow core.

``rencana`` → ``rencana_ditetapkan`` → ``berjalan`` → ``dalam_reviu`` ⇄ ``dikembalikan`` → ``selesai``;
``dibatalkan`` from any non-final state. The position in the review chain is ``Kegiatan.level_reviu``
(k in ``dalam_reviu(k)``, j in ``dikembalikan(j)``, −1 = the pelaksana), so one state and one role
(``peninjau`` / ``pemegang``) cover every level; the module's resolver turns the role into the
official of the chain at that level. Effects (``services``) choose between the targets the table allows.
"""

from __future__ import annotations

from sikerja.alur_kerja.tabel import TETAP, Keputusan, KeputusanUmum, Langkah, TabelStatus

STATUS = {
    "rencana": "Rencana",
    "rencana_ditetapkan": "Rencana ditetapkan",
    "berjalan": "Berjalan",
    "dalam_reviu": "Menunggu reviu",
    "dikembalikan": "Dikembalikan",
    "selesai": "Selesai",
    "dibatalkan": "Dibatalkan",
}
AKHIR = frozenset({"selesai", "dibatalkan"})

# The board's columns (issue 14 point 2): which states each shows.
PAPAN = {
    "akan": ("Akan dikerjakan", ("rencana", "rencana_ditetapkan")),
    "dikerjakan": ("Sedang dikerjakan", ("berjalan",)),
    "reviu": ("Menunggu reviu", ("dalam_reviu", "dikembalikan")),
    "selesai": ("Selesai", ("selesai",)),
}
TERBUKA = tuple(s for s in STATUS if s not in AKHIR)

_KEMBALI = "Catatan pengembalian wajib diisi: tuliskan apa yang harus disesuaikan."

TABEL = TabelStatus(
    nama="kegiatan",
    awal=("rencana",),
    pembuat="pelaksana",
    langkah={
        "rencana": Langkah(aktor="perencana", keputusan=(
            Keputusan("tetapkan_rencana", ("rencana_ditetapkan",), label="Tetapkan rencana", efek="tetapkan_rencana"),
        ), dasar_hukum="KINERJA §2.3 K2 (pimpinan unit organisasi menetapkan rencana kegiatan)"),
        "rencana_ditetapkan": Langkah(aktor="pelaksana", keputusan=(
            Keputusan("mulai_pelaksanaan", ("berjalan",), label="Mulai pelaksanaan (rincian ditetapkan)",
                      efek="mulai_pelaksanaan"),
        ), dasar_hukum="KINERJA §2.3 K3"),
        "berjalan": Langkah(aktor="pelaksana", keputusan=(
            Keputusan("ajukan_hasil", ("dalam_reviu",), label="Ajukan hasil", efek="ajukan_hasil"),
        ), dasar_hukum="KINERJA §2.3 K5"),
        "dalam_reviu": Langkah(aktor="peninjau", keputusan=(
            Keputusan("terima", ("dalam_reviu", "selesai"), label="Terima", efek="terima"),
            Keputusan("kembalikan", ("dikembalikan",), label="Kembalikan", efek="kembalikan", wajib_alasan=_KEMBALI),
        ), dasar_hukum="KINERJA §2.3 K6–K8"),
        "dikembalikan": Langkah(aktor="pemegang", keputusan=(
            Keputusan("ajukan_ulang", ("dalam_reviu",), label="Ajukan ulang", efek="ajukan_ulang"),
            Keputusan("teruskan_pengembalian", ("dikembalikan",), label="Teruskan pengembalian ke bawah",
                      efek="teruskan_pengembalian", wajib_alasan=_KEMBALI),
        ), dasar_hukum="KINERJA §2.3 K9–K10"),
    },
    umum=(
        KeputusanUmum(Keputusan("batalkan", ("dibatalkan",), label="Batalkan",
                                wajib_alasan="Tuliskan alasan pembatalan.")),
        KeputusanUmum(Keputusan("serah_terima", (TETAP,), label="Serah terima hasil"),
                      di=frozenset({"selesai"}), juga_di_akhir=True),
    ),
    label_status=STATUS,
    akhir=AKHIR,
    label_peran={"perencana": "pejabat perencana (pimpinan unit organisasi)", "pelaksana": "pelaksana atau ketua tim",
                 "peninjau": "peninjau pada rantai reviu", "pemegang": "pemegang hasil yang dikembalikan"},
    label_aksi={"tetapkan_rencana": "Tetapkan rencana", "mulai_pelaksanaan": "Mulai pelaksanaan",
                "ajukan_hasil": "Ajukan hasil", "terima": "Terima", "kembalikan": "Kembalikan",
                "ajukan_ulang": "Ajukan ulang", "teruskan_pengembalian": "Teruskan pengembalian",
                "batalkan": "Batalkan", "serah_terima": "Serah terima"},
    dasar_hukum="KINERJA §2.3 (siklus kegiatan)",
)
