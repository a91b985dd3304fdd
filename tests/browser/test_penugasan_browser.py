"""The five penugasan paths walked in a real browser, each actor logging in in turn
(Karangasem Pasal 14–15; Pasuruan Lampiran II.B.2), with a refusal, a return for
correction and a downloaded PDF letter read back with pypdf."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from sikerja.penugasan.models import Penugasan
from sikerja.penugasan.tests.conftest import buat_dua_instansi

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SANDI = "rahasia-uji-123"


@pytest.fixture
def org():  # type: ignore[no-untyped-def]
    return buat_dua_instansi()


def masuk_sebagai(page, org, kunci: str) -> None:  # type: ignore[no-untyped-def]
    if page.locator("nav button:has-text('Keluar')").count():
        page.click("nav button:has-text('Keluar')")
        page.wait_for_url("**/masuk/**")
    login(page, org.p[kunci].nip, SANDI)


def isi_permohonan(page, judul: str) -> None:  # type: ignore[no-untyped-def]
    page.fill("input[name=judul]", judul)
    for nama, nilai in (("maksud_tujuan", "Menurunkan kasus DBD"), ("uraian_tugas", "Analisis data mingguan"),
                        ("target_kinerja", "Laporan surveilans mingguan")):
        page.fill(f"textarea[name={nama}]", nilai)
    page.fill("input[name=kompetensi_dibutuhkan]", "epidemiologi")


def pilih_pejabat(page, kotak: str, nama: str) -> None:  # type: ignore[no-untyped-def]
    """Pick an official in the autocomplete ``kotak`` (its search box id) by typing his name
    (issue #12 point 3: never a dropdown of hundreds, never a typed NIP). Typing waits until the
    page's scripts run (htmx listens only then)."""
    page.wait_for_load_state("load")
    page.wait_for_function("() => window.htmx !== undefined")
    page.fill(f"#{kotak}", nama.split()[0])
    page.locator(f"#{kotak}-hasil [data-nilai]", has_text=nama).first.click()


def buka_dari_kotak_masuk(page, judul: str) -> None:  # type: ignore[no-untyped-def]
    page.click("nav a:has-text('Kotak Masuk')")
    page.click(f"[data-testid=kotak-masuk] a:has-text('{judul}')")


def setujui(page) -> None:  # type: ignore[no-untyped-def]
    page.click("#form-setujui button[type=submit]")


def status(page) -> str:  # type: ignore[no-untyped-def]
    return page.inner_text("[data-testid=status]")


def unduh_teks(page, jenis: str) -> str:  # type: ignore[no-untyped-def]
    item = page.locator("[data-testid=surat] li", has_text=jenis).first
    with page.expect_download() as dl:
        item.locator("a:has-text('Unduh PDF')").click()
    data = open(dl.value.path(), "rb").read()
    teks = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    return " ".join(teks.split())


def test_penunjukan_dalam_unit(page, org):  # type: ignore[no-untyped-def]
    masuk_sebagai(page, org, "ani")
    page.goto("/penugasan/buat/")
    page.click("[data-jalur=dalam_unit]")
    page.fill("input[name=judul]", "Rekap kasus mingguan")
    page.fill("textarea[name=target_kinerja]", "Rekap tiap Senin")
    page.check(f"#pilih-{org.p['sari'].pk}")
    page.fill(f"input[name=beban_{org.p['sari'].pk}]", "25")
    page.click("button:has-text('Tetapkan dan terbitkan')")
    assert status(page) == "Ditugaskan"
    teks = unduh_teks(page, "Surat Penugasan")
    nomor = Penugasan.objects.get().surat.get().nomor
    assert nomor in teks and "Sari Epidemiolog" in teks and "Ani Kabid" in teks
    masuk_sebagai(page, org, "sari")
    assert page.inner_text("[data-jumlah=kotak_masuk]") == "1"
    buka_dari_kotak_masuk(page, "Rekap kasus mingguan")
    assert "Rekap tiap Senin" in page.content()


def test_penunjukan_lintas_unit_with_return_refusal_and_approval(page, org):  # type: ignore[no-untyped-def]
    # 1. Bambang (PUO pemilik kinerja) asks Ani (PPK of Sari) — Karangasem Pasal 14 ayat (3) huruf a.
    masuk_sebagai(page, org, "bambang")
    page.goto("/penugasan/buat/lintas_unit/")
    isi_permohonan(page, "Surveilans DBD")
    pilih_pejabat(page, "id_ppk_tujuan", "Ani Kabid")
    page.click("button:has-text('Kirim surat permohonan')")
    assert status(page) == "Menunggu jawaban PPK dituju"
    # 2. Ani returns it for correction.
    masuk_sebagai(page, org, "ani")
    buka_dari_kotak_masuk(page, "Surveilans DBD")
    page.fill("#alasan-kembali", "Sebutkan jumlah titik pantau")
    page.click("#form-kembalikan button")
    assert status(page) == "Dikembalikan untuk perbaikan"
    # 3. Bambang corrects and resubmits.
    masuk_sebagai(page, org, "bambang")
    buka_dari_kotak_masuk(page, "Surveilans DBD")
    page.click("text=Perbaiki dan ajukan ulang")
    assert "Sebutkan jumlah titik pantau" in page.content()
    page.fill("textarea[name=target_kinerja]", "Laporan mingguan dari 12 titik pantau")
    page.click("button:has-text('Ajukan ulang')")
    assert status(page) == "Menunggu jawaban PPK dituju"
    # 4. Ani approves with Sari (candidate list shows Sari's matching competency).
    masuk_sebagai(page, org, "ani")
    buka_dari_kotak_masuk(page, "Surveilans DBD")
    page.check(f"#pilih-{org.p['sari'].pk}")
    setujui(page)
    assert status(page) == "Ditugaskan"
    teks = unduh_teks(page, "Surat Penugasan")
    assert "Tembusan" in teks and "Bambang Kabid" in teks and "12 titik pantau" in teks
    # 5. A second request is refused with a reason (Pasal 14 ayat (3) huruf d).
    masuk_sebagai(page, org, "bambang")
    page.goto("/penugasan/buat/lintas_unit/")
    isi_permohonan(page, "Pendampingan puskesmas")
    pilih_pejabat(page, "id_ppk_tujuan", "Ani Kabid")
    page.click("button:has-text('Kirim surat permohonan')")
    masuk_sebagai(page, org, "ani")
    buka_dari_kotak_masuk(page, "Pendampingan puskesmas")
    page.click("#form-tolak button")  # empty reason: the browser refuses (required)
    assert status(page) != "Ditolak"
    page.fill("#alasan-tolak", "Pegawai sedang diklat")
    page.once("dialog", lambda d: d.accept())  # the refusal asks first (issue #12 point 8)
    page.click("#form-tolak button")
    assert status(page) == "Ditolak"
    masuk_sebagai(page, org, "bambang")
    buka_dari_kotak_masuk(page, "Pendampingan puskesmas")
    assert "Pegawai sedang diklat" in page.inner_text("[data-testid=jejak]")


def test_penunjukan_lintas_unit_with_the_rekomendasi_of_the_pegawai_puo(page):  # type: ignore[no-untyped-def]
    # Pasuruan Lampiran II.B.2.a.2 huruf c: the Kepala Dinas (PPK of the Ahli Madya) chooses Wati,
    # Ani (her pimpinan unit) recommends, then the Kepala Dinas issues the letters.
    org = buat_dua_instansi(dengan_madya=True)
    masuk_sebagai(page, org, "bambang")
    page.goto("/penugasan/buat/lintas_unit/")
    isi_permohonan(page, "Kajian KLB campak")
    pilih_pejabat(page, "id_ppk_tujuan", "Budi Kadis")
    page.click("button:has-text('Kirim surat permohonan')")
    masuk_sebagai(page, org, "kadis_a")
    buka_dari_kotak_masuk(page, "Kajian KLB campak")
    page.check(f"#pilih-{org.p['wati'].pk}")
    setujui(page)
    assert status(page) == "Menunggu rekomendasi pimpinan unit organisasi pegawai"
    masuk_sebagai(page, org, "ani")
    assert page.inner_text("[data-jumlah=kotak_masuk]") == "1"
    buka_dari_kotak_masuk(page, "Kajian KLB campak")
    assert "Wati Epidemiolog Madya" in page.inner_text("body")
    page.fill("#catatan", "Berpengalaman investigasi KLB")
    setujui(page)
    assert status(page) == "Direkomendasikan; menunggu surat dari PPK dituju"
    masuk_sebagai(page, org, "kadis_a")
    buka_dari_kotak_masuk(page, "Kajian KLB campak")
    assert "Berpengalaman investigasi KLB" in page.inner_text("[data-testid=jejak]")
    setujui(page)
    assert status(page) == "Ditugaskan"
    teks = unduh_teks(page, "Surat Penugasan")
    assert "Rekomendasi Ani Kabid" in teks and "Wati Epidemiolog Madya" in teks and "Budi Kadis" in teks


def test_magelang_lintas_perangkat_daerah_through_the_pimpinan_pd_and_the_ppk(page):  # type: ignore[no-untyped-def]
    # Perwal Magelang 25/2023 Lampiran II huruf A angka 2: Pimpinan PD → Pimpinan PD dituju, whose
    # approval lets the pegawai's PPK give the surat penugasan.
    org = buat_dua_instansi(profil_a="magelang")
    masuk_sebagai(page, org, "sekda_a")
    page.goto("/penugasan/buat/lintas_unit/")
    assert "Pimpinan Perangkat Daerah dituju" in page.inner_text("body")
    isi_permohonan(page, "Audit data DBD")
    pilih_pejabat(page, "id_ppk_tujuan", "Budi Kadis")
    page.click("button:has-text('Kirim surat permohonan')")
    masuk_sebagai(page, org, "kadis_a")
    buka_dari_kotak_masuk(page, "Audit data DBD")
    page.check(f"#pilih-{org.p['sari'].pk}")
    setujui(page)
    assert status(page) == "Disetujui; menunggu surat penugasan dari PPK pegawai"
    masuk_sebagai(page, org, "ani")
    buka_dari_kotak_masuk(page, "Audit data DBD")
    setujui(page)
    assert status(page) == "Ditugaskan"
    teks = unduh_teks(page, "Surat Penugasan")
    assert "Ani Kabid" in teks and "Sari Epidemiolog" in teks and "Budi Kadis" in teks


def test_penunjukan_lintas_instansi_through_both_pyb(page, org):  # type: ignore[no-untyped-def]
    masuk_sebagai(page, org, "ani")
    page.goto("/penugasan/buat/lintas_instansi/")
    isi_permohonan(page, "Investigasi KLB lintas daerah")
    page.select_option("select[name=instansi_tujuan]", str(org.b.pk))
    page.click("button:has-text('Kirim surat permohonan')")
    masuk_sebagai(page, org, "sekda_a")
    buka_dari_kotak_masuk(page, "Investigasi KLB")
    setujui(page)
    masuk_sebagai(page, org, "sekda_b")
    buka_dari_kotak_masuk(page, "Investigasi KLB")
    pilih_pejabat(page, "ppk_tujuan", "Citra Kabid")
    setujui(page)
    masuk_sebagai(page, org, "citra")
    buka_dari_kotak_masuk(page, "Investigasi KLB")
    page.check(f"#pilih-{org.p['eka'].pk}")
    setujui(page)
    masuk_sebagai(page, org, "sekda_b")
    buka_dari_kotak_masuk(page, "Investigasi KLB")
    setujui(page)
    masuk_sebagai(page, org, "citra")
    buka_dari_kotak_masuk(page, "Investigasi KLB")
    setujui(page)
    assert status(page) == "Ditugaskan"
    teks = unduh_teks(page, "Surat Penugasan")
    assert "Eka Epidemiolog" in teks and "Sekda Alpha" in teks and "Sekda Beta" in teks
    masuk_sebagai(page, org, "eka")
    buka_dari_kotak_masuk(page, "Investigasi KLB")
    assert status(page) == "Ditugaskan"


def test_pengajuan_sukarela_dalam_unit(page, org):  # type: ignore[no-untyped-def]
    masuk_sebagai(page, org, "tono")
    page.goto("/penugasan/buat/sukarela_dalam_unit/")
    page.fill("input[name=judul]", "Bantu arsip digital")
    page.fill("textarea[name=target_kinerja]", "Arsip 2025 terdigitalisasi")
    page.fill("input[name=beban_diajukan]", "10")
    page.click("button:has-text('Ajukan diri')")
    assert status(page) == "Menunggu persetujuan pimpinan unit organisasi"
    masuk_sebagai(page, org, "ani")
    buka_dari_kotak_masuk(page, "Bantu arsip digital")
    setujui(page)
    assert status(page) == "Ditugaskan"


def test_pengajuan_sukarela_lintas_unit_and_refusal_across_instansi(page, org):  # type: ignore[no-untyped-def]
    masuk_sebagai(page, org, "sari")
    page.goto("/penugasan/buat/sukarela_lintas_unit/")
    page.fill("input[name=judul]", "Analisis mutu layanan")
    page.fill("textarea[name=target_kinerja]", "Laporan mutu triwulan")
    page.fill("input[name=beban_diajukan]", "15")
    page.select_option("select[name=instansi_tujuan]", str(org.b.pk))
    page.click("button:has-text('Ajukan diri')")
    page.locator(".alert-danger").wait_for()  # the form comes back before anything is typed into it
    assert "lingkungan instansi sendiri" in page.content()
    page.select_option("select[name=instansi_tujuan]", str(org.a.pk))
    pilih_pejabat(page, "id_puo_tujuan", "Bambang Kabid")
    page.click("button:has-text('Ajukan diri')")
    assert status(page) == "Menunggu persetujuan pimpinan unit organisasi dituju"
    masuk_sebagai(page, org, "bambang")
    buka_dari_kotak_masuk(page, "Analisis mutu layanan")
    setujui(page)
    masuk_sebagai(page, org, "sari")
    buka_dari_kotak_masuk(page, "Analisis mutu layanan")
    page.click("button:has-text('Teruskan ke PPK')")
    masuk_sebagai(page, org, "ani")
    buka_dari_kotak_masuk(page, "Analisis mutu layanan")
    setujui(page)
    assert status(page) == "Ditugaskan"
