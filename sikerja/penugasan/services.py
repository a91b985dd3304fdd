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

from django.db import transaction
from django.urls import reverse

from sikerja.alur_kerja import services as alur_kerja
from sikerja.alur_kerja.services import Hasil, Konteks
from sikerja.kedudukan.selectors import kedudukan_pegawai
from sikerja.kotak_masuk import services as kotak_masuk
from sikerja.organisasi.models import Instansi, Pegawai
from sikerja.organisasi.vocab import JENJANG
from sikerja.surat import services as surat_services
from sikerja.surat.models import Surat

from . import alur, selectors
from . import surat as surat_mod
from .aturan import aturan
from .errors import (
    BebanMelebihiAmbang,
    BukanPegawaiPejabat,
    DataTidakLengkap,
    JalurTidakTersedia,
    PenugasanError,
    PenugasanTidakDitemukan,
    PpkBelumTercatat,
    SukarelaLintasInstansi,
    SuratTidakDapatDiubah,
    TidakBerwenang,
    TransisiTidakSah,
)
from .models import PERAN_PIHAK, Penerima, Penugasan

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
            galat["maksud_tujuan"] = "Maksud dan tujuan permohonan wajib diisi."
        if not d.kompetensi_dibutuhkan.strip():
            galat["kompetensi_dibutuhkan"] = (
                "Kompetensi, keahlian dan/atau keterampilan yang dibutuhkan wajib diisi.")
        if not d.uraian_tugas.strip():
            galat["uraian_tugas"] = "Uraian tugas wajib diisi."
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


def _daftar_pegawai(p: Penugasan, hanya: list[Pegawai] | None = None) -> list[dict[str, str]]:
    qs = p.penerima.select_related("pegawai__unit").order_by("-ketua", "pegawai__nama")
    if hanya is not None:
        qs = qs.filter(pegawai__in=hanya)
    return [
        {"nama": r.pegawai.nama + (" (ketua tim)" if r.ketua else ""), "nip": r.pegawai.nip,
         "jabatan": r.pegawai.jabatan, "unit": r.pegawai.unit.nama, "beban": f"{r.beban_persen}%"}
        for r in qs
    ]


def _tautan(p: Penugasan) -> str:
    return reverse("penugasan:detail", args=[p.pk])


def _resolver(p: Penugasan, peran: str) -> Pegawai | None:
    """Who holds ``peran`` on ``p`` (the parties were resolved from kedudukan and Instansi.pyb)."""
    return p.pihak(peran)  # type: ignore[no-any-return]


def _beri_tahu(pegawai: list[Pegawai], p: Penugasan, jenis: str, pesan: str, surat: Surat | None = None) -> None:
    kotak_masuk.kirim(penerima=pegawai, subjek=p, jenis=jenis, pesan=pesan, surat=surat, tautan=_tautan(p))


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
    if pegawai_id != p.ppk_tujuan_id:
        return "ppk"
    kepada = alur.alur_dari(p.jalur, p.varian).kepada
    # The PPK a request is addressed to (or a PyB instructs) offers only the pegawai he rates: "PPK
    # dimana JF berada" (Karangasem Pasal 14 ayat (3) a–c, (4) d; Pasuruan Lampiran II.B.2.a.2;
    # Pekanbaru Lampiran A.2).
    return "dinilai" if kepada == "ppk" else kepada


def lingkup_penunjuk(instansi: Instansi) -> str:
    """Whose pegawai an official may assign directly inside a unit, by the profile's ``penunjuk``:
    those he rates (Magelang Pasal 12 ayat (2)), those he leads (Blitar Pasal 24 ayat (2)), or either."""
    return {"ppk": "dinilai", "puo": "puo"}.get(aturan(instansi.profil).penunjuk("dalam_unit"), "ppk")


def _atasan(pegawai: list[Pegawai], peran: str) -> list[Pegawai]:
    """The distinct PPK or pimpinan unit (``peran``) of these pegawai, in their order."""
    return list(dict.fromkeys(
        x for kd in (kedudukan_pegawai(pg) for pg in pegawai) if kd and (x := getattr(kd, peran)) is not None))


def _pastikan_ada_ppk(pegawai: list[Pegawai], dasar: str) -> None:
    """Where each PPK signs for his own pegawai, a pegawai whose kedudukan names no PPK would get no
    surat penugasan at all: refuse the choice, naming him (Magelang Pasal 12 ayat (4))."""
    tanpa = [f"{pg.nama} (NIP {pg.nip})" for pg in pegawai if not ((kd := kedudukan_pegawai(pg)) and kd.ppk_id)]
    if tanpa:
        raise PpkBelumTercatat(tanpa, dasar)


def _dasar_sekarang(p: Penugasan) -> str:
    """The article of the step ``p`` is in, from its instansi's regulation (for messages)."""
    t = alur.tabel_status(p)
    lk = t.langkah.get(p.status)
    return lk.dasar_hukum if lk is not None and lk.dasar_hukum else t.dasar_hukum


def _simpan_penerima(p: Penugasan, pejabat: Pegawai, penerima: list[PenerimaInput], alasan_beban: str,
                     lingkup: str | None = None) -> dict:
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
    lingkup = lingkup or lingkup_pejabat(p, pejabat.pk)
    boleh = set(Pegawai.objects.filter(id__in=selectors.bawahan_ids(pejabat, lingkup)).filter(id__in=ids)
                .values_list("id", flat=True))
    bukan = set(ids) - boleh
    if bukan:
        # Names only of the official's own instansi: an id from elsewhere must not reveal who it is.
        nama = ", ".join(Pegawai.objects.filter(id__in=bukan, instansi_id=pejabat.instansi_id)
                         .values_list("nama", flat=True)) or "Pegawai terpilih"
        dasar = _dasar_sekarang(p) if p.status else alur.dasar_jalur(p.jalur, p.varian, p.instansi.profil)
        if lingkup == "dinilai":
            raise BukanPegawaiPejabat(
                f"{nama} tidak dinilai oleh {pejabat.nama}: hanya Pejabat Penilai Kinerja pegawai itu sendiri "
                f"yang dapat menawarkan, menetapkan atau menandatangani penugasannya ({dasar}). Pilih pegawai "
                "yang Anda nilai.", sorted(nama.split(", ")))
        if lingkup == "puo":
            raise BukanPegawaiPejabat(
                f"{nama} tidak dipimpin oleh {pejabat.nama}: penunjukan dilakukan melalui permohonan kepada "
                f"pimpinan unit organisasi pegawai itu ({dasar}).", sorted(nama.split(", ")))
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


# One transaction per service; a lock, deadlock or unique race becomes a retryable refusal.
_atomic = alur_kerja.atomic


