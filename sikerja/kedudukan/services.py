"""Keeping the stored kedudukan in step with the organisation.

``hitung_ulang`` resolves every active pegawai of an instansi with the
instansi's profile and writes only the differences: a changed kedudukan closes
the current row (``berlaku_sampai``) and opens a new one, so the history of who
rated and led whom, and from when, is never lost. It is called by every service
that changes structure, placement, jabatan or delegations (import, delegation
pages), inside their transaction.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

from django.db import connection, models, transaction
from django.db.models.constants import OnConflict
from django.utils import timezone

from sikerja.basisdata import segarkan_statistik
from sikerja.organisasi import selectors as org_selectors
from sikerja.organisasi.models import Instansi, Pegawai

from .engine import Hasil, Resolver, load_profil
from .models import Kedudukan, Penjelasan

BATCH = 2000


def _sisip_massal(model: type[models.Model], kolom: tuple[str, ...], baris: list[tuple[Any, ...]],
                  *, abaikan_bentrok: bool = False) -> None:
    """INSERT rows given as tuples of Python values, without building model instances.

    A first recompute writes 50,000 kedudukan rows: building and preparing a model
    instance per row cost more than half of the 5 s budget (#3), and one statement per
    row cost PostgreSQL ~5 s of round trips. PostgreSQL gets the rows by COPY (through a
    temporary table when conflicts are to be ignored); SQLite, in-process, by executemany.
    Values are still prepared by each field for the database in use (JSON, datetimes).
    """
    if not baris:
        return
    fields: list[models.Field[Any, Any]] = []
    for k in kolom:
        f = model._meta.get_field(k)
        assert isinstance(f, models.Field), k  # concrete columns only
        fields.append(f)
    # Only columns whose values need conversion (JSON, dates) go through the field.
    perlu = [i for i, f in enumerate(fields) if not isinstance(f, (models.ForeignKey, models.CharField,
                                                                   models.BooleanField, models.IntegerField))]
    konversi: dict[tuple[int, int], Any] = {}

    def siap(row: tuple[Any, ...]) -> tuple[Any, ...] | list[Any]:
        if not perlu:
            return row
        vals = list(row)
        for i in perlu:
            # Identical values (one timestamp for all rows) are prepared once.
            key = (i, id(vals[i]))
            if key not in konversi:
                konversi[key] = fields[i].get_db_prep_save(vals[i], connection)
            vals[i] = konversi[key]
        return vals

    qn = connection.ops.quote_name
    tabel = qn(model._meta.db_table)
    kolom_sql = ", ".join(qn(str(f.column)) for f in fields)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            tujuan = tabel
            if abaikan_bentrok:
                tujuan = qn(f"tmp_{model._meta.db_table}")
                cursor.execute(f"CREATE TEMP TABLE {tujuan} AS SELECT {kolom_sql} FROM {tabel} WITH NO DATA")
            with cursor.cursor.copy(f"COPY {tujuan} ({kolom_sql}) FROM STDIN") as salin:
                for row in baris:
                    salin.write_row(siap(row))
            if abaikan_bentrok:
                cursor.execute(f"INSERT INTO {tabel} ({kolom_sql}) SELECT {kolom_sql} FROM {tujuan} "
                               "ON CONFLICT DO NOTHING")
                cursor.execute(f"DROP TABLE {tujuan}")
            return
        on_conflict = OnConflict.IGNORE if abaikan_bentrok else None
        sql = (f"{connection.ops.insert_statement(on_conflict=on_conflict)} {tabel} ({kolom_sql}) "
               f"VALUES ({', '.join(['%s'] * len(fields))}) "
               f"{connection.ops.on_conflict_suffix_sql(fields, on_conflict, None, None) or ''}").rstrip()
        for start in range(0, len(baris), BATCH):
            cursor.executemany(sql, [siap(row) for row in baris[start : start + BATCH]])


def _penjelasan(h: Hasil) -> tuple[str, dict[str, Any]]:
    isi = {
        "aturan": h.aturan or "",
        "peringatan": list(h.peringatan),
        "dasar_hukum": list(h.dasar_hukum),
        "langkah": list(h.langkah),
    }
    sidik = hashlib.sha1(json.dumps(isi, ensure_ascii=False, sort_keys=True).encode()).hexdigest()
    return sidik, isi


@transaction.atomic
def hitung_ulang(instansi: Instansi, *, waktu: datetime | None = None) -> int:
    """Recompute the kedudukan of all pegawai; returns how many rows changed."""
    waktu = waktu or timezone.now()
    org = org_selectors.organisasi(instansi)
    hasil = Resolver(org, load_profil(instansi.profil)).resolve_all()
    ids = dict(Pegawai.objects.filter(instansi=instansi).values_list("nip", "id"))

    # Explanations are shared by everyone in the same post: find or create each once.
    per_hasil: dict[str, str] = {}
    isi_per_sidik: dict[str, dict[str, Any]] = {}
    memo: dict[tuple[Any, ...], str] = {}
    for nip, h in hasil.items():
        key = (h.aturan, tuple(h.peringatan), tuple(h.dasar_hukum), tuple(h.langkah))
        sidik = memo.get(key)
        if sidik is None:
            sidik, isi = _penjelasan(h)
            memo[key] = sidik
            isi_per_sidik.setdefault(sidik, isi)
        per_hasil[nip] = sidik
    penjelasan_id = dict(Penjelasan.objects.filter(sidik__in=list(isi_per_sidik)).values_list("sidik", "id"))
    baru_p = [(s, i["aturan"], i["peringatan"], i["dasar_hukum"], i["langkah"], bool(i["peringatan"]))
              for s, i in isi_per_sidik.items() if s not in penjelasan_id]
    if baru_p:
        _sisip_massal(Penjelasan, ("sidik", "aturan", "peringatan", "dasar_hukum", "langkah", "ada_peringatan"),
                      baru_p, abaikan_bentrok=True)
        penjelasan_id = dict(Penjelasan.objects.filter(sidik__in=list(isi_per_sidik)).values_list("sidik", "id"))

    current: dict[int, tuple[int, tuple[Any, ...]]] = {
        row[1]: (row[0], tuple(row[2:]))
        for row in Kedudukan.objects.filter(instansi=instansi, berlaku_sampai__isnull=True).values_list(
            "id", "pegawai_id", "ppk_id", "pimpinan_unit_id", "koordinator_id", "penjelasan_id"
        )
    }
    tutup: list[int] = []
    baru: list[tuple[Any, ...]] = []
    for nip, h in hasil.items():
        pid = ids[nip]
        want = (
            ids[h.ppk.nip] if h.ppk else None,
            ids[h.pimpinan_unit.nip] if h.pimpinan_unit else None,
            ids[h.koordinator.nip] if h.koordinator else None,
            penjelasan_id[per_hasil[nip]],
        )
        now = current.pop(pid, None)
        if now is not None:
            if now[1] == want:
                continue
            tutup.append(now[0])
        baru.append((instansi.id, pid, waktu, *want))
    # Pegawai no longer active: their kedudukan ends now.
    tutup.extend(row_id for row_id, _ in current.values())
    for i in range(0, len(tutup), 900):
        Kedudukan.objects.filter(id__in=tutup[i : i + 900]).update(berlaku_sampai=waktu)
    _sisip_massal(Kedudukan, ("instansi", "pegawai", "berlaku_mulai", "ppk", "pimpinan_unit", "koordinator",
                              "penjelasan"), baru)
    segarkan_statistik(Kedudukan, Penjelasan, baris=len(baru))
    return len(baru) + len(current)


# --- delegations -----------------------------------------------------------------


class DelegasiTidakSah(ValueError):
    """A delegation the user may not make, or that makes no sense; the message says why."""


def _validasi_delegasi(instansi: Instansi, dari: Pegawai, kepada: Pegawai, wewenang: str) -> None:
    from sikerja.organisasi.vocab import WEWENANG_DELEGASI

    if dari.instansi_id != instansi.id or kepada.instansi_id != instansi.id:
        raise DelegasiTidakSah("Delegasi hanya antarpejabat dalam satu instansi.")
    if dari.id == kepada.id:
        raise DelegasiTidakSah("Pejabat tidak dapat mendelegasikan kewenangan kepada dirinya sendiri.")
    if wewenang not in WEWENANG_DELEGASI:
        raise DelegasiTidakSah("Pilih wewenang: penilaian kinerja atau pengelolaan kinerja.")
    if not (dari.aktif and kepada.aktif):
        raise DelegasiTidakSah("Pemberi dan penerima delegasi harus pegawai aktif.")


def pratinjau_delegasi(
    instansi: Instansi, *, dari: Pegawai, kepada: Pegawai, wewenang: str,
    pegawai_nip: list[str] | None = None, jenjang: list[str] | None = None,
) -> list[dict[str, Any]]:
    """Who would get another PPK or pimpinan unit if this delegation were saved.

    Resolved in memory on the current organisation plus the proposed
    delegation; nothing is written.
    """
    from sikerja.organisasi.struktur import Delegasi as DelegasiData

    _validasi_delegasi(instansi, dari, kepada, wewenang)
    org = org_selectors.organisasi(instansi)
    profil = load_profil(instansi.profil)
    # "Before" is what is stored (kept in step by every change); resolving it
    # again would double the cost of the preview on a large instansi.
    sebelum: dict[str, tuple[str | None, str | None, str | None, str | None]] = {
        row[0]: row[1:]
        for row in Kedudukan.objects.filter(instansi=instansi, berlaku_sampai__isnull=True).values_list(
            "pegawai__nip", "ppk__nip", "ppk__nama", "pimpinan_unit__nip", "pimpinan_unit__nama")
    }
    if len(sebelum) != len(org.pegawai):
        sebelum = {nip: (h.ppk.nip if h.ppk else None, h.ppk.nama if h.ppk else None,
                         h.pimpinan_unit.nip if h.pimpinan_unit else None,
                         h.pimpinan_unit.nama if h.pimpinan_unit else None)
                   for nip, h in Resolver(org, profil).resolve_all().items()}
    org.delegasi.append(DelegasiData(dari=dari.nip, kepada=kepada.nip, wewenang=wewenang,
                                     pegawai=tuple(pegawai_nip or ()), jenjang=tuple(jenjang or ())))
    org.reindex()
    sesudah = Resolver(org, profil).resolve_all()
    out = []
    for nip, h in sesudah.items():
        b = sebelum.get(nip, (None, None, None, None))
        for peran, lama_nip, lama_nama in (("ppk", b[0], b[1]), ("pimpinan_unit", b[2], b[3])):
            baru = getattr(h, peran)
            if lama_nip != (baru.nip if baru else None):
                out.append({
                    "nip": nip, "nama": org.pegawai[nip].nama, "jabatan": org.pegawai[nip].jabatan,
                    "peran": "PPK" if peran == "ppk" else "Pimpinan unit",
                    "sebelum": lama_nama or "—", "sesudah": baru.nama if baru else "—",
                })
    return sorted(out, key=lambda r: (r["nama"], r["peran"]))


@transaction.atomic
def buat_delegasi(
    instansi: Instansi, *, dari: Pegawai, kepada: Pegawai, wewenang: str, oleh: Any = None,
    pegawai_nip: list[str] | None = None, jenjang: list[str] | None = None,
) -> int:
    """Save a delegation and recompute kedudukan; returns how many kedudukan changed."""
    from sikerja.organisasi.models import Delegasi

    _validasi_delegasi(instansi, dari, kepada, wewenang)
    if Delegasi.objects.filter(dari=dari, kepada=kepada, wewenang=wewenang, aktif=True).exists():
        raise DelegasiTidakSah("Delegasi yang sama sudah berlaku; cabut dulu bila ingin mengubahnya.")
    Delegasi.objects.create(
        instansi=instansi, dari=dari, kepada=kepada, wewenang=wewenang, pegawai_nip=list(pegawai_nip or []),
        jenjang=list(jenjang or []), sumber="aplikasi", dibuat_oleh=oleh if getattr(oleh, "pk", None) else None,
    )
    return hitung_ulang(instansi)


@transaction.atomic
def cabut_delegasi(instansi: Instansi, delegasi_id: int) -> int:
    from sikerja.organisasi.models import Delegasi

    d = Delegasi.objects.select_for_update().filter(id=delegasi_id, instansi=instansi, aktif=True).first()
    if d is None:
        raise DelegasiTidakSah("Delegasi tidak ditemukan atau sudah dicabut.")
    d.aktif = False
    d.save(update_fields=["aktif"])
    return hitung_ulang(instansi)
