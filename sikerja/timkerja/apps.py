from django.apps import AppConfig


class TimKerjaConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "sikerja.timkerja"
    label = "timkerja"
    verbose_name = "Tim kerja"
