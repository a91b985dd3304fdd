from django.apps import AppConfig


class TimKerjaConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "sikerja.timkerja"
    label = "timkerja"
    verbose_name = "Tim kerja"

    def ready(self) -> None:
        from sikerja.organisasi import kait
        from sikerja.surat import jenis

        from . import alur, services

        for kode, judul, singkatan in alur.JENIS_SURAT.values():
            jenis.daftarkan(kode, judul=judul, singkatan=singkatan)
        alur.TABEL.periksa()
        # TK-12 flag, and TK-07: Pasuruan's tim kerja substansi follow the koordinator of kedudukan.
        kait.daftar_setelah_perubahan(services.setelah_perubahan_organisasi)
        kait.daftar_setelah_impor(services.setelah_perubahan_organisasi)
