"""The surat penugasan as a Surat Tugas (Permendagri 1/2023, Lampiran, format Surat Tugas) and a
correction that corrects (issue 9 points 7–8).

The PDF is read back: kop lines, SURAT TUGAS and its number, "Dasar" naming the request letter
by number and date, "MENUGASKAN", "Kepada" with NIP and pangkat/golongan, "Untuk" with the
period and target, the signer's NIP and pangkat, tembusan, page numbers and the verification
address from SIKERJA_ALAMAT_VERIFIKASI.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from django.test import Client, override_settings

from sikerja.organisasi.testing import buat_akun
from sikerja.penugasan import selectors, services
from sikerja.penugasan.errors import DataTidakLengkap, TidakBerwenang
from sikerja.penugasan.services import DataPenugasan
from sikerja.surat import services as surat_services
from sikerja.surat.models import Surat
from sikerja.surat.testing import png
from sikerja.surat.tests.test_kop import teks_pdf

from .conftest import data, penerima


def _pangkat(org):  # type: ignore[no-untyped-def]
    for k, v in (("ani", "Pembina (IV/a)"), ("sari", "Penata Tk. I (III/d)"), ("tono", "Pengatur (II/c)")):
        org.p[k].pangkat_golongan = v
        org.p[k].save(update_fields=["pangkat_golongan"])


def _lintas_unit(org):  # type: ignore[no-untyped-def]
    p = services.buat_penunjukan_lintas_unit(pengguna=org.u["bambang"], data=data(), ppk_tujuan_id=org.p["ani"].pk)
    return services.jalankan(pengguna=org.u["ani"], penugasan_id=p.pk, aksi="setujui",
                             penerima=[penerima(org.p["sari"])])


@override_settings(SIKERJA_ALAMAT_VERIFIKASI="https://sikerja.alphakab.go.id")
def test_permendagri_1_2023_surat_tugas_reads_back_kop_dasar_kepada_untuk_signature_tembusan_pages(org):
    _pangkat(org)
    admin = buat_akun(org.p["sekda_a"], admin_instansi=True)
    surat_services.simpan_kop(oleh=admin, instansi=org.a, nama_pemda="Pemerintah Kabupaten Alpha",
                              alamat="Jalan Merdeka Nomor 1, Alphapura 60000", telepon="(0343) 100200",
                              email="pemda@alphakab.go.id", laman="alphakab.go.id", lambang=png(150, 180))
    p = _lintas_unit(org)
    permohonan = p.surat.get(jenis="permohonan_pelibatan")
    s = p.surat.get(jenis="penugasan")
    teks = teks_pdf(bytes(s.pdf))
    tanggal = surat_services.tanggal_id(permohonan.tanggal)
    for harus in (
        "PEMERINTAH KABUPATEN ALPHA", "DINAS KESEHATAN", "Jalan Merdeka Nomor 1, Alphapura 60000",
        "Telepon (0343) 100200", "Pos-el pemda@alphakab.go.id", "Laman alphakab.go.id",
        "SURAT TUGAS", f"NOMOR {s.nomor}",
        "Dasar", "Peraturan Menteri PANRB Nomor 7 Tahun 2022", f"Nomor {permohonan.nomor} tanggal {tanggal}",
        "MENUGASKAN", "Kepada", "Sari Epidemiolog", f"NIP : {org.p['sari'].nip}", "Pangkat/Golongan : Penata Tk. I (III/d)",
        "Jabatan : Epidemiolog Kesehatan Ahli Muda",
        "Untuk", "Laporan surveilans mingguan", surat_services.tanggal_id(p.mulai),
        "KEPALA BIDANG P2P", "Ani Kabid", "Pembina (IV/a)", f"NIP. {org.p['ani'].nip}",
        "Tembusan", "Kepala Bidang Yankes (Bambang Kabid)",
        "Halaman 1 dari 1",
    ):
        assert harus in teks, harus
    assert f"https://sikerja.alphakab.go.id/verifikasi/{s.kode_verifikasi}/" in teks
    assert teks.index("Dasar") < teks.index("MENUGASKAN") < teks.index("Kepada") < teks.index("Untuk")


def test_a_long_surat_tugas_numbers_every_page(org):
    p = services.buat_penunjukan_lintas_unit(
        pengguna=org.u["bambang"], data=data(uraian_tugas="Analisis data kasus mingguan. " * 120),
        ppk_tujuan_id=org.p["ani"].pk)
    p = services.jalankan(pengguna=org.u["ani"], penugasan_id=p.pk, aksi="setujui", penerima=[penerima(org.p["sari"])])
    teks = teks_pdf(bytes(p.surat.get(jenis="penugasan").pdf))
    assert "Halaman 1 dari 2" in teks and "Halaman 2 dari 2" in teks


def test_issue_9_8_correcting_the_dates_changes_the_assignment_and_the_new_letter(org):
    p = _lintas_unit(org)
    lama = p.surat.get(jenis="penugasan")
    mulai, selesai = p.mulai + timedelta(days=7), p.mulai + timedelta(days=37)
    baru = services.koreksi_surat(pengguna=org.u["ani"], surat_id=lama.pk, alasan="tanggal mulai salah",
                                  perubahan=replace(DataPenugasan.dari(p), mulai=mulai, selesai=selesai))
    p.refresh_from_db()
    lama.refresh_from_db()
    assert (p.mulai, p.selesai) == (mulai, selesai)
    assert lama.status == "dikoreksi" and baru.mengoreksi == lama and baru.nomor != lama.nomor
    teks = teks_pdf(bytes(baru.pdf))
    periode = f"{surat_services.tanggal_id(mulai)} s.d. {surat_services.tanggal_id(selesai)}"
    assert periode in teks and f"{surat_services.tanggal_id(lama.tanggal)} s.d." not in teks.split("Untuk")[1]
    assert f"menggantikan Surat Tugas Nomor {lama.nomor}" in teks and "tanggal mulai salah" in teks
    # Dasar still names the request letter; the workload follows the corrected period.
    assert p.surat.get(jenis="permohonan_pelibatan").nomor in teks
    beban = selectors.beban_pegawai([org.p["sari"].pk], p.mulai - timedelta(days=3), p.mulai - timedelta(days=1))
    assert beban[org.p["sari"].pk] == 0
    jejak = p.transisi.filter(aksi="koreksi_surat").get()
    assert jejak.data["perubahan"]["mulai"] == str(mulai)


def test_issue_9_8_correcting_uraian_target_and_pegawai_reassigns_and_tells_who_left(org):
    _pangkat(org)
    p = _lintas_unit(org)
    lama = p.surat.get(jenis="penugasan")
    d = replace(DataPenugasan.dari(p), uraian_tugas="Validasi data kasus", target_kinerja=["Laporan validasi"])
    baru = services.koreksi_surat(pengguna=org.u["ani"], surat_id=lama.pk, alasan="salah orang",
                                  perubahan=d, penerima=[penerima(org.p["tono"], beban=30)])
    p.refresh_from_db()
    assert [(r.pegawai, r.beban_persen) for r in p.penerima.all()] == [(org.p["tono"], 30)]
    assert (p.uraian_tugas, p.target_kinerja) == ("Validasi data kasus", ["Laporan validasi"])
    assert list(baru.kepada.all()) == [org.p["tono"]]
    teks = teks_pdf(bytes(baru.pdf))
    assert "Tono Pelaksana" in teks and "Pengatur (II/c)" in teks and "Sari Epidemiolog" not in teks
    assert "Validasi data kasus" in teks and "Laporan validasi" in teks
    from sikerja.kotak_masuk.models import Item

    assert Item.objects.filter(penerima=org.p["sari"], pesan__contains="tidak lagi ditugaskan").exists()
    assert Item.objects.filter(penerima=org.p["tono"], surat=baru).exists()


def test_correction_by_someone_else_or_to_pegawai_not_his_is_refused_and_changes_nothing(org):
    p = _lintas_unit(org)
    lama = p.surat.get(jenis="penugasan")
    d = replace(DataPenugasan.dari(p), mulai=p.mulai + timedelta(days=1))
    with pytest.raises(TidakBerwenang):
        services.koreksi_surat(pengguna=org.u["bambang"], surat_id=lama.pk, alasan="x", perubahan=d)
    with pytest.raises(TidakBerwenang):  # Rina is led and rated by the Kabid Yankes, not by Ani
        services.koreksi_surat(pengguna=org.u["ani"], surat_id=lama.pk, alasan="x",
                               penerima=[penerima(org.p["rina"])])
    with pytest.raises(DataTidakLengkap):
        services.koreksi_surat(pengguna=org.u["ani"], surat_id=lama.pk, alasan="x",
                               perubahan=replace(d, selesai=d.mulai - timedelta(days=1)))
    with pytest.raises(TidakBerwenang):  # once assigned, the requester cannot move the period by his letter
        services.koreksi_surat(pengguna=org.u["bambang"], surat_id=p.surat.get(jenis="permohonan_pelibatan").pk,
                               alasan="x", perubahan=d)
    with pytest.raises(DataTidakLengkap):  # the request letter has no list of pegawai to correct
        services.koreksi_surat(pengguna=org.u["bambang"], surat_id=p.surat.get(jenis="permohonan_pelibatan").pk,
                               alasan="x", penerima=[penerima(org.p["sari"])])
    p2 = type(p).objects.get(pk=p.pk)
    lama.refresh_from_db()
    assert (p2.mulai, lama.status) == (p.mulai, "berlaku")
    assert [r.pegawai for r in p2.penerima.all()] == [org.p["sari"]]
    assert Surat.objects.filter(mengoreksi=lama).count() == 0


def test_correction_form_on_the_web_changes_the_dates(org):
    p = _lintas_unit(org)
    lama = p.surat.get(jenis="penugasan")
    c = Client()
    c.force_login(org.u["ani"])
    halaman = c.get(f"/penugasan/surat/{lama.pk}/koreksi/")
    assert halaman.status_code == 200 and "Koreksi surat" in halaman.content.decode()
    mulai = p.mulai + timedelta(days=2)
    r = c.post(f"/penugasan/surat/{lama.pk}/koreksi/", {
        "alasan": "tanggal salah ketik", "judul": p.judul, "maksud_tujuan": p.maksud_tujuan,
        "uraian_tugas": p.uraian_tugas, "kompetensi_dibutuhkan": p.kompetensi_dibutuhkan,
        "target_kinerja": "\n".join(p.target_kinerja), "mulai": mulai.isoformat(), "selesai": p.selesai.isoformat(),
        "bentuk": p.bentuk, "sifat": p.sifat, "jumlah_dibutuhkan": p.jumlah_dibutuhkan,
        "pegawai": [str(org.p["sari"].pk)], f"beban_{org.p['sari'].pk}": "20",
    })
    assert r.status_code == 302, r.content.decode()[:2000]
    p.refresh_from_db()
    assert p.mulai == mulai and p.surat.filter(mengoreksi=lama).exists()
    c.force_login(org.u["bambang"])
    assert c.get(f"/penugasan/surat/{lama.pk}/koreksi/").status_code == 403


def test_a_surat_tugas_for_some_of_the_pegawai_lists_only_them(org):
    """Perwal Magelang 25/2023 Pasal 12 ayat (4): where the chosen pegawai have several PPK, each
    signs for his own — so a letter's "Kepada" holds the pegawai it assigns, not all of them."""
    from django.db import transaction

    from sikerja.penugasan import surat as surat_mod

    p = services.buat_penunjukan_lintas_unit(pengguna=org.u["bambang"], data=data(bentuk="tim"),
                                             ppk_tujuan_id=org.p["ani"].pk)
    p = services.jalankan(pengguna=org.u["ani"], penugasan_id=p.pk, aksi="setujui",
                          penerima=[penerima(org.p["sari"], ketua=True), penerima(org.p["tono"])])
    with transaction.atomic():
        s = surat_mod.terbitkan(penugasan=p, jenis="penugasan", penandatangan=org.p["ani"], kepada=[org.p["tono"]],
                                tembusan=[], perihal="Penugasan", paragraf=[])
    assert [k["nama"] for k in s.isi["tugas"]["kepada"]] == ["Tono Pelaksana"]
    semua = p.surat.filter(jenis="penugasan").exclude(pk=s.pk).get()
    assert [k["nama"] for k in semua.isi["tugas"]["kepada"]] == ["Sari Epidemiolog", "Tono Pelaksana"]
    assert "ketua tim" in semua.isi["tugas"]["kepada"][0]["peran"]


