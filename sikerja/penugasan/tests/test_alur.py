"""The state-machine table itself is consistent (SPEC §4; STYLE: workflows are explicit tables)."""

from sikerja.penugasan import alur


def test_every_state_named_in_the_table_exists_and_every_actor_is_a_known_role():
    for a in alur.ALUR.values():
        assert a.awal in alur.STATUS and a.pembuat in alur.PERAN
        for st, lk in a.langkah.items():
            assert st in alur.STATUS and lk.setujui_ke in alur.STATUS and lk.aktor in alur.PERAN
            assert lk.kembali_ke is None or lk.kembali_ke in alur.STATUS
            assert lk.dasar_hukum, st


def test_every_waiting_state_leads_to_ditugaskan_by_approvals():
    for a in alur.ALUR.values():
        st, langkah = a.awal, 0
        while st not in alur.AKHIR:
            st = a.langkah[st].setujui_ke
            langkah += 1
            assert langkah < 10
        assert st == "ditugaskan"


def test_returned_request_offers_only_resubmission_to_the_pemohon():
    assert alur.aksi_tersedia("lintas_unit", "dikembalikan") == ["ajukan_ulang"]
    assert alur.peran_aktor("lintas_unit", "dikembalikan") == "pemohon"
    assert alur.aksi_tersedia("lintas_unit", "ditugaskan") == []


def test_table_rows_cover_every_decision():
    rows = alur.tabel()
    assert {"jalur": "lintas_unit", "dari": "menunggu_ppk_tujuan", "aksi": "tolak", "aktor": "ppk_tujuan",
            "ke": "ditolak"} in rows
    assert len({r["jalur"] for r in rows}) == 5
