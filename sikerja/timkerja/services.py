"""Tim kerja actions: form a team, staff it, change its ketua/target/period, close it,
raise and decide kendala, report and ask for reports.

Every public function is one transaction and takes keyword arguments only. The
rules come from the profile (``aturan``) and the lifecycle from its table
(``alur``); who may act is derived from kedudukan and the team (never from the
URL). Letters, inbox items and audit entries go through ``inti``.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from sikerja import berkas
from sikerja.alur_kerja import services as alur_kerja
from sikerja.alur_kerja.tabel import TabelStatus
from sikerja.basisdata import antrekan_setelah_commit
from sikerja.jejak import services as jejak
from sikerja.kedudukan.selectors import kedudukan_pegawai
from sikerja.kotak_masuk import services as kotak_masuk
from sikerja.kueri import KueriSiap
from sikerja.organisasi.models import Pegawai, UnitOrganisasi
from sikerja.penugasan import services as penugasan_services
from sikerja.penugasan.models import Penerima, Penugasan
from sikerja.surat import services as surat_services
from sikerja.surat.models import Surat

from . import alur, aturan, selectors
from .errors import (
    AnggotaTidakMemenuhi,
    AturanDilanggar,
    BuktiTidakSah,
    DataTidakLengkap,
    LaporanTidakSah,
    TidakBerwenang,
    TimKerjaError,
    TimTidakDitemukan,
)
from .models import (
    AnggotaTim,
    BuktiLaporan,
    Kendala,
    KeputusanKendala,
    LaporanTim,
    PejabatPengganti,
    PermintaanLaporan,
    RiwayatKetua,
    TimKerja,
)

# --- inputs -------------------------------------------------------------------------


@dataclass
class DataTim:
    nama: str
    unit_pemilik_id: int
    masa_mulai: date
    masa_selesai: date
    target: list[str] = field(default_factory=list)
    tujuan: str = ""
    justifikasi_target: str = ""
    justifikasi_beban: str = ""
    justifikasi_kompetensi: str = ""
    jadwal_laporan: str = "bulanan"


@dataclass
class DataAnggota:
    pegawai_id: int
    peran: str = ""
    kompetensi_dibutuhkan: list[str] = field(default_factory=list)
    porsi_persen: int = 0
    penugasan_id: int | None = None
    masukan_ketua: str = ""
    alasan_beban: str = ""
    sumber: str = "penunjukan"


BUKTI_MAKS_BYTE = 5 * 1024 * 1024   # [P] per file
BUKTI_MAKS_JUMLAH = 5               # [P] per report
BUKTI_TIPE = ("pdf", "png", "jpg", "jpeg", "xlsx", "docx", "csv")  # [P]
Berkas = berkas.Berkas


# --- helpers ------------------------------------------------------------------------


def _pegawai(pengguna: Any) -> Pegawai:
    p = getattr(pengguna, "pegawai", None)
    if p is None or not p.aktif:
        raise TidakBerwenang("Akun Anda belum terhubung dengan data pegawai aktif; hubungi admin instansi.")
    return p


_atomic = alur_kerja.atomic


def _aturan(tim: TimKerja) -> aturan.AturanTim:
    return aturan.aturan_tim(tim.instansi.profil)


@functools.cache
def _kolom_baca() -> tuple[str, ...]:
    """For a read: the team's own columns, its instansi, and of its officials and units the columns pages
    and rules read (the seven-table row with every column costs twice as much to build)."""
    peg = ("id", "instansi_id", "nip", "nama", "jabatan", "jenis_jabatan", "unit_id", "kepala_unit", "aktif")
    unit = ("id", "instansi_id", "kode", "nama", "jenis", "induk_id", "level", "akar_pd_id")
    return (*[f.name for f in TimKerja._meta.concrete_fields], "instansi",
            *[f"{r}__{k}" for r in ("pembentuk", "ketua", "penandatangan", "titik_koordinasi") for k in peg],
            *[f"{u}__{k}" for u in ("unit_pemilik", "ketua__unit") for k in unit])


def _tim_lengkap() -> QuerySet[TimKerja]:
    return TimKerja.objects.select_related("instansi", "unit_pemilik", "pembentuk", "ketua__unit", "penandatangan",
                                           "titik_koordinasi")


# The read of every team page, prepared once (a seven-table row: 2.4 ms to compile, sikerja.kueri).
_tim_baca: KueriSiap[TimKerja] = KueriSiap(lambda tim_id: _tim_lengkap().only(*_kolom_baca()).filter(pk=tim_id))


def _ambil(tim_id: int, *, kunci: bool = True) -> TimKerja:
    """The team with its instansi, officials and units: locked and whole for a change, with the columns
    read (``_kolom_baca``) otherwise."""
    if not kunci:
        baris = _tim_baca(tim_id=tim_id)
        if not baris:
            raise TimTidakDitemukan("Tim kerja tidak ditemukan.")
        return baris[0]
    try:
        return _tim_lengkap().select_for_update(of=("self",)).get(pk=tim_id)
    except TimKerja.DoesNotExist:
        raise TimTidakDitemukan("Tim kerja tidak ditemukan.") from None


def ambil_untuk(pengguna: Any, tim_id: int) -> TimKerja:
    """The team if ``pengguna`` may see it, else 404 (a team of another instansi does not exist for him).
    Its own officials and HR/inspectorate/admin of its instansi are recognised from the row itself; anyone
    else through ``selectors.tim_terlihat`` (the one rule, of which this is the first part)."""
    tim = _ambil(tim_id, kunci=False)
    p = pengguna.pegawai
    if pengguna.lintas_unit:
        langsung = tim.instansi_id == pengguna.instansi_id
    else:
        langsung = p is not None and p.id in (tim.pembentuk_id, tim.penandatangan_id, tim.ketua_id,
                                              tim.titik_koordinasi_id)
    if not langsung and not selectors.boleh_lihat_tim(pengguna, tim_id):
        raise TimTidakDitemukan("Tim kerja tidak ditemukan.")
    return tim


def _plh_pembentuk(tim: TimKerja) -> Pegawai | None:
    """Who holds the pembentuk's post today (his Plt/Plh, else himself), read once per loaded team:
    a team page asks it for the managers, the draft actions and the signer."""
    if not hasattr(tim, "_plh_pembentuk"):
        tim._plh_pembentuk = selectors.pengganti_untuk(tim.pembentuk)  # type: ignore[attr-defined]
    return tim._plh_pembentuk  # type: ignore[attr-defined,no-any-return]


def _pemimpin(tim: TimKerja) -> dict[int, Pegawai]:
    """The PUO pemilik kinerja and the pembentuk leading it (each also through the Plt/Plh of his post)."""
    puo = selectors.puo_pemilik(tim)
    return {x.id: x for x in (puo, tim.pembentuk, _plh_pembentuk(tim)) if x is not None}


def bertindak_sebagai_pembentuk(tim: TimKerja, pegawai_id: int | None) -> bool:
    """Whether ``pegawai_id`` acts as the pembentuk of a draft: he himself, or the Plt/Plh holding his
    post (timkerja PejabatPengganti, named by surat perintah) — as for the team's other decisions
    (resolver "pembentuk"), so a draft does not wait for a head who is away."""
    if pegawai_id is None:
        return False
    return pegawai_id == tim.pembentuk_id or pegawai_id == getattr(_plh_pembentuk(tim), "id", None)


def _delegasi_pemimpin(tim: TimKerja, pemimpin: dict[int, Pegawai]) -> set[int]:
    """Who holds the pengelolaan kinerja of the team's leaders by a delegation in force (kedudukan, with SK)."""
    from sikerja.kedudukan.selectors import data_delegasi

    nip = {p.nip for p in pemimpin.values()}
    kepada = {d.kepada for d in data_delegasi(tim.instansi) if d.wewenang == "pengelolaan_kinerja" and d.dari in nip}
    return set(Pegawai.objects.filter(instansi_id=tim.instansi_id, nip__in=kepada).values_list("id", flat=True))


def pengelola(tim: TimKerja) -> set[int]:
    """Who manages the team's membership and targets: the pembentuk, the signer and the PUO pemilik (or
    the Plt/Plh of their posts), and who holds their pengelolaan kinerja by delegation (Blitar Pasal 22
    huruf a: "pejabat yang mendapat delegasi")."""
    pemimpin = _pemimpin(tim)
    return set(pemimpin) | {i for i in (tim.penandatangan_id,) if i} | _delegasi_pemimpin(tim, pemimpin)


def mengelola(tim: TimKerja, pegawai_id: int | None) -> bool:
    """``pegawai_id in pengelola(tim)``, answered from the team's row for its pembentuk and signer (the
    usual viewers of its page) before looking up the PUO, the Plt/Plh and delegations."""
    if pegawai_id is None:
        return False
    return pegawai_id in (tim.pembentuk_id, tim.penandatangan_id) or pegawai_id in pengelola(tim)


def _peran_pertimbangan(tim: TimKerja, aktor: Pegawai) -> set[str]:
    """The Pasal 22 roles ``aktor`` holds for ``tim`` (TK-05): PUO, delegate, Sekretaris Daerah, Kepala Daerah."""
    peran: set[str] = set()
    pemimpin = _pemimpin(tim)
    if aktor.id in pemimpin:
        peran.add("puo")
    if aktor.id in _delegasi_pemimpin(tim, pemimpin):
        peran.add("delegasi")
    setda = UnitOrganisasi.objects.filter(instansi_id=tim.instansi_id, jenis="sekretariat_daerah",
                                          induk__isnull=True).values_list("id", flat=True).first()
    if setda and getattr(selectors.pejabat_unit([setda]).get(setda), "id", None) == aktor.id:
        peran.add("sekretaris_daerah")
    if tim.instansi.pyb_id == aktor.id:
        peran.add("kepala_daerah")
    return peran


