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
