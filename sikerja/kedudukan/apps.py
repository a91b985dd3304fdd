from django.apps import AppConfig


class KedudukanConfig(AppConfig):
    name = "sikerja.kedudukan"
    label = "kedudukan"
    default_auto_field = "django.db.models.BigAutoField"