def resolver(tim: TimKerja, peran: str) -> Pegawai | None:
    """Who holds a role of the lifecycle table on ``tim``."""
    # A decision waiting for a head who is away is taken by the Plt/Plh holding his post.
    if peran == "pembentuk":
        return _plh_pembentuk(tim)
    if peran == "penandatangan":
        return selectors.pengganti_untuk(tim.penandatangan or tim.pembentuk)
    return None


def tautan(tim: TimKerja) -> str:
    return reverse("timkerja:detail", args=[tim.pk])


def _boleh(tim: TimKerja, aksi: str, aktor: Pegawai) -> None:
    """The actor check of the table's general decisions (alur.AKTOR), done before jalankan."""
    if not alur.boleh(aksi, tim.status):
        raise alur_kerja.TransisiTidakSah(
            f"'{alur.TABEL.label_aksi.get(aksi, aksi)}' tidak dapat dilakukan pada tim berstatus "
            f"{tim.label_status.lower()}.")
    peran = alur.AKTOR.get(aksi)
    if peran == "penandatangan":
        ttd = tim.penandatangan or tim.pembentuk
        ok = aktor.id == ttd.id or aktor.id == getattr(selectors.pengganti_untuk(ttd), "id", None)
    elif peran == "pengelola":
        ok = mengelola(tim, aktor.id)
    else:
        return
    if not ok:
        raise TidakBerwenang(f"'{alur.TABEL.label_aksi.get(aksi, aksi)}' hanya dapat dilakukan oleh "
                             f"{alur.TABEL.nama_peran(peran)}.")


def _jalankan(tim: TimKerja, aksi: str, aktor: Pegawai, pengguna: Any, *, alasan: str = "",
              masukan: dict[str, Any] | None = None) -> TimKerja:
    """Move ``tim`` through the table (alur_kerja locks, re-reads, audits and notifies)."""
    tim.save()
    t = alur_kerja.jalankan(tabel=alur.TABEL, qs=TimKerja.objects.select_related("instansi", "unit_pemilik"),
                            pk=tim.pk, aksi=aksi, aktor=aktor, resolver=resolver, efek=EFEK, pengguna=pengguna,
                            alasan=alasan, masukan=masukan or {}, tautan=tautan,
                            tidak_ditemukan="Tim kerja tidak ditemukan.")
    return t.subjek  # type: ignore[no-any-return]


def _catat(tim: TimKerja, *, aksi: str, aktor: Pegawai, pengguna: Any = None, alasan: str = "",
           dasar_hukum: str = "", data: dict[str, Any] | None = None) -> None:
    """An audit entry for an event that does not move the state (pola re-derived, kendala, report)."""
    jejak.catat(subjek=tim, aksi=aksi, dari=tim.status, ke=tim.status, aktor=aktor, pengguna=pengguna,
                alasan=alasan, dasar_hukum=dasar_hukum, data=data)


def _kirim(tim: TimKerja, penerima: Sequence[Pegawai | None], pesan: str, *, tindakan: bool = False) -> None:
    kotak_masuk.kirim(penerima=penerima, subjek=tim, jenis="tindakan" if tindakan else "info", pesan=pesan,
                      tautan=tautan(tim))


# --- letters (effects of the table) ---------------------------------------------------


def _daftar_anggota(anggota: list[AnggotaTim]) -> list[dict[str, str]]:
    return [{"nama": x.pegawai.nama + (" (ketua tim)" if x.tim.ketua_id == x.pegawai_id else ""),
             "nip": x.pegawai.nip, "jabatan": x.pegawai.jabatan, "unit": x.pegawai.unit.nama,
             "beban": f"{x.porsi_persen}%"} for x in anggota]


def _terbitkan(tim: TimKerja, penandatangan: Pegawai, *, perihal: str, paragraf: list[str], kepada: list[Pegawai],
               tembusan: list[Pegawai], rincian: list[tuple[str, str]] | None = None,
               pegawai: list[dict[str, str]] | None = None, anggota: bool = False) -> Surat:
    """One letter of the team, of the kind its instrument is (TK-04; a member's letter: the profile's
    member instrument, Blitar Pasal 22); every letter after the founding one names it ("a new letter
    names the one it amends")."""
    a = _aturan(tim)
    ins = aturan.instrumen_anggota(a, tim.pola) if anggota else aturan.instrumen(a, tim.pola)
    kode = alur.JENIS_SURAT.get(ins.jenis, alur.JENIS_SURAT["surat_penugasan"])[0]
    rincian = list(rincian or [])
    if tim.surat_dasar is not None:
        paragraf = [*paragraf, f"Surat ini merupakan perubahan atas surat pembentukan {tim.nama} nomor "
                               f"{tim.surat_dasar.nomor}."]
        rincian.append(("Mengubah", f"{tim.surat_dasar.get_jenis_display()} nomor {tim.surat_dasar.nomor}"))
    rincian.append(("Dasar", ins.dasar))
    return surat_services.terbitkan(subjek=tim, jenis=kode, penandatangan=penandatangan, kepada=kepada,
                                    tembusan=tembusan, perihal=perihal[:300], paragraf=paragraf, rincian=rincian,
                                    pegawai=pegawai)


def _surat_pembentukan(tim: TimKerja, aktor: Pegawai) -> Surat:
    ins = aturan.instrumen(_aturan(tim), tim.pola)
    anggota = list(tim.anggota.filter(status="aktif").select_related("pegawai__unit", "ppk_asal", "tim"))
    koordinasi = (f"Ketua tim: {tim.ketua.nama}" if tim.ketua else
                  f"Tanpa ketua; titik koordinasi: {tim.koordinator.nama} ({tim.alasan_tanpa_ketua})")
    return _terbitkan(
        tim, aktor, perihal=f"Pembentukan {tim.nama}",
        paragraf=[f"Dengan {ins.label} ini dibentuk {tim.nama} ({aturan.POLA[tim.pola].lower()}) pada "
                  f"{tim.unit_pemilik.nama} sebagai unit pemilik kinerja, untuk mencapai target: "
                  f"{'; '.join(tim.target)}.", koordinasi + "."],
        kepada=[x.pegawai for x in anggota] + ([tim.ketua] if tim.ketua else []),
        tembusan=[tim.pembentuk] + [x.ppk_asal for x in anggota if x.ppk_asal],
        rincian=[("Masa kerja", f"{surat_services.tanggal_id(tim.masa_mulai)} s.d. "
                                f"{surat_services.tanggal_id(tim.masa_selesai)}"),
                 ("Tujuan", tim.tujuan)] if tim.tujuan else
                [("Masa kerja", f"{surat_services.tanggal_id(tim.masa_mulai)} s.d. "
                                f"{surat_services.tanggal_id(tim.masa_selesai)}")],
        pegawai=_daftar_anggota(anggota))


def _efek_tetapkan(tim: TimKerja, k: alur_kerja.Konteks) -> alur_kerja.Hasil:
    # The members named in the founding instrument are assigned with its signer's pertimbangan (TK-05).
    tim.anggota.filter(status="aktif", pertimbangan_oleh__isnull=True).update(pertimbangan_oleh=k.aktor)
    s = _surat_pembentukan(tim, k.aktor)
    tim.surat_dasar = s
    ada_anggota = tim.anggota.filter(status="aktif").exists()
    return alur_kerja.Hasil(ke="aktif" if ada_anggota else "dibentuk", surat=[s],
                            data={"instrumen": tim.jenis_instrumen, "pola": tim.pola})


def _efek_ajukan(tim: TimKerja, k: alur_kerja.Konteks) -> alur_kerja.Hasil:
    if (tim.penandatangan_id or tim.pembentuk_id) == k.aktor.id:
        return _efek_tetapkan(tim, k)
    return alur_kerja.Hasil(ke="menunggu_penetapan", data={"penandatangan": tim.penandatangan_id})


def _efek_surat_perubahan(tim: TimKerja, k: alur_kerja.Konteks) -> alur_kerja.Hasil:
    m = k.masukan
    s = _terbitkan(tim, tim.penandatangan or k.aktor, perihal=m["perihal"], paragraf=m["paragraf"],
                   kepada=m.get("kepada", []), tembusan=m.get("tembusan", []), pegawai=m.get("pegawai"),
                   anggota=bool(m.get("surat_anggota")))
    return alur_kerja.Hasil(surat=[s], data=m.get("data", {}))


def _efek_data(tim: TimKerja, k: alur_kerja.Konteks) -> alur_kerja.Hasil:
    return alur_kerja.Hasil(data=dict(k.masukan.get("data", {})))


EFEK = {"tetapkan": _efek_tetapkan, "ajukan": _efek_ajukan, "surat_perubahan": _efek_surat_perubahan,
        "data": _efek_data}


def _tempat_anggota(tim: TimKerja) -> list[aturan.Tempat]:
    hasil = [selectors.tempat_unit(tim.unit_pemilik)]
    units: dict[int, aturan.Tempat] = {}
    for a in tim.anggota.filter(status="aktif").select_related("pegawai__unit"):
        if a.pegawai.unit_id not in units:
            units[a.pegawai.unit_id] = selectors.tempat_unit(a.pegawai.unit)
        hasil.append(units[a.pegawai.unit_id])
    if tim.ketua_id and tim.ketua is not None:
        hasil.append(selectors.tempat_pegawai(tim.ketua))
    return hasil