# --- starting a path -------------------------------------------------------------------


def varian_untuk(instansi: Instansi, jalur: str) -> str:
    """The table the instansi's regulation uses for ``jalur`` (profile key ``penugasan``)."""
    from sikerja.kedudukan.engine import load_profil

    varian = load_profil(instansi.profil).penugasan.get(jalur, "")
    return varian if jalur in alur.VARIAN.get(varian, {}) else ""


def _penugasan_baru(jalur: str, instansi: Instansi, d: DataPenugasan, varian: str | None = None,
                    **pihak: Any) -> Penugasan:
    """The row (state still blank: alur_kerja.mulai sets it) and its parties; the table is the
    instansi's own unless ``varian`` says otherwise (a lintas-instansi target's rule)."""
    varian = varian_untuk(instansi, jalur) if varian is None else varian
    peran = {k: pihak.pop(k) for k in list(pihak) if k in PERAN_PIHAK}
    p = Penugasan.objects.create(
        jalur=jalur, varian=varian, instansi=instansi,
        **{f: getattr(d, f) for f in DataPenugasan.FIELDS}, **pihak,
    )
    p.pihak_awal({r: pg for r, pg in peran.items() if pg is not None})
    return p


def _mulai(p: Penugasan, aktor: Pegawai, pengguna, surat: Surat | None = None,  # type: ignore[no-untyped-def]
           data: dict[str, Any] | None = None, awal: str | None = None) -> Penugasan:
    alur_kerja.mulai(tabel=alur.tabel_status(p), subjek=p, aktor=aktor, pengguna=pengguna, resolver=_resolver,
                     hasil=Hasil(surat=[surat] if surat else [], data=data or {}), tautan=_tautan, awal=awal)
    return p


@_atomic
def buat_penunjukan_dalam_unit(*, pengguna, data: DataPenugasan, penerima: list[PenerimaInput],  # type: ignore[no-untyped-def]
                               alasan_beban: str = "") -> Penugasan:
    """The PUO (or PPK) assigns his own pegawai directly (Karangasem Pasal 14 ayat (2); Pasuruan II.B.2.a.1).

    Who may appoint is the profile's ``penunjuk`` (penugasan.aturan): only the PPK of the pegawai
    (Magelang Pasal 12 ayat (2) and (4), Lampiran II huruf A angka 1), only the PUO who leads them
    (Blitar Pasal 24 ayat (2)), or either. Under Pasuruan's reading (varian ``usul_puo``, Lampiran
    II.B.2.a huruf d) a PUO who is not the PPK of every chosen pegawai proposes, and their PPK set it.
    """
    aktor = _pegawai(pengguna)
    _periksa_data(data, permohonan=False)
    lingkup = lingkup_penunjuk(aktor.instansi)
    p = _penugasan_baru("dalam_unit", aktor.instansi, data, pemohon=aktor, puo_pemohon=aktor)
    info = _simpan_penerima(p, aktor, penerima, alasan_beban, lingkup=lingkup)
    pegawai = _penerima_pegawai(p)
    if "menunggu_penetapan_ppk" in alur.alur_dari("dalam_unit", p.varian).awal_lain:
        # Lampiran II.B.2.a huruf d: the PPK "bersangkutan" sets it; without one nobody can.
        _pastikan_ada_ppk(pegawai, alur.dasar_langkah("dalam_unit", p.varian, "menunggu_penetapan_ppk",
                                                      p.instansi.profil or ""))
        lain = [x for x in _atasan(pegawai, "ppk") if x != aktor]
        if lain:
            p.atur_pihak("ppk_pegawai", lain[0])
            p.antrean_ppk = [x.pk for x in lain[1:]]
            info["usulan_kepada"] = [x.nama for x in lain]
            return _mulai(p, aktor, pengguna, data=info, awal="menunggu_penetapan_ppk")
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
    atur = aturan(pegawai.instansi.profil)
    tutup: dict[str, str] = {j: alasan for j in alur.JALUR if (alasan := atur.tertutup(j))}
    if not memimpin:
        pesan = ("Penunjukan dan permohonan pelibatan dilakukan oleh pimpinan unit organisasi atau Pejabat Penilai "
                 f"Kinerja ({alur.dasar_jalur('dalam_unit', '', pegawai.instansi.profil)}); Anda tidak memimpin "
                 "atau menilai pegawai.")
        for j in ("dalam_unit", "lintas_unit", "lintas_instansi"):
            tutup.setdefault(j, pesan)
    if "dalam_unit" not in tutup:
        penunjuk = atur.penunjuk("dalam_unit")
        dasar = alur.dasar_jalur("dalam_unit", "", pegawai.instansi.profil)
        if penunjuk == "ppk" and not selectors.bawahan_ids(pegawai, "dinilai").exists():
            tutup["dalam_unit"] = (f"Penunjukan di dalam Perangkat Daerah dilakukan langsung oleh Pejabat Penilai "
                                   f"Kinerja ({dasar}); Anda bukan Pejabat Penilai Kinerja pegawai mana pun.")
        elif penunjuk == "puo" and not selectors.bawahan_ids(pegawai, "puo").exists():
            tutup["dalam_unit"] = (f"Penunjukan dilakukan melalui permohonan kepada pimpinan unit organisasi ({dasar}); "
                                   "Anda tidak memimpin pegawai — ajukan permohonan pelibatan kepada pimpinan unitnya.")
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
    dituju = selectors.pejabat_dituju(aktor.instansi_id, tabel.kepada, aktor).filter(id=ppk_tujuan_id).first()
    label = dict(tabel.label_peran).get("ppk_tujuan", "Pejabat Penilai Kinerja dituju")
    if dituju is None:
        raise DataTidakLengkap({"ppk_tujuan": f"Pilih {label} di instansi Anda."})
    if dituju == aktor:
        raise DataTidakLengkap({"ppk_tujuan": "Pegawai itu Anda pimpin sendiri; gunakan penunjukan dalam unit."})
    k = kedudukan_pegawai(aktor)
    ppk_pemohon = k.ppk if k else None
    p = _penugasan_baru("lintas_unit", aktor.instansi, data, pemohon=aktor, puo_pemohon=aktor,
                        ppk_pemohon=ppk_pemohon, ppk_tujuan=dituju)
    # Magelang Lampiran II huruf A angka 2 huruf a: the tembusan is for the PPK who will sign the
    # surat penugasan, known once the Pimpinan PD dituju names the pegawai (_setujui_pimpinan_pd).
    tembusan = [] if tabel.kepada == "pimpinan_pd" else [x for x in (ppk_pemohon,) if x]
    surat = _surat_permohonan(p, aktor, dituju, tembusan)
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
    instansi = Instansi.objects.select_related("pyb", "kepala_daerah").get(pk=aktor.instansi_id)
    if alasan := aturan(instansi.profil).tertutup("lintas_instansi"):
        raise JalurTidakTersedia(alasan)
    _pastikan_puo(aktor)
    _periksa_data(data, permohonan=True)
    tujuan = Instansi.objects.filter(id=instansi_tujuan_id).exclude(id=instansi.id).select_related("pyb").first()
    if tujuan is None:
        raise DataTidakLengkap({"instansi_tujuan": "Pilih instansi lain yang dituju."})
    if alasan := aturan(tujuan.profil).tertutup("lintas_instansi"):
        raise JalurTidakTersedia(f"{tujuan.nama} tidak menerima permohonan pelibatan lintas instansi: {alasan}")
    if instansi.pyb is None:
        raise PenugasanError(f"{instansi.nama} belum menetapkan Pejabat yang Berwenang; hubungi admin instansi.")
    if tujuan.pyb is None:
        raise PenugasanError(f"{tujuan.nama} belum menetapkan Pejabat yang Berwenang; permohonan belum dapat dikirim.")
    k = kedudukan_pegawai(aktor)
    ppk_pemohon = k.ppk if k else None
    # Blitar Pasal 21 ayat (1) huruf c, Pasal 22 huruf c: the Kepala Daerah decides; when he is not
    # set as a pegawai (Pengaturan), the PyB carries his decision and the admin may record it.
    # Pasal 22 huruf c binds a Blitar target too: its Walikota considers before its surat tugas
    # (alur._lintas_instansi_kepala_daerah, the reading in the Blitar profile's penugasan.bacaan).
    kd_pemohon = varian_untuk(instansi, "lintas_instansi") == "kepala_daerah"
    kd_tujuan = varian_untuk(tujuan, "lintas_instansi") == "kepala_daerah"
    varian = ("kepala_daerah_keduanya" if kd_pemohon and kd_tujuan else "kepala_daerah_tujuan" if kd_tujuan
              else None)
    kepala_daerah = (instansi.kepala_daerah or instansi.pyb) if kd_pemohon else None
    kepala_daerah_tujuan = (tujuan.kepala_daerah or tujuan.pyb) if kd_tujuan else None
    p = _penugasan_baru("lintas_instansi", instansi, data, varian=varian, instansi_tujuan=tujuan, pemohon=aktor,
                        puo_pemohon=aktor, ppk_pemohon=ppk_pemohon, pyb_pemohon=instansi.pyb, pyb_tujuan=tujuan.pyb,
                        kepala_daerah=kepala_daerah, kepala_daerah_tujuan=kepala_daerah_tujuan)
    surat = _surat_permohonan(p, aktor, instansi.pyb, [ppk_pemohon] if ppk_pemohon else [])
    return _mulai(p, aktor, pengguna, surat)


