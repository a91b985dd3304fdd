"""Admin: read-only. Letters and the audit trail are never edited (SPEC §1, §4)."""

from django.contrib import admin

from .models import ItemKotakMasuk, Penugasan, Surat, Transisi


class HanyaBaca(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(Penugasan)
class PenugasanAdmin(HanyaBaca):
    list_display = ["judul", "jalur", "status", "instansi", "pemohon", "dibuat"]
    list_filter = ["jalur", "status", "instansi"]


@admin.register(Surat)
class SuratAdmin(HanyaBaca):
    list_display = ["nomor", "jenis", "status", "instansi", "tanggal"]
    list_filter = ["jenis", "status", "instansi"]
    exclude = ["pdf"]


@admin.register(Transisi)
class TransisiAdmin(HanyaBaca):
    list_display = ["penugasan", "aksi", "dari_status", "ke_status", "aktor", "waktu"]


@admin.register(ItemKotakMasuk)
class ItemKotakMasukAdmin(HanyaBaca):
    list_display = ["penerima", "jenis", "pesan", "terbuka", "dibuat"]
