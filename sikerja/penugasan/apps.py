from django.apps import AppConfig


class PenugasanConfig(AppConfig):
    name = "sikerja.penugasan"
    label = "penugasan"
    default_auto_field = "django.db.models.BigAutoField"
