"""Reading a table for pages: the facts of the state a subject is in, so templates need no
status strings."""

from __future__ import annotations

from typing import Any

from .tabel import TabelStatus


def fakta_status(tabel: TabelStatus, status: str) -> dict[str, Any]:
    """What a page shows about ``status``: its label, whether it is final or waiting, and the
    step's facts (``fakta`` of the table, overridden by the step's)."""
    lk = tabel.langkah.get(status)
    nada = tabel.fakta.get("nada", {}).get(status, "akhir" if status in tabel.akhir else "menunggu")
    return {"label": tabel.label(status), "akhir": status in tabel.akhir, "menunggu": lk is not None,
            "nada": nada, **dict(tabel.fakta), **(dict(lk.fakta) if lk else {})}
