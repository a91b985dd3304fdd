"""Issuing letters: numbering per instansi and year, PDF with Typst, verification code.

A letter is rendered once, when issued, and its PDF bytes are stored: what the
recipient downloads is exactly what was issued. The Typst input is a JSON
snapshot of names and posts of that day, so re-rendering it gives the same file.
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

from sikerja.organisasi.models import Instansi, Pegawai
from sikerja.surat.jenis import TEMPLATE_UMUM as TEMPLATE  # noqa: E402

from .models import NomorSurat, Penugasan, Surat

# {kode} of Instansi.format_nomor_surat, per kind of letter.
KODE_JENIS = {"permohonan_pelibatan": "PP", "jawaban": "JWB", "penugasan": "ST", "pengajuan_sukarela": "PS"}
JUDUL = dict(Surat.JENIS)

BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember"]
ROMAWI = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def tanggal_id(d: date) -> str:
    return f"{d.day} {BULAN[d.month - 1]} {d.year}"


def ambil_nomor(instansi: Instansi, tahun: int) -> int:
    """The next number of ``instansi`` in ``tahun``; the counter row stays locked until commit."""
    NomorSurat.objects.get_or_create(instansi=instansi, tahun=tahun)
    counter = NomorSurat.objects.select_for_update().get(instansi=instansi, tahun=tahun)
    counter.terakhir += 1
    counter.save(update_fields=["terakhir"])
    return counter.terakhir


def format_nomor(instansi: Instansi, jenis: str, nomor: int, tanggal: date) -> str:
    try:
        return instansi.format_nomor_surat.format(
            kode=KODE_JENIS[jenis], nomor=nomor, singkatan=instansi.singkatan or instansi.kode.upper(),
            tahun=tanggal.year, bulan_romawi=ROMAWI[tanggal.month - 1],
        )
    except (KeyError, IndexError, ValueError):
        # A broken format in the instansi settings must not stop letters.
        return f"{KODE_JENIS[jenis]}/{nomor:04d}/{instansi.singkatan or instansi.kode.upper()}/{tanggal.year}"


def url_verifikasi(kode: str) -> str:
    return settings.SIKERJA_BASE_URL.rstrip("/") + reverse("verifikasi_surat", args=[kode])


def orang(p: Pegawai, instansi_surat: Instansi | None = None) -> dict[str, str]:
    """A person as printed: name, post, and the instansi when it is not the letter's."""
    lain = instansi_surat is not None and p.instansi_id != instansi_surat.id
    return {"nama": p.nama, "jabatan": p.jabatan, "instansi": p.instansi.nama if lain else ""}


def render_pdf(isi: dict[str, Any], kode: str) -> bytes:
    buf = io.BytesIO()
    segno.make(url_verifikasi(kode), error="m").save(buf, kind="svg", scale=4, border=1)
    return typst.compile(
        str(TEMPLATE), format="pdf",
        sys_inputs={"data": json.dumps(isi, ensure_ascii=False, sort_keys=True), "qr": buf.getvalue().decode()},
    )


def terbitkan(
    *,
    penugasan: Penugasan,
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
    """Number, render and store one letter. Call inside the service's transaction."""
    assert transaction.get_connection().in_atomic_block, "terbitkan() harus dipanggil di dalam transaksi"
    # Read afresh: the numbering format and kop may have changed since the pegawai was loaded.
    instansi = Instansi.objects.get(pk=penandatangan.instansi_id)
    hari_ini = timezone.localdate()
    urut = ambil_nomor(instansi, hari_ini.year)
    nomor = format_nomor(instansi, jenis, urut, hari_ini)
    kode = secrets.token_urlsafe(12)
    # Each person once; the signatory is never a tembusan of his own letter.
    kepada = list(dict.fromkeys(kepada))
    tembusan = [t for t in dict.fromkeys(tembusan) if t not in kepada and t != penandatangan]
    isi = {
        "kop": {"nama": instansi.nama, "alamat": instansi.alamat, "kota": instansi.kota,
                "kota_tanggal": f"{instansi.kota + ', ' if instansi.kota else ''}{tanggal_id(hari_ini)}"},
        "judul": JUDUL[jenis],
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
        instansi=instansi, instansi_penerima=penerima_instansi, penugasan=penugasan, jenis=jenis,
        nomor=nomor, nomor_urut=urut, tahun=hari_ini.year, tanggal=hari_ini, kode_verifikasi=kode,
        perihal=perihal, isi=isi, penandatangan=penandatangan, mengoreksi=mengoreksi,
        pdf=render_pdf(isi, kode),
    )
    surat.save()
    surat.kepada.set(kepada)
    surat.tembusan.set(tembusan)
    return surat
