from django.apps import AppConfig


class JejakConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "sikerja.jejak"
    verbose_name = "Jejak audit"
