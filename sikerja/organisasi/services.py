"""Writing the organisation: the atomic, idempotent import.

``impor_dokumen`` takes a validated :class:`~sikerja.organisasi.dokumen.Dokumen`
and makes the database hold exactly it for that instansi, in one transaction:
units and pegawai are upserted by ``kode`` and NIP, those no longer in the file
become inactive (never deleted: letters and kedudukan history refer to them).
The file's delegations are kedudukan's to write: its ``setelah_impor`` hook (kait)
reads them from ``laporan.dokumen`` in the same transaction. The same call with
``dry_run=True`` reports what would change and writes nothing.

``ubah_pengaturan`` is the one writer of an instansi's settings (kop, numbering,
PyB, thresholds, profile), whichever page or command asks.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from sikerja.basisdata import segarkan_statistik

from . import kait, teks
from .dokumen import Dokumen
from .models import Instansi, Kompetensi, Pegawai, RiwayatPengaturan, UnitOrganisasi
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
    # The imported document, for the apps whose part of it they write themselves
    # (kedudukan: the delegations) in their ``setelah_impor`` hook.
    dokumen: Dokumen | None = field(default=None, repr=False)
    # False: only the organisation is written; derived data (kedudukan) is not recomputed.
    hitung_kedudukan: bool = True
    # Set when more than the allowed share would be deactivated (NonaktifMassal).
    perlu_konfirmasi: bool = False
    aktif_sebelum: dict[str, int] = field(default_factory=dict)

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


class NonaktifMassal(Exception):
    """The import would deactivate more than the allowed share of units or pegawai.

    Nothing was written. A file missing a Perangkat Daerah or a whole sheet
    looks exactly like this, so the caller must confirm (``--izinkan-nonaktif``
    or the web page's second step) after showing ``laporan.dihapus``.
    """

    def __init__(self, laporan: LaporanImpor, aktif: dict[str, int]):
        self.laporan = laporan
        self.aktif = aktif
        bagian = [f"{len(laporan.dihapus[k])} dari {aktif[k]} {k}" for k in ("unit", "pegawai") if laporan.dihapus[k]]
        super().__init__(
            f"Impor ini akan menonaktifkan {' dan '.join(bagian)} (lebih dari {batas_nonaktif():.0%}). "
            "Periksa apakah berkasnya lengkap; bila memang benar, konfirmasi penonaktifan."
        )


def batas_nonaktif() -> float:
    from django.conf import settings

    return float(getattr(settings, "IMPOR_NONAKTIF_MAKS", 0.05))


def _melebihi_batas(laporan: LaporanImpor, aktif: dict[str, int]) -> bool:
    return any(aktif[k] and len(laporan.dihapus[k]) > batas_nonaktif() * aktif[k] for k in ("unit", "pegawai"))


def _diff(label: str, old: dict[str, Any], new: dict[str, Any]) -> str | None:
    changes = [f"{k} '{old[k] if old[k] is not None else '-'}' → '{new[k] if new[k] is not None else '-'}'"
               for k in new if old.get(k) != new[k]]
    return f"{label}: " + ", ".join(changes) if changes else None


def impor_dokumen(
    dokumen: Dokumen, *, dry_run: bool = False, hitung_kedudukan: bool = True, izinkan_nonaktif: bool = False
) -> LaporanImpor:
    """Make the database hold ``dokumen`` for its instansi; all or nothing.

    Deactivating more than ``IMPOR_NONAKTIF_MAKS`` (default 5%) of the active
    units or pegawai raises :class:`NonaktifMassal` unless ``izinkan_nonaktif``;
    a dry run instead sets ``laporan.perlu_konfirmasi``.
    """
    laporan = LaporanImpor(instansi=dokumen.instansi.kode, dry_run=dry_run, dokumen=dokumen,
                           hitung_kedudukan=hitung_kedudukan)
    try:
        with transaction.atomic():
            aktif = _jumlah_aktif(dokumen.instansi.kode)
            instansi = _upsert(dokumen, laporan)
            if _melebihi_batas(laporan, aktif):
                laporan.perlu_konfirmasi = True
                laporan.aktif_sebelum = aktif
                if not izinkan_nonaktif and not dry_run:
                    raise NonaktifMassal(laporan, aktif)
            kait.jalankan_setelah_impor(instansi, laporan)
            if dry_run:
                raise _Rollback
    except _Rollback:
        pass
    return laporan


def _jumlah_aktif(kode_instansi: str) -> dict[str, int]:
    return {
        "unit": UnitOrganisasi.objects.filter(instansi__kode=kode_instansi, aktif=True).count(),
        "pegawai": Pegawai.objects.filter(instansi__kode=kode_instansi, aktif=True).count(),
    }


def _samakan_kode_unit(dokumen: Dokumen, instansi: Instansi) -> Dokumen:
    """Spell the file's unit codes as the database does when they differ only in case,
    so "dinkes" updates unit DINKES instead of deactivating it and adding another."""
    lama = {k.upper(): k for k in UnitOrganisasi.objects.filter(instansi=instansi).values_list("kode", flat=True)}
    peta = {u.kode: lama[u.kode.upper()] for u in dokumen.units
            if u.kode.upper() in lama and lama[u.kode.upper()] != u.kode}
    if not peta:
        return dokumen

    def k(kode: str) -> str:
        return peta.get(kode, kode)

    return dataclasses.replace(
        dokumen,
        units=[dataclasses.replace(u, kode=k(u.kode), induk=k(u.induk) if u.induk else None) for u in dokumen.units],
        pegawai=[dataclasses.replace(p, unit=k(p.unit)) for p in dokumen.pegawai],
    )


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
    dokumen = _samakan_kode_unit(dokumen, instansi)
    org = dokumen.organisasi()
    unit_ids = _upsert_units(instansi, org, laporan)
    _upsert_pegawai(instansi, dokumen, unit_ids, laporan)
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
        UnitOrganisasi(instansi=instansi, kode=u.kode, nama=u.nama, jenis=u.jenis, atribut=dict(u.atribut))
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
        # Pejabat Level (Pasuruan Pasal 1 angka 24–26): Level I at the top of the unit
        # organisasi — a self-led UPTD/RSUD/Puskesmas/school/Kelurahan is its own Level I.
        want = {
            "nama": data.nama,
            "jenis": data.jenis,
            "atribut": dict(data.atribut),
            "induk_id": ids[data.induk] if data.induk else None,
            "level": org.level(data.kode),
            "akar_pd_id": ids[org.akar_pd(data.kode)],
            "aktif": True,
        }
        old = {k: getattr(obj, k) for k in want}
        if old != want:
            if data.kode not in new_kode:
                shown = {k: v for k, v in want.items() if k in ("nama", "jenis", "atribut", "aktif")}
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
        to_update, ["nama", "jenis", "atribut", "induk", "level", "akar_pd", "aktif"], batch_size=BATCH
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

    fields = ["nama", "status", "jabatan", "jenis_jabatan", "jenjang", "unit_id", "kepala_unit", "aktif", "email",
              "pangkat_golongan"]
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
        if p.pangkat_golongan is not None:  # likewise the pangkat/golongan
            want["pangkat_golongan"] = p.pangkat_golongan
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


class PengaturanTidakSah(ValueError):
    """A setting the user may not make, or a value that cannot be used; the message says why."""


@transaction.atomic
def ubah_pengaturan(
    instansi: Instansi, *, oleh: Any, alamat: str | None = None, kota: str | None = None,
    singkatan: str | None = None, format_nomor_surat: str | None = None, ambang_beban_kerja: int | None = None,
    ambang_rentang_kendali: int | None = None, pyb: Pegawai | None | bool = False, profil: str | None = None,
    kepala_daerah: Pegawai | None | bool = False,
) -> Instansi:
    """Change an instansi's settings; only its admin instansi (or a superuser) may.

    Arguments left at their default keep the current value (``pyb=None`` clears the PyB).
    A changed profile changes who rates whom, so the kedudukan is recomputed (kait).
    """
    if not (getattr(oleh, "is_superuser", False)
            or (getattr(oleh, "admin_instansi", False) and getattr(oleh, "instansi_id", None) == instansi.id)):
        raise PengaturanTidakSah("Pengaturan instansi hanya dapat diubah oleh admin instansi ini.")
    obj = Instansi.objects.select_for_update().get(pk=instansi.pk)
    lama = {f: getattr(obj, f) for f in ("alamat", "kota", "singkatan", "format_nomor_surat", "ambang_beban_kerja",
                                         "ambang_rentang_kendali", "pyb", "kepala_daerah", "profil")}
    ubah: list[str] = []
    for nama, nilai, batas in (("alamat", alamat, 300), ("kota", kota, 100), ("singkatan", singkatan, 32),
                               ("format_nomor_surat", format_nomor_surat, 120)):
        if nilai is not None:
            nilai = nilai.strip()
            if len(nilai) > batas:
                raise PengaturanTidakSah(f"{nama.replace('_', ' ').capitalize()} paling panjang {batas} karakter.")
            if nama == "format_nomor_surat" and "{nomor" not in nilai:
                raise PengaturanTidakSah("Format nomor surat harus memuat {nomor}, agar tiap surat bernomor unik.")
            setattr(obj, nama, nilai)
            ubah.append(nama)
    for nama, angka, rendah, tinggi in (("ambang_beban_kerja", ambang_beban_kerja, 1, 300),
                                        ("ambang_rentang_kendali", ambang_rentang_kendali, 1, 10000)):
        if angka is not None:
            if not rendah <= int(angka) <= tinggi:
                raise PengaturanTidakSah(f"{nama.replace('_', ' ').capitalize()} diisi {rendah}–{tinggi}.")
            setattr(obj, nama, int(angka))
            ubah.append(nama)
    if pyb is not False:
        if pyb is not None and (not isinstance(pyb, Pegawai) or pyb.instansi_id != obj.id or not pyb.aktif):
            raise PengaturanTidakSah("Pejabat yang Berwenang harus pegawai aktif instansi ini.")
        obj.pyb = pyb if isinstance(pyb, Pegawai) else None
        ubah.append("pyb")
    if kepala_daerah is not False:
        # The Kepala Daerah as a pegawai deciding in the application (penugasan lintas instansi, Perwal
        # Blitar 6/2023 Pasal 21 ayat (1) huruf c); None: an external signer recorded by the admin.
        if kepala_daerah is not None and (not isinstance(kepala_daerah, Pegawai)
                                          or kepala_daerah.instansi_id != obj.id or not kepala_daerah.aktif):
            raise PengaturanTidakSah("Kepala Daerah harus pegawai aktif instansi ini, atau dikosongkan.")
        obj.kepala_daerah = kepala_daerah if isinstance(kepala_daerah, Pegawai) else None
        ubah.append("kepala_daerah")
    profil_berubah = profil is not None and profil != obj.profil
    if profil is not None:
        katalog = kait.katalog_profil()
        if katalog is not None and profil not in katalog.tersedia():
            raise PengaturanTidakSah(f"Profil '{profil}' tidak dikenal; pilih salah satu: {', '.join(katalog.tersedia())}.")
        obj.profil = profil
        ubah.append("profil")
    if ubah:
        obj.save(update_fields=ubah)
        catat_pengaturan(obj, oleh=oleh, bagian="pengaturan instansi",
                         perubahan={f: (lama[f], getattr(obj, f)) for f in ubah})
    if profil_berubah:
        kait.jalankan_setelah_perubahan(obj)
    return obj


def _teks_nilai(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, Pegawai):
        return f"{v.nama} ({v.nip})"
    return str(v)


def catat_pengaturan(instansi: Instansi, *, oleh: Any, bagian: str,
                     perubahan: dict[str, tuple[Any, Any]]) -> RiwayatPengaturan | None:
    """Record who changed which of ``instansi``'s settings from what to what (``RiwayatPengaturan``), in
    the caller's transaction; nothing when no value actually changed."""
    ubah = {k: [_teks_nilai(a), _teks_nilai(b)] for k, (a, b) in perubahan.items() if _teks_nilai(a) != _teks_nilai(b)}
    if not ubah:
        return None
    p = getattr(oleh, "pegawai", None)
    nama = getattr(oleh, "username", "") + (f" — {p.nama}" if p is not None else "")
    return RiwayatPengaturan.objects.create(instansi=instansi, bagian=bagian[:120], oleh_id=getattr(oleh, "pk", None),
                                            oleh_nama=nama[:200] or "sistem", perubahan=ubah)
