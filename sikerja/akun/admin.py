from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import Pengguna, PercobaanMasuk


@admin.register(Pengguna)
class PenggunaAdmin(UserAdmin):
    list_display = ("username", "first_name", "instansi", "pegawai", "admin_instansi", "bkpsdm", "inspektorat")
    list_filter = ("instansi", "admin_instansi", "bkpsdm", "inspektorat", "is_superuser")
    raw_id_fields = ("pegawai",)
    fieldsets = (*(UserAdmin.fieldsets or ()), ("SIKERJA", {"fields": ("instansi", "pegawai", "admin_instansi", "bkpsdm", "inspektorat")}))


@admin.register(PercobaanMasuk)
class PercobaanMasukAdmin(admin.ModelAdmin):
    list_display = ("username", "alamat_ip", "waktu")
    readonly_fields = ("username", "alamat_ip", "waktu")
