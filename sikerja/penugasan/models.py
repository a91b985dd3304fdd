"""Penugasan (SPEC §4): assignments, their parties and assignees.

An assignment moves through the state table of its path (``alur.py``, an
:class:`sikerja.alur_kerja.tabel.TabelStatus`); only :func:`sikerja.alur_kerja.services.jalankan`
moves it. Its letters (:mod:`sikerja.surat`), audit entries (:mod:`sikerja.jejak`) and inbox items
(:mod:`sikerja.kotak_masuk`) belong to it through the shared apps' subject reference. Who takes
part is one row per role in :class:`PihakPenugasan`, so a regulation variant with another role
adds rows, not columns. Who must act next is kept on the assignment (``aktor_sekarang``) so that
"waiting for me" is one indexed filter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models
from django.utils import timezone

from sikerja.jejak.models import Jejak
from sikerja.kueri import KueriSiap
from sikerja.surat.models import Surat

if TYPE_CHECKING:
    from sikerja.organisasi.models import Pegawai

from .alur import AKSI, DITUGASKAN, JALUR, LABEL_AKSI_DARI, PERAN, STATUS

# An assignment whose period is over reads "Selesai" (issue 9 point 9). Derived from the dates, not
# a stored state: nobody decides that a period ended, so no transition (and no jejak) is owed, and
# the workload selectors ignore it by the same date (selectors.beban_pegawai).
SELESAI = "selesai"
LABEL_SELESAI = "Selesai"

# Audit labels of decisions whose generic "Setujui" would mislead (issue 9 point 9): the PUO
# recommends (Pasuruan Lampiran II.B.2.a.2 huruf c), the volunteer forwards the approved offer to
# his own PPK (Karangasem Pasal 15 ayat (3) huruf b). alur.LABEL_AKSI_DARI wins where it says more.
LABEL_AKSI_LANGKAH = {
    ("setujui", "menunggu_rekomendasi_puo"): "Rekomendasi",
    ("setujui", "menunggu_diteruskan"): "Teruskan",
}

# Roles held through PihakPenugasan (the pemohon, who creates the assignment, is a column).
PERAN_PIHAK = tuple(r for r in PERAN if r != "pemohon")


class Penugasan(models.Model):
    BENTUK = [("individu", "Individu"), ("tim", "Tim kerja")]
    SIFAT = [("rutin", "Rutin"), ("insidental", "Insidental")]

    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.PROTECT, related_name="penugasan")
    # Lintas instansi only: the instansi whose pegawai are requested.
    instansi_tujuan = models.ForeignKey(
        "organisasi.Instansi", null=True, blank=True, on_delete=models.PROTECT, related_name="penugasan_masuk"
    )
    # No choices: the paths and states are the tables of alur.py, not a migration.
    jalur = models.CharField(max_length=32)
    # The table the instansi's regulation uses for this jalur ("" = the common one; alur.VARIAN).
    varian = models.CharField(max_length=32, blank=True)
    # Set only by sikerja.alur_kerja.services (blank until the path starts).
    status = models.CharField(max_length=32, blank=True, default="")
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

    # The requester; the other parties are rows of PihakPenugasan (``pihak``).
    pemohon = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="penugasan_diajukan")
    # While ``menunggu_rekomendasi_puo``: the further PUO (pegawai ids) still to recommend,
    # when the chosen pegawai sit in units led by different officials (``puo_tujuan`` acts now).
    antrean_rekomendasi = models.JSONField(default=list, blank=True)
    # While ``menunggu_ppk_pegawai`` / ``menunggu_penetapan_ppk``: the further PPK (pegawai ids) still to
    # sign or set the assignment of their own pegawai (``ppk_pegawai`` acts now): Magelang Pasal 12
    # ayat (4); Pasuruan Lampiran II.B.2.a huruf d.
    antrean_ppk = models.JSONField(default=list, blank=True)

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
    def masa_berakhir(self) -> bool:
        """Assigned, and the period ended before today: shown as *Selesai*, frees the workload."""
        return self.status == DITUGASKAN and self.selesai < timezone.localdate()

    @property
    def status_tampil(self) -> str:
        """The state as pages and exports show it: ``selesai`` once an assignment's period is over."""
        return SELESAI if self.masa_berakhir else self.status

    @property
    def label_status(self) -> str:
        if self.masa_berakhir:
            return LABEL_SELESAI
        return STATUS.get(self.status, self.status)

    # --- parties (PihakPenugasan) ------------------------------------------------------

    def _pihak_map(self) -> dict[str, Any]:
        cache = self.__dict__.get("_pihak_cache")
        if cache is None:
            cache = {r.peran: r.pegawai for r in _pihak_siap(penugasan_id=self.pk)} if self.pk else {}
            self.__dict__["_pihak_cache"] = cache
        return cache

    def pihak(self, peran: str) -> Any:
        """The pegawai holding ``peran`` on this assignment (None when nobody does)."""
        if peran == "pemohon":
            return self.pemohon
        return self._pihak_map().get(peran)

    def pihak_id(self, peran: str) -> int | None:
        pg = self.pihak(peran)
        return pg.pk if pg is not None else None

    def atur_pihak(self, peran: str, pegawai: Any) -> None:
        """Name (or, with None, remove) the holder of ``peran``."""
        if peran not in PERAN_PIHAK:
            raise ValueError(f"Peran tidak dikenal: {peran}")
        if isinstance(pegawai, int):
            from sikerja.organisasi.models import Pegawai

            pegawai = Pegawai.objects.select_related("instansi", "unit").get(pk=pegawai)
        if self._pihak_map().get(peran) == pegawai:
            return  # already so: no write
        PihakPenugasan.objects.filter(penugasan_id=self.pk, peran=peran).delete()
        if pegawai is not None:
            PihakPenugasan.objects.create(penugasan_id=self.pk, peran=peran, pegawai=pegawai)
        self._pihak_map()[peran] = pegawai

    def pihak_awal(self, peran: dict[str, Any]) -> None:
        """The parties of a just-created assignment, in one INSERT."""
        PihakPenugasan.objects.bulk_create([PihakPenugasan(penugasan_id=self.pk, peran=r, pegawai=pg)
                                            for r, pg in peran.items()])
        self.__dict__["_pihak_cache"] = dict(peran)

    def refresh_from_db(self, *args: Any, **kwargs: Any) -> None:
        self.__dict__.pop("_pihak_cache", None)
        super().refresh_from_db(*args, **kwargs)

    # Read access to each party by its role name (PihakPenugasan rows; write with atur_pihak).

    @property
    def ppk_pemohon(self) -> Pegawai | None:
        return self.pihak("ppk_pemohon")  # type: ignore[no-any-return]

    @property
    def ppk_pemohon_id(self) -> int | None:
        return self.pihak_id("ppk_pemohon")

    @property
    def puo_pemohon(self) -> Pegawai | None:
        return self.pihak("puo_pemohon")  # type: ignore[no-any-return]

    @property
    def puo_pemohon_id(self) -> int | None:
        return self.pihak_id("puo_pemohon")

    @property
    def ppk_tujuan(self) -> Pegawai | None:
        return self.pihak("ppk_tujuan")  # type: ignore[no-any-return]

    @property
    def ppk_tujuan_id(self) -> int | None:
        return self.pihak_id("ppk_tujuan")

    @property
    def puo_tujuan(self) -> Pegawai | None:
        return self.pihak("puo_tujuan")  # type: ignore[no-any-return]

    @property
    def puo_tujuan_id(self) -> int | None:
        return self.pihak_id("puo_tujuan")

    @property
    def pyb_pemohon(self) -> Pegawai | None:
        return self.pihak("pyb_pemohon")  # type: ignore[no-any-return]

    @property
    def pyb_pemohon_id(self) -> int | None:
        return self.pihak_id("pyb_pemohon")

    @property
    def pyb_tujuan(self) -> Pegawai | None:
        return self.pihak("pyb_tujuan")  # type: ignore[no-any-return]

    @property
    def pyb_tujuan_id(self) -> int | None:
        return self.pihak_id("pyb_tujuan")

    @property
    def pimpinan_pd_pemohon(self) -> Pegawai | None:
        return self.pihak("pimpinan_pd_pemohon")  # type: ignore[no-any-return]

    @property
    def pimpinan_pd_pemohon_id(self) -> int | None:
        return self.pihak_id("pimpinan_pd_pemohon")

    @property
    def kepala_daerah(self) -> Pegawai | None:
        return self.pihak("kepala_daerah")  # type: ignore[no-any-return]

    @property
    def kepala_daerah_tujuan(self) -> Pegawai | None:
        return self.pihak("kepala_daerah_tujuan")  # type: ignore[no-any-return]

    @property
    def ppk_pegawai(self) -> Pegawai | None:
        return self.pihak("ppk_pegawai")  # type: ignore[no-any-return]

    @property
    def ppk_pegawai_id(self) -> int | None:
        return self.pihak_id("ppk_pegawai")

    # --- the shared apps' rows of this assignment ----------------------------------------

    @property
    def surat(self) -> models.QuerySet[Surat]:
        return Surat.objects.filter(subjek_jenis="penugasan.penugasan", subjek_id=self.pk)

    @property
    def transisi(self) -> models.QuerySet[Transisi]:
        return Transisi.objects.filter(subjek_jenis="penugasan.penugasan", subjek_id=self.pk)


