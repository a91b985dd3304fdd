from django.apps import AppConfig


class SuratConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "sikerja.surat"
    verbose_name = "Surat"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the deploy check surat.W001)
