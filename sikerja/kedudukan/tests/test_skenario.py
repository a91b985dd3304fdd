"""Scenario files (``skenario/<profil>/*.yaml``) checked against their expectations.

Each scenario is an ordinary import file plus a ``harapan`` list the importer
ignores::

    harapan:
      - nip: "..."                # the pegawai checked
        ppk: "..." | null         # expected PPK NIP (null: none)
        pimpinan_unit: "..." | null
        koordinator: "..." | null # optional key: checked only when present
        dasar: "Lampiran II.D.6"  # optional: a substring of one cited basis
        peringatan: true | false  # optional: whether a warning is expected
        pasal: "..."              # what the regulation says, for the reader

An HR officer runs the same check by hand with
``sikerja kedudukan --data FILE --nip NIP``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from sikerja.kedudukan.tests.util import SKENARIO_DIR, kedudukan, org_from_file

FILES = sorted(SKENARIO_DIR.glob("*/*.yaml"))


def _cases() -> list[tuple[Path, dict]]:
    cases = []
    for f in FILES:
        data = yaml.safe_load(f.read_text(encoding="utf-8"))
        for h in data.get("harapan") or []:
            cases.append((f, h))
    return cases


CASES = _cases()


def test_every_scenario_file_states_expectations():
    assert FILES, "skenario/ holds no scenario files"
    for f in FILES:
        assert yaml.safe_load(f.read_text(encoding="utf-8")).get("harapan"), f"{f} has no 'harapan'"


@pytest.mark.parametrize(
    ("path", "harapan"), CASES, ids=[f"{p.parent.name}/{p.stem}/{h['nip'][-4:]}" for p, h in CASES]
)
def test_scenario_expectation(path: Path, harapan: dict):
    h = kedudukan(org_from_file(path), str(harapan["nip"]))
    why = f"{harapan.get('pasal', '')} | aturan={h.aturan} langkah={h.langkah}"
    for role in ("ppk", "pimpinan_unit", "koordinator"):
        if role in harapan:
            got = getattr(h, role)
            assert (got.nip if got else None) == (str(harapan[role]) if harapan[role] else None), f"{role}: {why}"
    if "dasar" in harapan:
        assert any(harapan["dasar"] in d for d in h.dasar_hukum), f"dasar {harapan['dasar']!r} not in {h.dasar_hukum}"
    if "peringatan" in harapan:
        assert bool(h.peringatan) is bool(harapan["peringatan"]), f"peringatan={h.peringatan}: {why}"
