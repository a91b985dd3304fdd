"""The public verification page of a letter (the QR code on every PDF points here)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from . import selectors


def verifikasi(request: HttpRequest, kode: str) -> HttpResponse:
    """Public: a letter's number, date, kind, status and the names on it — nothing else (no NIP)."""
    s = selectors.dari_kode(kode)
    if s is None:
        return render(request, "surat/verifikasi.html", {"surat": None}, status=404)
    ctx = {
        "surat": s,
        "penandatangan": s.isi.get("penandatangan", {}).get("nama", s.penandatangan.nama),
        "kepada": [k["nama"] for k in s.isi.get("kepada", [])],
        "tembusan": [t["nama"] for t in s.isi.get("tembusan", [])],
        "pegawai": [p["nama"] for p in s.isi.get("pegawai", [])],
        "pengganti": s.koreksi.values_list("nomor", flat=True).first() if s.status == "dikoreksi" else None,
        "dicabut": s.status == "dicabut", "dikoreksi": s.status == "dikoreksi",
    }
    return render(request, "surat/verifikasi.html", ctx)
