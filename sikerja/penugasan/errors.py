"""Errors a user can cause in penugasan, each with an Indonesian message saying what to do.

They are the shared kinds of :mod:`sikerja.galat` (so the workflow core, letters and this app
raise the same classes). Views turn ``TidakBerwenang`` into HTTP 403, ``PenugasanTidakDitemukan``
into 404, and the rest into a message on the form (API: 400/409).
"""

from __future__ import annotations

from sikerja.galat import (
    DataTidakLengkap,
    KesalahanPengguna,
    SedangDiproses,
    TidakBerwenang,
    TidakDitemukan,
    TransisiTidakSah,
)
from sikerja.surat.errors import SuratTidakDapatDiubah

PenugasanError = KesalahanPengguna
PenugasanTidakDitemukan = TidakDitemukan

__all__ = ["BebanMelebihiAmbang", "BukanPegawaiPejabat", "JalurTidakTersedia", "DataTidakLengkap", "PpkBelumTercatat", "PenugasanError", "PenugasanTidakDitemukan", "SedangDiproses",
           "SukarelaLintasInstansi", "SuratTidakDapatDiubah", "TidakBerwenang", "TransisiTidakSah"]


class BebanMelebihiAmbang(PenugasanError):
    """Some assignee would pass Instansi.ambang_beban_kerja; a reason is needed to proceed."""

    def __init__(self, rincian: list[dict[str, object]], ambang: int) -> None:
        nama = ", ".join(f"{r['nama']} ({r['sesudah']}%)" for r in rincian)
        super().__init__(
            f"Beban kerja melebihi ambang {ambang}%: {nama}. Isi alasan untuk tetap menugaskan, "
            "atau kurangi beban/pilih pegawai lain."
        )
        self.rincian = rincian
        self.ambang = ambang


class SukarelaLintasInstansi(PenugasanError):
    pass


class BukanPegawaiPejabat(TidakBerwenang):
    """The official chose pegawai whose current kedudukan does not name him (as PPK, or as the
    appointer his regulation requires): he may offer, propose or sign only for his own pegawai."""

    def __init__(self, pesan: str, pegawai: list[str] | None = None) -> None:
        super().__init__(pesan)
        self.pegawai = pegawai or []


class JalurTidakTersedia(PenugasanError):
    """The instansi's regulation has no such path (e.g. Perwal Magelang 25/2023: no lintas instansi)."""


class PpkBelumTercatat(PenugasanError):
    """A chosen pegawai has no PPK in his current kedudukan where each PPK signs the surat penugasan
    of his own pegawai (Perwal Magelang 25/2023 Pasal 12 ayat (4); Perbup Pasuruan 217/2023
    Lampiran II.B.2.a huruf d): nobody could sign for him, so the choice is refused, not skipped."""

    def __init__(self, pegawai: list[str], dasar: str) -> None:
        nama = ", ".join(pegawai)
        super().__init__(
            f"{nama} belum memiliki Pejabat Penilai Kinerja dalam data kedudukan, sehingga tidak ada PPK yang dapat "
            f"menandatangani surat penugasannya ({dasar}). Minta BKPSDM/admin kepegawaian memperbaiki kedudukan "
            f"{nama}, atau pilih pegawai lain.")
        self.pegawai = pegawai
