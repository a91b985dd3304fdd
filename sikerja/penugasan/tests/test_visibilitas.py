"""Who sees an assignment and its letters inside one instansi (SPEC §1 transparansi; issue #4 point 7):
the parties, the assignees and the officials who rate or lead them; the admin instansi, BKPSDM and the
inspektorat oversee all. Another pegawai of the same instansi does not read refusal reasons or letters
that are none of his business."""

from __future__ import annotations

import pytest

from sikerja.penugasan import selectors, services

from .conftest import data, penerima


def _lintas_unit(org):  # type: ignore[no-untyped-def]
    return services.buat_penunjukan_lintas_unit(pengguna=org.u["bambang"], data=data(),
                                                ppk_tujuan_id=org.p["ani"].pk)


def test_parties_see_the_request_and_an_uninvolved_pegawai_does_not(org, client):
    p = _lintas_unit(org)
    for kunci in ("bambang", "ani", "kadis_a"):  # pemohon, PPK dituju, PPK pemohon (tembusan)
        assert selectors.penugasan_terlihat(org.u[kunci]).filter(pk=p.pk).exists(), kunci
    for kunci in ("sari", "tono", "rina"):
        assert not selectors.penugasan_terlihat(org.u[kunci]).filter(pk=p.pk).exists(), kunci
    client.force_login(org.u["tono"])
    assert client.get(f"/penugasan/{p.pk}/").status_code == 404
    surat = p.surat.get()
    assert client.get(f"/penugasan/surat/{surat.pk}/unduh/").status_code == 404
    assert client.get(f"/api/penugasan/{p.pk}").status_code == 404


def test_assignee_and_the_heads_who_rate_or_lead_him_see_the_assignment(org):
    p = _lintas_unit(org)
    services.jalankan(pengguna=org.u["ani"], penugasan_id=p.pk, aksi="setujui", penerima=[penerima(org.p["sari"])])
    assert selectors.penugasan_terlihat(org.u["sari"]).filter(pk=p.pk).exists()
    assert not selectors.penugasan_terlihat(org.u["tono"]).filter(pk=p.pk).exists()


@pytest.mark.parametrize("peran", ["admin_instansi", "bkpsdm", "inspektorat"])
def test_oversight_roles_see_every_assignment_of_their_instansi_only(org, peran):
    p = _lintas_unit(org)
    tono = org.u["tono"]
    setattr(tono, peran, True)
    tono.save()
    assert selectors.penugasan_terlihat(tono).filter(pk=p.pk).exists()
    sekda_b = org.u["sekda_b"]
    setattr(sekda_b, peran, True)
    sekda_b.save()
    assert not selectors.penugasan_terlihat(sekda_b).filter(pk=p.pk).exists()


def test_requester_opens_the_other_instansis_surat_penugasan_he_was_notified_of(org, client):
    p = services.buat_penunjukan_lintas_instansi(pengguna=org.u["ani"], data=data(), instansi_tujuan_id=org.b.pk)
    services.jalankan(pengguna=org.u["sekda_a"], penugasan_id=p.pk, aksi="setujui")
    services.jalankan(pengguna=org.u["sekda_b"], penugasan_id=p.pk, aksi="setujui", ppk_tujuan_id=org.p["citra"].pk)
    services.jalankan(pengguna=org.u["citra"], penugasan_id=p.pk, aksi="setujui", penerima=[penerima(org.p["eka"])])
    services.jalankan(pengguna=org.u["sekda_b"], penugasan_id=p.pk, aksi="setujui")
    services.jalankan(pengguna=org.u["citra"], penugasan_id=p.pk, aksi="setujui")
    tugas = p.surat.get(jenis="penugasan")
    assert tugas.instansi == org.b
    client.force_login(org.u["ani"])
    r = client.get(f"/penugasan/surat/{tugas.pk}/unduh/")
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    assert tugas in selectors.surat_terlihat(org.u["ani"], p)
    # Another pegawai of the requesting instansi was told nothing and sees nothing of it.
    assert not selectors.surat_terlihat(org.u["tono"]).filter(pk=tugas.pk).exists()
