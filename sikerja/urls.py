"""URL map: the web pages of each app, the JSON API and the admin."""

from django.contrib import admin
from django.urls import include, path

from sikerja.api import api
from sikerja.surat.views import verifikasi as verifikasi_surat

urlpatterns = [
    path("", include("sikerja.web.urls")),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
    # penugasan (issue #4) mounts here
    path("penugasan/", include("sikerja.penugasan.urls")),
    path("tim-kerja/", include("sikerja.timkerja.urls")),
    path("siklus/", include("sikerja.siklus.urls")),
    path("verifikasi/<str:kode>/", verifikasi_surat, name="verifikasi_surat"),
]
