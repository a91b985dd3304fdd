"""URL map: the JSON API, the admin, and the pages of every module registered in its
``navigasi.py`` (sikerja.modul), mounted at the prefix the module declares."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from sikerja.api import api
from sikerja.modul import url_patterns as modul_url_patterns
from sikerja.surat.views import verifikasi as verifikasi_surat

urlpatterns = [
    path("api/", api.urls),
    path("admin/", admin.site.urls),
    *modul_url_patterns(),
    path("verifikasi/<str:kode>/", verifikasi_surat, name="verifikasi_surat"),
]

# Error pages in Indonesian (issue #10 point 12): 403/404 use the templates
# sikerja/web/templates/{403,404}.html through Django's default handlers.
handler500 = "sikerja.web.views.galat_server"

# Single sign-on (sikerja.akun.oidc): mounted only when configured.
if settings.OIDC_AKTIF:
    urlpatterns.append(path("oidc/", include("mozilla_django_oidc.urls")))
