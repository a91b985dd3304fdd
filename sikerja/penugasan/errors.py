"""Errors a user can cause in penugasan, each with an Indonesian message saying what to do.

Views turn ``TidakBerwenang`` into HTTP 403, ``PenugasanTidakDitemukan`` into 404,
and the rest into a message on the form (API: 400/409).
"""

from __future__ import annotations


class PenugasanError(Exception):
    status_http = 400

    def __init__(self, pesan: str) -> None:
        super().__init__(pesan)
        self.pesan = pesan


class TidakBerwenang(PenugasanError):
    status_http = 403


class PenugasanTidakDitemukan(PenugasanError):
    status_http = 404


class TransisiTidakSah(PenugasanError):
    """The decision is not open in the current state (often: someone already decided)."""

    status_http = 409


class SedangDiproses(TransisiTidakSah):
    """Another user holds the assignment right now (SQLite reports a locked table)."""


class DataTidakLengkap(PenugasanError):
    def __init__(self, galat: dict[str, str]) -> None:
        super().__init__("Data belum lengkap: " + "; ".join(galat.values()))
        self.galat = galat


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


class SuratTidakDapatDiubah(PenugasanError):
    pass
