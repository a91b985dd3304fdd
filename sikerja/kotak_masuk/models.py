"""Kotak Masuk: what waits for one pegawai about any subject — an action to take, or a
tembusan/notice to read. Open items are counted in the navigation (one indexed COUNT)."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from sikerja.subjek import SubjekFields

JENIS_ITEM = {"tindakan": "Perlu tindakan", "tembusan": "Tembusan", "info": "Pemberitahuan"}


class Item(SubjekFields):
    penerima = models.ForeignKey("organisasi.Pegawai", on_delete=models.CASCADE, related_name="item_kotak_masuk")
    surat = models.ForeignKey("surat.Surat", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    jenis = models.CharField(max_length=16, choices=list(JENIS_ITEM.items()))
    pesan = models.CharField(max_length=300)
    # Where the item opens (the subject's page), kept so e-mail and list need no module lookup.
    tautan = models.CharField(max_length=200, blank=True)
    # Open = counted in the navigation: an action not yet taken, or a notice not yet read.
    terbuka = models.BooleanField(default=True)
    dibuat = models.DateTimeField(auto_now_add=True)
    ditutup = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "item kotak masuk"
        verbose_name_plural = "kotak masuk"
        ordering = ["-dibuat", "-id"]
        indexes = [
            models.Index(fields=["penerima", "-dibuat"], name="kotak_masuk_penerima"),
            models.Index(fields=["penerima"], condition=Q(terbuka=True), name="kotak_masuk_item_terbuka"),
            models.Index(fields=["subjek_jenis", "subjek_id"], name="kotak_masuk_subjek"),
        ]

    def __str__(self) -> str:
        return self.pesan

    @property
    def perlu_tindakan(self) -> bool:
        return self.jenis == "tindakan"
