from django.contrib import admin

from .models import Delegasi, Instansi, Kompetensi, Pegawai, UnitOrganisasi


@admin.register(Instansi)
class InstansiAdmin(admin.ModelAdmin):
    list_display = ("kode", "nama", "profil")
    raw_id_fields = ("pyb",)


@admin.register(UnitOrganisasi)
class UnitAdmin(admin.ModelAdmin):
    list_display = ("kode", "nama", "jenis", "level", "instansi", "aktif")
    list_filter = ("instansi", "jenis", "aktif")
    search_fields = ("kode", "nama")
    raw_id_fields = ("induk", "akar_pd")


class KompetensiInline(admin.TabularInline):
    model = Kompetensi
    extra = 0


@admin.register(Pegawai)
class PegawaiAdmin(admin.ModelAdmin):
    list_display = ("nip", "nama", "jabatan", "jenis_jabatan", "jenjang", "unit", "kepala_unit", "aktif")
    list_filter = ("instansi", "jenis_jabatan", "status", "aktif")
    search_fields = ("nip", "nama")
    raw_id_fields = ("unit",)
    inlines = [KompetensiInline]


@admin.register(Delegasi)
class DelegasiAdmin(admin.ModelAdmin):
    list_display = ("dari", "kepada", "wewenang", "aktif", "sumber")
    raw_id_fields = ("dari", "kepada")