def _turunkan_pola(tim: TimKerja, aktor: Pegawai, pengguna: Any = None) -> None:
    """TK-POLA: re-derive the pola from the members and refuse one the profile does not allow (TK-01)."""
    pola = aturan.pola_dari(_tempat_anggota(tim))
    aturan.periksa_pola(_aturan(tim), pola)
    if pola != tim.pola:
        lama, tim.pola = tim.pola, pola
        tim.save(update_fields=["pola"])
        _catat(tim, aksi="catat", aktor=aktor, pengguna=pengguna, alasan=f"Pola berubah: {aturan.POLA[lama]} → "
               f"{aturan.POLA[pola]}", dasar_hukum=_aturan(tim).dasar("dasar_pola"), data={"dari": lama, "ke": pola})


def _periksa_data(d: DataTim) -> None:
    galat: dict[str, str] = {}
    d.target = [t.strip() for t in d.target if t and t.strip()]
    if not d.nama.strip():
        galat["nama"] = "Nama tim wajib diisi."
    elif len(d.nama) > 200:
        galat["nama"] = "Nama tim paling panjang 200 karakter."
    if not d.masa_mulai or not d.masa_selesai:
        galat["masa_mulai"] = "Masa kerja (mulai dan selesai) wajib diisi."
    elif d.masa_selesai < d.masa_mulai:
        galat["masa_selesai"] = "Tanggal selesai tidak boleh sebelum tanggal mulai."
    if d.jadwal_laporan not in dict(TimKerja.JADWAL):
        galat["jadwal_laporan"] = "Pilih jadwal laporan: mingguan, bulanan atau triwulanan."
    if galat:
        raise DataTidakLengkap(galat)


def _periksa_target(a: aturan.AturanTim, target: list[str]) -> None:
    """TK-08: a team serves at least one measurable target of the unit pemilik kinerja; the article is the
    profile's own (``tim_kerja.target.dasar``)."""
    if not target:
        raise AturanDilanggar("TK-08", "Tim kerja wajib dikaitkan dengan paling sedikit satu target kinerja "
                              "yang terukur dari unit pemilik kinerja", a.dasar("target", "dasar"))


# --- forming ------------------------------------------------------------------------


@_atomic
def buat_draf(*, pengguna: Any, data: DataTim) -> TimKerja:
    """`buat_draf` (KINERJA §1.7): the official holding the power to form teams in the unit (TK-11;
    Pasuruan's koordinator may not, TK-07) drafts a team for a target and a period."""
    aktor = _pegawai(pengguna)
    _periksa_data(data)
    unit = UnitOrganisasi.objects.filter(pk=data.unit_pemilik_id, instansi_id=aktor.instansi_id, aktif=True).first()
    if unit is None:
        raise DataTidakLengkap({"unit_pemilik": "Pilih unit pemilik kinerja di instansi Anda."})
    a = aturan.aturan_tim(aktor.instansi.profil)
    aturan.periksa_pembentuk(a, jenis_jabatan=aktor.jenis_jabatan,
                             memimpin_unit_pemilik=selectors.memimpin(aktor, unit),
                             koordinator_substansi=selectors.adalah_koordinator(aktor))
    _periksa_target(a, data.target)
    tim = TimKerja.objects.create(
        instansi_id=aktor.instansi_id, unit_pemilik=unit, pembentuk=aktor,
        nama=data.nama.strip(), tujuan=data.tujuan, target=data.target, masa_mulai=data.masa_mulai,
        masa_selesai=data.masa_selesai, justifikasi_target=data.justifikasi_target,
        justifikasi_beban=data.justifikasi_beban, justifikasi_kompetensi=data.justifikasi_kompetensi,
        jadwal_laporan=data.jadwal_laporan,
    )
    alur_kerja.mulai(tabel=alur.TABEL, subjek=tim, aktor=aktor, pengguna=pengguna, resolver=resolver,
                     tautan=tautan, aksi="buat_draf")
    return tim


def _penandatangan(tim: TimKerja, ins: aturan.Instrumen) -> Pegawai:
    """Who signs the founding instrument (TK-04): the PUO/PPK forming it, the Sekretaris Daerah, or the
    instansi's PyB who carries a Keputusan Kepala Daerah [P]."""
    if ins.penandatangan == "sekretaris_daerah":
        setda = UnitOrganisasi.objects.filter(instansi_id=tim.instansi_id, jenis="sekretariat_daerah",
                                              induk__isnull=True).values_list("id", flat=True).first()
        sekda = selectors.pejabat_unit([setda]).get(setda) if setda else None
        if sekda is None:
            raise TimKerjaError(f"Sekretaris Daerah belum tercatat di data organisasi; {ins.label} tim ini "
                                f"ditandatangani olehnya ({ins.dasar}). Hubungi admin instansi.")
        return sekda
    if ins.penandatangan == "kepala_daerah":
        if tim.instansi.pyb_id is None:
            raise TimKerjaError(f"Pejabat yang Berwenang belum ditetapkan; {ins.label} diproses melaluinya "
                                f"({ins.dasar}). Hubungi admin instansi.")
        return tim.instansi.pyb  # type: ignore[return-value]
    return tim.pembentuk


def _ketua_sah(tim: TimKerja, ketua: Pegawai, alasan_asal: str) -> str:
    """TK-02 and TK-03 for ``ketua`` on ``tim``; returns the warning to keep (or "")."""
    a = _aturan(tim)
    if tim.jenis == "tim_kerja_substansi":
        return ""
    aturan.periksa_jabatan_ketua(a, ketua.jenis_jabatan)
    peserta = _tempat_anggota(tim)
    tk = selectors.tempat_pegawai(ketua)
    pola = aturan.pola_dari([*peserta, tk])
    aturan.periksa_pola(a, pola)
    return aturan.periksa_asal_ketua(a, pola=pola, ketua=tk, pemilik=selectors.tempat_unit(tim.unit_pemilik),
                                     peserta=[*peserta, tk], alasan=alasan_asal)


def _simpan_peringatan(tim: TimKerja, kode: str, pesan: str) -> None:
    lain = [p for p in tim.peringatan if p.get("kode") != kode]
    tim.peringatan = lain + ([{"kode": kode, "pesan": pesan}] if pesan else [])


@_atomic
def tetapkan_ketua(*, pengguna: Any, tim_id: int, ketua_id: int | None, alasan_asal: str = "",
                   alasan: str = "", tanpa_ketua: bool = False) -> TimKerja:
    """Name the ketua of a draft (or, later, `ganti_ketua` with a new letter), or decide that none is
    needed: then the deciding official is the team's coordination point (KINERJA A-05, §1.4)."""
    aktor = _pegawai(pengguna)
    tim = _ambil(tim_id)
    a = _aturan(tim)
    if tim.status == "draf":
        if not bertindak_sebagai_pembentuk(tim, aktor.id):
            raise TidakBerwenang("Ketua tim pada draf ditentukan oleh pembentuk tim atau Plt/Plh jabatannya.")
    else:
        _boleh(tim, "ganti_ketua", aktor)
    lama = tim.ketua
    if tanpa_ketua or ketua_id is None:
        if not (alasan or "").strip():
            raise DataTidakLengkap({"alasan": "Tuliskan mengapa tim ini tidak memerlukan ketua."})
        tim.ketua, tim.tanpa_ketua, tim.titik_koordinasi = None, True, aktor
        tim.alasan_tanpa_ketua, tim.alasan_asal_ketua = alasan.strip(), ""
        _simpan_peringatan(tim, "TK-03", "")
        dasar = a.dasar("ketua", "dasar_tanpa_ketua")
    else:
        ketua = Pegawai.objects.filter(pk=ketua_id, aktif=True).select_related("unit").first()
        if ketua is None:
            raise DataTidakLengkap({"ketua": "Pegawai calon ketua tidak ditemukan."})
        if ketua.instansi_id != tim.instansi_id and not tim.anggota.filter(pegawai=ketua, status="aktif").exists():
            raise AnggotaTidakMemenuhi("TK-06", "Ketua dari instansi lain harus lebih dahulu menjadi anggota tim "
                                       "melalui surat penugasan lintas instansi", a.dasar("anggota_luar", "dasar"))
        peringatan = _ketua_sah(tim, ketua, alasan_asal)
        tim.ketua, tim.tanpa_ketua, tim.titik_koordinasi = ketua, False, None
        tim.alasan_asal_ketua = alasan_asal.strip() if peringatan else ""
        _simpan_peringatan(tim, "TK-03", peringatan)
        dasar = a.dasar("ketua", "dasar")
    RiwayatKetua.objects.filter(tim=tim, selesai__isnull=True).update(selesai=timezone.now())
    RiwayatKetua.objects.create(tim=tim, pegawai=tim.ketua, alasan=alasan or tim.alasan_asal_ketua)
    if tim.status == "draf":
        tim.save()
        return tim
    _turunkan_pola(tim, aktor, pengguna)
    baru = tim.ketua.nama if tim.ketua else f"tanpa ketua (titik koordinasi {aktor.nama})"
    return _jalankan(tim, "ganti_ketua", aktor, pengguna, alasan=alasan, masukan={
        "perihal": f"Penunjukan ketua {tim.nama}",
        "paragraf": [f"Menunjuk {baru} sebagai ketua {tim.nama}"
                     + (f", menggantikan {lama.nama}." if lama else ".")
                     + (f" Dasar: {dasar}." if dasar else "")],
        "kepada": [tim.ketua] if tim.ketua else [], "tembusan": [lama] if lama else [],
        "data": {"dari": lama.id if lama else None, "ke": tim.ketua_id, "dasar": dasar}})


