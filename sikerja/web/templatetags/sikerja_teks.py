"""Template filters that keep generated sentences readable.

Messages are assembled from parts (a status label, a reason the user typed, a
warning that already ends with a full stop), and the joins produced slips such as
"dibuat: Ditugaskan.", "dicabut: Salah nomor.." or ".; Menunggu" (issue #12 point 7).
``kalimat`` repairs those joins at display time; it never changes names.
"""

from __future__ import annotations

import re

from django import template
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

# Words that start a status label or a typed reason: after a colon or a semicolon,
# inside a sentence, they are written in lower case. Never proper names.
_KATA_UMUM = (
    "Menunggu|Ditugaskan|Ditolak|Dikembalikan|Dicabut|Dikoreksi|Disetujui|Direkomendasikan|Diteruskan|"
    "Salah|Belum|Tidak|Sudah|Perlu|Mohon|Kurang"
)
_HURUF_KECIL = re.compile(rf"([:;] )({_KATA_UMUM})\b")
_TITIK_GANDA = re.compile(r"(?<!\.)\.\.(?!\.)")
_TITIK_SEBELUM_TANDA = re.compile(r"\.\s*([;,])")


def rapikan(teks: str) -> str:
    teks = _TITIK_GANDA.sub(".", teks)
    teks = _TITIK_SEBELUM_TANDA.sub(r"\1", teks)
    return _HURUF_KECIL.sub(lambda m: m.group(1) + m.group(2).lower(), teks)


@register.filter
def kalimat(nilai: object) -> str:
    teks = str(nilai)
    hasil = rapikan(teks)
    return mark_safe(hasil) if isinstance(nilai, SafeString) else hasil  # noqa: S308


@register.filter
def gabung_kalimat(daftar: object, pemisah: str = "; ") -> str:
    """Join sentences that each end with a full stop without leaving ".;" behind."""
    bagian = [str(x).strip().rstrip(".") for x in (daftar or [])]  # type: ignore[attr-defined]
    return rapikan(pemisah.join(b for b in bagian if b) + ("." if bagian else ""))


@register.simple_tag(takes_context=True)
def kueri_halaman(context: template.Context, nomor: int, nama: str = "hal") -> str:
    """The current query string with page ``nomor`` (filters and search are kept)."""
    request = context.get("request")
    kueri = request.GET.copy() if request is not None else None
    if kueri is None:
        return f"{nama}={nomor}"
    kueri[nama] = str(nomor)
    return kueri.urlencode()


@register.filter
def manusiawi(kode: object) -> str:
    """A code such as ``permohonan_pelibatan`` as words: "Permohonan pelibatan"."""
    teks = str(kode).replace("_", " ").strip()
    return teks[:1].upper() + teks[1:]
