"""``sikerja pulihkan BERKAS``: replace the database's content by a backup."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from sikerja.operasi.cadangan import GagalCadangan, pulihkan


class Command(BaseCommand):
    help = "Pulihkan basis data dari berkas cadangan (menggantikan seluruh isinya)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("berkas")
        parser.add_argument("--ya", action="store_true", help="jangan bertanya konfirmasi")

    def handle(self, *args: Any, berkas: str, ya: bool = False, **opts: Any) -> None:
        if not ya and opts.get("interactive", True):
            jawab = input("Seluruh isi basis data akan diganti dengan isi cadangan. Lanjutkan? [ya/tidak] ")
            if jawab.strip().lower() not in ("y", "ya", "yes"):
                raise CommandError("Dibatalkan.")
        try:
            pulihkan(Path(berkas))
        except GagalCadangan as e:
            raise CommandError(str(e)) from e
        self.stdout.write(f"Basis data dipulihkan dari {berkas}.")
