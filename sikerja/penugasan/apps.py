from django.apps import AppConfig


class PenugasanConfig(AppConfig):
    name = "sikerja.penugasan"
    label = "penugasan"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Penugasan's letter kinds (title and number code) in the shared letters app.
        from sikerja.surat import jenis

        from .alur import JENIS_SURAT, SURAT_TUGAS

        for kode, (judul, singkatan) in JENIS_SURAT.items():
            # The surat penugasan is printed as a Surat Tugas (Permendagri 1/2023, Lampiran).
            jenis.daftarkan(kode, judul=judul, singkatan=singkatan,
                            template=jenis.TEMPLATE_SURAT_TUGAS if kode == SURAT_TUGAS else None)