PESAN_SUKARELA_LINTAS_INSTANSI = (
    "Pengajuan sukarela hanya dapat dilakukan di dalam unit organisasi sendiri atau lintas unit organisasi "
    "di lingkungan instansi sendiri ({dasar}). Pegawai instansi lain dilibatkan melalui penunjukan lintas instansi, "
    "yang dimohonkan oleh pimpinan unit organisasi pemilik kinerja di instansi itu kepada Pejabat yang Berwenang."
)


def pesan_sukarela_lintas_instansi(instansi: Instansi) -> str:
    """Why volunteering stops at the instansi, citing the instansi's own regulation."""
    return PESAN_SUKARELA_LINTAS_INSTANSI.format(
        dasar=alur.dasar_jalur("sukarela_lintas_unit", "", instansi.profil))


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
            raise SukarelaLintasInstansi(pesan_sukarela_lintas_instansi(pemohon.instansi))
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
    masukan: dict[str, Any] = field(default_factory=dict)


def _pilih_pegawai(p: Penugasan, k: Keputusan) -> tuple[Any, ...]:
    """The PPK dituju agrees and names the pegawai; their PUO recommends before he assigns.

    Pasuruan Lampiran II.B.2.a.2 huruf c (lintas unit) and II.B.2.a.3 huruf d (lintas instansi):
    the PPK acts "dengan rekomendasi dari Pimpinan Unit Organisasi" where the pegawai sit. Each
    such PUO other than the PPK himself recommends in turn; when there is none, the PPK's own
    decision is the recommendation and the next step (his letter) follows at once.
    """
    info = _simpan_penerima(p, k.aktor, k.penerima, k.alasan_beban)
    puo = [x for x in _atasan(_penerima_pegawai(p), "pimpinan_unit") if x != k.aktor]
    if puo:
        p.atur_pihak("puo_tujuan", puo[0])
        p.antrean_rekomendasi = [x.pk for x in puo[1:]]
        info["rekomendasi_dari"] = [x.nama for x in puo]
        return [], info
    p.atur_pihak("puo_tujuan", None)
    p.antrean_rekomendasi = []
    info["rekomendasi"] = "PPK dituju sekaligus pimpinan unit organisasi pegawai yang dipilih"
    # The recommendation step is his own: the issuing step follows at once (the table's atau_ke).
    terbit = alur.langkah(p.jalur, "menunggu_penerbitan", p.varian)
    assert terbit is not None
    surat, lanjut, _ = _hasil_efek(_EFEK[terbit.hasil](p, k))
    return surat, {**info, **lanjut}, terbit.setujui_ke


def _rekomendasi_puo(p: Penugasan, k: Keputusan) -> tuple[Any, ...]:
    """A PUO recommends the chosen pegawai; the next PUO in line, if any, follows."""
    data = {"rekomendasi": k.alasan.strip() or "Direkomendasikan."}
    if p.antrean_rekomendasi:
        p.atur_pihak("puo_tujuan", p.antrean_rekomendasi[0])
        p.antrean_rekomendasi = p.antrean_rekomendasi[1:]
        lk = alur.langkah(p.jalur, "menunggu_rekomendasi_puo", p.varian)
        assert lk is not None and lk.atau_ke
        return [], data, lk.atau_ke  # the next PUO in line recommends
    if _pemberi_rekomendasi(p):
        # Pegawai under several PUO: none of them alone gives the surat penugasan (the PPK does).
        p.atur_pihak("puo_tujuan", None)
    return [], data


def _pemberi_rekomendasi(p: Penugasan) -> list[str]:
    return [t.aktor.nama for t in selectors.pemberi_rekomendasi(p)]


def _jawab_dan_tugaskan(p: Penugasan, k: Keputusan) -> tuple[Any, ...]:
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


