"""Daily reminder before deadlines (issue 14 point 6): open kegiatan ending within the profile's
``pengingat_hari`` and report requests due reach the inbox (and e-mail) of whoever must act. It also
re-resolves open review chains, so an item follows a Plt/Plh whose period began or ended today."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from sikerja.siklus import services


class Command(BaseCommand):
    help = "Kirim pengingat kegiatan dan permintaan laporan siklus kerja yang mendekati batas waktu."

    def handle(self, *args: Any, **options: Any) -> None:
        from sikerja.organisasi.models import Instansi

        pindah = sum(services.perbarui_rantai(i) for i in Instansi.objects.all())
        n = services.ingatkan()
        self.stdout.write(f"{n} pengingat dikirim; {pindah} kegiatan berpindah pemegang jabatan.")
