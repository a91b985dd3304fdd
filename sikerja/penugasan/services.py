"""Penugasan actions (SPEC §4): start a path, fire a transition, revoke or correct a letter.

Every public function is one transaction: it either writes the whole step
(state, assignees, letters, audit entry, inbox items) or nothing. Rights come
from the state machine in ``alur``: only the pegawai it names may act; the
assignment row is locked (``select_for_update``) and its state re-checked
inside the transaction, so two people deciding at once produce one transition.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import OperationalError, transaction
from django.utils import timezone

from sikerja.kedudukan.selectors import kedudukan_pegawai
from sikerja.organisasi.models import Instansi, Pegawai
from sikerja.organisasi.vocab import JENJANG

from . import alur, selectors
from . import surat as surat_mod
from .errors import (
    BebanMelebihiAmbang,
    DataTidakLengkap,
    PenugasanError,
    PenugasanTidakDitemukan,
    SedangDiproses,
    SukarelaLintasInstansi,
    SuratTidakDapatDiubah,
    TidakBerwenang,
    TransisiTidakSah,
)
from .models import ItemKotakMasuk, Penerima, Penugasan, Surat, Transisi

# --- inputs ---------------------------------------------------------------------------


@dataclass
class DataPenugasan:
    """What is assigned: the content of a surat permohonan pelibatan / surat penugasan."""

    judul: str
    mulai: date
    selesai: date
    maksud_tujuan: str = ""
    uraian_tugas: str = ""
    kompetensi_dibutuhkan: str = ""
    target_kinerja: list[str] = field(default_factory=list)
    bentuk: str = "individu"
    sifat: str = "insidental"
    jumlah_dibutuhkan: int = 1
    jenjang_dibutuhkan: str = ""
    beban_diajukan: int = 0

    FIELDS = ("judul", "mulai", "selesai", "maksud_tujuan", "uraian_tugas", "kompetensi_dibutuhkan",
              "target_kinerja", "bentuk", "sifat", "jumlah_dibutuhkan", "jenjang_dibutuhkan", "beban_diajukan")

    @classmethod
    def dari(cls, p: Penugasan) -> DataPenugasan:
        return cls(**{f: getattr(p, f) for f in cls.FIELDS})


@dataclass
class PenerimaInput:
    pegawai_id: int
    beban_persen: int
    ketua: bool = False


def _periksa_data(d: DataPenugasan, *, permohonan: bool, sukarela: bool = False) -> None:
    galat: dict[str, str] = {}
    d.target_kinerja = [t.strip() for t in d.target_kinerja if t and t.strip()]
    if not d.judul.strip():
        galat["judul"] = "Judul penugasan wajib diisi."
    elif len(d.judul) > 200:
        galat["judul"] = "Judul penugasan paling panjang 200 karakter."
    if not (1 <= d.jumlah_dibutuhkan <= 999):
        galat["jumlah_dibutuhkan"] = "Jumlah pegawai yang dibutuhkan 1–999 orang."
    if not (0 <= d.beban_diajukan <= 100):
        galat["beban_diajukan"] = "Perkiraan beban kerja diisi 0–100 persen waktu kerja."
    if d.jenjang_dibutuhkan and d.jenjang_dibutuhkan not in JENJANG:
        galat["jenjang_dibutuhkan"] = f"Jenjang '{d.jenjang_dibutuhkan[:30]}' tidak dikenal."
    if not d.mulai or not d.selesai:
        galat["mulai"] = "Periode (tanggal mulai dan selesai) wajib diisi."
    elif d.selesai < d.mulai:
        galat["selesai"] = "Tanggal selesai tidak boleh sebelum tanggal mulai."
    if not d.target_kinerja:
        galat["target_kinerja"] = "Isi paling sedikit satu ekspektasi/target kinerja."
    if d.bentuk not in dict(Penugasan.BENTUK):
        galat["bentuk"] = "Pilih bentuk penugasan: individu atau tim kerja."
    if d.sifat not in dict(Penugasan.SIFAT):
        galat["sifat"] = "Pilih sifat tugas: rutin atau insidental."
    if permohonan:
        # Isi minimal surat permohonan pelibatan: Perbup Pasuruan 217/2023 Lampiran II.B.2.a;
        # Perbup Karangasem 15/2023 Pasal 14 ayat (5); uraian tugas: Perwal Blitar 6/2023 Pasal 24 ayat (3) huruf c.
        if not d.maksud_tujuan.strip():
            galat["maksud_tujuan"] = "Maksud dan tujuan permohonan wajib diisi (Karangasem Pasal 14 ayat (5) huruf a)."
        if not d.kompetensi_dibutuhkan.strip():
            galat["kompetensi_dibutuhkan"] = (
                "Kompetensi, keahlian dan/atau keterampilan yang dibutuhkan wajib diisi "
                "(Karangasem Pasal 14 ayat (5) huruf b).")
        if not d.uraian_tugas.strip():
            galat["uraian_tugas"] = "Uraian tugas wajib diisi (Blitar Pasal 24 ayat (3) huruf c)."
    if sukarela and not (1 <= d.beban_diajukan <= 100):
        galat["beban_diajukan"] = "Isi perkiraan beban kerja (1–100 persen waktu kerja)."
    if galat:
        raise DataTidakLengkap(galat)


# --- helpers ---------------------------------------------------------------------------


def _pegawai(pengguna) -> Pegawai:  # type: ignore[no-untyped-def]
    p = getattr(pengguna, "pegawai", None)
    if p is None or not p.aktif:
        raise TidakBerwenang("Akun Anda belum terhubung dengan data pegawai aktif; hubungi admin instansi.")
    if pengguna.instansi_id != p.instansi_id:
        raise TidakBerwenang("Akun Anda tidak terdaftar pada instansi pegawai ini.")
    return p


def _durasi(d: DataPenugasan) -> str:
    return f"{surat_mod.tanggal_id(d.mulai)} s.d. {surat_mod.tanggal_id(d.selesai)}"


def _rincian(p: Penugasan) -> list[tuple[str, str]]:
    rows = [
        ("Maksud dan tujuan", p.maksud_tujuan),
        ("Uraian tugas", p.uraian_tugas),
        ("Kompetensi yang dibutuhkan", p.kompetensi_dibutuhkan),
        ("Ekspektasi/target kinerja", "; ".join(p.target_kinerja)),
        ("Durasi pelibatan", _durasi(DataPenugasan.dari(p))),
        ("Bentuk / sifat", f"{p.get_bentuk_display()} / {p.get_sifat_display()}"),
    ]
    return [(k, v) for k, v in rows if v]


def _daftar_pegawai(p: Penugasan) -> list[dict[str, str]]:
    return [
        {"nama": r.pegawai.nama + (" (ketua tim)" if r.ketua else ""), "nip": r.pegawai.nip,
         "jabatan": r.pegawai.jabatan, "unit": r.pegawai.unit.nama, "beban": f"{r.beban_persen}%"}
        for r in p.penerima.select_related("pegawai__unit").order_by("-ketua", "pegawai__nama")
    ]


def _catat(p: Penugasan, *, aksi: str, dari: str, aktor: Pegawai, pengguna, alasan: str = "",  # type: ignore[no-untyped-def]
           surat: Surat | None = None, data: dict[str, Any] | None = None, lintas: bool = False,
           dasar_hukum: str = "") -> Transisi:
    return Transisi.objects.create(
        penugasan=p, aksi=aksi, dari_status=dari, ke_status=p.status, aktor=aktor,
        pengguna=pengguna if getattr(pengguna, "pk", None) else None, alasan=alasan, surat=surat,
        data=data or {}, lintas=lintas, dasar_hukum=dasar_hukum,
    )


def _beri_tahu(pegawai: list[Pegawai], p: Penugasan, jenis: str, pesan: str, surat: Surat | None = None) -> None:
    items = ItemKotakMasuk.objects.bulk_create(
        [ItemKotakMasuk(penerima=pg, penugasan=p, surat=surat, jenis=jenis, pesan=pesan[:300])
         for pg in dict.fromkeys(pegawai) if pg is not None]
    )
    ids = [i.pk for i in items if i.pk]
    if ids:
        from .tasks import kirim_email_kotak_masuk

        transaction.on_commit(lambda: kirim_email_kotak_masuk.enqueue(ids))


def _pindahkan_aktor(p: Penugasan, surat: Surat | None = None) -> None:
    """Close the previous actor's action item and open one for the actor the machine names now."""
    ItemKotakMasuk.objects.filter(penugasan=p, jenis="tindakan", terbuka=True).update(
        terbuka=False, ditutup=timezone.now())
    peran = alur.peran_untuk(p)
    p.aktor_sekarang = getattr(p, peran) if peran else None
    p.save()
    if p.aktor_sekarang is not None:
        _beri_tahu([p.aktor_sekarang], p, "tindakan", f"{alur.STATUS[p.status]}: {p.judul}", surat)


