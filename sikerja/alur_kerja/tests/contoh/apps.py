from django.apps import AppConfig


class ContohConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "sikerja.alur_kerja.tests.contoh"
    label = "contoh_alur"

    def ready(self) -> None:
        from sikerja.surat import jenis

        jenis.daftarkan("contoh_keputusan", judul="Surat Keputusan Contoh", singkatan="KC")
