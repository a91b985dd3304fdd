"""Team decisions while the post holder is away: the Plt/Plh named by surat perintah acts for the PUO
pemilik kinerja (kendala, reports, member changes); a Plt flags the team for re-confirmation (TK-12)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from sikerja.galat import TidakBerwenang
from sikerja.timkerja import selectors
from sikerja.timkerja import services as s
from sikerja.timkerja.models import TimKerja

from .conftest import anggota, data_tim

HARI = date.today()


def _tim(pd):  # type: ignore[no-untyped-def]
    return s.bentuk_tim(pengguna=pd.u["ani"], data=data_tim(pd), anggota=[anggota(pd, "sari"), anggota(pd, "tono")],
                        ketua_id=pd.p["sari"].id, alasan_asal_ketua="-")


def _catat(pd, kunci, jenis):  # type: ignore[no-untyped-def]
    from sikerja.organisasi.models import UnitOrganisasi

    admin = pd.u["kadis"]
    admin.bkpsdm = True
    admin.save()
    return s.catat_pengganti(pengguna=admin, unit_id=UnitOrganisasi.objects.get(instansi=pd.instansi, kode="P2P").id,
                             pegawai_id=pd.p[kunci].id, jenis=jenis, nomor_sk="800/1/PLH", tanggal_sk=HARI,
                             mulai=HARI, selesai=HARI + timedelta(days=14))


def test_plh_of_the_puo_decides_the_kendala_and_receives_the_ketua_report(karangasem):
    """Perbup Karangasem 15/2023 Pasal 17 ayat (2) huruf c (kendala to the PUO pemilik kinerja) and Pasal 20
    ayat (2) (ketua reports to the PUO) while the Kabid is away: her Plh is the PUO of the team."""
    pd = karangasem
    tim = _tim(pd)
    k = s.ajukan_kendala(pengguna=pd.u["sari"], tim_id=tim.id, judul="Data terlambat", uraian="Puskesmas telat",
                         alternatif=["Surati Puskesmas", "Kunjungi"])
    _catat(pd, "bambang", "plh")
    assert selectors.puo_pemilik(tim) == pd.p["bambang"]
    with pytest.raises(TidakBerwenang):
        s.putuskan_kendala(pengguna=pd.u["rina"], kendala_id=k.id, tindakan="putuskan", alasan="x", opsi=0)
    s.putuskan_kendala(pengguna=pd.u["bambang"], kendala_id=k.id, tindakan="putuskan", alasan="Segera", opsi=0)
    lap = s.kirim_laporan(pengguna=pd.u["sari"], tim_id=tim.id, jenis="ketua_ke_puo", periode_mulai=HARI,
                          periode_selesai=HARI, progres="Separuh")
    assert pd.p["bambang"] in lap.penerima.all()
    s.minta_laporan(pengguna=pd.u["bambang"], tim_id=tim.id, sasaran_id=pd.p["sari"].id, batas_waktu=HARI)


def test_plt_of_the_puo_flags_the_team_for_reconfirmation_but_a_plh_does_not_tk_12(blitar):
    """TK-12, Perwal Blitar 6/2023 Pasal 21 ayat (3): the ketua's coordination is a delegation of the PUO;
    a Plt taking the post (KINERJA §1.9 "mutasi, Plt") flags the team; a Plh (a short absence) does not."""
    pd = blitar
    tim = s.bentuk_tim(pengguna=pd.u["ani"], data=data_tim(pd),
                       anggota=[anggota(pd, "sari", masukan_ketua="Ahli epidemiologi"),
                                anggota(pd, "tono", masukan_ketua="Administrasi")], ketua_id=pd.p["sari"].id)
    x = _catat(pd, "bambang", "plh")
    assert not TimKerja.objects.get(pk=tim.pk).perlu_konfirmasi
    s.akhiri_pengganti(pengguna=pd.u["kadis"], pengganti_id=x.id, alasan="Kembali")
    _catat(pd, "bambang", "plt")
    assert TimKerja.objects.get(pk=tim.pk).perlu_konfirmasi


def test_plt_plh_page_and_api_record_and_end_with_the_sk(karangasem):
    """The page and the API record a Plh with its surat perintah; only admin instansi/BKPSDM may."""
    from django.test import Client

    from sikerja.organisasi.models import UnitOrganisasi
    from sikerja.timkerja.models import PejabatPengganti

    pd = karangasem
    p2p = UnitOrganisasi.objects.get(instansi=pd.instansi, kode="P2P")
    c = Client()
    c.force_login(pd.u["sari"])
    assert c.get("/tim-kerja/pengganti/").status_code == 200
    assert c.post("/tim-kerja/pengganti/", {"unit": p2p.id}).status_code == 403
    r = c.post("/api/tim-kerja/pengganti/catat", content_type="application/json", data={
        "unit_id": p2p.id, "pegawai_id": pd.p["bambang"].id, "jenis": "plh", "nomor_sk": "1",
        "tanggal_sk": str(HARI), "mulai": str(HARI), "selesai": str(HARI)})
    assert r.status_code == 403
    admin = pd.u["kadis"]
    admin.admin_instansi = True
    admin.save()
    c.force_login(admin)
    r = c.post("/tim-kerja/pengganti/", {"unit": p2p.id, "pegawai": pd.p["bambang"].id, "jenis": "plh",
                                         "nomor_sk": "800/3/SP", "tanggal_sk": str(HARI), "mulai": str(HARI),
                                         "selesai": str(HARI + timedelta(days=3))})
    assert r.status_code == 302
    x = PejabatPengganti.objects.get()
    assert (x.pegawai, x.pejabat_definitif, x.nomor_sk) == (pd.p["bambang"], pd.p["ani"], "800/3/SP")
    assert "800/3/SP" in c.get("/tim-kerja/pengganti/").content.decode()
    assert [d["pegawai_id"] for d in c.get("/api/tim-kerja/pengganti/berlaku").json()["items"]] == [pd.p["bambang"].id]
    r = c.post(f"/api/tim-kerja/pengganti/{x.id}/akhiri", content_type="application/json", data={"alasan": "Kembali"})
    assert r.status_code == 200 and r.json()["aktif"] is False
    assert c.get("/api/tim-kerja/pengganti/berlaku").json() == {"items": [], "count": 0}


def test_plh_of_the_pembentuk_names_the_ketua_of_a_draft_as_for_the_other_decisions(karangasem, client):
    """The Plh/Plt holding the pembentuk's post (PejabatPengganti, by surat perintah) acts for him on a
    draft too — naming the ketua and proposing members — as resolver("pembentuk") lets him do for the
    team's other decisions; anyone else is refused."""
    pd = karangasem
    tim = s.buat_draf(pengguna=pd.u["ani"], data=data_tim(pd))
    s.tambah_anggota(pengguna=pd.u["ani"], tim_id=tim.id, anggota=[anggota(pd, "sari")])
    with pytest.raises(TidakBerwenang, match="Plt/Plh"):
        s.tetapkan_ketua(pengguna=pd.u["bambang"], tim_id=tim.id, ketua_id=pd.p["sari"].id, alasan_asal="-")
    _catat(pd, "bambang", "plh")
    client.force_login(pd.u["bambang"])
    assert 'name="ketua"' in client.get(f"/tim-kerja/{tim.id}/").content.decode()
    s.tambah_anggota(pengguna=pd.u["bambang"], tim_id=tim.id, anggota=[anggota(pd, "tono")])
    tim = s.tetapkan_ketua(pengguna=pd.u["bambang"], tim_id=tim.id, ketua_id=pd.p["sari"].id, alasan_asal="-")
    assert tim.ketua == pd.p["sari"]
    with pytest.raises(TidakBerwenang):
        s.tetapkan_ketua(pengguna=pd.u["rina"], tim_id=tim.id, ketua_id=pd.p["tono"].id, alasan_asal="-")