def _kirim_surat(p: Penugasan, surat: Surat) -> None:
    """Deliver a letter: addressees (other than the next actor) are notified, tembusan land unread."""
    kepada = [k for k in surat.kepada.all() if k.pk != p.aktor_sekarang_id]
    _beri_tahu(kepada, p, "info", f"{surat.get_jenis_display()} {surat.nomor}: {p.judul}", surat)
    _beri_tahu(list(surat.tembusan.all()), p, "tembusan",
               f"Tembusan {surat.get_jenis_display()} {surat.nomor}: {p.judul}", surat)


def _periksa_beban(instansi: Instansi, mulai: date, selesai: date, penerima: list[PenerimaInput],
                   alasan_beban: str, kecuali: int | None = None) -> dict[str, Any]:
    """Workload check before assigning (SPEC §4; Karangasem Pasal 12 ayat (6); Pasuruan Lampiran II.B.2.a.2 huruf f).

    Above ``Instansi.ambang_beban_kerja`` a reason is required; it is kept in the audit entry.
    """
    ada = selectors.beban_pegawai([r.pegawai_id for r in penerima], mulai, selesai, kecuali=kecuali)
    nama = dict(Pegawai.objects.filter(id__in=ada).values_list("id", "nama"))
    rincian = [
        {"pegawai_id": r.pegawai_id, "nama": nama.get(r.pegawai_id, "?"), "sebelum": ada[r.pegawai_id],
         "tambahan": r.beban_persen, "sesudah": ada[r.pegawai_id] + r.beban_persen}
        for r in penerima
    ]
    lebih = [r for r in rincian if int(r["sesudah"]) > instansi.ambang_beban_kerja]  # type: ignore[call-overload]
    if lebih and not alasan_beban.strip():
        raise BebanMelebihiAmbang(lebih, instansi.ambang_beban_kerja)
    return {"beban": rincian, "ambang": instansi.ambang_beban_kerja,
            "melebihi": [r["pegawai_id"] for r in lebih], "alasan_beban": alasan_beban.strip() if lebih else ""}


def lingkup_pejabat(p: Penugasan, pegawai_id: int) -> str:
    """Whose pegawai an official may offer on ``p`` (alur.Alur.kepada): the addressee of a request
    by his path's rule; anyone else (the PPK instructed, the one assigning), those he rates or leads."""
    return alur.alur_dari(p.jalur, p.varian).kepada if pegawai_id == p.ppk_tujuan_id else "ppk"


def _atasan(pegawai: list[Pegawai], peran: str) -> list[Pegawai]:
    """The distinct PPK or pimpinan unit (``peran``) of these pegawai, in their order."""
    return list(dict.fromkeys(
        x for kd in (kedudukan_pegawai(pg) for pg in pegawai) if kd and (x := getattr(kd, peran)) is not None))


def _simpan_penerima(p: Penugasan, pejabat: Pegawai, penerima: list[PenerimaInput], alasan_beban: str) -> dict:
    """Validate the chosen assignees against the official's own pegawai, check load, store them."""
    if not penerima:
        raise DataTidakLengkap({"penerima": "Pilih paling sedikit satu pegawai yang ditugaskan."})
    ids = [r.pegawai_id for r in penerima]
    if len(set(ids)) != len(ids):
        raise DataTidakLengkap({"penerima": "Seorang pegawai dipilih lebih dari sekali."})
    if p.bentuk == "individu" and len(penerima) > 1:
        raise DataTidakLengkap({"penerima": "Penugasan individu hanya untuk satu pegawai; pilih bentuk tim kerja."})
    if sum(1 for r in penerima if r.ketua) > 1:
        raise DataTidakLengkap({"penerima": "Tim kerja hanya mempunyai satu ketua."})
    for r in penerima:
        if not (0 < r.beban_persen <= 100):
            raise DataTidakLengkap({"penerima": "Beban kerja tiap pegawai diisi 1–100 persen waktu kerja."})
    # Karangasem Pasal 13 ayat (4): penugasan ditetapkan oleh PPK atau PUO pegawai itu.
    lingkup = lingkup_pejabat(p, pejabat.pk)
    boleh = set(Pegawai.objects.filter(id__in=selectors.bawahan_ids(pejabat, lingkup)).filter(id__in=ids)
                .values_list("id", flat=True))
    bukan = set(ids) - boleh
    if bukan:
        # Names only of the official's own instansi: an id from elsewhere must not reveal who it is.
        nama = ", ".join(Pegawai.objects.filter(id__in=bukan, instansi_id=pejabat.instansi_id)
                         .values_list("nama", flat=True)) or "Pegawai terpilih"
        alasan = (f"{nama} bukan pegawai Perangkat Daerah {pejabat.unit.nama}" if lingkup == "pimpinan_pd"
                  else f"{nama} tidak dinilai atau dipimpin oleh {pejabat.nama}")
        raise TidakBerwenang(f"{alasan}; pilih dari pegawai Anda sendiri.")
    data = _periksa_beban(pejabat.instansi, p.mulai, p.selesai, penerima, alasan_beban, kecuali=p.pk)
    p.penerima.all().delete()
    Penerima.objects.bulk_create([
        Penerima(penugasan=p, pegawai_id=r.pegawai_id, beban_persen=r.beban_persen, ketua=r.ketua,
                 alasan_beban=data["alasan_beban"] if r.pegawai_id in data["melebihi"] else "")
        for r in penerima
    ])
    return data


def _penerima_pegawai(p: Penugasan) -> list[Pegawai]:
    return [r.pegawai for r in p.penerima.select_related("pegawai__instansi", "pegawai__unit")]


def _atomic(fn: Callable[..., Any]) -> Callable[..., Any]:
    """One transaction per service; a lock conflict on SQLite becomes a typed, retryable refusal."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            with transaction.atomic():
                return fn(*args, **kwargs)
        except OperationalError as e:
            if "locked" in str(e).lower():
                raise SedangDiproses("Penugasan ini sedang diproses pengguna lain; muat ulang halaman dan coba lagi.") from e
            raise

    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    return wrapper


# --- starting a path -------------------------------------------------------------------


def varian_untuk(instansi: Instansi, jalur: str) -> str:
    """The table the instansi's regulation uses for ``jalur`` (profile key ``penugasan``)."""
    from sikerja.kedudukan.engine import load_profil

    varian = load_profil(instansi.profil).penugasan.get(jalur, "")
    return varian if jalur in alur.VARIAN.get(varian, {}) else ""


def _penugasan_baru(jalur: str, instansi: Instansi, d: DataPenugasan, **pihak: Any) -> Penugasan:
    varian = varian_untuk(instansi, jalur)
    return Penugasan.objects.create(
        jalur=jalur, varian=varian, instansi=instansi, status=alur.alur_dari(jalur, varian).awal,
        **{f: getattr(d, f) for f in DataPenugasan.FIELDS}, **pihak,
    )


