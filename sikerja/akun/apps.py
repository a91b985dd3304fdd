from django.apps import AppConfig


class AkunConfig(AppConfig):
    verbose_name = "Akun"
    name = "sikerja.akun"
    label = "akun"
    default_auto_field = "django.db.models.BigAutoField"
