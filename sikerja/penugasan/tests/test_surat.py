"""Letters: numbering per instansi and year, immutability, PDF content, public verification (SPEC §4)."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.test import Client
from pypdf import PdfReader

from sikerja.jejak.models import Jejak as Transisi
from sikerja.jejak.models import ObjekTidakDapatDiubah as JejakTidakDapatDiubah
from sikerja.penugasan import services
from sikerja.penugasan import surat as surat_mod
from sikerja.penugasan.errors import DataTidakLengkap, SuratTidakDapatDiubah, TidakBerwenang
from sikerja.surat.errors import ObjekTidakDapatDiubah
from sikerja.surat.models import NomorSurat, Surat

from .conftest import data, penerima


def _teks(s: Surat) -> str:
    teks = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(bytes(s.pdf))).pages)
    return " ".join(teks.split())  # table cells wrap lines


def _lintas_unit_disetujui(org):
    p = services.buat_penunjukan_lintas_unit(pengguna=org.u["bambang"], data=data(), ppk_tujuan_id=org.p["ani"].pk)
    return services.jalankan(pengguna=org.u["ani"], penugasan_id=p.pk, aksi="setujui",
                             penerima=[penerima(org.p["sari"])])


def test_letters_are_numbered_consecutively_per_instansi_in_the_format_of_the_instansi(org):
    org.a.format_nomor_surat = "800.1/{nomor:03d}/{kode}/{singkatan}/{bulan_romawi}/{tahun}"
    org.a.save()
    p = _lintas_unit_disetujui(org)
    nomor = list(p.surat.order_by("nomor_urut").values_list("nomor", flat=True))
    bulan = surat_mod.ROMAWI[date.today().month - 1]
    th = date.today().year
    assert nomor == [f"800.1/001/PP/ALPHA/{bulan}/{th}", f"800.1/002/JWB/ALPHA/{bulan}/{th}",
                     f"800.1/003/ST/ALPHA/{bulan}/{th}"]


def test_numbering_restarts_each_year_and_is_separate_per_instansi(org):
    from django.db import transaction

    with transaction.atomic():
        assert surat_mod.ambil_nomor(org.a, 2030) == 1
        assert surat_mod.ambil_nomor(org.a, 2030) == 2
        assert surat_mod.ambil_nomor(org.b, 2030) == 1
        assert surat_mod.ambil_nomor(org.a, 2031) == 1
    assert NomorSurat.objects.get(instansi=org.a, tahun=2030).terakhir == 2


def test_issued_letter_cannot_be_edited_or_deleted(org):
    s = _lintas_unit_disetujui(org).surat.first()
    s.perihal = "Diubah"
    with pytest.raises(ObjekTidakDapatDiubah):
        s.save()
    with pytest.raises(ObjekTidakDapatDiubah):
        s.save(update_fields=["perihal"])
    with pytest.raises(ObjekTidakDapatDiubah):
        s.delete()


def test_audit_entry_cannot_be_edited_or_deleted(org):
    t = _lintas_unit_disetujui(org).transisi.first()
    t.alasan = "ubah"
    with pytest.raises(JejakTidakDapatDiubah):
        t.save()
    with pytest.raises(JejakTidakDapatDiubah):
        t.delete()
    assert Transisi.objects.get(pk=t.pk).alasan == ""


def test_pdf_holds_number_parties_and_tembusan(org):
    p = _lintas_unit_disetujui(org)
    s = p.surat.get(jenis="penugasan")
    teks = _teks(s)
    for harus in (s.nomor, "SURAT TUGAS", "Sari Epidemiolog", "Ani Kabid", "Tembusan", "Bambang Kabid",
                  "PEMERINTAH KABUPATEN ALPHA", "Laporan surveilans mingguan"):
        assert harus in teks, harus
    permohonan = _teks(p.surat.get(jenis="permohonan_pelibatan"))
    for harus in ("Maksud dan tujuan", "Kompetensi yang dibutuhkan", "Durasi pelibatan", "Uraian tugas",
                  "Budi Kadis"):
        assert harus in permohonan, harus


def test_pdf_is_deterministic_for_the_same_content(org):
    s = _lintas_unit_disetujui(org).surat.first()
    assert surat_mod.render_pdf(s.isi, s.kode_verifikasi) == bytes(s.pdf)


def test_verification_page_shows_number_status_and_names_only(org):
    s = _lintas_unit_disetujui(org).surat.get(jenis="penugasan")
    r = Client().get(f"/verifikasi/{s.kode_verifikasi}/")
    html = r.content.decode()
    assert r.status_code == 200
    assert s.nomor in html and "Surat Tugas (surat penugasan)" in html and "BERLAKU" in html and "Sari Epidemiolog" in html
    for nip in (org.p["sari"].nip, org.p["ani"].nip, org.p["bambang"].nip):
        assert nip not in html
    assert "contoh.go.id" not in html


def test_unknown_verification_code_is_404(db):
    assert Client().get("/verifikasi/tidak-ada/").status_code == 404


def test_revoked_letter_shows_dicabut_on_verification(org):
    s = _lintas_unit_disetujui(org).surat.get(jenis="penugasan")
    with pytest.raises(TidakBerwenang):
        services.cabut_surat(pengguna=org.u["bambang"], surat_id=s.pk, alasan="salah")
    with pytest.raises(DataTidakLengkap):
        services.cabut_surat(pengguna=org.u["ani"], surat_id=s.pk, alasan="")
    services.cabut_surat(pengguna=org.u["ani"], surat_id=s.pk, alasan="Penugasan dibatalkan")
    s.refresh_from_db()
    assert s.status == "dicabut"
    assert "DICABUT" in Client().get(f"/verifikasi/{s.kode_verifikasi}/").content.decode()
    with pytest.raises(SuratTidakDapatDiubah):
        services.cabut_surat(pengguna=org.u["ani"], surat_id=s.pk, alasan="lagi")


def test_correction_is_a_new_letter_referencing_the_old_one(org):
    lama = _lintas_unit_disetujui(org).surat.get(jenis="penugasan")
    baru = services.koreksi_surat(pengguna=org.u["ani"], surat_id=lama.pk, alasan="salah ketik periode")
    lama.refresh_from_db()
    assert (lama.status, baru.mengoreksi, baru.status) == ("dikoreksi", lama, "berlaku")
    assert baru.nomor != lama.nomor and lama.nomor in _teks(baru)
    html = Client().get(f"/verifikasi/{lama.kode_verifikasi}/").content.decode()
    assert "DIKOREKSI" in html and baru.nomor in html
