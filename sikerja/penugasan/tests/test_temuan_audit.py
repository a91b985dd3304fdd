"""Regressions for the shared-deployment audit findings (issue 10 points 9–12) in penugasan."""

from __future__ import annotations

import json

import pytest
from django.db import IntegrityError, OperationalError
from django.db.models import QuerySet

from sikerja.penugasan import services

from .conftest import data, penerima


def _lintas_unit(org):  # type: ignore[no-untyped-def]
    return services.buat_penunjukan_lintas_unit(pengguna=org.u["bambang"], data=data(), ppk_tujuan_id=org.p["ani"].pk)


# --- point 9: the letter-number format ----------------------------------------------------------


@pytest.mark.parametrize(("fmt", "pesan"), [
    ("{nomor:>100000}", "Lebar"),
    ("{nomor}/{kode.__class__.__name__}", "tidak dikenal"),
    ("{nomor}/{tahun:>90}", "tidak boleh diberi format"),
    ("{nomor}" + "{kode}" * 18, "paling panjang"),
])
def test_point_9_settings_page_refuses_a_format_that_could_break_letters_or_the_page(org, client, fmt, pesan):
    admin = org.u["tono"]
    admin.admin_instansi = True
    admin.save()
    client.force_login(admin)
    r = client.post("/penugasan/pengaturan/", {"alamat": "", "kota": "", "singkatan": "ALPHA",
                                               "ambang_beban_kerja": "100", "format_nomor_surat": fmt})
    assert r.status_code == 400 and pesan in r.content.decode()
    org.a.refresh_from_db()
    assert org.a.format_nomor_surat != fmt


def test_point_9_a_bad_format_stored_earlier_does_not_stop_letters(org):
    from sikerja.organisasi.models import Instansi

    Instansi.objects.filter(pk=org.a.pk).update(format_nomor_surat="{nomor:>100000}")
    p = _lintas_unit(org)
    assert p.surat.get().nomor.startswith("PP/0001/ALPHA/")


# --- point 10: cross-instansi disclosure ---------------------------------------------------------


def _lintas_instansi_sampai_jawaban(org):  # type: ignore[no-untyped-def]
    p = services.buat_penunjukan_lintas_instansi(pengguna=org.u["ani"], data=data(), instansi_tujuan_id=org.b.pk)
    p = services.jalankan(pengguna=org.u["sekda_a"], penugasan_id=p.pk, aksi="setujui")
    p = services.jalankan(pengguna=org.u["sekda_b"], penugasan_id=p.pk, aksi="setujui",
                          ppk_tujuan_id=org.p["citra"].pk)
    p = services.jalankan(pengguna=org.u["citra"], penugasan_id=p.pk, aksi="setujui",
                          penerima=[penerima(org.p["eka"], 40)])
    assert p.status == "menunggu_pyb_tujuan_jawaban"
    return p


def test_point_10_requesting_instansi_does_not_see_the_proposed_pegawai_before_the_target_pyb_answers(org, client):
    p = _lintas_instansi_sampai_jawaban(org)
    eka = org.p["eka"]
    for kunci in ("ani", "sekda_a"):
        client.force_login(org.u[kunci])
        html = client.get(f"/penugasan/{p.pk}/").content.decode()
        assert eka.nama not in html and eka.unit.nama not in html, kunci
        api = client.get(f"/api/penugasan/{p.pk}").json()
        assert api["penerima"] == [] and eka.nama not in json.dumps(api)
    # The target instansi itself sees its proposal.
    client.force_login(org.u["sekda_b"])
    assert eka.nama in client.get(f"/penugasan/{p.pk}/").content.decode()
    # Refused by the target PyB: the requesting side never learns who was proposed.
    services.jalankan(pengguna=org.u["sekda_b"], penugasan_id=p.pk, aksi="tolak", alasan="Tidak ada formasi")
    client.force_login(org.u["ani"])
    assert eka.nama not in client.get(f"/penugasan/{p.pk}/").content.decode()


