"""The kegiatan page, the PK page and the board read through prepared queries (sikerja.kueri): for every user of
the instansi they give what the visibility rule gives (``kegiatan_terlihat``; KINERJA §2.5 monitors)."""

from __future__ import annotations

from sikerja.organisasi.testing import buat_akun

from .. import selectors
from ..models import Kegiatan, PerjanjianKinerja
from .conftest import kegiatan_berjalan, target_di


def test_prepared_kegiatan_and_board_equal_the_visibility_rule_for_every_user(pasuruan):
    pd = pasuruan
    t = target_di(pd, "ani", "P2P")
    kegiatan_berjalan(pd, "ani", "P2P", "sari", target=t)
    kegiatan_berjalan(pd, "ani", "P2P", "rina", target=t)
    target_di(pd, "kalab", "LAB")  # a PK of another unit of the same Dinas
    semua = list(Kegiatan.objects.values_list("id", flat=True))
    semua_pk = list(PerjanjianKinerja.objects.values_list("id", flat=True))
    units = [pd.unit("P2P").id]
    pengguna = [*pd.u.values(), buat_akun(pd.p["hana"], bkpsdm=True)]  # and one who sees the whole instansi
    assert pengguna[-1].lintas_unit
    dilihat = 0
    for u in pengguna:
        terlihat = set(selectors.kegiatan_terlihat(u).values_list("id", flat=True))
        assert {k for k in semua if selectors.kegiatan_untuk(u, k)} == terlihat, u.username
        assert {k for k in semua_pk if selectors.pk_untuk(u, k)} == set(
            selectors.pk_terlihat(u).values_list("id", flat=True)), u.username
        for saring in ({}, {"unit_ids": units}):
            papan = {k: [kg.pk for kg in v["kegiatan"]] for k, v in selectors.papan_untuk(u, **saring).items()}
            asli = {k: [kg.pk for kg in v["kegiatan"]]
                    for k, v in selectors.papan(selectors.kegiatan_terlihat_di(u, **saring)).items()}
            assert papan == asli, (u.username, saring)
        dilihat += bool(terlihat)
    assert 0 < dilihat < len(pengguna)  # some see them, some do not
