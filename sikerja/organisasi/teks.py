"""Text normalised for search: accent-, apostrophe- and case-insensitive.

People type "syafii" for "Syafi'i", "nurul" for "Nurul", "Fauzi" for "Fauzī";
the search compares both sides in this form. The normalised form is stored in
``nama_cari``/``jabatan_cari`` columns (migration 0003), refreshed after every
import and every edit (``segarkan``, registered on ``organisasi.kait``), so the
database can index it instead of normalising 50,000 names per query.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

_APOSTROF = re.compile(r"['\u2018\u2019\u02bc\u02bb`´\"\u201c\u201d]")
_BUKAN_HURUF = re.compile(r"[^0-9a-z]+")


def normalisasi(teks: str | None) -> str:
    """Lower case, no diacritics, no apostrophes, words separated by one space."""
    if not teks:
        return ""
    teks = unicodedata.normalize("NFKD", teks)
    teks = "".join(c for c in teks if not unicodedata.combining(c))
    teks = _APOSTROF.sub("", teks.casefold())
    return _BUKAN_HURUF.sub(" ", teks).strip()


def kata(q: str) -> list[str]:
    """The normalised words of a query, each of which a match must contain."""
    return [k for k in normalisasi(q).split(" ") if k]


def segarkan(instansi: Any, laporan: Any = None) -> int:
    """Bring the stored search columns of ``instansi`` up to date; returns rows changed.

    Runs after an import (inside its transaction) and after an edit in the admin.
    Only rows whose normalised text differs are written.
    """
    from .models import Pegawai, UnitOrganisasi

    ubah_p = [
        Pegawai(id=i, nama_cari=normalisasi(nama), jabatan_cari=normalisasi(jabatan))
        for i, nama, jabatan, nc, jc in Pegawai.objects.filter(instansi=instansi).values_list(
            "id", "nama", "jabatan", "nama_cari", "jabatan_cari")
        if (nc, jc) != (normalisasi(nama), normalisasi(jabatan))
    ]
    Pegawai.objects.bulk_update(ubah_p, ["nama_cari", "jabatan_cari"], batch_size=2000)
    ubah_u = [
        UnitOrganisasi(id=i, nama_cari=normalisasi(nama))
        for i, nama, nc in UnitOrganisasi.objects.filter(instansi=instansi).values_list("id", "nama", "nama_cari")
        if nc != normalisasi(nama)
    ]
    UnitOrganisasi.objects.bulk_update(ubah_u, ["nama_cari"], batch_size=2000)
    return len(ubah_p) + len(ubah_u)