def _mulai(p: Penugasan, aktor: Pegawai, pengguna, surat: Surat | None = None,  # type: ignore[no-untyped-def]
           data: dict[str, Any] | None = None) -> Penugasan:
    _catat(p, aksi="buat", dari="", aktor=aktor, pengguna=pengguna, surat=surat, data=data,
           dasar_hukum=alur.alur_dari(p.jalur, p.varian).dasar_hukum)
    _pindahkan_aktor(p, surat)
    if surat is not None:
        _kirim_surat(p, surat)
    return p


@_atomic
def buat_penunjukan_dalam_unit(*, pengguna, data: DataPenugasan, penerima: list[PenerimaInput],  # type: ignore[no-untyped-def]
                               alasan_beban: str = "") -> Penugasan:
    """The PUO (or PPK) assigns his own pegawai directly (Karangasem Pasal 14 ayat (2); Pasuruan II.B.2.a.1)."""
    aktor = _pegawai(pengguna)
    _periksa_data(data, permohonan=False)
    p = _penugasan_baru("dalam_unit", aktor.instansi, data, pemohon=aktor, puo_pemohon=aktor)
    info = _simpan_penerima(p, aktor, penerima, alasan_beban)
    pegawai = _penerima_pegawai(p)
    # Tembusan: the PPK of each assignee where he is not the one assigning (SPEC §3: the PUO
    # sets targets after coordinating with the PPK).
    ppk = [x for x in _atasan(pegawai, "ppk") if x != aktor]
    surat = surat_mod.terbitkan(
        penugasan=p, jenis="penugasan", penandatangan=aktor, kepada=pegawai, tembusan=ppk,
        perihal=f"Penugasan: {p.judul}",
        paragraf=[f"Dengan ini menugaskan pegawai tersebut di bawah untuk melaksanakan {p.judul} "
                  f"selama {_durasi(data)}, dengan penuh tanggung jawab."],
        rincian=_rincian(p), pegawai=_daftar_pegawai(p),
    )
    return _mulai(p, aktor, pengguna, surat, info)


def jalur_tertutup(pegawai: Pegawai) -> dict[str, str]:
    """The paths ``pegawai`` may not start, each with the reason (shown before any form is filled)."""
    memimpin = pegawai.kepala_unit or selectors.bawahan_ids(pegawai).exists()
    jf = pegawai.jenis_jabatan in ("fungsional", "pelaksana")
    tutup: dict[str, str] = {}
    if not memimpin:
        pesan = ("Penunjukan dan permohonan pelibatan dilakukan oleh pimpinan unit organisasi atau PPK "
                 "(Karangasem Pasal 14); Anda tidak memimpin atau menilai pegawai.")
        tutup.update(dict.fromkeys(("dalam_unit", "lintas_unit", "lintas_instansi"), pesan))
    bukan_pimpinan_pd = _bukan_pimpinan_pd(pegawai)
    if "lintas_unit" not in tutup and bukan_pimpinan_pd:
        tutup["lintas_unit"] = bukan_pimpinan_pd
    if not jf:
        tutup["sukarela_lintas_unit"] = "Pengajuan sukarela diajukan oleh pejabat fungsional atau pelaksana."
        if not memimpin:
            tutup["sukarela_dalam_unit"] = tutup["sukarela_lintas_unit"]
    return tutup


def _bukan_pimpinan_pd(pegawai: Pegawai) -> str:
    """Why ``pegawai`` may not send a lintas-unit request where only a Pimpinan Perangkat Daerah
    may (Magelang Lampiran II huruf A angka 2 huruf a); empty when he may."""
    tabel = alur.alur_dari("lintas_unit", varian_untuk(pegawai.instansi, "lintas_unit"))
    if tabel.kepada != "pimpinan_pd" or selectors.pimpinan_pd(pegawai.instansi_id).filter(id=pegawai.id).exists():
        return ""
    return ("Permohonan pelibatan lintas Perangkat Daerah dikirim oleh Pimpinan Perangkat Daerah pemilik kinerja "
            f"({tabel.dasar_hukum} huruf a).")


def _pastikan_puo(aktor: Pegawai) -> None:
    if not (aktor.kepala_unit or selectors.bawahan_ids(aktor).exists()):
        raise TidakBerwenang("Permohonan pelibatan dikirim oleh Pimpinan Unit Organisasi pemilik kinerja; "
                             "Anda tidak memimpin unit organisasi.")


@_atomic
def buat_penunjukan_lintas_unit(*, pengguna, data: DataPenugasan, ppk_tujuan_id: int) -> Penugasan:  # type: ignore[no-untyped-def]
    """PUO pemilik kinerja → surat permohonan pelibatan to the PPK where the pegawai sit
    (Karangasem Pasal 14 ayat (3) huruf a), tembusan the PPK concerned (of the requester).
    Where the profile routes it otherwise the addressee is the Pimpinan Perangkat Daerah
    (Magelang) or the pimpinan unit organisasi (Blitar): alur.VARIAN."""
    aktor = _pegawai(pengguna)
    _pastikan_puo(aktor)
    _periksa_data(data, permohonan=True)
    tabel = alur.alur_dari("lintas_unit", varian_untuk(aktor.instansi, "lintas_unit"))
    if alasan := _bukan_pimpinan_pd(aktor):
        raise TidakBerwenang(alasan)
    dituju = selectors.pejabat_dituju(aktor.instansi_id, tabel.kepada).filter(id=ppk_tujuan_id).first()
    label = dict(tabel.label_peran).get("ppk_tujuan", "Pejabat Penilai Kinerja dituju")
    if dituju is None:
        raise DataTidakLengkap({"ppk_tujuan": f"Pilih {label} di instansi Anda."})
    if dituju == aktor:
        raise DataTidakLengkap({"ppk_tujuan": "Pegawai itu Anda pimpin sendiri; gunakan penunjukan dalam unit."})
    k = kedudukan_pegawai(aktor)
    ppk_pemohon = k.ppk if k else None
    p = _penugasan_baru("lintas_unit", aktor.instansi, data, pemohon=aktor, puo_pemohon=aktor,
                        ppk_pemohon=ppk_pemohon, ppk_tujuan=dituju)
    surat = _surat_permohonan(p, aktor, dituju, [ppk_pemohon] if ppk_pemohon else [])
    return _mulai(p, aktor, pengguna, surat)


def _surat_permohonan(p: Penugasan, dari: Pegawai, kepada: Pegawai, tembusan: list[Pegawai]) -> Surat:
    return surat_mod.terbitkan(
        penugasan=p, jenis="permohonan_pelibatan", penandatangan=dari, kepada=[kepada], tembusan=tembusan,
        perihal=f"Permohonan pelibatan pejabat fungsional/pelaksana: {p.judul}",
        paragraf=[f"Dalam rangka pencapaian kinerja {p.instansi.nama}, dengan ini kami mengajukan permohonan "
                  f"pelibatan {p.jumlah_dibutuhkan} orang pejabat fungsional/pelaksana dengan kriteria sebagai berikut."],
        rincian=_rincian(p),
    )


