from django.apps import AppConfig


class TimKerjaConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "sikerja.timkerja"
    label = "timkerja"
    verbose_name = "Tim kerja"

    def ready(self) -> None:
        from sikerja.organisasi import kait, pilih
        from sikerja.surat import jenis

        from . import alur, selectors, services

        for kode, judul, singkatan in alur.JENIS_SURAT.values():
            jenis.daftarkan(kode, judul=judul, singkatan=singkatan)
        alur.TABEL.periksa()
        # TK-12 flag, and TK-07: Pasuruan's tim kerja substansi follow the koordinator of kedudukan.
        kait.daftar_setelah_perubahan(services.setelah_perubahan_organisasi)
        kait.daftar_setelah_impor(services.setelah_perubahan_organisasi)
        # The "add member" autocomplete offers the team's own candidates (issue #12 point 3).
        pilih.daftar_lingkup_subjek("timkerja_anggota", selectors.lingkup_anggota)