class Transisi(Jejak):
    """An audit entry of a penugasan, read with this app's labels (the row is sikerja.jejak's)."""

    class Meta:
        proxy = True
        verbose_name_plural = "transisi (jejak audit)"

    @property
    def label_aksi(self) -> str:
        kunci = (self.aksi, self.dari_status)
        return LABEL_AKSI_DARI.get(kunci) or LABEL_AKSI_LANGKAH.get(kunci) or AKSI.get(self.aksi, self.aksi)

    @property
    def label_dari(self) -> str:
        return STATUS.get(self.dari_status, self.dari_status)

    @property
    def label_ke(self) -> str:
        return STATUS.get(self.ke_status, self.ke_status)


class PihakPenugasan(models.Model):
    """One party of an assignment: who holds which role (alur.PERAN), resolved from kedudukan and
    Instansi.pyb when the path starts or by a decision (the PPK instructed, the PUO recommending)."""

    penugasan = models.ForeignKey(Penugasan, on_delete=models.CASCADE, related_name="pihak_set")
    peran = models.CharField(max_length=32)
    pegawai = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="pihak_penugasan")

    class Meta:
        verbose_name_plural = "pihak penugasan"
        constraints = [models.UniqueConstraint(fields=["penugasan", "peran"], name="pihak_penugasan_unik")]
        indexes = [models.Index(fields=["pegawai", "penugasan"], name="pihak_penugasan_pegawai")]

    def __str__(self) -> str:
        return f"{self.peran}: {self.pegawai_id}"


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


# Read on every page of an assignment; prepared once (sikerja.kueri).
_pihak_siap: KueriSiap[PihakPenugasan] = KueriSiap(lambda penugasan_id: (
    PihakPenugasan.objects.filter(penugasan_id=penugasan_id).select_related("pegawai__instansi", "pegawai__unit")))