@_atomic
def buat_penunjukan_lintas_instansi(*, pengguna, data: DataPenugasan, instansi_tujuan_id: int) -> Penugasan:  # type: ignore[no-untyped-def]
    """PUO pemilik kinerja → own PyB, tembusan own PPK (Karangasem Pasal 14 ayat (4) huruf a)."""
    aktor = _pegawai(pengguna)
    _pastikan_puo(aktor)
    _periksa_data(data, permohonan=True)
    instansi = Instansi.objects.select_related("pyb").get(pk=aktor.instansi_id)
    tujuan = Instansi.objects.filter(id=instansi_tujuan_id).exclude(id=instansi.id).select_related("pyb").first()
    if tujuan is None:
        raise DataTidakLengkap({"instansi_tujuan": "Pilih instansi lain yang dituju."})
    if instansi.pyb is None:
        raise PenugasanError(f"{instansi.nama} belum menetapkan Pejabat yang Berwenang; hubungi admin instansi.")
    if tujuan.pyb is None:
        raise PenugasanError(f"{tujuan.nama} belum menetapkan Pejabat yang Berwenang; permohonan belum dapat dikirim.")
    k = kedudukan_pegawai(aktor)
    ppk_pemohon = k.ppk if k else None
    p = _penugasan_baru("lintas_instansi", instansi, data, instansi_tujuan=tujuan, pemohon=aktor,
                        puo_pemohon=aktor, ppk_pemohon=ppk_pemohon, pyb_pemohon=instansi.pyb, pyb_tujuan=tujuan.pyb)
    surat = _surat_permohonan(p, aktor, instansi.pyb, [ppk_pemohon] if ppk_pemohon else [])
    return _mulai(p, aktor, pengguna, surat)


PESAN_SUKARELA_LINTAS_INSTANSI = (
    "Pengajuan sukarela hanya dapat dilakukan di dalam unit organisasi sendiri atau lintas unit organisasi "
    "di lingkungan instansi sendiri (Perbup Pasuruan 217/2023 Lampiran II.B.2.b; Perbup Karangasem 15/2023 "
    "Pasal 15 ayat (1)). Pegawai instansi lain dilibatkan melalui penunjukan lintas instansi, yang dimohonkan "
    "oleh pimpinan unit organisasi pemilik kinerja di instansi itu kepada Pejabat yang Berwenang."
)


@_atomic
def buat_pengajuan_sukarela(*, pengguna, data: DataPenugasan, puo_tujuan_id: int | None = None,  # type: ignore[no-untyped-def]
                            pegawai_id: int | None = None) -> Penugasan:
    """A JF/pelaksana volunteers (Karangasem Pasal 15): to his own PUO (orally; the PUO may record it
    for him with ``pegawai_id``) or, by letter, to the PUO of another unit of the same instansi."""
    aktor = _pegawai(pengguna)
    # Who hears the oral request and approves it: the PUO, or the PPK where the regulation
    # says so (Perwal Magelang 25/2023 Lampiran II huruf B angka 1).
    tabel_dalam = alur.alur_dari("sukarela_dalam_unit", varian_untuk(aktor.instansi, "sukarela_dalam_unit"))
    penyetuju = tabel_dalam.langkah[tabel_dalam.awal].aktor  # "puo_pemohon" or "ppk_pemohon"
    sebutan = "Pejabat Penilai Kinerja" if penyetuju == "ppk_pemohon" else "pimpinan unit organisasi"
    if pegawai_id and pegawai_id != aktor.id:
        pemohon = Pegawai.objects.filter(id=pegawai_id, instansi_id=aktor.instansi_id, aktif=True).first()
        k = kedudukan_pegawai(pemohon) if pemohon else None
        pendengar = (k.ppk_id if penyetuju == "ppk_pemohon" else k.pimpinan_unit_id) if k else None
        if pemohon is None or pendengar != aktor.id:
            raise TidakBerwenang(f"Hanya {sebutan} pegawai itu yang dapat mencatat pengajuan lisannya.")
    else:
        pemohon = aktor
    if pemohon.jenis_jabatan not in ("fungsional", "pelaksana"):
        raise TidakBerwenang("Pengajuan sukarela diajukan oleh pejabat fungsional atau pelaksana.")
    k = kedudukan_pegawai(pemohon)
    puo, ppk = (k.pimpinan_unit, k.ppk) if k else (None, None)
    tujuan = None
    if puo_tujuan_id:
        tujuan = Pegawai.objects.filter(id=puo_tujuan_id, aktif=True).select_related("instansi").first()
        if tujuan is None:
            raise DataTidakLengkap({"puo_tujuan": "Pimpinan unit organisasi dituju tidak ditemukan."})
        if tujuan.instansi_id != pemohon.instansi_id:
            raise SukarelaLintasInstansi(PESAN_SUKARELA_LINTAS_INSTANSI)
    _periksa_data(data, permohonan=False, sukarela=True)
    if tujuan is None or tujuan == puo:
        if (ppk if penyetuju == "ppk_pemohon" else puo) is None:
            raise PenugasanError(f"Anda belum mempunyai {sebutan}; periksa kedudukan Anda.")
        p = _penugasan_baru("sukarela_dalam_unit", pemohon.instansi, data, pemohon=pemohon, puo_pemohon=puo,
                            ppk_pemohon=ppk)
        return _mulai(p, aktor, pengguna, data={"dicatat_oleh": aktor.nama} if aktor != pemohon else None)
    tabel = alur.alur_dari("sukarela_lintas_unit", varian_untuk(pemohon.instansi, "sukarela_lintas_unit"))
    sebutan_tujuan = dict(tabel.label_peran).get("puo_tujuan", "pimpinan unit organisasi dituju")
    if not selectors.pejabat_dituju(pemohon.instansi_id, tabel.kepada).filter(id=tujuan.id).exists():
        raise DataTidakLengkap({"puo_tujuan": f"{tujuan.nama} bukan {sebutan_tujuan.lower()}."})
    if ppk is None:
        raise PenugasanError("Anda belum mempunyai Pejabat Penilai Kinerja; periksa kedudukan Anda.")
    pimpinan_pd = selectors.pimpinan_pd_dari(pemohon)
    if tabel.kepada == "pimpinan_pd" and tujuan == pimpinan_pd:
        raise DataTidakLengkap({"puo_tujuan": "Itu Pimpinan Perangkat Daerah Anda sendiri; ajukan sukarela di dalam "
                                              "Perangkat Daerah kepada PPK Anda."})
    p = _penugasan_baru("sukarela_lintas_unit", pemohon.instansi, data, pemohon=pemohon, puo_pemohon=puo,
                        ppk_pemohon=ppk, puo_tujuan=tujuan,
                        pimpinan_pd_pemohon=pimpinan_pd if tabel.kepada == "pimpinan_pd" else None)
    if not tabel.surat_saat_dibuat:
        # Magelang: the PPK first acknowledges ("diketahui"); the letter goes out then.
        return _mulai(p, aktor, pengguna)
    return _mulai(p, aktor, pengguna, _surat_sukarela(p))


def _surat_sukarela(p: Penugasan, diketahui: Pegawai | None = None) -> Surat:
    """The volunteer's letter to the PUO (or Pimpinan PD) dituju, tembusan his own PPK and PUO
    (Karangasem Pasal 15 ayat (3) huruf a; Magelang Lampiran II huruf B angka 2 huruf a)."""
    mengetahui = [f"Mengetahui, Pejabat Penilai Kinerja: {diketahui.nama} ({diketahui.jabatan})."] if diketahui else []
    return surat_mod.terbitkan(
        penugasan=p, jenis="pengajuan_sukarela", penandatangan=p.pemohon, kepada=[p.puo_tujuan],  # type: ignore[list-item]
        tembusan=[x for x in (p.ppk_pemohon, p.puo_pemohon) if x],
        perihal=f"Permohonan untuk dilibatkan dalam pelaksanaan kinerja: {p.judul}",
        paragraf=[f"Dengan ini saya mengajukan diri secara sukarela untuk dilibatkan dalam pelaksanaan {p.judul} "
                  f"dengan perkiraan beban {p.beban_diajukan}% waktu kerja selama {_durasi(DataPenugasan.dari(p))}.",
                  *mengetahui],
        rincian=_rincian(p),
    )