def _dasar_luar(tim: TimKerja, pegawai: Pegawai, penugasan_id: int | None) -> Penugasan | None:
    """TK-06: a member from outside the unit pemilik enters only through an issued surat penugasan of a
    lintas-unit or lintas-instansi path that brought him (the team's own penugasan)."""
    a = _aturan(tim)
    dalam = pegawai.instansi_id == tim.instansi_id and selectors.tempat_pegawai(pegawai).di_bawah(tim.unit_pemilik_id)
    if dalam:
        return None
    if penugasan_id is None:
        raise AnggotaTidakMemenuhi(
            "TK-06", f"{pegawai.nama} berada di luar unit pemilik kinerja; ia hanya dapat menjadi anggota melalui "
            "surat penugasan dari permohonan pelibatan lintas unit/lintas instansi — ajukan permohonan dari "
            "halaman tim", a.dasar("anggota_luar", "dasar"))
    p = Penugasan.objects.filter(pk=penugasan_id, instansi_id=tim.instansi_id,
                                 jalur__in=("lintas_unit", "lintas_instansi")).first()
    if p is None or p.status != "ditugaskan" or not Penerima.objects.filter(penugasan=p, pegawai=pegawai).exists():
        raise AnggotaTidakMemenuhi(
            "TK-06", f"Permohonan pelibatan untuk {pegawai.nama} belum berakhir dengan surat penugasan yang terbit",
            a.dasar("anggota_luar", "dasar"))
    return p


def _kapasitas(tim: TimKerja) -> int:
    return tim.instansi.ambang_beban_kerja or _aturan(tim).kapasitas_persen


def _tambah(tim: TimKerja, aktor: Pegawai, d: DataAnggota, beban: selectors.Beban | None,
            pegawai: Pegawai | None, k: Any) -> tuple[AnggotaTim, list[str]]:
    a = _aturan(tim)
    if pegawai is None:
        raise DataTidakLengkap({"pegawai": "Pegawai tidak ditemukan atau tidak aktif."})
    if d.sumber == "sukarela":
        aturan.periksa_sukarela(a, instansi_tim=tim.instansi_id, instansi_pegawai=pegawai.instansi_id)
    if not (0 <= d.porsi_persen <= 100):
        raise DataTidakLengkap({"porsi_persen": f"Porsi waktu kerja {pegawai.nama} diisi 0–100 persen."})
    aturan.periksa_jabatan_anggota(a, pegawai.jenis_jabatan, substansi=tim.jenis == "tim_kerja_substansi")
    aturan.periksa_masukan_ketua(a, ada_ketua=tim.ketua_id is not None, masukan=d.masukan_ketua)
    # TK-01 before TK-06: a pattern the regulation lacks is refused before asking for a penugasan.
    aturan.periksa_pola(a, aturan.pola_dari([selectors.tempat_unit(tim.unit_pemilik), selectors.tempat_pegawai(pegawai)]))
    dasar = _dasar_luar(tim, pegawai, d.penugasan_id)
    assert beban is not None
    peringatan = aturan.periksa_kapasitas(a, nama=pegawai.nama, sesudah=beban.total + d.porsi_persen,
                                          kapasitas=beban.kapasitas, alasan=d.alasan_beban)
    anggota = AnggotaTim(
        tim=tim, pegawai=pegawai, unit_asal=pegawai.unit, instansi_asal=pegawai.instansi,
        ppk_asal=k.ppk if k else None, puo_asal=k.pimpinan_unit if k else None, peran=d.peran.strip()[:300],
        peran_oleh=aktor if d.peran.strip() else None,
        kompetensi_dibutuhkan=[x.strip() for x in d.kompetensi_dibutuhkan if x.strip()], porsi_persen=d.porsi_persen,
        mulai=tim.masa_mulai, selesai=tim.masa_selesai, dasar_penugasan=dasar, sumber=d.sumber,
        masukan_ketua=d.masukan_ketua, alasan_beban=d.alasan_beban if peringatan else "",
    )
    return anggota, [peringatan] if peringatan else []


@_atomic
def tambah_anggota(*, pengguna: Any, tim_id: int, anggota: list[DataAnggota]) -> list[AnggotaTim]:
    """Propose members on a draft or assign them to a formed/active team (`tugaskan_anggota`,
    `tambah_anggota`); the pola is re-derived and the member letter names the founding letter."""
    aktor = _pegawai(pengguna)
    tim = _ambil(tim_id)
    if tim.status == "draf":
        if not bertindak_sebagai_pembentuk(tim, aktor.id):
            raise TidakBerwenang("Anggota pada draf diusulkan oleh pembentuk tim atau Plt/Plh jabatannya.")
    else:
        _boleh(tim, "tugaskan_anggota", aktor)
    ids = [d.pegawai_id for d in anggota]
    if len(set(ids)) != len(ids):
        raise DataTidakLengkap({"pegawai": "Seorang pegawai tercantum lebih dari sekali."})
    sudah = set(tim.anggota.filter(pegawai_id__in=ids, status="aktif").values_list("pegawai__nama", flat=True))
    if sudah:
        raise DataTidakLengkap({"pegawai": f"Sudah menjadi anggota tim ini: {', '.join(sorted(sudah))}."})
    # One query each for the people and their workload, however many members are added.
    pegawai = Pegawai.objects.filter(pk__in=ids, aktif=True).select_related("unit", "instansi").in_bulk()
    beban = selectors.beban_pegawai(ids, tim.masa_mulai, tim.masa_selesai, kapasitas_bawaan=_kapasitas(tim))
    kedudukan = selectors.kedudukan_berlaku(ids)
    baru: list[AnggotaTim] = []
    peringatan: list[str] = []
    for d in anggota:
        x, w = _tambah(tim, aktor, d, beban.get(d.pegawai_id), pegawai.get(d.pegawai_id), kedudukan.get(d.pegawai_id))
        baru.append(x)
        peringatan += w
    AnggotaTim.objects.bulk_create(baru)
    _turunkan_pola(tim, aktor, pengguna)
    if tim.ketua_id and tim.ketua is not None:
        # A membership change can change the pola and so the ketua's origin rule (TK-03).
        _ketua_sah(tim, tim.ketua, tim.alasan_asal_ketua)
    pertimbangan = ""
    if tim.status != "draf":
        # TK-05: the member letter carries the pertimbangan of the official the (new) pola names.
        pertimbangan = aturan.periksa_pertimbangan(_aturan(tim), pola=tim.pola,
                                                   peran_aktor=_peran_pertimbangan(tim, aktor))
        AnggotaTim.objects.filter(pk__in=[x.pk for x in baru]).update(pertimbangan_oleh=aktor)
    if peringatan:
        _simpan_peringatan(tim, "TK-16", "; ".join(peringatan))
    if tim.status == "draf":
        tim.save()
        return baru
    for x in baru:
        x.tim = tim
    _jalankan(tim, "tugaskan_anggota", aktor, pengguna, masukan={
        "perihal": f"Penugasan anggota {tim.nama}",
        "paragraf": [f"Menugaskan pegawai tersebut di bawah sebagai anggota {tim.nama}."
                     + (f" Masukan ketua tim: {'; '.join(d.masukan_ketua for d in anggota if d.masukan_ketua)}."
                        if any(d.masukan_ketua for d in anggota) else "")
                     + (f" Dengan pertimbangan {aktor.nama} selaku {aturan.PERTIMBANGAN[pertimbangan]}."
                        if pertimbangan else "")],
        "kepada": [x.pegawai for x in baru], "tembusan": [x.ppk_asal for x in baru if x.ppk_asal],
        "pegawai": _daftar_anggota(baru), "surat_anggota": True,
        "data": {"anggota": [x.pegawai_id for x in baru], "peringatan": peringatan}})
    return baru


@_atomic
def lepas_anggota(*, pengguna: Any, tim_id: int, pegawai_id: int, alasan: str) -> AnggotaTim:
    aktor = _pegawai(pengguna)
    tim = _ambil(tim_id)
    _boleh(tim, "lepas_anggota", aktor)
    if not alasan.strip():
        raise DataTidakLengkap({"alasan": "Tuliskan alasan pelepasan anggota."})
    x = tim.anggota.filter(pegawai_id=pegawai_id, status="aktif").select_related("pegawai", "ppk_asal").first()
    if x is None:
        raise DataTidakLengkap({"pegawai": "Pegawai itu bukan anggota aktif tim ini."})
    x.status, x.alasan_lepas, x.selesai = "dilepas", alasan.strip(), max(timezone.localdate(), x.mulai)  # bukan-alur: keanggotaan
    x.save()
    if tim.ketua_id == pegawai_id:
        tim.ketua = None
    _turunkan_pola(tim, aktor, pengguna)
    _jalankan(tim, "lepas_anggota", aktor, pengguna, alasan=alasan, masukan={
        "perihal": f"Pelepasan anggota {tim.nama}",
        "paragraf": [f"Melepaskan {x.pegawai.nama} dari keanggotaan {tim.nama} karena {alasan.strip()}."],
        "kepada": [x.pegawai], "tembusan": [x.ppk_asal] if x.ppk_asal else [], "data": {"pegawai": pegawai_id}})
    return x


def _siap_ditetapkan(tim: TimKerja) -> None:
    a = _aturan(tim)
    _periksa_target(a, tim.target)
    _turunkan_pola(tim, tim.pembentuk)
    peringatan = aturan.periksa_justifikasi(a, {"target": tim.justifikasi_target, "beban_kerja": tim.justifikasi_beban,
                                                "kompetensi": tim.justifikasi_kompetensi})
    _simpan_peringatan(tim, "TK-09", "; ".join(peringatan))
    if tim.ketua_id and tim.ketua is not None:
        _ketua_sah(tim, tim.ketua, tim.alasan_asal_ketua)
    elif not tim.tanpa_ketua:
        raise DataTidakLengkap({"ketua": "Tunjuk ketua tim, atau putuskan bahwa tim tidak memerlukan ketua "
                                         f"({a.dasar('ketua', 'dasar_tanpa_ketua')})."})


