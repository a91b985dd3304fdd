"""Issue 13 scenario in a real browser (Perwal Blitar 6/2023): a Kepala Bidang forms a team across
two bidang; a ketua from the other bidang is refused (Pasal 21 ayat (1) huruf a) and one from the
unit pemilik kinerja accepted; a member of the other bidang joins only through a lintas-unit request
ending in a surat penugasan (Pasal 24); the team raises a kendala the PUO decides; a member reports
to the ketua and the ketua to the PUO; the founding letter's PDF downloads."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from sikerja.penugasan.models import Penugasan
from sikerja.timkerja.models import KeputusanKendala, LaporanTim, TimKerja
from sikerja.timkerja.tests.conftest import buat_pemda

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SANDI = "rahasia-uji-123"


def masuk_sebagai(page, pd, kunci: str) -> None:  # type: ignore[no-untyped-def]
    if page.locator("nav button:has-text('Keluar')").count():
        page.click("nav button:has-text('Keluar')")
        page.wait_for_url("**/masuk/**")
    login(page, pd.p[kunci].nip, SANDI)


def pesan(page) -> str:  # type: ignore[no-untyped-def]
    return page.inner_text(".alert")


def test_kepala_bidang_forms_a_team_across_two_bidang(page):  # type: ignore[no-untyped-def]
    pd = buat_pemda("blitar")
    p = pd.p
    # 1. Ani (Kepala Bidang P2P) drafts the team for her bidang's target.
    masuk_sebagai(page, pd, "ani")
    page.click("nav a:has-text('Tim Kerja')")
    page.click("text=Bentuk tim kerja")
    page.fill("#nama", "Tim Surveilans DBD")
    page.fill("#masa_mulai", "2026-01-01")
    page.fill("#masa_selesai", "2026-12-31")
    page.fill("#target", "Insiden DBD turun 20%")
    page.fill("input[name=justifikasi_target]", "IKU bidang P2P")
    page.fill("input[name=justifikasi_beban]", "ABK bidang")
    page.fill("input[name=justifikasi_kompetensi]", "Epidemiologi dan statistik")
    page.click("button:has-text('Simpan draf')")
    assert page.inner_text("#status-tim") == "Draf"
    tim = TimKerja.objects.get(nama="Tim Surveilans DBD")
    # 2. Sari (her own bidang) joins directly.
    # Picked by name in the autocomplete (issue #12 point 3), which offers only the unit's pegawai.
    page.wait_for_function("() => window.htmx !== undefined")
    page.fill("#pegawai", "Dodi")
    page.wait_for_selector("#pegawai-hasil >> text=Tidak ada pegawai yang cocok")
    page.fill("#pegawai", "Sari")
    page.locator("#pegawai-hasil [data-nilai]", has_text="Sari Epidemiolog").first.click()
    assert page.input_value("#form-anggota input[type=hidden][name=pegawai]") == str(p["sari"].pk)
    page.fill("#peran", "Menyusun analisis kasus mingguan")
    page.click("#tambah-anggota")
    assert "Anggota ditambahkan" in pesan(page)
    # 3. Dodi sits in Bidang Yankes: refused without a surat penugasan, so Ani starts the lintas-unit request.
    page.click("#permohonan summary")
    # The official addressed (Dodi's PUO, the kadis) is chosen by name from the autocomplete.
    page.fill("#dituju", p["kadis"].nama.split()[0])
    page.locator("#dituju-hasil [data-nilai]", has_text=p["kadis"].nama).first.click()
    assert page.input_value("#permohonan input[type=hidden][name=dituju]") == str(p["kadis"].pk)
    page.fill("#kompetensi_dibutuhkan", "Statistik")
    page.fill("#uraian_tugas", "Analisis statistik kasus")
    page.click("#kirim-permohonan")
    assert "Permohonan pelibatan dikirim" in pesan(page)
    permohonan = Penugasan.objects.get(judul__contains="Tim Surveilans DBD")
    # 4. The PUO where Dodi sits (Blitar Pasal 24 ayat (2)) chooses him and issues the surat penugasan.
    masuk_sebagai(page, pd, "kadis")
    for _ in range(4):
        page.goto(f"/penugasan/{permohonan.pk}/")
        if page.inner_text("[data-testid=status]") == "Ditugaskan":
            break
        if page.locator(f"#pilih-{p['dodi'].pk}").count():
            page.check(f"#pilih-{p['dodi'].pk}")
        page.click("#form-setujui button[type=submit]")
    assert page.inner_text("[data-testid=status]") == "Ditugaskan"
    # 5. Back on the team page Dodi can now be added; the pola becomes antar bagian/bidang.
    masuk_sebagai(page, pd, "ani")
    page.goto(f"/tim-kerja/{tim.pk}/")
    form = page.locator(".form-dibawa").first
    form.locator("input[name=peran]").fill("Menyusun peta sebaran kasus")
    form.locator("button").click()
    assert "Anggota ditambahkan" in pesan(page)
    assert "Tim antar bagian/bidang" in page.inner_text("body")
    # 6. Dodi as ketua is refused (he is not from the unit pemilik kinerja); Sari is accepted.
    page.select_option("#ketua", str(p["dodi"].pk))
    page.fill("#alasan_asal", "Paling paham statistik")
    page.click("#simpan-ketua")
    assert "Perwal Blitar 6/2023 Pasal 21 ayat (1) huruf a" in pesan(page)
    page.select_option("#ketua", str(p["sari"].pk))
    page.click("#simpan-ketua")
    assert "Sari Epidemiolog" in page.inner_text("#ketua-tim")
    # 7. Ani signs the surat perintah herself (Pasal 21 ayat (1) huruf a): the team is active.
    page.click("#ajukan")
    assert page.inner_text("#status-tim") == "Aktif"
    with page.expect_download() as dl:
        page.locator("a.unduh-surat").first.click()
    teks = " ".join(x.extract_text() for x in PdfReader(io.BytesIO(open(dl.value.path(), "rb").read())).pages)
    teks = " ".join(teks.split())
    assert "Tim Surveilans DBD" in teks and "SURAT PERINTAH" in teks.upper() and "Dodi Statistisi" in teks
    # 8. Dodi raises a kendala with alternatives; Ani (PUO pemilik kinerja) decides.
    masuk_sebagai(page, pd, "dodi")
    page.goto(f"/tim-kerja/{tim.pk}/")
    page.click("#form-kendala summary")
    page.fill("input[name=judul]", "Data puskesmas terlambat")
    page.fill("textarea[name=uraian]", "Tiga puskesmas belum mengirim data")
    page.fill("textarea[name=alternatif]", "Surat edaran Kepala Dinas\nKunjungan langsung")
    page.click("button:has-text('Ajukan kendala')")
    assert "Kendala diajukan" in pesan(page)
    masuk_sebagai(page, pd, "ani")
    page.goto(f"/tim-kerja/{tim.pk}/")
    k = page.locator(".kendala").first
    k.locator("select[name=opsi]").select_option("1")
    k.locator("input[name=alasan]").fill("Lebih cepat")
    k.locator("button:has-text('Simpan')").click()
    assert page.locator(".kendala[data-status=diputuskan]").count() == 1
    d = KeputusanKendala.objects.get()
    assert (d.pejabat_id, d.opsi, d.alasan) == (p["ani"].pk, 1, "Lebih cepat")
    # 9. Dodi reports to the ketua; Sari (ketua) reports to the PUO and to each member's PPK (Pasal 21 ayat (2)).
    masuk_sebagai(page, pd, "dodi")
    page.goto(f"/tim-kerja/{tim.pk}/")
    page.click("#form-laporan summary")
    page.fill("textarea[name=progres]", "Peta sebaran minggu 1 selesai")
    page.set_input_files("#bukti", files=[{"name": "peta.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 peta"}])
    page.click("#kirim-laporan")
    assert "Laporan dikirim" in pesan(page)
    masuk_sebagai(page, pd, "sari")
    page.goto(f"/tim-kerja/{tim.pk}/")
    assert "Peta sebaran minggu 1 selesai" in page.inner_text("#laporan")
    page.click("#form-laporan summary")
    page.select_option("#jenis-laporan", "ketua_ke_puo")
    page.fill("textarea[name=progres]", "Capaian 25% dari target")
    page.click("#kirim-laporan")
    assert "Laporan dikirim" in pesan(page)
    ke_puo = LaporanTim.objects.get(jenis="ketua_ke_puo")
    assert p["ani"] in ke_puo.penerima.all() and "Pasal 21 ayat (2)" in ke_puo.dasar_hukum
    assert LaporanTim.objects.get(jenis="anggota_ke_ketua").penerima.get() == p["sari"]
    # The ketua's report appears on the Kepala Bidang's siklus dashboard (issue 14 point 5).
    masuk_sebagai(page, pd, "ani")
    page.goto("/siklus/")
    assert p["sari"].nama in page.inner_text("#laporan-tim-diterima")
