"""Login accounts. A user belongs to one instansi and is (usually) one pegawai.

What a user may see and do is derived from the pegawai's kedudukan and from the
few instansi-wide roles below (admin, BKPSDM, inspektorat); never from the URL.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models


class Pengguna(AbstractUser):
    instansi = models.ForeignKey(
        "organisasi.Instansi", null=True, blank=True, on_delete=models.PROTECT, related_name="pengguna"
    )
    pegawai = models.OneToOneField(
        "organisasi.Pegawai", null=True, blank=True, on_delete=models.SET_NULL, related_name="akun"
    )
    # Instansi-wide roles (SPEC §10): the admin imports and manages delegations;
    # BKPSDM (HR) and the inspektorat read across all units of their instansi.
    admin_instansi = models.BooleanField("admin instansi", default=False)
    bkpsdm = models.BooleanField("BKPSDM (kepegawaian)", default=False)
    inspektorat = models.BooleanField("inspektorat (pengawasan)", default=False)

    class Meta:
        verbose_name = "pengguna"
        verbose_name_plural = "pengguna"

    @property
    def lintas_unit(self) -> bool:
        """May read every unit of the instansi (HR, inspectorate, admin)."""
        return self.admin_instansi or self.bkpsdm or self.inspektorat


class PercobaanMasuk(models.Model):
    """A failed login, kept for throttling and for the inspectorate's audit."""

    username = models.CharField(max_length=150, db_index=True)
    alamat_ip = models.GenericIPAddressField(null=True, blank=True, db_index=True)
    waktu = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "percobaan masuk gagal"
        verbose_name_plural = "percobaan masuk gagal"

    def __str__(self) -> str:
        return f"{self.username} dari {self.alamat_ip} pada {self.waktu:%Y-%m-%d %H:%M}"