@_atomic
def ajukan_pembentukan(*, pengguna: Any, tim_id: int) -> TimKerja:
    """Send the draft to the signer of the founding instrument when he is not the creator (Blitar
    lintas PD → Sekretaris Daerah; lintas instansi → Keputusan Kepala Daerah), or form it directly."""
    aktor = _pegawai(pengguna)
    tim = _ambil(tim_id)
    if tim.status != "draf":
        raise alur_kerja.TransisiTidakSah("Hanya draf yang dapat diajukan.")
    _siap_ditetapkan(tim)
    ins = aturan.instrumen(_aturan(tim), tim.pola)
    tim.penandatangan, tim.jenis_instrumen = _penandatangan(tim, ins), ins.jenis
    return _jalankan(tim, "ajukan_pembentukan", aktor, pengguna)


@_atomic
def tetapkan(*, pengguna: Any, tim_id: int) -> TimKerja:
    """The signer issues the founding instrument (TK-04) and the team is formed (active with members)."""
    aktor = _pegawai(pengguna)
    tim = _ambil(tim_id)
    if tim.status == "menunggu_penetapan":
        _siap_ditetapkan(tim)
    return _jalankan(tim, "tetapkan", aktor, pengguna)


@_atomic
def tolak(*, pengguna: Any, tim_id: int, alasan: str) -> TimKerja:
    aktor = _pegawai(pengguna)
    return _jalankan(_ambil(tim_id), "tolak", aktor, pengguna, alasan=alasan)


@_atomic
def bentuk_tim(*, pengguna: Any, data: DataTim, anggota: list[DataAnggota], ketua_id: int | None = None,
               alasan_asal_ketua: str = "", alasan_tanpa_ketua: str = "") -> TimKerja:
    """Draft, staff and submit in one step (the form's "simpan dan ajukan")."""
    tim = buat_draf(pengguna=pengguna, data=data)
    tambah_anggota(pengguna=pengguna, tim_id=tim.id, anggota=anggota)
    tetapkan_ketua(pengguna=pengguna, tim_id=tim.id, ketua_id=ketua_id, alasan_asal=alasan_asal_ketua,
                   alasan=alasan_tanpa_ketua, tanpa_ketua=ketua_id is None)
    return ajukan_pembentukan(pengguna=pengguna, tim_id=tim.id)  # type: ignore[no-any-return]


# --- changes ------------------------------------------------------------------------


def _anggota_aktif(tim: TimKerja) -> list[Pegawai]:
    return [x.pegawai for x in tim.anggota.filter(status="aktif").select_related("pegawai")]


@_atomic
def ubah_target(*, pengguna: Any, tim_id: int, target: list[str], alasan: str) -> TimKerja:
    """Audited with the reason; the apps above follow through ``daftar_setelah_ubah_target`` (siklus: in
    Magelang the Perjanjian Kinerja Pelaksanaan Kegiatan carrying the team's targets is amended as a new
    version with the reason, Lampiran II)."""
    aktor = _pegawai(pengguna)
    tim = _ambil(tim_id)
    _boleh(tim, "ubah_target", aktor)
    target = [t.strip() for t in target if t.strip()]
    _periksa_target(_aturan(tim), target)
    lama, tim.target = tim.target, target
    hasil = _jalankan(tim, "ubah_target", aktor, pengguna, alasan=alasan,
                      masukan={"data": {"dari": lama, "ke": target}})
    for fn in list(_setelah_ubah_target):
        fn(tim=hasil, aktor=aktor, pengguna=pengguna, alasan=alasan)
    return hasil


# fn(tim=, aktor=, pengguna=, alasan=) run in the same transaction after a team's targets changed.
_setelah_ubah_target: list[Any] = []


def daftar_setelah_ubah_target(fn: Any) -> Any:
    if fn not in _setelah_ubah_target:
        _setelah_ubah_target.append(fn)
    return fn


@_atomic
def perpanjang(*, pengguna: Any, tim_id: int, selesai_baru: date, alasan: str = "") -> TimKerja:
    aktor = _pegawai(pengguna)
    tim = _ambil(tim_id)
    _boleh(tim, "perpanjang", aktor)
    if selesai_baru <= tim.masa_selesai or selesai_baru < timezone.localdate():
        raise DataTidakLengkap({"masa_selesai": "Tanggal selesai baru harus setelah masa kerja sekarang dan "
                                                "tidak sebelum hari ini."})
    lama, tim.masa_selesai = tim.masa_selesai, selesai_baru
    tim.anggota.filter(status="aktif", selesai=lama).update(selesai=selesai_baru)
    return _jalankan(tim, "perpanjang", aktor, pengguna, alasan=alasan, masukan={
        "perihal": f"Perpanjangan masa kerja {tim.nama}",
        "paragraf": [f"Memperpanjang masa kerja {tim.nama} sampai {surat_services.tanggal_id(selesai_baru)}."],
        "kepada": _anggota_aktif(tim), "data": {"dari": str(lama), "ke": str(selesai_baru)}})


@_atomic
def tutup(*, pengguna: Any, tim_id: int) -> TimKerja:
    aktor = _pegawai(pengguna)
    tim = _ambil(tim_id)
    _boleh(tim, "tutup", aktor)
    return _jalankan(tim, "tutup", aktor, pengguna)


@_atomic
def bubarkan(*, pengguna: Any, tim_id: int, alasan: str) -> TimKerja:
    aktor = _pegawai(pengguna)
    tim = _ambil(tim_id)
    _boleh(tim, "bubarkan", aktor)
    return _jalankan(tim, "bubarkan", aktor, pengguna, alasan=alasan, masukan={
        "perihal": f"Pembubaran {tim.nama}", "paragraf": [f"Membubarkan {tim.nama} karena {alasan.strip()}."],
        "kepada": _anggota_aktif(tim)})


@_atomic
def buat_tim_substansi(*, koordinator: Pegawai) -> TimKerja | None:
    """TK-07 (Pasuruan): the koordinator pengawas is automatically ketua of the tim kerja substansi of
    the JF/pelaksana he coordinates; built from kedudukan, not by a form."""
    from sikerja.kedudukan.selectors import dikoordinasi_oleh

    a = aturan.aturan_tim(koordinator.instansi.profil)
    if not a.get("koordinator", "otomatis_ketua_substansi", default=False):
        return None
    hari = timezone.localdate()
    tim = TimKerja.objects.filter(instansi_id=koordinator.instansi_id, jenis="tim_kerja_substansi",
                                  ketua=koordinator, status__in=alur.BERJALAN).first()
    if tim is None:
        tim = TimKerja.objects.create(
            instansi_id=koordinator.instansi_id, jenis="tim_kerja_substansi", ketua=koordinator,
            unit_pemilik_id=koordinator.unit_id, pembentuk=koordinator, penandatangan=koordinator,
            nama=f"Tim kerja substansi {koordinator.unit.nama}", target=[f"Target kinerja {koordinator.unit.nama}"],
            masa_mulai=hari, masa_selesai=date(hari.year, 12, 31))
        RiwayatKetua.objects.create(tim=tim, pegawai=koordinator, alasan=a.dasar("koordinator", "dasar"))
        alur_kerja.mulai(tabel=alur.TABEL, subjek=tim, aktor=koordinator, resolver=resolver, awal="aktif",
                         tautan=tautan, aksi="buat_draf")
    ada = set(tim.anggota.filter(status="aktif").values_list("pegawai_id", flat=True))
    for p in dikoordinasi_oleh(koordinator):
        if p.id not in ada:
            k = kedudukan_pegawai(p)
            AnggotaTim.objects.create(tim=tim, pegawai=p, unit_asal=p.unit, instansi_asal_id=p.instansi_id,
                                      ppk_asal=k.ppk if k else None, puo_asal=k.pimpinan_unit if k else None,
                                      mulai=tim.masa_mulai, selesai=tim.masa_selesai)
    return tim


# --- lintas-unit request from the team page -----------------------------------------


def mulai_permohonan_lintas_unit(*, pengguna: Any, tim_id: int, ppk_tujuan_id: int, uraian_tugas: str,
                                 kompetensi_dibutuhkan: str, jumlah: int = 1) -> Penugasan:
    """Start penugasan's lintas-unit path for this team (TK-06): the surat penugasan it ends with is the
    only way a pegawai of another unit becomes a member."""
    aktor = _pegawai(pengguna)
    tim = _ambil(tim_id, kunci=False)
    if not mengelola(tim, aktor.id):
        raise TidakBerwenang("Permohonan pelibatan untuk tim dikirim oleh pimpinan unit organisasi pemilik kinerja.")
    data = penugasan_services.DataPenugasan(
        judul=f"Pelibatan anggota {tim.nama}"[:200], mulai=tim.masa_mulai, selesai=tim.masa_selesai,
        maksud_tujuan=tim.tujuan or f"Pencapaian target {tim.unit_pemilik.nama}", uraian_tugas=uraian_tugas,
        kompetensi_dibutuhkan=kompetensi_dibutuhkan, target_kinerja=list(tim.target), bentuk="tim",
        jumlah_dibutuhkan=jumlah)
    try:
        return penugasan_services.buat_penunjukan_lintas_unit(pengguna=pengguna, data=data,
                                                              ppk_tujuan_id=ppk_tujuan_id)
    except penugasan_services.PenugasanError as e:
        raise TimKerjaError(e.pesan) from e


# Read on every visit of a team page by those who manage it: prepared once (sikerja.kueri).
_permohonan_tim: KueriSiap[Penugasan] = KueriSiap(lambda instansi_id, judul, mulai: (
    Penugasan.objects.filter(instansi_id=instansi_id, judul=judul, mulai=mulai).prefetch_related("penerima__pegawai")))


def permohonan_tim(tim: TimKerja) -> list[Penugasan]:
    """The lintas-unit requests started for this team (matched by title and period)."""
    return _permohonan_tim(instansi_id=tim.instansi_id, judul=f"Pelibatan anggota {tim.nama}"[:200],
                           mulai=tim.masa_mulai)


