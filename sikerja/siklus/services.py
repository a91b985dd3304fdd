"""Siklus kerja actions: perjanjian kinerja and its targets, strategy, kegiatan, progress, feedback,
the tiered review, serah terima and pertanggungjawaban.

Every public function is one transaction with keyword-only arguments. Who may act is derived from
the organisation (heads of units), the team (ketua, members) and the review chain resolved from the
profile's template (``aturan``); a kegiatan's state moves only through the table in ``alur`` via
:func:`sikerja.alur_kerja.services.jalankan`, which also writes the audit entry and the inbox items.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.urls import reverse

from sikerja import berkas as berkas_bukti
from sikerja.alur_kerja import services as alur_kerja
from sikerja.jejak import services as jejak
from sikerja.kedudukan.selectors import pimpinan_unit_dari
from sikerja.kotak_masuk import services as kotak_masuk
from sikerja.organisasi.models import Instansi, Pegawai, UnitOrganisasi
from sikerja.penugasan import services as penugasan_services
from sikerja.timkerja import services as timkerja_services
from sikerja.timkerja.models import AnggotaTim, TimKerja
from sikerja.timkerja.selectors import unit_dalam

from . import alur, aturan, selectors
from .errors import (
    AturanDilanggar,
    BerkasTidakSah,
    DataTidakLengkap,
    SiklusError,
    TidakBerwenang,
    TidakDitemukan,
)
from .models import (
    AnggaranKegiatan,
    BuktiProgres,
    HasilKegiatan,
    Kegiatan,
    LaporanIndividu,
    LaporanProgres,
    PerjanjianKinerja,
    PermintaanLaporanSiklus,
    Reviu,
    SerahTerima,
    Strategi,
    SubTugas,
    TargetKinerja,
    UmpanBalik,
)

_atomic = alur_kerja.atomic

BUKTI_MAKS_JUMLAH = 5
MAX_BACA = berkas_bukti.MAKS_BACA
Berkas = berkas_bukti.Berkas


# --- helpers ------------------------------------------------------------------------


def _pegawai(pengguna: Any) -> Pegawai:
    p = getattr(pengguna, "pegawai", None)
    if p is None or not p.aktif:
        raise TidakBerwenang("Akun Anda belum terhubung dengan data pegawai aktif; hubungi admin instansi.")
    return p


def _aturan(instansi: Instansi) -> aturan.AturanSiklus:
    return aturan.aturan_siklus(instansi.profil)


def _memimpin(p: Pegawai, unit_id: int) -> bool:
    """``p`` heads ``unit_id`` or a unit above it, also as Plt/Plh of the post."""
    return unit_id in selectors.unit_dipimpin(p)


def tautan(kg: Kegiatan) -> str:
    return reverse("siklus:kegiatan", args=[kg.pk])


def _entri(peran: str, pj: Pegawai, unit_id: int, unit_nama: str, **lain: Any) -> dict[str, Any]:
    e = {"peran": peran, "pegawai_id": pj.id, "nama": pj.nama, "jabatan": pj.jabatan, "unit_id": unit_id,
         "unit": unit_nama}
    if getattr(pj, "sebagai", ""):
        e["sebagai"] = pj.sebagai  # type: ignore[attr-defined]  # Plt / Plh of the post
    e.update(lain)
    return e


def _delegasi_pengelolaan(rantai: list[dict[str, Any]], pelaksana: Pegawai) -> list[dict[str, Any]]:
    """A delegation of *pengelolaan kinerja* (kedudukan Delegasi, with SK and period) from an official
    of the chain to the pelaksana's PUO puts the delegate in the chain [P, KINERJA §2.3 "incl. delegasi"]:
    he reviews in the delegator's place; the acceptor of the template keeps the acceptance ("dinyatakan
    selesai setelah Pejabat Level 1 menerima"), so a delegation of the acceptor adds the delegate before him."""
    from sikerja.kedudukan.selectors import delegasi_aktif, hari_ini, kedudukan_pegawai

    hari = hari_ini()
    ids = [r["pegawai_id"] for r in rantai]
    cocok = [d for d in delegasi_aktif(pelaksana.instansi).filter(
        wewenang="pengelolaan_kinerja", dari_id__in=ids, diterapkan=True).select_related("kepada", "dari")
        if (d.berlaku_mulai is None or d.berlaku_mulai <= hari) and (d.berlaku_sampai is None or hari <= d.berlaku_sampai)]
    if not cocok:
        return rantai
    k = kedudukan_pegawai(pelaksana)
    d = next((d for d in cocok if k is not None and d.kepada_id == k.pimpinan_unit_id), None)
    if d is None:
        return rantai
    i = ids.index(d.dari_id)
    e = _entri(f"Penerima delegasi pengelolaan kinerja dari {d.dari.nama}", d.kepada, d.kepada.unit_id,
               rantai[i]["unit"], delegasi=d.label_sk or "delegasi")
    if i < len(rantai) - 1:
        rantai[i] = e
    else:
        rantai.insert(i, e)
    return rantai


def _rantai_unit(unit: UnitOrganisasi) -> tuple[aturan.AturanSiklus, aturan.Templat, list[dict[str, Any]]]:
    """The template of ``unit`` and the holders of its posts today (before the pelaksana's adjustments)."""
    a = aturan.aturan_siklus(unit.instansi.profil)
    lel = selectors.leluhur(unit)
    t = aturan.templat_untuk(a, lel)
    pasangan = aturan.unit_rantai(t, lel)
    kepala = selectors.kepala_unit([u.id for _, u in pasangan])
    rantai = [_entri(r.peran, kepala[u.id], u.id, u.nama) for r, u in pasangan if u.id in kepala]
    return a, t, rantai


def _untuk_pelaksana(a: aturan.AturanSiklus, t: aturan.Templat, unit: UnitOrganisasi, dasar: list[dict[str, Any]],
                     pelaksana: Pegawai | None, *, cek_delegasi: bool = True) -> list[dict[str, Any]]:
    rantai = [dict(e) for e in dasar]
    if pelaksana is not None and rantai and cek_delegasi:
        rantai = _delegasi_pengelolaan(rantai, pelaksana)
    # One official holding two levels (a Plt of the post above, a delegate already in the chain) acts once.
    rantai = [e for i, e in enumerate(rantai) if i == 0 or rantai[i - 1]["pegawai_id"] != e["pegawai_id"]]
    if pelaksana is not None:
        while len(rantai) > 1 and rantai[0]["pegawai_id"] == pelaksana.id:
            rantai.pop(0)
    if not rantai:
        raise AturanDilanggar(f"{a.singkatan} {t.dasar}: rantai reviu untuk {unit.nama} tidak dapat ditentukan "
                              "(jabatan pimpinan kosong tanpa Plt/Plh); hubungi admin instansi.")
    return rantai


def resolve_rantai(unit: UnitOrganisasi, pelaksana: Pegawai | None = None
                   ) -> tuple[aturan.Templat, list[dict[str, Any]]]:
    """The profile template of ``unit`` and its chain resolved to whoever holds each post today: the
    Plt/Plh while one holds (the holder absent or the post vacant), else the definitive head; a vacant
    post without one is skipped [P]. Delegations of pengelolaan kinerja are applied for ``pelaksana``,
    and the levels the pelaksana himself holds are left out: a Level-III koordinator submitting the
    result of his tim kerja substansi sends it to Level II (PSR L-II.D.2.c.2: "disampaikan kepada
    Pejabat Level II oleh Pejabat Level III, Individu atau Ketua Tim")."""
    a, t, dasar = _rantai_unit(unit)
    return t, _untuk_pelaksana(a, t, unit, dasar, pelaksana)


def _pelaksana(kg: Kegiatan) -> Pegawai | None:
    if kg.pelaksana_id:
        return kg.pelaksana
    if kg.tim is not None:
        return kg.tim.koordinator  # type: ignore[no-any-return]
    return None


def _di_rantai(kg: Kegiatan, level: int) -> Pegawai | None:
    if 0 <= level < len(kg.rantai):
        return Pegawai.objects.filter(pk=kg.rantai[level]["pegawai_id"]).first()
    return None


