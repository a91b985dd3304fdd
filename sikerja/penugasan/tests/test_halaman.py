"""Pages: rights (403 wrong actor, 404 other instansi), forms, inbox query counts, downloads."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sikerja.penugasan import services
from sikerja.penugasan.models import Penugasan
from sikerja.penugasan.selectors import jumlah_kotak_masuk
from sikerja.surat.models import Surat

from .conftest import data, penerima


@pytest.fixture
def masuk(client):  # type: ignore[no-untyped-def]
    def _masuk(user):  # type: ignore[no-untyped-def]
        client.force_login(user)
        return client
    return _masuk


def _form(**kw):
    d = {"judul": "Surveilans DBD", "maksud_tujuan": "Menurunkan kasus", "uraian_tugas": "Analisis data",
         "kompetensi_dibutuhkan": "epidemiologi", "target_kinerja": "Laporan mingguan\nPeta kasus",
         "mulai": date.today().isoformat(), "selesai": (date.today() + timedelta(days=30)).isoformat(),
         "bentuk": "individu", "sifat": "insidental", "jumlah_dibutuhkan": "1"}
    d.update(kw)
    return d


def _lintas_unit(org):
    return services.buat_penunjukan_lintas_unit(pengguna=org.u["bambang"], data=data(), ppk_tujuan_id=org.p["ani"].pk)


def test_user_of_another_instansi_gets_404_for_an_assignment(org, masuk):
    p = _lintas_unit(org)
    c = masuk(org.u["citra"])
    assert c.get(f"/penugasan/{p.pk}/").status_code == 404
    assert c.post(f"/penugasan/{p.pk}/aksi/", {"aksi": "setujui"}).status_code == 404
    s = p.surat.first()
    assert c.get(f"/penugasan/surat/{s.pk}/unduh/").status_code == 404
    assert c.get(f"/api/penugasan/{p.pk}").status_code == 404


def test_wrong_actor_gets_403_with_a_message_and_no_change(org, masuk):
    p = _lintas_unit(org)
    r = masuk(org.u["bambang"]).post(f"/penugasan/{p.pk}/aksi/", {"aksi": "setujui", "pegawai": [org.p["sari"].pk]})
    assert r.status_code == 403
    assert "hanya dapat diambil oleh PPK dituju (Ani Kabid)" in r.content.decode()
    p.refresh_from_db()
    assert p.status == "menunggu_ppk_tujuan"


def test_detail_shows_decision_buttons_only_to_the_named_actor(org, masuk, client):
    p = _lintas_unit(org)
    html = masuk(org.u["ani"]).get(f"/penugasan/{p.pk}/").content.decode()
    assert 'id="form-tolak"' in html and "Sari Epidemiolog" in html and "Jejak audit" in html
    client.logout()
    html = masuk(org.u["bambang"]).get(f"/penugasan/{p.pk}/").content.decode()
    assert 'id="form-tolak"' not in html and "Menunggu keputusan" in html


def test_ppk_approves_on_the_page_with_candidate_and_effort(org, masuk):
    p = _lintas_unit(org)
    sari = org.p["sari"].pk
    r = masuk(org.u["ani"]).post(f"/penugasan/{p.pk}/aksi/",
                                 {"aksi": "setujui", "pegawai": [sari], f"beban_{sari}": "30"})
    assert r.status_code == 302
    p.refresh_from_db()
    assert p.status == "ditugaskan" and p.penerima.get().beban_persen == 30


def test_refusal_on_the_page_without_reason_shows_a_message(org, masuk):
    p = _lintas_unit(org)
    c = masuk(org.u["ani"])
    r = c.post(f"/penugasan/{p.pk}/aksi/", {"aksi": "tolak", "alasan": ""}, follow=True)
    assert "Alasan penolakan wajib diisi" in r.content.decode()
    p.refresh_from_db()
    assert p.status == "menunggu_ppk_tujuan"


def test_workload_warning_on_the_page_then_approval_with_reason(org, masuk):
    services.buat_penunjukan_dalam_unit(pengguna=org.u["ani"], data=data(judul="Lama"),
                                        penerima=[penerima(org.p["sari"], 95)])
    p = _lintas_unit(org)
    sari = org.p["sari"].pk
    c = masuk(org.u["ani"])
    r = c.post(f"/penugasan/{p.pk}/aksi/", {"aksi": "setujui", "pegawai": [sari], f"beban_{sari}": "20"})
    assert r.status_code == 200 and "melebihi ambang" in r.content.decode() and 'name="alasan_beban"' in r.content.decode()
    r = c.post(f"/penugasan/{p.pk}/aksi/", {"aksi": "setujui", "pegawai": [sari], f"beban_{sari}": "20",
                                            "alasan_beban": "Mendesak"})
    p.refresh_from_db()
    assert p.status == "ditugaskan" and p.transisi.last().data["alasan_beban"] == "Mendesak"


def test_create_lintas_unit_form_requires_minimum_contents(org, masuk):
    c = masuk(org.u["bambang"])
    assert c.get("/penugasan/buat/lintas_unit/").status_code == 200
    r = c.post("/penugasan/buat/lintas_unit/", _form(maksud_tujuan="", ppk_tujuan=org.p["ani"].pk))
    assert r.status_code == 200 and not Penugasan.objects.exists()
    r = c.post("/penugasan/buat/lintas_unit/", _form(ppk_tujuan=org.p["ani"].pk))
    p = Penugasan.objects.get()
    assert r.status_code == 302 and r["Location"] == f"/penugasan/{p.pk}/"


def test_create_dalam_unit_on_the_page(org, masuk):
    c = masuk(org.u["ani"])
    html = c.get("/penugasan/buat/dalam_unit/").content.decode()
    assert "Sari Epidemiolog" in html and "Rina Perawat" not in html
    sari = org.p["sari"].pk
    r = c.post("/penugasan/buat/dalam_unit/", _form(pegawai=[sari], **{f"beban_{sari}": "20"}))
    assert r.status_code == 302
    assert Penugasan.objects.get().status == "ditugaskan"


def test_sukarela_form_refuses_another_instansi_with_the_regulation_message(org, masuk):
    c = masuk(org.u["sari"])
    r = c.post("/penugasan/buat/sukarela_lintas_unit/", _form(instansi_tujuan=org.b.pk, beban_diajukan="10"))
    assert "lingkungan instansi sendiri" in r.content.decode()
    assert not Penugasan.objects.exists()


def test_candidate_filter_by_competency_shows_the_requesters_criteria(org, masuk):
    p = _lintas_unit(org)
    c = masuk(org.u["ani"])
    html = c.get("/penugasan/kandidat/", {"penugasan": p.pk, "kompetensi": "surveilans"}).content.decode()
    assert "Sari Epidemiolog" in html and "Tono Pelaksana" not in html
    html = c.get("/penugasan/kandidat/", {"penugasan": p.pk}).content.decode()
    assert "Tono Pelaksana" in html and "bg-success" in html  # Sari's Epidemiologi matches the criteria


def test_download_letter_pdf(org, masuk):
    p = _lintas_unit(org)
    s = p.surat.get()
    r = masuk(org.u["ani"]).get(f"/penugasan/surat/{s.pk}/unduh/")
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf" and r.content[:4] == b"%PDF"


def _buat_item(org, n):
    for i in range(n):
        services.buat_penunjukan_lintas_unit(pengguna=org.u["bambang"], data=data(judul=f"Tugas {i}"),
                                             ppk_tujuan_id=org.p["ani"].pk)


def test_inbox_page_query_count_does_not_grow_with_items(org, masuk):
    c = masuk(org.u["ani"])
    _buat_item(org, 2)
    with CaptureQueriesContext(connection) as q2:
        assert c.get("/penugasan/kotak-masuk/").status_code == 200
    _buat_item(org, 6)
    with CaptureQueriesContext(connection) as q8:
        html = c.get("/penugasan/kotak-masuk/").content.decode()
    assert "Tugas 5" in html
    assert len(q8) == len(q2)


def test_navigation_count_is_one_query(org, django_assert_num_queries):
    _buat_item(org, 3)
    with django_assert_num_queries(1):
        assert jumlah_kotak_masuk(org.p["ani"].pk) == 3


def test_navigation_shows_kotak_masuk_with_count(org, masuk):
    _buat_item(org, 2)
    html = masuk(org.u["ani"]).get("/penugasan/").content.decode()
    assert "Kotak Masuk" in html and 'data-jumlah="kotak_masuk">2<' in html


def test_opening_the_assignment_reads_its_tembusan_by_a_post_not_on_get(org, masuk):
    # Issue 10 point 12 (intended change): a GET changes nothing; the Kotak Masuk link submits a
    # POST that reads the notices and redirects to the page, which offers a button for the rest.
    p = _lintas_unit(org)
    assert jumlah_kotak_masuk(org.p["kadis_a"].pk) == 1
    c = masuk(org.u["kadis_a"])
    html = c.get(f"/penugasan/{p.pk}/").content.decode()
    assert jumlah_kotak_masuk(org.p["kadis_a"].pk) == 1
    assert 'data-testid="tandai-dibaca"' in html
    from sikerja.kotak_masuk.models import Item

    item = Item.objects.get(penerima=org.p["kadis_a"])
    daftar = c.get("/penugasan/kotak-masuk/").content.decode()
    assert f'data-buka="/penugasan/kotak-masuk/{item.pk}/buka/"' in daftar and f'href="/penugasan/{p.pk}/"' in daftar
    assert c.get(f"/penugasan/kotak-masuk/{item.pk}/buka/").status_code == 405
    r = c.post(f"/penugasan/kotak-masuk/{item.pk}/buka/")
    assert r.status_code == 302 and r["Location"] == f"/penugasan/{p.pk}/"
    assert jumlah_kotak_masuk(org.p["kadis_a"].pk) == 0
    assert 'data-testid="tandai-dibaca"' not in c.get(f"/penugasan/{p.pk}/").content.decode()
    # Someone else's item cannot be opened this way.
    assert masuk(org.u["ani"]).post(f"/penugasan/kotak-masuk/{item.pk}/buka/").status_code == 404


def test_the_unread_button_marks_notices_read_with_a_post(org, masuk):
    p = _lintas_unit(org)
    c = masuk(org.u["kadis_a"])
    assert c.get(f"/penugasan/{p.pk}/dibaca/").status_code == 405
    r = c.post(f"/penugasan/{p.pk}/dibaca/")
    assert r.status_code == 302 and jumlah_kotak_masuk(org.p["kadis_a"].pk) == 0


def test_returned_request_is_edited_and_resubmitted_on_the_page(org, masuk, client):
    p = _lintas_unit(org)
    services.jalankan(pengguna=org.u["ani"], penugasan_id=p.pk, aksi="kembalikan", alasan="Perjelas target")
    assert masuk(org.u["ani"]).get(f"/penugasan/{p.pk}/ubah/").status_code == 403
    client.logout()
    c = masuk(org.u["bambang"])
    assert "Perjelas target" in c.get(f"/penugasan/{p.pk}/ubah/").content.decode()
    r = c.post(f"/penugasan/{p.pk}/ubah/", _form(target_kinerja="Target baru yang jelas"))
    assert r.status_code == 302
    p.refresh_from_db()
    assert p.status == "menunggu_ppk_tujuan" and p.target_kinerja == ["Target baru yang jelas"]


def test_list_and_choose_path_pages(org, masuk):
    _lintas_unit(org)
    c = masuk(org.u["ani"])
    assert "Surveilans DBD musim hujan" in c.get("/penugasan/?saring=tindakan").content.decode()
    html = c.get("/penugasan/buat/").content.decode()
    assert all(j in html for j in ("dalam_unit", "lintas_unit", "lintas_instansi", "sukarela_dalam_unit",
                                   "sukarela_lintas_unit"))
    assert Surat.objects.count() == 1


def test_candidates_show_their_active_assignments_with_period_and_effort(org, masuk):
    services.buat_penunjukan_dalam_unit(pengguna=org.u["ani"], data=data(judul="Tugas berjalan"),
                                        penerima=[penerima(org.p["sari"], 35)])
    p = _lintas_unit(org)
    html = masuk(org.u["ani"]).get(f"/penugasan/{p.pk}/").content.decode()
    assert "Tugas berjalan" in html and "35%)" in html


def test_navigation_highlights_only_the_item_of_the_open_page(org, masuk):
    # /penugasan/kotak-masuk/ lies under /penugasan/: only "Kotak Masuk" is the active item.
    c = masuk(org.u["ani"])
    nav = c.get("/penugasan/kotak-masuk/").content.decode().split("</nav>")[0]
    assert nav.count("nav-link text-nowrap active") == 1
    assert 'nav-link text-nowrap active" href="/penugasan/kotak-masuk/"' in nav
    nav = c.get("/penugasan/").content.decode().split("</nav>")[0]
    assert nav.count("nav-link text-nowrap active") == 1 and 'nav-link text-nowrap active" href="/penugasan/"' in nav


def test_ppk_dituju_is_an_autocomplete_by_name_showing_the_unit(org, masuk):
    """Issue #12 point 3: the addressee is picked by name/NIP/jabatan, each shown with his unit;
    the requester himself is never offered."""
    c = masuk(org.u["bambang"])
    html = c.get("/penugasan/buat/lintas_unit/").content.decode()
    assert '<select name="ppk_tujuan"' not in html and "lingkup=penugasan_ppk" in html
    hasil = c.get("/organisasi/pilih-pegawai/", {"q": "kepala", "lingkup": "penugasan_ppk"}).content.decode()
    assert "Ani Kabid" in hasil and "Bidang Pencegahan Penyakit, Dinas Kesehatan" in hasil
    assert "Bambang Kabid" not in hasil
    assert "Sari Epidemiolog" not in c.get("/organisasi/pilih-pegawai/", {"q": "Sari", "lingkup": "penugasan_ppk"}).content.decode()


def test_ppk_dituju_outside_the_scope_is_refused_by_the_form(org, masuk):
    c = masuk(org.u["bambang"])
    r = c.post("/penugasan/buat/lintas_unit/", _form(ppk_tujuan=str(org.p["sari"].pk)))
    assert r.status_code == 200 and "pilih dari daftar" in r.content.decode()
    assert not Penugasan.objects.exists()


def test_workload_warning_keeps_the_effort_and_ketua_the_user_entered(org, masuk):
    from sikerja.penugasan.models import Penerima

    c = masuk(org.u["ani"])
    services.buat_penunjukan_dalam_unit(pengguna=org.u["ani"], data=data(judul="Tugas lama"),
                                        penerima=[penerima(org.p["sari"], 75)])
    form = _form(bentuk="tim", pegawai=[str(org.p["sari"].pk), str(org.p["tono"].pk)],
                 **{f"beban_{org.p['sari'].pk}": "35", f"beban_{org.p['tono'].pk}": "15",
                    "ketua": str(org.p["tono"].pk)})
    html = c.post("/penugasan/buat/dalam_unit/", form).content.decode()
    assert "melebihi ambang" in html.lower()
    assert f'name="beban_{org.p["sari"].pk}" value="35"' in html
    assert f'name="beban_{org.p["tono"].pk}" value="15"' in html
    assert f'value="{org.p["tono"].pk}" checked' in html
    c.post("/penugasan/buat/dalam_unit/", {**form, "alasan_beban": "Kegiatan prioritas bupati"})
    baru = Penugasan.objects.get(judul="Surveilans DBD")
    assert {r.pegawai_id: r.beban_persen for r in Penerima.objects.filter(penugasan=baru)} == {
        org.p["sari"].pk: 35, org.p["tono"].pk: 15}


def test_competency_criteria_match_whole_phrases_not_any_word():
    from sikerja.penugasan.selectors import cocok_kompetensi, frasa_kompetensi

    frasa = frasa_kompetensi("manajemen pelayanan kesehatan, analisis data")
    assert frasa == [["manajemen", "pelayanan", "kesehatan"], ["analisis", "data"]]
    assert cocok_kompetensi("Analisis data epidemiologi", frasa)
    assert cocok_kompetensi("Manajemen Pelayanan Kesehatan Primer", frasa)
    assert not cocok_kompetensi("Pelayanan Medik", frasa)
    assert not cocok_kompetensi("Gigi dan Mulut", frasa)


def test_api_refuses_out_of_range_numbers_with_a_message_not_a_server_error(org, client):
    import json

    client.force_login(org.u["ani"])
    body = {"judul": "x" * 201, "maksud_tujuan": "a", "uraian_tugas": "b", "kompetensi_dibutuhkan": "c",
            "target_kinerja": ["t"], "mulai": date.today().isoformat(),
            "selesai": (date.today() + timedelta(days=5)).isoformat(), "jumlah_dibutuhkan": -1,
            "ppk_tujuan_id": org.p["bambang"].pk}
    r = client.post("/api/penugasan/lintas-unit", json.dumps(body), content_type="application/json")
    assert r.status_code in (400, 422), r.status_code
    assert not Penugasan.objects.exists()


def test_choosing_a_pegawai_of_another_instansi_reveals_no_name(org):
    from sikerja.penugasan.errors import TidakBerwenang

    with pytest.raises(TidakBerwenang) as e:
        services.buat_penunjukan_dalam_unit(pengguna=org.u["ani"], data=data(), penerima=[penerima(org.p["eka"])])
    assert "Eka" not in str(e.value.pesan)


def test_candidate_workload_follows_the_period_entered_on_the_form(org, masuk):
    jauh = date.today() + timedelta(days=200)
    services.buat_penunjukan_dalam_unit(
        pengguna=org.u["ani"], data=data(judul="Tugas tahun depan", mulai=jauh, selesai=jauh + timedelta(days=20)),
        penerima=[penerima(org.p["sari"], 60)])
    c = masuk(org.u["ani"])
    html = c.get("/penugasan/buat/dalam_unit/").content.decode()
    tanggal = html.split('id="id_mulai"')[0].rsplit("<input", 1)[1]
    assert 'hx-get="/penugasan/kandidat/"' in tanggal and "#id_mulai, #id_selesai" in tanggal
    baris = c.get(f"/penugasan/kandidat/?mulai={jauh.isoformat()}&selesai={(jauh + timedelta(days=5)).isoformat()}")
    sari = baris.content.decode().split('data-pegawai="Sari Epidemiolog"')[1].split("</tr>")[0]
    assert "60%" in sari and "Tugas tahun depan" in sari
    sekarang = c.get("/penugasan/kandidat/").content.decode().split('data-pegawai="Sari Epidemiolog"')[1]
    assert "Tugas tahun depan" not in sekarang.split("</tr>")[0]


def test_paths_a_user_may_not_start_are_closed_with_the_reason_before_any_form(org, masuk):
    c = masuk(org.u["tono"])  # a pelaksana leads nobody
    html = c.get("/penugasan/buat/").content.decode()
    assert 'data-tertutup="lintas_unit"' in html and 'data-jalur="sukarela_lintas_unit"' in html
    r = c.get("/penugasan/buat/lintas_unit/")
    assert r.status_code == 403 and "pimpinan unit organisasi" in r.content.decode()
    c = masuk(org.u["kadis_a"])  # a Kepala Dinas does not volunteer across units
    html = c.get("/penugasan/buat/").content.decode()
    assert 'data-tertutup="sukarela_lintas_unit"' in html and 'data-jalur="dalam_unit"' in html


def test_puo_records_the_oral_volunteering_of_a_pegawai_he_leads_on_the_page(org, masuk):
    c = masuk(org.u["ani"])
    html = c.get("/penugasan/buat/sukarela_dalam_unit/").content.decode()
    # The pegawai is picked by name (issue #12 point 3): the autocomplete offers only those he leads.
    assert 'name="pegawai"' in html and "lingkup=dipimpin_jf" in html
    pilihan = c.get("/organisasi/pilih-pegawai/?lingkup=dipimpin_jf&q=a").content.decode()
    assert "Sari Epidemiolog" in pilihan and "Rina Perawat" not in pilihan  # Rina is Bambang's
    form = _form(beban_diajukan="20", pegawai=str(org.p["sari"].pk))
    del form["bentuk"]
    r = c.post("/penugasan/buat/sukarela_dalam_unit/", form)
    assert r.status_code == 302
    p = Penugasan.objects.get()
    assert p.pemohon == org.p["sari"] and p.transisi.get().data == {"dicatat_oleh": "Ani Kabid"}


def test_admin_instansi_sets_numbering_threshold_and_pyb_on_a_page(org, masuk):
    c = masuk(org.u["ani"])
    assert c.get("/penugasan/pengaturan/").status_code == 403
    admin = org.u["tono"]
    admin.admin_instansi = True
    admin.save()
    c = masuk(admin)
    dasar = {"alamat": "Jl. Merdeka 1", "kota": "Alphapura", "singkatan": "ALPHA", "ambang_beban_kerja": "120",
             "pyb_nip": org.p["sekda_a"].nip}
    r = c.post("/penugasan/pengaturan/", {**dasar, "format_nomor_surat": "800/{kode}/{tahun}"})
    assert r.status_code == 400 and "{nomor}" in r.content.decode()
    r = c.post("/penugasan/pengaturan/", {**dasar, "format_nomor_surat": "800/{nomer}/{tahun}"})
    assert r.status_code == 400
    r = c.post("/penugasan/pengaturan/", {**dasar, "format_nomor_surat": "800/{kode}/{tahun}",
                                          "pyb_nip": org.p["sekda_b"].nip})
    assert r.status_code == 400 and "tidak ada di instansi ini" in r.content.decode()
    r = c.post("/penugasan/pengaturan/", {**dasar, "format_nomor_surat": "800/{nomor:03d}/{kode}/{bulan_romawi}/{tahun}"})
    assert r.status_code == 302
    org.a.refresh_from_db()
    assert (org.a.ambang_beban_kerja, org.a.pyb) == (120, org.p["sekda_a"])
    html = c.get("/penugasan/pengaturan/").content.decode()
    assert "800/007/ST/" in html
    p = services.buat_penunjukan_dalam_unit(pengguna=org.u["ani"], data=data(), penerima=[penerima(org.p["sari"])])
    assert p.surat.get().nomor.startswith("800/001/ST/")


def test_candidates_meeting_the_requesters_criteria_are_listed_first(org, masuk):
    # Sari carries more load, so by load alone Tono would come first.
    services.buat_penunjukan_dalam_unit(pengguna=org.u["ani"], data=data(judul="Tugas lain"),
                                        penerima=[penerima(org.p["sari"], 30)])
    p = _lintas_unit(org)  # Bambang asks Ani for "epidemiologi, analisis data"
    html = masuk(org.u["ani"]).get(f"/penugasan/{p.pk}/").content.decode()
    assert html.index('data-pegawai="Sari Epidemiolog"') < html.index('data-pegawai="Tono Pelaksana"')


def test_pyb_dituju_instructs_a_ppk_picked_by_autocomplete_of_his_own_instansi(org, masuk):
    """Karangasem Pasal 14 ayat (4) huruf d: the PyB dituju instructs a PPK — chosen by name/NIP/jabatan
    with the unit shown (issue #12 point 3), from his own instansi only."""
    p = services.buat_penunjukan_lintas_instansi(pengguna=org.u["ani"], data=data(), instansi_tujuan_id=org.b.pk)
    p = services.jalankan(pengguna=org.u["sekda_a"], penugasan_id=p.pk, aksi="setujui")
    c = masuk(org.u["sekda_b"])
    html = c.get(f"/penugasan/{p.pk}/").content.decode()
    assert '<select class="form-select form-select-sm mb-2" name="ppk_tujuan"' not in html
    assert "lingkup=penugasan_ppk_diinstruksikan" in html and 'id="ppk_tujuan"' in html
    hasil = c.get("/organisasi/pilih-pegawai/", {"q": "Kepala", "lingkup": "penugasan_ppk_diinstruksikan"}).content.decode()
    assert "Citra Kabid" in hasil and "Ani Kabid" not in hasil
    r = c.post(f"/penugasan/{p.pk}/aksi/", {"aksi": "setujui", "ppk_tujuan": str(org.p["citra"].pk)})
    assert r.status_code == 302
    p.refresh_from_db()
    assert p.ppk_tujuan == org.p["citra"]


def test_the_instructed_ppk_autocomplete_offers_only_ppk_of_the_requested_jenjang(org, masuk):
    """Karangasem Pasal 14 ayat (4) huruf c–d: the PPK instructed rates pegawai of the kind requested."""
    p = services.buat_penunjukan_lintas_instansi(pengguna=org.u["ani"], data=data(jenjang_dibutuhkan="ahli_pertama"),
                                                 instansi_tujuan_id=org.b.pk)
    services.jalankan(pengguna=org.u["sekda_a"], penugasan_id=p.pk, aksi="setujui")
    c = masuk(org.u["sekda_b"])
    assert "lingkup=penugasan_ppk_diinstruksikan_ahli_pertama" in c.get(f"/penugasan/{p.pk}/").content.decode()
    cari = {"q": "Citra"}
    assert "Citra Kabid" in c.get("/organisasi/pilih-pegawai/", {
        **cari, "lingkup": "penugasan_ppk_diinstruksikan_ahli_pertama"}).content.decode()
    assert "Citra Kabid" not in c.get("/organisasi/pilih-pegawai/", {
        **cari, "lingkup": "penugasan_ppk_diinstruksikan_ahli_madya"}).content.decode()
