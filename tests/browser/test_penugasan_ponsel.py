"""The penugasan pages changed for issue 9 point 9 and issue #12, on a 390×844 phone in a real
browser: the addressee picked by name through the autocomplete, the warning of a past start
date, the reason of a return on the detail page and in the inbox, the confirmation before a
refusal, and an ended assignment shown as *Selesai* — each page no wider than the screen."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from sikerja.penugasan import services
from sikerja.penugasan.models import Penugasan
from sikerja.penugasan.tests.conftest import buat_dua_instansi, data, penerima

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SANDI = "rahasia-uji-123"
AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
PONSEL = {"width": 390, "height": 844}


@pytest.fixture
def org():  # type: ignore[no-untyped-def]
    return buat_dua_instansi()


@pytest.fixture
def ponsel(browser, live_server):  # type: ignore[no-untyped-def]
    context = browser.new_context(base_url=live_server.url, viewport=PONSEL, locale="id-ID", is_mobile=True,
                                  has_touch=True)
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(live_server.url)
                  else route.abort())
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


def _muat(page) -> None:  # type: ignore[no-untyped-def]
    """The page fits the phone: nothing scrolls sideways (tables scroll inside their own box)."""
    lebar, layar = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert lebar <= layar, f"{page.url}: dokumen {lebar}px lebih lebar dari layar {layar}px"


def _tanpa_pelanggaran_kritis(page) -> None:  # type: ignore[no-untyped-def]
    """axe-core (vendored) finds no critical accessibility violation in the page's DOM as it is now
    (issue #12, how it is judged). Injecting axe needs the CSP bypassed, so the DOM is checked as a
    copy in a second context: the page under test keeps the app's CSP, under which the htmx and
    autocomplete behaviours above must work."""
    ctx = page.context.browser.new_context(viewport=PONSEL, bypass_csp=True)
    try:
        salinan = ctx.new_page()
        salinan.set_content(page.content())
        salinan.add_script_tag(path=str(AXE))
        hasil = salinan.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    finally:
        ctx.close()
    kritis = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in hasil if v.get("impact") == "critical"]
    assert not kritis, kritis


def test_request_on_a_phone_picks_the_ppk_by_name_and_warns_of_a_past_start(ponsel, org):  # type: ignore[no-untyped-def]
    page = ponsel
    login(page, org.p["bambang"].nip, SANDI)
    page.goto("/penugasan/buat/lintas_unit/")
    _muat(page)
    page.fill("input[name=judul]", "Surveilans DBD susulan")
    for nama, nilai in (("maksud_tujuan", "Menurunkan kasus DBD"), ("uraian_tugas", "Analisis data mingguan"),
                        ("target_kinerja", "Laporan surveilans mingguan")):
        page.fill(f"textarea[name={nama}]", nilai)
    page.fill("input[name=kompetensi_dibutuhkan]", "epidemiologi")
    # Issue #12 point 3: the PPK dituju by name, each result with his unit.
    page.fill("#id_ppk_tujuan", "Ani")
    hasil = page.locator("#id_ppk_tujuan-hasil [data-nilai]", has_text="Ani Kabid").first
    assert "Bidang Pencegahan Penyakit" in hasil.inner_text()
    hasil.click()
    assert page.input_value("input[type=hidden][name=ppk_tujuan]") == str(org.p["ani"].pk)
    _muat(page)
    # Issue 9 point 9: a start date in the past is said while typing, not refused.
    lampau = (date.today() - timedelta(days=5)).isoformat()
    page.fill("#id_mulai", lampau)
    page.dispatch_event("#id_mulai", "change")
    peringatan = page.locator("[data-testid=peringatan-tanggal] .alert")
    peringatan.wait_for()
    assert "5 hari yang lalu" in peringatan.inner_text()
    _muat(page)
    _tanpa_pelanggaran_kritis(page)
    page.click("button:has-text('Kirim surat permohonan')")
    page.locator("[data-testid=status]").wait_for()
    assert page.inner_text("[data-testid=status]") == "Menunggu jawaban PPK dituju"
    assert "berlaku surut" in page.inner_text(".alert-warning")
    _muat(page)
    p = Penugasan.objects.get(judul="Surveilans DBD susulan")
    assert p.ppk_tujuan == org.p["ani"] and p.mulai.isoformat() == lampau


def test_return_reason_on_the_phone_inbox_and_detail_page(ponsel, org):  # type: ignore[no-untyped-def]
    page = ponsel
    p = services.buat_penunjukan_lintas_unit(pengguna=org.u["bambang"], data=data(judul="Pendampingan puskesmas"),
                                             ppk_tujuan_id=org.p["ani"].pk)
    services.jalankan(pengguna=org.u["ani"], penugasan_id=p.pk, aksi="kembalikan",
                      alasan="Sebutkan jumlah titik pantau dan nama puskesmas yang didampingi")
    login(page, org.p["bambang"].nip, SANDI)
    page.goto("/penugasan/kotak-masuk/")
    item = page.locator("[data-testid=kotak-masuk] a", has_text="Pendampingan puskesmas").first
    assert "jumlah titik pantau" in item.locator("[data-testid=alasan-kembali]").inner_text()
    _muat(page)
    item.click()
    page.wait_for_url(f"**/penugasan/{p.pk}/")
    alasan = page.locator("[data-testid=alasan-kembali]")
    assert alasan.is_visible() and "Ani Kabid" in alasan.inner_text()
    assert "nama puskesmas yang didampingi" in alasan.inner_text()
    _muat(page)
    _tanpa_pelanggaran_kritis(page)


def test_refusal_asks_first_on_the_phone(ponsel, org):  # type: ignore[no-untyped-def]
    page = ponsel
    p = services.buat_penunjukan_lintas_unit(pengguna=org.u["bambang"], data=data(judul="Kajian mutu"),
                                             ppk_tujuan_id=org.p["ani"].pk)
    login(page, org.p["ani"].nip, SANDI)
    page.goto(f"/penugasan/{p.pk}/")
    _muat(page)
    page.fill("#alasan-tolak", "Pegawai sedang diklat")
    pesan: list[str] = []
    page.once("dialog", lambda d: (pesan.append(d.message), d.dismiss()))
    page.click("#form-tolak button")
    assert pesan and "Kajian mutu" in pesan[0] and "mengakhiri" in pesan[0]
    p.refresh_from_db()
    assert p.status == "menunggu_ppk_tujuan"  # dismissed: nothing changed
    page.once("dialog", lambda d: d.accept())
    page.click("#form-tolak button")
    page.wait_for_url(f"**/penugasan/{p.pk}/")
    page.locator(".alert-success").wait_for()
    assert page.inner_text("[data-testid=status]") == "Ditolak"
    _muat(page)


def test_ended_assignment_reads_selesai_in_the_list_and_on_its_page(ponsel, org):  # type: ignore[no-untyped-def]
    page = ponsel
    p = services.buat_penunjukan_dalam_unit(pengguna=org.u["ani"], data=data(judul="Rekap kasus triwulan I"),
                                            penerima=[penerima(org.p["sari"], 30)])
    Penugasan.objects.filter(pk=p.pk).update(mulai=date.today() - timedelta(days=60),
                                             selesai=date.today() - timedelta(days=1))
    login(page, org.p["ani"].nip, SANDI)
    page.goto("/penugasan/?status=selesai")
    baris = page.locator("text=Rekap kasus triwulan I").first
    assert baris.is_visible()
    assert "Selesai" in page.inner_text("main")
    _muat(page)
    page.goto(f"/penugasan/{p.pk}/")
    assert page.inner_text("[data-testid=status]") == "Selesai"
    assert page.locator("[data-testid=masa-berakhir]").is_visible()
    _muat(page)


def test_a_long_unbroken_title_wraps_in_the_list_the_inbox_and_the_page(ponsel, org):  # type: ignore[no-untyped-def]
    """Issue #12 point 1: long unbroken titles wrap instead of widening the page."""
    page = ponsel
    judul = "Penyusunan" + "DokumenRencanaAksiDaerahPenanggulanganPenyakitMenular" * 2
    p = services.buat_penunjukan_lintas_unit(pengguna=org.u["bambang"], data=data(judul=judul),
                                             ppk_tujuan_id=org.p["ani"].pk)
    login(page, org.p["ani"].nip, SANDI)
    for url in ("/penugasan/", "/penugasan/kotak-masuk/", f"/penugasan/{p.pk}/"):
        page.goto(url)
        assert page.locator(f"text={judul[:30]}").first.is_visible()
        _muat(page)
