"""The JSON API (django-ninja), OpenAPI at /api/docs, for SPBE portals.

Authentication is the user's session (same rights as the web pages); every
router scopes its queries to the user's instansi.
"""

from django.db import IntegrityError, OperationalError
from ninja import NinjaAPI
from ninja.security import django_auth

from sikerja.galat import api_balapan

api = NinjaAPI(
    title="SIKERJA API",
    version="1",
    description="Sistem Kerja ASN: organisasi, kedudukan dan penugasan. Semua data dibatasi pada instansi pengguna.",
    auth=django_auth,
    urls_namespace="api",
)

api.add_router("/organisasi/", "sikerja.organisasi.api.router")
api.add_router("/kedudukan/", "sikerja.kedudukan.api.router")
# penugasan (issue #4) adds its router here
api.add_router("/penugasan/", "sikerja.penugasan.api.router")
api.add_router("/tim-kerja/", "sikerja.timkerja.api.router")
api.add_router("/siklus/", "sikerja.siklus.api.router")
# a database race anywhere (deadlock, unique violation by a concurrent insert) is a retryable 409
api.add_exception_handler(IntegrityError, api_balapan)
api.add_exception_handler(OperationalError, api_balapan)
