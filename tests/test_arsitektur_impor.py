"""The direction of dependencies between apps (issue 8.4; ARCHITECTURE.md).

Every module under ``sikerja/`` is parsed (nothing is imported); each
``import sikerja.X`` / ``from sikerja.X …`` / relative import that reaches another
app is an edge app → app, lazy imports inside functions included (a cycle hidden
in a function is still a cycle). Apps are the directories ``sikerja/<app>/``. The
top layer — settings, the project's ``urls.py``/``api.py``/``cli.py``/``wsgi.py`` and
the ``web`` app that assembles pages — may import any app and is imported by none.
Plain modules at ``sikerja/*.py`` other than those (``basisdata``, ``ekspor``) are
shared utilities: any app may use them, they use no app. Tests are not counted.

Apps call each other only through services and selectors; this test holds the
coarser rule that makes that possible: the graph matches ``DIIZINKAN`` and has no
cycle. Adding an edge is a design decision: add it to ``DIIZINKAN`` (and to
ARCHITECTURE.md) or use a hook (``organisasi.kait``) instead.
"""

from __future__ import annotations

import ast
from pathlib import Path

SIKERJA = Path(__file__).resolve().parents[1] / "sikerja"

LAPISAN_ATAS = {"settings", "web", "urls", "api", "cli", "wsgi", "perintah"}

# app -> the apps it may import. Lower apps never import higher ones; organisasi,
# the base, learns of changes in the apps above it through its hooks (kait).
DIIZINKAN: dict[str, set[str]] = {
    "organisasi": set(),
    "akun": {"organisasi"},
    "operasi": set(),
    "kedudukan": {"organisasi", "akun"},
    # The work-system core: shared by every module, knows no module.
    "surat": {"organisasi"},
    "kotak_masuk": {"organisasi"},
    "jejak": {"organisasi"},
    "alur_kerja": {"organisasi", "jejak", "kotak_masuk", "surat"},
    # Modules, each on the core and the ones below it.
    "penugasan": {"kedudukan", "organisasi", "akun", "alur_kerja", "jejak", "kotak_masuk", "surat"},
    "timkerja": {"kedudukan", "organisasi", "akun", "alur_kerja", "jejak", "kotak_masuk", "surat", "penugasan"},
    "siklus": {"kedudukan", "organisasi", "akun", "alur_kerja", "jejak", "kotak_masuk", "surat", "penugasan",
               "timkerja"},
}


def _modul(path: Path) -> tuple[str, ...]:
    rel = path.relative_to(SIKERJA.parent).with_suffix("")
    parts = rel.parts
    return parts[:-1] if parts[-1] == "__init__" else parts


def _unit(parts: tuple[str, ...]) -> str | None:
    """The app (or top-layer/utility name) a module ``sikerja.<x>…`` belongs to."""
    if len(parts) < 2 or parts[0] != "sikerja":
        return None
    return parts[1]


def _kind(nama: str) -> str:
    if nama in LAPISAN_ATAS:
        return "atas"
    if (SIKERJA / nama).is_dir():
        return "app"
    return "utilitas"


def graf() -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {}
    for path in SIKERJA.rglob("*.py"):
        if "tests" in path.relative_to(SIKERJA).parts or "migrations" in path.parts:
            continue
        mod = _modul(path)
        asal = _unit(mod)
        if asal is None:
            continue
        # Management commands and test-support modules (organisasi.testing) are entry points
        # into the whole system, like the top layer: the demo command makes accounts too.
        if "management" in mod or mod[-1] == "testing":
            asal = "perintah"
        paket = mod if path.name == "__init__.py" else mod[:-1]
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            targets: list[tuple[str, ...]] = []
            if isinstance(node, ast.Import):
                targets = [tuple(a.name.split(".")) for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = paket[: len(paket) - (node.level - 1)] if node.level > 1 else paket
                    targets = [base + tuple((node.module or "").split(".")) if node.module else base]
                    if not node.module:
                        targets = [base + (a.name,) for a in node.names]
                else:
                    targets = [tuple((node.module or "").split("."))]
            for t in targets:
                tujuan = _unit(t)
                if tujuan and tujuan != asal:
                    edges.setdefault(asal, set()).add(tujuan)
    return edges


def test_top_layer_and_utilities_are_imported_by_no_app():
    for asal, tujuan in graf().items():
        if _kind(asal) != "app":
            continue
        salah = {t for t in tujuan if _kind(t) == "atas"}
        assert not salah, f"app {asal} mengimpor lapisan atas {sorted(salah)}"
    for asal, tujuan in graf().items():
        if _kind(asal) == "utilitas":
            assert not {t for t in tujuan if _kind(t) == "app"}, f"utilitas {asal} mengimpor app {sorted(tujuan)}"


def test_app_dependencies_match_the_allowed_directions():
    nyata = {a: {t for t in ts if _kind(t) == "app"} for a, ts in graf().items() if _kind(a) == "app"}
    apps = {p.name for p in SIKERJA.iterdir() if p.is_dir() and _kind(p.name) == "app" and (p / "__init__.py").exists()}
    assert apps <= set(DIIZINKAN), f"app baru tanpa arah ketergantungan di DIIZINKAN: {sorted(apps - set(DIIZINKAN))}"
    for app in sorted(apps):
        lebih = nyata.get(app, set()) - DIIZINKAN[app]
        assert not lebih, f"{app} mengimpor {sorted(lebih)}, di luar DIIZINKAN[{app!r}] = {sorted(DIIZINKAN[app])}"


def test_allowed_dependencies_have_no_cycle():
    # Depth-first search over the allowed graph (and so over the real one, a subset).
    selesai: set[str] = set()

    def kunjungi(app: str, jalur: list[str]) -> None:
        assert app not in jalur, f"siklus impor antar-app: {' → '.join([*jalur, app])}"
        if app in selesai:
            return
        for t in sorted(DIIZINKAN.get(app, ())):
            kunjungi(t, [*jalur, app])
        selesai.add(app)

    for app in DIIZINKAN:
        kunjungi(app, [])


def test_the_parser_sees_lazy_and_relative_imports():
    # Guard for the test itself: kedudukan imports organisasi lazily inside apps.ready.
    assert "organisasi" in graf()["kedudukan"]
