"""Production settings: DEBUG off, secret required, HTTPS and secure cookies, static
files served by the application itself (WhiteNoise, compressed, cache-busting names).

The default of ``sikerja.wsgi`` and ``sikerja serve``; passes ``sikerja check --deploy``.
``SIKERJA_HTTPS=0`` is only for a plain-HTTP loopback (the CI test and the load bench):
it turns off the HTTPS redirect, HSTS and secure-only cookies.
"""

import os

os.environ.setdefault("DEBUG", "false")

from sikerja.settings import *  # noqa: E402,F403
from sikerja.settings import MIDDLEWARE, STORAGES, env_bool  # noqa: E402

DEBUG = False
HTTPS = env_bool("SIKERJA_HTTPS", True)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", HTTPS)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000")) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# Static files from the app process: one command serves everything, no front server needed
# for them (a reverse proxy for TLS may still sit in front).
MIDDLEWARE = [*MIDDLEWARE]
MIDDLEWARE.insert(MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
                  "whitenoise.middleware.WhiteNoiseMiddleware")
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}
