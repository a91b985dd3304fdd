"""``sikerja impor FILE [--dry-run] [--izinkan-nonaktif]``: import an organisation (YAML, JSON or XLSX)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sikerja.organisasi.dokumen import DokumenTidakValid, load
from sikerja.organisasi.services import NonaktifMassal, impor_dokumen


class Command(BaseCommand):
    help = "Impor organisasi (unit, pegawai, delegasi) dari berkas YAML, JSON atau XLSX."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("berkas", help="berkas .yaml, .yml, .json atau .xlsx")
        parser.add_argument("--dry-run", action="store_true", help="periksa dan laporkan perubahan tanpa menyimpan")
        parser.add_argument(
            "--izinkan-nonaktif", action="store_true",
            help="setujui penonaktifan lebih dari IMPOR_NONAKTIF_MAKS (bawaan 5%%) unit atau pegawai",
        )
        parser.add_argument("--semua", action="store_true", help="tampilkan semua baris laporan, bukan 50 per bagian")

    def handle(self, *args, **opts) -> None:  # type: ignore[no-untyped-def]
        try:
            dokumen = load(opts["berkas"])
        except DokumenTidakValid as e:
            for g in e.galat:
                self.stderr.write(str(g))
            raise CommandError(
                f"{len(e.galat)} kesalahan ditemukan di {opts['berkas']}; tidak ada data yang disimpan."
            ) from None
        try:
            laporan = impor_dokumen(dokumen, dry_run=opts["dry_run"], izinkan_nonaktif=opts["izinkan_nonaktif"])
        except NonaktifMassal as e:
            for baris in e.laporan.baris(None if opts["semua"] else 50):
                if baris.startswith("Dinonaktifkan"):
                    self.stderr.write(baris)
            raise CommandError(
                f"{e} Tidak ada data yang disimpan. Bila benar, ulangi dengan --izinkan-nonaktif."
            ) from None
        awalan = "[uji coba, tidak disimpan] " if opts["dry_run"] else ""
        for baris in laporan.baris(None if opts["semua"] else 50):
            self.stdout.write(awalan + baris)
        if not laporan.ada_perubahan:
            self.stdout.write(self.style.SUCCESS(f"{awalan}Tidak ada perubahan untuk instansi {laporan.instansi}."))
        else:
            self.stdout.write(self.style.SUCCESS(f"{awalan}Instansi {laporan.instansi}: {laporan.ringkasan()}."))
            self.stdout.write(f"{awalan}Kedudukan berubah untuk {laporan.kedudukan_berubah} pegawai.")
        if opts["dry_run"] and laporan.perlu_konfirmasi:
            self.stdout.write(self.style.WARNING(
                "Peringatan: penyimpanan akan dihentikan karena terlalu banyak yang dinonaktifkan; "
                "periksa berkasnya atau jalankan dengan --izinkan-nonaktif."))
