"""``sikerja kedudukan --nip NIP [--data FILE] [--json]``.

With ``--data`` the organisation is read from an import file and nothing is
written: an HR officer can check a draft regulation profile or a planned
restructuring before importing it.
"""

from __future__ import annotations

import json
from dataclasses import replace

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from sikerja.kedudukan.engine import Hasil, ProfilError, Resolver, load_profil
from sikerja.organisasi.dokumen import DokumenTidakValid, load
from sikerja.organisasi.struktur import Organisasi


def _pejabat(label: str, p) -> str:  # type: ignore[no-untyped-def]
    if p is None:
        return f"{label:<15}: -"
    return f"{label:<15}: {p.nama} (NIP {p.nip}) — {p.jabatan}"


def teks(org: Organisasi, h: Hasil) -> str:
    p = org.pegawai[h.nip]
    unit = org.units[p.unit]
    lines = [
        f"Kedudukan {p.nama} (NIP {p.nip})",
        f"{p.jabatan} — {unit.nama}, {org.units[org.akar_pd(p.unit)].nama}",
        "",
        _pejabat("PPK", h.ppk),
        _pejabat("Pimpinan unit", h.pimpinan_unit),
        _pejabat("Koordinator", h.koordinator),
    ]
    if h.peringatan:
        lines += ["", "Peringatan:"] + [f"  ! {w}" for w in h.peringatan]
    if h.langkah:
        lines += ["", "Alasan:"] + [f"  - {s}" for s in h.langkah]
    lines += ["", "Dasar hukum:"] + [f"  - {d}" for d in h.dasar_hukum]
    return "\n".join(lines)


class Command(BaseCommand):
    help = "Tampilkan PPK, pimpinan unit dan koordinator seorang pegawai beserta dasar hukumnya."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--nip", required=True, help="NIP pegawai (18 digit)")
        parser.add_argument("--data", help="baca organisasi dari berkas impor (tidak menyentuh basis data)")
        parser.add_argument("--instansi", help="kode instansi, bila NIP ada di lebih dari satu instansi")
        parser.add_argument("--json", action="store_true", help="keluaran JSON")

    def handle(self, *args, **opts) -> None:  # type: ignore[no-untyped-def]
        nip = opts["nip"].strip()
        if opts["data"]:
            try:
                org = load(opts["data"]).organisasi()
                # As the database would hold it today: delegations outside their SK period do not apply.
                hari = timezone.localdate()
                org = replace(org, delegasi=[d for d in org.delegasi if d.berlaku_pada(hari)])
            except DokumenTidakValid as e:
                for g in e.galat:
                    self.stderr.write(str(g))
                raise CommandError(f"berkas {opts['data']} tidak valid ({len(e.galat)} kesalahan)") from None
        else:
            from django.db import DatabaseError

            try:
                org = self._dari_db(nip, opts["instansi"])
            except DatabaseError as e:
                raise CommandError(
                    f"basis data belum siap ({e.__class__.__name__}); jalankan `sikerja siapkan` lalu impor data "
                    "organisasi, atau periksa organisasi dari berkas dengan --data FILE") from None
        if nip not in org.pegawai:
            raise CommandError(f"NIP {nip} tidak ditemukan di {opts['data'] or 'basis data'}.")
        try:
            h = Resolver(org, load_profil(org.profil)).resolve(nip)
        except ProfilError as e:
            raise CommandError(f"profil {org.profil} tidak dapat dibaca: {e}") from None
        if opts["json"]:
            self.stdout.write(json.dumps(h.as_dict(), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(teks(org, h))

    def _dari_db(self, nip: str, kode_instansi: str | None) -> Organisasi:
        from sikerja.kedudukan import selectors
        from sikerja.organisasi.models import Instansi, Pegawai

        qs = Pegawai.objects.filter(nip=nip, aktif=True)
        if kode_instansi:
            qs = qs.filter(instansi__kode=kode_instansi)
        ids = list(qs.values_list("instansi_id", flat=True))
        if not ids:
            raise CommandError(f"NIP {nip} tidak ditemukan di basis data.")
        if len(ids) > 1:
            raise CommandError(f"NIP {nip} ada di {len(ids)} instansi; sebutkan --instansi KODE.")
        return selectors.organisasi(Instansi.objects.get(id=ids[0]))
