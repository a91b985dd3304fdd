"""URL map: the web pages of each app, the JSON API and the admin."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from sikerja.api import api
from sikerja.surat.views import verifikasi as verifikasi_surat

urlpatterns = [
    path("", include("sikerja.web.urls")),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
    path("sehat/", include("sikerja.operasi.urls")),
    # penugasan (issue #4) mounts here
    path("penugasan/", include("sikerja.penugasan.urls")),
    path("akun/", include("sikerja.akun.urls")),
    path("tim-kerja/", include("sikerja.timkerja.urls")),
    path("siklus/", include("sikerja.siklus.urls")),
    path("verifikasi/<str:kode>/", verifikasi_surat, name="verifikasi_surat"),
]

# Error pages in Indonesian (issue #10 point 12): 403/404 use the templates
# sikerja/web/templates/{403,404}.html through Django's default handlers.
handler500 = "sikerja.web.views.galat_server"

# Single sign-on (sikerja.akun.oidc): mounted only when configured.
if settings.OIDC_AKTIF:
    urlpatterns.append(path("oidc/", include("mozilla_django_oidc.urls")))
