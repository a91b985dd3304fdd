from django.apps import AppConfig


class AlurKerjaConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "sikerja.alur_kerja"
    verbose_name = "Alur kerja"
