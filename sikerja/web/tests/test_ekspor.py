"""Spreadsheet exports neutralise formulas (issue #10 point 8)."""

from __future__ import annotations

from io import BytesIO

import pytest
from openpyxl import Workbook, load_workbook

from sikerja.ekspor import tulis_baris

BERBAHAYA = ["=HYPERLINK(\"http://x\",\"klik\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


@pytest.mark.parametrize("nilai", BERBAHAYA)
def test_formula_looking_cells_are_written_as_text(nilai: str):
    wb = Workbook()
    tulis_baris(wb.active, ["199001012020011001", nilai, 5])
    buf = BytesIO()
    wb.save(buf)
    ws = load_workbook(BytesIO(buf.getvalue())).active
    cell = ws.cell(row=1, column=2)
    assert cell.data_type == "s" and cell.value.replace("\n", "\r") == nilai
    assert ws.cell(row=1, column=3).value == 5
    xml = buf.getvalue()
    assert b"<f>" not in xml


def test_plain_values_are_unchanged():
    wb = Workbook()
    tulis_baris(wb.active, ["Ani", 3, None])
    assert [c.value for c in wb.active[1]] == ["Ani", 3, None]
