"""What revoking, correcting and re-submitting do to the assignment, not only to the letter
(issue #4 point 2: immutable letters; a correction is a new letter naming the old one; a revoked
letter shows as revoked — and an assignment whose letter is revoked no longer binds anyone)."""

from __future__ import annotations

import json

import pytest

from sikerja.penugasan import selectors, services
from sikerja.penugasan.errors import TransisiTidakSah
from sikerja.surat.models import Surat

from .conftest import data, penerima


def _lintas_unit(org):  # type: ignore[no-untyped-def]
    return services.buat_penunjukan_lintas_unit(pengguna=org.u["bambang"], data=data(),
                                                ppk_tujuan_id=org.p["ani"].pk)


def _ditugaskan(org):  # type: ignore[no-untyped-def]
    p = _lintas_unit(org)
    return services.jalankan(pengguna=org.u["ani"], penugasan_id=p.pk, aksi="setujui",
                             penerima=[penerima(org.p["sari"], 40)])


def test_revoking_the_surat_penugasan_ends_the_assignment_and_frees_the_workload(org):
    p = _ditugaskan(org)
    assert selectors.beban_pegawai([org.p["sari"].pk], p.mulai, p.selesai)[org.p["sari"].pk] == 40
    st = p.surat.get(jenis="penugasan")
    services.cabut_surat(pengguna=org.u["ani"], surat_id=st.pk, alasan="Kegiatan dibatalkan")
    p.refresh_from_db()
    assert p.status == "dicabut" and p.aktor_sekarang is None
    assert selectors.beban_pegawai([org.p["sari"].pk], p.mulai, p.selesai)[org.p["sari"].pk] == 0
    t = p.transisi.order_by("-id").first()
    assert (t.aksi, t.dari_status, t.ke_status, t.alasan) == ("cabut_surat", "ditugaskan", "dicabut",
                                                              "Kegiatan dibatalkan")
    assert selectors.kotak_masuk(org.p["sari"].pk).filter(pesan__contains="berakhir").exists()


def test_revoking_a_request_under_way_stops_the_path(org):
    p = _lintas_unit(org)
    pp = p.surat.get(jenis="permohonan_pelibatan")
    services.cabut_surat(pengguna=org.u["bambang"], surat_id=pp.pk, alasan="Salah alamat")
    p.refresh_from_db()
    assert p.status == "dicabut" and p.aktor_sekarang is None
    assert selectors.jumlah_kotak_masuk(org.p["ani"].pk) == 1  # the notice; her action item is closed
    with pytest.raises(TransisiTidakSah):
        services.jalankan(pengguna=org.u["ani"], penugasan_id=p.pk, aksi="setujui",
                          penerima=[penerima(org.p["sari"])])


def test_revoking_the_answer_of_a_finished_assignment_leaves_the_assignment_standing(org):
    p = _ditugaskan(org)
    jawaban = p.surat.get(jenis="jawaban")
    services.cabut_surat(pengguna=org.u["ani"], surat_id=jawaban.pk, alasan="Nomor ganda")
    p.refresh_from_db()
    assert p.status == "ditugaskan"


def test_correction_on_the_page_issues_a_new_letter_naming_the_old_one(org, client):
    p = _ditugaskan(org)
    st = p.surat.get(jenis="penugasan")
    client.force_login(org.u["ani"])
    r = client.post(f"/penugasan/surat/{st.pk}/koreksi/", {"alasan": "Salah tulis periode",
                                                         "paragraf_tambahan": "Periode diperpanjang."})
    assert r.status_code == 302
    st.refresh_from_db()
    baru = Surat.objects.get(mengoreksi=st)
    assert st.status == "dikoreksi" and baru.status == "berlaku" and baru.jenis == "penugasan"
    assert f"menggantikan surat nomor {st.nomor}" in " ".join(baru.isi["paragraf"])
    assert "Periode diperpanjang." in baru.isi["paragraf"]
    p.refresh_from_db()
    assert p.status == "ditugaskan"
    # Only the signatory may correct.
    client.force_login(org.u["bambang"])
    assert client.post(f"/penugasan/surat/{baru.pk}/koreksi/", {"alasan": "x"}).status_code == 403


