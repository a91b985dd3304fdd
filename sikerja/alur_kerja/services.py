"""The one place where a subject's state moves.

:func:`jalankan` performs a decision: it locks the subject row, checks the current state and the
actor against the module's :class:`~sikerja.alur_kerja.tabel.TabelStatus` (the actor's role is
resolved by the module's resolver, through kedudukan selectors), runs the module's effect — which
may only *return* a target the table allows — then sets the state, writes the audit entry, closes
the previous actor's inbox action, opens one for the next actor and delivers the letters issued.
:func:`mulai` does the same for a subject that has just been created.

A module supplies:
- ``resolver(subjek, peran) -> Pegawai | None``: who holds a role on this subject;
- ``efek``: {name: fn(subjek, Konteks) -> Hasil | None} for the decisions' ``efek`` names;
- ``tautan(subjek) -> str``: where inbox items open.
A subject model has a ``status`` CharField and may have ``aktor_sekarang`` (a Pegawai FK): it is
kept equal to the pegawai who must act now, so "waiting for me" is one indexed filter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.db import IntegrityError, OperationalError, transaction
from django.db.models import Model, QuerySet

from sikerja.jejak import services as jejak
from sikerja.kotak_masuk import services as kotak_masuk
from sikerja.organisasi.models import Pegawai

from .errors import SedangDiproses, TargetTidakDiizinkan, TidakBerwenang, TidakDitemukan, TransisiTidakSah
from .tabel import TETAP, Keputusan, TabelStatus

M = TypeVar("M", bound=Model)

PESAN_SIBUK = "Data ini sedang diproses pengguna lain; muat ulang halaman dan coba lagi."


@dataclass
class Konteks:
    """What an effect gets: who decides, with which reason, and the module's own input."""

    tabel: TabelStatus
    keputusan: Keputusan
    dari: str
    aktor: Pegawai
    pengguna: Any = None
    alasan: str = ""
    masukan: Mapping[str, Any] = field(default_factory=dict)


@dataclass
class Hasil:
    """What an effect returns: the target (one the table allows; None = the decision's first),
    the letters it issued (delivered by jalankan), data for the audit entry, and extra notices."""

    ke: str | None = None
    surat: list[Any] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    lintas: bool | None = None
    # (pegawai list, jenis, pesan, surat or None): notices beyond the letters' addressees.
    pemberitahuan: list[tuple[list[Any], str, str, Any]] = field(default_factory=list)
    # Override of the audit entry's reason (e.g. a refusal's reason is cleaned by the effect).
    alasan: str | None = None
    # The letter the audit entry names when none is issued (e.g. the one revoked); not delivered.
    surat_jejak: Any = None


@dataclass
class Transisi:
    subjek: Any
    dari: str
    ke: str
    jejak: Any
    surat: list[Any]


Resolver = Callable[[Any, str], "Pegawai | None"]
Efek = Callable[[Any, Konteks], "Hasil | None"]


