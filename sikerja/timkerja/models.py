"""Tim kerja (KINERJA.md §1): teams, memberships, ketua history, kendala, reports.

A team belongs to the unit whose target it serves (*unit pemilik kinerja*). Its
pola is derived from where its members sit and stored so lists filter on it;
``services`` re-derives it on every membership change. Letters, the inbox and
the audit trail live in the shared work-system core (surat, kotak_masuk, jejak),
not here.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from .alur import STATUS
from .aturan import POLA


class TimKerja(models.Model):
    JENIS = [("tim_kerja", "Tim kerja"), ("tim_kerja_substansi", "Tim kerja substansi (koordinator)")]
    JADWAL = [("mingguan", "Mingguan"), ("bulanan", "Bulanan"), ("triwulanan", "Triwulanan")]

    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.PROTECT, related_name="tim_kerja")
    unit_pemilik = models.ForeignKey("organisasi.UnitOrganisasi", on_delete=models.PROTECT, related_name="tim_kerja",
                                     verbose_name="unit pemilik kinerja")
    nama = models.CharField(max_length=200)
    tujuan = models.TextField(blank=True)
    # TK-08: measurable targets of the unit pemilik kinerja this team serves.
    target = models.JSONField(default=list)
    masa_mulai = models.DateField()
    masa_selesai = models.DateField()
    pola = models.CharField(max_length=20, choices=list(POLA.items()), default="internal")
    jenis = models.CharField(max_length=24, choices=JENIS, default="tim_kerja")
    status = models.CharField(max_length=24, choices=list(STATUS.items()), default="draf")
    pembentuk = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="+")
    # Resolved from the profile's instrument for the pola (TK-04) when the draft is submitted.
    penandatangan = models.ForeignKey("organisasi.Pegawai", null=True, blank=True, on_delete=models.PROTECT,
                                      related_name="+")
    jenis_instrumen = models.CharField(max_length=32, blank=True)
    # The founding instrument (TK-LETTERS); later letters of the team name it.
    surat_dasar = models.ForeignKey("surat.Surat", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    ketua = models.ForeignKey("organisasi.Pegawai", null=True, blank=True, on_delete=models.PROTECT,
                              related_name="tim_diketuai")
    alasan_asal_ketua = models.TextField(blank=True)
    # A ketua is optional (KINERJA A-05): who decided none is needed is the coordination point.
    tanpa_ketua = models.BooleanField(default=False)
    titik_koordinasi = models.ForeignKey("organisasi.Pegawai", null=True, blank=True, on_delete=models.PROTECT,
                                         related_name="+")
    alasan_tanpa_ketua = models.TextField(blank=True)
    justifikasi_target = models.TextField(blank=True)
    justifikasi_beban = models.TextField(blank=True)
    justifikasi_kompetensi = models.TextField(blank=True)
    jadwal_laporan = models.CharField(max_length=16, choices=JADWAL, default="bulanan")
    # TK-12: the PUO whose authority the ketua exercises changed; the team needs re-confirmation.
    perlu_konfirmasi = models.BooleanField(default=False)
    peringatan = models.JSONField(default=list, blank=True)
    dibuat = models.DateTimeField(auto_now_add=True)
    diubah = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "tim kerja"
        verbose_name_plural = "tim kerja"
        ordering = ["-dibuat", "-id"]
        indexes = [models.Index(fields=["instansi", "unit_pemilik", "status"])]

    def __str__(self) -> str:
        return self.nama

    @property
    def label_status(self) -> str:
        return STATUS[self.status]

    @property
    def label_pola(self) -> str:
        return POLA[self.pola]

    @property
    def koordinator(self):  # type: ignore[no-untyped-def]
        """Who receives the members' reports and the team's kendala: the ketua, or the official
        who decided that no ketua is needed (KINERJA.md §1.4)."""
        return self.ketua or self.titik_koordinasi or self.pembentuk


class AnggotaTim(models.Model):
    SUMBER = [("penunjukan", "Penunjukan"), ("sukarela", "Pengajuan sukarela")]
    STATUS_ANGGOTA = [("aktif", "Aktif"), ("dilepas", "Dilepas")]

    tim = models.ForeignKey(TimKerja, on_delete=models.CASCADE, related_name="anggota")
    pegawai = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="keanggotaan_tim")
    # M-7: a member from elsewhere keeps his home officials (snapshot at joining).
    unit_asal = models.ForeignKey("organisasi.UnitOrganisasi", on_delete=models.PROTECT, related_name="+")
    instansi_asal = models.ForeignKey("organisasi.Instansi", on_delete=models.PROTECT, related_name="+")
    ppk_asal = models.ForeignKey("organisasi.Pegawai", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="+")
    puo_asal = models.ForeignKey("organisasi.Pegawai", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="+")
    peran = models.CharField(max_length=300, blank=True)
    # TK-10: who set the role. Only a role set by the ketua (or, without one, the coordination point)
    # counts as assigned; one written by the pembentuk when staffing is a proposal the ketua confirms.
    peran_oleh = models.ForeignKey("organisasi.Pegawai", null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    kompetensi_dibutuhkan = models.JSONField(default=list, blank=True)
    porsi_persen = models.PositiveSmallIntegerField(default=0)
    mulai = models.DateField()
    selesai = models.DateField()
    # TK-06: a member from outside the unit pemilik enters only through an issued surat penugasan.
    dasar_penugasan = models.ForeignKey("penugasan.Penugasan", null=True, blank=True, on_delete=models.PROTECT,
                                        related_name="+")
    sumber = models.CharField(max_length=16, choices=SUMBER, default="penunjukan")
    masukan_ketua = models.TextField(blank=True)
    # TK-05 (Blitar Pasal 22): the official whose pertimbangan the member's letter was issued with.
    pertimbangan_oleh = models.ForeignKey("organisasi.Pegawai", null=True, blank=True, on_delete=models.PROTECT,
                                          related_name="+")
    alasan_beban = models.TextField(blank=True)
    status = models.CharField(max_length=16, choices=STATUS_ANGGOTA, default="aktif")
    alasan_lepas = models.TextField(blank=True)

    class Meta:
        verbose_name_plural = "anggota tim"
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["tim", "pegawai"], condition=Q(status="aktif"),
                                               name="anggota_tim_aktif_unik")]
        indexes = [models.Index(fields=["pegawai", "status"])]

    def __str__(self) -> str:
        return f"{self.pegawai_id} di tim {self.tim_id}"


class RiwayatKetua(models.Model):
    tim = models.ForeignKey(TimKerja, on_delete=models.CASCADE, related_name="riwayat_ketua")
    pegawai = models.ForeignKey("organisasi.Pegawai", null=True, blank=True, on_delete=models.PROTECT,
                                related_name="+")
    mulai = models.DateTimeField(auto_now_add=True)
    selesai = models.DateTimeField(null=True, blank=True)
    alasan = models.TextField(blank=True)

    class Meta:
        verbose_name_plural = "riwayat ketua"
        ordering = ["mulai", "id"]

    def __str__(self) -> str:
        return f"Ketua tim {self.tim_id}: {self.pegawai_id or '-'}"


class KapasitasPegawai(models.Model):
    """A capacity other than the default 100% (imported from an Analisis Beban Kerja) [D]."""

    pegawai = models.OneToOneField("organisasi.Pegawai", on_delete=models.CASCADE, related_name="kapasitas_abk")
    kapasitas_persen = models.PositiveSmallIntegerField()
    sumber = models.CharField(max_length=120, default="Analisis Beban Kerja")

    class Meta:
        verbose_name_plural = "kapasitas pegawai (ABK)"

    def __str__(self) -> str:
        return f"{self.pegawai_id}: {self.kapasitas_persen}%"


class Kendala(models.Model):
    """A problem raised with alternative recommendations (KINERJA.md §1.8)."""

    STATUS_KENDALA = [("diajukan", "Diajukan"), ("diputuskan", "Diputuskan"), ("diteruskan", "Diteruskan"),
                      ("ditindaklanjuti", "Ditindaklanjuti"), ("ditutup", "Ditutup")]

    tim = models.ForeignKey(TimKerja, on_delete=models.CASCADE, related_name="kendala")
    pengaju = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="+")
    judul = models.CharField(max_length=200)
    uraian = models.TextField()
    alternatif = models.JSONField(default=list)
    tujuan = models.ManyToManyField("organisasi.Pegawai", related_name="kendala_diterima")
    lingkup = models.CharField(max_length=20, default="pemilik",
                               choices=[("pemilik", "PUO pemilik kinerja"), ("setiap_puo", "Setiap PUO anggota"),
                                        ("pimpinan_instansi", "Pimpinan instansi")])
    status = models.CharField(max_length=16, choices=STATUS_KENDALA, default="diajukan")
    dasar_hukum = models.CharField(max_length=300, blank=True)
    dibuat = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "kendala"
        ordering = ["-dibuat", "-id"]

    def __str__(self) -> str:
        return self.judul


class KeputusanKendala(models.Model):
    """Who decided what, when, which option and why; written once."""

    kendala = models.ForeignKey(Kendala, on_delete=models.CASCADE, related_name="keputusan")
    pejabat = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="+")
    tindakan = models.CharField(max_length=16)
    opsi = models.PositiveSmallIntegerField(null=True, blank=True)
    alasan = models.TextField()
    waktu = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["waktu", "id"]

    def __str__(self) -> str:
        return f"{self.tindakan} kendala {self.kendala_id}"


class PermintaanLaporan(models.Model):
    tim = models.ForeignKey(TimKerja, on_delete=models.CASCADE, related_name="permintaan_laporan")
    peminta = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="+")
    sasaran = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="+")
    lingkup = models.CharField(max_length=300, blank=True)
    batas_waktu = models.DateField()
    dibuat = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-dibuat", "-id"]

    def __str__(self) -> str:
        return f"Permintaan laporan tim {self.tim_id} kepada {self.sasaran_id}"


class LaporanTim(models.Model):
    JENIS = [("anggota_ke_ketua", "Anggota → ketua"), ("ketua_ke_puo", "Ketua → pimpinan unit organisasi"),
             ("kinerja_anggota", "Laporan kinerja anggota (ketua → PPK anggota)")]

    tim = models.ForeignKey(TimKerja, on_delete=models.CASCADE, related_name="laporan")
    jenis = models.CharField(max_length=20, choices=JENIS)
    pelapor = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="+")
    penerima = models.ManyToManyField("organisasi.Pegawai", related_name="laporan_tim_diterima")
    # kinerja_anggota: the member reported on.
    anggota = models.ForeignKey("organisasi.Pegawai", null=True, blank=True, on_delete=models.PROTECT,
                                related_name="+")
    permintaan = models.ForeignKey(PermintaanLaporan, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="jawaban")
    periode_mulai = models.DateField()
    periode_selesai = models.DateField()
    capaian_persen = models.PositiveSmallIntegerField(default=0)
    progres = models.TextField()
    kendala = models.TextField(blank=True)
    langkah_berikut = models.TextField(blank=True)
    dasar_hukum = models.CharField(max_length=300, blank=True)
    dibuat = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "laporan tim"
        ordering = ["-periode_selesai", "-id"]
        indexes = [models.Index(fields=["tim", "jenis", "periode_selesai"])]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} tim {self.tim_id} s.d. {self.periode_selesai}"


class BuktiLaporan(models.Model):
    """An evidence file, stored in the database and served only to who may see the team."""

    laporan = models.ForeignKey(LaporanTim, on_delete=models.CASCADE, related_name="bukti")
    nama = models.CharField(max_length=200)
    jenis_konten = models.CharField(max_length=100)
    ukuran = models.PositiveIntegerField()
    isi = models.BinaryField()

    class Meta:
        verbose_name_plural = "bukti laporan"

    def __str__(self) -> str:
        return self.nama


class PejabatPengganti(models.Model):
    """A Plt or Plh holding a post (the head of ``unit``) for a period under an SK.

    Plt (*pelaksana tugas*) fills a post whose holder is permanently absent or that is vacant; Plh
    (*pelaksana harian*) stands in while the holder is temporarily absent. For the period the acting
    official makes the post's decisions in tim kerja and siklus (team PUO, review chains) [P]; the
    kedudukan of the post's subordinates is not recomputed (rating follows the definitive official's
    kedudukan and delegations). Written only by ``services.catat_pengganti`` / ``akhiri_pengganti``.
    """

    JENIS = [("plt", "Pelaksana Tugas (Plt)"), ("plh", "Pelaksana Harian (Plh)")]

    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey("organisasi.UnitOrganisasi", on_delete=models.PROTECT, related_name="+")
    pegawai = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="+")
    jenis = models.CharField(max_length=3, choices=JENIS)
    # The definitive holder when the SK was recorded (none for a vacant post).
    pejabat_definitif = models.ForeignKey("organisasi.Pegawai", null=True, blank=True, on_delete=models.PROTECT,
                                          related_name="+")
    nomor_sk = models.CharField("nomor SK", max_length=100)
    tanggal_sk = models.DateField("tanggal SK")
    mulai = models.DateField()
    selesai = models.DateField()
    aktif = models.BooleanField(default=True)
    alasan_berakhir = models.TextField(blank=True)
    dibuat = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "pejabat pengganti (Plt/Plh)"
        ordering = ["-mulai", "-id"]
        indexes = [models.Index(fields=["unit", "aktif", "mulai", "selesai"], name="pengganti_unit_idx"),
                   models.Index(fields=["pegawai", "aktif"], name="pengganti_pegawai_idx")]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} {self.unit_id}: {self.pegawai_id}"

    @property
    def singkatan(self) -> str:
        return "Plt" if self.jenis == "plt" else "Plh"
