from django.apps import AppConfig


class PenugasanConfig(AppConfig):
    name = "sikerja.penugasan"
    label = "penugasan"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Penugasan's letter kinds (title and number code) in the shared letters app.
        from sikerja.surat import jenis

        from .alur import JENIS_SURAT

        for kode, (judul, singkatan) in JENIS_SURAT.items():
            jenis.daftarkan(kode, judul=judul, singkatan=singkatan)