def test_resubmitting_a_corrected_request_reissues_the_request_letter_with_the_new_content(org, client):
    p = _lintas_unit(org)
    lama = p.surat.get(jenis="permohonan_pelibatan")
    services.jalankan(pengguna=org.u["ani"], penugasan_id=p.pk, aksi="kembalikan", alasan="Kompetensi terlalu umum")
    client.force_login(org.u["bambang"])
    body = {"aksi": "ajukan_ulang", "perubahan": {
        "judul": p.judul, "mulai": p.mulai.isoformat(), "selesai": p.selesai.isoformat(),
        "maksud_tujuan": p.maksud_tujuan, "uraian_tugas": p.uraian_tugas,
        "kompetensi_dibutuhkan": "epidemiologi lapangan", "target_kinerja": p.target_kinerja}}
    r = client.post(f"/api/penugasan/{p.pk}/transisi", json.dumps(body), content_type="application/json")
    assert r.status_code == 200, r.content
    lama.refresh_from_db()
    baru = Surat.objects.get(mengoreksi=lama)
    assert lama.status == "dikoreksi" and baru.jenis == "permohonan_pelibatan"
    assert ["Kompetensi yang dibutuhkan", "epidemiologi lapangan"] in baru.isi["rincian"]
    assert "Kompetensi terlalu umum" in " ".join(baru.isi["paragraf"])
    assert list(baru.kepada.all()) == [org.p["ani"]]
    aksi = selectors.kotak_masuk(org.p["ani"].pk).get(jenis="tindakan")
    assert aksi.surat == baru


def test_api_revoke_correct_and_mark_read(org, client):
    p = _ditugaskan(org)
    st = p.surat.get(jenis="penugasan")
    client.force_login(org.u["ani"])
    r = client.post(f"/api/penugasan/surat/{st.pk}/koreksi", json.dumps({"alasan": "Salah ketik"}),
                    content_type="application/json")
    assert r.status_code == 201 and r.json()["status"] == "berlaku"
    baru_id = r.json()["id"]
    r = client.post(f"/api/penugasan/surat/{baru_id}/cabut", json.dumps({"alasan": "Dibatalkan"}),
                    content_type="application/json")
    assert r.status_code == 200 and r.json()["status"] == "dicabut"
    p.refresh_from_db()
    assert p.status == "dicabut"
    client.force_login(org.u["sari"])
    sebelum = selectors.jumlah_kotak_masuk(org.p["sari"].pk)
    assert sebelum > 0
    r = client.post(f"/api/penugasan/{p.pk}/dibaca")
    assert r.status_code == 200 and selectors.jumlah_kotak_masuk(org.p["sari"].pk) == 0


def test_api_candidates_only_for_the_deciding_official(org, client):
    p = _lintas_unit(org)
    client.force_login(org.u["bambang"])
    assert client.get(f"/api/penugasan/{p.pk}/kandidat").status_code == 403
    client.force_login(org.u["ani"])
    r = client.get(f"/api/penugasan/{p.pk}/kandidat?kompetensi=epidemiologi")
    assert r.status_code == 200
    rows = {x["nama"]: x for x in r.json()["items"]}  # paged (issue 9 point 10)
    assert "Sari Epidemiolog" in rows and rows["Sari Epidemiolog"]["kompetensi_cocok"]
    assert "Tono Pelaksana" not in rows


def test_page_warns_before_revoking_a_letter_that_ends_the_assignment(org, client):
    p = _ditugaskan(org)
    client.force_login(org.u["ani"])
    html = client.get(f"/penugasan/{p.pk}/").content.decode()
    st, jawaban = p.surat.get(jenis="penugasan"), p.surat.get(jenis="jawaban")
    blok = {s.pk: html.split(f'/penugasan/surat/{s.pk}/cabut/')[1].split("</form>")[0] for s in (st, jawaban)}
    assert 'data-testid="cabut-mengakhiri"' in blok[st.pk]
    assert 'data-testid="cabut-mengakhiri"' not in blok[jawaban.pk]
