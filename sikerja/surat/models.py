"""Letters (SPEC §4): numbered per instansi and year, immutable once issued.

A letter belongs to any subject (``subjek_jenis`` + ``subjek_id``, see :mod:`sikerja.subjek`),
never to one module's model. A correction is a new letter naming the one it replaces
(``mengoreksi``); a revocation only changes the status shown on the verification page.
"""

from __future__ import annotations

from django.db import models

from sikerja.subjek import SubjekFields

from . import jenis as jenis_mod
from .errors import ObjekTidakDapatDiubah

STATUS_SURAT = {"berlaku": "Berlaku", "dicabut": "Dicabut", "dikoreksi": "Dikoreksi"}


class NomorSurat(models.Model):
    """The letter counter of one instansi in one year; locked while a number is taken."""

    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.PROTECT, related_name="+")
    tahun = models.PositiveSmallIntegerField()
    terakhir = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name_plural = "nomor surat"
        constraints = [models.UniqueConstraint(fields=["instansi", "tahun"], name="surat_nomor_counter_unik")]

    def __str__(self) -> str:
        return f"{self.instansi_id}/{self.tahun}: {self.terakhir}"


class Surat(SubjekFields):
    # The only fields a service may change on an issued letter.
    FIELD_STATUS = frozenset({"status", "waktu_status", "alasan_status"})

    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.PROTECT, related_name="surat_terbit")
    # The instansi the letter is addressed to (differs only across instansi).
    instansi_penerima = models.ForeignKey("organisasi.Instansi", on_delete=models.PROTECT, related_name="+")
    # A kind registered with surat.jenis.daftarkan (no choices: modules add kinds without migrations).
    jenis = models.CharField(max_length=32)
    nomor = models.CharField(max_length=120)
    nomor_urut = models.PositiveIntegerField()
    tahun = models.PositiveSmallIntegerField()
    tanggal = models.DateField()
    kode_verifikasi = models.CharField(max_length=32, unique=True)
    perihal = models.CharField(max_length=300)
    # Everything printed, frozen at issue: names and posts as they were that day.
    isi = models.JSONField(default=dict)
    penandatangan = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="+")
    kepada = models.ManyToManyField("organisasi.Pegawai", related_name="surat_kepada", blank=True)
    tembusan = models.ManyToManyField("organisasi.Pegawai", related_name="surat_tembusan_untuk", blank=True)
    mengoreksi = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="koreksi")
    pdf = models.BinaryField()
    status = models.CharField(max_length=16, default="berlaku")
    waktu_status = models.DateTimeField(null=True, blank=True)
    alasan_status = models.TextField(blank=True)
    dibuat = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "surat"
        ordering = ["dibuat", "id"]
        constraints = [
            models.UniqueConstraint(fields=["instansi", "tahun", "nomor_urut"], name="surat_surat_nomor_unik"),
        ]
        indexes = [models.Index(fields=["subjek_jenis", "subjek_id"], name="surat_subjek")]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} {self.nomor}"

    def get_jenis_display(self) -> str:
        return jenis_mod.judul(self.jenis)

    def get_status_display(self) -> str:
        return STATUS_SURAT.get(self.status, self.status)

    @property
    def berlaku(self) -> bool:
        return self.status == "berlaku"

    def save(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        # An issued letter is immutable (SPEC §4); only its status may move
        # (dicabut/dikoreksi), and only through surat.services.cabut/koreksi.
        if not self._state.adding:
            fields = kwargs.get("update_fields")
            if not fields or not set(fields) <= self.FIELD_STATUS:
                raise ObjekTidakDapatDiubah("Surat yang sudah terbit tidak dapat diubah; terbitkan surat koreksi.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise ObjekTidakDapatDiubah("Surat yang sudah terbit tidak dapat dihapus; cabut surat tersebut.")

    def _tandai(self, keadaan: str, alasan: str) -> None:
        """Mark the letter dicabut or dikoreksi: the only change an issued letter allows (its content
        stays). Written as one UPDATE of the status fields; called by surat.services only."""
        from django.utils import timezone

        if keadaan not in STATUS_SURAT:
            raise ValueError(keadaan)
        type(self).objects.filter(pk=self.pk).update(status=keadaan, waktu_status=timezone.now(),
                                                     alasan_status=alasan.strip())
        self.refresh_from_db(fields=["status", "waktu_status", "alasan_status"])


class Lambang(models.Model):
    """A lambang daerah image, stored once per content (``sha256``) and never changed or deleted:
    a letter names the lambang it was issued with, so its PDF can be rendered again exactly as
    issued after the kop has been given a new image."""

    sha256 = models.CharField(max_length=64, unique=True)
    jenis = models.CharField(max_length=16)  # "image/png" | "image/jpeg"
    data = models.BinaryField()
    lebar = models.PositiveIntegerField()
    tinggi = models.PositiveIntegerField()
    dibuat = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "lambang"

    def __str__(self) -> str:
        return f"{self.jenis} {self.lebar}×{self.tinggi} {self.sha256[:12]}"


class KopSurat(models.Model):
    """The letterhead (kop naskah dinas) of an instansi, or of one of its Perangkat Daerah.

    Permendagri 1/2023 (Tata Naskah Dinas di Lingkungan Pemerintah Daerah), Lampiran, kop naskah
    dinas Perangkat Daerah: lambang daerah, the name of the Pemda and of the Perangkat Daerah,
    address, telephone, e-mail and website. A letter uses its signer's Perangkat Daerah's kop,
    else the instansi's (``unit`` empty), else the instansi's name and address.
    """

    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.CASCADE, related_name="kop_surat")
    # A Perangkat Daerah (a top unit); empty = the kop of the instansi as a whole.
    unit = models.ForeignKey("organisasi.UnitOrganisasi", null=True, blank=True, on_delete=models.CASCADE,
                             related_name="+", verbose_name="Perangkat Daerah")
    nama_pemda = models.CharField("nama Pemerintah Daerah", max_length=200)
    nama_perangkat_daerah = models.CharField("nama Perangkat Daerah", max_length=200, blank=True)
    alamat = models.CharField(max_length=300, blank=True)
    telepon = models.CharField(max_length=60, blank=True)
    email = models.EmailField("e-mail", blank=True)
    laman = models.CharField("laman (website)", max_length=200, blank=True)
    lambang = models.ForeignKey(Lambang, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    diubah = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "kop surat"
        constraints = [
            models.UniqueConstraint(fields=["instansi"], condition=models.Q(unit__isnull=True),
                                    name="surat_kop_instansi_unik"),
            models.UniqueConstraint(fields=["instansi", "unit"], condition=models.Q(unit__isnull=False),
                                    name="surat_kop_pd_unik"),
        ]

    def __str__(self) -> str:
        return " — ".join(x for x in (self.nama_pemda, self.nama_perangkat_daerah) if x)