# --- kendala ------------------------------------------------------------------------


def _penerima_kendala(tim: TimKerja, lingkup: str) -> list[Pegawai]:
    """KINERJA §1.8: the PUO pemilik kinerja; when several PUO must act, each member's PUO; across
    instansi, also the pimpinan (PyB) of each participating instansi."""
    puo = selectors.puo_pemilik(tim)
    hasil = [puo] if puo else []
    if lingkup in ("setiap_puo", "pimpinan_instansi"):
        hasil += [x.puo_asal for x in tim.anggota.filter(status="aktif").select_related("puo_asal") if x.puo_asal]
    if lingkup == "pimpinan_instansi":
        from sikerja.organisasi.models import Instansi

        ids = set(tim.anggota.filter(status="aktif").values_list("instansi_asal_id", flat=True)) | {tim.instansi_id}
        hasil += [i.pyb for i in Instansi.objects.filter(id__in=ids).select_related("pyb") if i.pyb]
    return list(dict.fromkeys(hasil))


@_atomic
def ajukan_kendala(*, pengguna: Any, tim_id: int, judul: str, uraian: str, alternatif: list[str],
                   lingkup: str = "pemilik") -> Kendala:
    aktor = _pegawai(pengguna)
    tim = _ambil(tim_id, kunci=False)
    a = _aturan(tim)
    anggota = tim.anggota.filter(pegawai=aktor, status="aktif").exists()
    if not (anggota or aktor.id == tim.koordinator.id):
        raise TidakBerwenang("Kendala diajukan oleh ketua atau anggota tim.")
    if tim.status not in alur.BERJALAN:
        raise alur_kerja.TransisiTidakSah("Kendala hanya dapat diajukan oleh tim yang sedang berjalan.")
    alternatif = [x.strip() for x in alternatif if x.strip()]
    galat = {}
    if not judul.strip():
        galat["judul"] = "Judul kendala wajib diisi."
    if not uraian.strip():
        galat["uraian"] = "Uraikan permasalahan/kendala."
    if not alternatif:
        galat["alternatif"] = "Sertakan paling sedikit satu alternatif rekomendasi."
    if lingkup == "pimpinan_instansi" and tim.pola != "lintas_instansi":
        galat["lingkup"] = "Kendala kepada pimpinan instansi hanya untuk tim lintas instansi."
    if lingkup not in dict(Kendala._meta.get_field("lingkup").choices or []):
        galat["lingkup"] = "Pilih tujuan kendala."
    if galat:
        raise DataTidakLengkap(galat)
    k = Kendala.objects.create(tim=tim, pengaju=aktor, judul=judul.strip()[:200], uraian=uraian.strip(),
                               alternatif=alternatif, lingkup=lingkup, dasar_hukum=a.dasar("kendala", "dasar"))
    tujuan = _penerima_kendala(tim, lingkup)
    k.tujuan.set(tujuan)
    _kirim(tim, tujuan, f"Kendala {tim.nama}: {k.judul}", tindakan=True)
    _catat(tim, aksi="catat", aktor=aktor, pengguna=pengguna, alasan=f"Kendala diajukan: {k.judul}",
           dasar_hukum=k.dasar_hukum, data={"kendala": k.id})
    return k


def _efek_putuskan_kendala(k: Kendala, ctx: alur_kerja.Konteks) -> alur_kerja.Hasil:
    """Record the decision row, forward to each member's PUO (teruskan); return the target."""
    tindakan, opsi = ctx.keputusan.aksi, ctx.masukan.get("opsi")
    if tindakan == "putuskan" and (opsi is None or not (0 <= opsi < len(k.alternatif))):
        raise DataTidakLengkap({"opsi": "Pilih salah satu alternatif rekomendasi."})
    KeputusanKendala.objects.create(kendala=k, pejabat=ctx.aktor, tindakan=tindakan,
                                    opsi=opsi if tindakan == "putuskan" else None, alasan=ctx.alasan)
    if tindakan == "teruskan":
        baru = _penerima_kendala(k.tim, "setiap_puo")
        k.tujuan.add(*baru)
        _kirim(k.tim, baru, f"Kendala diteruskan: {k.judul}", tindakan=True)
    return alur_kerja.Hasil(ke=ctx.keputusan.ke[0], data={"tindakan": tindakan, "opsi": opsi})


def _tabel_kendala(k: Kendala) -> TabelStatus:
    # The legal basis is the profile's (tim_kerja.kendala.dasar), copied onto the kendala when raised.
    return replace(alur.TABEL_KENDALA, dasar_hukum=k.dasar_hukum or alur.TABEL_KENDALA.dasar_hukum)


@_atomic
def putuskan_kendala(*, pengguna: Any, kendala_id: int, tindakan: str, alasan: str, opsi: int | None = None) -> Kendala:
    """Record a decision: which option and why (putuskan), forwarding to each member's PUO (teruskan),
    follow-up (tindaklanjuti) or closing (tutup) -- through alur.TABEL_KENDALA."""
    aktor = _pegawai(pengguna)
    k = Kendala.objects.filter(pk=kendala_id).first()
    if k is None:
        raise TimTidakDitemukan("Kendala tidak ditemukan.")
    # The Plt/Plh of an addressee's post decides while he is away.
    if not (k.tujuan.filter(pk=aktor.pk).exists()
            or any(getattr(selectors.pengganti_untuk(t), "id", None) == aktor.id for t in k.tujuan.all())):
        raise TidakBerwenang("Kendala ini diputuskan oleh pimpinan unit organisasi yang dituju.")
    t = alur_kerja.jalankan(tabel=_tabel_kendala, qs=Kendala.objects.all(), pk=kendala_id, aksi=tindakan,
                            aktor=aktor, resolver=lambda _s, _p: None, efek={"putuskan_kendala": _efek_putuskan_kendala},
                            pengguna=pengguna, alasan=alasan, masukan={"opsi": opsi},
                            tidak_ditemukan="Kendala tidak ditemukan.")
    k = t.subjek
    kotak_masuk.tutup_tindakan(subjek=k.tim, penerima_id=aktor.id)
    _kirim(k.tim, [k.pengaju], f"Kendala {k.judul}: {k.status}")
    pilihan = f" — opsi: {k.alternatif[opsi]}" if opsi is not None and tindakan == "putuskan" else ""
    _catat(k.tim, aksi="catat", aktor=aktor, pengguna=pengguna, alasan=f"Kendala {k.status}{pilihan}: {alasan}",
           dasar_hukum=k.dasar_hukum, data={"kendala": k.id, "tindakan": tindakan, "opsi": opsi})
    return k  # type: ignore[no-any-return]


# --- reports ------------------------------------------------------------------------


def _periksa_bukti(daftar: list[Berkas]) -> None:
    berkas.periksa(daftar, tipe=BUKTI_TIPE, maks_byte=BUKTI_MAKS_BYTE, maks_jumlah=BUKTI_MAKS_JUMLAH,
                   galat=BuktiTidakSah, per="per laporan")


@_atomic
def kirim_laporan(*, pengguna: Any, tim_id: int, jenis: str, periode_mulai: date, periode_selesai: date,
                  progres: str, capaian_persen: int = 0, kendala: str = "", langkah_berikut: str = "",
                  anggota_id: int | None = None, permintaan_id: int | None = None,
                  bukti: list[Berkas] | None = None) -> LaporanTim:
    """Member → ketua, ketua → PUO (Blitar: also each member's PPK, Pasal 21(2)), ketua → a member's PPK
    (laporan kinerja anggota, TK-13); structured, with evidence files."""
    aktor = _pegawai(pengguna)
    tim = _ambil(tim_id, kunci=False)
    a = _aturan(tim)
    if tim.status not in (*alur.BERJALAN, "selesai"):
        raise alur_kerja.TransisiTidakSah("Laporan dikirim oleh tim yang sudah dibentuk.")
    galat: dict[str, str] = {}
    if not progres.strip():
        galat["progres"] = "Uraikan progres terhadap target."
    if periode_selesai < periode_mulai:
        galat["periode_selesai"] = "Akhir periode tidak boleh sebelum awalnya."
    if not (0 <= capaian_persen <= 100):
        galat["capaian_persen"] = "Capaian diisi 0–100 persen."
    if galat:
        raise DataTidakLengkap(galat)
    koordinator = tim.koordinator
    anggota = None
    if jenis == "anggota_ke_ketua":
        if not tim.anggota.filter(pegawai=aktor, status="aktif").exists():
            raise LaporanTidakSah("TK-14", "Laporan anggota dikirim oleh anggota tim kepada ketua tim",
                                  a.dasar("laporan", "dasar_anggota"))
        penerima = [koordinator]
        dasar = a.dasar("laporan", "dasar_anggota")
    elif jenis in ("ketua_ke_puo", "kinerja_anggota"):
        if aktor.id != koordinator.id:
            raise LaporanTidakSah("TK-14", "Laporan tim kepada pimpinan unit organisasi dikirim oleh ketua tim",
                                  a.dasar("laporan", "dasar_ketua"))
        puo = selectors.puo_pemilik(tim)
        if jenis == "ketua_ke_puo":
            penerima = [puo] if puo else []
            dasar = a.dasar("laporan", "dasar_ketua")
            if a.get("laporan", "ketua_ke_ppk_anggota", default=False):
                penerima += [x.ppk_asal for x in tim.anggota.filter(status="aktif").select_related("ppk_asal")
                             if x.ppk_asal]
                dasar += "; " + a.dasar("laporan", "dasar_ppk_anggota")
        else:
            anggota = tim.anggota.filter(pegawai_id=anggota_id or 0).select_related("pegawai", "ppk_asal",
                                                                                      "puo_asal").first()
            if anggota is None:
                raise DataTidakLengkap({"anggota": "Pilih anggota yang dilaporkan kinerjanya."})
            penerima = [x for x in (anggota.ppk_asal, anggota.puo_asal) if x]
            dasar = a.dasar("laporan", "dasar_ppk_anggota")
    else:
        raise DataTidakLengkap({"jenis": "Pilih jenis laporan."})
    permintaan = None
    if permintaan_id is not None:
        permintaan = PermintaanLaporan.objects.filter(pk=permintaan_id, tim=tim, sasaran=aktor).first()
        if permintaan is None:
            raise DataTidakLengkap({"permintaan": "Permintaan laporan itu tidak ditujukan kepada Anda."})
        penerima.append(permintaan.peminta)
    daftar = bukti or []
    _periksa_bukti(daftar)
    lap = LaporanTim.objects.create(
        tim=tim, jenis=jenis, pelapor=aktor, anggota=anggota.pegawai if anggota else None, permintaan=permintaan,
        periode_mulai=periode_mulai, periode_selesai=periode_selesai, capaian_persen=capaian_persen,
        progres=progres.strip(), kendala=kendala.strip(), langkah_berikut=langkah_berikut.strip(), dasar_hukum=dasar)
    penerima = [p for p in dict.fromkeys(penerima) if p and p.id != aktor.id]
    lap.penerima.set(penerima)
    BuktiLaporan.objects.bulk_create([
        BuktiLaporan(laporan=lap, nama=b.nama[:200], ukuran=len(b.isi), isi=b.isi,
                     jenis_konten=berkas.jenis_konten(b.nama)) for b in daftar])
    _kirim(tim, list(penerima), f"Laporan {dict(LaporanTim.JENIS)[jenis]}: {tim.nama}")
    if permintaan is not None:
        kotak_masuk.tutup_tindakan(subjek=tim, penerima_id=aktor.id)
    _catat(tim, aksi="catat", aktor=aktor, pengguna=pengguna, alasan=f"Laporan: {dict(LaporanTim.JENIS)[jenis]}",
           dasar_hukum=dasar, data={"laporan": lap.id, "jenis": jenis})
    return lap


