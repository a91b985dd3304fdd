from django.apps import AppConfig


class SiklusConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "sikerja.siklus"
    verbose_name = "Siklus kerja"
