"""The contoh module's table, resolver and effects: what any module writes to use alur_kerja."""

from __future__ import annotations

from typing import Any

from sikerja.alur_kerja import services as alur_kerja
from sikerja.alur_kerja.tabel import TETAP, Keputusan, KeputusanUmum, Langkah, TabelStatus
from sikerja.surat import services as surat

from .models import Permintaan

TABEL = TabelStatus(
    nama="contoh",
    awal=("menunggu_penyetuju",),
    pembuat="pemilik",
    langkah={
        "menunggu_penyetuju": Langkah(
            aktor="penyetuju", dasar_hukum="Contoh Pasal 1",
            keputusan=(
                Keputusan("setujui", ("disetujui",), label="Setujui", efek="terbitkan", surat=("contoh_keputusan",)),
                Keputusan("tolak", ("ditolak",), label="Tolak", wajib_alasan="Alasan penolakan wajib diisi."),
                Keputusan("kembalikan", ("dikembalikan",), label="Kembalikan", wajib_alasan="Tulis perbaikannya."),
            ),
        ),
        "dikembalikan": Langkah(
            aktor="pemilik", dasar_hukum="Contoh Pasal 2",
            keputusan=(Keputusan("ajukan_ulang", ("menunggu_penyetuju",), label="Ajukan ulang"),),
        ),
    },
    label_status={"menunggu_penyetuju": "Menunggu penyetuju", "dikembalikan": "Dikembalikan",
                  "disetujui": "Disetujui", "ditolak": "Ditolak"},
    akhir=frozenset({"disetujui", "ditolak"}),
    label_peran={"pemilik": "Pemilik", "penyetuju": "Penyetuju"},
    label_aksi={"setujui": "Setujui", "tolak": "Tolak", "kembalikan": "Kembalikan", "ajukan_ulang": "Ajukan ulang"},
    dasar_hukum="Contoh",
    umum=(KeputusanUmum(Keputusan("catat", (TETAP,), label="Catatan")),),
)


def resolver(p: Permintaan, peran: str) -> Any:
    return {"pemilik": p.pemilik, "penyetuju": p.penyetuju}.get(peran)


def _terbitkan(p: Permintaan, k: alur_kerja.Konteks) -> alur_kerja.Hasil:
    s = surat.terbitkan(subjek=p, jenis="contoh_keputusan", penandatangan=k.aktor, kepada=[p.pemilik], tembusan=[],
                        perihal=f"Keputusan: {p.judul}", paragraf=["Disetujui."])
    return alur_kerja.Hasil(surat=[s])


EFEK = {"terbitkan": _terbitkan}
