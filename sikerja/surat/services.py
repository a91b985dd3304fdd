"""Issuing, revoking and correcting letters, for any subject.

A letter is rendered once, when issued, and its PDF bytes are stored: what the recipient
downloads is exactly what was issued. The Typst input is a JSON snapshot of names and posts of
that day, so re-rendering it gives the same file. Every function here runs inside the calling
service's transaction (the module's step writes its letters, state and audit entry together).
"""

from __future__ import annotations

import io
import json
import secrets
from datetime import date
from typing import Any

import segno
import typst
from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from sikerja import subjek as subjek_mod
from sikerja.organisasi.models import Instansi, Pegawai
from sikerja.organisasi.services import catat_pengaturan

from . import jenis as jenis_mod
from . import kop as kop_mod
from .errors import KopTidakSah, SuratTidakDapatDiubah
from .models import KopSurat, Surat
from .nomor import ambil_nomor, format_nomor

BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember"]
PEMBUKA_KOREKSI = "Surat ini menggantikan surat nomor "


def tanggal_id(d: date) -> str:
    return f"{d.day} {BULAN[d.month - 1]} {d.year}"


def url_verifikasi(kode: str) -> str:
    """The public address printed under a letter's QR code (``SIKERJA_ALAMAT_VERIFIKASI``; the
    check ``surat.W001`` warns on deploy while it is still a loopback address)."""
    return settings.SIKERJA_ALAMAT_VERIFIKASI.rstrip("/") + reverse("verifikasi_surat", args=[kode])


def orang(p: Pegawai, instansi_surat: Instansi | None = None) -> dict[str, str]:
    """A person as printed: name, post, NIP, pangkat/golongan, and the instansi when it is not the letter's."""
    lain = instansi_surat is not None and p.instansi_id != instansi_surat.id
    return {"nama": p.nama, "jabatan": p.jabatan, "instansi": p.instansi.nama if lain else "", "nip": p.nip,
            "pangkat": p.pangkat_golongan}


def render_pdf(isi: dict[str, Any], kode: str, jenis: str = "") -> bytes:
    buf = io.BytesIO()
    segno.make(url_verifikasi(kode), error="m").save(buf, kind="svg", scale=4, border=1)
    template = jenis_mod.ambil(jenis).template if jenis else jenis_mod.TEMPLATE_UMUM
    return typst.compile(
        str(template), format="pdf",
        sys_inputs={"data": json.dumps(isi, ensure_ascii=False, sort_keys=True), "qr": buf.getvalue().decode(),
                    "lambang": kop_mod.svg_lambang(isi.get("kop", {}).get("lambang", ""))},
    )


