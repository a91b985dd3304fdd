"""Penugasan (SPEC §4): assignments, their assignees, letters, audit trail and inbox.

An assignment moves through the state machine of its path (``alur.py``); every
move writes one :class:`Transisi` row (never edited) and may issue a
:class:`Surat` (never edited once issued: a correction is a new letter that
references the old one). Who must act next is stored on the assignment
(``aktor_sekarang``) and mirrored as open :class:`ItemKotakMasuk` rows so that
the inbox count in the navigation is one indexed query.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from .alur import AKSI, JALUR, STATUS


class ObjekTidakDapatDiubah(Exception):
    """Raised when code tries to edit an issued letter or an audit entry."""


class Penugasan(models.Model):
    BENTUK = [("individu", "Individu"), ("tim", "Tim kerja")]
    SIFAT = [("rutin", "Rutin"), ("insidental", "Insidental")]

    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.PROTECT, related_name="penugasan")
    # Lintas instansi only: the instansi whose pegawai are requested.
    instansi_tujuan = models.ForeignKey(
        "organisasi.Instansi", null=True, blank=True, on_delete=models.PROTECT, related_name="penugasan_masuk"
    )
    jalur = models.CharField(max_length=32, choices=list(JALUR.items()))
    # The table the instansi's regulation uses for this jalur ("" = the common one; alur.VARIAN).
    varian = models.CharField(max_length=32, blank=True)
    status = models.CharField(max_length=32, choices=list(STATUS.items()))
    # While ``dikembalikan``: the state to which a resubmission returns.
    kembali_ke = models.CharField(max_length=32, blank=True)
    aktor_sekarang = models.ForeignKey(
        "organisasi.Pegawai", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # True once the requesting PyB has sent the request to the target instansi:
    # from then on the target instansi sees the assignment (SPEC §4 lintas instansi).
    terkirim_ke_tujuan = models.BooleanField(default=False)

    judul = models.CharField(max_length=200)
    maksud_tujuan = models.TextField("maksud dan tujuan", blank=True)
    uraian_tugas = models.TextField(blank=True)
    kompetensi_dibutuhkan = models.TextField("kompetensi, keahlian dan/atau keterampilan yang dibutuhkan", blank=True)
    target_kinerja = models.JSONField("ekspektasi/target kinerja", default=list)
    bentuk = models.CharField(max_length=16, choices=BENTUK, default="individu")
    sifat = models.CharField(max_length=16, choices=SIFAT, default="insidental")
    mulai = models.DateField()
    selesai = models.DateField()
    jumlah_dibutuhkan = models.PositiveSmallIntegerField(default=1)
    jenjang_dibutuhkan = models.CharField(max_length=16, blank=True)
    # Sukarela: the effort the volunteer declares (percent of working time).
    beban_diajukan = models.PositiveSmallIntegerField(default=0)

    # The parties, resolved from kedudukan and Instansi.pyb when the path starts.
    pemohon = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="penugasan_diajukan")
    ppk_pemohon = models.ForeignKey(
        "organisasi.Pegawai", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    puo_pemohon = models.ForeignKey(
        "organisasi.Pegawai", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    ppk_tujuan = models.ForeignKey(
        "organisasi.Pegawai", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    puo_tujuan = models.ForeignKey(
        "organisasi.Pegawai", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    pyb_pemohon = models.ForeignKey(
        "organisasi.Pegawai", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    pyb_tujuan = models.ForeignKey(
        "organisasi.Pegawai", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Magelang sukarela lintas PD: the head of the volunteer's own Perangkat Daerah.
    pimpinan_pd_pemohon = models.ForeignKey(
        "organisasi.Pegawai", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Magelang lintas PD: the PPK of the chosen pegawai, who gives the surat penugasan.
    ppk_pegawai = models.ForeignKey(
        "organisasi.Pegawai", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # While ``menunggu_rekomendasi_puo``: the further PUO (pegawai ids) still to recommend,
    # when the chosen pegawai sit in units led by different officials (``puo_tujuan`` acts now).
    antrean_rekomendasi = models.JSONField(default=list, blank=True)

    dibuat = models.DateTimeField(auto_now_add=True)
    diubah = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "penugasan"
        ordering = ["-dibuat"]
        indexes = [
            models.Index(fields=["instansi", "-dibuat"]),
            models.Index(fields=["instansi_tujuan", "terkirim_ke_tujuan"]),
        ]

    def __str__(self) -> str:
        return self.judul

    @property
    def label_jenjang_dibutuhkan(self) -> str:
        from sikerja.organisasi.vocab import LABEL_JENJANG

        return LABEL_JENJANG.get(self.jenjang_dibutuhkan, self.jenjang_dibutuhkan)

    @property
    def label_jalur(self) -> str:
        return JALUR[self.jalur]

    @property
    def label_status(self) -> str:
        return STATUS[self.status]


class Penerima(models.Model):
    """One assignee with the effort declared for him (SPEC §4 beban kerja)."""

    penugasan = models.ForeignKey(Penugasan, on_delete=models.CASCADE, related_name="penerima")
    pegawai = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="penugasan_diterima")
    beban_persen = models.PositiveSmallIntegerField(default=0, help_text="Persen waktu kerja per minggu")
    ketua = models.BooleanField(default=False)
    # Filled when the assignment pushed the pegawai above Instansi.ambang_beban_kerja.
    alasan_beban = models.TextField(blank=True)

    class Meta:
        verbose_name_plural = "penerima"
        constraints = [models.UniqueConstraint(fields=["penugasan", "pegawai"], name="penerima_unik")]
        indexes = [models.Index(fields=["pegawai"])]

    def __str__(self) -> str:
        return f"{self.pegawai_id} ({self.beban_persen}%)"


class NomorSurat(models.Model):
    """The letter counter of one instansi in one year; locked while a number is taken."""

    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.PROTECT, related_name="+")
    tahun = models.PositiveSmallIntegerField()
    terakhir = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name_plural = "nomor surat"
        constraints = [models.UniqueConstraint(fields=["instansi", "tahun"], name="nomor_surat_unik")]

    def __str__(self) -> str:
        return f"{self.instansi_id}/{self.tahun}: {self.terakhir}"


class Surat(models.Model):
    JENIS = [
        ("permohonan_pelibatan", "Surat Permohonan Pelibatan"),
        ("jawaban", "Surat Jawaban Permohonan Pelibatan"),
        ("penugasan", "Surat Penugasan"),
        ("pengajuan_sukarela", "Surat Permohonan Pengajuan Sukarela"),
    ]
    STATUS = [("berlaku", "Berlaku"), ("dicabut", "Dicabut"), ("dikoreksi", "Dikoreksi")]
    # The only fields a service may change on an issued letter.
    FIELD_STATUS = frozenset({"status", "waktu_status", "alasan_status"})

    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.PROTECT, related_name="surat")
    # The instansi the letter is addressed to (differs only across instansi).
    instansi_penerima = models.ForeignKey("organisasi.Instansi", on_delete=models.PROTECT, related_name="+")
    penugasan = models.ForeignKey(Penugasan, on_delete=models.PROTECT, related_name="surat")
    jenis = models.CharField(max_length=32, choices=JENIS)
    nomor = models.CharField(max_length=120)
    nomor_urut = models.PositiveIntegerField()
    tahun = models.PositiveSmallIntegerField()
    tanggal = models.DateField()
    kode_verifikasi = models.CharField(max_length=32, unique=True)
    perihal = models.CharField(max_length=300)
    # Everything printed, frozen at issue: names and posts as they were that day.
    isi = models.JSONField(default=dict)
    penandatangan = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="+")
    kepada = models.ManyToManyField("organisasi.Pegawai", related_name="surat_diterima", blank=True)
    tembusan = models.ManyToManyField("organisasi.Pegawai", related_name="surat_tembusan", blank=True)
    mengoreksi = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="koreksi"
    )
    pdf = models.BinaryField()
    status = models.CharField(max_length=16, choices=STATUS, default="berlaku")
    waktu_status = models.DateTimeField(null=True, blank=True)
    alasan_status = models.TextField(blank=True)
    dibuat = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "surat"
        ordering = ["dibuat", "id"]
        constraints = [
            models.UniqueConstraint(fields=["instansi", "tahun", "nomor_urut"], name="surat_nomor_unik"),
        ]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} {self.nomor}"

    def save(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        # An issued letter is immutable (SPEC §4); only its status may move
        # (dicabut/dikoreksi), and only through services.cabut_surat/koreksi_surat.
        if not self._state.adding:
            fields = kwargs.get("update_fields")
            if not fields or not set(fields) <= self.FIELD_STATUS:
                raise ObjekTidakDapatDiubah("Surat yang sudah terbit tidak dapat diubah; terbitkan surat koreksi.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise ObjekTidakDapatDiubah("Surat yang sudah terbit tidak dapat dihapus; cabut surat tersebut.")

    @property
    def berlaku(self) -> bool:
        return self.status == "berlaku"


class Transisi(models.Model):
    """One audit entry (SPEC §1 akuntabilitas, §4): written once, never edited."""

    penugasan = models.ForeignKey(Penugasan, on_delete=models.PROTECT, related_name="transisi")
    aksi = models.CharField(max_length=32)
    dari_status = models.CharField(max_length=32, blank=True)
    ke_status = models.CharField(max_length=32)
    aktor = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="+")
    pengguna = models.ForeignKey("akun.Pengguna", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    waktu = models.DateTimeField(auto_now_add=True)
    alasan = models.TextField(blank=True)
    surat = models.ForeignKey(Surat, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    dasar_hukum = models.CharField(max_length=300, blank=True)
    data = models.JSONField(default=dict, blank=True)
    # Seen by the other instansi of a lintas-instansi path (its letters cross over).
    lintas = models.BooleanField(default=False)

    class Meta:
        verbose_name_plural = "transisi (jejak audit)"
        ordering = ["waktu", "id"]

    def __str__(self) -> str:
        return f"{self.aksi}: {self.dari_status or '-'} → {self.ke_status}"

    def save(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        if not self._state.adding:
            raise ObjekTidakDapatDiubah("Jejak audit tidak dapat diubah.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise ObjekTidakDapatDiubah("Jejak audit tidak dapat dihapus.")

    @property
    def label_aksi(self) -> str:
        if self.aksi == "setujui" and self.dari_status == "menunggu_rekomendasi_puo":
            return "Memberi rekomendasi"
        return AKSI.get(self.aksi, self.aksi)

    @property
    def label_dari(self) -> str:
        return STATUS.get(self.dari_status, self.dari_status)

    @property
    def label_ke(self) -> str:
        return STATUS.get(self.ke_status, self.ke_status)


class ItemKotakMasuk(models.Model):
    """What waits for one pegawai: an action to take, or a tembusan/notice to read."""

    JENIS = [("tindakan", "Perlu tindakan"), ("tembusan", "Tembusan"), ("info", "Pemberitahuan")]

    penerima = models.ForeignKey("organisasi.Pegawai", on_delete=models.CASCADE, related_name="kotak_masuk")
    penugasan = models.ForeignKey(Penugasan, on_delete=models.CASCADE, related_name="+")
    surat = models.ForeignKey(Surat, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    jenis = models.CharField(max_length=16, choices=JENIS)
    pesan = models.CharField(max_length=300)
    # Open = counted in the navigation: an action not yet taken, or a notice not yet read.
    terbuka = models.BooleanField(default=True)
    dibuat = models.DateTimeField(auto_now_add=True)
    ditutup = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "kotak masuk"
        ordering = ["-dibuat", "-id"]
        indexes = [
            models.Index(fields=["penerima", "-dibuat"]),
            models.Index(fields=["penerima"], condition=Q(terbuka=True), name="kotak_masuk_terbuka"),
        ]

    def __str__(self) -> str:
        return self.pesan