def _setujui_pimpinan_pd(p: Penugasan, k: Keputusan) -> tuple[Any, ...]:
    """Perwal Magelang 25/2023 Lampiran II huruf A angka 2 huruf b: the Pimpinan Perangkat Daerah
    dituju approves with the pegawai he offers (surat jawaban); "dapat diberikan surat penugasan oleh
    Pejabat Penilai Kinerja" — their PPK assigns them. Where he rates them himself, or they have
    several PPK, he assigns them at once."""
    info = _simpan_penerima(p, k.aktor, k.penerima, k.alasan_beban)
    # Pasal 12 ayat (4): each chosen pegawai's own PPK signs; one without a PPK is refused here.
    _pastikan_ada_ppk(_penerima_pegawai(p), alur.dasar_langkah(p.jalur, p.varian, "menunggu_ppk_pegawai",
                                                               p.instansi.profil or ""))
    jawaban = surat_mod.terbitkan(
        penugasan=p, jenis="jawaban", penandatangan=k.aktor, kepada=[p.pemohon],
        tembusan=[x for x in (p.ppk_pemohon,) if x], perihal=f"Jawaban permohonan pelibatan: {p.judul}",
        paragraf=["Permohonan pelibatan pejabat fungsional/pelaksana DISETUJUI dengan pegawai sebagai berikut; "
                  "surat penugasan diberikan oleh Pejabat Penilai Kinerja pegawai yang bersangkutan."],
        pegawai=_daftar_pegawai(p),
    )
    ppk = _atasan(_penerima_pegawai(p), "ppk")
    if ppk and ppk != [k.aktor]:
        # Pasal 12 ayat (4); Lampiran II huruf A angka 2 huruf b angka 1: each PPK signs a surat
        # penugasan for his own pegawai, one after another; the request reaches each of them as
        # tembusan (Lampiran II huruf A angka 2 huruf a).
        p.atur_pihak("ppk_pegawai", ppk[0])
        p.antrean_ppk = [x.pk for x in ppk[1:]]
        info["ppk_pegawai"] = [x.nama for x in ppk]
        permohonan = p.surat.filter(jenis="permohonan_pelibatan", status="berlaku").order_by("-id").first()
        if permohonan is not None:
            kotak_masuk.kirim(penerima=ppk, subjek=p, jenis="tembusan", surat=permohonan, tautan=_tautan(p),
                              pesan=f"Tembusan {permohonan.get_jenis_display()} {permohonan.nomor}: {p}")
        return [jawaban], info
    langsung = alur.langkah(p.jalur, "menunggu_ppk_tujuan", p.varian)
    assert langsung is not None and langsung.atau_ke
    p.atur_pihak("ppk_pegawai", None)
    tugas, _ = _tugaskan_oleh_ppk(p, k)
    return [*tugas, jawaban], info, langsung.atau_ke


def _dinilai_oleh(pegawai: list[Pegawai], ppk: Pegawai) -> list[Pegawai]:
    return [pg for pg in pegawai if (kd := kedudukan_pegawai(pg)) is not None and kd.ppk_id == ppk.pk]


def _tugaskan_oleh_ppk(p: Penugasan, k: Keputusan) -> tuple[Any, ...]:
    """The PPK signs the surat penugasan of his own pegawai; the next PPK in line follows (Magelang
    Pasal 12 ayat (4)). Without a queue (the Pimpinan PD rates them all) one letter for all."""
    dituju = p.ppk_tujuan
    semua = _penerima_pegawai(p)
    pegawai = _dinilai_oleh(semua, k.aktor) if p.ppk_pegawai_id else semua
    if not pegawai:
        raise BukanPegawaiPejabat(f"Tidak ada pegawai terpilih yang dinilai oleh {k.aktor.nama} ({_dasar_sekarang(p)}).")
    s = surat_mod.terbitkan(
        penugasan=p, jenis="penugasan", penandatangan=k.aktor, kepada=pegawai,
        tembusan=[x for x in (p.pemohon, dituju) if x], perihal=f"Penugasan: {p.judul}",
        paragraf=[f"Berdasarkan persetujuan {dituju.nama if dituju else '-'} atas permohonan pelibatan dari "
                  f"{p.pemohon.nama} ({p.pemohon.jabatan}), dengan ini menugaskan pegawai tersebut di bawah untuk "
                  f"melaksanakan {p.judul} selama {_durasi(DataPenugasan.dari(p))}, dengan penuh tanggung jawab."],
        rincian=_rincian(p), pegawai=_daftar_pegawai(p, pegawai),
    )
    if p.antrean_ppk:
        p.atur_pihak("ppk_pegawai", p.antrean_ppk[0])
        p.antrean_ppk = p.antrean_ppk[1:]
        lk = alur.langkah(p.jalur, "menunggu_ppk_pegawai", p.varian)
        assert lk is not None and lk.atau_ke
        return [s], {"ditandatangani_untuk": [pg.nama for pg in pegawai]}, lk.atau_ke
    return [s], {"ditandatangani_untuk": [pg.nama for pg in pegawai]}


def _tetapkan_usulan(p: Penugasan, k: Keputusan) -> tuple[Any, ...]:
    """Perbup Pasuruan 217/2023 Lampiran II.B.2.a huruf d: each PPK of the proposed pegawai sets the
    assignment the PUO proposed; after the last one, one surat penugasan per PPK (the PUO signs for
    those he rates himself)."""
    if p.antrean_ppk:
        p.atur_pihak("ppk_pegawai", p.antrean_ppk[0])
        p.antrean_ppk = p.antrean_ppk[1:]
        lk = alur.langkah(p.jalur, "menunggu_penetapan_ppk", p.varian)
        assert lk is not None and lk.atau_ke
        return [], {"ditetapkan": k.aktor.nama}, lk.atau_ke
    semua = _penerima_pegawai(p)
    kelompok: dict[Pegawai, list[Pegawai]] = {}
    for pg in semua:
        kd = kedudukan_pegawai(pg)
        kelompok.setdefault(kd.ppk if kd and kd.ppk else p.pemohon, []).append(pg)
    surat = []
    for ppk, pegawai in kelompok.items():
        surat.append(surat_mod.terbitkan(
            penugasan=p, jenis="penugasan", penandatangan=ppk, kepada=pegawai,
            tembusan=[x for x in (p.pemohon,) if x != ppk], perihal=f"Penugasan: {p.judul}",
            paragraf=[f"Atas usulan {p.pemohon.nama} ({p.pemohon.jabatan}) selaku Pimpinan Unit Organisasi, dengan "
                      f"ini menugaskan pegawai tersebut di bawah untuk melaksanakan {p.judul} selama "
                      f"{_durasi(DataPenugasan.dari(p))}, dengan penuh tanggung jawab."],
            rincian=_rincian(p), pegawai=_daftar_pegawai(p, pegawai),
        ))
    return surat, {"ditetapkan": k.aktor.nama}


