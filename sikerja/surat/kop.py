"""The letterhead (kop naskah dinas) printed on every letter, and its lambang daerah image.

Permendagri 1/2023 (Tata Naskah Dinas di Lingkungan Pemerintah Daerah), Lampiran, kop naskah
dinas Perangkat Daerah: lambang daerah at the left, then the name of the Pemerintah Daerah, the
name of the Perangkat Daerah, and its address, telephone, e-mail and website. The kop of a letter
is its signer's Perangkat Daerah's (``KopSurat.unit``), else the instansi's, else the instansi's
name and address; it is frozen into the letter's ``isi`` at issue (the lambang by its sha256).

A lambang is checked before it is stored: PNG or JPEG only (by its bytes, not its file name),
at most :data:`LAMBANG_MAKS_BYTE` and :data:`LAMBANG_MAKS_PIKSEL` a side, and it must render —
an admin must not be able to make issuing letters fail or slow. A lambang larger than
:data:`LAMBANG_SISI_SIMPAN` pixels is stored scaled down (each letter embeds it).
"""

from __future__ import annotations

import base64
import hashlib
import struct
from typing import Any

from sikerja.organisasi.models import Instansi, Pegawai

from .errors import LambangTidakSah
from .models import KopSurat, Lambang

LAMBANG_MAKS_BYTE = 1024 * 1024
LAMBANG_MAKS_PIKSEL = 2500
LAMBANG_MIN_PIKSEL = 32
# A larger lambang is stored scaled down to this many pixels on its longer side.
LAMBANG_SISI_SIMPAN = 400
_PNG = b"\x89PNG\r\n\x1a\n"
# JPEG start-of-frame markers (baseline, progressive, …) that carry the image size.
_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _ukuran_jpeg(data: bytes) -> tuple[int, int] | None:
    i = 2
    while i + 9 < len(data):
        if data[i] != 0xFF:
            return None
        penanda = data[i + 1]
        if penanda == 0xFF:  # fill byte
            i += 1
            continue
        panjang = struct.unpack(">H", data[i + 2:i + 4])[0]
        if penanda in _SOF:
            tinggi, lebar = struct.unpack(">HH", data[i + 5:i + 9])
            return lebar, tinggi
        i += 2 + panjang
    return None


def baca_lambang(data: bytes) -> tuple[str, int, int]:
    """(jenis, lebar, tinggi) of an uploaded lambang, or :class:`LambangTidakSah` saying what to fix."""
    if len(data) > LAMBANG_MAKS_BYTE:
        raise LambangTidakSah(
            f"Berkas lambang {len(data) // 1024} KB; paling besar {LAMBANG_MAKS_BYTE // 1024} KB. "
            "Perkecil gambarnya (lebar 300–600 piksel sudah cukup untuk kop surat).")
    if data.startswith(_PNG) and data[12:16] == b"IHDR" and len(data) >= 24:
        jenis = "image/png"
        lebar, tinggi = struct.unpack(">II", data[16:24])
    elif data.startswith(b"\xff\xd8\xff"):
        jenis = "image/jpeg"
        ukuran = _ukuran_jpeg(data)
        if ukuran is None:
            raise LambangTidakSah("Berkas JPEG lambang rusak atau tidak lengkap; simpan ulang gambarnya.")
        lebar, tinggi = ukuran
    else:
        raise LambangTidakSah("Lambang harus berupa gambar PNG atau JPEG.")
    if max(lebar, tinggi) > LAMBANG_MAKS_PIKSEL:
        raise LambangTidakSah(f"Lambang {lebar}×{tinggi} piksel; paling besar {LAMBANG_MAKS_PIKSEL} piksel per sisi.")
    if min(lebar, tinggi) < LAMBANG_MIN_PIKSEL:
        raise LambangTidakSah(f"Lambang {lebar}×{tinggi} piksel terlalu kecil untuk dicetak; paling kecil "
                              f"{LAMBANG_MIN_PIKSEL} piksel per sisi.")
    if not _terbaca(data, jenis):
        raise LambangTidakSah("Gambar lambang tidak dapat dibaca; simpan ulang sebagai PNG atau JPEG.")
    return jenis, lebar, tinggi


def _terbaca(data: bytes, jenis: str) -> bool:
    """Whether Typst decodes the image itself (inside an SVG a broken image is skipped silently,
    so it is tried once here, from a file, where a broken one is a compile error)."""
    try:
        _typst_gambar(data, jenis, "#image(\"/{nama}\", width: 2cm)", "pdf")
    except Exception:  # typst.TypstError: the image does not decode
        return False
    return True