def terbitkan(
    *,
    subjek: Any,
    jenis: str,
    penandatangan: Pegawai,
    kepada: list[Pegawai],
    tembusan: list[Pegawai],
    perihal: str,
    paragraf: list[str],
    rincian: list[tuple[str, str]] | None = None,
    pegawai: list[dict[str, str]] | None = None,
    mengoreksi: Surat | None = None,
    tugas: dict[str, Any] | None = None,
) -> Surat:
    """Number, render and store one letter about ``subjek``. Call inside the service's transaction.

    ``tugas`` makes it a Surat Tugas (Permendagri 1/2023, Lampiran, format Surat Tugas): the
    kind's template prints ``dasar``, ``kepada`` (name, NIP, pangkat/golongan, jabatan) and
    ``untuk`` after "MENUGASKAN"."""
    assert transaction.get_connection().in_atomic_block, "terbitkan() harus dipanggil di dalam transaksi"
    js = jenis_mod.ambil(jenis)
    subjek_jenis, subjek_id = subjek_mod.ref(subjek)
    # Read afresh: the numbering format and kop may have changed since the pegawai was loaded.
    instansi = Instansi.objects.get(pk=penandatangan.instansi_id)
    hari_ini = timezone.localdate()
    urut = ambil_nomor(instansi, hari_ini.year)
    nomor = format_nomor(instansi, js.singkatan, urut, hari_ini)
    kode = secrets.token_urlsafe(12)
    # Each person once; the signatory is never a tembusan of his own letter.
    kepada = list(dict.fromkeys(kepada))
    tembusan = [t for t in dict.fromkeys(tembusan) if t not in kepada and t != penandatangan]
    isi = {
        "kop": {**kop_mod.kop_untuk(penandatangan, instansi),
                "kota_tanggal": f"{instansi.kota + ', ' if instansi.kota else ''}{tanggal_id(hari_ini)}"},
        "judul": js.judul,
        "nomor": nomor,
        "tanggal": tanggal_id(hari_ini),
        "perihal": perihal,
        "kepada": [orang(p, instansi) for p in kepada],
        "paragraf": paragraf,
        "rincian": [list(r) for r in (rincian or [])],
        "pegawai": pegawai or [],
        "penandatangan": orang(penandatangan),
        "tembusan": [orang(p, instansi) for p in tembusan],
        "mengoreksi": mengoreksi.nomor if mengoreksi else "",
        "mengoreksi_tanggal": tanggal_id(mengoreksi.tanggal) if mengoreksi else "",
        "url_verifikasi": url_verifikasi(kode),
    }
    if tugas is not None:
        isi["tugas"] = tugas
    penerima_instansi = kepada[0].instansi if kepada else instansi
    surat = Surat(
        subjek_jenis=subjek_jenis, subjek_id=subjek_id,
        instansi=instansi, instansi_penerima=penerima_instansi, jenis=jenis,
        nomor=nomor, nomor_urut=urut, tahun=hari_ini.year, tanggal=hari_ini, kode_verifikasi=kode,
        perihal=perihal, isi=isi, penandatangan=penandatangan, mengoreksi=mengoreksi,
        pdf=render_pdf(isi, kode, jenis),
    )
    surat.save()
    surat.kepada.set(kepada)
    surat.tembusan.set(tembusan)
    return surat


def kunci(surat_id: int, *, instansi_id: int | None = None) -> Surat | None:
    """The letter row, locked for update (the caller's transaction), within ``instansi_id`` if given."""
    qs = Surat.objects.select_for_update().filter(pk=surat_id)
    if instansi_id is not None:
        qs = qs.filter(instansi_id=instansi_id)
    return qs.first()


def _pastikan_berlaku(s: Surat) -> None:
    if s.status != "berlaku":
        raise SuratTidakDapatDiubah(f"Surat {s.nomor} sudah {s.get_status_display().lower()}.")


def cabut(*, surat: Surat, alasan: str) -> Surat:
    """Revocation: the letter keeps its content; its status (shown on verification) becomes dicabut.

    The caller has locked ``surat`` (:func:`kunci`) and checked who may revoke it."""
    assert transaction.get_connection().in_atomic_block, "cabut() harus dipanggil di dalam transaksi"
    _pastikan_berlaku(surat)
    surat._tandai("dicabut", alasan)
    return surat


def koreksi(*, lama: Surat, alasan: str, paragraf_tambahan: str = "",
            rincian: list[tuple[str, str]] | None = None, pegawai: list[dict[str, str]] | None = None,
            subjek: Any = None, kepada: list[Pegawai] | None = None, tembusan: list[Pegawai] | None = None,
            perihal: str | None = None, tugas: dict[str, Any] | None = None) -> Surat:
    """Issue the letter that replaces ``lama`` (same kind; parties and content given by the caller,
    else the old one's) and mark ``lama`` dikoreksi; the new letter names the one it replaces."""
    assert transaction.get_connection().in_atomic_block, "koreksi() harus dipanggil di dalam transaksi"
    _pastikan_berlaku(lama)
    isi = lama.isi
    paragraf = [x for x in isi.get("paragraf", []) if not x.startswith(PEMBUKA_KOREKSI)]
    baru = terbitkan(
        subjek=subjek if subjek is not None else lama.subjek, jenis=lama.jenis, penandatangan=lama.penandatangan,
        kepada=kepada if kepada is not None else list(lama.kepada.all()),
        tembusan=tembusan if tembusan is not None else list(lama.tembusan.all()),
        perihal=perihal or lama.perihal,
        paragraf=[*paragraf, *([paragraf_tambahan.strip()] if paragraf_tambahan.strip() else []),
                  f"{PEMBUKA_KOREKSI}{lama.nomor} karena {alasan.strip()}."],
        rincian=rincian if rincian is not None else [tuple(r) for r in isi.get("rincian", [])],  # type: ignore[misc]
        pegawai=pegawai if pegawai is not None else (isi.get("pegawai") or None), mengoreksi=lama,
        tugas=tugas if tugas is not None else isi.get("tugas"),
    )
    lama._tandai("dikoreksi", alasan)
    return baru


