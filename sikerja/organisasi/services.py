"""Writing the organisation: the atomic, idempotent import.

``impor_dokumen`` takes a validated :class:`~sikerja.organisasi.dokumen.Dokumen`
and makes the database hold exactly it for that instansi, in one transaction:
units and pegawai are upserted by ``kode`` and NIP, those no longer in the file
become inactive (never deleted: letters and kedudukan history refer to them),
and the delegations the file brings replace those an earlier import brought.
The same call with ``dry_run=True`` reports what would change and writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from sikerja.basisdata import segarkan_statistik

from . import kait, teks
from .dokumen import Dokumen
from .models import Delegasi, Instansi, Kompetensi, Pegawai, UnitOrganisasi
from .struktur import Organisasi

BATCH = 2000


@dataclass
class LaporanImpor:
    """What an import added, changed and removed, for the CLI and the web page."""

    instansi: str
    dry_run: bool = False
    instansi_baru: bool = False
    ditambah: dict[str, list[str]] = field(default_factory=lambda: {"unit": [], "pegawai": [], "delegasi": []})
    diubah: dict[str, list[str]] = field(default_factory=lambda: {"unit": [], "pegawai": [], "delegasi": []})
    dihapus: dict[str, list[str]] = field(default_factory=lambda: {"unit": [], "pegawai": [], "delegasi": []})
    kedudukan_berubah: int = 0

    @property
    def ada_perubahan(self) -> bool:
        return self.instansi_baru or any(
            v for d in (self.ditambah, self.diubah, self.dihapus) for v in d.values()
        )

    def ringkasan(self) -> str:
        bagian = []
        for judul, d in (("ditambah", self.ditambah), ("diubah", self.diubah), ("dinonaktifkan", self.dihapus)):
            bagian.append(f"{judul}: " + ", ".join(f"{len(v)} {k}" for k, v in d.items()))
        return "; ".join(bagian)

    def baris(self, batas: int | None = 50) -> list[str]:
        """Readable lines, at most ``batas`` per section (None: all)."""
        out: list[str] = []
        for judul, d in (("Ditambah", self.ditambah), ("Diubah", self.diubah), ("Dinonaktifkan", self.dihapus)):
            for jenis, items in d.items():
                shown = items if batas is None else items[:batas]
                for item in shown:
                    out.append(f"{judul} {jenis}: {item}")
                if batas is not None and len(items) > batas:
                    out.append(f"{judul} {jenis}: … dan {len(items) - batas} lainnya")
        return out


class _Rollback(Exception):
    pass


def _diff(label: str, old: dict[str, Any], new: dict[str, Any]) -> str | None:
    changes = [f"{k} '{old[k] if old[k] is not None else '-'}' → '{new[k] if new[k] is not None else '-'}'"
               for k in new if old.get(k) != new[k]]
    return f"{label}: " + ", ".join(changes) if changes else None


def impor_dokumen(dokumen: Dokumen, *, dry_run: bool = False, hitung_kedudukan: bool = True) -> LaporanImpor:
    """Make the database hold ``dokumen`` for its instansi; all or nothing."""
    laporan = LaporanImpor(instansi=dokumen.instansi.kode, dry_run=dry_run)
    try:
        with transaction.atomic():
            instansi = _upsert(dokumen, laporan)
            if hitung_kedudukan:
                kait.jalankan_setelah_impor(instansi, laporan)
            if dry_run:
                raise _Rollback
    except _Rollback:
        pass
    return laporan


def _upsert(dokumen: Dokumen, laporan: LaporanImpor) -> Instansi:
    data = dokumen.instansi
    instansi = Instansi.objects.select_for_update().filter(kode=data.kode).first()
    if instansi is None:
        instansi = Instansi.objects.create(kode=data.kode, nama=data.nama, profil=data.profil, singkatan=data.kode.upper()[:32])
        laporan.instansi_baru = True
    elif (instansi.nama, instansi.profil) != (data.nama, data.profil):
        laporan.diubah["unit"].append(f"instansi: nama/profil → {data.nama} ({data.profil})")
        instansi.nama, instansi.profil = data.nama, data.profil
        instansi.save(update_fields=["nama", "profil"])
    org = dokumen.organisasi()
    unit_ids = _upsert_units(instansi, org, laporan)
    pegawai_ids = _upsert_pegawai(instansi, dokumen, unit_ids, laporan)
    _upsert_delegasi(instansi, dokumen, pegawai_ids, laporan)
    hitung_ringkasan(instansi)
    teks.segarkan(instansi)  # normalised search columns (issue #12 point 2)
    ditambah = len(laporan.ditambah["pegawai"]) + len(laporan.ditambah["unit"])
    segarkan_statistik(UnitOrganisasi, Pegawai, Kompetensi, baris=ditambah)
    return instansi


def hitung_ringkasan(instansi: Instansi) -> None:
    """Refresh each unit's member and sub-unit counts (only the rows that changed)."""
    from collections import Counter

    units = {u[0]: u for u in UnitOrganisasi.objects.filter(instansi=instansi).values_list(
        "id", "induk_id", "aktif", "jumlah_pegawai", "jumlah_pegawai_total", "jumlah_anak")}
    langsung = Counter(
        Pegawai.objects.filter(instansi=instansi, aktif=True).values_list("unit_id", flat=True)
    )
    total: Counter[int] = Counter()
    anak: Counter[int] = Counter()
    for _, induk, aktif, *_rest in units.values():
        if aktif and induk is not None:
            anak[induk] += 1
    for uid, n in langsung.items():
        cur: int | None = uid
        seen = 0
        while cur is not None and seen < 50:
            total[cur] += n
            cur = units[cur][1] if cur in units else None
            seen += 1
    ubah = []
    for uid, (_, _induk, aktif, j, jt, ja) in units.items():
        want = (langsung[uid], total[uid], anak[uid]) if aktif else (0, 0, 0)
        if (j, jt, ja) != want:
            ubah.append(UnitOrganisasi(id=uid, jumlah_pegawai=want[0], jumlah_pegawai_total=want[1], jumlah_anak=want[2]))
    UnitOrganisasi.objects.bulk_update(ubah, ["jumlah_pegawai", "jumlah_pegawai_total", "jumlah_anak"], batch_size=BATCH)


