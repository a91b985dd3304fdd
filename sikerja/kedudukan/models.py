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

from sikerja.organisasi.vocab import LABEL_WEWENANG, WEWENANG_DELEGASI, choices

from .peringatan import Peringatan


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
    def peringatan(self) -> list[Peringatan]:
        return [Peringatan.dari_data(d) for d in self.penjelasan.peringatan]

    @property
    def kode_peringatan(self) -> list[str]:
        return [p.kode for p in self.peringatan]

    @property
    def dasar_hukum(self) -> list[str]:
        return self.penjelasan.dasar_hukum

    @property
    def langkah(self) -> list[str]:
        return self.penjelasan.langkah

    @property
    def berlaku(self) -> bool:
        return self.berlaku_sampai is None



class Delegasi(models.Model):
    """Pendelegasian kewenangan (SPEC §2): a decision (SK) making the delegate PPK or pimpinan unit.

    Belongs to kedudukan because it changes who rates and leads; written only by
    ``kedudukan.services`` (which check who may delegate, and that the delegate is
    below the giver), read by the engine for the day it resolves. A delegation holds
    from ``berlaku_mulai`` to ``berlaku_sampai`` inclusive; after that it ends by
    itself (``services.akhiri_delegasi_kedaluwarsa``) and the kedudukan follows.
    """

    ALASAN_BERAKHIR = [("dicabut", "Dicabut"), ("kedaluwarsa", "Masa berlaku habis"), ("impor", "Tidak ada di impor")]

    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.PROTECT, related_name="delegasi")
    dari = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="delegasi_diberikan")
    kepada = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="delegasi_diterima")
    wewenang = models.CharField(max_length=32, choices=choices(WEWENANG_DELEGASI, LABEL_WEWENANG))
    # Empty lists mean "everyone the delegator rates/manages".
    pegawai_nip = models.JSONField(default=list, blank=True)
    jenjang = models.JSONField(default=list, blank=True)
    aktif = models.BooleanField(default=True)
    # An import manages only the delegations it brought; those made in the
    # application survive a re-import of the organisation.
    sumber = models.CharField(max_length=8, default="aplikasi", choices=[("impor", "Impor"), ("aplikasi", "Aplikasi")])
    dibuat = models.DateTimeField(auto_now_add=True)
    dibuat_oleh = models.ForeignKey(
        "akun.Pengguna", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The decision and its period (issue 12.4).
    nomor_sk = models.CharField("nomor SK", max_length=100, blank=True)
    tanggal_sk = models.DateField("tanggal SK", null=True, blank=True)
    berlaku_mulai = models.DateField(null=True, blank=True)
    berlaku_sampai = models.DateField(null=True, blank=True)
    # Whether the stored kedudukan already counts it (False while its period has not begun).
    diterapkan = models.BooleanField(default=True)
    diakhiri = models.DateTimeField(null=True, blank=True)
    alasan_berakhir = models.CharField(max_length=12, blank=True, choices=ALASAN_BERAKHIR)
    diakhiri_oleh = models.ForeignKey(
        "akun.Pengguna", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name_plural = "delegasi"
        constraints = [
            models.UniqueConstraint(
                fields=["dari", "kepada", "wewenang"], condition=Q(aktif=True), name="delegasi_aktif_unik"
            )
        ]
        indexes = [
            models.Index(fields=["instansi", "berlaku_sampai"], condition=Q(aktif=True), name="delegasi_aktif_sampai"),
        ]

    def __str__(self) -> str:
        return f"{self.dari.nama} → {self.kepada.nama} ({self.get_wewenang_display()})"

    @property
    def label_sk(self) -> str:
        if not self.nomor_sk:
            return ""
        return f"SK {self.nomor_sk}" + (f" tanggal {self.tanggal_sk:%d-%m-%Y}" if self.tanggal_sk else "")
