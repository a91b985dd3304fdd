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
        # TK-12: a change of PUO flags teams whose ketua acts on the old PUO's delegation.
        kait.daftar_setelah_perubahan(services.tandai_perubahan_puo)
        kait.daftar_setelah_impor(lambda instansi, laporan: services.tandai_perubahan_puo(instansi))