def _upsert_units(instansi: Instansi, org: Organisasi, laporan: LaporanImpor) -> dict[str, int]:
    existing = {u.kode: u for u in UnitOrganisasi.objects.filter(instansi=instansi)}
    baru = [
        UnitOrganisasi(instansi=instansi, kode=u.kode, nama=u.nama, jenis=u.jenis)
        for u in org.units.values()
        if u.kode not in existing
    ]
    UnitOrganisasi.objects.bulk_create(baru, batch_size=BATCH)
    for u in baru:
        laporan.ditambah["unit"].append(f"{u.kode} ({u.nama})")
    new_kode = {u.kode for u in baru}
    if baru:
        existing = {u.kode: u for u in UnitOrganisasi.objects.filter(instansi=instansi)}
    ids = {kode: u.id for kode, u in existing.items()}

    to_update: list[UnitOrganisasi] = []
    for data in org.units.values():
        obj = existing[data.kode]
        # Level inside the Perangkat Daerah (SPEC §2): the PD's top unit is Level I.
        want = {
            "nama": data.nama,
            "jenis": data.jenis,
            "induk_id": ids[data.induk] if data.induk else None,
            "level": len(org.leluhur(data.kode)),
            "akar_pd_id": ids[org.akar_pd(data.kode)],
            "aktif": True,
        }
        old = {k: getattr(obj, k) for k in want}
        if old != want:
            if data.kode not in new_kode:
                shown = {k: v for k, v in want.items() if k in ("nama", "jenis", "aktif")}
                induk_lama = next((k for k, i in ids.items() if i == old["induk_id"]), None)
                msg = _diff(data.kode, {**{k: old[k] for k in shown}, "induk": induk_lama}, {**shown, "induk": data.induk})
                if msg:
                    laporan.diubah["unit"].append(msg)
            for k, v in want.items():
                setattr(obj, k, v)
            to_update.append(obj)
    for kode, obj in existing.items():
        if kode not in org.units and obj.aktif:
            obj.aktif = False
            to_update.append(obj)
            laporan.dihapus["unit"].append(f"{kode} ({obj.nama})")
    UnitOrganisasi.objects.bulk_update(
        to_update, ["nama", "jenis", "induk", "level", "akar_pd", "aktif"], batch_size=BATCH
    )
    return ids


