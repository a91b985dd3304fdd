"""Real headless chromium (Debian's /usr/bin/chromium) driven by Playwright.

The browser runs with the flags that keep it off the network: this machine has
none, and the app must not need one (all CSS/JS are served locally).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

# Playwright's sync API runs an event loop in this thread; Django's ORM calls
# made by the test itself (fixtures) are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"chromium tidak ditemukan di {CHROMIUM}; .ci/run memasangnya dengan apt-get")
        pytest.skip("chromium belum terpasang (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser, live_server):  # type: ignore[no-untyped-def]
    context = browser.new_context(base_url=live_server.url, locale="id-ID", accept_downloads=True)
    # Any request leaving the test server is a bug (no CDN, no fonts from the web).
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(live_server.url)
                  else route.abort())
    p = context.new_page()
    p.set_default_timeout(15000)
    yield p
    context.close()


def login(page, username: str, password: str) -> None:  # type: ignore[no-untyped-def]
    page.goto("/masuk/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/masuk/" not in url)


def buka_menu(page, kelompok: str, entri: str) -> None:  # type: ignore[no-untyped-def]
    """Open a navigation group's dropdown and click one of its entries. The page is first let finish
    loading (Bootstrap's dropdown handler is attached by the script at the end of the body, so a click
    on the toggle while the page is still parsing opens nothing), and the toggle is clicked again
    until the entry shows."""
    page.wait_for_load_state("load")
    item = page.locator(f"[data-kelompok='{kelompok}'] + .dropdown-menu >> text={entri}")
    for _ in range(3):
        page.click(f"[data-kelompok='{kelompok}']")
        try:
            item.wait_for(state="visible", timeout=3000)
            break
        except Exception:  # noqa: BLE001 — the menu did not open; try the toggle again
            continue
    item.click()
