"""URL map: the web pages of each app, the JSON API and the admin."""

from django.contrib import admin
from django.urls import include, path

from sikerja.api import api

urlpatterns = [
    path("", include("sikerja.web.urls")),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
    # penugasan (issue #4) mounts here
]