def test_issue_9_8_the_requester_corrects_his_request_letter_before_it_is_answered(org):
    p = services.buat_penunjukan_lintas_unit(pengguna=org.u["bambang"], data=data(), ppk_tujuan_id=org.p["ani"].pk)
    lama = p.surat.get(jenis="permohonan_pelibatan")
    d = replace(DataPenugasan.dari(p), uraian_tugas="Analisis data kasus harian")
    baru = services.koreksi_surat(pengguna=org.u["bambang"], surat_id=lama.pk, alasan="uraian kurang tepat",
                                  perubahan=d)
    p.refresh_from_db()
    assert p.uraian_tugas == "Analisis data kasus harian"
    assert "Analisis data kasus harian" in teks_pdf(bytes(baru.pdf)) and baru.mengoreksi == lama


def test_the_verification_page_names_the_letter_as_printed_surat_tugas_then_surat_penugasan(org):
    """Whoever scans the QR code of a surat penugasan reads the heading on his paper (SURAT TUGAS,
    Permendagri 1/2023 format) on the verification page, then what the regulation calls it; a letter
    printed under its own title (the request letter) shows that title alone."""
    p = _lintas_unit(org)
    s = p.surat.get(jenis="penugasan")
    assert "SURAT TUGAS" in teks_pdf(bytes(s.pdf))
    html = Client().get(f"/verifikasi/{s.kode_verifikasi}/").content.decode()
    assert '<td data-testid="jenis-surat">Surat Tugas (surat penugasan)</td>' in html
    permohonan = p.surat.get(jenis="permohonan_pelibatan")
    html = Client().get(f"/verifikasi/{permohonan.kode_verifikasi}/").content.decode()
    judul = permohonan.get_jenis_display()
    assert f'<td data-testid="jenis-surat">{judul}</td>' in html and judul.upper() in teks_pdf(bytes(permohonan.pdf))
