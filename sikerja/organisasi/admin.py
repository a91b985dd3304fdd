from django.contrib import admin
from django.db import transaction

from .models import Instansi, Kompetensi, Pegawai, UnitOrganisasi


class HitungUlangMixin:
    """A superuser's edit in the admin changes structure or placement just as an
    import does, so the same recomputation follows (delegations: kedudukan's admin)."""

    def save_model(self, request, obj, form, change):  # type: ignore[no-untyped-def]
        with transaction.atomic():
            super().save_model(request, obj, form, change)  # type: ignore[misc]
            _hitung_ulang(obj.instansi)

    def delete_model(self, request, obj):  # type: ignore[no-untyped-def]
        with transaction.atomic():
            instansi = obj.instansi
            super().delete_model(request, obj)  # type: ignore[misc]
            _hitung_ulang(instansi)


def _hitung_ulang(instansi: Instansi) -> None:
    from . import kait
    from .services import hitung_ringkasan

    hitung_ringkasan(instansi)
    kait.jalankan_setelah_perubahan(instansi)


@admin.register(Instansi)
class InstansiAdmin(admin.ModelAdmin):
    list_display = ("kode", "nama", "profil")
    raw_id_fields = ("pyb",)


@admin.register(UnitOrganisasi)
class UnitAdmin(HitungUlangMixin, admin.ModelAdmin):
    list_display = ("kode", "nama", "jenis", "level", "instansi", "aktif")
    list_filter = ("instansi", "jenis", "aktif")
    search_fields = ("kode", "nama")
    raw_id_fields = ("induk", "akar_pd")


class KompetensiInline(admin.TabularInline):
    model = Kompetensi
    extra = 0


@admin.register(Pegawai)
class PegawaiAdmin(HitungUlangMixin, admin.ModelAdmin):
    list_display = ("nip", "nama", "jabatan", "jenis_jabatan", "jenjang", "unit", "kepala_unit", "aktif")
    list_filter = ("instansi", "jenis_jabatan", "status", "aktif")
    search_fields = ("nip", "nama")
    raw_id_fields = ("unit",)
    inlines = [KompetensiInline]
