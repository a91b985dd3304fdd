"""Login accounts. A user belongs to one instansi and is (usually) one pegawai.

What a user may see and do is derived from the pegawai's kedudukan and from the
few instansi-wide roles below (admin, BKPSDM, inspektorat); never from the URL.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models

from sikerja.basisdata import TambahSaja


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
    pyb = models.BooleanField("PyB (Pejabat yang Berwenang)", default=False)
    kuasa_kepala_daerah = models.BooleanField("kuasa Kepala Daerah", default=False)
    # Set for an account whose password someone else knows (the printed letter)
    # or that was never chosen: the first page after login is the change form.
    wajib_ganti_sandi = models.BooleanField("wajib ganti kata sandi", default=False)

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


PERAN = {
    "admin_instansi": "Admin instansi",
    "bkpsdm": "BKPSDM (kepegawaian)",
    "inspektorat": "Inspektorat (pengawasan)",
    "pyb": "PyB (Pejabat yang Berwenang)",
    "kuasa_kepala_daerah": "Kuasa Kepala Daerah",
}


class PembatasMasuk(models.Model):
    """Login attempts counted per key ("nip|address" or "|address") in one row.

    The row is locked while it is checked and counted (``select_for_update``),
    so concurrent attempts from every worker can never pass the limit.
    """

    kunci = models.CharField(max_length=250, unique=True)
    jumlah = models.PositiveIntegerField(default=0)
    mulai = models.DateTimeField()

    class Meta:
        verbose_name = "pembatas masuk"
        verbose_name_plural = "pembatas masuk"

    def __str__(self) -> str:
        return f"{self.kunci}: {self.jumlah}"


class JejakAkun(TambahSaja):
    """Append-only audit of account administration: who did what to whose account.

    Rows are never changed or deleted (``save`` refuses an update, ``delete`` refuses).
    """

    instansi = models.ForeignKey("organisasi.Instansi", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="+")
    pelaku = models.ForeignKey(Pengguna, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    akun = models.ForeignKey(Pengguna, null=True, blank=True, on_delete=models.PROTECT, related_name="jejak")
    aksi = models.CharField(max_length=40)
    rincian = models.CharField(max_length=500, blank=True)
    waktu = models.DateTimeField(auto_now_add=True, db_index=True)

    PESAN_UBAH = "Jejak akun tidak boleh diubah."
    PESAN_HAPUS = "Jejak akun tidak boleh dihapus."

    class Meta:
        verbose_name = "jejak akun"
        verbose_name_plural = "jejak akun"
        ordering = ["-waktu", "-id"]

    def __str__(self) -> str:
        return f"{self.aksi} {self.rincian}"



class TokenAPI(models.Model):
    """A per-user API token: only its SHA-256 is stored; the token is shown once."""

    pengguna = models.ForeignKey(Pengguna, on_delete=models.CASCADE, related_name="token_api")
    nama = models.CharField(max_length=100)
    awalan = models.CharField(max_length=12, db_index=True)
    hash = models.CharField(max_length=64, unique=True)
    tulis = models.BooleanField("boleh menulis", default=False)
    dibuat = models.DateTimeField(auto_now_add=True)
    terakhir_dipakai = models.DateTimeField(null=True, blank=True)
    dicabut = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "token API"
        verbose_name_plural = "token API"

    def __str__(self) -> str:
        return f"{self.nama} ({self.awalan}…)"

    @property
    def cakupan(self) -> str:
        return "baca & tulis" if self.tulis else "baca"