def test_point_10_after_approval_the_requesting_side_sees_what_the_letter_says_not_other_workload(org, client):
    p = _lintas_instansi_sampai_jawaban(org)
    services.jalankan(pengguna=org.u["sekda_b"], penugasan_id=p.pk, aksi="setujui")
    client.force_login(org.u["ani"])
    html = client.get(f"/penugasan/{p.pk}/").content.decode()
    assert org.p["eka"].nama in html
    baris = html.split(org.p["eka"].nama, 1)[1].split("</tr>", 1)[0]
    assert "40%" in baris and "—" in baris  # declared effort as in the letter; no other workload


# --- point 11: lock order and races --------------------------------------------------------------


@pytest.fixture
def urutan_kunci(monkeypatch):  # type: ignore[no-untyped-def]
    urutan: list[str] = []
    asli = QuerySet.select_for_update

    def catat(self, *a, **kw):  # type: ignore[no-untyped-def]
        urutan.append(self.model._meta.label)
        return asli(self, *a, **kw)

    monkeypatch.setattr(QuerySet, "select_for_update", catat)
    return urutan


def _kunci_pokok(urutan: list[str]) -> list[str]:
    return [m for m in urutan if m in ("penugasan.Penugasan", "surat.Surat")]


def test_point_11_revoking_locks_the_assignment_before_the_letter(org, urutan_kunci):
    s = _lintas_unit(org).surat.get()
    urutan_kunci.clear()
    services.cabut_surat(pengguna=org.u["bambang"], surat_id=s.pk, alasan="Batal")
    assert _kunci_pokok(urutan_kunci) == ["penugasan.Penugasan", "surat.Surat"]


def test_point_11_resubmitting_a_corrected_request_locks_in_the_same_order(org, urutan_kunci):
    p = _lintas_unit(org)
    services.jalankan(pengguna=org.u["ani"], penugasan_id=p.pk, aksi="kembalikan", alasan="Perjelas")
    urutan_kunci.clear()
    baru = data(judul="Surveilans DBD diperjelas")
    services.jalankan(pengguna=org.u["bambang"], penugasan_id=p.pk, aksi="ajukan_ulang", perubahan=baru)
    assert _kunci_pokok(urutan_kunci) == ["penugasan.Penugasan", "surat.Surat"]


@pytest.mark.parametrize("galat", [IntegrityError("UNIQUE constraint failed: surat_surat.instansi_id"),
                                   OperationalError("deadlock detected")])
def test_point_11_a_race_is_a_clear_retryable_409_in_the_api_and_a_message_on_the_page(org, client, monkeypatch,
                                                                                         galat):
    p = _lintas_unit(org)

    def balapan(*a, **kw):  # type: ignore[no-untyped-def]
        raise galat

    monkeypatch.setattr("sikerja.surat.services.ambil_nomor", balapan)
    client.force_login(org.u["ani"])
    body = {"aksi": "setujui", "penerima": [{"pegawai_id": org.p["sari"].pk, "beban_persen": 20}]}
    r = client.post(f"/api/penugasan/{p.pk}/transisi", json.dumps(body), content_type="application/json")
    assert r.status_code == 409 and "coba lagi" in r.json()["detail"]
    r = client.post(f"/penugasan/{p.pk}/aksi/", {"aksi": "setujui", "pegawai": [str(org.p["sari"].pk)],
                                                 f"beban_{org.p['sari'].pk}": "20"}, follow=True)
    assert r.status_code == 200 and "coba lagi" in r.content.decode()
    p.refresh_from_db()
    assert p.status == "menunggu_ppk_tujuan" and p.transisi.count() == 1


# --- API pagination -------------------------------------------------------------------------------


def test_inbox_and_list_api_are_paginated_with_items_and_count(org, client):
    for i in range(52):
        services.buat_penunjukan_lintas_unit(pengguna=org.u["bambang"], data=data(judul=f"Tugas {i}"),
                                             ppk_tujuan_id=org.p["ani"].pk)
    client.force_login(org.u["ani"])
    r = client.get("/api/penugasan/kotak-masuk").json()
    assert r["count"] == 52 and len(r["items"]) == 50
    assert len(client.get("/api/penugasan/kotak-masuk?page=2").json()["items"]) == 2
    r = client.get("/api/penugasan/?page=2").json()
    assert r["count"] == 52 and len(r["items"]) == 2 and {"id", "status", "aksi_tersedia"} <= set(r["items"][0])
