"""``sikerja akhiri_delegasi [--instansi KODE] [--tanggal YYYY-MM-DD]``: run daily (cron).

Ends the delegations whose SK period is over and applies those whose period has
begun, then recomputes the kedudukan of each instansi touched (issue 12.4). Pages
do the same check when they read a kedudukan, so this only keeps the stored data
current for reports and exports between visits.
"""

from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sikerja.kedudukan.services import akhiri_delegasi_kedaluwarsa
from sikerja.organisasi.models import Instansi


class Command(BaseCommand):
    help = "Akhiri delegasi yang masa berlaku SK-nya habis dan hitung ulang kedudukan."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--instansi", help="kode instansi (bawaan: semua)")
        parser.add_argument("--tanggal", help="hari acuan TTTT-BB-HH (bawaan: hari ini)")

    def handle(self, *args, **opts) -> None:  # type: ignore[no-untyped-def]
        instansi = None
        if opts["instansi"]:
            instansi = Instansi.objects.filter(kode=opts["instansi"]).first()
            if instansi is None:
                raise CommandError(f"instansi '{opts['instansi']}' tidak ada")
        hari = None
        if opts["tanggal"]:
            try:
                hari = date.fromisoformat(opts["tanggal"])
            except ValueError:
                raise CommandError(f"tanggal '{opts['tanggal']}' tidak sah; tulis TTTT-BB-HH") from None
        hasil = akhiri_delegasi_kedaluwarsa(instansi, hari=hari)
        if not hasil:
            self.stdout.write("Tidak ada delegasi yang berakhir atau mulai berlaku.")
        for kode, n in hasil.items():
            self.stdout.write(f"{kode}: delegasi diperbarui; kedudukan {n} pegawai dihitung ulang.")
