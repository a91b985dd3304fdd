from django.contrib import admin
from django.db import transaction

from .models import Delegasi, Kedudukan


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


@admin.register(Delegasi)
class DelegasiAdmin(admin.ModelAdmin):
    """A superuser's correction of a delegation: the kedudukan follows, as after the services."""

    list_display = ("dari", "kepada", "wewenang", "nomor_sk", "berlaku_mulai", "berlaku_sampai", "aktif", "sumber")
    list_filter = ("instansi", "wewenang", "aktif", "sumber")
    raw_id_fields = ("dari", "kepada", "dibuat_oleh", "diakhiri_oleh")

    def save_model(self, request, obj, form, change):  # type: ignore[no-untyped-def]
        from .services import hitung_ulang

        with transaction.atomic():
            super().save_model(request, obj, form, change)
            hitung_ulang(obj.instansi)

    def delete_model(self, request, obj):  # type: ignore[no-untyped-def]
        from .services import hitung_ulang

        with transaction.atomic():
            instansi = obj.instansi
            super().delete_model(request, obj)
            hitung_ulang(instansi)
