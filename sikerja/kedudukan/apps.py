from typing import Any

from django.apps import AppConfig


class KedudukanConfig(AppConfig):
    name = "sikerja.kedudukan"
    label = "kedudukan"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """Recompute kedudukan whenever the organisation changes (organisasi.kait)."""
        from sikerja.organisasi import kait

        kait.daftar_setelah_impor(_setelah_impor)
        kait.daftar_setelah_perubahan(_setelah_perubahan)


def _setelah_impor(instansi: Any, laporan: Any) -> None:
    from .services import hitung_ulang

    laporan.kedudukan_berubah = hitung_ulang(instansi)


def _setelah_perubahan(instansi: Any) -> None:
    from .services import hitung_ulang

    hitung_ulang(instansi)