def resolver(kg: Kegiatan, peran: str) -> Pegawai | None:
    """Who holds a role of the kegiatan table (``alur.TABEL``) now."""
    if peran == "perencana":
        return _di_rantai(kg, 0)
    if peran == "pelaksana":
        return _pelaksana(kg)
    if peran == "peninjau":
        return _di_rantai(kg, kg.level_reviu)
    if peran == "pemegang":
        return _pelaksana(kg) if kg.level_reviu == aturan.PELAKSANA else _di_rantai(kg, kg.level_reviu)
    return None


def anggota_ids(kg: Kegiatan) -> set[int]:
    """The pelaksana: the individual, or the team's ketua and active members."""
    ids = {i for i in (kg.pelaksana_id,) if i}
    if kg.tim is not None:
        ids |= set(AnggotaTim.objects.filter(tim_id=kg.tim_id, status="aktif").values_list("pegawai_id", flat=True))
        if kg.tim.ketua_id:
            ids.add(kg.tim.ketua_id)
    return ids


def _pemantau_ids(kg: Kegiatan) -> set[int]:
    """Monitors (KINERJA §2.5): the officials of the chain and the ketua."""
    ids = {r["pegawai_id"] for r in kg.rantai}
    if kg.tim is not None and kg.tim.ketua_id:
        ids.add(kg.tim.ketua_id)
    return ids


def ambil_untuk(pengguna: Any, kegiatan_id: int) -> Kegiatan:
    kg = selectors.kegiatan_untuk(pengguna, kegiatan_id)
    if kg is None:
        raise TidakDitemukan("Kegiatan tidak ditemukan.")
    return kg


def _qs(pengguna: Any) -> Any:
    # Only non-null relations are joined: PostgreSQL refuses FOR UPDATE on the nullable side of an outer join.
    return selectors.kegiatan_terlihat(pengguna).select_related("instansi", "unit", "target")


def _jalankan(kg_id: int, aksi: str, aktor: Pegawai, pengguna: Any, *, alasan: str = "",
              masukan: dict[str, Any] | None = None) -> Kegiatan:
    """Move the kegiatan through the table; the row is looked up among those the user may see (404 otherwise)."""
    t = alur_kerja.jalankan(tabel=alur.TABEL, qs=_qs(pengguna), pk=kg_id, aksi=aksi, aktor=aktor, resolver=resolver,
                            efek=EFEK, pengguna=pengguna, alasan=alasan, masukan=masukan or {}, tautan=tautan,
                            tidak_ditemukan="Kegiatan tidak ditemukan.")
    return t.subjek  # type: ignore[no-any-return]


def _tanggal(nilai: Any, nama: str) -> date:
    if isinstance(nilai, date):
        return nilai
    try:
        return date.fromisoformat(str(nilai))
    except ValueError:
        raise DataTidakLengkap({nama: f"{nama}: tanggal tidak sah (gunakan format TTTT-BB-HH)."}) from None


def _angka(nilai: Any, nama: str) -> Decimal:
    try:
        d = Decimal(str(nilai).replace(",", "."))
    except (InvalidOperation, ValueError):
        raise DataTidakLengkap({nama: f"{nama}: harus berupa angka."}) from None
    if d < 0 or not d.is_finite():
        raise DataTidakLengkap({nama: f"{nama}: harus angka tidak negatif."})
    return d


# --- perencanaan: perjanjian kinerja and targets --------------------------------------------


@_atomic
def buat_pk(*, pengguna: Any, unit_id: int, tahun: int, jenis: str = "pk_unit", dasar: str = "", arahan: str = "",
            pihak_kedua_id: int | None = None) -> PerjanjianKinerja:
    """The official the profile names (the head of the unit, Level I; Pekanbaru: the PUO = head of the
    PD, KINERJA A-10) sets the PK of his unit for a year."""
    aktor = _pegawai(pengguna)
    unit = UnitOrganisasi.objects.select_related("instansi").filter(pk=unit_id, instansi_id=aktor.instansi_id).first()
    if unit is None:
        raise TidakDitemukan("Unit organisasi tidak ditemukan.")
    a = _aturan(unit.instansi)
    pemegang = selectors.kepala_unit([unit.id]).get(unit.id)
    if not ((aktor.kepala_unit and aktor.unit_id == unit.id) or (pemegang is not None and pemegang.id == aktor.id)):
        raise TidakBerwenang(f"{a.dasar('pk', 'dasar')}: perjanjian kinerja {unit.nama} disusun dan ditetapkan oleh "
                             "pimpinan unit tersebut.")
    if jenis not in ("pk_unit", "pk_pelaksanaan_kegiatan"):
        raise DataTidakLengkap({"jenis": "Jenis perjanjian kinerja tidak dikenal."})
    if not 2000 <= int(tahun) <= 2100:
        raise DataTidakLengkap({"tahun": "Tahun tidak sah."})
    if PerjanjianKinerja.objects.filter(unit=unit, tahun=tahun, jenis=jenis, berlaku=True).exists():
        raise AturanDilanggar(f"Perjanjian kinerja {unit.nama} tahun {tahun} sudah ada; ubah melalui perubahan "
                              "(versi baru dengan alasan).")
    kedua = None
    if pihak_kedua_id:
        kedua = Pegawai.objects.filter(pk=pihak_kedua_id, instansi_id=aktor.instansi_id).first()
    elif unit.induk_id:
        kedua = selectors.kepala_unit([unit.induk_id]).get(unit.induk_id)
    pk = PerjanjianKinerja.objects.create(
        instansi=unit.instansi, unit=unit, tahun=tahun, jenis=jenis, pihak_pertama=aktor, pihak_kedua=kedua,
        dasar=dasar, arahan=arahan,
        dasar_hukum=a.dasar("pk_pelaksanaan_kegiatan", "dasar") if jenis == "pk_pelaksanaan_kegiatan"
        else a.dasar("pk", "dasar"))
    jejak.catat(subjek=pk, aksi="tetapkan_pk", dari="", ke="berlaku", aktor=aktor, pengguna=pengguna,
                dasar_hukum=pk.dasar_hukum)
    return pk


def _snapshot(pk: PerjanjianKinerja) -> list[dict[str, Any]]:
    kegiatan: dict[int, list[dict[str, Any]]] = {}
    for k in Kegiatan.objects.filter(target__pk_kinerja=pk).values("id", "target_id", "nama", "status", "jenis_penugasan"):
        kegiatan.setdefault(k["target_id"], []).append(
            {"id": k["id"], "nama": k["nama"], "status": k["status"], "jenis_penugasan": k["jenis_penugasan"]})
    return [{"id": t.id, "induk": t.induk_id, "unit": t.unit_id, "indikator": t.indikator, "sasaran": t.sasaran,
             "nilai_target": str(t.nilai_target), "satuan": t.satuan, "batas_waktu": t.batas_waktu.isoformat(),
             "jenis_penugasan": t.jenis_penugasan, "kegiatan": kegiatan.get(t.id, [])} for t in pk.target.order_by("id")]


def _versi_baru(lama: PerjanjianKinerja, *, aktor: Pegawai, pengguna: Any, alasan: str, arahan: str | None = None,
                dasar: str | None = None) -> PerjanjianKinerja:
    """A new version of the PK (locked by the caller) with a reason; the old one keeps a snapshot of its
    targets and kegiatan, the live targets move on. The signatory (pihak pertama) stays."""
    lama.snapshot = _snapshot(lama)
    lama.berlaku = False
    lama.save(update_fields=["snapshot", "berlaku"])
    baru = PerjanjianKinerja.objects.create(
        instansi_id=lama.instansi_id, unit_id=lama.unit_id, tahun=lama.tahun, jenis=lama.jenis, versi=lama.versi + 1,
        alasan_perubahan=alasan.strip(), pihak_pertama_id=lama.pihak_pertama_id, pihak_kedua_id=lama.pihak_kedua_id,
        dasar=lama.dasar if dasar is None else dasar, arahan=lama.arahan if arahan is None else arahan,
        dasar_hukum=lama.dasar_hukum)
    TargetKinerja.objects.filter(pk_kinerja=lama).update(pk_kinerja=baru)
    jejak.catat(subjek=baru, aksi="ubah_pk", dari=f"v{lama.versi}", ke=f"v{baru.versi}", aktor=aktor,
                pengguna=pengguna, alasan=alasan.strip(), dasar_hukum=baru.dasar_hukum)
    return baru


