"""A test-only subject (installed only by sikerja/settings/test.py): a request that an owner
submits and an approver decides, proving letters, inbox and audit trail serve any module."""

from __future__ import annotations

from django.db import models


class Permintaan(models.Model):
    judul = models.CharField(max_length=100)
    status = models.CharField(max_length=32, blank=True)
    pemilik = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="+")
    penyetuju = models.ForeignKey("organisasi.Pegawai", null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="+")
    aktor_sekarang = models.ForeignKey("organisasi.Pegawai", null=True, blank=True, on_delete=models.PROTECT,
                                       related_name="+")

    def __str__(self) -> str:
        return self.judul
