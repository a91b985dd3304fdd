"""``manage.py timkerja ingatkan``: send reminders for overdue team reports (run daily from cron)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Tim kerja: kirim pengingat laporan yang terlambat (jalankan harian)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("perintah", choices=["ingatkan"])

    def handle(self, *args: Any, **opts: Any) -> None:
        from sikerja.timkerja.services import ingatkan_laporan

        self.stdout.write(f"{ingatkan_laporan()} pengingat laporan dikirim.")
