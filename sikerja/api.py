"""The JSON API (django-ninja), OpenAPI at /api/docs, for SPBE portals.

Authentication is the user's session (same rights as the web pages) or a
per-user API token (sikerja.akun.token: scoped, audited, rate-limited); every
router scopes its queries to the user's instansi.
"""

from django.db import IntegrityError, OperationalError
from ninja import NinjaAPI
from ninja.security import django_auth

from sikerja.akun.token import TokenBearer
from sikerja.galat import api_balapan
from sikerja.operasi.dokumentasi_api import SwaggerLokal

api = NinjaAPI(
    title="SIKERJA API",
    version="1",
    description="Sistem Kerja ASN: organisasi, kedudukan dan penugasan. Semua data dibatasi pada instansi pengguna.",
    # The session (same rights as the pages) or a per-user token
    # (``Authorization: Bearer skj_…``, created at /akun/token/).
    auth=[django_auth, TokenBearer()],
    urls_namespace="api",
    docs=SwaggerLokal(),
)

api.add_router("/organisasi/", "sikerja.organisasi.api.router")
api.add_router("/instansi", "sikerja.organisasi.api.router_instansi")
api.add_router("/kedudukan/", "sikerja.kedudukan.api.router")
# penugasan (issue #4) adds its router here
api.add_router("/penugasan/", "sikerja.penugasan.api.router")
api.add_router("/tim-kerja/", "sikerja.timkerja.api.router")
api.add_router("/siklus/", "sikerja.siklus.api.router")
# a database race anywhere (deadlock, unique violation by a concurrent insert) is a retryable 409
api.add_exception_handler(IntegrityError, api_balapan)
api.add_exception_handler(OperationalError, api_balapan)
