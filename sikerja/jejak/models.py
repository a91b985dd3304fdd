"""The audit trail (SPEC §1 akuntabilitas, §4): who did what, when, from which state to which,
with reason and legal basis, for any subject. Written once, never edited or deleted."""

from __future__ import annotations

from django.db import models

from sikerja.basisdata import TambahSaja
from sikerja.subjek import SubjekFields


class ObjekTidakDapatDiubah(Exception):
    """Raised when code tries to edit or delete an audit entry."""


class Jejak(SubjekFields, TambahSaja):
    aksi = models.CharField(max_length=32)
    dari_status = models.CharField(max_length=32, blank=True)
    ke_status = models.CharField(max_length=32)
    aktor = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="+")
    pengguna = models.ForeignKey("akun.Pengguna", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    waktu = models.DateTimeField(auto_now_add=True)
    alasan = models.TextField(blank=True)
    surat = models.ForeignKey("surat.Surat", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    dasar_hukum = models.CharField(max_length=300, blank=True)
    data = models.JSONField(default=dict, blank=True)
    # Seen by the other instansi of a lintas-instansi path (its letters cross over).
    lintas = models.BooleanField(default=False)

    GALAT = ObjekTidakDapatDiubah
    PESAN_UBAH = "Jejak audit tidak dapat diubah."
    PESAN_HAPUS = "Jejak audit tidak dapat dihapus."

    class Meta:
        verbose_name_plural = "jejak audit"
        ordering = ["waktu", "id"]
        indexes = [models.Index(fields=["subjek_jenis", "subjek_id", "waktu"], name="jejak_subjek")]

    def __str__(self) -> str:
        return f"{self.aksi}: {self.dari_status or '-'} → {self.ke_status}"

