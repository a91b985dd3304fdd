"""Warnings about an assignment's dates that do not stop it (issue 9 point 9).

A start date in the past is allowed — an assignment is sometimes written down after the work
began — but the assigner must see it before he sends the letter: the surat penugasan then
takes effect backwards, and the assignee's workload counts from that date. A period that has
already ended is stranger still: the assignment would show as *Selesai* at once and free no
workload. The form shows these while the dates are typed (an htmx fragment) and the page
that follows the submission repeats them; nothing here blocks or writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from sikerja.surat.services import tanggal_id

MULAI_LAMPAU = "mulai_lampau"
MASA_BERAKHIR = "masa_berakhir"


@dataclass(frozen=True)
class Peringatan:
    """A warning as a value: ``kode`` to branch on, ``pesan`` to show (Indonesian)."""

    kode: str
    pesan: str


def periksa_tanggal(mulai: date | None, selesai: date | None, *, hari_ini: date | None = None) -> list[Peringatan]:
    """The warnings of an assignment period ``mulai``–``selesai`` as of ``hari_ini`` (default: today)."""
    if mulai is None:
        return []
    hari_ini = hari_ini or timezone.localdate()
    hasil: list[Peringatan] = []
    if selesai is not None and selesai < hari_ini:
        hasil.append(Peringatan(MASA_BERAKHIR, (
            f"Masa penugasan sudah berakhir pada {tanggal_id(selesai)}: penugasan ini akan langsung tampil "
            "Selesai dan tidak menambah beban kerja. Periksa kembali tanggalnya.")))
    elif mulai < hari_ini:
        lalu = (hari_ini - mulai).days
        hasil.append(Peringatan(MULAI_LAMPAU, (
            f"Tanggal mulai {tanggal_id(mulai)} sudah lewat ({lalu} hari yang lalu): surat penugasan berlaku "
            "surut dan beban kerja pegawai dihitung sejak tanggal itu. Pastikan memang demikian.")))
    return hasil
