"""Template filters that keep generated sentences readable.

Messages are assembled from parts (a status label, a reason the user typed, a
warning that already ends with a full stop), and the joins produced slips such as
"dibuat: Ditugaskan.", "dicabut: Salah nomor.." or ".; Menunggu" (issue #12 point 7).
``kalimat`` repairs those joins at display time; it never changes names. The rules live in
:mod:`sikerja.kalimat`, which Python code uses to build the messages right in the first place.
"""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString, mark_safe

from sikerja import kalimat as _kalimat
from sikerja.kalimat import rapikan

register = template.Library()

__all__ = ["gabung_kalimat", "kalimat", "kueri_halaman", "manusiawi", "rapikan"]


@register.filter
def kalimat(nilai: object) -> str:
    teks = str(nilai)
    hasil = rapikan(teks)
    return mark_safe(hasil) if isinstance(nilai, SafeString) else hasil  # noqa: S308


@register.filter
def gabung_kalimat(daftar: object, pemisah: str = "; ") -> str:
    """Join sentences that each end with a full stop without leaving ".;" behind."""
    return _kalimat.gabung(daftar or [], pemisah)  # type: ignore[arg-type]


@register.filter
def daftar_kata(unsur: object, kata: str = "dan") -> str:
    """An enumeration: "A, B, dan C" (sikerja.kalimat.daftar)."""
    return _kalimat.daftar(unsur or [], kata)  # type: ignore[arg-type]


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