def _upsert_pegawai(
    instansi: Instansi, dokumen: Dokumen, unit_ids: dict[str, int], laporan: LaporanImpor
) -> dict[str, int]:
    existing = {p.nip: p for p in Pegawai.objects.filter(instansi=instansi)}
    kompetensi_lama: dict[int, set[tuple[str, str]]] = {}
    for pid, nama, tingkat in Kompetensi.objects.filter(pegawai__instansi=instansi).values_list(
        "pegawai_id", "nama", "tingkat"
    ):
        kompetensi_lama.setdefault(pid, set()).add((nama, tingkat))

    fields = ["nama", "status", "jabatan", "jenis_jabatan", "jenjang", "unit_id", "kepala_unit", "aktif", "email"]
    baru: list[Pegawai] = []
    # Heads are written after everyone else so that a head moving from one
    # person to another never trips the one-head-per-unit constraint midway.
    lepas: list[Pegawai] = []
    jadi_kepala: set[str] = set()
    in_file = set()
    diubah: set[str] = set()
    kode_lama = {v: k for k, v in unit_ids.items()}
    for p in dokumen.pegawai:
        in_file.add(p.nip)
        want = {
            "nama": p.nama, "status": p.status, "jabatan": p.jabatan, "jenis_jabatan": p.jenis_jabatan,
            "jenjang": p.jenjang, "unit_id": unit_ids[p.unit], "kepala_unit": p.kepala_unit, "aktif": True,
        }
        if p.email is not None:  # a file without the column keeps the addresses set in the app
            want["email"] = p.email
        obj = existing.get(p.nip)
        if obj is None:
            baru.append(Pegawai(instansi=instansi, nip=p.nip, **{k: v for k, v in want.items() if k != "kepala_unit"},
                                kepala_unit=False))
            laporan.ditambah["pegawai"].append(f"{p.nip} {p.nama}")
            continue
        old = {k: getattr(obj, k) for k in want}
        if old != want:
            diubah.add(p.nip)
            shown_old = {**old, "unit_id": kode_lama.get(old["unit_id"])}
            shown_new = {**want, "unit_id": p.unit}
            msg = _diff(f"{p.nip} {p.nama}", shown_old, shown_new)
            if msg:
                laporan.diubah["pegawai"].append(msg.replace("unit_id", "unit"))
            for k, v in want.items():
                setattr(obj, k, v)
            if p.kepala_unit and (not old["kepala_unit"] or old["unit_id"] != want["unit_id"]):
                obj.kepala_unit = False
                jadi_kepala.add(p.nip)
            lepas.append(obj)
    for nip, obj in existing.items():
        if nip not in in_file and obj.aktif:
            obj.aktif = False
            obj.kepala_unit = False
            lepas.append(obj)
            laporan.dihapus["pegawai"].append(f"{nip} {obj.nama}")
    Pegawai.objects.bulk_update(lepas, fields, batch_size=BATCH)
    Pegawai.objects.bulk_create(baru, batch_size=BATCH)
    ids = dict(Pegawai.objects.filter(instansi=instansi).values_list("nip", "id"))
    kepala_baru = [Pegawai(id=ids[p.nip], kepala_unit=True) for p in dokumen.pegawai
                   if p.kepala_unit and (p.nip not in existing or p.nip in jadi_kepala)]
    Pegawai.objects.bulk_update(kepala_baru, ["kepala_unit"], batch_size=BATCH)

    # Competencies: replace the set of a pegawai whose set changed.
    ganti: list[int] = []
    kompetensi_baru: list[Kompetensi] = []
    for p in dokumen.pegawai:
        pid = ids[p.nip]
        want_k = set(p.kompetensi)
        if want_k != kompetensi_lama.get(pid, set()):
            ganti.append(pid)
            kompetensi_baru.extend(Kompetensi(pegawai_id=pid, nama=n, tingkat=t) for n, t in sorted(want_k))
            if p.nip in existing and p.nip not in diubah:
                laporan.diubah["pegawai"].append(f"{p.nip} {p.nama}: kompetensi diperbarui")
    for i in range(0, len(ganti), 500):
        Kompetensi.objects.filter(pegawai_id__in=ganti[i : i + 500]).delete()
    Kompetensi.objects.bulk_create(kompetensi_baru, batch_size=BATCH)
    return ids


def _upsert_delegasi(
    instansi: Instansi, dokumen: Dokumen, pegawai_ids: dict[str, int], laporan: LaporanImpor
) -> None:
    existing = {
        (d.dari_id, d.kepada_id, d.wewenang): d
        for d in Delegasi.objects.filter(instansi=instansi, aktif=True).select_related("dari", "kepada")
    }
    seen = set()
    for d in dokumen.delegasi:
        key = (pegawai_ids[d.dari], pegawai_ids[d.kepada], d.wewenang)
        seen.add(key)
        label = f"{d.dari} → {d.kepada} ({d.wewenang})"
        obj = existing.get(key)
        want = {"pegawai_nip": list(d.pegawai), "jenjang": list(d.jenjang)}
        if obj is None:
            Delegasi.objects.create(
                instansi=instansi, dari_id=key[0], kepada_id=key[1], wewenang=d.wewenang, sumber="impor", **want
            )
            laporan.ditambah["delegasi"].append(label)
        elif {"pegawai_nip": obj.pegawai_nip, "jenjang": obj.jenjang} != want or obj.sumber != "impor":
            obj.pegawai_nip, obj.jenjang, obj.sumber = want["pegawai_nip"], want["jenjang"], "impor"
            obj.save(update_fields=["pegawai_nip", "jenjang", "sumber"])
            laporan.diubah["delegasi"].append(label)
    for key, obj in existing.items():
        if key not in seen and obj.sumber == "impor":
            obj.aktif = False
            obj.save(update_fields=["aktif"])
            laporan.dihapus["delegasi"].append(f"{obj.dari.nip} → {obj.kepada.nip} ({obj.wewenang})")