@_atomic
def ubah_pk(*, pengguna: Any, pk_id: int, alasan: str, arahan: str | None = None,
            dasar: str | None = None) -> PerjanjianKinerja:
    """An amendment is a new version with a reason (MGL Lampiran II: a change of kegiatan requires a
    change of the PK); the old version keeps a snapshot of its targets, the live targets move on."""
    aktor = _pegawai(pengguna)
    lama = PerjanjianKinerja.objects.select_for_update().filter(pk=pk_id, instansi_id=aktor.instansi_id,
                                                                berlaku=True).first()
    if lama is None:
        raise TidakDitemukan("Perjanjian kinerja yang berlaku tidak ditemukan.")
    if lama.pihak_pertama_id != aktor.id:
        raise TidakBerwenang("Perubahan perjanjian kinerja ditetapkan oleh pihak pertama yang menetapkannya.")
    if not alasan.strip():
        raise DataTidakLengkap({"alasan": "Tuliskan alasan perubahan perjanjian kinerja."})
    return _versi_baru(lama, aktor=aktor, pengguna=pengguna, alasan=alasan, arahan=arahan, dasar=dasar)


def _ubah_pk_magelang(kg_target: TargetKinerja, *, aktor: Pegawai, pengguna: Any, alasan: str) -> PerjanjianKinerja | None:
    """Perwal Magelang 25/2023 Lampiran II: "dalam hal terjadi perubahan kegiatan maka harus dilakukan
    perubahan" of the Perjanjian Kinerja Pelaksanaan Kegiatan: where the profile makes it compulsory,
    cancelling a kegiatan or changing a target amends the PK as a new version with the reason."""
    a = _aturan(kg_target.pk_kinerja.instansi)
    if not a.pk_pelaksanaan_wajib:
        return None
    lama = PerjanjianKinerja.objects.select_for_update().get(pk=kg_target.pk_kinerja_id)
    return _versi_baru(lama, aktor=aktor, pengguna=pengguna,
                       alasan=f"{alasan.strip()} ({a.dasar('pk_pelaksanaan_kegiatan', 'dasar')})"[:2000])


@dataclass
class DataTarget:
    indikator: str
    nilai_target: Any
    satuan: str
    batas_waktu: Any
    sasaran: str = ""
    arahan: str = ""
    jenis_penugasan: str = ""


def _periksa_target(d: DataTarget, tahun: int | None = None) -> tuple[Decimal, date]:
    galat = {}
    if not d.indikator.strip():
        galat["indikator"] = "Indikator wajib diisi."
    if not d.satuan.strip():
        galat["satuan"] = "Satuan wajib diisi."
    if d.jenis_penugasan not in ("", "individu", "tim"):
        galat["jenis_penugasan"] = "Jenis penugasan: individu atau tim."
    if galat:
        raise DataTidakLengkap(galat)
    nilai = _angka(d.nilai_target, "nilai_target")
    batas = _tanggal(d.batas_waktu, "batas_waktu")
    if tahun and batas.year != tahun:
        raise DataTidakLengkap({"batas_waktu": f"Batas waktu harus dalam tahun {tahun}."})
    return nilai, batas


@_atomic
def tambah_target(*, pengguna: Any, pk_id: int, data: DataTarget) -> TargetKinerja:
    aktor = _pegawai(pengguna)
    pk = PerjanjianKinerja.objects.select_related("instansi").filter(pk=pk_id, instansi_id=aktor.instansi_id,
                                                                     berlaku=True).first()
    if pk is None:
        raise TidakDitemukan("Perjanjian kinerja yang berlaku tidak ditemukan.")
    if pk.pihak_pertama_id != aktor.id:
        raise TidakBerwenang("Target perjanjian kinerja ditetapkan oleh pihak pertama.")
    nilai, batas = _periksa_target(data, pk.tahun)
    if pk.jenis == "pk_pelaksanaan_kegiatan" and not data.jenis_penugasan:
        a = aturan.aturan_siklus(pk.instansi.profil)
        raise DataTidakLengkap({"jenis_penugasan": f"{a.dasar('pk_pelaksanaan_kegiatan', 'dasar')}: jenis penugasan "
                                                   "(individu atau tim) wajib untuk setiap kegiatan."})
    t = TargetKinerja.objects.create(
        pk_kinerja=pk, instansi_id=pk.instansi_id, unit_id=pk.unit_id, penanggung_jawab=aktor,
        sasaran=data.sasaran.strip(), indikator=data.indikator.strip(), nilai_target=nilai, satuan=data.satuan.strip(),
        batas_waktu=batas, arahan=data.arahan.strip(), jenis_penugasan=data.jenis_penugasan)
    jejak.catat(subjek=pk, aksi="tambah_target", dari="", ke="", aktor=aktor, pengguna=pengguna,
                data={"target": t.id, "indikator": t.indikator})
    return t


def setelah_ubah_target_tim(*, tim: TimKerja, aktor: Pegawai, pengguna: Any, alasan: str) -> None:
    """A team's targets changed (tim kerja's hook): in Magelang each PK in force carrying a target split
    to that team is amended as a new version with the reason (Lampiran II)."""
    satu_per_pk = {x.pk_kinerja_id: x for x in TargetKinerja.objects.filter(tim=tim, pk_kinerja__berlaku=True)
                   .select_related("pk_kinerja__instansi")}
    for t in satu_per_pk.values():
        _ubah_pk_magelang(t, aktor=aktor, pengguna=pengguna,
                          alasan=f"Perubahan target {tim.nama}: {(alasan or '').strip() or '-'}")


@_atomic
def ubah_target(*, pengguna: Any, target_id: int, data: DataTarget, alasan: str) -> TargetKinerja:
    """Change a target's indicator, value, unit or deadline, with a reason. Who may: the PK's pihak
    pertama for a PK target, the one who split it (or the leader above) for a target split down. In
    Magelang the change amends the Perjanjian Kinerja Pelaksanaan Kegiatan as a new version (Lampiran II);
    elsewhere it is audited with the reason."""
    aktor = _pegawai(pengguna)
    t = (TargetKinerja.objects.select_for_update(of=("self",)).select_related("pk_kinerja__instansi", "induk")
         .filter(pk=target_id, instansi_id=aktor.instansi_id, pk_kinerja__berlaku=True).first())
    if t is None:
        raise TidakDitemukan("Target tidak ditemukan pada perjanjian kinerja yang berlaku.")
    if t.induk is None:
        boleh = t.pk_kinerja.pihak_pertama_id == aktor.id
    else:
        boleh = t.induk.penanggung_jawab_id == aktor.id or _memimpin(aktor, t.induk.unit_id)
    if not boleh:
        raise TidakBerwenang("Target diubah oleh pejabat yang menetapkan atau membaginya.")
    if not alasan.strip():
        raise DataTidakLengkap({"alasan": "Tuliskan alasan perubahan target."})
    nilai, batas = _periksa_target(data, t.pk_kinerja.tahun)
    lama = {"indikator": t.indikator, "nilai_target": str(t.nilai_target), "satuan": t.satuan,
            "batas_waktu": t.batas_waktu.isoformat()}
    baru = _ubah_pk_magelang(t, aktor=aktor, pengguna=pengguna, alasan=f"Perubahan target {t.indikator}: "
                                                                         f"{alasan.strip()}")
    if baru is not None:
        t.pk_kinerja = baru
    t.indikator, t.nilai_target, t.satuan, t.batas_waktu = data.indikator.strip(), nilai, data.satuan.strip(), batas
    if data.arahan.strip():
        t.arahan = data.arahan.strip()
    t.save(update_fields=["indikator", "nilai_target", "satuan", "batas_waktu", "arahan"])
    jejak.catat(subjek=baru or t.pk_kinerja, aksi="ubah_target", dari="", ke="", aktor=aktor, pengguna=pengguna,
                alasan=alasan.strip(), data={"target": t.id, "dari": lama,
                                             "ke": {"indikator": t.indikator, "nilai_target": str(nilai)}})
    return t


