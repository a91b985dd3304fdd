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

from . import jenis as jenis_mod
from .errors import SuratTidakDapatDiubah
from .models import Surat
from .nomor import ambil_nomor, format_nomor

BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember"]
PEMBUKA_KOREKSI = "Surat ini menggantikan surat nomor "


def tanggal_id(d: date) -> str:
    return f"{d.day} {BULAN[d.month - 1]} {d.year}"


def url_verifikasi(kode: str) -> str:
    return settings.SIKERJA_BASE_URL.rstrip("/") + reverse("verifikasi_surat", args=[kode])


def orang(p: Pegawai, instansi_surat: Instansi | None = None) -> dict[str, str]:
    """A person as printed: name, post, and the instansi when it is not the letter's."""
    lain = instansi_surat is not None and p.instansi_id != instansi_surat.id
    return {"nama": p.nama, "jabatan": p.jabatan, "instansi": p.instansi.nama if lain else ""}


def render_pdf(isi: dict[str, Any], kode: str, jenis: str = "") -> bytes:
    buf = io.BytesIO()
    segno.make(url_verifikasi(kode), error="m").save(buf, kind="svg", scale=4, border=1)
    template = jenis_mod.ambil(jenis).template if jenis else jenis_mod.TEMPLATE_UMUM
    return typst.compile(
        str(template), format="pdf",
        sys_inputs={"data": json.dumps(isi, ensure_ascii=False, sort_keys=True), "qr": buf.getvalue().decode()},
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
) -> Surat:
    """Number, render and store one letter about ``subjek``. Call inside the service's transaction."""
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
        "kop": {"nama": instansi.nama, "alamat": instansi.alamat, "kota": instansi.kota,
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
        "url_verifikasi": url_verifikasi(kode),
    }
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
            subjek: Any = None) -> Surat:
    """Issue the letter that replaces ``lama`` (same kind and parties; content given by the caller,
    else the old one's) and mark ``lama`` dikoreksi; the new letter names the one it replaces."""
    assert transaction.get_connection().in_atomic_block, "koreksi() harus dipanggil di dalam transaksi"
    _pastikan_berlaku(lama)
    isi = lama.isi
    paragraf = [x for x in isi.get("paragraf", []) if not x.startswith(PEMBUKA_KOREKSI)]
    baru = terbitkan(
        subjek=subjek if subjek is not None else lama.subjek, jenis=lama.jenis, penandatangan=lama.penandatangan,
        kepada=list(lama.kepada.all()), tembusan=list(lama.tembusan.all()), perihal=lama.perihal,
        paragraf=[*paragraf, *([paragraf_tambahan.strip()] if paragraf_tambahan.strip() else []),
                  f"{PEMBUKA_KOREKSI}{lama.nomor} karena {alasan.strip()}."],
        rincian=rincian if rincian is not None else [tuple(r) for r in isi.get("rincian", [])],  # type: ignore[misc]
        pegawai=pegawai if pegawai is not None else (isi.get("pegawai") or None), mengoreksi=lama,
    )
    lama._tandai("dikoreksi", alasan)
    return baru
