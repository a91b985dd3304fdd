"""Organisation API: units and pegawai of the caller's instansi only."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate

from sikerja.akses import Permintaan

from . import selectors
from .models import Pegawai

router = Router(tags=["organisasi"])


class UnitOut(Schema):
    id: int
    kode: str
    nama: str
    jenis: str
    level: int
    induk_id: int | None


class PegawaiOut(Schema):
    nip: str
    nama: str
    status: str
    jabatan: str
    jenis_jabatan: str
    jenjang: str | None
    unit_kode: str
    kepala_unit: bool
    pangkat_golongan: str = ""


def _instansi(request: Permintaan):  # type: ignore[no-untyped-def]
    if not request.user.instansi_id:
        raise HttpError(403, "Akun tidak terhubung ke instansi.")
    return request.user.instansi


class Halaman(LimitOffsetPagination):
    """Every list answers a page (``limit``, ``offset``; ``count`` = all matches): a Dinas
    Pendidikan holds thousands of schools, and an unbounded list cost a worker ~100 ms."""

    class Input(LimitOffsetPagination.Input):
        limit: int = Field(100, ge=1, le=500)  # type: ignore[assignment]


@router.get("/unit", response=list[UnitOut])
@paginate(Halaman)
def daftar_unit(request: Permintaan, induk: int | None = None):  # type: ignore[no-untyped-def]
    qs = selectors.units(_instansi(request)).order_by("level", "nama")
    return qs.filter(induk_id=induk) if induk else qs.filter(induk__isnull=True)


def _pegawai_out(p: Pegawai) -> dict:
    return {"nip": p.nip, "nama": p.nama, "status": p.status, "jabatan": p.jabatan, "jenis_jabatan": p.jenis_jabatan,
            "jenjang": p.jenjang, "unit_kode": p.unit.kode, "kepala_unit": p.kepala_unit,
            "pangkat_golongan": p.pangkat_golongan}


@router.get("/pegawai/{nip}", response=PegawaiOut)
def pegawai(request: Permintaan, nip: str):  # type: ignore[no-untyped-def]
    p = get_object_or_404(Pegawai.objects.select_related("unit"), instansi=_instansi(request), nip=nip, aktif=True)
    return _pegawai_out(p)


@router.get("/cari", response=list[PegawaiOut])
@paginate(Halaman)
def cari(request: Permintaan, q: str):  # type: ignore[no-untyped-def]
    return [_pegawai_out(p) for p in selectors.cari_pegawai(_instansi(request), q)]