# --- kop surat ----------------------------------------------------------------------------

FIELD_KOP = {"nama_pemda": 200, "nama_perangkat_daerah": 200, "alamat": 300, "telepon": 60, "email": 254,
             "laman": 200}


@transaction.atomic
def simpan_kop(*, oleh: Any, instansi: Instansi, unit_id: int | None = None, lambang: bytes | None = None,
               hapus_lambang: bool = False, **isian: str) -> KopSurat:
    """Set the kop of ``instansi`` (``unit_id`` empty) or of one of its Perangkat Daerah; only its
    admin instansi may. ``lambang`` (bytes of a PNG/JPEG) replaces the image; letters already issued
    keep theirs (Permendagri 1/2023, Lampiran, kop naskah dinas)."""
    if not (getattr(oleh, "is_superuser", False)
            or (getattr(oleh, "admin_instansi", False) and getattr(oleh, "instansi_id", None) == instansi.id)):
        raise KopTidakSah("Kop surat hanya dapat diubah oleh admin instansi ini.")
    tak_dikenal = set(isian) - set(FIELD_KOP)
    if tak_dikenal:
        raise TypeError(f"Isian kop tidak dikenal: {sorted(tak_dikenal)}")
    unit = None
    if unit_id is not None:
        from sikerja.organisasi.models import UnitOrganisasi

        unit = UnitOrganisasi.objects.filter(pk=unit_id, instansi=instansi, aktif=True, induk__isnull=True).first()
        if unit is None:
            raise KopTidakSah("Pilih Perangkat Daerah (unit teratas) instansi ini untuk kop surat.")
    kop = KopSurat.objects.select_for_update().filter(instansi=instansi, unit=unit).first() or KopSurat(
        instansi=instansi, unit=unit, nama_pemda=instansi.nama)
    lama = {nama: getattr(kop, nama) for nama in FIELD_KOP} if kop.pk else {nama: "" for nama in FIELD_KOP}
    lambang_lama = kop.lambang_id
    for nama, batas in FIELD_KOP.items():
        if nama in isian:
            nilai = (isian[nama] or "").strip()
            if len(nilai) > batas:
                raise KopTidakSah(f"{nama.replace('_', ' ').capitalize()} paling panjang {batas} karakter.")
            setattr(kop, nama, nilai)
    if not kop.nama_pemda:
        raise KopTidakSah("Nama Pemerintah Daerah wajib diisi, mis. PEMERINTAH KABUPATEN PASURUAN.")
    if kop.email and ("@" not in kop.email or " " in kop.email):
        raise KopTidakSah(f"Alamat e-mail '{kop.email}' tidak sah (contoh: dinkes@pasuruankab.go.id).")
    if lambang is not None:
        kop.lambang = kop_mod.simpan_lambang(lambang)
    elif hapus_lambang:
        kop.lambang = None
    kop.save()
    perubahan: dict[str, tuple[Any, Any]] = {nama: (lama[nama], getattr(kop, nama)) for nama in FIELD_KOP}
    if kop.lambang_id != lambang_lama:
        perubahan["lambang"] = ("ada" if lambang_lama else "", "gambar baru" if kop.lambang_id else "dihapus")
    # Kop changes print on every later letter: who changed what is kept (organisasi's settings record).
    catat_pengaturan(instansi, oleh=oleh, bagian=f"kop surat {unit.nama if unit else 'instansi'}", perubahan=perubahan)
    return kop
