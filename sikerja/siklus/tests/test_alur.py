"""The kegiatan state table (KINERJA.md §2.3) is well formed and says who acts where."""

from __future__ import annotations

from ..alur import AKHIR, TABEL


def test_table_is_consistent():
    TABEL.periksa()


def test_steps_and_their_actors_follow_kinerja_2_3():
    """K2 perencana, K3/K5 pelaksana, K6–K8 peninjau, K9–K10 pemegang of the returned item."""
    assert {(d, a, ak) for d, a, ak, _ in TABEL.transisi()} == {
        ("rencana", "tetapkan_rencana", "perencana"),
        ("rencana_ditetapkan", "mulai_pelaksanaan", "pelaksana"),
        ("berjalan", "ajukan_hasil", "pelaksana"),
        ("dalam_reviu", "terima", "peninjau"),
        ("dalam_reviu", "kembalikan", "peninjau"),
        ("dikembalikan", "ajukan_ulang", "pemegang"),
        ("dikembalikan", "teruskan_pengembalian", "pemegang"),
    }
    assert TABEL.keputusan("dalam_reviu", "kembalikan").wajib_alasan  # type: ignore[union-attr]
    assert TABEL.keputusan("dikembalikan", "teruskan_pengembalian").wajib_alasan  # type: ignore[union-attr]


def test_final_states_are_immutable_except_recording_serah_terima():
    assert AKHIR == {"selesai", "dibatalkan"}
    assert TABEL.keputusan("selesai", "batalkan") is None
    assert TABEL.keputusan("dibatalkan", "terima") is None
    assert TABEL.keputusan("selesai", "serah_terima") is not None