def test_who_acts_for_a_head_and_who_holds_his_post_are_the_same_row(karangasem):
    """``pengganti_untuk`` (a decision waiting for the head) and ``pejabat_unit`` (who holds the post)
    read one prepared query: with two records holding (the second written past the one-per-post check,
    as an older import could), both name the one that began last."""
    from sikerja.timkerja.models import PejabatPengganti

    pd = karangasem
    pertama = _catat(pd, "bambang", "plh")
    kepala = next(p for p in pd.p.values() if p.kepala_unit and p.unit_id == pertama.unit_id)
    assert selectors.pengganti_untuk(kepala) == pd.p["bambang"]
    assert selectors.pejabat_unit([pertama.unit_id])[pertama.unit_id] == pd.p["bambang"]
    PejabatPengganti.objects.create(
        instansi=pd.instansi, unit_id=pertama.unit_id, pegawai=pd.p["tono"], jenis="plh", nomor_sk="800/2/PLH",
        tanggal_sk=HARI, mulai=HARI - timedelta(days=1), selesai=HARI + timedelta(days=3))
    assert selectors.pengganti_untuk(kepala) == pd.p["bambang"]  # began later
    PejabatPengganti.objects.filter(pk=pertama.pk).update(mulai=HARI - timedelta(days=2))
    assert selectors.pengganti_untuk(kepala) == pd.p["tono"]
    assert selectors.pejabat_unit([pertama.unit_id])[pertama.unit_id] == pd.p["tono"]
    assert selectors.pengganti_untuk(pd.p["sari"]) == pd.p["sari"]  # not a head: acts for himself