# --- effects of approval (named by alur.Langkah.hasil) -----------------------------------


@dataclass
class Keputusan:
    aktor: Pegawai
    alasan: str = ""
    penerima: list[PenerimaInput] = field(default_factory=list)
    ppk_tujuan_id: int | None = None
    alasan_beban: str = ""


def _pilih_pegawai(p: Penugasan, k: Keputusan) -> tuple[list[Surat], dict]:
    """The PPK dituju agrees and names the pegawai; their PUO recommends before he assigns.

    Pasuruan Lampiran II.B.2.a.2 huruf c (lintas unit) and II.B.2.a.3 huruf d (lintas instansi):
    the PPK acts "dengan rekomendasi dari Pimpinan Unit Organisasi" where the pegawai sit. Each
    such PUO other than the PPK himself recommends in turn; when there is none, the PPK's own
    decision is the recommendation and the next step (his letter) follows at once.
    """
    info = _simpan_penerima(p, k.aktor, k.penerima, k.alasan_beban)
    puo = [x for x in _atasan(_penerima_pegawai(p), "pimpinan_unit") if x != k.aktor]
    if puo:
        p.puo_tujuan, p.antrean_rekomendasi = puo[0], [x.pk for x in puo[1:]]
        info["rekomendasi_dari"] = [x.nama for x in puo]
        return [], info
    p.puo_tujuan, p.antrean_rekomendasi = None, []
    info["rekomendasi"] = "PPK dituju sekaligus pimpinan unit organisasi pegawai yang dipilih"
    terbit = alur.langkah(p.jalur, "menunggu_penerbitan", p.varian)
    assert terbit is not None
    p.status = terbit.setujui_ke
    surat, lanjut = _EFEK[terbit.hasil](p, k)
    return surat, {**info, **lanjut}


def _rekomendasi_puo(p: Penugasan, k: Keputusan) -> tuple[list[Surat], dict]:
    """A PUO recommends the chosen pegawai; the next PUO in line, if any, follows."""
    data = {"rekomendasi": k.alasan.strip() or "Direkomendasikan."}
    if p.antrean_rekomendasi:
        p.puo_tujuan_id, p.antrean_rekomendasi = p.antrean_rekomendasi[0], p.antrean_rekomendasi[1:]
        p.status = "menunggu_rekomendasi_puo"
    elif _pemberi_rekomendasi(p):
        # Pegawai under several PUO: none of them alone gives the surat penugasan (the PPK does).
        p.puo_tujuan = None
    return [], data


def _pemberi_rekomendasi(p: Penugasan) -> list[str]:
    """Who recommended the pegawai of the PPK's latest choice (a return voids earlier ones)."""
    pilihan = p.transisi.filter(aksi="setujui", ke_status="menunggu_rekomendasi_puo").exclude(
        dari_status="menunggu_rekomendasi_puo").order_by("-id").values_list("id", flat=True).first()
    if pilihan is None:
        return []
    return list(dict.fromkeys(
        p.transisi.filter(id__gt=pilihan, dari_status="menunggu_rekomendasi_puo", aksi="setujui")
        .order_by("id").values_list("aktor__nama", flat=True)))


def _jawab_dan_tugaskan(p: Penugasan, k: Keputusan) -> tuple[list[Surat], dict]:
    # Karangasem Pasal 14 ayat (3) huruf c: the PPK, on the PUO's recommendation, assigns
    # the pegawai he chose (matching the requester's criteria) and answers the request.
    pegawai = _penerima_pegawai(p)
    rekomendasi = _pemberi_rekomendasi(p)
    atas = f" dan atas rekomendasi {', '.join(rekomendasi)}" if rekomendasi else ""
    jawaban = surat_mod.terbitkan(
        penugasan=p, jenis="jawaban", penandatangan=k.aktor, kepada=[p.pemohon],
        tembusan=[x for x in (p.ppk_pemohon,) if x],
        perihal=f"Jawaban permohonan pelibatan: {p.judul}",
        paragraf=["Permohonan pelibatan pejabat fungsional/pelaksana DISETUJUI dengan pegawai sebagai berikut."],
        pegawai=_daftar_pegawai(p),
    )
    puo_pegawai = _atasan(pegawai, "pimpinan_unit")
    tugas = surat_mod.terbitkan(
        penugasan=p, jenis="penugasan", penandatangan=k.aktor, kepada=pegawai,
        tembusan=[p.pemohon, *puo_pegawai],
        perihal=f"Penugasan: {p.judul}",
        paragraf=[f"Menindaklanjuti permohonan pelibatan dari {p.pemohon.nama} ({p.pemohon.jabatan}){atas}, "
                  f"dengan ini menugaskan pegawai tersebut di bawah untuk melaksanakan {p.judul} selama "
                  f"{_durasi(DataPenugasan.dari(p))}, dengan penuh tanggung jawab."],
        rincian=_rincian(p), pegawai=_daftar_pegawai(p),
    )
    return [tugas, jawaban], {}


def _setujui_pimpinan_pd(p: Penugasan, k: Keputusan) -> tuple[list[Surat], dict]:
    """Perwal Magelang 25/2023 Lampiran II huruf A angka 2 huruf b: the Pimpinan Perangkat Daerah
    dituju approves with the pegawai he offers (surat jawaban); "dapat diberikan surat penugasan oleh
    Pejabat Penilai Kinerja" — their PPK assigns them. Where he rates them himself, or they have
    several PPK, he assigns them at once."""
    info = _simpan_penerima(p, k.aktor, k.penerima, k.alasan_beban)
    jawaban = surat_mod.terbitkan(
        penugasan=p, jenis="jawaban", penandatangan=k.aktor, kepada=[p.pemohon],
        tembusan=[x for x in (p.ppk_pemohon,) if x], perihal=f"Jawaban permohonan pelibatan: {p.judul}",
        paragraf=["Permohonan pelibatan pejabat fungsional/pelaksana DISETUJUI dengan pegawai sebagai berikut; "
                  "surat penugasan diberikan oleh Pejabat Penilai Kinerja pegawai yang bersangkutan."],
        pegawai=_daftar_pegawai(p),
    )
    ppk = _atasan(_penerima_pegawai(p), "ppk")
    if len(ppk) == 1 and ppk[0] != k.aktor:
        p.ppk_pegawai = ppk[0]
        info["ppk_pegawai"] = ppk[0].nama
        return [jawaban], info
    langsung = alur.langkah(p.jalur, "menunggu_ppk_tujuan", p.varian)
    assert langsung is not None and langsung.atau_ke
    p.ppk_pegawai, p.status = None, langsung.atau_ke
    tugas, _ = _tugaskan_oleh_ppk(p, k)
    return [*tugas, jawaban], info


def _tugaskan_oleh_ppk(p: Penugasan, k: Keputusan) -> tuple[list[Surat], dict]:
    dituju = p.ppk_tujuan
    s = surat_mod.terbitkan(
        penugasan=p, jenis="penugasan", penandatangan=k.aktor, kepada=_penerima_pegawai(p),
        tembusan=[x for x in (p.pemohon, dituju) if x], perihal=f"Penugasan: {p.judul}",
        paragraf=[f"Berdasarkan persetujuan {dituju.nama if dituju else '-'} atas permohonan pelibatan dari "
                  f"{p.pemohon.nama} ({p.pemohon.jabatan}), dengan ini menugaskan pegawai tersebut di bawah untuk "
                  f"melaksanakan {p.judul} selama {_durasi(DataPenugasan.dari(p))}, dengan penuh tanggung jawab."],
        rincian=_rincian(p), pegawai=_daftar_pegawai(p),
    )
    return [s], {}


