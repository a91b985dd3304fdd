"""Siklus kerja (KINERJA.md §2): perjanjian kinerja, targets, kegiatan, progress, review, reports.

A PK is versioned: an amendment is a new row with ``versi + 1`` and a reason, the old one stays
(``berlaku=False``). Targets cascade (``induk``) from the PK down to units, teams and pegawai.
A kegiatan's state moves only through :mod:`sikerja.siklus.alur` on the workflow core; its review
chain is resolved from the profile template and stored (``rantai``) so a review keeps who was asked.
Every result version and every review decision is a row that is never updated.
"""

from __future__ import annotations

from django.db import models

from .alur import STATUS

JENIS_PK = [("pk_unit", "Perjanjian Kinerja unit"),
            ("pk_pelaksanaan_kegiatan", "Perjanjian Kinerja Pelaksanaan Kegiatan Unit Organisasi")]
JENIS_PENUGASAN = [("individu", "Individu"), ("tim", "Tim kerja")]


class PerjanjianKinerja(models.Model):
    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey("organisasi.UnitOrganisasi", on_delete=models.PROTECT, related_name="perjanjian_kinerja")
    tahun = models.PositiveSmallIntegerField()
    jenis = models.CharField(max_length=32, choices=JENIS_PK, default="pk_unit")
    versi = models.PositiveSmallIntegerField(default=1)
    berlaku = models.BooleanField(default=True)
    alasan_perubahan = models.TextField(blank=True)
    pihak_pertama = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="+")
    pihak_kedua = models.ForeignKey("organisasi.Pegawai", null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")
    dasar = models.TextField(blank=True, help_text="Renstra, RKT, program prioritas")
    arahan = models.TextField(blank=True, help_text="Arahan dan ekspektasi pimpinan")
    dasar_hukum = models.CharField(max_length=300, blank=True)
    # An amended version keeps its targets as they were (the live targets move to the new version).
    snapshot = models.JSONField(default=list, blank=True)
    dibuat = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "perjanjian kinerja"
        ordering = ["-tahun", "unit__nama", "-versi"]
        constraints = [models.UniqueConstraint(fields=["unit", "tahun", "jenis", "versi"], name="pk_versi_unik"),
                       models.UniqueConstraint(fields=["unit", "tahun", "jenis"], condition=models.Q(berlaku=True),
                                               name="pk_berlaku_unik")]

    def __str__(self) -> str:
        return f"PK {self.unit} {self.tahun} v{self.versi}"


class TargetKinerja(models.Model):
    pk_kinerja = models.ForeignKey(PerjanjianKinerja, on_delete=models.CASCADE, related_name="target")
    induk = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="turunan")
    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey("organisasi.UnitOrganisasi", on_delete=models.PROTECT, related_name="+")
    penanggung_jawab = models.ForeignKey("organisasi.Pegawai", null=True, blank=True, on_delete=models.PROTECT,
                                         related_name="+")
    tim = models.ForeignKey("timkerja.TimKerja", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    sasaran = models.CharField(max_length=300, blank=True)
    indikator = models.CharField(max_length=300)
    nilai_target = models.DecimalField(max_digits=14, decimal_places=2)
    satuan = models.CharField(max_length=60)
    batas_waktu = models.DateField()
    arahan = models.TextField(blank=True, help_text="Arahan dan ekspektasi yang menjadi dasar target di bawahnya")
    jenis_penugasan = models.CharField(max_length=16, choices=JENIS_PENUGASAN, blank=True)
    dibuat = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "target kinerja"
        ordering = ["batas_waktu", "id"]
        indexes = [models.Index(fields=["instansi", "unit"])]

    def __str__(self) -> str:
        return f"{self.indikator}: {self.nilai_target} {self.satuan}"


class Strategi(models.Model):
    target = models.OneToOneField(TargetKinerja, on_delete=models.CASCADE, related_name="strategi")
    mode = models.CharField(max_length=16, choices=JENIS_PENUGASAN)
    butuh_lintas_unit = models.BooleanField(default=False)
    butuh_ketua = models.BooleanField(default=False)
    penugasan = models.ManyToManyField("penugasan.Penugasan", blank=True, related_name="+")
    catatan = models.TextField(blank=True)
    ditetapkan_oleh = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="+")
    waktu = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Strategi {self.target_id}: {self.mode}"


