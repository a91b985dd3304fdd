"""Layout at every width, per role, in a real headless chromium (issue #12 point 1).

For each role the main pages are opened at 1366×768 (a common office laptop) and
at 390×844 (a phone). On every page: the document is no wider than the viewport
(nothing scrolls sideways except inside a table's own wrapper) and the logout
control is visible and clickable. A screenshot of each page is saved under
``test-results/tata-letak/`` (CI keeps it as an artifact). At desktop width the
vendored axe-core (tests/browser/vendor/axe-core, 4.10.3, MPL-2.0) reports no
critical accessibility violation on the main pages.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml

from sikerja.organisasi.models import Pegawai, UnitOrganisasi
from sikerja.organisasi.testing import buat_akun, buat_organisasi, nip
from sikerja.organisasi.tests.conftest import ORG

from .conftest import buka_menu, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HASIL = Path(os.environ.get("SIKERJA_TEST_OUTPUT", Path(__file__).resolve().parents[2] / "test-results")) / "tata-letak"
AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
LEBAR = {"desktop": (1366, 768), "ponsel": (390, 844)}
SANDI = "rahasia-uji-123"
JUDUL_PANJANG = "Penyusunan" + "LaporanSurveilansEpidemiologiTerpaduKabupaten" * 3

# role -> (pegawai number in ORG, instansi-wide roles)
PERAN: dict[str, tuple[int, dict[str, bool]]] = {
    "staf": (4, {}),
    "pejabat": (3, {}),
    "kepala_pd": (2, {}),
    "admin": (6, {"admin_instansi": True, "is_superuser": True, "is_staff": True}),
    "bkpsdm": (5, {"bkpsdm": True}),
    "inspektorat": (8, {"inspektorat": True}),
}


def _siapkan() -> dict[str, str]:
    """The ORG organisation, one account per role, and an assignment with a long unbroken title."""
    from sikerja.penugasan import services
    from sikerja.penugasan.tests.conftest import data, penerima

    # A Perangkat Daerah without a head gives the monitoring page warnings to show.
    dokumen = yaml.safe_load(ORG)
    dokumen["unit"].append({"kode": "KOMINFO", "nama": "Dinas Komunikasi dan Informatika", "jenis": "dinas"})
    dokumen["pegawai"] += [
        {"nip": nip(50 + i), "nama": f"Pranata Komputer {i}", "status": "pns", "jabatan": "Pranata Komputer Ahli Pertama",
         "jenis_jabatan": "fungsional", "jenjang": "ahli_pertama", "unit": "KOMINFO"} for i in range(30)]
    instansi = buat_organisasi(yaml.safe_dump(dokumen))
    instansi.ambang_rentang_kendali = 1
    instansi.save()
    akun = {}
    for peran, (n, hak) in PERAN.items():
        akun[peran] = buat_akun(Pegawai.objects.get(nip=nip(n)), password=SANDI, **hak)
    p = services.buat_penunjukan_dalam_unit(
        pengguna=akun["pejabat"], data=data(judul=JUDUL_PANJANG, bentuk="tim"),
        penerima=[penerima(Pegawai.objects.get(nip=nip(4)), 30, ketua=True),
                  penerima(Pegawai.objects.get(nip=nip(5)), 20)])
    dinkes = UnitOrganisasi.objects.get(kode="DINKES")
    p2p = UnitOrganisasi.objects.get(kode="DINKES-P2P")
    return {
        "beranda": "/",
        "organisasi": "/organisasi/",
        "unit": f"/organisasi/unit/{p2p.pk}/",
        "pegawai": f"/organisasi/pegawai/{Pegawai.objects.get(nip=nip(3)).pk}/",
        "bagan": f"/kedudukan/bagan/{dinkes.pk}/",
        "cari": "/cari/?q=kesehatan",
        "kedudukan": "/kedudukan/saya/",
        "penugasan": "/penugasan/",
        "detail": f"/penugasan/{p.pk}/",
        "kotak_masuk": "/penugasan/kotak-masuk/",
        "bawahan": "/kedudukan/bawahan/",
        "buat": "/penugasan/buat/dalam_unit/",
        "pemantauan": "/kedudukan/pemantauan/",
        "delegasi": "/kedudukan/delegasi/",
        "impor": "/organisasi/impor/",
        "pengaturan": "/penugasan/pengaturan/",
    }


HALAMAN_PERAN = {
    "staf": ["beranda", "organisasi", "unit", "pegawai", "cari", "kedudukan", "penugasan", "detail", "kotak_masuk"],
    "pejabat": ["beranda", "pegawai", "bawahan", "penugasan", "detail", "kotak_masuk", "buat", "bagan"],
    "kepala_pd": ["beranda", "bawahan", "penugasan", "bagan"],
    "admin": ["beranda", "organisasi", "pemantauan", "delegasi", "impor", "pengaturan", "penugasan", "cari"],
    "bkpsdm": ["beranda", "pemantauan", "penugasan", "detail", "bagan"],
    "inspektorat": ["beranda", "pemantauan", "penugasan"],
}


def _lebar_dokumen(page) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    return page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")


def _pelanggaran_kritis(page) -> list[dict]:  # type: ignore[no-untyped-def]
    page.add_script_tag(path=str(AXE))
    hasil = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    return [{"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in hasil if v.get("impact") == "critical"]


@pytest.mark.parametrize("peran", list(PERAN))
def test_every_page_fits_the_width_and_keeps_logout_reachable(browser, live_server, peran):
    url = _siapkan()
    HASIL.mkdir(parents=True, exist_ok=True)
    n, _ = PERAN[peran]
    masalah: list[str] = []
    for nama_lebar, (w, h) in LEBAR.items():
        context = browser.new_context(base_url=live_server.url, locale="id-ID", viewport={"width": w, "height": h},
                                      bypass_csp=True)  # only so the test can inject axe-core; the app keeps its CSP
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(live_server.url)
                      else route.abort())
        page = context.new_page()
        page.set_default_timeout(15000)
        login(page, nip(n), SANDI)
        for nama in HALAMAN_PERAN[peran]:
            r = page.goto(url[nama])
            assert r is not None and r.status == 200, f"{peran} {nama}: HTTP {r and r.status}"
            page.wait_for_load_state("networkidle")
            page.screenshot(path=str(HASIL / f"{peran}-{nama_lebar}-{nama}.png"), full_page=True)
            lebar, layar = _lebar_dokumen(page)
            if lebar > layar:
                masalah.append(f"{nama_lebar} {nama}: dokumen {lebar}px > layar {layar}px")
            keluar = page.locator("[data-testid=keluar] button")
            if not keluar.is_visible():
                masalah.append(f"{nama_lebar} {nama}: tombol Keluar tidak terlihat")
            else:
                keluar.click(trial=True)  # actionable: visible, enabled, not covered
            if nama_lebar == "desktop":
                kritis = _pelanggaran_kritis(page)
                if kritis:
                    masalah.append(f"{nama_lebar} {nama}: axe kritis {json.dumps(kritis, ensure_ascii=False)}")
        # Finally logging out really works at this width.
        page.locator("[data-testid=keluar] button").click()
        page.wait_for_url("**/masuk/")
        context.close()
    assert not masalah, "\n".join(masalah)


def test_admin_menu_groups_administration_and_collapses_on_a_phone(browser, live_server):
    _siapkan()
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    login(page, nip(6), SANDI)
    # At 1280 px the whole bar is on one line: search box and logout inside the viewport.
    for sel in ("#cari-nav", "[data-testid=keluar] button"):
        kotak = page.locator(sel).bounding_box()
        assert kotak and kotak["x"] + kotak["width"] <= 1280, sel
    buka_menu(page, "Administrasi", "Delegasi")
    page.wait_for_url("**/kedudukan/delegasi/")
    page.set_viewport_size({"width": 390, "height": 844})
    assert not page.locator("#nav-utama").is_visible()
    page.click("button.navbar-toggler")
    page.locator("#nav-utama >> text=Organisasi").wait_for()
    page.locator("#nav-utama >> text=Organisasi").click()
    page.wait_for_url("**/organisasi/")
    context.close()


def test_org_tree_toggle_expands_and_collapses_again(browser, live_server):
    _siapkan()
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    login(page, nip(4), SANDI)
    page.goto("/organisasi/")
    tombol = page.locator("button[aria-label='Buka sub-unit Dinas Kesehatan']")
    tombol.click()
    page.locator("text=Bidang P2P").first.wait_for()
    assert tombol.get_attribute("aria-expanded") == "true"
    tombol.click()
    page.locator("text=Bidang P2P").first.wait_for(state="hidden")
    assert tombol.get_attribute("aria-expanded") == "false"
    tombol.click()
    page.locator("text=Bidang P2P").first.wait_for()
    context.close()


def test_delegation_form_picks_people_by_name_with_their_unit(browser, live_server):
    _siapkan()
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    login(page, nip(6), SANDI)
    page.goto("/kedudukan/delegasi/")
    page.fill("#d-dari", "ani")
    page.locator("#d-dari-hasil >> text=Bidang P2P").first.click()
    assert page.input_value("input[name=dari]") == nip(3)
    assert "Ani" in page.input_value("#d-dari")
    page.fill("#d-kepada", "epidemiolog")  # downward only: Sari sits in Ani's Bidang (issue #12 point 4)
    page.locator("#d-kepada-hasil >> text=Bidang P2P").first.click()
    assert page.input_value("input[name=kepada]") == nip(4)
    page.select_option("#d-wewenang", "penilaian_kinerja")
    page.fill("#d-pegawai", nip(5))
    page.fill("#d-nomor-sk", "800/1/2026")
    page.fill("#d-tanggal-sk", "2026-01-02")
    page.click("button[value=pratinjau]")
    page.locator("#pratinjau").wait_for()
    assert "Rudi" in page.locator("#pratinjau").inner_text()
    context.close()
