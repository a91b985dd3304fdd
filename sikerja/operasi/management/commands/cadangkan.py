"""``sikerja cadangkan [BERKAS]``: back the whole database up to a file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from sikerja.operasi.cadangan import GagalCadangan, cadangkan


class Command(BaseCommand):
    help = "Cadangkan seluruh basis data ke satu berkas (PostgreSQL: pg_dump; SQLite: backup API)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("berkas", nargs="?", help="berkas tujuan (bawaan: var/cadangan/sikerja-WAKTU.*)")

    def handle(self, *args: Any, berkas: str | None = None, **opts: Any) -> None:
        if not berkas:
            ext = "dump" if settings.DATABASES["default"]["ENGINE"].endswith("postgresql") else "sqlite3"
            berkas = str(settings.VAR_DIR / "cadangan" / f"sikerja-{timezone.now():%Y%m%d-%H%M%S}.{ext}")
        try:
            hasil = cadangkan(Path(berkas))
        except GagalCadangan as e:
            raise CommandError(str(e)) from e
        self.stdout.write(f"Cadangan ditulis: {hasil} ({hasil.stat().st_size:,} bait)")