def _kirim_ke_pyb_tujuan(p: Penugasan, k: Keputusan) -> tuple[list[Surat], dict]:
    # Karangasem Pasal 14 ayat (4) huruf b: the PyB forwards the request to the target PyB.
    p.terkirim_ke_tujuan = True
    s = _surat_permohonan(p, k.aktor, p.pyb_tujuan, [p.pemohon])  # type: ignore[arg-type]
    return [s], {}


def _instruksikan_ppk(p: Penugasan, k: Keputusan) -> tuple[list[Surat], dict]:
    # Pasal 14 ayat (4) huruf c: the target PyB instructs the PPK of suitable pegawai.
    ppk = selectors.pejabat_ppk(k.aktor.instansi_id).filter(id=k.ppk_tujuan_id or 0).first()
    if ppk is None:
        raise DataTidakLengkap({"ppk_tujuan": "Pilih Pejabat Penilai Kinerja yang diinstruksikan."})
    p.ppk_tujuan = ppk
    return [], {"ppk_tujuan": ppk.nama}


def _jawab_ketersediaan(p: Penugasan, k: Keputusan) -> tuple[list[Surat], dict]:
    # Pasal 14 ayat (4) huruf e angka 1: surat jawaban with the list of pegawai chosen (and
    # recommended by their PUO, Pasuruan Lampiran II.B.2.a.3 huruf d), to the own PyB.
    rekomendasi = _pemberi_rekomendasi(p)
    s = surat_mod.terbitkan(
        penugasan=p, jenis="jawaban", penandatangan=k.aktor, kepada=[p.pyb_tujuan], tembusan=[],  # type: ignore[list-item]
        perihal=f"Jawaban ketersediaan pejabat fungsional/pelaksana: {p.judul}",
        paragraf=[f"Menindaklanjuti permohonan pelibatan dari {p.instansi.nama}, pegawai berikut TERSEDIA "
                  "dan sesuai kriteria yang dibutuhkan"
                  + (f", atas rekomendasi {', '.join(rekomendasi)}." if rekomendasi else ".")],
        rincian=_rincian(p), pegawai=_daftar_pegawai(p),
    )
    return [s], {}


def _setujui_jawaban(p: Penugasan, k: Keputusan) -> tuple[list[Surat], dict]:
    s = surat_mod.terbitkan(
        penugasan=p, jenis="jawaban", penandatangan=k.aktor, kepada=[p.pyb_pemohon], tembusan=[p.pemohon],  # type: ignore[list-item]
        perihal=f"Jawaban permohonan pelibatan: {p.judul}",
        paragraf=["Permohonan pelibatan pejabat fungsional/pelaksana DISETUJUI dengan pegawai sebagai berikut."],
        pegawai=_daftar_pegawai(p),
    )
    return [s], {}


def _tugaskan_lintas_instansi(p: Penugasan, k: Keputusan) -> tuple[list[Surat], dict]:
    # Pasal 14 ayat (4) huruf e angka 3: tembusan PyB of both instansi and the PPK concerned.
    pegawai = _penerima_pegawai(p)
    ppk = _atasan(pegawai, "ppk")
    s = surat_mod.terbitkan(
        penugasan=p, jenis="penugasan", penandatangan=k.aktor, kepada=pegawai,
        tembusan=[p.pyb_tujuan, *ppk, p.pyb_pemohon],  # type: ignore[list-item]
        perihal=f"Penugasan: {p.judul}",
        paragraf=[f"Berdasarkan surat jawaban permohonan pelibatan yang telah disetujui, dengan ini menugaskan "
                  f"pegawai tersebut di bawah untuk bekerja pada {p.instansi.nama} dalam {p.judul} selama "
                  f"{_durasi(DataPenugasan.dari(p))}, dengan penuh tanggung jawab."],
        rincian=_rincian(p), pegawai=_daftar_pegawai(p),
    )
    _beri_tahu([p.pemohon], p, "info", f"Pegawai telah ditugaskan: {p.judul}", s)
    return [s], {}


def _jawab_sukarela(p: Penugasan, k: Keputusan) -> tuple[list[Surat], dict]:
    s = surat_mod.terbitkan(
        penugasan=p, jenis="jawaban", penandatangan=k.aktor, kepada=[p.pemohon],
        tembusan=[x for x in (p.ppk_pemohon, p.puo_pemohon) if x],
        perihal=f"Persetujuan pengajuan sukarela: {p.judul}",
        paragraf=[f"Pengajuan sukarela Saudara untuk dilibatkan dalam {p.judul} DISETUJUI. Sampaikan persetujuan "
                  "ini kepada Pejabat Penilai Kinerja Saudara untuk diterbitkan surat penugasan."],
        rincian=_rincian(p),
    )
    return [s], {}


def _teruskan_ke_ppk(p: Penugasan, k: Keputusan) -> tuple[list[Surat], dict]:
    # Karangasem Pasal 15 ayat (3) huruf b: the volunteer sends the request approved by the PUO
    # dituju to his own PPK, tembusan his own PUO (a letter, numbered, like the others).
    disetujui = p.surat.filter(jenis="jawaban", status="berlaku").order_by("-id").first()
    s = surat_mod.terbitkan(
        penugasan=p, jenis="pengajuan_sukarela", penandatangan=p.pemohon, kepada=[p.ppk_pemohon],  # type: ignore[list-item]
        tembusan=[x for x in (p.puo_pemohon,) if x],
        perihal=f"Permohonan persetujuan penugasan: {p.judul}",
        paragraf=[f"Pengajuan sukarela saya untuk dilibatkan dalam {p.judul}"
                  + (f" pada unit {p.puo_tujuan.unit.nama}" if p.puo_tujuan else "")  # type: ignore[union-attr]
                  + " telah disetujui pimpinan unit organisasi dituju"
                  + (f" dengan surat nomor {disetujui.nomor}" if disetujui else "")
                  + f". Dengan ini saya mohon persetujuan dan surat penugasan, dengan perkiraan beban "
                  f"{p.beban_diajukan}% waktu kerja selama {_durasi(DataPenugasan.dari(p))}."],
        rincian=_rincian(p),
    )
    return [s], {}


def _kirim_sukarela(p: Penugasan, k: Keputusan) -> tuple[list[Surat], dict]:
    # Magelang Lampiran II huruf B angka 2 huruf a: "surat permohonan yang diketahui oleh PPK".
    return [_surat_sukarela(p, diketahui=k.aktor)], {}


def _teruskan_ke_pimpinan_pd(p: Penugasan, k: Keputusan) -> tuple[list[Surat], dict]:
    # Magelang Lampiran II huruf B angka 2 huruf b: the approved request goes to the volunteer's own
    # Pimpinan Perangkat Daerah and PPK. Where they are one person, his approval is the PPK's.
    disetujui = p.surat.filter(jenis="jawaban", status="berlaku").order_by("-id").first()
    s = surat_mod.terbitkan(
        penugasan=p, jenis="pengajuan_sukarela", penandatangan=p.pemohon,
        kepada=[x for x in (p.pimpinan_pd_pemohon, p.ppk_pemohon) if x], tembusan=[],
        perihal=f"Permohonan persetujuan penugasan: {p.judul}",
        paragraf=[f"Pengajuan sukarela saya untuk dilibatkan dalam {p.judul} telah disetujui "
                  f"{p.puo_tujuan.nama if p.puo_tujuan else 'Pimpinan Perangkat Daerah dituju'}"
                  + (f" dengan surat nomor {disetujui.nomor}" if disetujui else "")
                  + ". Dengan ini saya mohon persetujuan dan surat penugasan."],
        rincian=_rincian(p),
    )
    if p.pimpinan_pd_pemohon is None or p.pimpinan_pd_pemohon == p.ppk_pemohon:
        lk = alur.langkah(p.jalur, "menunggu_diteruskan", p.varian)
        assert lk is not None and lk.atau_ke
        p.status = lk.atau_ke
    return [s], {}


