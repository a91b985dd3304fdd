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


def test_board_choices_are_the_visible_open_teams_and_the_units_led_with_the_shown_one_selected(pasuruan, client):
    """The board's and timeline's choices read through prepared queries: for every user the teams are
    ``tim_terlihat`` not ended, by name, and the units those below the unit he heads (his own otherwise);
    the unit and team shown stay selected after 'Tampilkan'."""
    from sikerja.organisasi.models import UnitOrganisasi
    from sikerja.timkerja.alur import AKHIR
    from sikerja.timkerja.selectors import tim_pilihan, tim_terlihat, unit_dalam

    from .test_tim_dasbor import _tim

    pd = pasuruan
    tim = _tim(pd)
    pengguna = [*pd.u.values(), buat_akun(pd.p["hana"], bkpsdm=True)]
    bertim = 0
    for u in pengguna:
        asli = list(tim_terlihat(u).exclude(status__in=AKHIR).order_by("nama", "id").values("id", "nama"))
        assert tim_pilihan(u) == asli, u.username
        bertim += bool(asli)
    assert 0 < bertim < len(pengguna)
    ids = unit_dalam(pd.unit("DINKES"))
    assert selectors.unit_pilihan(ids) == sorted(
        ({"id": x.id, "nama": x.nama} for x in UnitOrganisasi.objects.filter(id__in=ids)),
        key=lambda r: (r["nama"], r["id"]))
    client.force_login(pd.u["ani"])
    for url in ("/siklus/papan/", "/siklus/linimasa/"):
        html = client.get(url, {"unit": pd.unit("P2P").id, "tim": tim.id}).content.decode()
        assert f'<option value="{pd.unit("P2P").id}" selected>{pd.unit("P2P").nama}</option>' in html, url
        assert f'<option value="{tim.id}" selected>{tim.nama}</option>' in html, url


def test_a_full_board_shows_the_kegiatan_due_first_and_says_others_are_left_out(pasuruan, client, monkeypatch):
    """The board holds at most BATAS_PAPAN kegiatan, those due first; when it is full the page says so
    and how to see the rest (a smaller unit or a team), rather than dropping them silently."""
    pd = pasuruan
    t = target_di(pd, "ani", "P2P")
    kegiatan_berjalan(pd, "ani", "P2P", "sari", target=t)
    kegiatan_berjalan(pd, "ani", "P2P", "rina", target=t)
    semua = [k.pk for k in Kegiatan.objects.exclude(status="dibatalkan").order_by("selesai", "id")]
    assert len(semua) >= 2
    papan = selectors.papan_untuk(pd.u["ani"], batas=1)
    assert [kg.pk for v in papan.values() for kg in v["kegiatan"]] == semua[:1]
    client.force_login(pd.u["ani"])
    assert 'data-testid="papan-terpotong"' not in client.get("/siklus/papan/").content.decode()
    monkeypatch.setattr(selectors, "BATAS_PAPAN", 1)
    html = client.get("/siklus/papan/").content.decode()
    assert 'data-testid="papan-terpotong"' in html and "menampilkan 1 kegiatan dengan tenggat terdekat" in html