@_atomic
def bagi_target(*, pengguna: Any, target_id: int, data: DataTarget, unit_id: int | None = None,
                tim_id: int | None = None, pegawai_id: int | None = None) -> TargetKinerja:
    """Split responsibility for a target down to a unit below, a team or a pegawai (KINERJA §2.1
    "pembagian tanggung jawab target kinerja"); the leader's ``arahan`` is the basis of the target
    below (what SKP cascades from, KINERJA A-12)."""
    aktor = _pegawai(pengguna)
    induk = TargetKinerja.objects.select_related("pk_kinerja", "unit").filter(
        pk=target_id, instansi_id=aktor.instansi_id).first()
    if induk is None:
        raise TidakDitemukan("Target tidak ditemukan.")
    if not (induk.penanggung_jawab_id == aktor.id or _memimpin(aktor, induk.unit_id)):
        raise TidakBerwenang("Target hanya dapat dibagi oleh penanggung jawabnya atau pimpinan unitnya.")
    if sum(x is not None for x in (unit_id, tim_id, pegawai_id)) != 1:
        raise DataTidakLengkap({"tujuan": "Pilih satu tujuan pembagian: unit, tim kerja atau pegawai."})
    nilai, batas = _periksa_target(data)
    if batas > induk.batas_waktu:
        raise DataTidakLengkap({"batas_waktu": "Batas waktu tidak boleh melewati batas waktu target induk."})
    lingkup = unit_dalam(induk.unit)
    tim = None
    if unit_id is not None:
        unit = UnitOrganisasi.objects.filter(pk=unit_id, instansi_id=aktor.instansi_id).first()
        if unit is None or unit.id not in lingkup or unit.id == induk.unit_id:
            raise AturanDilanggar("Target dibagi ke unit di bawah unit pemilik target.")
        pj = selectors.kepala_unit([unit.id]).get(unit.id)
        jenis = data.jenis_penugasan
    elif tim_id is not None:
        tim = TimKerja.objects.filter(pk=tim_id, instansi_id=aktor.instansi_id).select_related("unit_pemilik").first()
        if tim is None or tim.unit_pemilik_id not in lingkup:
            raise AturanDilanggar("Tim kerja harus milik unit pemilik target atau unit di bawahnya.")
        unit, pj, jenis = tim.unit_pemilik, tim.koordinator, "tim"
    else:
        peg = Pegawai.objects.filter(pk=pegawai_id or 0, instansi_id=aktor.instansi_id, aktif=True).select_related("unit").first()
        if peg is None or peg.unit_id not in lingkup:
            raise AturanDilanggar("Pegawai harus berada di unit pemilik target atau unit di bawahnya; pegawai unit "
                                  "lain dilibatkan melalui permohonan penugasan lintas unit.")
        unit, pj, jenis = peg.unit, peg, "individu"
    t = TargetKinerja.objects.create(
        pk_kinerja=induk.pk_kinerja, induk=induk, instansi_id=induk.instansi_id, unit=unit, penanggung_jawab=pj,
        tim=tim, sasaran=data.sasaran.strip() or induk.sasaran, indikator=data.indikator.strip(), nilai_target=nilai,
        satuan=data.satuan.strip(), batas_waktu=batas, arahan=data.arahan.strip(), jenis_penugasan=jenis)
    jejak.catat(subjek=induk.pk_kinerja, aksi="bagi_target", dari="", ke="", aktor=aktor, pengguna=pengguna,
                data={"induk": induk.id, "target": t.id})
    if pj is not None and pj.id != aktor.id:
        kotak_masuk.kirim(penerima=[pj], subjek=induk.pk_kinerja, jenis="info",
                          pesan=f"Target baru untuk Anda: {t.indikator} ({t.nilai_target} {t.satuan})",
                          tautan=reverse("siklus:pk", args=[induk.pk_kinerja_id]))
    return t


@_atomic
def tetapkan_strategi(*, pengguna: Any, target_id: int, mode: str, butuh_lintas_unit: bool = False,
                      butuh_ketua: bool = False, catatan: str = "") -> Strategi:
    """The Level II strategy per target: individual or team, cross-unit needs, whether a ketua is needed."""
    aktor = _pegawai(pengguna)
    t = TargetKinerja.objects.select_related("instansi").filter(pk=target_id, instansi_id=aktor.instansi_id).first()
    if t is None:
        raise TidakDitemukan("Target tidak ditemukan.")
    a = _aturan(t.instansi)
    if not (_memimpin(aktor, t.unit_id) or t.penanggung_jawab_id == aktor.id):
        raise TidakBerwenang(f"{a.dasar('strategi', 'dasar')}: strategi dirumuskan oleh pimpinan unit pemilik target.")
    if mode not in ("individu", "tim"):
        raise DataTidakLengkap({"mode": "Strategi: individu atau tim."})
    s, _ = Strategi.objects.update_or_create(target=t, defaults={
        "mode": mode, "butuh_lintas_unit": butuh_lintas_unit, "butuh_ketua": butuh_ketua and mode == "tim",
        "catatan": catatan.strip(), "ditetapkan_oleh": aktor})
    t.jenis_penugasan = mode
    t.save(update_fields=["jenis_penugasan"])
    jejak.catat(subjek=t.pk_kinerja, aksi="tetapkan_strategi", dari="", ke=mode, aktor=aktor, pengguna=pengguna,
                dasar_hukum=a.dasar("strategi", "dasar"), data={"target": t.id})
    return s


def mohon_lintas_unit(*, pengguna: Any, target_id: int, ppk_tujuan_id: int, uraian_tugas: str,
                      kompetensi_dibutuhkan: str, jumlah: int = 1) -> Any:
    """A cross-unit need of the strategy starts penugasan's lintas-unit request (its own transaction)."""
    aktor = _pegawai(pengguna)
    t = TargetKinerja.objects.filter(pk=target_id, instansi_id=aktor.instansi_id).select_related("strategi").first()
    if t is None:
        raise TidakDitemukan("Target tidak ditemukan.")
    s = getattr(t, "strategi", None)
    if s is None or not s.butuh_lintas_unit:
        raise AturanDilanggar("Tetapkan dahulu strategi target yang membutuhkan pegawai lintas unit.")
    data = penugasan_services.DataPenugasan(
        judul=f"Pelibatan untuk target {t.indikator}"[:200], mulai=date.today(), selesai=t.batas_waktu,
        maksud_tujuan=f"Pencapaian target {t.indikator}", uraian_tugas=uraian_tugas,
        kompetensi_dibutuhkan=kompetensi_dibutuhkan, target_kinerja=[t.indikator], bentuk=s.mode,
        jumlah_dibutuhkan=jumlah)
    try:
        p = penugasan_services.buat_penunjukan_lintas_unit(pengguna=pengguna, data=data, ppk_tujuan_id=ppk_tujuan_id)
    except penugasan_services.PenugasanError as e:
        raise SiklusError(e.pesan) from e
    s.penugasan.add(p)
    return p


# --- pelaksanaan: kegiatan --------------------------------------------------------------


@dataclass
class DataKegiatan:
    nama: str
    mulai: Any
    selesai: Any
    uraian: str = ""
    pelaksana_id: int | None = None
    tim_id: int | None = None
    anggaran: list[tuple[str, Any]] | None = None
    subtugas: list[tuple[str, int | None, Any]] | None = None


