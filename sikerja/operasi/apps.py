from django.apps import AppConfig


class OperasiConfig(AppConfig):
    """Running SIKERJA for real: serving, health, request logs, backup and restore."""

    name = "sikerja.operasi"
    verbose_name = "Operasi"
