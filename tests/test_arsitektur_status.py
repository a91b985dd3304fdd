"""Architecture: only the workflow core moves a status (issue 8 point 1).

Every state change goes through ``sikerja.alur_kerja.services.jalankan`` (or ``mulai``), which
checks the state table. This scans the source with ``ast``: any assignment to an attribute named
``status`` (``x.status = ...``, ``a.status, b = ...``, ``x.status += ...``, ``setattr(x, "status", ...)``)
outside sikerja/alur_kerja fails the test, naming the file and line.
"""

from __future__ import annotations

import ast
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
DIIZINKAN = AKAR / "sikerja" / "alur_kerja"


def _target_status(node: ast.AST) -> bool:
    if isinstance(node, ast.Attribute) and node.attr == "status":
        return True
    if isinstance(node, (ast.Tuple, ast.List)):
        return any(_target_status(e) for e in node.elts)
    if isinstance(node, ast.Starred):
        return _target_status(node.value)
    return False


# A line may set a status that is NOT a workflow state (a membership record's aktif/dilepas) only when
# it says so: ``# bukan-alur: <why>``. Each use is listed in ARCHITECTURE.md; a workflow state never is.
PENANDA = "# bukan-alur:"


def pelanggaran(sumber: str, nama: str = "<uji>") -> list[str]:
    hasil = []
    baris = sumber.splitlines()
    for node in ast.walk(ast.parse(sumber)):
        if getattr(node, "lineno", 0) and PENANDA in baris[node.lineno - 1]:
            continue
        targets: list[ast.AST] = []
        if isinstance(node, ast.Assign):
            targets = list(node.targets)
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
            targets = [node.target]
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "setattr"
              and len(node.args) >= 2 and isinstance(node.args[1], ast.Constant) and node.args[1].value == "status"):
            hasil.append(f"{nama}:{node.lineno}")
            continue
        if any(_target_status(t) for t in targets):
            hasil.append(f"{nama}:{node.lineno}")
    return hasil


def _berkas() -> list[Path]:
    return [p for akar in (AKAR / "sikerja", AKAR / "tests", AKAR / "bench") if akar.exists()
            for p in akar.rglob("*.py") if DIIZINKAN not in p.parents and "migrations" not in p.parts]


def test_no_module_outside_alur_kerja_assigns_a_status_field():
    salah = [x for p in _berkas() for x in pelanggaran(p.read_text(encoding="utf-8"), str(p.relative_to(AKAR)))]
    assert salah == [], "Status diubah di luar sikerja/alur_kerja (gunakan alur_kerja.services.jalankan): " + ", ".join(salah)


def test_the_scan_catches_every_form_of_assignment():
    for kode in ("p.status = 'x'", "p.status, p.kembali_ke = a, b", "p.status += 'x'", "p.status: str = 'x'",
                 "setattr(p, 'status', 'x')", "[p.status, q] = 1, 2"):
        assert pelanggaran(kode), kode
    assert not pelanggaran("x.status = 'dilepas'  # bukan-alur: keanggotaan")
    for kode in ("x = p.status", "p.status_lain = 1", "Model.objects.filter(status='x')", "p.label_status = 1"):
        assert not pelanggaran(kode), kode
