"""Indonesian sentences assembled from parts, without the slips of naive joining (issue #12 point 7).

Messages are built from a status label, a reason the user typed, a warning that already ends
with a full stop. Joined naively they read "dibuat: Ditugaskan.", "dicabut: Salah nomor.." or
".; Menunggu". These functions join them once, correctly, for Python code (flash messages,
notices) and for the template filters in ``web.templatetags.sikerja_teks``. They never change
names: only the common words in ``_KATA_UMUM`` are lowered after a colon or semicolon.

A shared utility (like ``ekspor``): any app may use it, it uses no app.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Words that start a status label or a typed reason: after a colon or a semicolon,
# inside a sentence, they are written in lower case. Never proper names.
_KATA_UMUM = (
    "Menunggu|Ditugaskan|Ditolak|Dikembalikan|Dicabut|Dikoreksi|Disetujui|Direkomendasikan|Diteruskan|"
    "Selesai|Salah|Belum|Tidak|Sudah|Perlu|Mohon|Kurang"
)
_HURUF_KECIL = re.compile(rf"([:;] )({_KATA_UMUM})\b")
_TITIK_GANDA = re.compile(r"(?<!\.)\.\.(?!\.)")
_TITIK_SEBELUM_TANDA = re.compile(r"(\S+)\.\s*([;,])")
# Abbreviations whose full stop belongs to them (academic titles and honorifics in names such as
# "dr. X, S.KM., M.Kes."): a full stop before a comma is removed only after an ordinary word.
_SINGKATAN = frozenset({"dr", "drg", "drh", "Dr", "Ir", "Hj", "H", "Prof", "Drs", "Dra", "St", "No", "Jl", "dkk", "dll",
                        "dsb", "Tbk", "Kab", "Kec", "Kel"})
_SPASI_GANDA = re.compile(r"[ \t]{2,}")
_AKHIR = ".!?…"


def rapikan(teks: str) -> str:
    """Repair the joins inside ``teks``: ".." → ".", ".;" → ";", "; Menunggu" → "; menunggu" — but
    never an abbreviation in a name ("S.KM., M.Kes." stays)."""
    teks = _TITIK_GANDA.sub(".", teks)
    teks = _TITIK_SEBELUM_TANDA.sub(_titik_sebelum_tanda, teks)
    teks = _SPASI_GANDA.sub(" ", teks)
    return _HURUF_KECIL.sub(lambda m: m.group(1) + m.group(2).lower(), teks)


def _titik_sebelum_tanda(m: re.Match[str]) -> str:
    kata, tanda = m.group(1), m.group(2)
    if "." in kata or kata.lstrip("(") in _SINGKATAN:
        return m.group(0)  # "M.Kes.," "S.KM.;" "dr.," keep the abbreviation's own full stop
    return kata + tanda


def akhiri(teks: str) -> str:
    """``teks`` as one sentence: trimmed, ending with exactly one full stop (or its own ! ? …)."""
    teks = str(teks).strip()
    if not teks:
        return ""
    return teks if teks[-1] in _AKHIR else teks + "."


def kalimat(*bagian: object) -> str:
    """Sentences joined with a space, each ending once: ``kalimat("Surat dicabut.", "Penugasan berakhir")``
    → "Surat dicabut. Penugasan berakhir." Empty parts are skipped."""
    return rapikan(" ".join(akhiri(str(b)) for b in bagian if b is not None and str(b).strip()))


def gabung(bagian: Iterable[object], pemisah: str = "; ") -> str:
    """Sentences joined into one with ``pemisah`` (no ".;" left behind), ending with one full stop."""
    isi = [str(x).strip().rstrip(".") for x in bagian]
    isi = [b for b in isi if b]
    return rapikan(pemisah.join(isi) + ".") if isi else ""


def daftar(unsur: Iterable[object], kata: str = "dan") -> str:
    """An enumeration as Indonesian writes it (PUEBI: a comma between the items of a list of three
    or more, also before *dan*/*atau*): "A", "A dan B", "A, B, dan C"."""
    isi = [str(x).strip() for x in unsur if str(x).strip()]
    if len(isi) <= 1:
        return "".join(isi)
    if len(isi) == 2:
        return f"{isi[0]} {kata} {isi[1]}"
    return f"{', '.join(isi[:-1])}, {kata} {isi[-1]}"
