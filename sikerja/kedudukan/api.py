"""Kedudukan API: the same JSON as ``sikerja kedudukan --json``, for the caller's instansi."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.errors import HttpError

from sikerja.akses import Permintaan
from sikerja.organisasi.models import Pegawai

from . import selectors

router = Router(tags=["kedudukan"])


class Pejabat(Schema):
    nip: str
    nama: str
    jabatan: str


class PeringatanOut(Schema):
    kode: str
    pesan: str
    dasar: str | None


class KedudukanOut(Schema):
    nip: str
    ppk: Pejabat | None
    pimpinan_unit: Pejabat | None
    koordinator: Pejabat | None
    # The messages (unchanged shape for existing clients) and the typed warnings to branch on.
    peringatan: list[str]
    peringatan_rinci: list[PeringatanOut]
    dasar_hukum: list[str]
    berlaku_mulai: str


def _pejabat(p: Pegawai | None) -> dict | None:
    return None if p is None else {"nip": p.nip, "nama": p.nama, "jabatan": p.jabatan}


@router.get("/{nip}", response=KedudukanOut)
def kedudukan(request: Permintaan, nip: str):  # type: ignore[no-untyped-def]
    if not request.user.instansi_id:
        raise HttpError(403, "Akun tidak terhubung ke instansi.")
    p = get_object_or_404(Pegawai, instansi_id=request.user.instansi_id, nip=nip, aktif=True)
    k = selectors.kedudukan_pegawai(p)
    if k is None:
        raise HttpError(404, "Kedudukan belum dihitung.")
    return {"nip": p.nip, "ppk": _pejabat(k.ppk), "pimpinan_unit": _pejabat(k.pimpinan_unit),
            "koordinator": _pejabat(k.koordinator), "peringatan": [w.pesan for w in k.peringatan],
            "peringatan_rinci": [w.as_dict() for w in k.peringatan], "dasar_hukum": k.dasar_hukum,
            "berlaku_mulai": k.berlaku_mulai.isoformat()}