@_atomic
def buat_kegiatan(*, pengguna: Any, target_id: int, data: DataKegiatan) -> Kegiatan:
    """K1: the pelaksana/ketua (or the official responsible for the target) drafts a kegiatan with its
    budget lines and sub-tasks; its review chain is resolved from the profile template now and again
    when the result is submitted."""
    aktor = _pegawai(pengguna)
    t = TargetKinerja.objects.select_related("unit__instansi", "tim").filter(
        pk=target_id, instansi_id=aktor.instansi_id).first()
    if t is None:
        raise TidakDitemukan("Target tidak ditemukan.")
    boleh = (t.penanggung_jawab_id == aktor.id or _memimpin(aktor, t.unit_id)
             or (t.tim is not None and t.tim.koordinator.id == aktor.id))
    if not boleh:
        raise TidakBerwenang("Kegiatan disusun oleh penanggung jawab target, ketua timnya atau pimpinan unitnya.")
    if not data.nama.strip():
        raise DataTidakLengkap({"nama": "Nama kegiatan wajib diisi."})
    mulai, selesai = _tanggal(data.mulai, "mulai"), _tanggal(data.selesai, "selesai")
    if selesai < mulai:
        raise DataTidakLengkap({"selesai": "Tanggal selesai tidak boleh sebelum tanggal mulai."})
    tim_id = data.tim_id or (t.tim_id if not data.pelaksana_id else None)
    if bool(data.pelaksana_id) == bool(tim_id):
        raise DataTidakLengkap({"pelaksana": "Pilih pelaksana: seorang pegawai atau satu tim kerja."})
    pelaksana = tim = None
    lingkup = unit_dalam(t.unit)
    if data.pelaksana_id:
        pelaksana = Pegawai.objects.filter(pk=data.pelaksana_id, instansi_id=aktor.instansi_id, aktif=True).first()
        if pelaksana is None:
            raise DataTidakLengkap({"pelaksana": "Pegawai pelaksana tidak ditemukan."})
        if pelaksana.unit_id not in lingkup and not AnggotaTim.objects.filter(
                pegawai=pelaksana, status="aktif", tim__unit_pemilik_id__in=lingkup).exists():
            raise AturanDilanggar("Pelaksana harus pegawai unit pemilik target (pegawai unit lain dilibatkan "
                                  "melalui penugasan lintas unit).")
    else:
        tim = TimKerja.objects.filter(pk=tim_id or 0, instansi_id=aktor.instansi_id).first()
        if tim is None or tim.unit_pemilik_id not in lingkup:
            raise DataTidakLengkap({"tim": "Tim kerja harus milik unit pemilik target."})
    templat, rantai = resolve_rantai(t.unit, pelaksana or (tim.koordinator if tim else None))
    kg = Kegiatan(instansi_id=t.instansi_id, unit=t.unit, target=t, nama=data.nama.strip(), uraian=data.uraian.strip(),
                  pelaksana=pelaksana, tim=tim, jenis_penugasan="tim" if tim else "individu", mulai=mulai,
                  selesai=selesai, templat=templat.id, rantai=rantai, pengembalian=templat.pengembalian,
                  dibuat_oleh=aktor)
    kg.save()
    for uraian, jumlah in data.anggaran or []:
        AnggaranKegiatan.objects.create(kegiatan=kg, uraian=str(uraian)[:300], jumlah=_angka(jumlah, "anggaran"))
    for nama, pj_id, batas in data.subtugas or []:
        if pj_id and pj_id not in anggota_ids(kg):
            raise DataTidakLengkap({"subtugas": f"Penanggung jawab sub-tugas '{nama}' bukan pelaksana kegiatan."})
        SubTugas.objects.create(kegiatan=kg, nama=str(nama)[:300], penanggung_jawab_id=pj_id,
                                batas_waktu=_tanggal(batas, "batas sub-tugas") if batas else None)
    alur_kerja.mulai(tabel=alur.TABEL, subjek=kg, aktor=aktor, pengguna=pengguna, resolver=resolver, tautan=tautan,
                     aksi="susun_rencana")
    return kg


def _efek_tetapkan_rencana(kg: Kegiatan, k: alur_kerja.Konteks) -> alur_kerja.Hasil:
    if kg.tim is not None and kg.tim.status != "aktif":
        raise AturanDilanggar(f"Rencana kegiatan tim ditetapkan setelah tim kerja aktif (status tim: "
                              f"{kg.tim.label_status}).")
    return alur_kerja.Hasil()


def _efek_mulai(kg: Kegiatan, k: alur_kerja.Konteks) -> alur_kerja.Hasil:
    # K3 guard, TK-10: every member of the team has a role divided by the ketua before work starts.
    if kg.tim is not None:
        timkerja_services.periksa_peran(kg.tim)
    return alur_kerja.Hasil(pemberitahuan=[(_penerima_anggota(kg), "info", f"Kegiatan dimulai: {kg.nama}", None)])


def _penerima_anggota(kg: Kegiatan) -> list[Pegawai]:
    return list(Pegawai.objects.filter(id__in=anggota_ids(kg)))


@_atomic
def tetapkan_rencana(*, pengguna: Any, kegiatan_id: int) -> Kegiatan:
    return _jalankan(kegiatan_id, "tetapkan_rencana", _pegawai(pengguna), pengguna)


@_atomic
def mulai_pelaksanaan(*, pengguna: Any, kegiatan_id: int) -> Kegiatan:
    return _jalankan(kegiatan_id, "mulai_pelaksanaan", _pegawai(pengguna), pengguna)


def _periksa_berkas(a: aturan.AturanSiklus, berkas: list[Berkas]) -> None:
    berkas_bukti.periksa(berkas, tipe=a.bukti_tipe, maks_byte=a.bukti_maks_byte, maks_jumlah=BUKTI_MAKS_JUMLAH,
                         galat=BerkasTidakSah)


def _simpan_berkas(kg: Kegiatan, berkas: list[Berkas], **ke: Any) -> None:
    BuktiProgres.objects.bulk_create([
        BuktiProgres(kegiatan=kg, nama=b.nama[:200], tipe=berkas_bukti.jenis_konten(b.nama), ukuran=len(b.isi),
                     isi=b.isi, **ke) for b in berkas])


@_atomic
def lapor_progres(*, pengguna: Any, kegiatan_id: int, persen: int, capaian: str, kendala: str = "",
                  jenis: str = "berkala", berkas: list[Berkas] | None = None,
                  tanggal: date | None = None) -> LaporanProgres:
    """K4: progress periodically or when a problem arises (PSR L-II.D.2.c.2), with evidence files."""
    aktor = _pegawai(pengguna)
    kg = ambil_untuk(pengguna, kegiatan_id)
    if aktor.id not in anggota_ids(kg):
        raise TidakBerwenang("Progres dilaporkan oleh pelaksana kegiatan (individu, ketua atau anggota tim).")
    if kg.status not in ("berjalan", "dikembalikan"):
        raise AturanDilanggar(f"Progres dilaporkan saat kegiatan berjalan (status: {kg.label_status}).")
    if jenis not in ("berkala", "insidental_masalah"):
        raise DataTidakLengkap({"jenis": "Jenis laporan: berkala atau insidental_masalah."})
    if not 0 <= int(persen) <= 100:
        raise DataTidakLengkap({"persen": "Persentase progres 0–100."})
    if not capaian.strip():
        raise DataTidakLengkap({"capaian": "Uraikan capaian progres."})
    if jenis == "insidental_masalah" and not kendala.strip():
        raise DataTidakLengkap({"kendala": "Laporan karena permasalahan wajib menguraikan kendalanya."})
    a = _aturan(kg.instansi)
    berkas = berkas or []
    _periksa_berkas(a, berkas)
    lp = LaporanProgres.objects.create(kegiatan=kg, pelapor=aktor, tanggal=tanggal or date.today(), persen=persen,
                                       capaian=capaian.strip(), kendala=kendala.strip(), jenis=jenis)
    _simpan_berkas(kg, berkas, progres=lp)
    Kegiatan.objects.filter(pk=kg.pk).update(persen_progres=persen)
    jejak.catat(subjek=kg, aksi="lapor_progres", dari=kg.status, ke=kg.status, aktor=aktor, pengguna=pengguna,
                dasar_hukum=a.dasar("progres_insidental", "dasar") if jenis == "insidental_masalah" else "",
                data={"progres": lp.id, "persen": persen})
    pemantau = [p for p in Pegawai.objects.filter(id__in=_pemantau_ids(kg) - {aktor.id})]
    pesan = ("Permasalahan dilaporkan" if jenis == "insidental_masalah" else "Progres") + f" {persen}%: {kg.nama}"
    kotak_masuk.kirim(penerima=pemantau, subjek=kg, jenis="info", pesan=pesan, tautan=tautan(kg))
    return lp


