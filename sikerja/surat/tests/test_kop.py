"""Kop surat and the letter as Tata Naskah Dinas prints it (Permendagri 1/2023, Lampiran: kop
naskah dinas with lambang daerah, Pemda and Perangkat Daerah name, address and contacts; page
numbers; signer's NIP and pangkat), the lambang upload limits, and the deploy check on the
verification address (issue 9 point 7)."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings
from pypdf import PdfReader

from sikerja.organisasi.testing import buat_akun
from sikerja.surat import kop, services
from sikerja.surat.checks import alamat_verifikasi
from sikerja.surat.errors import KopTidakSah, LambangTidakSah
from sikerja.surat.models import KopSurat, Lambang
from sikerja.surat.testing import kepala_jpeg, png


def teks_pdf(pdf: bytes) -> str:
    teks = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(teks.split())


def _admin(pg):  # type: ignore[no-untyped-def]
    return buat_akun(pg["kadis"], admin_instansi=True)


def _terbit(pg, permintaan, **kw):  # type: ignore[no-untyped-def]
    with transaction.atomic():
        return services.terbitkan(subjek=permintaan, jenis="contoh_keputusan", penandatangan=pg["kabid"],
                                  kepada=[pg["staf"]], tembusan=[pg["kadis"]], perihal="Uji", paragraf=["Isi"], **kw)


def test_permendagri_1_2023_kop_prints_lambang_pemda_pd_address_contacts_and_page_numbers(pg, permintaan):
    pg["kabid"].pangkat_golongan = "Penata Tk. I (III/d)"
    pg["kabid"].save(update_fields=["pangkat_golongan"])
    k = services.simpan_kop(oleh=_admin(pg), instansi=pg["instansi"], lambang=png(120, 140),
                            nama_pemda="Pemerintah Kabupaten Uji", alamat="Jalan Pahlawan Nomor 3, Ujipura 67100",
                            telepon="(0343) 421000", email="dinas@ujikab.go.id", laman="ujikab.go.id")
    s = _terbit(pg, permintaan)
    teks = teks_pdf(bytes(s.pdf))
    for harus in ("PEMERINTAH KABUPATEN UJI", "DINAS UJI", "Jalan Pahlawan Nomor 3, Ujipura 67100",
                  "Telepon (0343) 421000", "Pos-el dinas@ujikab.go.id", "Laman ujikab.go.id",
                  "Halaman 1 dari 1", "Penata Tk. I (III/d)", f"NIP. {pg['kabid'].nip}", "Tembusan"):
        assert harus in teks, harus
    assert s.isi["kop"]["lambang"] == k.lambang.sha256
    assert b"/Subtype/Image" in bytes(s.pdf)  # the lambang is drawn
    # The letter keeps its lambang after the kop gets another one.
    services.simpan_kop(oleh=_admin(pg), instansi=pg["instansi"], lambang=png(200, 200, seed=2))
    assert services.render_pdf(s.isi, s.kode_verifikasi, s.jenis) == bytes(s.pdf)


def test_a_perangkat_daerah_kop_is_used_for_its_signers_over_the_instansi_kop(pg, permintaan):
    from sikerja.organisasi.models import UnitOrganisasi

    dinas = UnitOrganisasi.objects.get(instansi=pg["instansi"], kode="DINAS")
    services.simpan_kop(oleh=_admin(pg), instansi=pg["instansi"], nama_pemda="Pemerintah Kabupaten Uji",
                        alamat="Jalan Kantor Bupati 1")
    services.simpan_kop(oleh=_admin(pg), instansi=pg["instansi"], unit_id=dinas.pk, nama_pemda="Pemerintah Kabupaten Uji",
                        nama_perangkat_daerah="Dinas Uji Coba", alamat="Jalan Dinas 9", telepon="0343-1")
    teks = teks_pdf(bytes(_terbit(pg, permintaan).pdf))
    assert "DINAS UJI COBA" in teks and "Jalan Dinas 9" in teks and "Jalan Kantor Bupati 1" not in teks
    bidang = UnitOrganisasi.objects.get(instansi=pg["instansi"], kode="BID")
    with pytest.raises(KopTidakSah):  # a kop belongs to a Perangkat Daerah (a top unit), not a bidang
        services.simpan_kop(oleh=_admin(pg), instansi=pg["instansi"], unit_id=bidang.pk, nama_pemda="X")


def test_only_the_admin_instansi_sets_the_kop(pg):
    with pytest.raises(KopTidakSah):
        services.simpan_kop(oleh=buat_akun(pg["staf"]), instansi=pg["instansi"], nama_pemda="Bukan admin")
    assert not KopSurat.objects.exists()


@pytest.mark.parametrize(("data", "potongan"), [
    (png(400, 400, derau=True) * 3, "paling besar 1024 KB"),
    (b"GIF89a" + b"\x00" * 100, "PNG atau JPEG"),
    (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "PNG atau JPEG"),
    (kepala_jpeg(3000, 200), "paling besar 2500 piksel"),
    (png(20, 20), "terlalu kecil"),
    (kepala_jpeg(300, 300), "tidak dapat dibaca"),  # a header without image data
    (png(100, 100)[:60], "tidak dapat dibaca"),
])
def test_lambang_upload_is_limited_to_png_or_jpeg_of_bounded_size(pg, data, potongan):
    with pytest.raises(LambangTidakSah) as e:
        services.simpan_kop(oleh=_admin(pg), instansi=pg["instansi"], nama_pemda="Pemda", lambang=data)
    assert potongan in e.value.pesan
    assert not Lambang.objects.exists() and not KopSurat.objects.exists()


def test_lambang_is_stored_once_per_content(pg):
    gambar = png(64, 64)
    a = services.simpan_kop(oleh=_admin(pg), instansi=pg["instansi"], nama_pemda="Pemda", lambang=gambar)
    b = services.simpan_kop(oleh=_admin(pg), instansi=pg["instansi"], nama_pemda="Pemda", lambang=gambar)
    assert a.pk == b.pk and Lambang.objects.count() == 1
    assert kop.baca_lambang(gambar) == ("image/png", 64, 64)


def test_kop_page_in_pengaturan_saves_and_refuses_a_bad_lambang(pg):
    c = Client()
    c.force_login(_admin(pg))
    assert c.get("/surat/kop/").status_code == 200
    berkas = io.BytesIO(png(80, 80))
    berkas.name = "lambang.png"
    r = c.post("/surat/kop/", {"unit": "", "nama_pemda": "Pemerintah Kabupaten Uji", "alamat": "Jalan 1",
                               "telepon": "", "email": "", "laman": "", "nama_perangkat_daerah": "",
                               "lambang": berkas})
    assert r.status_code == 302
    assert KopSurat.objects.get(unit=None).lambang is not None
    buruk = io.BytesIO(b"bukan gambar")
    buruk.name = "lambang.png"
    r = c.post("/surat/kop/", {"unit": "", "nama_pemda": "Pemda", "lambang": buruk})
    assert r.status_code == 400 and "PNG atau JPEG" in r.content.decode()
    c.force_login(buat_akun(pg["staf"]))
    assert c.get("/surat/kop/").status_code == 403


@pytest.mark.parametrize(("alamat", "peringatan"), [
    ("http://127.0.0.1:8000", True), ("http://localhost:8000", True), ("https://[::1]/", True), ("", True),
    ("https://sikerja.pasuruankab.go.id", False),
])
def test_deploy_check_warns_while_the_verification_address_is_loopback(alamat, peringatan):
    with override_settings(SIKERJA_ALAMAT_VERIFIKASI=alamat):
        hasil = alamat_verifikasi()
    assert [w.id for w in hasil] == (["surat.W001"] if peringatan else [])


def test_check_deploy_command_shows_the_warning():
    from django.core.management.base import SystemCheckError

    err = io.StringIO()
    with override_settings(SIKERJA_ALAMAT_VERIFIKASI="http://127.0.0.1:8000"):
        try:
            call_command("check", "--deploy", stdout=io.StringIO(), stderr=err)
            keluaran = err.getvalue()
        except SystemCheckError as e:  # the test settings may fail other deploy checks; all are listed
            keluaran = str(e)
    assert "surat.W001" in keluaran and "SIKERJA_ALAMAT_VERIFIKASI" in keluaran
    with override_settings(SIKERJA_ALAMAT_VERIFIKASI="https://sikerja.ujikab.go.id"):
        try:
            call_command("check", "--deploy", stdout=io.StringIO(), stderr=(err := io.StringIO()))
            keluaran = err.getvalue()
        except SystemCheckError as e:
            keluaran = str(e)
    assert "surat.W001" not in keluaran


def test_verification_address_on_the_letter_comes_from_the_setting(pg, permintaan):
    with override_settings(SIKERJA_ALAMAT_VERIFIKASI="https://sikerja.ujikab.go.id/"):
        s = _terbit(pg, permintaan)
    assert s.isi["url_verifikasi"] == f"https://sikerja.ujikab.go.id/verifikasi/{s.kode_verifikasi}/"
    assert "https://sikerja.ujikab.go.id/" in teks_pdf(bytes(s.pdf))


def test_a_large_lambang_is_stored_scaled_down_so_each_letter_stays_small(pg, permintaan):
    besar = png(1600, 2000)
    k = services.simpan_kop(oleh=_admin(pg), instansi=pg["instansi"], nama_pemda="Pemda", lambang=besar)
    assert (k.lambang.jenis, k.lambang.lebar, k.lambang.tinggi) == ("image/png", 320, 400)
    assert kop.baca_lambang(bytes(k.lambang.data)) == ("image/png", 320, 400)
    s = _terbit(pg, permintaan)
    assert b"/Subtype/Image" in bytes(s.pdf) and len(bytes(s.pdf)) < len(besar)


def test_kop_changes_are_recorded_and_shown_on_the_kop_and_settings_pages(pg):
    """A kop prints on every later letter: who changed which line (and the lambang) is kept in the
    instansi's settings record and listed on the Kop Surat and Pengaturan pages."""
    from sikerja.organisasi.models import RiwayatPengaturan

    admin = _admin(pg)
    services.simpan_kop(oleh=admin, instansi=pg["kabid"].instansi, nama_pemda="Pemerintah Kabupaten Uji",
                        alamat="Jalan Lama 1")
    services.simpan_kop(oleh=admin, instansi=pg["kabid"].instansi, alamat="Jalan Baru 2", lambang=png(60, 60))
    services.simpan_kop(oleh=admin, instansi=pg["kabid"].instansi, alamat="Jalan Baru 2")  # nothing changed
    kedua, pertama = RiwayatPengaturan.objects.all()
    assert pertama.bagian == kedua.bagian == "kop surat instansi"
    assert pertama.perubahan["alamat"] == ["", "Jalan Lama 1"]
    assert kedua.perubahan == {"alamat": ["Jalan Lama 1", "Jalan Baru 2"], "lambang": ["", "gambar baru"]}
    c = Client()
    c.force_login(admin)
    for url in ("/surat/kop/", "/penugasan/pengaturan/"):
        html = c.get(url).content.decode()
        assert 'data-testid="riwayat-pengaturan"' in html and "alamat «Jalan Lama 1» → «Jalan Baru 2»" in html, url
        assert admin.username in html