def _keputusan_kepala_daerah(p: Penugasan, k: Keputusan) -> tuple[Any, ...]:
    """Perwal Blitar 6/2023 Pasal 21 ayat (1) huruf c and Pasal 22 huruf c: the Walikota's
    consideration, set by a Keputusan Walikota whose number and date are recorded."""
    nomor = str(k.masukan.get("nomor_keputusan") or "").strip()
    tanggal = k.masukan.get("tanggal_keputusan")
    galat = {}
    if not nomor:
        galat["nomor_keputusan"] = "Isi nomor Keputusan Kepala Daerah."
    if not tanggal:
        galat["tanggal_keputusan"] = "Isi tanggal Keputusan Kepala Daerah."
    if galat:
        raise DataTidakLengkap(galat)
    data: dict[str, Any] = {"keputusan_kepala_daerah": {"nomor": nomor[:100], "tanggal": str(tanggal)}}
    if k.masukan.get("dicatat_oleh"):
        data["dicatat_oleh"] = k.masukan["dicatat_oleh"]
    return [], data


def _kirim_ke_pyb_tujuan(p: Penugasan, k: Keputusan) -> tuple[Any, ...]:
    # Karangasem Pasal 14 ayat (4) huruf b: the PyB forwards the request to the target PyB.
    p.terkirim_ke_tujuan = True
    s = _surat_permohonan(p, k.aktor, p.pyb_tujuan, [p.pemohon])  # type: ignore[arg-type]
    return [s], {}


def _instruksikan_ppk(p: Penugasan, k: Keputusan) -> tuple[Any, ...]:
    # Pasal 14 ayat (4) huruf c: the target PyB instructs the PPK of suitable pegawai.
    # Only the PPK of some pegawai of the requested kind (huruf c–d: "Pejabat Penilai Kinerja Pejabat
    # Fungsional atau pelaksana"), who then offers only those he rates (alur: kepada "dinilai").
    ppk = selectors.ppk_diinstruksikan(k.aktor.instansi_id, p.jenjang_dibutuhkan).filter(
        id=k.ppk_tujuan_id or 0).first()
    if ppk is None:
        raise DataTidakLengkap({"ppk_tujuan": "Pilih Pejabat Penilai Kinerja dari pejabat fungsional/pelaksana "
                                              f"yang dibutuhkan ({_dasar_sekarang(p)})."})
    p.atur_pihak("ppk_tujuan", ppk)
    return [], {"ppk_tujuan": ppk.nama}


def _jawab_ketersediaan(p: Penugasan, k: Keputusan) -> tuple[Any, ...]:
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


def _setujui_jawaban(p: Penugasan, k: Keputusan) -> tuple[Any, ...]:
    s = surat_mod.terbitkan(
        penugasan=p, jenis="jawaban", penandatangan=k.aktor, kepada=[p.pyb_pemohon], tembusan=[p.pemohon],  # type: ignore[list-item]
        perihal=f"Jawaban permohonan pelibatan: {p.judul}",
        paragraf=["Permohonan pelibatan pejabat fungsional/pelaksana DISETUJUI dengan pegawai sebagai berikut."],
        pegawai=_daftar_pegawai(p),
    )
    return [s], {}


def _tugaskan_lintas_instansi(p: Penugasan, k: Keputusan) -> tuple[Any, ...]:
    # Pasal 14 ayat (4) huruf e angka 3: tembusan PyB of both instansi and the PPK concerned.
    pegawai = _penerima_pegawai(p)
    ppk = _atasan(pegawai, "ppk")
    dan_kd = ""
    for status, jenis, inst in (("menunggu_kepala_daerah_tujuan", "pertimbangan", p.instansi_tujuan),
                                ("menunggu_kepala_daerah", "Keputusan", p.instansi)):
        kd = (p.transisi.filter(dari_status=status, aksi="setujui").order_by("-id")
              .values_list("data", flat=True).first() or {}).get("keputusan_kepala_daerah")
        if kd and inst is not None:
            dan_kd += f" dan {jenis} Kepala Daerah {inst.nama} Nomor {kd['nomor']} tanggal {kd['tanggal']}"
    s = surat_mod.terbitkan(
        penugasan=p, jenis="penugasan", penandatangan=k.aktor, kepada=pegawai,
        tembusan=[p.pyb_tujuan, *ppk, p.pyb_pemohon],  # type: ignore[list-item]
        perihal=f"Penugasan: {p.judul}",
        paragraf=[f"Berdasarkan surat jawaban permohonan pelibatan yang telah disetujui{dan_kd}, dengan ini menugaskan "
                  f"pegawai tersebut di bawah untuk bekerja pada {p.instansi.nama} dalam {p.judul} selama "
                  f"{_durasi(DataPenugasan.dari(p))}, dengan penuh tanggung jawab."],
        rincian=_rincian(p), pegawai=_daftar_pegawai(p),
    )
    _beri_tahu([p.pemohon], p, "info", f"Pegawai telah ditugaskan: {p.judul}", s)
    return [s], {}


def _jawab_sukarela(p: Penugasan, k: Keputusan) -> tuple[Any, ...]:
    # The reply to a volunteer is titled as such (issue 9 point 9; kind registered in apps.py).
    s = surat_mod.terbitkan(
        penugasan=p, jenis="jawaban_sukarela", penandatangan=k.aktor, kepada=[p.pemohon],
        tembusan=[x for x in (p.ppk_pemohon, p.puo_pemohon) if x],
        perihal=f"Persetujuan pengajuan sukarela: {p.judul}",
        paragraf=[f"Pengajuan sukarela Saudara untuk dilibatkan dalam {p.judul} DISETUJUI. Sampaikan persetujuan "
                  "ini kepada Pejabat Penilai Kinerja Saudara untuk diterbitkan surat penugasan."],
        rincian=_rincian(p),
    )
    return [s], {}


def _teruskan_ke_ppk(p: Penugasan, k: Keputusan) -> tuple[Any, ...]:
    # Karangasem Pasal 15 ayat (3) huruf b: the volunteer sends the request approved by the PUO
    # dituju to his own PPK, tembusan his own PUO (a letter, numbered, like the others).
    disetujui = p.surat.filter(jenis__in=("jawaban", "jawaban_sukarela"), status="berlaku").order_by("-id").first()
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


def _kirim_sukarela(p: Penugasan, k: Keputusan) -> tuple[Any, ...]:
    # Magelang Lampiran II huruf B angka 2 huruf a: "surat permohonan yang diketahui oleh PPK".
    return [_surat_sukarela(p, diketahui=k.aktor)], {}


