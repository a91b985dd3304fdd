"""The detail page's prepared reads (sikerja.kueri) give what the visibility rules give: for every
user of both instansi, on a lintas-unit and a lintas-instansi assignment (Karangasem Pasal 14 ayat (4)),
the same assignment, letters and audit trail as ``daftar_penugasan``/``surat_terlihat``/``jejak_audit``."""

from __future__ import annotations

from sikerja.akun.models import Pengguna
from sikerja.penugasan import selectors, services

from .conftest import data, penerima
from .test_lintas_instansi import _sampai


def test_prepared_detail_reads_equal_the_visibility_rules_for_every_user(org):
    unit = services.buat_penunjukan_lintas_unit(pengguna=org.u["bambang"], data=data(), ppk_tujuan_id=org.p["ani"].pk)
    unit = services.jalankan(pengguna=org.u["ani"], penugasan_id=unit.pk, aksi="setujui",
                             penerima=[penerima(org.p["sari"], 40)])
    instansi = _sampai(org, "ditugaskan")
    # An account of the instansi without a pegawai and without an overseer's role sees no assignment.
    tanpa_pegawai = Pengguna.objects.create(username="tamu-alpha", instansi=org.a)
    dicek = 0
    for u in [*org.u.values(), tanpa_pegawai]:
        for p in (unit, instansi):
            lihat = selectors.daftar_penugasan(u).filter(pk=p.pk).first()
            siap = selectors.penugasan_untuk(u, p.pk)
            assert (siap and siap.pk) == (lihat and lihat.pk), u.username
            # The letters are asked whatever the user sees (the page asks them once it has the row).
            assert [s.pk for s in selectors.surat_penugasan_terlihat(u, p)] == [
                s.pk for s in selectors.surat_terlihat(u, p)]
            if lihat is None:
                continue
            assert siap is not None and siap.pemohon.nama == lihat.pemohon.nama
            assert [(t.pk, t.aktor.instansi.nama) for t in selectors.jejak_halaman(u, p)] == [
                (t.pk, t.aktor.instansi.nama) for t in selectors.jejak_audit(u, p)]
            dicek += 1
    assert dicek >= 6  # both sides of the lintas-instansi path and the lintas-unit parties


def test_the_prepared_unfiltered_list_pages_equal_the_visibility_rule_for_every_user(org):
    """The list page without a filter reads its count and page through ``DaftarSiap``: for every user,
    every page (two rows a page here) holds the rows ``daftar_penugasan`` gives, newest first."""
    from django.core.paginator import Paginator

    for _ in range(2):
        p = services.buat_penunjukan_lintas_unit(pengguna=org.u["bambang"], data=data(), ppk_tujuan_id=org.p["ani"].pk)
    services.jalankan(pengguna=org.u["ani"], penugasan_id=p.pk, aksi="setujui", penerima=[penerima(org.p["sari"], 40)])
    _sampai(org, "ditugaskan")
    tanpa_pegawai = Pengguna.objects.create(username="tamu-alpha", instansi=org.a)
    selectors._daftar_potong._rencana.clear()  # a per-process cache: only this test's plans below
    bertiga = 0
    for u in [*org.u.values(), tanpa_pegawai]:
        siap = Paginator(selectors.DaftarSiap(u, 2), 2)
        orm = Paginator(selectors.daftar_penugasan(u).order_by(*selectors.URUTAN_DAFTAR), 2)
        assert siap.count == orm.count, u.username
        for n in orm.page_range:
            a, b = siap.page(n).object_list, orm.page(n).object_list
            assert [(x.pk, x.pemohon.nama, x.aktor_sekarang_id) for x in a] == [
                (x.pk, x.pemohon.nama, x.aktor_sekarang_id) for x in b], (u.username, n)
        bertiga += orm.count >= 3
    assert bertiga >= 2  # more than one page for the requester's side and the overseers
    # Whatever each user's count, the pages asked are whole pages: one prepared plan per page bound, not
    # one per count (the Paginator cuts a last page at the count).
    bentuk = {k[2] for k in selectors._daftar_potong._rencana}
    assert {dict(b)["awal"][1] for b in bentuk} <= {0, 2, 4} and {dict(b)["akhir"][1] for b in bentuk} <= {2, 4, 6}


def test_the_pegawai_pages_panel_lists_the_active_assignments_the_viewer_may_open(org):
    """The panel of active assignments on a pegawai page (prepared): his ``penugasan_aktif``, and among
    them exactly those ``daftar_penugasan`` lets the viewer open, for every viewer."""
    p = services.buat_penunjukan_lintas_unit(pengguna=org.u["bambang"], data=data(), ppk_tujuan_id=org.p["ani"].pk)
    p = services.jalankan(pengguna=org.u["ani"], penugasan_id=p.pk, aksi="setujui", penerima=[penerima(org.p["sari"], 40)])
    sari = org.p["sari"]
    terbuka = 0
    for u in [*org.u.values(), Pengguna.objects.create(username="tamu-alpha", instansi=org.a)]:
        aktif, terlihat = selectors.panel_aktif(u, sari)
        assert [r.penugasan_id for r in aktif] == [r.penugasan_id for r in selectors.penugasan_aktif(sari)] == [p.pk]
        assert terlihat == set(selectors.daftar_penugasan(u).filter(pk=p.pk).values_list("id", flat=True)), u.username
        terbuka += bool(terlihat)
    assert 0 < terbuka < len(org.u) + 1