@_atomic
def minta_laporan(*, pengguna: Any, tim_id: int, sasaran_id: int, batas_waktu: date, lingkup: str = "") -> PermintaanLaporan:
    """On-demand report request from the PUO (TK-14): to the ketua and/or a member; Magelang: ketua only."""
    aktor = _pegawai(pengguna)
    tim = _ambil(tim_id, kunci=False)
    a = _aturan(tim)
    if not mengelola(tim, aktor.id):
        raise TidakBerwenang("Laporan sewaktu-waktu diminta oleh pimpinan unit organisasi",
                             a.dasar("laporan", "sewaktu_waktu", "dasar"))
    if sasaran_id == tim.koordinator.id and tim.ketua_id:
        sasaran = "ketua"
    elif tim.anggota.filter(pegawai_id=sasaran_id, status="aktif").exists():
        sasaran = "anggota"
    else:
        raise DataTidakLengkap({"sasaran": "Pilih ketua atau anggota tim ini."})
    aturan.periksa_sasaran_permintaan(a, sasaran)
    if batas_waktu < timezone.localdate():
        raise DataTidakLengkap({"batas_waktu": "Batas waktu tidak boleh sebelum hari ini."})
    p = PermintaanLaporan.objects.create(tim=tim, peminta=aktor, sasaran_id=sasaran_id, batas_waktu=batas_waktu,
                                         lingkup=lingkup.strip()[:300])
    _kirim(tim, [p.sasaran], f"Permintaan laporan {tim.nama} paling lambat {batas_waktu:%d-%m-%Y}", tindakan=True)
    _catat(tim, aksi="catat", aktor=aktor, pengguna=pengguna, alasan=f"Permintaan laporan kepada {p.sasaran.nama}",
           dasar_hukum=a.dasar("laporan", "sewaktu_waktu", "dasar"), data={"permintaan": p.id})
    return p


def sinkron_tim_substansi(instansi: Any) -> None:
    """TK-07: where the profile makes the koordinator pengawas ketua of his tim kerja substansi
    (Pasuruan), keep one running substansi team per koordinator in kedudukan, with the JF/pelaksana
    he coordinates as members (run after every organisation import or change)."""
    a = aturan.aturan_tim(instansi.profil)
    if not a.get("koordinator", "otomatis_ketua_substansi", default=False):
        return
    from sikerja.kedudukan.selectors import berlaku

    koordinator = set(berlaku(instansi).filter(koordinator__isnull=False, pegawai__aktif=True)
                      .values_list("koordinator_id", flat=True))
    ada = set(TimKerja.objects.filter(instansi=instansi, jenis="tim_kerja_substansi", status__in=alur.BERJALAN,
                                      ketua_id__in=koordinator).values_list("ketua_id", flat=True))
    for p in Pegawai.objects.filter(id__in=koordinator - ada, aktif=True).select_related("unit", "instansi"):
        buat_tim_substansi(koordinator=p)


def setelah_perubahan_organisasi(instansi: Any, laporan: Any = None) -> None:
    """Hook of organisasi.kait: flag teams whose PUO changed now (cheap), and rebuild Pasuruan's
    substansi teams in the background after commit, so an import of a large instansi is not slowed."""
    tandai_perubahan_puo(instansi)
    if aturan.aturan_tim(instansi.profil).get("koordinator", "otomatis_ketua_substansi", default=False):
        from .tasks import sinkron_substansi

        antrekan_setelah_commit(sinkron_substansi, instansi.pk)


def tandai_perubahan_puo(instansi: Any) -> None:
    """TK-12: after an organisation change or a Plt taking the post, flag teams whose PUO pemilik is no
    longer the one who delegated coordination to the ketua (Perwal Blitar 6/2023 Pasal 21 ayat (3);
    KINERJA §1.9 "mutasi, Plt"; others [P]). A Plh (a short absence) does not."""
    tim = list(TimKerja.objects.filter(instansi=instansi, status__in=alur.BERJALAN, ketua__isnull=False,
                                       perlu_konfirmasi=False, jenis="tim_kerja")
               .only("id", "unit_pemilik_id", "pembentuk_id", "penandatangan_id"))
    if not tim:
        return
    units = {t.unit_pemilik_id for t in tim}
    kepala = dict(Pegawai.objects.filter(unit_id__in=units, kepala_unit=True, aktif=True)
                  .values_list("unit_id", "id"))
    kepala.update(selectors.pengganti_berlaku().filter(unit_id__in=units, jenis="plt").values_list("unit_id",
                                                                                                "pegawai_id"))
    berubah = [t.id for t in tim if t.unit_pemilik_id in kepala
               and kepala[t.unit_pemilik_id] not in (t.pembentuk_id, t.penandatangan_id)]
    TimKerja.objects.filter(id__in=berubah).update(perlu_konfirmasi=True)

# --- roles, capacity, reminders -------------------------------------------------------


@_atomic
def atur_peran(*, pengguna: Any, tim_id: int, pegawai_id: int, peran: str,
               kompetensi_dibutuhkan: list[str] | None = None, porsi_persen: int | None = None,
               alasan_beban: str = "") -> AnggotaTim:
    """TK-10: the ketua (or, without a ketua, the coordination point) divides the roles by competency
    (e.g. Perbup Karangasem 15/2023 Pasal 18 ayat (4) huruf b); changes are audited."""
    aktor = _pegawai(pengguna)
    tim = _ambil(tim_id)
    if aktor.id != tim.koordinator.id:
        raise TidakBerwenang("Pembagian peran anggota dilakukan oleh ketua tim (atau titik koordinasi bila tanpa "
                             "ketua)", _aturan(tim).dasar("ketua", "dasar_peran"))
    if tim.status in alur.AKHIR:
        raise alur_kerja.TransisiTidakSah("Tim sudah berakhir; peran tidak dapat diubah.")
    x = tim.anggota.filter(pegawai_id=pegawai_id, status="aktif").select_related("pegawai").first()
    if x is None:
        raise DataTidakLengkap({"pegawai": "Pegawai itu bukan anggota aktif tim ini."})
    if not peran.strip():
        raise DataTidakLengkap({"peran": "Tuliskan peran (hasil) anggota."})
    lama = {"peran": x.peran, "porsi_persen": x.porsi_persen}
    x.peran, x.peran_oleh = peran.strip()[:300], aktor
    if kompetensi_dibutuhkan is not None:
        x.kompetensi_dibutuhkan = [k.strip() for k in kompetensi_dibutuhkan if k.strip()]
    if porsi_persen is not None and porsi_persen != x.porsi_persen:
        if not (0 <= porsi_persen <= 100):
            raise DataTidakLengkap({"porsi_persen": "Porsi waktu kerja diisi 0–100 persen."})
        beban = selectors.beban_pegawai([pegawai_id], tim.masa_mulai, tim.masa_selesai,
                                        kapasitas_bawaan=_kapasitas(tim), kecuali_tim=tim.id)[pegawai_id]
        w = aturan.periksa_kapasitas(_aturan(tim), nama=x.pegawai.nama, sesudah=beban.total + porsi_persen,
                                     kapasitas=beban.kapasitas, alasan=alasan_beban)
        x.porsi_persen, x.alasan_beban = porsi_persen, alasan_beban if w else x.alasan_beban
    x.save()
    _catat(tim, aksi="catat", aktor=aktor, pengguna=pengguna, alasan=f"Peran {x.pegawai.nama}: {x.peran}",
           data={"pegawai": pegawai_id, "dari": lama, "ke": {"peran": x.peran, "porsi_persen": x.porsi_persen}})
    return x


