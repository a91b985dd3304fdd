"""``sikerja siapkan``: create or upgrade the database (migrations and cache table)."""

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Siapkan basis data: jalankan migrasi dan buat tabel cache."

    def handle(self, *args, **opts) -> None:  # type: ignore[no-untyped-def]
        call_command("migrate", interactive=False, verbosity=max(0, opts["verbosity"] - 1))
        call_command("createcachetable", verbosity=0)
        self.stdout.write(self.style.SUCCESS("Basis data siap."))