def _typst_gambar(data: bytes, jenis: str, sumber: str, format: str) -> bytes:
    import tempfile
    from pathlib import Path

    import typst

    with tempfile.TemporaryDirectory(prefix="sikerja-lambang-") as d:
        nama = "lambang.png" if jenis == "image/png" else "lambang.jpg"
        (Path(d) / nama).write_bytes(data)
        uji = Path(d) / "gambar.typ"
        uji.write_text(sumber.replace("{nama}", nama))
        return typst.compile(uji, format=format, ppi=72, root=Path(d))  # type: ignore[call-overload,no-any-return]


def _perkecil(data: bytes, jenis: str, lebar: int, tinggi: int) -> tuple[bytes, int, int]:
    """The image scaled down to :data:`LAMBANG_SISI_SIMPAN` on its longer side, as PNG (transparency
    kept). Every letter embeds its lambang: a 2,000-pixel scan would make each PDF a megabyte,
    while 400 pixels over the 2 cm of the kop already print at 500 dpi."""
    skala = LAMBANG_SISI_SIMPAN / max(lebar, tinggi)
    w, h = max(1, round(lebar * skala)), max(1, round(tinggi * skala))
    hasil = _typst_gambar(data, jenis, f"#set page(width: {w}pt, height: {h}pt, margin: 0pt, fill: none)\n"
                          "#image(\"/{nama}\", width: 100%, height: 100%)", "png")
    return hasil, w, h


def simpan_lambang(data: bytes) -> Lambang:
    """The stored lambang of these bytes (checked; one row per content)."""
    jenis, lebar, tinggi = baca_lambang(data)
    if max(lebar, tinggi) > LAMBANG_SISI_SIMPAN:
        data, lebar, tinggi = _perkecil(data, jenis, lebar, tinggi)
        jenis = "image/png"
    sha = hashlib.sha256(data).hexdigest()
    obj, _ = Lambang.objects.get_or_create(sha256=sha, defaults={"jenis": jenis, "data": data, "lebar": lebar,
                                                                 "tinggi": tinggi})
    return obj


def _svg(jenis: str, data: bytes) -> str:
    # Typst's sys.inputs are text: the image travels inside an SVG as a data URI.
    return ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
            'width="100" height="100" viewBox="0 0 100 100" preserveAspectRatio="xMidYMid meet">'
            f'<image width="100" height="100" xlink:href="data:{jenis};base64,{base64.b64encode(data).decode()}"/>'
            '</svg>')


_SVG_TERAKHIR: dict[str, str] = {}


def svg_lambang(sha256: str) -> str:
    """The lambang named in a letter's kop, as the SVG the templates draw ("" when none).

    A lambang never changes under its sha256, so the few most recent are kept in memory: a
    letter does not read half a megabyte from the database each time."""
    if not sha256:
        return ""
    svg = _SVG_TERAKHIR.get(sha256)
    if svg is None:
        row = Lambang.objects.filter(sha256=sha256).values_list("jenis", "data").first()
        if row is None:
            return ""
        svg = _svg(row[0], bytes(row[1]))
        if len(_SVG_TERAKHIR) >= 8:
            _SVG_TERAKHIR.pop(next(iter(_SVG_TERAKHIR)))
        _SVG_TERAKHIR[sha256] = svg
    return svg


def perangkat_daerah(p: Pegawai) -> Any:
    """The Perangkat Daerah (top unit) ``p`` works in."""
    unit = p.unit
    return unit.akar_pd if unit.akar_pd_id else unit


def kop_untuk(penandatangan: Pegawai, instansi: Instansi) -> dict[str, str]:
    """The kop printed on a letter ``penandatangan`` signs for ``instansi``, as frozen in ``isi``."""
    pd = perangkat_daerah(penandatangan) if penandatangan.instansi_id == instansi.id else None
    # The lambang's bytes stay in the database (svg_lambang reads them once per content).
    daftar = {k.unit_id: k for k in KopSurat.objects.filter(instansi=instansi).select_related("lambang")
              .defer("lambang__data") if k.unit_id is None or (pd is not None and k.unit_id == pd.id)}
    kop = daftar.get(pd.id if pd is not None else None) or daftar.get(None)
    nama_pd = (kop.nama_perangkat_daerah if kop and kop.nama_perangkat_daerah else (pd.nama if pd else ""))
    kontak = []
    if kop is not None:
        kontak = [x for x in (f"Telepon {kop.telepon}" if kop.telepon else "",
                              f"Pos-el {kop.email}" if kop.email else "",
                              f"Laman {kop.laman}" if kop.laman else "") if x]
    return {
        "pemda": (kop.nama_pemda if kop else instansi.nama),
        "pd": nama_pd,
        "alamat": (kop.alamat if kop and kop.alamat else instansi.alamat),
        "kontak": ", ".join(kontak),
        "kota": instansi.kota,
        "lambang": kop.lambang.sha256 if kop and kop.lambang else "",
        # Kept for letters rendered by older templates.
        "nama": instansi.nama,
    }
