"""Production settings: DEBUG off, secret required, HTTPS and secure cookies.

Use with ``DJANGO_SETTINGS_MODULE=sikerja.settings.production``; passes
``manage.py check --deploy``. Static files are collected to ``STATIC_ROOT`` and
served by the front web server (no CDN: users' browsers fetch nothing outside).
"""

import os

os.environ.setdefault("DEBUG", "false")

from sikerja.settings import *  # noqa: E402,F403
from sikerja.settings import env_bool  # noqa: E402

DEBUG = False
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
