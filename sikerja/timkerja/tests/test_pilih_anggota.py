"""The tim kerja "add member" field is the pegawai autocomplete (issue #12 point 3), scoped to who may
join that team directly: the unit pemilik kinerja's pegawai, not yet active members. Pegawai of other
units join only through a surat penugasan (Perwal Blitar 6/2023 Pasal 24; Perbup Karangasem 15/2023
Pasal 14), so the autocomplete does not offer them; the rule itself stays in services.tambah_anggota."""

from __future__ import annotations

import pytest

from sikerja.organisasi import pilih
from sikerja.timkerja import services as s

from .conftest import anggota, data_tim


@pytest.fixture
def tim(karangasem):  # type: ignore[no-untyped-def]
    pd = karangasem
    t = s.buat_draf(pengguna=pd.u["ani"], data=data_tim(pd))
    s.tambah_anggota(pengguna=pd.u["ani"], tim_id=t.id, anggota=[anggota(pd, "sari")])
    return pd, t


def test_the_scope_offers_the_unit_pemilik_pegawai_not_yet_members_nor_other_units(tim):
    pd, t = tim
    lingkup = f"timkerja_anggota:{t.id}"
    boleh = set(pilih.pegawai_boleh_dipilih(pd.u["ani"], lingkup))
    assert pd.p["tono"] in boleh and pd.p["rudi"] in boleh  # P2P and the seksi below it
    assert pd.p["sari"] not in boleh  # already a member
    assert pd.p["dodi"] not in boleh and pd.p["wawan"] not in boleh  # other units: through penugasan only


def test_the_scope_is_empty_for_who_does_not_manage_the_team_or_a_forged_id(tim):
    pd, t = tim
    assert not pilih.pegawai_boleh_dipilih(pd.u["bambang"], f"timkerja_anggota:{t.id}").exists()
    assert not pilih.pegawai_boleh_dipilih(pd.u["ani"], f"timkerja_anggota:{t.id + 999}").exists()
    assert not pilih.lingkup_dikenal("timkerja_anggota:abc") and not pilih.lingkup_dikenal("tidak_ada:1")


def test_the_autocomplete_finds_by_name_with_unit_and_jabatan_and_the_page_uses_it(tim, client):
    pd, t = tim
    client.force_login(pd.u["ani"])
    html = client.get(f"/tim-kerja/{t.id}/").content.decode()
    form = html.split('id="form-anggota"')[1].split("</form>")[0]
    assert "<select" not in form.split('for="peran"')[0]  # no dropdown of hundreds
    assert f"lingkup=timkerja_anggota:{t.id}" in form and 'name="pegawai"' in form
    r = client.get("/organisasi/pilih-pegawai/", {"q": "Tono", "lingkup": f"timkerja_anggota:{t.id}"})
    teks = r.content.decode()
    assert r.status_code == 200 and "Tono Pelaksana" in teks
    assert "Pengadministrasi Umum" in teks and "Bidang Pencegahan Penyakit" in teks
    r = client.get("/organisasi/pilih-pegawai/", {"q": "Dodi", "lingkup": f"timkerja_anggota:{t.id}"})
    assert "Dodi Statistisi" not in r.content.decode()
    # Chosen through the field, the member is added by the service (which still checks the rules).
    r = client.post(f"/tim-kerja/{t.id}/aksi/", {"aksi": "tambah_anggota", "pegawai": pd.p["tono"].pk,
                                                "peran": "Administrasi", "porsi_persen": "10"})
    assert t.anggota.filter(pegawai=pd.p["tono"], status="aktif").exists()
