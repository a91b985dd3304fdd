"""URL map: the JSON API, the admin, and the pages of every module registered in its
``navigasi.py`` (sikerja.modul), mounted at the prefix the module declares."""

from django.contrib import admin
from django.urls import path

from sikerja.api import api
from sikerja.modul import url_patterns as modul_url_patterns
from sikerja.penugasan.views import verifikasi as verifikasi_surat

urlpatterns = [
    path("api/", api.urls),
    path("admin/", admin.site.urls),
    *modul_url_patterns(),
    path("verifikasi/<str:kode>/", verifikasi_surat, name="verifikasi_surat"),
]