class Kegiatan(models.Model):
    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey("organisasi.UnitOrganisasi", on_delete=models.PROTECT, related_name="+")
    target = models.ForeignKey(TargetKinerja, on_delete=models.PROTECT, related_name="kegiatan")
    nama = models.CharField(max_length=300)
    uraian = models.TextField(blank=True)
    pelaksana = models.ForeignKey("organisasi.Pegawai", null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="kegiatan_individu")
    tim = models.ForeignKey("timkerja.TimKerja", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    jenis_penugasan = models.CharField(max_length=16, choices=JENIS_PENUGASAN, default="individu")
    mulai = models.DateField()
    selesai = models.DateField()
    status = models.CharField(max_length=24, choices=list(STATUS.items()), default="rencana")
    aktor_sekarang = models.ForeignKey("organisasi.Pegawai", null=True, blank=True, on_delete=models.SET_NULL,
                                       related_name="+")
    # The review chain resolved from the profile template: [{peran, pegawai_id, nama, unit}], r0 … rn.
    templat = models.CharField(max_length=64, blank=True)
    rantai = models.JSONField(default=list)
    pengembalian = models.CharField(max_length=16, default="berjenjang")
    level_reviu = models.SmallIntegerField(default=0)
    persen_progres = models.PositiveSmallIntegerField(default=0)
    dibuat_oleh = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="+")
    dibuat = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "kegiatan"
        ordering = ["mulai", "id"]
        # (unit, status, selesai, persen_progres) covers the dashboard's counts and average: an index-only scan.
        indexes = [models.Index(fields=["unit", "status", "selesai", "persen_progres"], name="kegiatan_dasbor_idx"),
                   models.Index(fields=["target", "persen_progres"], name="kegiatan_target_progres_idx"),
                   models.Index(fields=["aktor_sekarang", "status"]),
                   models.Index(fields=["pelaksana", "status"]), models.Index(fields=["tim", "status"])]

    def __str__(self) -> str:
        return self.nama

    @property
    def label_status(self) -> str:
        return STATUS.get(self.status, self.status)


class AnggaranKegiatan(models.Model):
    kegiatan = models.ForeignKey(Kegiatan, on_delete=models.CASCADE, related_name="anggaran")
    uraian = models.CharField(max_length=300)
    kode_rekening = models.CharField(max_length=60, blank=True)
    jumlah = models.DecimalField(max_digits=16, decimal_places=2)

    class Meta:
        verbose_name_plural = "anggaran kegiatan"

    def __str__(self) -> str:
        return f"{self.uraian}: {self.jumlah}"


class SubTugas(models.Model):
    kegiatan = models.ForeignKey(Kegiatan, on_delete=models.CASCADE, related_name="subtugas")
    nama = models.CharField(max_length=300)
    penanggung_jawab = models.ForeignKey("organisasi.Pegawai", null=True, blank=True, on_delete=models.PROTECT,
                                         related_name="+")
    batas_waktu = models.DateField(null=True, blank=True)
    selesai = models.BooleanField(default=False)

    class Meta:
        verbose_name_plural = "sub-tugas"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.nama


class LaporanProgres(models.Model):
    JENIS = [("berkala", "Berkala"), ("insidental_masalah", "Saat ditemui permasalahan")]
    kegiatan = models.ForeignKey(Kegiatan, on_delete=models.CASCADE, related_name="progres")
    pelapor = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="+")
    tanggal = models.DateField()
    persen = models.PositiveSmallIntegerField()
    capaian = models.TextField()
    kendala = models.TextField(blank=True)
    jenis = models.CharField(max_length=24, choices=JENIS, default="berkala")
    dibuat = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "laporan progres"
        ordering = ["-tanggal", "-id"]

    def __str__(self) -> str:
        return f"Progres {self.kegiatan_id} {self.tanggal}: {self.persen}%"


class BuktiProgres(models.Model):
    progres = models.ForeignKey(LaporanProgres, null=True, blank=True, on_delete=models.CASCADE, related_name="bukti")
    hasil = models.ForeignKey("HasilKegiatan", null=True, blank=True, on_delete=models.CASCADE, related_name="bukti")
    kegiatan = models.ForeignKey(Kegiatan, on_delete=models.CASCADE, related_name="+")
    nama = models.CharField(max_length=200)
    tipe = models.CharField(max_length=100)
    ukuran = models.PositiveIntegerField()
    isi = models.BinaryField()

    class Meta:
        verbose_name_plural = "bukti"

    def __str__(self) -> str:
        return self.nama


