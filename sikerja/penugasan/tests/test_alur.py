"""The state-machine table itself is consistent (SPEC §4; STYLE: workflows are explicit tables)."""

from sikerja.penugasan import alur


def _semua() -> list[alur.Alur]:
    return [*alur.ALUR.values(), *(a for t in alur.VARIAN.values() for a in t.values())]


def test_every_state_named_in_the_table_exists_and_every_actor_is_a_known_role():
    for a in _semua():
        assert a.awal in alur.STATUS and a.pembuat in alur.PERAN
        for st, lk in a.langkah.items():
            assert st in alur.STATUS and lk.setujui_ke in alur.STATUS and lk.aktor in alur.PERAN
            assert lk.kembali_ke is None or lk.kembali_ke in alur.STATUS
            assert lk.aktor_cadangan is None or lk.aktor_cadangan in alur.PERAN
            assert lk.dasar_hukum, st
        assert a.kepada in ("ppk", "puo", "pimpinan_pd")


def test_every_waiting_state_leads_to_ditugaskan_by_approvals():
    for a in _semua():
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
    assert {"jalur": "lintas_unit", "varian": "", "dari": "menunggu_ppk_tujuan", "aksi": "tolak",
            "aktor": "ppk_tujuan", "ke": "ditolak"} in rows
    assert len({r["jalur"] for r in rows}) == 5
    assert {"jalur": "lintas_unit", "varian": "pimpinan_pd", "dari": "menunggu_ppk_pegawai", "aksi": "setujui",
            "aktor": "ppk_pegawai", "ke": "ditugaskan"} in rows


def test_every_profile_names_variants_that_exist():
    # A profile's `penugasan` mapping must name a table alur.VARIAN holds for that jalur;
    # otherwise its Pemda would silently run the common path.
    from sikerja.kedudukan.engine import available_profiles, load_profil

    dipakai = {}
    for kode in available_profiles():
        for jalur, varian in load_profil(kode).penugasan.items():
            assert jalur in alur.VARIAN.get(varian, {}), (kode, jalur, varian)
            dipakai[(kode, jalur)] = varian
    assert dipakai[("magelang", "lintas_unit")] == "pimpinan_pd" and dipakai[("blitar", "lintas_unit")] == "puo"