@_atomic
def beri_umpan_balik(*, pengguna: Any, kegiatan_id: int, isi: str, induk_id: int | None = None) -> UmpanBalik:
    """Feedback threads (KINERJA §2.5): the monitors of the template (chain officials, ketua) open a
    thread; the pelaksana and team answer in it."""
    aktor = _pegawai(pengguna)
    kg = ambil_untuk(pengguna, kegiatan_id)
    if not isi.strip():
        raise DataTidakLengkap({"isi": "Isi umpan balik wajib diisi."})
    pemantau, anggota = _pemantau_ids(kg), anggota_ids(kg)
    induk = None
    if induk_id:
        induk = UmpanBalik.objects.filter(pk=induk_id, kegiatan=kg).first()
        if induk is None:
            raise TidakDitemukan("Utas umpan balik tidak ditemukan.")
        if aktor.id not in pemantau | anggota:
            raise TidakBerwenang("Hanya pemantau dan pelaksana kegiatan yang dapat membalas umpan balik.")
    elif aktor.id not in pemantau:
        raise TidakBerwenang("Umpan balik diberikan oleh pimpinan unit organisasi atau ketua tim.")
    ub = UmpanBalik.objects.create(kegiatan=kg, induk=induk, pemberi=aktor, isi=isi.strip())
    penerima = Pegawai.objects.filter(id__in=(anggota | ({induk.pemberi_id} if induk else set())) - {aktor.id})
    kotak_masuk.kirim(penerima=list(penerima), subjek=kg, jenis="info", pesan=f"Umpan balik {aktor.nama}: {kg.nama}",
                      tautan=tautan(kg))
    return ub


@_atomic
def tambah_subtugas(*, pengguna: Any, kegiatan_id: int, nama: str, penanggung_jawab_id: int | None = None,
                    batas_waktu: Any = None) -> SubTugas:
    aktor = _pegawai(pengguna)
    kg = ambil_untuk(pengguna, kegiatan_id)
    pel = _pelaksana(kg)
    if not (pel and pel.id == aktor.id) and aktor.id != kg.dibuat_oleh_id:
        raise TidakBerwenang("Sub-tugas dibagi oleh ketua tim atau pelaksana kegiatan.")
    if kg.status in alur.AKHIR:
        raise AturanDilanggar("Kegiatan yang sudah selesai atau dibatalkan tidak dapat diubah.")
    if not nama.strip():
        raise DataTidakLengkap({"nama": "Nama sub-tugas wajib diisi."})
    if penanggung_jawab_id and penanggung_jawab_id not in anggota_ids(kg):
        raise DataTidakLengkap({"penanggung_jawab": "Penanggung jawab sub-tugas harus pelaksana kegiatan."})
    return SubTugas.objects.create(kegiatan=kg, nama=nama.strip()[:300], penanggung_jawab_id=penanggung_jawab_id,
                                   batas_waktu=_tanggal(batas_waktu, "batas_waktu") if batas_waktu else None)


# --- evaluasi: the tiered review ------------------------------------------------------------


def _hasil_terakhir(kg: Kegiatan) -> HasilKegiatan | None:
    return kg.hasil.order_by("-versi").first()


def _hasil_baru(kg: Kegiatan, aktor: Pegawai, level: int, k: alur_kerja.Konteks) -> HasilKegiatan:
    keluaran = str(k.masukan.get("keluaran", "")).strip()
    lama = _hasil_terakhir(kg)
    if not keluaran and lama is not None and level >= 0:
        keluaran = lama.keluaran  # a reviewer re-submits after adjusting within his remit
    if not keluaran:
        raise DataTidakLengkap({"keluaran": "Uraikan keluaran (dokumen, data, tautan) hasil kegiatan."})
    if not k.masukan.get("sesuai_target", True):
        raise AturanDilanggar("Hasil diajukan bila dinyatakan telah sesuai dengan target yang diharapkan.")
    h = HasilKegiatan.objects.create(kegiatan=kg, versi=(lama.versi + 1) if lama else 1, diajukan_oleh=aktor,
                                     level=level, keluaran=keluaran, sesuai_target=True)
    _simpan_berkas(kg, list(k.masukan.get("berkas") or []), hasil=h)
    return h


def _efek_ajukan_hasil(kg: Kegiatan, k: alur_kerja.Konteks) -> alur_kerja.Hasil:
    # The chain is resolved again at submission (an official may have changed since the plan).
    t, rantai = resolve_rantai(kg.unit, _pelaksana(kg))
    kg.templat, kg.rantai, kg.pengembalian = t.id, rantai, t.pengembalian
    h = _hasil_baru(kg, k.aktor, aturan.PELAKSANA, k)
    kg.level_reviu = 0
    return alur_kerja.Hasil(data={"hasil": h.id, "versi": h.versi, "templat": t.id})


def _reviu(kg: Kegiatan, k: alur_kerja.Konteks, keputusan: str, ke_level: int | None) -> Reviu:
    h = _hasil_terakhir(kg)
    assert h is not None
    a = _aturan(kg.instansi)
    dasar = a.dasar("dasar_selesai") if keputusan == "terima" else a.dasar("dasar_pengembalian")
    return Reviu.objects.create(kegiatan=kg, hasil=h, level=kg.level_reviu, peran=kg.rantai[kg.level_reviu]["peran"],
                                peninjau=k.aktor, keputusan=keputusan, catatan=k.alasan, ke_level=ke_level,
                                dasar_hukum=dasar[:300])


def _efek_terima(kg: Kegiatan, k: alur_kerja.Konteks) -> alur_kerja.Hasil:
    n = len(kg.rantai) - 1
    if kg.level_reviu < n:
        r = _reviu(kg, k, "terima", kg.level_reviu + 1)
        kg.level_reviu += 1
        return alur_kerja.Hasil(ke="dalam_reviu", data={"reviu": r.id})
    # K7: the acceptor of the profile accepts: the kegiatan is selesai.
    r = _reviu(kg, k, "terima", None)
    kg.persen_progres = 100
    a = _aturan(kg.instansi)
    pel = _pelaksana(kg)
    if a.serah_terima_wajib and pel is not None:
        SerahTerima.objects.create(kegiatan=kg, penyerah=pel, penerima=k.aktor, catatan=k.alasan,
                                   dasar_hukum=a.dasar("dasar_serah_terima")[:300])
    return alur_kerja.Hasil(ke="selesai", data={"reviu": r.id},
                            pemberitahuan=[(_penerima_anggota(kg), "info", f"Kegiatan selesai: {kg.nama}", None)])


def _efek_kembalikan(kg: Kegiatan, k: alur_kerja.Konteks) -> alur_kerja.Hasil:
    j = aturan.level_pengembalian(kg.pengembalian, kg.level_reviu)
    r = _reviu(kg, k, "kembalikan", j)
    kg.level_reviu = j
    return alur_kerja.Hasil(ke="dikembalikan", data={"reviu": r.id, "ke_level": j},
                            pemberitahuan=[(_penerima_anggota(kg), "info",
                                            f"Hasil dikembalikan oleh {k.aktor.nama}: {kg.nama}", None)])


def _efek_teruskan(kg: Kegiatan, k: alur_kerja.Konteks) -> alur_kerja.Hasil:
    if kg.level_reviu < 0:
        raise alur_kerja.TransisiTidakSah("Hasil sudah berada pada pelaksana; ajukan ulang setelah disesuaikan.")
    j = kg.level_reviu - 1
    r = _reviu(kg, k, "teruskan_pengembalian", j)
    kg.level_reviu = j
    return alur_kerja.Hasil(ke="dikembalikan", data={"reviu": r.id, "ke_level": j})


