from django.contrib import admin

from .models import Kedudukan


@admin.register(Kedudukan)
class KedudukanAdmin(admin.ModelAdmin):
    """Read-only: kedudukan is computed, and its history is evidence."""

    list_display = ("pegawai", "ppk", "pimpinan_unit", "koordinator", "berlaku_mulai", "berlaku_sampai")
    list_select_related = ("pegawai", "ppk", "pimpinan_unit", "koordinator")
    raw_id_fields = ("pegawai", "ppk", "pimpinan_unit", "koordinator")

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
