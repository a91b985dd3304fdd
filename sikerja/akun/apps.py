from django.apps import AppConfig


class AkunConfig(AppConfig):
    verbose_name = "Akun"
    name = "sikerja.akun"
    label = "akun"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Accounts follow the organisation: created for new pegawai, switched off
        # for deactivated ones, in the import's transaction (organisasi.kait).
        from sikerja.organisasi import kait

        from .pengelolaan import sinkron_akun_setelah_impor

        kait.daftar_setelah_impor(sinkron_akun_setelah_impor)
        kait.daftar_setelah_perubahan(sinkron_akun_setelah_impor)
