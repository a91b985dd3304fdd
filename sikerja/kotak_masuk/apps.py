from django.apps import AppConfig


class KotakMasukConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "sikerja.kotak_masuk"
    verbose_name = "Kotak masuk"