def _efek_ajukan_ulang(kg: Kegiatan, k: alur_kerja.Konteks) -> alur_kerja.Hasil:
    j = kg.level_reviu
    h = _hasil_baru(kg, k.aktor, j, k)
    kg.level_reviu = j + 1
    return alur_kerja.Hasil(ke="dalam_reviu", data={"hasil": h.id, "versi": h.versi})


EFEK = {"tetapkan_rencana": _efek_tetapkan_rencana, "mulai_pelaksanaan": _efek_mulai,
        "ajukan_hasil": _efek_ajukan_hasil, "terima": _efek_terima, "kembalikan": _efek_kembalikan,
        "teruskan_pengembalian": _efek_teruskan, "ajukan_ulang": _efek_ajukan_ulang}


@_atomic
def ajukan_hasil(*, pengguna: Any, kegiatan_id: int, keluaran: str, sesuai_target: bool = True,
                 berkas: list[Berkas] | None = None) -> Kegiatan:
    """K5: the ketua or individu submits the result to the first reviewer of the chain."""
    kg = ambil_untuk(pengguna, kegiatan_id)
    berkas = berkas or []
    _periksa_berkas(_aturan(kg.instansi), berkas)
    return _jalankan(kegiatan_id, "ajukan_hasil", _pegawai(pengguna), pengguna,
                     masukan={"keluaran": keluaran, "sesuai_target": sesuai_target, "berkas": berkas})


@_atomic
def terima(*, pengguna: Any, kegiatan_id: int, catatan: str = "") -> Kegiatan:
    """K6/K7: the reviewer at level k accepts: the result passes up, or — by the acceptor — is selesai."""
    return _jalankan(kegiatan_id, "terima", _pegawai(pengguna), pengguna, masukan={"catatan": catatan},
                     alasan=catatan)


@_atomic
def kembalikan(*, pengguna: Any, kegiatan_id: int, catatan: str) -> Kegiatan:
    """K8: the reviewer at level k returns the result with a mandatory note, to the level below him."""
    return _jalankan(kegiatan_id, "kembalikan", _pegawai(pengguna), pengguna, alasan=catatan)


@_atomic
def teruskan_pengembalian(*, pengguna: Any, kegiatan_id: int, catatan: str) -> Kegiatan:
    return _jalankan(kegiatan_id, "teruskan_pengembalian", _pegawai(pengguna), pengguna, alasan=catatan)


@_atomic
def ajukan_ulang(*, pengguna: Any, kegiatan_id: int, keluaran: str = "", berkas: list[Berkas] | None = None) -> Kegiatan:
    """K10 (and K5 again for the pelaksana): the holder of a returned result re-submits it to the level above."""
    kg = ambil_untuk(pengguna, kegiatan_id)
    berkas = berkas or []
    _periksa_berkas(_aturan(kg.instansi), berkas)
    return _jalankan(kegiatan_id, "ajukan_ulang", _pegawai(pengguna), pengguna,
                     masukan={"keluaran": keluaran, "berkas": berkas})


@_atomic
def batalkan(*, pengguna: Any, kegiatan_id: int, alasan: str) -> Kegiatan:
    """K11: the planning official or the acceptor cancels (MGL: with a reference to the amended PK)."""
    aktor = _pegawai(pengguna)
    kg = ambil_untuk(pengguna, kegiatan_id)
    berwenang = {kg.rantai[0]["pegawai_id"], kg.rantai[-1]["pegawai_id"]} if kg.rantai else set()
    if aktor.id not in berwenang:
        raise TidakBerwenang("Kegiatan dibatalkan oleh pejabat perencana atau pejabat yang menerima hasil.")
    if not alasan.strip():
        raise DataTidakLengkap({"alasan": "Tuliskan alasan pembatalan."})
    # The PK is amended first, so the old version's snapshot shows the kegiatan as it was (one transaction).
    target = TargetKinerja.objects.select_related("pk_kinerja__instansi").get(pk=kg.target_id)
    baru = _ubah_pk_magelang(target, aktor=aktor, pengguna=pengguna,
                             alasan=f"Pembatalan kegiatan {kg.nama}: {alasan.strip()}")
    kg = _jalankan(kegiatan_id, "batalkan", aktor, pengguna, alasan=alasan)
    if baru is not None:
        jejak.catat(subjek=kg, aksi="catat", dari=kg.status, ke=kg.status, aktor=aktor, pengguna=pengguna,
                    alasan=f"Perjanjian kinerja diubah menjadi versi {baru.versi}", dasar_hukum=baru.dasar_hukum,
                    data={"pk": baru.id, "versi": baru.versi})
    return kg


@_atomic
def catat_serah_terima(*, pengguna: Any, kegiatan_id: int, catatan: str = "") -> SerahTerima:
    """Serah terima hasil pelaksanaan kegiatan (KRA Pasal 8 huruf c angka 2; optional elsewhere [P])."""
    aktor = _pegawai(pengguna)
    kg = ambil_untuk(pengguna, kegiatan_id)
    if kg.status != "selesai":
        raise AturanDilanggar("Serah terima dicatat setelah hasil diterima (kegiatan selesai).")
    if SerahTerima.objects.filter(kegiatan=kg).exists():
        raise AturanDilanggar("Serah terima kegiatan ini sudah dicatat.")
    pel = _pelaksana(kg)
    if pel is None or aktor.id != pel.id:
        raise TidakBerwenang("Serah terima dicatat oleh pelaksana atau ketua tim.")
    penerima = Pegawai.objects.get(pk=kg.rantai[-1]["pegawai_id"])
    st = SerahTerima.objects.create(kegiatan=kg, penyerah=aktor, penerima=penerima, catatan=catatan.strip(),
                                    dasar_hukum=_aturan(kg.instansi).dasar("dasar_serah_terima")[:300])
    _jalankan(kegiatan_id, "serah_terima", aktor, pengguna, alasan=catatan)
    return st


# --- pertanggungjawaban ------------------------------------------------------------------------


def penerima_laporan(p: Pegawai) -> Pegawai | None:
    """Whom an individual reports to (KINERJA §2.6): the PUO; in Pekanbaru the direct superior (Ps 14).
    While that official is away, whoever holds his post as Plt/Plh."""
    from sikerja.timkerja.selectors import pengganti_untuk

    a = _aturan(p.instansi)
    if a.laporan_kepada == "atasan_langsung":
        unit = p.unit
        if p.kepala_unit and unit.induk_id:
            return selectors.kepala_unit([unit.induk_id]).get(unit.induk_id)
        kepala = selectors.kepala_unit([unit.id]).get(unit.id)
        return kepala if kepala and kepala.id != p.id else None
    return pengganti_untuk(pimpinan_unit_dari(p))


@_atomic
def kirim_laporan_individu(*, pengguna: Any, periode_mulai: Any, periode_selesai: Any, capaian: str,
                           kendala: str = "", rencana_berikut: str = "",
                           permintaan_id: int | None = None) -> LaporanIndividu:
    aktor = _pegawai(pengguna)
    a = _aturan(aktor.instansi)
    mulai, selesai = _tanggal(periode_mulai, "periode_mulai"), _tanggal(periode_selesai, "periode_selesai")
    if selesai < mulai:
        raise DataTidakLengkap({"periode_selesai": "Akhir periode tidak boleh sebelum awal periode."})
    if not capaian.strip():
        raise DataTidakLengkap({"capaian": "Uraikan capaian terhadap target."})
    permintaan = None
    if permintaan_id:
        permintaan = PermintaanLaporanSiklus.objects.select_for_update().filter(pk=permintaan_id, sasaran=aktor).first()
        if permintaan is None:
            raise TidakDitemukan("Permintaan laporan tidak ditemukan.")
    penerima = permintaan.peminta if permintaan else penerima_laporan(aktor)
    if penerima is None:
        raise AturanDilanggar(f"{a.dasar('laporan_individu', 'dasar')}: penerima laporan tidak dapat ditentukan.")
    lap = LaporanIndividu.objects.create(instansi_id=aktor.instansi_id, pelapor=aktor, penerima=penerima,
                                         periode_mulai=mulai, periode_selesai=selesai, capaian=capaian.strip(),
                                         kendala=kendala.strip(), rencana_berikut=rencana_berikut.strip(),
                                         permintaan=permintaan, dasar_hukum=a.dasar("laporan_individu", "dasar")[:300])
    if permintaan:
        permintaan.dijawab = True
        permintaan.save(update_fields=["dijawab"])
        kotak_masuk.tutup_tindakan(subjek=permintaan, penerima_id=aktor.id)
    kotak_masuk.kirim(penerima=[penerima], subjek=lap, jenis="info", pesan=f"Laporan kinerja dari {aktor.nama}",
                      tautan=reverse("siklus:dasbor"))
    return lap


