"""Daily reminder before deadlines (issue 14 point 6): open kegiatan ending within the profile's
``pengingat_hari`` and report requests due reach the inbox (and e-mail) of whoever must act."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from sikerja.siklus import services


class Command(BaseCommand):
    help = "Kirim pengingat kegiatan dan permintaan laporan siklus kerja yang mendekati batas waktu."

    def handle(self, *args: Any, **options: Any) -> None:
        n = services.ingatkan()
        self.stdout.write(f"{n} pengingat dikirim.")
