"""The computed kedudukan of each pegawai, kept with its history.

A row holds who rates (PPK), who leads (pimpinan unit) and who coordinates a
pegawai from ``berlaku_mulai`` until ``berlaku_sampai`` (open while current).
Rows are never edited in place when the answer changes: the current row is
closed and a new one opened, because ratings and letters refer to the
kedudukan that held on their date (SPEC §1, accountability).
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q


class Penjelasan(models.Model):
    """Why a kedudukan is what it is: the rule, warnings, legal basis and steps.

    Everyone in the same post shares one explanation, so 50,000 kedudukan rows
    point at a few thousand of these instead of each carrying the texts; that
    keeps the recompute of a whole instansi within seconds.
    """

    sidik = models.CharField(max_length=40, unique=True)
    aturan = models.CharField(max_length=80, blank=True)
    peringatan = models.JSONField(default=list, blank=True)
    dasar_hukum = models.JSONField(default=list, blank=True)
    langkah = models.JSONField(default=list, blank=True)
    ada_peringatan = models.BooleanField(default=False, db_index=True)

    class Meta:
        verbose_name_plural = "penjelasan kedudukan"

    def __str__(self) -> str:
        return f"{self.aturan or 'tanpa aturan'} ({self.sidik[:8]})"


class Kedudukan(models.Model):
    # instansi, ppk, pimpinan_unit and koordinator are read only through the partial
    # indexes on current rows below; single-column indexes on them would be maintained
    # for every one of the 50,000 rows a recompute writes and never used.
    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.PROTECT, related_name="+", db_index=False)
    pegawai = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="riwayat_kedudukan")
    ppk = models.ForeignKey(
        "organisasi.Pegawai", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name="Pejabat Penilai Kinerja", db_index=False,
    )
    pimpinan_unit = models.ForeignKey(
        "organisasi.Pegawai", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name="Pimpinan Unit Organisasi", db_index=False,
    )
    koordinator = models.ForeignKey(
        "organisasi.Pegawai", null=True, blank=True, on_delete=models.PROTECT, related_name="+", db_index=False,
    )
    penjelasan = models.ForeignKey(Penjelasan, on_delete=models.PROTECT, related_name="+")
    berlaku_mulai = models.DateTimeField()
    berlaku_sampai = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "kedudukan"
        ordering = ["-berlaku_mulai"]
        constraints = [
            models.UniqueConstraint(
                fields=["pegawai"], condition=Q(berlaku_sampai__isnull=True), name="satu_kedudukan_berlaku"
            )
        ]
        indexes = [
            models.Index(fields=["instansi", "ppk"], condition=Q(berlaku_sampai__isnull=True), name="kd_ppk_berlaku"),
            models.Index(
                fields=["instansi", "pimpinan_unit"], condition=Q(berlaku_sampai__isnull=True), name="kd_puo_berlaku"
            ),
            models.Index(
                fields=["instansi", "koordinator"], condition=Q(berlaku_sampai__isnull=True), name="kd_koor_berlaku"
            ),
        ]

    def __str__(self) -> str:
        return f"Kedudukan {self.pegawai_id} sejak {self.berlaku_mulai:%Y-%m-%d}"

    # The explanation's fields, read through (select_related("penjelasan") in selectors).
    @property
    def aturan(self) -> str:
        return self.penjelasan.aturan

    @property
    def peringatan(self) -> list[str]:
        return self.penjelasan.peringatan

    @property
    def dasar_hukum(self) -> list[str]:
        return self.penjelasan.dasar_hukum

    @property
    def langkah(self) -> list[str]:
        return self.penjelasan.langkah

    @property
    def berlaku(self) -> bool:
        return self.berlaku_sampai is None

