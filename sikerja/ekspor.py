"""Writing spreadsheet rows that a spreadsheet program cannot execute.

A name, a unit or a reason typed by a user can start with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return; Excel and LibreOffice read such a cell as a
formula (CSV/formula injection, OWASP). Every export writes rows through
:func:`tulis_baris`, which stores those values as plain text.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

AWALAN_RUMUS = ("=", "+", "-", "@", "\t", "\r")


def tulis_baris(ws: Any, values: Iterable[Any]) -> None:
    """Append one row to an openpyxl worksheet, every formula-looking string as inert text.

    The value is kept exactly (a NIP or a name reads back unchanged); the cell is
    typed as a string and carries Excel's "quote prefix" so that editing it in a
    spreadsheet program does not turn it into a formula either.
    """
    values = list(values)
    ws.append([None if _rumus(v) else v for v in values])
    row = ws.max_row
    for col, v in enumerate(values, start=1):
        if _rumus(v):
            cell = ws.cell(row=row, column=col)
            cell.value = v  # openpyxl would type this "f" (formula) ...
            cell.data_type = "s"  # ... so it is typed back to text
            cell.quotePrefix = True


def _rumus(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(AWALAN_RUMUS)