def penentu_peran(tim: TimKerja) -> int | None:
    """TK-10: who divides the roles — the ketua, or without one the official who decided none is
    needed (the coordination point); None while that is undecided (a draft)."""
    if tim.ketua_id:
        return tim.ketua_id
    return tim.titik_koordinasi_id if tim.tanpa_ketua else None


def tanpa_peran(tim: TimKerja, aktif: list[AnggotaTim] | None = None) -> list[AnggotaTim]:
    """TK-10: members whose role is missing or was not set by the ketua (a role written by the
    pembentuk while staffing is a proposal); a kegiatan of the team cannot start until this is empty.
    ``aktif``: the active members when the caller has them already (with their pegawai)."""
    penentu = penentu_peran(tim)
    if aktif is None:
        aktif = list(tim.anggota.filter(status="aktif").select_related("pegawai"))
    return [x for x in aktif if not x.peran or x.peran_oleh_id != penentu or penentu is None]


def periksa_peran(tim: TimKerja) -> None:
    """TK-10 as a refusal (for siklus: ``tetapkan_rincian``/mulai pelaksanaan of a team kegiatan)."""
    kurang = tanpa_peran(tim)
    if kurang:
        a = _aturan(tim)
        raise AturanDilanggar(
            "TK-10", "Pembagian peran anggota tim berdasarkan kompetensi dilakukan oleh ketua tim (atau titik "
            "koordinasi bila tanpa ketua) sebelum kegiatan dimulai; belum ditetapkan ketua untuk: "
            + ", ".join(x.pegawai.nama for x in kurang), a.dasar("ketua", "dasar_peran"))


@_atomic
def atur_kapasitas(*, pengguna: Any, baris: list[tuple[str, int]], sumber: str = "Analisis Beban Kerja") -> int:
    """Import capacities from the instansi's Analisis Beban Kerja [D] (admin instansi / BKPSDM): rows of
    (NIP, percent of standard working time). Unknown NIPs and out-of-range values are refused by row."""
    from .models import KapasitasPegawai

    if not (getattr(pengguna, "admin_instansi", False) or getattr(pengguna, "bkpsdm", False)):
        raise TidakBerwenang("Kapasitas beban kerja diimpor oleh admin instansi atau BKPSDM.")
    nip = dict(Pegawai.objects.filter(instansi_id=pengguna.instansi_id, nip__in=[n for n, _ in baris])
               .values_list("nip", "id"))
    galat: dict[str, str] = {}
    for i, (n, persen) in enumerate(baris, start=1):
        if n not in nip:
            galat[f"baris {i}"] = f"Baris {i}: NIP {n[:18]} tidak terdaftar di instansi Anda."
        elif not (1 <= persen <= 200):
            galat[f"baris {i}"] = f"Baris {i}: kapasitas {persen}% di luar 1–200%."
    if galat:
        raise DataTidakLengkap(galat)
    for n, persen in baris:
        KapasitasPegawai.objects.update_or_create(pegawai_id=nip[n], defaults={"kapasitas_persen": persen,
                                                                               "sumber": sumber[:120]})
    return len(baris)


def ingatkan_laporan(hari: date | None = None) -> int:
    """Reminders (inbox) for overdue periodic reports and unanswered requests; run daily (task)."""
    hari = hari or timezone.localdate()
    n = 0
    for tim in TimKerja.objects.filter(status__in=alur.BERJALAN).select_related("ketua", "titik_koordinasi",
                                                                                  "pembentuk"):
        for r in selectors.laporan_terlambat(tim, hari):
            teks = (f"Laporan berkala {tim.nama} s.d. {r['periode_selesai']:%d-%m-%Y} terlambat"
                    if r["jenis"] == "berkala" else
                    f"Laporan yang diminta untuk {tim.nama} melewati batas {r['batas_waktu']:%d-%m-%Y}")
            _kirim(tim, [r["pelapor"]], teks, tindakan=True)
            n += 1
    return n


# --- Plt / Plh (pejabat pengganti) -----------------------------------------------------------

# Apps above tim kerja (siklus: its review chains) follow a change of who holds a post through this
# hook, registered in their AppConfig.ready: fn(instansi).
_setelah_pengganti: list[Any] = []


def daftar_setelah_pengganti(fn: Any) -> Any:
    if fn not in _setelah_pengganti:
        _setelah_pengganti.append(fn)
    return fn


def _setelah_ganti_pejabat(instansi: Any) -> None:
    tandai_perubahan_puo(instansi)
    for fn in list(_setelah_pengganti):
        fn(instansi)


DASAR_PENGGANTI = ("Pelaksana Harian dan Pelaksana Tugas ditunjuk dengan surat perintah untuk jabatan yang pejabatnya "
                   "berhalangan sementara (Plh) atau berhalangan tetap/kosong (Plt)")


@_atomic
def catat_pengganti(*, pengguna: Any, unit_id: int, pegawai_id: int, jenis: str, nomor_sk: str, tanggal_sk: date,
                    mulai: date, selesai: date) -> PejabatPengganti:
    """Record a Plt/Plh with its SK and period (admin instansi or BKPSDM, who keep the SK). For the
    period the acting official takes the post's decisions in tim kerja and the siklus review chains
    (KINERJA §2.3: chains resolved "incl. delegasi, Plt/Plh"); one acting official per post at a time."""
    if not (getattr(pengguna, "admin_instansi", False) or getattr(pengguna, "bkpsdm", False)):
        raise TidakBerwenang("Plt/Plh dicatat oleh admin instansi atau BKPSDM berdasarkan surat perintahnya.")
    unit = UnitOrganisasi.objects.filter(pk=unit_id, instansi_id=pengguna.instansi_id).first()
    p = Pegawai.objects.filter(pk=pegawai_id, instansi_id=pengguna.instansi_id, aktif=True).first()
    galat: dict[str, str] = {}
    if unit is None:
        galat["unit"] = "Pilih jabatan (unit) di instansi Anda."
    if p is None:
        galat["pegawai"] = "Pilih pegawai aktif di instansi Anda."
    if jenis not in dict(PejabatPengganti.JENIS):
        galat["jenis"] = "Pilih Plt atau Plh."
    if not (nomor_sk or "").strip():
        galat["nomor_sk"] = "Nomor surat perintah Plt/Plh wajib diisi."
    if not tanggal_sk:
        galat["tanggal_sk"] = "Tanggal surat perintah wajib diisi."
    if not mulai or not selesai or selesai < mulai:
        galat["selesai"] = "Masa Plt/Plh: tanggal selesai tidak boleh sebelum tanggal mulai."
    if galat:
        raise DataTidakLengkap(galat)
    assert unit is not None and p is not None
    definitif = Pegawai.objects.filter(unit=unit, kepala_unit=True, aktif=True).first()
    if definitif is not None and definitif.id == p.id:
        raise DataTidakLengkap({"pegawai": f"{p.nama} adalah pejabat definitif {unit.nama}."})
    if jenis == "plh" and definitif is None:
        raise DataTidakLengkap({"jenis": f"Jabatan pimpinan {unit.nama} kosong: tunjuk Pelaksana Tugas (Plt), "
                                         "bukan Pelaksana Harian."})
    if PejabatPengganti.objects.select_for_update().filter(unit=unit, aktif=True, mulai__lte=selesai,
                                                           selesai__gte=mulai).exists():
        raise DataTidakLengkap({"mulai": f"Sudah ada Plt/Plh {unit.nama} pada masa itu; akhiri dahulu."})
    x = PejabatPengganti.objects.create(instansi_id=unit.instansi_id, unit=unit, pegawai=p, jenis=jenis,
                                        pejabat_definitif=definitif, nomor_sk=nomor_sk.strip()[:100],
                                        tanggal_sk=tanggal_sk, mulai=mulai, selesai=selesai)
    jejak.catat(subjek=x, aksi="catat_pengganti", dari="", ke="aktif", aktor=p, pengguna=pengguna,
                dasar_hukum=DASAR_PENGGANTI, data={"unit": unit.id, "jenis": jenis, "sk": x.nomor_sk,
                                                   "mulai": str(mulai), "selesai": str(selesai)})
    kotak_masuk.kirim(penerima=[p, definitif], subjek=x, jenis="info",
                      pesan=f"{x.singkatan} {unit.nama}: {p.nama} ({surat_services.tanggal_id(mulai)} s.d. "
                            f"{surat_services.tanggal_id(selesai)}), SK {x.nomor_sk}", tautan=reverse("timkerja:pengganti"))
    _setelah_ganti_pejabat(unit.instansi)
    return x


@_atomic
def akhiri_pengganti(*, pengguna: Any, pengganti_id: int, alasan: str) -> PejabatPengganti:
    """End a Plt/Plh before its period (the holder returned, a definitive official was installed)."""
    if not (getattr(pengguna, "admin_instansi", False) or getattr(pengguna, "bkpsdm", False)):
        raise TidakBerwenang("Plt/Plh diakhiri oleh admin instansi atau BKPSDM.")
    x = (PejabatPengganti.objects.select_for_update(of=("self",)).select_related("unit__instansi", "pegawai")
         .filter(pk=pengganti_id, instansi_id=pengguna.instansi_id, aktif=True).first())
    if x is None:
        raise TimTidakDitemukan("Plt/Plh yang berlaku tidak ditemukan.")
    if not (alasan or "").strip():
        raise DataTidakLengkap({"alasan": "Tuliskan alasan Plt/Plh diakhiri."})
    x.aktif, x.alasan_berakhir = False, alasan.strip()
    x.save(update_fields=["aktif", "alasan_berakhir"])
    jejak.catat(subjek=x, aksi="akhiri_pengganti", dari="aktif", ke="berakhir", aktor=x.pegawai, pengguna=pengguna,
                alasan=x.alasan_berakhir, dasar_hukum=DASAR_PENGGANTI)
    _setelah_ganti_pejabat(x.unit.instansi)
    return x
