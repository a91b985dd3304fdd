"""``sikerja demo --profil NAME --pegawai N``: a realistic instansi with demo logins.

Goes through the same validation and import as real data, then creates login
accounts for typical roles and prints them. Unless ``--tanpa-aktivitas``, the demo
accounts then get work to see and act on, made through the apps' services
(``_aktivitas``): assignments, tim kerja, a PK with kegiatan.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from sikerja.akun.models import Pengguna
from sikerja.organisasi import kait
from sikerja.organisasi.demo import buat_data_demo
from sikerja.organisasi.dokumen import DokumenTidakValid, validate
from sikerja.organisasi.models import Instansi, Pegawai
from sikerja.organisasi.services import impor_dokumen

from ._aktivitas import buat_aktivitas

USERNAME = {
    "admin_instansi": "admin",
    "bkpsdm": "bkpsdm",
    "inspektorat": "inspektorat",
}
# Short logins for the typical roles the generator suggests, by the start of their label.
USERNAME_PERAN = {
    "kepala dinas": "kadis",
    "kepala bidang": "kabid",
    "pejabat fungsional": "jf",
    "pengawas": "pengawas",
    "pejabat yang berwenang": "sekda",
}


def _username(akun: dict, dipakai: set[str]) -> str:
    for flag, name in USERNAME.items():
        if akun.get(flag):
            base = name
            break
    else:
        label = akun["peran"].lower()
        base = next((u for k, u in USERNAME_PERAN.items() if label.startswith(k)), "")
    if not base:
        words = [w for w in akun["peran"].lower().replace("(", " ").replace(")", " ").split() if w.isalpha()]
        base = ".".join(words[:2]) or "pengguna"
    name, i = base, 2
    while name in dipakai:
        name, i = f"{base}{i}", i + 1
    dipakai.add(name)
    return name


class Command(BaseCommand):
    help = "Bangun instansi demo yang realistis untuk sebuah profil peraturan, beserta akun demo."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--profil", default="pasuruan",
                            help="kode profil peraturan (berkas profil; profil tanpa data demo memakai demo umum)")
        parser.add_argument("--pegawai", type=int, default=1500, help="jumlah pegawai (60–50000)")
        parser.add_argument("--kode", help="kode instansi (bawaan: menurut profil)")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--password", default="sikerja-demo", help="kata sandi semua akun demo")
        parser.add_argument("--tanpa-aktivitas", action="store_true",
                            help="hanya organisasi dan akun: tanpa contoh penugasan, tim kerja dan siklus kerja")

    def handle(self, *args, **opts) -> None:  # type: ignore[no-untyped-def]
        if not 60 <= opts["pegawai"] <= 60000:
            raise CommandError("--pegawai harus antara 60 dan 60000")
        katalog = kait.katalog_profil()
        if katalog is not None and opts["profil"] not in katalog.tersedia():
            raise CommandError(f"profil '{opts['profil']}' tidak dikenal; pilih salah satu: {', '.join(katalog.tersedia())}")
        data = buat_data_demo(opts["profil"], opts["pegawai"], seed=opts["seed"], kode=opts["kode"])
        try:
            dokumen = validate(data)
        except DokumenTidakValid as e:  # a bug in the generator, not the user's fault
            raise CommandError("data demo tidak valid: " + "; ".join(map(str, e.galat[:5]))) from None
        with transaction.atomic():
            laporan = impor_dokumen(dokumen)
            instansi = Instansi.objects.get(kode=dokumen.instansi.kode)
            if data.get("pyb"):
                instansi.pyb = Pegawai.objects.get(instansi=instansi, nip=data["pyb"])
                instansi.save(update_fields=["pyb"])
            akun_baris = self._akun(instansi, data.get("akun_demo") or [], opts["password"])
        self.stdout.write(self.style.SUCCESS(
            f"Instansi demo {instansi.nama} ({instansi.kode}, profil {instansi.profil}): {laporan.ringkasan()}."
        ))
        if not opts["tanpa_aktivitas"]:
            hasil = buat_aktivitas(instansi, data.get("akun_demo") or [], seed=opts["seed"])
            self.stdout.write(hasil.ringkasan())
            for catatan in hasil.catatan:
                self.stdout.write(self.style.WARNING(f"  Catatan: {catatan}."))
        self.stdout.write("")
        self.stdout.write(f"Akun demo (kata sandi semua: {opts['password']}):")
        for baris in akun_baris:
            self.stdout.write("  " + baris)

    def _akun(self, instansi: Instansi, akun_demo: list[dict], password: str) -> list[str]:
        out: list[str] = []
        dipakai: set[str] = set(
            Pengguna.objects.exclude(instansi=instansi).values_list("username", flat=True)
        )
        su, _ = Pengguna.objects.get_or_create(username="superadmin", defaults={"is_staff": True, "is_superuser": True})
        su.set_password(password)
        su.save()
        dipakai.add("superadmin")
        for akun in akun_demo:
            pegawai = Pegawai.objects.get(instansi=instansi, nip=akun["nip"])
            username = _username(akun, dipakai)
            user = Pengguna.objects.filter(pegawai=pegawai).first() or Pengguna(username=username)
            user.username = username
            user.instansi = instansi
            user.pegawai = pegawai
            user.first_name = pegawai.nama[:150]
            user.admin_instansi = bool(akun.get("admin_instansi"))
            user.bkpsdm = bool(akun.get("bkpsdm"))
            user.inspektorat = bool(akun.get("inspektorat"))
            user.set_password(password)
            user.wajib_ganti_sandi = False  # the printed demo password is meant for use at once
            user.save()
            out.append(f"{username:<22} {akun['peran']}: {pegawai.nama} — {pegawai.jabatan}")
        out.append(f"{'superadmin':<22} Admin Django (superuser)")
        return out