def _tanpa_surat(p: Penugasan, k: Keputusan) -> tuple[list[Surat], dict]:
    return [], {}


def _tugaskan_sukarela(p: Penugasan, k: Keputusan) -> tuple[list[Surat], dict]:
    info = _simpan_penerima(p, k.aktor, [PenerimaInput(p.pemohon_id, p.beban_diajukan)], k.alasan_beban)
    if p.jalur == "sukarela_lintas_unit":
        tembusan = [x for x in (p.puo_tujuan, p.puo_pemohon) if x]
        tempat = f" pada unit {p.puo_tujuan.unit.nama}" if p.puo_tujuan else ""  # type: ignore[union-attr]
    else:
        tembusan = [x for x in (p.ppk_pemohon, p.puo_pemohon) if x]
        tempat = ""
    s = surat_mod.terbitkan(
        penugasan=p, jenis="penugasan", penandatangan=k.aktor, kepada=[p.pemohon], tembusan=tembusan,
        perihal=f"Penugasan: {p.judul}",
        paragraf=[f"Menindaklanjuti pengajuan sukarela yang bersangkutan, dengan ini menugaskan pegawai tersebut di "
                  f"bawah untuk melaksanakan {p.judul}{tempat} selama {_durasi(DataPenugasan.dari(p))}, dengan "
                  "penuh tanggung jawab."],
        rincian=_rincian(p), pegawai=_daftar_pegawai(p),
    )
    return [s], info


_EFEK: dict[str, Callable[[Penugasan, Keputusan], tuple[list[Surat], dict]]] = {
    "setujui_pimpinan_pd": _setujui_pimpinan_pd,
    "kirim_sukarela": _kirim_sukarela,
    "teruskan_ke_pimpinan_pd": _teruskan_ke_pimpinan_pd,
    "tanpa_surat": _tanpa_surat,
    "tugaskan_oleh_ppk": _tugaskan_oleh_ppk,
    "pilih_pegawai": _pilih_pegawai,
    "rekomendasi_puo": _rekomendasi_puo,
    "jawab_dan_tugaskan": _jawab_dan_tugaskan,
    "kirim_ke_pyb_tujuan": _kirim_ke_pyb_tujuan,
    "instruksikan_ppk": _instruksikan_ppk,
    "jawab_ketersediaan": _jawab_ketersediaan,
    "setujui_jawaban": _setujui_jawaban,
    "tugaskan_lintas_instansi": _tugaskan_lintas_instansi,
    "jawab_sukarela": _jawab_sukarela,
    "teruskan_ke_ppk": _teruskan_ke_ppk,
    "tugaskan_sukarela": _tugaskan_sukarela,
}

# Refusal of a written request is answered in writing, to whoever sent it to this step
# (Karangasem Pasal 14 ayat (3) huruf d): (addressee, tembusan) roles per state.
_JAWAB_TOLAK: dict[tuple[str, str], tuple[str, tuple[str, ...]]] = {
    ("lintas_unit", "menunggu_ppk_tujuan"): ("pemohon", ("ppk_pemohon",)),
    ("lintas_unit", "menunggu_penerbitan"): ("pemohon", ("ppk_pemohon", "puo_tujuan")),
    ("lintas_instansi", "menunggu_pyb_pemohon"): ("pemohon", ("ppk_pemohon",)),
    ("lintas_instansi", "menunggu_pyb_tujuan"): ("pyb_pemohon", ("pemohon",)),
    ("lintas_instansi", "menunggu_pyb_tujuan_jawaban"): ("pyb_pemohon", ("pemohon", "ppk_tujuan")),
    ("sukarela_lintas_unit", "menunggu_puo_tujuan"): ("pemohon", ("ppk_pemohon", "puo_pemohon")),
}


# --- firing a transition ---------------------------------------------------------------


def ambil_untuk(pengguna, penugasan_id: int, *, kunci: bool = False) -> Penugasan:  # type: ignore[no-untyped-def]
    qs = selectors.penugasan_terlihat(pengguna)
    if kunci:
        qs = qs.select_for_update()
    p = qs.filter(pk=penugasan_id).first()
    if p is None:
        raise PenugasanTidakDitemukan("Penugasan tidak ditemukan.")
    return p


def boleh_bertindak(pengguna, p: Penugasan) -> bool:  # type: ignore[no-untyped-def]
    return bool(p.aktor_sekarang_id and p.aktor_sekarang_id == getattr(pengguna, "pegawai_id", None))


@_atomic
def jalankan(*, pengguna, penugasan_id: int, aksi: str, alasan: str = "",  # type: ignore[no-untyped-def]
             penerima: list[PenerimaInput] | None = None, ppk_tujuan_id: int | None = None,
             alasan_beban: str = "", perubahan: DataPenugasan | None = None) -> Penugasan:
    """Fire ``aksi`` (setujui, tolak, kembalikan, ajukan_ulang) on an assignment, as ``pengguna``."""
    aktor = _pegawai(pengguna)
    # The row lock serialises concurrent deciders; the state is read again under the lock.
    p = ambil_untuk(pengguna, penugasan_id, kunci=True)
    dari = p.status
    if aksi not in alur.aksi_tersedia(p.jalur, dari, p.varian):
        lk0 = alur.langkah(p.jalur, dari, p.varian)
        if lk0 is not None and aksi in alur.AKSI and aksi != "ajukan_ulang":
            # The step is open but does not offer this decision (e.g. a recommendation cannot refuse).
            raise TransisiTidakSah(
                f"Pada langkah \u201c{alur.STATUS[dari]}\u201d keputusan \u201c{alur.AKSI[aksi]}\u201d tidak tersedia; "
                f"yang tersedia: {', '.join(alur.AKSI[a] for a in alur.aksi_tersedia(p.jalur, dari, p.varian))}.")
        raise TransisiTidakSah(
            f"Penugasan ini berstatus \u201c{alur.STATUS[dari]}\u201d; keputusan \u201c{alur.AKSI.get(aksi, aksi)}\u201d "
            "tidak tersedia. Mungkin sudah diputuskan pengguna lain; muat ulang halaman.")
    if p.aktor_sekarang_id != aktor.id:
        peran = alur.peran_untuk(p)
        nama = p.aktor_sekarang.nama if p.aktor_sekarang else "-"
        raise TidakBerwenang(f"Keputusan ini hanya dapat diambil oleh {alur.label_peran(p, peran or '')} ({nama}).")
    lk = alur.langkah(p.jalur, dari, p.varian)
    surat: list[Surat] = []
    data: dict[str, Any] = {}
    lintas = False
    dasar = lk.dasar_hukum if lk else alur.alur_dari(p.jalur, p.varian).dasar_hukum

    if aksi == "tolak":
        if not alasan.strip():
            raise DataTidakLengkap({"alasan": "Alasan penolakan wajib diisi."})
        assert lk is not None
        p.status = "ditolak"
        tujuan = _JAWAB_TOLAK.get((p.jalur, dari))
        if tujuan and lk.tolak_dengan_surat:
            kepada, tembusan = getattr(p, tujuan[0]), [getattr(p, r) for r in tujuan[1]]
            surat.append(surat_mod.terbitkan(
                penugasan=p, jenis="jawaban", penandatangan=aktor, kepada=[kepada],
                tembusan=[t for t in tembusan if t], perihal=f"Jawaban permohonan: {p.judul}",
                paragraf=["Permohonan tersebut TIDAK DAPAT DISETUJUI dengan alasan sebagai berikut.", alasan.strip()],
                rincian=_rincian(p),
            ))
            lintas = kepada.instansi_id != aktor.instansi_id
        # A refusal on the target side is always shown to the requesting side.
        lintas = lintas or (p.jalur == "lintas_instansi" and aktor.instansi_id != p.instansi_id)
        _beri_tahu([p.pemohon], p, "info", f"Ditolak: {p.judul} — {alasan.strip()}", surat[0] if surat else None)
    elif aksi == "kembalikan":
        if not alasan.strip():
            raise DataTidakLengkap({"alasan": "Tuliskan apa yang perlu diperbaiki."})
        assert lk is not None and lk.kembali_ke
        if lk.kembali_ke == "dikembalikan":
            p.kembali_ke = dari
        p.status = lk.kembali_ke
        # Only the target PyB's return crosses back to the requesting instansi.
        lintas = p.jalur == "lintas_instansi" and dari == "menunggu_pyb_tujuan"
    elif aksi == "ajukan_ulang":
        if perubahan is not None:
            _periksa_data(perubahan, permohonan=p.jalur in ("lintas_unit", "lintas_instansi"),
                          sukarela=p.jalur.startswith("sukarela"))
            berubah = {f: str(getattr(perubahan, f)) for f in DataPenugasan.FIELDS
                       if getattr(perubahan, f) != getattr(p, f)}
            for f in DataPenugasan.FIELDS:
                setattr(p, f, getattr(perubahan, f))
            data["perubahan"] = berubah
            if berubah:
                # The next official decides on what a letter says: the request letter the
                # pemohon signed is replaced by one with the corrected content.
                lama = p.surat.filter(jenis__in=["permohonan_pelibatan", "pengajuan_sukarela"], status="berlaku",
                                      penandatangan=aktor).order_by("-id").first()
                if lama is not None:
                    diminta = p.transisi.filter(aksi="kembalikan").order_by("-id").values_list(
                        "alasan", flat=True).first()
                    surat.append(_koreksi(p, lama, f"diperbaiki sesuai pengembalian: {diminta or alasan.strip()}"))
                    data["mengoreksi"] = lama.nomor
        p.status, p.kembali_ke = p.kembali_ke, ""
    else:  # setujui
        assert lk is not None
        p.status = lk.setujui_ke
        surat, data = _EFEK[lk.hasil](
            p, Keputusan(aktor=aktor, alasan=alasan, penerima=penerima or [], ppk_tujuan_id=ppk_tujuan_id,
                         alasan_beban=alasan_beban))
        lintas = lk.lintas
    if len(surat) > 1:
        data["surat_lain"] = [s.pk for s in surat[1:]]
    _catat(p, aksi=aksi, dari=dari, aktor=aktor, pengguna=pengguna, alasan=alasan.strip(),
           surat=surat[0] if surat else None, data=data, lintas=lintas, dasar_hukum=dasar)
    _pindahkan_aktor(p, surat[0] if surat else None)
    for s in surat:
        _kirim_surat(p, s)
    return p