@_atomic
def minta_laporan(*, pengguna: Any, sasaran_id: int, batas_waktu: Any, lingkup: str = "",
                  kegiatan_id: int | None = None) -> PermintaanLaporanSiklus:
    """An ad-hoc report request to an individual the official leads (team requests: tim kerja)."""
    aktor = _pegawai(pengguna)
    sasaran = Pegawai.objects.filter(pk=sasaran_id, instansi_id=aktor.instansi_id, aktif=True).first()
    if sasaran is None:
        raise TidakDitemukan("Pegawai tidak ditemukan.")
    if not (_memimpin(aktor, sasaran.unit_id) and aktor.id != sasaran.id) and penerima_laporan(sasaran) != aktor:
        raise TidakBerwenang("Laporan sewaktu-waktu diminta oleh pimpinan unit organisasi pegawai tersebut.")
    batas = _tanggal(batas_waktu, "batas_waktu")
    kg = None
    if kegiatan_id:
        kg = ambil_untuk(pengguna, kegiatan_id)
    pm = PermintaanLaporanSiklus.objects.create(instansi_id=aktor.instansi_id, peminta=aktor, sasaran=sasaran,
                                                kegiatan=kg, lingkup=lingkup.strip()[:300], batas_waktu=batas)
    kotak_masuk.kirim(penerima=[sasaran], subjek=pm, jenis="tindakan",
                      pesan=f"Permintaan laporan dari {aktor.nama} (batas {batas:%d-%m-%Y})",
                      tautan=reverse("siklus:dasbor"))
    return pm


# --- reminders ---------------------------------------------------------------------------------


def ingatkan(hari: date | None = None) -> int:
    """Inbox (and e-mail) reminders before deadlines: open kegiatan ending within the profile's
    ``pengingat_hari`` and report requests due; once per item per day is the caller's cadence."""
    from datetime import timedelta

    hari = hari or date.today()
    n = 0
    for ins in Instansi.objects.all():
        a = _aturan(ins)
        batas = hari + timedelta(days=a.pengingat_hari)
        for kg in Kegiatan.objects.filter(instansi=ins, status__in=alur.TERBUKA, selesai__gte=hari,
                                          selesai__lte=batas).select_related("pelaksana", "tim", "aktor_sekarang"):
            penerima = [p for p in (kg.aktor_sekarang, _pelaksana(kg)) if p is not None]
            kotak_masuk.kirim(penerima=penerima, subjek=kg, jenis="info",
                              pesan=f"Pengingat: kegiatan {kg.nama} berakhir {kg.selesai:%d-%m-%Y}", tautan=tautan(kg))
            n += 1
        for pm in PermintaanLaporanSiklus.objects.filter(instansi=ins, dijawab=False, batas_waktu__lte=batas):
            kotak_masuk.kirim(penerima=[pm.sasaran], subjek=pm, jenis="info",
                              pesan=f"Pengingat: laporan diminta paling lambat {pm.batas_waktu:%d-%m-%Y}",
                              tautan=reverse("siklus:dasbor"))
            n += 1
    return n


@_atomic
def impor_pk(*, pengguna: Any, unit_id: int, tahun: int, isi: bytes, jenis: str = "pk_unit", dasar: str = "",
             arahan: str = "") -> PerjanjianKinerja:
    """Import a PK with its targets from Excel (Pemda keep them in spreadsheets): all rows or none."""
    from .excel import baca_target

    baris = baca_target(isi, int(tahun))
    pk = buat_pk(pengguna=pengguna, unit_id=unit_id, tahun=tahun, jenis=jenis, dasar=dasar, arahan=arahan)
    for b in baris:
        tambah_target(pengguna=pengguna, pk_id=pk.id, data=DataTarget(
            indikator=b["indikator"], nilai_target=b["nilai_target"], satuan=b["satuan"], batas_waktu=b["batas_waktu"],
            sasaran=b["sasaran"], jenis_penugasan=b["jenis_penugasan"]))
    return pk


def perbarui_rantai(instansi: Any, laporan: Any = None) -> int:
    """After an organisation change, re-resolve the chains of open kegiatan: an item waiting for an
    official who left moves to the new holder's inbox and the change is logged (KINERJA §2.3 [P]).
    Registered on :mod:`sikerja.organisasi.kait`; runs in the caller's transaction."""
    n = 0
    from sikerja.kedudukan.selectors import delegasi_aktif

    # The posts of a unit are resolved once; only the pelaksana's own adjustments differ per kegiatan, and
    # delegations are looked up only where the instansi has any (an import of a large instansi stays cheap).
    ada_delegasi = delegasi_aktif(instansi).filter(wewenang="pengelolaan_kinerja").exists()
    per_unit: dict[int, Any] = {}
    qs = Kegiatan.objects.filter(instansi_id=instansi.id, status__in=alur.TERBUKA).select_related(
        "unit__instansi", "pelaksana", "tim__ketua", "tim__titik_koordinasi", "tim__pembentuk", "aktor_sekarang")
    for kg in qs.iterator(chunk_size=500):
        if kg.unit_id not in per_unit:
            try:
                per_unit[kg.unit_id] = _rantai_unit(kg.unit)
            except ValueError:
                per_unit[kg.unit_id] = None
        if per_unit[kg.unit_id] is None:
            continue
        a, t, dasar = per_unit[kg.unit_id]
        try:
            baru = _untuk_pelaksana(a, t, kg.unit, dasar, _pelaksana(kg), cek_delegasi=ada_delegasi)
        except AturanDilanggar:
            continue
        if not baru or baru == kg.rantai:
            continue
        lama_aktor = kg.aktor_sekarang_id
        # The item stays at the same post (a Plt filling a vacant level below does not pull it back down).
        pos = kg.rantai[kg.level_reviu].get("unit_id") if 0 <= kg.level_reviu < len(kg.rantai) else None
        idx = next((i for i, e in enumerate(baru) if pos is not None and e.get("unit_id") == pos), None)
        kg.rantai = baru
        kg.level_reviu = idx if idx is not None else min(kg.level_reviu, len(baru) - 1)
        _, orang = alur_kerja.pemegang(alur.TABEL, kg, kg.status, resolver)
        kg.aktor_sekarang = orang
        kg.save(update_fields=["rantai", "level_reviu", "aktor_sekarang"])
        n += 1
        if orang is not None and orang.id != lama_aktor:
            kotak_masuk.tutup_tindakan(subjek=kg)
            kotak_masuk.kirim(penerima=[orang], subjek=kg, jenis="tindakan",
                              pesan=f"{alur.TABEL.label(kg.status)} (pejabat berganti): {kg}", tautan=tautan(kg))
            jejak.catat(subjek=kg, aksi="ganti_pejabat", dari=kg.status, ke=kg.status, aktor=orang,
                        alasan="Pemegang jabatan pada rantai reviu berganti (perubahan organisasi, Plt/Plh "
                               "atau delegasi).",
                        data={"aktor_lama": lama_aktor, "aktor_baru": orang.id})
    return n


def setelah_perubahan_organisasi(instansi: Any, laporan: Any = None) -> None:
    """The hook registered on organisasi.kait (after an import or an edit)."""
    perbarui_rantai(instansi)
