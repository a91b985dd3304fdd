"""Keeping the stored kedudukan in step with the organisation.

``hitung_ulang`` resolves every active pegawai of an instansi with the
instansi's profile and writes only the differences: a changed kedudukan closes
the current row (``berlaku_sampai``) and opens a new one, so the history of who
rated and led whom, and from when, is never lost. It is called by every service
that changes structure, placement, jabatan or delegations (import, delegation
pages), inside their transaction.

Delegations (*pendelegasian kewenangan*) are written only here: ``buat_delegasi``
and ``cabut_delegasi`` check who may delegate (the official himself, the admin
instansi or BKPSDM) and that the delegate sits below the giver; the import's
delegations arrive through ``impor_delegasi`` (organisasi's ``setelah_impor``
hook); ``akhiri_delegasi_kedaluwarsa`` ends those whose period is over, from the
``akhiri_delegasi`` command and at read time, and the kedudukan follows.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from django.db import connection, models, transaction
from django.db.models.constants import OnConflict
from django.utils import timezone

from sikerja.basisdata import segarkan_statistik
from sikerja.organisasi.models import Instansi, Pegawai
from sikerja.organisasi.struktur import Delegasi as DelegasiData
from sikerja.organisasi.struktur import Organisasi
from sikerja.organisasi.vocab import JENJANG, WEWENANG_DELEGASI

from . import selectors
from .engine import Hasil, Profil, Resolver, load_profil
from .models import Delegasi, Kedudukan, Penjelasan

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
        "peringatan": [p.as_dict() for p in h.peringatan],
        "dasar_hukum": list(h.dasar_hukum),
        "langkah": list(h.langkah),
    }
    sidik = hashlib.sha1(json.dumps(isi, ensure_ascii=False, sort_keys=True).encode()).hexdigest()
    return sidik, isi


@transaction.atomic
def hitung_ulang(instansi: Instansi, *, waktu: datetime | None = None, hari: date | None = None) -> int:
    """Recompute the kedudukan of all pegawai; returns how many rows changed.

    Delegations count as they hold on ``hari`` (default: the day of ``waktu``, today).
    """
    waktu = waktu or timezone.now()
    org = selectors.organisasi(instansi, hari or timezone.localdate(waktu))
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


def boleh_mengelola_delegasi(pengguna: Any, dari: Pegawai | None) -> bool:
    """The admin instansi and BKPSDM manage every delegation; an official delegates his own authority."""
    if pengguna is None or not getattr(pengguna, "instansi_id", None):
        return False
    if dari is not None and pengguna.instansi_id != dari.instansi_id:
        return False
    return bool(pengguna.admin_instansi or pengguna.bkpsdm or (dari is not None and pengguna.pegawai_id == dari.id))


def _periksa_pengguna(instansi: Instansi, oleh: Any, dari: Pegawai) -> None:
    if getattr(oleh, "instansi_id", None) != instansi.id or not boleh_mengelola_delegasi(oleh, dari):
        raise DelegasiTidakSah("Anda hanya dapat mendelegasikan kewenangan Anda sendiri "
                               "(admin instansi dan BKPSDM mengelola semua delegasi).")


def _di_bawah(org: Organisasi, atasan: str, unit: str) -> bool:
    """Whether ``unit`` lies in the subtree of the unit headed by ``atasan``'s unit.

    The Sekretaris Daerah heads the instansi's apparatus: every Perangkat Daerah
    counts as below the Sekretariat Daerah (Pasuruan Lampiran II.D.5.b huruf l: the
    Sekda delegates to an RSUD's Direktur).
    """
    if org.units.get(atasan) is not None and org.units[atasan].jenis == "sekretariat_daerah" \
            and org.units[atasan].induk is None:
        return True
    return atasan in org.leluhur(unit)


def periksa_arah(org: Organisasi, profil: Profil, *, dari: str, kepada: str, wewenang: str,
                 pegawai: tuple[str, ...] = ()) -> None:
    """Delegation goes downward only (issue 12.4): refuse it otherwise, citing the article.

    The delegate must be an official below the giver: in the subtree of the unit the
    giver heads (the Sekretaris Daerah's covers every Perangkat Daerah), or — for the
    pegawai named — heading a unit in that pegawai's line and of lower rank than the
    giver (a Sekretaris Camat who is PPK hands the work of a JF to the Kepala Seksi the
    JF sits under, Pekanbaru Pasal 11 ayat (2)). Structure, not rank, decides the first
    case: a kabupaten's Sekda and an RSUD's Direktur are both JPT Pratama (Pasuruan
    Lampiran II.D.5.b huruf l). Every pegawai named must be the giver's to delegate:
    in his subtree, or rated or led by him. Checked by the services and, for import
    files, by the import's validation (organisasi.kait catalogue).
    """
    dasar = profil.dasar_delegasi.get(wewenang) or profil.delegasi_gabungan or profil.dasar_plafon
    g, d = org.pegawai[dari], org.pegawai[kepada]
    if not g.kepala_unit:
        raise DelegasiTidakSah(
            f"{g.nama} tidak memimpin unit, sehingga tidak mempunyai kewenangan {wewenang.replace('_', ' ')} "
            f"untuk didelegasikan ({dasar}).")
    resolver = Resolver(org, profil)
    struktural = (d.unit != g.unit or not d.kepala_unit) and _di_bawah(org, g.unit, d.unit)
    dicakup = [org.pegawai[n] for n in pegawai if n in org.pegawai]
    for n in pegawai:
        if n not in org.pegawai:
            raise DelegasiTidakSah(f"Pegawai NIP {n} tidak ditemukan di instansi ini.")
    for p in dicakup:
        h = resolver.resolve(p.nip)
        milik = _di_bawah(org, g.unit, p.unit) or g.nip in {x.nip for x in (h.ppk, h.pimpinan_unit) if x}
        if not milik:
            raise DelegasiTidakSah(
                f"{p.nama} tidak berada dalam garis {g.nama}; kewenangan atas pegawai itu bukan milik pemberi ({dasar}).")
    dalam_garis = bool(dicakup) and d.kepala_unit and resolver.peringkat(d) < resolver.peringkat(g) and all(
        d.unit in org.leluhur(p.unit) for p in dicakup)
    if not (struktural or dalam_garis):
        raise DelegasiTidakSah(
            f"Pendelegasian kewenangan hanya kepada pejabat di bawah pemberi: {d.nama} ({d.jabatan}) tidak "
            f"berada di bawah {g.nama} ({g.jabatan}) dalam garis pegawai yang dicakup ({dasar}).")


def _validasi_delegasi(instansi: Instansi, dari: Pegawai, kepada: Pegawai, wewenang: str,
                       jenjang: list[str] | None = None) -> None:
    if dari.instansi_id != instansi.id or kepada.instansi_id != instansi.id:
        raise DelegasiTidakSah("Delegasi hanya antarpejabat dalam satu instansi.")
    if dari.id == kepada.id:
        raise DelegasiTidakSah("Pejabat tidak dapat mendelegasikan kewenangan kepada dirinya sendiri.")
    if wewenang not in WEWENANG_DELEGASI:
        raise DelegasiTidakSah("Pilih wewenang: penilaian kinerja atau pengelolaan kinerja.")
    if not (dari.aktif and kepada.aktif):
        raise DelegasiTidakSah("Pemberi dan penerima delegasi harus pegawai aktif.")
    bad = [j for j in jenjang or [] if j not in JENJANG and j != "pelaksana"]
    if bad:
        raise DelegasiTidakSah(f"Jenjang tidak dikenal: {', '.join(bad)}.")


def _validasi_sk(nomor_sk: str, tanggal_sk: date | None, berlaku_mulai: date | None, berlaku_sampai: date | None,
                 hari: date) -> None:
    """A delegation is a decision with its paper (issue 12.4): SK number and date, and its period."""
    if not nomor_sk.strip():
        raise DelegasiTidakSah("Nomor SK pendelegasian wajib diisi.")
    if len(nomor_sk) > 100:
        raise DelegasiTidakSah("Nomor SK paling panjang 100 karakter.")
    if tanggal_sk is None:
        raise DelegasiTidakSah("Tanggal SK pendelegasian wajib diisi.")
    if berlaku_mulai and berlaku_sampai and berlaku_sampai < berlaku_mulai:
        raise DelegasiTidakSah("Tanggal berlaku sampai tidak boleh sebelum tanggal berlaku mulai.")
    if berlaku_sampai and berlaku_sampai < hari:
        raise DelegasiTidakSah(f"Masa berlaku SK sudah berakhir ({berlaku_sampai:%d-%m-%Y}); delegasi tidak dapat dibuat.")


def _pratinjau(instansi: Instansi, org: Organisasi, profil: Profil) -> list[dict[str, Any]]:
    """Who gets another PPK or pimpinan unit under ``org`` than what is stored now."""
    sebelum: dict[str, tuple[str | None, str | None, str | None, str | None]] = {
        row[0]: row[1:]
        for row in Kedudukan.objects.filter(instansi=instansi, berlaku_sampai__isnull=True).values_list(
            "pegawai__nip", "ppk__nip", "ppk__nama", "pimpinan_unit__nip", "pimpinan_unit__nama")
    }
    if len(sebelum) != len(org.pegawai):
        now = Resolver(selectors.organisasi(instansi), profil).resolve_all()
        sebelum = {nip: (h.ppk.nip if h.ppk else None, h.ppk.nama if h.ppk else None,
                         h.pimpinan_unit.nip if h.pimpinan_unit else None,
                         h.pimpinan_unit.nama if h.pimpinan_unit else None)
                   for nip, h in now.items()}
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


def pratinjau_delegasi(
    instansi: Instansi, *, oleh: Any, dari: Pegawai, kepada: Pegawai, wewenang: str,
    pegawai_nip: list[str] | None = None, jenjang: list[str] | None = None,
    berlaku_mulai: date | None = None, berlaku_sampai: date | None = None,
) -> list[dict[str, Any]]:
    """Who would get another PPK or pimpinan unit if this delegation were saved.

    Resolved in memory on the current organisation plus the proposed delegation
    (as if its period had begun); nothing is written.
    """
    _periksa_pengguna(instansi, oleh, dari)
    _validasi_delegasi(instansi, dari, kepada, wewenang, jenjang)
    org = selectors.organisasi(instansi)
    profil = load_profil(instansi.profil)
    periksa_arah(org, profil, dari=dari.nip, kepada=kepada.nip, wewenang=wewenang, pegawai=tuple(pegawai_nip or ()))
    org.delegasi.append(DelegasiData(dari=dari.nip, kepada=kepada.nip, wewenang=wewenang,
                                     pegawai=tuple(pegawai_nip or ()), jenjang=tuple(jenjang or ())))
    org.reindex()
    return _pratinjau(instansi, org, profil)


@transaction.atomic
def buat_delegasi(
    instansi: Instansi, *, oleh: Any, dari: Pegawai, kepada: Pegawai, wewenang: str,
    nomor_sk: str, tanggal_sk: date | None, berlaku_mulai: date | None = None, berlaku_sampai: date | None = None,
    pegawai_nip: list[str] | None = None, jenjang: list[str] | None = None,
) -> int:
    """Save a delegation and recompute kedudukan; returns how many kedudukan changed.

    Checks here, not only in the page: ``oleh`` may delegate ``dari``'s authority, the
    delegate is below the giver, and the SK is recorded with its period.
    """
    hari = selectors.hari_ini()
    _periksa_pengguna(instansi, oleh, dari)
    _validasi_delegasi(instansi, dari, kepada, wewenang, jenjang)
    _validasi_sk(nomor_sk, tanggal_sk, berlaku_mulai, berlaku_sampai, hari)
    org = selectors.organisasi(instansi)
    periksa_arah(org, load_profil(instansi.profil), dari=dari.nip, kepada=kepada.nip, wewenang=wewenang,
                 pegawai=tuple(pegawai_nip or ()))
    if Delegasi.objects.filter(dari=dari, kepada=kepada, wewenang=wewenang, aktif=True).exists():
        raise DelegasiTidakSah("Delegasi yang sama sudah berlaku; cabut dulu bila ingin mengubahnya.")
    Delegasi.objects.create(
        instansi=instansi, dari=dari, kepada=kepada, wewenang=wewenang, pegawai_nip=list(pegawai_nip or []),
        jenjang=list(jenjang or []), sumber="aplikasi", dibuat_oleh=oleh if getattr(oleh, "pk", None) else None,
        nomor_sk=nomor_sk.strip(), tanggal_sk=tanggal_sk, berlaku_mulai=berlaku_mulai, berlaku_sampai=berlaku_sampai,
        diterapkan=berlaku_mulai is None or berlaku_mulai <= hari,
    )
    return hitung_ulang(instansi)


def pratinjau_cabut(instansi: Instansi, delegasi_id: int, *, oleh: Any) -> tuple[Delegasi, list[dict[str, Any]]]:
    """The delegation and who would get another PPK or pimpinan unit once it ends (nothing written)."""
    d = _delegasi_untuk_diakhiri(instansi, delegasi_id, oleh, kunci=False)
    org = selectors.organisasi(instansi)
    org = replace(org, delegasi=[x for x in selectors.data_delegasi(instansi)
                                 if (x.dari, x.kepada, x.wewenang) != (d.dari.nip, d.kepada.nip, d.wewenang)])
    return d, _pratinjau(instansi, org, load_profil(instansi.profil))


def _delegasi_untuk_diakhiri(instansi: Instansi, delegasi_id: int, oleh: Any, *, kunci: bool) -> Delegasi:
    qs = Delegasi.objects.select_related("dari", "kepada").filter(id=delegasi_id, instansi=instansi, aktif=True)
    d = (qs.select_for_update(of=("self",)) if kunci else qs).first()
    if d is None:
        raise DelegasiTidakSah("Delegasi tidak ditemukan atau sudah berakhir.")
    if getattr(oleh, "instansi_id", None) != instansi.id or not boleh_mengelola_delegasi(oleh, d.dari):
        raise DelegasiTidakSah("Anda tidak berwenang mencabut delegasi ini.")
    return d


@transaction.atomic
def cabut_delegasi(instansi: Instansi, delegasi_id: int, *, oleh: Any) -> int:
    """End a delegation now (revocation) and recompute; returns how many kedudukan changed."""
    d = _delegasi_untuk_diakhiri(instansi, delegasi_id, oleh, kunci=True)
    d.aktif, d.diakhiri, d.alasan_berakhir = False, timezone.now(), "dicabut"
    d.diakhiri_oleh = oleh if getattr(oleh, "pk", None) else None
    d.save(update_fields=["aktif", "diakhiri", "alasan_berakhir", "diakhiri_oleh"])
    return hitung_ulang(instansi)


def _perlu_disegarkan(instansi_qs: Any, hari: date) -> Any:
    return Delegasi.objects.filter(instansi__in=instansi_qs, aktif=True).filter(
        models.Q(berlaku_sampai__lt=hari) | models.Q(diterapkan=False, berlaku_mulai__lte=hari))


def akhiri_delegasi_kedaluwarsa(instansi: Instansi | None = None, *, hari: date | None = None) -> dict[str, int]:
    """End delegations whose period is over, apply those whose period began; recompute.

    Returns {kode instansi: kedudukan changed} for each instansi touched. Run daily by
    the ``akhiri_delegasi`` command and, cheaply, whenever a kedudukan is read
    (``selectors.segarkan``), so the kedudukan never outlives its SK.
    """
    hari = hari or selectors.hari_ini()
    dari_instansi = Instansi.objects.all() if instansi is None else Instansi.objects.filter(pk=instansi.pk)
    hasil: dict[str, int] = {}
    for inst in Instansi.objects.filter(pk__in=_perlu_disegarkan(dari_instansi, hari).values("instansi_id")):
        with transaction.atomic():
            # One request or command at a time per instansi; a second one finds nothing left to do.
            Instansi.objects.select_for_update().filter(pk=inst.pk).first()
            if not _perlu_disegarkan([inst.pk], hari).exists():
                continue
            habis = Delegasi.objects.filter(instansi=inst, aktif=True, berlaku_sampai__lt=hari)
            habis.update(aktif=False, diakhiri=timezone.now(), alasan_berakhir="kedaluwarsa")
            Delegasi.objects.filter(instansi=inst, aktif=True, diterapkan=False, berlaku_mulai__lte=hari).update(
                diterapkan=True)
            hasil[inst.kode] = hitung_ulang(inst, hari=hari)
    return hasil


def impor_delegasi(instansi: Instansi, laporan: Any) -> None:
    """Write the import's delegations (organisasi's ``setelah_impor`` hook, same transaction).

    Those the file brings replace those an earlier import brought; delegations made in
    the application are kept. A row whose period is already over is recorded as ended.
    """
    dokumen = getattr(laporan, "dokumen", None)
    if dokumen is None:
        return
    hari = selectors.hari_ini()
    pegawai_ids = dict(Pegawai.objects.filter(instansi=instansi).values_list("nip", "id"))
    existing = {
        (d.dari_id, d.kepada_id, d.wewenang): d
        for d in Delegasi.objects.filter(instansi=instansi, aktif=True).select_related("dari", "kepada")
    }
    seen = set()
    for d in dokumen.delegasi:
        key = (pegawai_ids[d.dari], pegawai_ids[d.kepada], d.wewenang)
        seen.add(key)
        label = f"{d.dari} → {d.kepada} ({d.wewenang})" + (f", SK {d.nomor_sk}" if d.nomor_sk else "")
        obj = existing.get(key)
        masih = d.berlaku_sampai is None or d.berlaku_sampai >= hari
        want = {"pegawai_nip": list(d.pegawai), "jenjang": list(d.jenjang), "nomor_sk": d.nomor_sk,
                "tanggal_sk": d.tanggal_sk, "berlaku_mulai": d.berlaku_mulai, "berlaku_sampai": d.berlaku_sampai}
        diterapkan = d.berlaku_mulai is None or d.berlaku_mulai <= hari
        if obj is None:
            Delegasi.objects.create(
                instansi=instansi, dari_id=key[0], kepada_id=key[1], wewenang=d.wewenang, sumber="impor",
                aktif=masih, diterapkan=diterapkan, diakhiri=None if masih else timezone.now(),
                alasan_berakhir="" if masih else "kedaluwarsa", **want,
            )
            laporan.ditambah["delegasi"].append(label + ("" if masih else " (masa berlaku sudah habis)"))
        elif {k: getattr(obj, k) for k in want} != want or obj.sumber != "impor" or not masih:
            for k, v in want.items():
                setattr(obj, k, v)
            obj.sumber, obj.aktif, obj.diterapkan = "impor", masih, diterapkan
            if not masih:
                obj.diakhiri, obj.alasan_berakhir = timezone.now(), "kedaluwarsa"
            obj.save()
            laporan.diubah["delegasi"].append(label)
    for key, obj in existing.items():
        if key not in seen and obj.sumber == "impor":
            obj.aktif, obj.diakhiri, obj.alasan_berakhir = False, timezone.now(), "impor"
            obj.save(update_fields=["aktif", "diakhiri", "alasan_berakhir"])
            laporan.dihapus["delegasi"].append(f"{obj.dari.nip} → {obj.kepada.nip} ({obj.wewenang})")