# --- letters after issue ---------------------------------------------------------------


def _surat_milik(pengguna, surat_id: int) -> Surat:  # type: ignore[no-untyped-def]
    aktor = _pegawai(pengguna)
    s = Surat.objects.select_for_update().filter(pk=surat_id, instansi_id=aktor.instansi_id).first()
    if s is None:
        raise PenugasanTidakDitemukan("Surat tidak ditemukan.")
    if s.penandatangan_id != aktor.id:
        raise TidakBerwenang("Hanya penandatangan surat yang dapat mencabut atau mengoreksinya.")
    if s.status != "berlaku":
        raise SuratTidakDapatDiubah(f"Surat {s.nomor} sudah {s.get_status_display().lower()}.")
    return s


@_atomic
def cabut_surat(*, pengguna, surat_id: int, alasan: str) -> Surat:  # type: ignore[no-untyped-def]
    """Revocation: the letter keeps its content; its status (shown on verification) becomes dicabut.

    Revoking the surat penugasan of a working assignment, or the request of one still under
    way, ends the assignment (status ``dicabut``): it leaves the assignees' workload and
    nobody is left waiting to act on it.
    """
    if not alasan.strip():
        raise DataTidakLengkap({"alasan": "Alasan pencabutan wajib diisi."})
    s = _surat_milik(pengguna, surat_id)
    aktor = _pegawai(pengguna)
    s.status, s.waktu_status, s.alasan_status = "dicabut", timezone.now(), alasan.strip()
    s.save(update_fields=["status", "waktu_status", "alasan_status"])
    p = Penugasan.objects.select_for_update().get(pk=s.penugasan_id)
    dari = p.status
    mengakhiri = alur.cabut_mengakhiri(s.jenis, dari)
    if mengakhiri:
        p.status = alur.DICABUT
        p.kembali_ke = ""
    _catat(p, aksi="cabut_surat", dari=dari, aktor=aktor, pengguna=pengguna, alasan=alasan.strip(), surat=s,
           lintas=p.jalur == "lintas_instansi" and s.instansi_penerima_id != s.instansi_id)
    if mengakhiri:
        _pindahkan_aktor(p)
    pihak = [*s.kepada.all(), *s.tembusan.all()]
    if mengakhiri:
        pihak += [x for x in (p.pemohon, *_penerima_pegawai(p)) if x]
    akibat = " Penugasan ini berakhir." if mengakhiri else ""
    _beri_tahu(pihak, p, "info", f"Surat {s.nomor} dicabut: {alasan.strip()}.{akibat}", s)
    return s


def _koreksi(p: Penugasan, lama: Surat, alasan: str, paragraf_tambahan: str = "") -> Surat:
    """Issue the letter that replaces ``lama`` (same parties, the assignment's current content)
    and mark ``lama`` dikoreksi; the new letter names the one it replaces."""
    isi = lama.isi
    paragraf = [x for x in isi.get("paragraf", []) if not x.startswith("Surat ini menggantikan surat nomor ")]
    pegawai = _daftar_pegawai(p) if isi.get("pegawai") else None
    baru = surat_mod.terbitkan(
        penugasan=p, jenis=lama.jenis, penandatangan=lama.penandatangan, kepada=list(lama.kepada.all()),
        tembusan=list(lama.tembusan.all()), perihal=lama.perihal,
        paragraf=[*paragraf, *([paragraf_tambahan.strip()] if paragraf_tambahan.strip() else []),
                  f"Surat ini menggantikan surat nomor {lama.nomor} karena {alasan.strip()}."],
        rincian=_rincian(p), pegawai=pegawai, mengoreksi=lama,
    )
    lama.status, lama.waktu_status, lama.alasan_status = "dikoreksi", timezone.now(), alasan.strip()
    lama.save(update_fields=["status", "waktu_status", "alasan_status"])
    return baru


@_atomic
def koreksi_surat(*, pengguna, surat_id: int, alasan: str, paragraf_tambahan: str = "") -> Surat:  # type: ignore[no-untyped-def]
    """A correction is a new letter referencing the old one; the old one is marked dikoreksi."""
    if not alasan.strip():
        raise DataTidakLengkap({"alasan": "Alasan koreksi wajib diisi."})
    lama = _surat_milik(pengguna, surat_id)
    p = lama.penugasan
    if p.status == alur.DICABUT:
        raise SuratTidakDapatDiubah("Penugasan ini sudah berakhir karena suratnya dicabut.")
    aktor = _pegawai(pengguna)
    baru = _koreksi(p, lama, alasan, paragraf_tambahan)
    _catat(p, aksi="koreksi_surat", dari=p.status, aktor=aktor, pengguna=pengguna,
           alasan=alasan.strip(), surat=baru, data={"mengoreksi": lama.nomor})
    _kirim_surat(p, baru)
    return baru


@transaction.atomic
def tandai_dibaca(*, pegawai_id: int, penugasan_id: int) -> int:
    """Opening an assignment reads its tembusan and notices (actions stay open until taken)."""
    return ItemKotakMasuk.objects.filter(
        penerima_id=pegawai_id, penugasan_id=penugasan_id, terbuka=True, jenis__in=["tembusan", "info"]
    ).update(terbuka=False, ditutup=timezone.now())
