from typing import Any

from django.apps import AppConfig


class SiklusConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "sikerja.siklus"
    verbose_name = "Siklus kerja"

    def ready(self) -> None:
        from sikerja.organisasi import kait

        from . import services

        # An official who changes while an item waits for him: the item follows the post (KINERJA §2.3).
        kait.daftar_setelah_impor(services.setelah_perubahan_organisasi)
        kait.daftar_setelah_perubahan(services.setelah_perubahan_organisasi)
        # A Plt/Plh taking or leaving a post: the same (tim kerja offers the hook).
        from sikerja.timkerja import services as timkerja_services

        timkerja_services.daftar_setelah_pengganti(services.setelah_perubahan_organisasi)
        # Magelang: a team's target change amends the PK carrying its targets (Lampiran II).
        timkerja_services.daftar_setelah_ubah_target(services.setelah_ubah_target_tim)
        # Whom an official may ask for an ad-hoc report: the pegawai of the units he leads.
        from sikerja.organisasi import pilih

        pilih.daftar_lingkup(LINGKUP_SASARAN_LAPORAN, _sasaran_laporan)


LINGKUP_SASARAN_LAPORAN = "siklus_sasaran_laporan"


def _sasaran_laporan(user: Any) -> Any:
    """The pegawai of the units ``user`` leads (as head or Plt/Plh), himself excepted; ``minta_laporan``
    checks the same again."""
    from sikerja.organisasi.models import Pegawai

    from .selectors import unit_dipimpin

    p = getattr(user, "pegawai", None)
    if p is None:
        return Pegawai.objects.none()
    return Pegawai.objects.filter(unit_id__in=unit_dipimpin(p)).exclude(pk=p.pk)
