"""Admin: read-only. Letters and the audit trail are never edited (SPEC §1, §4)."""

from django.contrib import admin

from .models import Penugasan


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
