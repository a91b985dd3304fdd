"""Reading the organisation of one instansi. Every function takes the instansi."""

from __future__ import annotations

from django.db import connection
from django.db.models import QuerySet

from sikerja.kueri import KueriSiap

from .models import Instansi, Kompetensi, Pegawai, RiwayatPengaturan, UnitOrganisasi
from .struktur import Organisasi
from .struktur import Pegawai as PegawaiData
from .struktur import Unit as UnitData


def units(instansi: Instansi) -> QuerySet[UnitOrganisasi]:
    return UnitOrganisasi.objects.filter(instansi=instansi, aktif=True)


def pegawai(instansi: Instansi) -> QuerySet[Pegawai]:
    return Pegawai.objects.filter(instansi=instansi, aktif=True)


def units_with_counts(instansi: Instansi) -> QuerySet[UnitOrganisasi]:
    """Active units; their counts are stored fields kept by ``services.hitung_ringkasan``."""
    return units(instansi)


CARI_MAKS = 2000


def cari_pegawai(instansi: Instansi, q: str, limit: int = 50) -> QuerySet[Pegawai] | list[Pegawai]:
    q = q.strip()
    qs = pegawai(instansi).select_related("unit")
    if not q:
        return qs.none()
    if q.isdigit():
        return qs.filter(nip__startswith=q).order_by("nip")[:limit]
    if connection.vendor != "postgresql":
        # SQLite walks the (instansi, nama) index in order and stops at ``limit`` matches.
        return qs.filter(nama__icontains=q).order_by("nama")[:limit]
    # PostgreSQL: matches first, unordered (answered from the trigram index on UPPER(nama),
    # migration 0002), sorted here, then the first ``limit`` rows fetched by id. Ordering and
    # limiting in SQL made it walk the name index past most of 50,000 rows instead.
    cocok = qs.filter(nama__icontains=q).order_by().values_list("nama", "id")[:CARI_MAKS]
    pertama = [i for _, i in sorted(cocok)[:limit]]
    per_id = {p.id: p for p in pegawai(instansi).select_related("unit").filter(id__in=pertama).order_by()}
    return [per_id[i] for i in pertama if i in per_id]


def organisasi(instansi: Instansi) -> Organisasi:
    """The instansi's active units and pegawai as plain data for the kedudukan engine.

    Two flat queries and no model instances: building this for 50,000 pegawai must
    take well under a second. Delegations are kedudukan's: its selector of the same
    name adds those holding today.
    """
    kode_unit: dict[int, str] = {}
    unit_rows = list(
        UnitOrganisasi.objects.filter(instansi=instansi, aktif=True).values_list(
            "id", "kode", "nama", "jenis", "induk_id", "atribut")
    )
    for uid, kode, *_ in unit_rows:
        kode_unit[uid] = kode
    data_units = {
        kode: UnitData(kode=kode, nama=nama, jenis=jenis, induk=kode_unit.get(induk_id) if induk_id else None,
                       atribut=tuple(sorted((str(k), str(v)) for k, v in (atribut or {}).items())))
        for _, kode, nama, jenis, induk_id, atribut in unit_rows
    }
    data_pegawai: dict[str, PegawaiData] = {}
    for nip, nama, jabatan, jj, unit_id, status, jenjang, kepala in Pegawai.objects.filter(
        instansi=instansi, aktif=True, unit__aktif=True
    ).values_list("nip", "nama", "jabatan", "jenis_jabatan", "unit_id", "status", "jenjang", "kepala_unit"):
        data_pegawai[nip] = PegawaiData(
            nip=nip, nama=nama, jabatan=jabatan, jenis_jabatan=jj, unit=kode_unit[unit_id],
            status=status, jenjang=jenjang, kepala_unit=kepala,
        )
    return Organisasi(
        profil=instansi.profil,
        kode_instansi=instansi.kode,
        nama_instansi=instansi.nama,
        units=data_units,
        pegawai=data_pegawai,
    )


# The pegawai page's own rows (asked on every visit): prepared once (sikerja.kueri).
pegawai_halaman: KueriSiap[Pegawai] = KueriSiap(lambda pk, instansi_id: (
    Pegawai.objects.select_related("unit", "instansi").filter(pk=pk, instansi_id=instansi_id)))
kompetensi_halaman: KueriSiap[Kompetensi] = KueriSiap(lambda pegawai_id: Kompetensi.objects.filter(pegawai_id=pegawai_id))


def riwayat_pengaturan(instansi_id: int, awalan: str = "", batas: int = 20) -> list[RiwayatPengaturan]:
    """The latest changes of an instansi's settings (those whose ``bagian`` starts with ``awalan``)."""
    return list(RiwayatPengaturan.objects.filter(instansi_id=instansi_id, bagian__startswith=awalan)[:batas])