def _teruskan_ke_pimpinan_pd(p: Penugasan, k: Keputusan) -> tuple[Any, ...]:
    # Magelang Lampiran II huruf B angka 2 huruf b: the approved request goes to the volunteer's own
    # Pimpinan Perangkat Daerah and PPK. Where they are one person, his approval is the PPK's.
    disetujui = p.surat.filter(jenis__in=("jawaban", "jawaban_sukarela"), status="berlaku").order_by("-id").first()
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
        return [s], {}, lk.atau_ke
    return [s], {}


def _tanpa_surat(p: Penugasan, k: Keputusan) -> tuple[Any, ...]:
    return [], {}


def _tugaskan_sukarela(p: Penugasan, k: Keputusan) -> tuple[Any, ...]:
    info = _simpan_penerima(p, k.aktor, [PenerimaInput(p.pemohon_id, p.beban_diajukan)], k.alasan_beban)
    if p.puo_tujuan is not None:  # lintas unit: the unit dituju
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


EfekPenugasan = Callable[[Penugasan, "Keputusan"], tuple[Any, ...]]

_EFEK: dict[str, EfekPenugasan] = {
    "setujui_pimpinan_pd": _setujui_pimpinan_pd,
    "kirim_sukarela": _kirim_sukarela,
    "teruskan_ke_pimpinan_pd": _teruskan_ke_pimpinan_pd,
    "tanpa_surat": _tanpa_surat,
    "tugaskan_oleh_ppk": _tugaskan_oleh_ppk,
    "tetapkan_usulan": _tetapkan_usulan,
    "keputusan_kepala_daerah": _keputusan_kepala_daerah,
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

# --- firing a transition ---------------------------------------------------------------


def _hasil_efek(r: tuple[Any, ...]) -> tuple[list[Surat], dict[str, Any], str | None]:
    """An effect returns (letters, data) or (letters, data, target) — the target one its table allows."""
    return (r[0], r[1], r[2]) if len(r) == 3 else (r[0], r[1], None)


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


def _keputusan(ctx: Konteks) -> Keputusan:
    m = ctx.masukan
    return Keputusan(aktor=ctx.aktor, alasan=ctx.alasan, penerima=m.get("penerima") or [],
                     ppk_tujuan_id=m.get("ppk_tujuan_id"), alasan_beban=m.get("alasan_beban") or "", masukan=dict(m))


def _efek_setujui(nama: str) -> alur_kerja.Efek:
    def jalan(p: Penugasan, ctx: Konteks) -> Hasil:
        surat, data, ke = _hasil_efek(_EFEK[nama](p, _keputusan(ctx)))
        return Hasil(ke=ke, surat=surat, data=data)

    return jalan


def _efek_tolak(p: Penugasan, ctx: Konteks) -> Hasil:
    lk = alur.langkah(p.jalur, ctx.dari, p.varian)
    assert lk is not None
    surat: list[Surat] = []
    lintas = False
    tujuan = alur.JAWAB_TOLAK.get((p.jalur, ctx.dari))
    if tujuan and lk.tolak_dengan_surat:
        kepada, tembusan = p.pihak(tujuan[0]), [p.pihak(r) for r in tujuan[1]]
        surat.append(surat_mod.terbitkan(
            penugasan=p, jenis="jawaban_sukarela" if ctx.tabel.fakta.get("sukarela") else "jawaban",
            penandatangan=ctx.aktor, kepada=[kepada],
            tembusan=[t for t in tembusan if t], perihal=f"Jawaban permohonan: {p.judul}",
            paragraf=["Permohonan tersebut TIDAK DAPAT DISETUJUI dengan alasan sebagai berikut.", ctx.alasan],
            rincian=_rincian(p),
        ))
        lintas = kepada.instansi_id != ctx.aktor.instansi_id
    # A refusal on the target side is always shown to the requesting side.
    lintas = lintas or (bool(ctx.tabel.fakta.get("lintas_instansi")) and ctx.aktor.instansi_id != p.instansi_id)
    return Hasil(surat=surat, lintas=lintas, pemberitahuan=[
        ([p.pemohon], "info", f"Ditolak: {p.judul} — {ctx.alasan}", surat[0] if surat else None)])


def _efek_kembalikan(p: Penugasan, ctx: Konteks) -> Hasil:
    ke = ctx.keputusan.ke[0]
    if "ajukan_ulang" in ctx.tabel.aksi_tersedia(ke):
        # Back to the pemohon, who corrects it: remember which step resumes.
        p.kembali_ke = ctx.dari
    return Hasil(ke=ke)


def _efek_ajukan_ulang(p: Penugasan, ctx: Konteks) -> Hasil:
    perubahan: DataPenugasan | None = ctx.masukan.get("perubahan")
    data: dict[str, Any] = {}
    surat: list[Surat] = []
    if perubahan is not None:
        _periksa_data(perubahan, permohonan=bool(ctx.tabel.fakta.get("permohonan_tertulis")),
                      sukarela=bool(ctx.tabel.fakta.get("sukarela")))
        berubah = {f: str(getattr(perubahan, f)) for f in DataPenugasan.FIELDS
                   if getattr(perubahan, f) != getattr(p, f)}
        for f in DataPenugasan.FIELDS:
            setattr(p, f, getattr(perubahan, f))
        data["perubahan"] = berubah
        if berubah:
            # The next official decides on what a letter says: the request letter the
            # pemohon signed is replaced by one with the corrected content. Locked after the
            # assignment (jalankan locked it first), the same order as a revocation.
            lama_id = p.surat.filter(jenis__in=alur.SURAT_PERMOHONAN, status="berlaku",
                                     penandatangan=ctx.aktor).order_by("-id").values_list("id", flat=True).first()
            lama = surat_services.kunci(lama_id) if lama_id else None
            if lama is not None and lama.berlaku:
                diminta = p.transisi.filter(aksi="kembalikan").order_by("-id").values_list("alasan", flat=True).first()
                surat.append(_koreksi(p, lama, f"diperbaiki sesuai pengembalian: {diminta or ctx.alasan}"))
                data["mengoreksi"] = lama.nomor
    ke, p.kembali_ke = p.kembali_ke, ""
    return Hasil(ke=ke, surat=surat, data=data)


def _surat_milik(aktor: Pegawai, surat_id: int) -> Surat:
    """The letter, locked (after its assignment: one lock order everywhere), signed by ``aktor``."""
    s = surat_services.kunci(surat_id, instansi_id=aktor.instansi_id)
    if s is None:
        raise PenugasanTidakDitemukan("Surat tidak ditemukan.")
    if s.penandatangan_id != aktor.id:
        raise TidakBerwenang("Hanya penandatangan surat yang dapat mencabut atau mengoreksinya.")
    if not s.berlaku:
        raise SuratTidakDapatDiubah(f"Surat {s.nomor} sudah {s.get_status_display().lower()}.")
    return s


def _efek_cabut(p: Penugasan, ctx: Konteks) -> Hasil:
    s = _surat_milik(ctx.aktor, ctx.masukan["surat_id"])
    surat_services.cabut(surat=s, alasan=ctx.alasan)
    mengakhiri = alur.cabut_mengakhiri(s.jenis, ctx.dari)
    if mengakhiri:
        p.kembali_ke = ""
    pihak = [*s.kepada.all(), *s.tembusan.all()]
    if mengakhiri:
        pihak += [x for x in (p.pemohon, *_penerima_pegawai(p)) if x]
    akibat = " Penugasan ini berakhir." if mengakhiri else ""
    ctx.masukan["keluaran"]["surat"] = s
    ctx.masukan["keluaran"]["mengakhiri"] = mengakhiri
    lintas = bool(ctx.tabel.fakta.get("lintas_instansi")) and s.instansi_penerima_id != s.instansi_id
    return Hasil(ke=alur.DICABUT if mengakhiri else None, surat_jejak=s, lintas=lintas,
                 pemberitahuan=[(pihak, "info", f"Surat {s.nomor} dicabut: {ctx.alasan}.{akibat}", s)])


def _efek_koreksi(p: Penugasan, ctx: Konteks) -> Hasil:
    """Issue 9 point 8, a correction that corrects: the signer may change what the letter says —
    period, uraian, target (``perubahan``) and, on the surat penugasan, the pegawai and their load
    (``penerima``). The assignment takes the corrected content first (checked as when it was
    made, workload included), so the new letter, the workload and the pages all say the same."""
    lama = _surat_milik(ctx.aktor, ctx.masukan["surat_id"])
    perubahan: DataPenugasan | None = ctx.masukan.get("perubahan")
    penerima: list[PenerimaInput] | None = ctx.masukan.get("penerima")
    data: dict[str, Any] = {"mengoreksi": lama.nomor}
    pemberitahuan: list[tuple[list[Any], str, str, Any]] = []
    periode_lama = (p.mulai, p.selesai)
    if penerima is not None and lama.jenis != alur.SURAT_TUGAS:
        raise DataTidakLengkap({"penerima": "Daftar pegawai hanya dapat dikoreksi pada surat penugasan."})
    if perubahan is not None and lama.jenis != alur.SURAT_TUGAS and p.surat.filter(
            jenis=alur.SURAT_TUGAS, status="berlaku").exists():
        # Once assigned, what the pegawai do is what the surat penugasan says: only its signer changes it.
        raise TidakBerwenang("Penugasan ini sudah ditetapkan dengan surat penugasan; isinya hanya dapat dikoreksi "
                             "oleh penandatangan surat penugasan.")
    if perubahan is not None:
        _periksa_data(perubahan, permohonan=bool(ctx.tabel.fakta.get("permohonan_tertulis")),
                      sukarela=bool(ctx.tabel.fakta.get("sukarela")))
        berubah = {f: str(getattr(perubahan, f)) for f in DataPenugasan.FIELDS if getattr(perubahan, f) != getattr(p, f)}
        for f in DataPenugasan.FIELDS:
            setattr(p, f, getattr(perubahan, f))
        if berubah:
            data["perubahan"] = berubah
    lama_pegawai = _penerima_pegawai(p)
    if penerima is not None:
        data.update(_simpan_penerima(p, ctx.aktor, penerima, ctx.masukan.get("alasan_beban") or ""))
        baru_pegawai = _penerima_pegawai(p)
        keluar = [g for g in lama_pegawai if g not in baru_pegawai]
        if keluar:
            pemberitahuan.append((keluar, "info", f"Anda tidak lagi ditugaskan dalam {p.judul}: surat {lama.nomor} "
                                  f"dikoreksi ({ctx.alasan.strip()}).", None))
        data["penerima"] = [g.nama for g in baru_pegawai]
    elif lama_pegawai and (p.mulai, p.selesai) != periode_lama:
        # A new period is a new load on the same pegawai: checked against the threshold again.
        data.update(_periksa_beban(p.instansi, p.mulai, p.selesai, [
            PenerimaInput(r.pegawai_id, r.beban_persen, r.ketua) for r in p.penerima.all()],
            ctx.masukan.get("alasan_beban") or "", kecuali=p.pk))
    baru = _koreksi(p, lama, ctx.alasan, ctx.masukan.get("paragraf_tambahan", ""))
    ctx.masukan["keluaran"]["surat"] = baru
    return Hasil(surat=[baru], data=data, pemberitahuan=pemberitahuan)


# The effects the tables name (alur.Langkah.hasil and the common decisions).
_EFEK_KERJA: dict[str, alur_kerja.Efek] = {
    **{nama: _efek_setujui(nama) for nama in _EFEK},
    "tolak": _efek_tolak,
    "kembalikan": _efek_kembalikan,
    "ajukan_ulang": _efek_ajukan_ulang,
    "cabut_surat": _efek_cabut,
    "koreksi_surat": _efek_koreksi,
}


@_atomic
def jalankan(*, pengguna, penugasan_id: int, aksi: str, alasan: str = "",  # type: ignore[no-untyped-def]
             penerima: list[PenerimaInput] | None = None, ppk_tujuan_id: int | None = None,
             alasan_beban: str = "", perubahan: DataPenugasan | None = None, nomor_keputusan: str = "",
             tanggal_keputusan: date | None = None) -> Penugasan:
    """Fire ``aksi`` (setujui, tolak, kembalikan, ajukan_ulang) on an assignment, as ``pengguna``."""
    aktor = _pegawai(pengguna)
    t = alur_kerja.jalankan(
        tabel=alur.tabel_status, qs=selectors.penugasan_terlihat(pengguna), pk=penugasan_id, aksi=aksi,
        aktor=aktor, pengguna=pengguna, resolver=_resolver, efek=_EFEK_KERJA, alasan=alasan, tautan=_tautan,
        masukan={"penerima": penerima or [], "ppk_tujuan_id": ppk_tujuan_id, "alasan_beban": alasan_beban,
                 "perubahan": perubahan, "nomor_keputusan": nomor_keputusan, "tanggal_keputusan": tanggal_keputusan},
        tidak_ditemukan="Penugasan tidak ditemukan.")
    return t.subjek  # type: ignore[no-any-return]


def instansi_kepala_daerah(p: Penugasan) -> int | None:
    """The instansi whose Kepala Daerah the assignment waits for, and whose admin records his decision:
    the target's Walikota (Perwal Blitar 6/2023 Pasal 22 huruf c) on the target side, else the requester's."""
    return p.instansi_tujuan_id if alur.LANGKAH_KEPALA_DAERAH.get(p.status) == "kepala_daerah_tujuan" else p.instansi_id


@_atomic
def catat_keputusan_kepala_daerah(*, pengguna, penugasan_id: int, setuju: bool = True,  # type: ignore[no-untyped-def]
                                  nomor: str = "", tanggal: date | None = None, alasan: str = "") -> Penugasan:
    """Record the Kepala Daerah's decision on a lintas-instansi team (Perwal Blitar 6/2023 Pasal 21 ayat
    (1) huruf c, Pasal 22 huruf c): by the Kepala Daerah set in Pengaturan (or the PyB carrying his
    decision) himself, or — for an external signer — by the admin instansi (or an account holding the
    Kepala Daerah's kuasa), who records the number and date of the Keputusan he signed."""
    p = ambil_untuk(pengguna, penugasan_id)
    peran = alur.LANGKAH_KEPALA_DAERAH.get(p.status, "")
    kd = p.pihak(peran) if peran else None
    if kd is None:
        raise TransisiTidakSah("Penugasan ini tidak sedang menunggu keputusan Kepala Daerah; muat ulang halaman.")
    instansi_kd = instansi_kepala_daerah(p)
    pencatat = getattr(pengguna, "pegawai_id", None) != kd.pk
    if pencatat and not ((getattr(pengguna, "admin_instansi", False) or getattr(pengguna, "kuasa_kepala_daerah", False))
                         and pengguna.instansi_id == instansi_kd):
        raise TidakBerwenang("Keputusan Kepala Daerah dicatat oleh Kepala Daerah sendiri, Pejabat yang Berwenang yang "
                             "membawanya, atau admin instansi Kepala Daerah itu.")
    t = alur_kerja.jalankan(
        tabel=alur.tabel_status, qs=selectors.penugasan_terlihat(pengguna), pk=penugasan_id,
        aksi="setujui" if setuju else "tolak", aktor=kd, pengguna=pengguna, resolver=_resolver, efek=_EFEK_KERJA,
        alasan=alasan, tautan=_tautan, tidak_ditemukan="Penugasan tidak ditemukan.",
        masukan={"nomor_keputusan": nomor, "tanggal_keputusan": tanggal,
                 "dicatat_oleh": getattr(pengguna, "username", "") if pencatat else ""})
    return t.subjek  # type: ignore[no-any-return]


# --- letters after issue ---------------------------------------------------------------


def _keputusan_surat(pengguna, surat_id: int, aksi: str, alasan: str, **masukan: Any) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """Revoke or correct a letter as a decision on its assignment. The assignment row is locked
    first and the letter after it (the same order as a resubmission that re-issues a letter), so
    the two cannot deadlock (issue 10 point 11)."""
    aktor = _pegawai(pengguna)
    pid = Surat.objects.filter(pk=surat_id, instansi_id=aktor.instansi_id, subjek_jenis=selectors.SUBJEK).values_list(
        "subjek_id", flat=True).first()
    if pid is None:
        raise PenugasanTidakDitemukan("Surat tidak ditemukan.")
    keluaran: dict[str, Any] = {}
    alur_kerja.jalankan(
        tabel=alur.tabel_status, qs=Penugasan.objects.all(), pk=pid, aksi=aksi, aktor=aktor, pengguna=pengguna,
        resolver=_resolver, efek=_EFEK_KERJA, alasan=alasan, tautan=_tautan,
        masukan={"surat_id": surat_id, "keluaran": keluaran, **masukan})
    return keluaran


@_atomic
def cabut_surat(*, pengguna, surat_id: int, alasan: str) -> Surat:  # type: ignore[no-untyped-def]
    """Revocation: the letter keeps its content; its status (shown on verification) becomes dicabut.

    Revoking the surat penugasan of a working assignment, or the request of one still under
    way, ends the assignment (status ``dicabut``): it leaves the assignees' workload and
    nobody is left waiting to act on it.
    """
    if not alasan.strip():
        raise DataTidakLengkap({"alasan": "Alasan pencabutan wajib diisi."})
    return _keputusan_surat(pengguna, surat_id, "cabut_surat", alasan)["surat"]  # type: ignore[no-any-return]


def berakhir_karena(s: Surat) -> bool:
    """Whether the assignment of the revoked letter ``s`` has ended (the table's revoked state)."""
    return Penugasan.objects.filter(pk=s.subjek_id, status=alur.DICABUT).exists()


def _koreksi(p: Penugasan, lama: Surat, alasan: str, paragraf_tambahan: str = "") -> Surat:
    """Issue the letter that replaces ``lama`` (the assignment's current content; a surat
    penugasan is addressed to its current pegawai) and mark ``lama`` dikoreksi; the new letter
    names the one it replaces (penugasan.surat.koreksi)."""
    pegawai = _daftar_pegawai(p) if lama.isi.get("pegawai") else None
    kepada = _penerima_pegawai(p) if lama.jenis == alur.SURAT_TUGAS else None
    return surat_mod.koreksi(penugasan=p, lama=lama, alasan=alasan, paragraf_tambahan=paragraf_tambahan,
                             rincian=_rincian(p), pegawai=pegawai or [], kepada=kepada)


@_atomic
def koreksi_surat(*, pengguna, surat_id: int, alasan: str, paragraf_tambahan: str = "",  # type: ignore[no-untyped-def]
                  perubahan: DataPenugasan | None = None, penerima: list[PenerimaInput] | None = None,
                  alasan_beban: str = "") -> Surat:
    """A correction is a new letter referencing the old one; the old one is marked dikoreksi.

    With ``perubahan`` (period, uraian, target …) and, for the surat penugasan, ``penerima``,
    the assignment itself is corrected and the new letter says so (issue 9 point 8)."""
    if not alasan.strip():
        raise DataTidakLengkap({"alasan": "Alasan koreksi wajib diisi."})
    return _keputusan_surat(pengguna, surat_id, "koreksi_surat", alasan,  # type: ignore[no-any-return]
                            paragraf_tambahan=paragraf_tambahan, perubahan=perubahan, penerima=penerima,
                            alasan_beban=alasan_beban)["surat"]


@transaction.atomic
def tandai_dibaca(*, pegawai_id: int, penugasan_id: int) -> int:
    """Reading an assignment reads its tembusan and notices (actions stay open until taken)."""
    p = Penugasan.objects.filter(pk=penugasan_id).first()
    if p is None:
        return 0
    return kotak_masuk.tandai_dibaca(pegawai_id=pegawai_id, subjek=p)
