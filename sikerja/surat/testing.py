"""Images for tests and benchmarks of the kop surat: PNG/JPEG bytes of a chosen size, made
without an imaging library."""

from __future__ import annotations

import random
import struct
import zlib


def png(lebar: int = 300, tinggi: int = 300, *, derau: bool = False, seed: int = 1) -> bytes:
    """An RGB PNG. ``derau`` fills it with noise, which does not compress: about 3 bytes a
    pixel (480×480 ≈ 500 KB), the size of a lambang scanned at high resolution."""
    rng = random.Random(seed)
    baris = []
    for y in range(tinggi):
        if derau:
            isi = rng.randbytes(lebar * 3)
        else:
            isi = bytes((x * 255 // max(1, lebar - 1)) if (x // 16 + y // 16) % 2 else 200 for x in range(lebar)
                        for _ in range(3))
        baris.append(b"\x00" + isi)

    def chunk(jenis: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + jenis + data + struct.pack(">I", zlib.crc32(jenis + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", lebar, tinggi, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"".join(baris), 6)) + chunk(b"IEND", b""))


def kepala_jpeg(lebar: int, tinggi: int) -> bytes:
    """Only the header of a baseline JPEG (SOI, APP0, SOF0) — enough to be read as its size,
    not to be drawn."""
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof0 = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, tinggi, lebar, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + sof0 + b"\xff\xd9"