class UmpanBalik(models.Model):
    kegiatan = models.ForeignKey(Kegiatan, on_delete=models.CASCADE, related_name="umpan_balik")
    induk = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="balasan")
    pemberi = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="+")
    isi = models.TextField()
    waktu = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "umpan balik"
        ordering = ["waktu", "id"]

    def __str__(self) -> str:
        return f"Umpan balik {self.kegiatan_id} oleh {self.pemberi_id}"


class HasilKegiatan(models.Model):
    kegiatan = models.ForeignKey(Kegiatan, on_delete=models.CASCADE, related_name="hasil")
    versi = models.PositiveSmallIntegerField()
    diajukan_oleh = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="+")
    level = models.SmallIntegerField(default=-1, help_text="-1 pelaksana; k = peninjau ke-k yang mengajukan ulang")
    keluaran = models.TextField()
    sesuai_target = models.BooleanField(default=True)
    waktu = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "hasil kegiatan"
        ordering = ["versi"]
        constraints = [models.UniqueConstraint(fields=["kegiatan", "versi"], name="hasil_versi_unik")]

    def __str__(self) -> str:
        return f"Hasil {self.kegiatan_id} v{self.versi}"


class Reviu(models.Model):
    KEPUTUSAN = [("terima", "Diterima"), ("kembalikan", "Dikembalikan"),
                 ("teruskan_pengembalian", "Pengembalian diteruskan")]
    kegiatan = models.ForeignKey(Kegiatan, on_delete=models.CASCADE, related_name="reviu")
    hasil = models.ForeignKey(HasilKegiatan, on_delete=models.PROTECT, related_name="reviu")
    level = models.SmallIntegerField()
    peran = models.CharField(max_length=120)
    peninjau = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="+")
    keputusan = models.CharField(max_length=24, choices=KEPUTUSAN)
    catatan = models.TextField(blank=True)
    ke_level = models.SmallIntegerField(null=True, blank=True)
    dasar_hukum = models.CharField(max_length=300, blank=True)
    waktu = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "reviu"
        ordering = ["waktu", "id"]

    def __str__(self) -> str:
        return f"{self.keputusan} level {self.level} kegiatan {self.kegiatan_id}"


class SerahTerima(models.Model):
    kegiatan = models.OneToOneField(Kegiatan, on_delete=models.CASCADE, related_name="serah_terima")
    penyerah = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="+")
    penerima = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="+")
    catatan = models.TextField(blank=True)
    dasar_hukum = models.CharField(max_length=300, blank=True)
    waktu = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Serah terima kegiatan {self.kegiatan_id}"


class LaporanIndividu(models.Model):
    """Pertanggungjawaban of an individual (KINERJA.md §2.6): to the PUO, in Pekanbaru the direct superior."""

    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.PROTECT, related_name="+")
    pelapor = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="+")
    penerima = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="+")
    periode_mulai = models.DateField()
    periode_selesai = models.DateField()
    capaian = models.TextField()
    kendala = models.TextField(blank=True)
    rencana_berikut = models.TextField(blank=True)
    permintaan = models.ForeignKey("PermintaanLaporanSiklus", null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="jawaban")
    dasar_hukum = models.CharField(max_length=300, blank=True)
    dibuat = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-dibuat", "-id"]

    def __str__(self) -> str:
        return f"Laporan {self.pelapor_id} {self.periode_mulai}–{self.periode_selesai}"


class PermintaanLaporanSiklus(models.Model):
    """An ad-hoc report request to an individual pelaksana (team requests live in tim kerja)."""

    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.PROTECT, related_name="+")
    peminta = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="+")
    sasaran = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="+")
    kegiatan = models.ForeignKey(Kegiatan, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    lingkup = models.CharField(max_length=300, blank=True)
    batas_waktu = models.DateField()
    dijawab = models.BooleanField(default=False)
    dibuat = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["batas_waktu", "id"]
        indexes = [models.Index(fields=["sasaran", "dijawab"]), models.Index(fields=["peminta", "dijawab"])]

    def __str__(self) -> str:
        return f"Permintaan laporan {self.peminta_id} → {self.sasaran_id}"
