"""The organisation of each instansi (SPEC §2): units and pegawai.

Delegations of authority are kedudukan's (``sikerja.kedudukan.models.Delegasi``):
they change who rates and leads, and only kedudukan's services write them.

Every row carries its instansi; every selector filters by it. Nothing is
deleted by an import: a unit or pegawai no longer in the file becomes inactive,
because letters and kedudukan history keep referring to it.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from sikerja.basisdata import TambahSaja

from .vocab import (
    JENIS_JABATAN,
    JENIS_UNIT,
    JENJANG,
    LABEL_JENIS_JABATAN,
    LABEL_JENIS_UNIT,
    LABEL_JENJANG,
    STATUS_PEGAWAI,
    choices,
)


class Instansi(models.Model):
    kode = models.SlugField(max_length=64, unique=True)
    nama = models.CharField(max_length=200)
    # The regulation profile's code: one of ``kedudukan.engine.available_profiles()`` (the
    # files in the profile directories), checked by the import and the settings service.
    # No ``choices``: adding a Pemda's profile file must not need a migration.
    profil = models.CharField(max_length=32)
    # Kop surat and numbering of letters (penugasan).
    alamat = models.CharField(max_length=300, blank=True)
    kota = models.CharField(max_length=100, blank=True)
    format_nomor_surat = models.CharField(
        max_length=120,
        default="{kode}/{nomor:04d}/{singkatan}/{tahun}",
        help_text="Placeholder: {kode} (kode jenis surat), {nomor}, {singkatan} (instansi), {tahun}, {bulan_romawi}",
    )
    singkatan = models.CharField(max_length=32, blank=True)
    pyb = models.ForeignKey(
        "organisasi.Pegawai",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="Pejabat yang Berwenang (PyB)",
    )
    # The Kepala Daerah as a pegawai who decides in the system (Perwal Blitar 6/2023 Pasal 21 ayat (1)
    # huruf c, Pasal 22 huruf c: Keputusan Walikota for a lintas-instansi team). Empty: an external
    # signer, whose decision the PyB carries and the admin instansi records.
    kepala_daerah = models.ForeignKey(
        "organisasi.Pegawai",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="Kepala Daerah",
    )
    ambang_beban_kerja = models.PositiveIntegerField(
        default=100, help_text="Persen beban kerja aktif di atas mana penugasan baru meminta alasan."
    )
    ambang_rentang_kendali = models.PositiveIntegerField(
        default=30, help_text="Jumlah pegawai dinilai satu PPK di atas mana BKPSDM diberi peringatan."
    )

    class Meta:
        verbose_name = "instansi"
        verbose_name_plural = "instansi"
        ordering = ["nama"]

    def __str__(self) -> str:
        return self.nama


class UnitOrganisasi(models.Model):
    instansi = models.ForeignKey(Instansi, on_delete=models.PROTECT, related_name="units")
    kode = models.CharField(max_length=64)
    nama = models.CharField(max_length=200)
    jenis = models.CharField(max_length=32, choices=choices(JENIS_UNIT, LABEL_JENIS_UNIT))
    induk = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="anak")
    # Explicit attributes the regulation profiles read (``kelas_rs``, ``tipe_uptd``,
    # ``urusan`` …; the profile declares which), so that no rule depends on a unit's name.
    atribut = models.JSONField(default=dict, blank=True)
    # The *Pejabat Level* of the unit's head as the regulations use it (Pasuruan Pasal 1
    # angka 24–26): Level I is the top of a unit organisasi, II below it, and so on. A unit
    # that leads itself (UPTD, RSUD, Puskesmas, school, Kelurahan) is Level I of its own
    # organisation even under a Dinas. The same number the kedudukan engine matches
    # (``Organisasi.level``) and the API returns; derived from the tree on every import.
    level = models.PositiveSmallIntegerField(default=1)
    akar_pd = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="Perangkat Daerah"
    )
    aktif = models.BooleanField(default=True)
    # Counts kept by organisasi.services.hitung_ringkasan after every change, so
    # the tree of a 50,000-pegawai instansi is drawn without counting rows.
    jumlah_pegawai = models.PositiveIntegerField(default=0, help_text="pegawai aktif langsung di unit ini")
    jumlah_pegawai_total = models.PositiveIntegerField(default=0, help_text="termasuk semua sub-unit")
    jumlah_anak = models.PositiveIntegerField(default=0, help_text="sub-unit aktif")
    # ``nama`` normalised for search (organisasi.teks), kept by teks.segarkan and save().
    nama_cari = models.CharField(max_length=200, blank=True, default="", editable=False)

    class Meta:
        verbose_name = "unit organisasi"
        verbose_name_plural = "unit organisasi"
        ordering = ["nama"]
        constraints = [models.UniqueConstraint(fields=["instansi", "kode"], name="unit_kode_unik_per_instansi")]
        indexes = [models.Index(fields=["instansi", "induk"]), models.Index(fields=["instansi", "akar_pd"])]

    def __str__(self) -> str:
        return self.nama

    def save(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        from .teks import normalisasi

        self.nama_cari = normalisasi(self.nama)
        if kwargs.get("update_fields") is not None and "nama" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "nama_cari"}
        super().save(*args, **kwargs)

    @property
    def label_jenis(self) -> str:
        return LABEL_JENIS_UNIT.get(self.jenis, self.jenis)


class Pegawai(models.Model):
    instansi = models.ForeignKey(Instansi, on_delete=models.PROTECT, related_name="pegawai")
    nip = models.CharField("NIP", max_length=18)
    nama = models.CharField(max_length=200)
    status = models.CharField(max_length=8, choices=choices(STATUS_PEGAWAI, {"pns": "PNS", "pppk": "PPPK"}))
    jabatan = models.CharField(max_length=200)
    jenis_jabatan = models.CharField(max_length=16, choices=choices(JENIS_JABATAN, LABEL_JENIS_JABATAN))
    # NULL, not "": "no jenjang" is a fact about non-fungsional posts, and the engine reads None.
    jenjang = models.CharField(max_length=16, null=True, blank=True, choices=choices(JENJANG, LABEL_JENJANG))  # noqa: DJ001
    unit = models.ForeignKey(UnitOrganisasi, on_delete=models.PROTECT, related_name="pegawai")
    kepala_unit = models.BooleanField(default=False)
    email = models.EmailField(blank=True)
    # As printed on letters ("Penata Muda Tk. I (III/b)"); free text, since PPPK carry a golongan
    # only ("IX") and the import takes the value as the BKD holds it. Blank = unknown.
    pangkat_golongan = models.CharField("pangkat/golongan", max_length=60, blank=True)
    aktif = models.BooleanField(default=True)
    # ``nama`` and ``jabatan`` normalised for search (organisasi.teks).
    nama_cari = models.CharField(max_length=200, blank=True, default="", editable=False)
    jabatan_cari = models.CharField(max_length=200, blank=True, default="", editable=False)

    class Meta:
        verbose_name = "pegawai"
        verbose_name_plural = "pegawai"
        ordering = ["nama"]
        constraints = [
            models.UniqueConstraint(fields=["instansi", "nip"], name="nip_unik_per_instansi"),
            models.UniqueConstraint(
                fields=["unit"], condition=Q(kepala_unit=True, aktif=True), name="satu_kepala_per_unit"
            ),
        ]
        indexes = [
            models.Index(fields=["instansi", "unit"]),
            models.Index(fields=["instansi", "nama"]),
            # The API's list of active pegawai in name order (organisasi/pegawai, limit/offset): its ids
            # are read from this index alone (PostgreSQL index-only scan), even at offset 25,000.
            models.Index(fields=["instansi", "nama", "id"], condition=Q(aktif=True), name="pegawai_aktif_nama"),
            # Candidate lists count the active JF/pelaksana a PPK rates (penugasan KandidatPerHalaman):
            # an index-only scan of this instead of a scan of the whole table (bench_api, PostgreSQL).
            models.Index(fields=["instansi", "id"], name="pegawai_jf_aktif",
                         condition=Q(aktif=True, jenis_jabatan__in=["fungsional", "pelaksana"])),
        ]

    def __str__(self) -> str:
        return f"{self.nama} ({self.nip})"

    def save(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        from .teks import normalisasi

        self.nama_cari, self.jabatan_cari = normalisasi(self.nama), normalisasi(self.jabatan)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "nama_cari", "jabatan_cari"}
        super().save(*args, **kwargs)

    @property
    def label_jenjang(self) -> str:
        return LABEL_JENJANG.get(self.jenjang or "", "")

    @property
    def label_jenis_jabatan(self) -> str:
        return LABEL_JENIS_JABATAN.get(self.jenis_jabatan, self.jenis_jabatan)


class Kompetensi(models.Model):
    """A keahlian/keterampilan a pegawai holds, with its level (SPEC §2)."""

    pegawai = models.ForeignKey(Pegawai, on_delete=models.CASCADE, related_name="kompetensi")
    nama = models.CharField(max_length=120)
    tingkat = models.CharField(max_length=60, blank=True)

    class Meta:
        verbose_name_plural = "kompetensi"
        indexes = [models.Index(fields=["nama"])]

    def __str__(self) -> str:
        return f"{self.nama} ({self.tingkat})" if self.tingkat else self.nama


class RiwayatPengaturan(TambahSaja):
    """Append-only record of a change to an instansi's settings (SPEC §1 akuntabilitas): the Pengaturan
    instansi (PyB, Kepala Daerah, profile — which changes who rates whom —, numbering, thresholds) and
    the kop surat. Who changed it is kept as the account's id and name at the time (this base app
    references no account model); ``perubahan`` maps each changed field to ``[lama, baru]`` as text."""

    instansi = models.ForeignKey(Instansi, on_delete=models.PROTECT, related_name="+")
    waktu = models.DateTimeField(auto_now_add=True)
    bagian = models.CharField(max_length=120)  # "pengaturan", "kop surat instansi", "kop surat <PD>"
    oleh_id = models.PositiveIntegerField(null=True, blank=True)
    oleh_nama = models.CharField(max_length=200)
    perubahan = models.JSONField(default=dict)

    PESAN_UBAH = "Riwayat pengaturan tidak dapat diubah."
    PESAN_HAPUS = "Riwayat pengaturan tidak dapat dihapus."

    class Meta:
        verbose_name_plural = "riwayat pengaturan"
        ordering = ["-waktu", "-id"]
        indexes = [models.Index(fields=["instansi", "waktu"], name="riwayat_pengaturan_inst")]

    def __str__(self) -> str:
        return f"{self.bagian}: {', '.join(self.perubahan)}"

    @property
    def rincian(self) -> list[tuple[str, str, str]]:
        """(field as words, old, new) of each change, for pages."""
        return [(nama.replace("_", " "), lama, baru) for nama, (lama, baru) in self.perubahan.items()]
