from typing import Any

from django.apps import AppConfig

# The reply to a volunteer is its own kind of letter, titled as such (issue 9 point 9): a pegawai
# who offered himself (Karangasem Pasal 15 ayat (3) huruf a; Pasuruan Lampiran II.B.2.b.2;
# Perwal Magelang 25/2023 Lampiran II huruf B angka 2) gets an answer to *his* offer, not a
# "Surat Jawaban Permohonan Pelibatan" meant for a unit's request.
JAWABAN_SUKARELA = ("jawaban_sukarela", "Surat Jawaban Pengajuan Sukarela", "JWB")

# Whom a written request may be addressed to, per the path's addressee kind (alur.Alur.kepada),
# as autocomplete scopes of organisasi.pilih (issue #12 point 3): never the requester himself.
LINGKUP_DITUJU = {"penugasan_ppk": "ppk", "penugasan_puo": "puo", "penugasan_pimpinan_pd": "pimpinan_pd"}


class PenugasanConfig(AppConfig):
    name = "sikerja.penugasan"
    label = "penugasan"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Penugasan's letter kinds (title and number code) in the shared letters app.
        from sikerja.organisasi import pilih
        from sikerja.surat import jenis

        from .alur import JENIS_SURAT, SURAT_TUGAS

        for kode, (judul, singkatan) in JENIS_SURAT.items():
            # The surat penugasan is printed as a Surat Tugas (Permendagri 1/2023, Lampiran).
            tugas = kode == SURAT_TUGAS
            jenis.daftarkan(kode, judul=judul, singkatan=singkatan,
                            template=jenis.TEMPLATE_SURAT_TUGAS if tugas else None,
                            judul_cetak="Surat Tugas" if tugas else "")
        kode, judul, singkatan = JAWABAN_SUKARELA
        if kode not in JENIS_SURAT:  # should alur.py one day declare it itself
            jenis.daftarkan(kode, judul=judul, singkatan=singkatan)
        for nama, kepada in LINGKUP_DITUJU.items():
            pilih.daftar_lingkup(nama, _lingkup_dituju(kepada))
        from sikerja.organisasi.vocab import JENJANG

        # The PPK a PyB dituju may instruct, per requested jenjang (a scope is named, never a parameter).
        for jenjang in ("", *JENJANG):
            pilih.daftar_lingkup(lingkup_ppk_diinstruksikan(jenjang), _lingkup_ppk_diinstruksikan(jenjang))


def _lingkup_dituju(kepada: str) -> Any:
    def lingkup(user: Any) -> Any:
        from . import selectors

        return selectors.pejabat_dituju(user.instansi_id, kepada, getattr(user, "pegawai", None)).exclude(id=user.pegawai_id or 0)

    return lingkup


def lingkup_ppk_diinstruksikan(jenjang: str) -> str:
    """The autocomplete scope of the PPK a PyB dituju may instruct for a request of ``jenjang``."""
    return "penugasan_ppk_diinstruksikan" + (f"_{jenjang}" if jenjang else "")


def _lingkup_ppk_diinstruksikan(jenjang: str) -> Any:
    def lingkup(user: Any) -> Any:
        from . import selectors

        return selectors.ppk_diinstruksikan(user.instansi_id, jenjang)

    return lingkup
