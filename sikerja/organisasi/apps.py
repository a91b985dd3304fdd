from django.apps import AppConfig


class OrganisasiConfig(AppConfig):
    name = "sikerja.organisasi"
    label = "organisasi"
    default_auto_field = "django.db.models.BigAutoField"
