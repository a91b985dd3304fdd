"""Helpers for kedudukan tests: build an organisation from import-format YAML.

Tests read like the regulation: a small organisation in the same shape an HR
officer would import, then the expected PPK / pimpinan unit / koordinator.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import yaml

from sikerja.kedudukan.engine import Hasil, Resolver, load_profil
from sikerja.organisasi.dokumen import validate
from sikerja.organisasi.struktur import Organisasi

SKENARIO_DIR = Path(__file__).resolve().parents[3] / "skenario"


def org_from_yaml(text: str) -> Organisasi:
    return validate(yaml.safe_load(textwrap.dedent(text))).organisasi()


def org_from_file(path: str | Path) -> Organisasi:
    return validate(yaml.safe_load(Path(path).read_text(encoding="utf-8"))).organisasi()


def kedudukan(org: Organisasi, nip: str) -> Hasil:
    return Resolver(org, load_profil(org.profil)).resolve(nip)


def nip_of(h: Hasil, role: str) -> str | None:
    p = getattr(h, role)
    return None if p is None else p.nip


def nip(n: int) -> str:
    """A structurally valid 18-digit NIP for test pegawai, unique per n."""
    return f"19800101200501{n:04d}"