def atomic(fn: Callable[..., Any]) -> Callable[..., Any]:
    """One transaction per service; a lock, deadlock or unique-constraint race becomes a typed,
    retryable refusal (HTTP 409 in the API, a message on the page) instead of a 500."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            with transaction.atomic():
                return fn(*args, **kwargs)
        except OperationalError as e:
            teks = str(e).lower()
            if "locked" in teks or "deadlock" in teks or "could not serialize" in teks or "lock" in teks:
                raise SedangDiproses(PESAN_SIBUK) from e
            raise
        except IntegrityError as e:
            raise SedangDiproses(PESAN_SIBUK) from e

    wrapper.__name__ = fn.__name__
    wrapper.__qualname__ = getattr(fn, "__qualname__", fn.__name__)
    wrapper.__doc__ = fn.__doc__
    wrapper.__wrapped__ = fn  # type: ignore[attr-defined]
    return wrapper


def pemegang(tabel: TabelStatus, subjek: Any, status: str, resolver: Resolver) -> tuple[str | None, Pegawai | None]:
    """The role that acts in ``status`` and who holds it (the step's stand-in when nobody does)."""
    lk = tabel.langkah.get(status)
    if lk is None:
        return None, None
    orang = resolver(subjek, lk.aktor)
    if orang is None and lk.aktor_cadangan:
        return lk.aktor_cadangan, resolver(subjek, lk.aktor_cadangan)
    return lk.aktor, orang


def _set_status(subjek: Any, status: str) -> None:
    # The only assignment of a subject's state in the code base (tests/test_arsitektur_status.py).
    subjek.status = status


def _pindahkan_aktor(tabel: TabelStatus, subjek: Any, resolver: Resolver, tautan: str, surat: Any) -> None:
    kotak_masuk.tutup_tindakan(subjek=subjek)
    _, orang = pemegang(tabel, subjek, subjek.status, resolver)
    if hasattr(subjek, "aktor_sekarang_id"):
        subjek.aktor_sekarang = orang
    if orang is not None:
        kotak_masuk.kirim(penerima=[orang], subjek=subjek, jenis="tindakan",
                          pesan=f"{tabel.label(subjek.status)}: {subjek}", surat=surat, tautan=tautan)


def kirim_surat(subjek: Any, surat: Any, *, tautan: str = "", kecuali_id: int | None = None) -> None:
    """Deliver a letter: addressees (other than the next actor, who got an action) are notified,
    tembusan land unread."""
    kepada = [k for k in surat.kepada.all() if k.pk != kecuali_id]
    kotak_masuk.kirim(penerima=kepada, subjek=subjek, jenis="info",
                      pesan=f"{surat.get_jenis_display()} {surat.nomor}: {subjek}", surat=surat, tautan=tautan)
    kotak_masuk.kirim(penerima=list(surat.tembusan.all()), subjek=subjek, jenis="tembusan",
                      pesan=f"Tembusan {surat.get_jenis_display()} {surat.nomor}: {subjek}", surat=surat,
                      tautan=tautan)


def _selesaikan(tabel: TabelStatus, subjek: Any, *, aksi: str, dari: str, aktor: Pegawai, pengguna: Any,
                alasan: str, dasar_hukum: str, hasil: Hasil, lintas: bool, pindah: bool, resolver: Resolver,
                tautan: Callable[[Any], str] | None) -> Transisi:
    url = tautan(subjek) if tautan else ""
    surat = list(hasil.surat)
    pertama = surat[0] if surat else hasil.surat_jejak
    if pindah:
        _pindahkan_aktor(tabel, subjek, resolver, url, pertama)
    subjek.save()
    data = dict(hasil.data)
    if len(surat) > 1:
        data["surat_lain"] = [s.pk for s in surat[1:]]
    entri = jejak.catat(subjek=subjek, aksi=aksi, dari=dari, ke=subjek.status, aktor=aktor, pengguna=pengguna,
                        alasan=hasil.alasan if hasil.alasan is not None else alasan, dasar_hukum=dasar_hukum,
                        surat=pertama, data=data, lintas=lintas)
    for penerima, jenis, pesan, s in hasil.pemberitahuan:
        kotak_masuk.kirim(penerima=penerima, subjek=subjek, jenis=jenis, pesan=pesan, surat=s, tautan=url)
    kecuali = getattr(subjek, "aktor_sekarang_id", None)
    for s in surat:
        kirim_surat(subjek, s, tautan=url, kecuali_id=kecuali)
    return Transisi(subjek=subjek, dari=dari, ke=subjek.status, jejak=entri, surat=surat)


def mulai(*, tabel: TabelStatus, subjek: Any, aktor: Pegawai, pengguna: Any = None, resolver: Resolver,
          awal: str | None = None, hasil: Hasil | None = None, tautan: Callable[[Any], str] | None = None,
          aksi: str = "buat") -> Transisi:
    """Put a just-created subject in its first state (one the table allows) and record it."""
    awal = awal or tabel.awal[0]
    if awal not in tabel.awal:
        raise TargetTidakDiizinkan(f"{tabel.nama}: {awal!r} bukan status awal")
    _set_status(subjek, awal)
    hasil = hasil or Hasil()
    return _selesaikan(tabel, subjek, aksi=aksi, dari="", aktor=aktor, pengguna=pengguna, alasan="",
                       dasar_hukum=tabel.dasar_hukum, hasil=hasil, lintas=bool(hasil.lintas), pindah=True,
                       resolver=resolver, tautan=tautan)


def jalankan(*, tabel: TabelStatus | Callable[[Any], TabelStatus], qs: QuerySet[M], pk: int, aksi: str,
             aktor: Pegawai, resolver: Resolver, efek: Mapping[str, Efek], pengguna: Any = None, alasan: str = "",
             masukan: Mapping[str, Any] | None = None, tautan: Callable[[Any], str] | None = None,
             tidak_ditemukan: str = "Data tidak ditemukan.") -> Transisi:
    """Perform decision ``aksi`` on row ``pk`` of ``qs`` (the rows the user may see) as ``aktor``.

    Call inside a transaction (the module's service is wrapped in :func:`atomic`). Decisions of the
    table's ``umum`` list skip the actor check: the calling service has established it.
    """
    assert transaction.get_connection().in_atomic_block, "jalankan() harus dipanggil di dalam transaksi"
    # The row lock serialises concurrent deciders; the state is read again under the lock.
    subjek = qs.select_for_update().filter(pk=pk).first()
    if subjek is None:
        raise TidakDitemukan(tidak_ditemukan)
    t = tabel(subjek) if callable(tabel) else tabel
    dari = subjek.status  # type: ignore[attr-defined]
    kep = t.keputusan(dari, aksi)
    if kep is None:
        nama = t.label_aksi.get(aksi, aksi)
        tersedia = t.aksi_tersedia(dari)
        if tersedia and aksi in t.label_aksi:
            raise TransisiTidakSah(
                f"Pada langkah \u201c{t.label(dari)}\u201d keputusan \u201c{nama}\u201d tidak tersedia; "
                f"yang tersedia: {', '.join(t.label_aksi.get(a, a) for a in tersedia)}.")
        raise TransisiTidakSah(
            f"Status saat ini \u201c{t.label(dari)}\u201d; keputusan \u201c{nama}\u201d tidak tersedia. "
            "Mungkin sudah diputuskan pengguna lain; muat ulang halaman.")
    lk = t.langkah.get(dari)
    umum = lk is None or lk.keputusan_untuk(aksi) is None
    if not umum:
        peran, orang = pemegang(t, subjek, dari, resolver)
        if orang is None or orang.pk != aktor.pk:
            nama_orang = orang.nama if orang else "-"
            raise TidakBerwenang(
                f"Keputusan ini hanya dapat diambil oleh {t.nama_peran(peran or '')} ({nama_orang}).")
    if kep.wajib_alasan and not alasan.strip():
        from .errors import DataTidakLengkap

        raise DataTidakLengkap({"alasan": kep.wajib_alasan})
    ctx = Konteks(tabel=t, keputusan=kep, dari=dari, aktor=aktor, pengguna=pengguna, alasan=alasan.strip(),
                  masukan=masukan or {})
    hasil = (efek[kep.efek](subjek, ctx) if kep.efek else None) or Hasil()
    ke = hasil.ke or kep.ke[0]
    if ke not in kep.ke:
        raise TargetTidakDiizinkan(f"{t.nama}: {dari}/{aksi} tidak boleh menuju {ke!r} (boleh: {kep.ke})")
    _set_status(subjek, dari if ke == TETAP else ke)
    dasar = (lk.dasar_hukum if lk and not umum else "") or t.dasar_hukum
    lintas = kep.lintas if hasil.lintas is None else hasil.lintas
    return _selesaikan(t, subjek, aksi=aksi, dari=dari, aktor=aktor, pengguna=pengguna, alasan=alasan.strip(),
                       dasar_hukum=dasar, hasil=hasil, lintas=lintas, pindah=not (umum and ke == TETAP),
                       resolver=resolver, tautan=tautan)


def penerima_unik(*kelompok: Iterable[Any]) -> list[Any]:
    """Distinct non-None pegawai of several lists, in order."""
    return list(dict.fromkeys(x for g in kelompok for x in g if x is not None))
