"""Organisation API: units and pegawai of the caller's instansi only, and the list of instansi
(``/api/instansi``: the tenants a lintas-instansi request may go to).

Every pegawai row carries its ``id``, the key the penugasan API takes (issue 9 point 10).
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate

from sikerja.akses import Permintaan

from . import selectors
from .models import Instansi, Pegawai

router = Router(tags=["organisasi"])
router_instansi = Router(tags=["organisasi"])


class UnitOut(Schema):
    id: int
    kode: str
    nama: str
    jenis: str
    level: int
    induk_id: int | None


class PegawaiOut(Schema):
    id: int
    nip: str
    nama: str
    status: str
    jabatan: str
    jenis_jabatan: str
    jenjang: str | None
    unit_kode: str
    kepala_unit: bool
    pangkat_golongan: str = ""


class PegawaiCariOut(PegawaiOut):
    unit_id: int
    unit: str


class InstansiOut(Schema):
    id: int
    kode: str
    nama: str
    profil: str
    sendiri: bool


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
    return {"id": p.pk, "nip": p.nip, "nama": p.nama, "status": p.status, "jabatan": p.jabatan, "jenis_jabatan": p.jenis_jabatan,
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


@router.get("/pegawai", response=list[PegawaiCariOut],
            summary="Pegawai aktif instansi pengguna: cari NIP (awalan) atau nama, saring unit; per halaman")
@paginate(Halaman)
def daftar_pegawai(request: Permintaan, q: str = "", unit: int | None = None):  # type: ignore[no-untyped-def]
    qs = selectors.pegawai(_instansi(request)).select_related("unit")
    q = q.strip()
    if q.isdigit():
        # A NIP prefix as a range on the (instansi, nip) index: PostgreSQL answers LIKE 'q%' under a
        # non-C collation by scanning every pegawai. NIPs are digits only, so [q, q+1) is the prefix.
        qs = qs.filter(nip__gte=q)
        if q.strip("9"):
            qs = qs.filter(nip__lt=str(int(q) + 1).zfill(len(q)))
        qs = qs.order_by("nip")
    elif q:
        qs = qs.filter(nama__icontains=q).order_by("nama", "id")
    else:
        qs = qs.order_by("nama", "id")
    if unit:
        qs = qs.filter(unit_id=unit)
    return _Baris(qs)


class _Baris:
    """The page's rows only: 50,000 pegawai are counted, never all turned into dicts."""

    def __init__(self, qs) -> None:  # type: ignore[no-untyped-def]
        self.qs = qs

    def __len__(self) -> int:
        return int(self.qs.count())

    def count(self) -> int:
        return int(self.qs.count())

    def __getitem__(self, k: slice) -> list[dict]:
        # The page's ids first (from the index pegawai_aktif_nama), then its 100 rows with their unit:
        # a deep OFFSET then skips index entries, not 25,000 rows joined to their unit.
        ids = list(self.qs.values_list("id", flat=True)[k])
        per_id = Pegawai.objects.select_related("unit").in_bulk(ids)
        return [{**_pegawai_out(p), "unit_id": p.unit_id, "unit": p.unit.nama} for p in (per_id[i] for i in ids)]


@router_instansi.get("", response=list[InstansiOut], summary="Instansi dalam layanan ini (sendiri = instansi pengguna)")
@paginate(Halaman)
def daftar_instansi(request: Permintaan):  # type: ignore[no-untyped-def]
    sendiri = _instansi(request).pk
    return [{"id": i.pk, "kode": i.kode, "nama": i.nama, "profil": i.profil, "sendiri": i.pk == sendiri}
            for i in Instansi.objects.order_by("nama", "id")]
