"""Settings from environment variables (12-factor), with safe embedded defaults.

``DATABASE_URL`` picks the database (default: an SQLite file under ``var/``);
``DEBUG`` defaults on for the embedded demo; with ``DEBUG`` off a ``SECRET_KEY``
is required. ``sikerja.settings.production`` hardens the rest for deployment.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
PROJECT_DIR = BASE_DIR.parent
VAR_DIR = Path(os.environ.get("SIKERJA_VAR_DIR", PROJECT_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in ("1", "true", "yes", "ya", "on")


DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY wajib diisi bila DEBUG dimatikan.")
    SECRET_KEY = "django-insecure-sikerja-dev-only-key-not-for-production"

ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_tasks",
    "django_tasks_db",
    "sikerja.akun",
    "sikerja.organisasi",
    "sikerja.kedudukan",
    "sikerja.surat",
    "sikerja.kotak_masuk",
    "sikerja.jejak",
    "sikerja.alur_kerja",
    "sikerja.penugasan",
    "sikerja.timkerja",
    "sikerja.siklus",
    "sikerja.web",
    "sikerja.operasi",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "sikerja.akun.middleware.WajibGantiSandiMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "sikerja.operasi.middleware.HeaderKeamanan",
    "sikerja.operasi.middleware.LogPermintaan",
    "sikerja.galat.BalapanMiddleware",
]

ROOT_URLCONF = "sikerja.urls"
WSGI_APPLICATION = "sikerja.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "sikerja.web.context.navigasi",
            ],
        },
    },
]

DATABASE_URL = os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'sikerja.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")))}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    # WAL lets the web server read while a background task or an import writes.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "akun.Pengguna"

PASSWORD_HASHERS = [
    # Argon2id at OWASP's parameters; older Argon2 hashes are rewritten at the next login.
    "sikerja.operasi.sandi.Argon2idOWASP",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "beranda"
LOGOUT_REDIRECT_URL = "login"

# Failed-login throttling (sikerja.akun.services): after this many failures for
# one username or one address within the window, logins are refused until it passes.
LOGIN_GAGAL_MAKS = int(os.environ.get("LOGIN_GAGAL_MAKS", "5"))
LOGIN_GAGAL_JENDELA_DETIK = int(os.environ.get("LOGIN_GAGAL_JENDELA_DETIK", "900"))
# Per client address across all usernames (password spraying).
LOGIN_GAGAL_MAKS_ALAMAT = int(os.environ.get("LOGIN_GAGAL_MAKS_ALAMAT", "50"))
# Number of reverse proxies in front of the app whose X-Forwarded-For is trusted
# (0: the header is ignored and REMOTE_ADDR is the client).
PROXY_TEPERCAYA = int(os.environ.get("PROXY_TEPERCAYA", "0"))
AUTHENTICATION_BACKENDS = ["sikerja.akun.backends.BatasiMasukBackend"]

# Single sign-on by OpenID Connect (sikerja.akun.oidc), off unless OIDC_AKTIF:
# users are matched by the NIP claim; an unknown NIP gets no account.
OIDC_AKTIF = env_bool("OIDC_AKTIF", False)
if OIDC_AKTIF:
    AUTHENTICATION_BACKENDS.append("sikerja.akun.oidc.NipOIDCBackend")
    OIDC_RP_CLIENT_ID = os.environ["OIDC_RP_CLIENT_ID"]
    OIDC_RP_CLIENT_SECRET = os.environ.get("OIDC_RP_CLIENT_SECRET", "")
    OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ["OIDC_OP_AUTHORIZATION_ENDPOINT"]
    OIDC_OP_TOKEN_ENDPOINT = os.environ["OIDC_OP_TOKEN_ENDPOINT"]
    OIDC_OP_USER_ENDPOINT = os.environ["OIDC_OP_USER_ENDPOINT"]
    OIDC_OP_JWKS_ENDPOINT = os.environ.get("OIDC_OP_JWKS_ENDPOINT", "")
    OIDC_RP_SIGN_ALGO = os.environ.get("OIDC_RP_SIGN_ALGO", "RS256")
    OIDC_RP_SCOPES = os.environ.get("OIDC_RP_SCOPES", "openid profile")
OIDC_KLAIM_NIP = os.environ.get("OIDC_KLAIM_NIP", "nip")
OIDC_CREATE_USER = False
LOGIN_REDIRECT_URL_FAILURE = "/masuk/?sso=gagal"

# Import limits (sikerja.organisasi.dokumen / services, issue #10 points 5 and 7).
IMPOR_UKURAN_MAKS = int(os.environ.get("IMPOR_UKURAN_MAKS", str(10 * 1024 * 1024)))
IMPOR_BARIS_MAKS = int(os.environ.get("IMPOR_BARIS_MAKS", "100000"))
IMPOR_NONAKTIF_MAKS = float(os.environ.get("IMPOR_NONAKTIF_MAKS", "0.05"))

# Nothing shared lives in the cache (login throttling is in the database), so a
# per-process memory cache is enough and needs no extra service.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

LANGUAGE_CODE = "id"
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "media/"

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "sikerja@localhost")

# Background tasks (Kotak Masuk and activation e-mails, tim kerja sync): the database queue by default,
# worked off by `sikerja db_worker`. With TASKS_BACKEND=django_tasks_rq.RQBackend (the `redis` extra)
# the queue is in Redis at REDIS_URL and `sikerja rqworker` works it off (README, "Scaling out").
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")
TASKS = {"default": {"BACKEND": TASKS_BACKEND}}
TASKS_RQ = "django_tasks_rq.RQBackend"
if TASKS_BACKEND == TASKS_RQ:
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    # Every @task of SIKERJA runs on django-tasks' default queue.
    RQ_QUEUES = {"default": {"URL": REDIS_URL}}

# Public base URL printed in letters' verification QR codes.
SIKERJA_BASE_URL = os.environ.get("SIKERJA_BASE_URL", "http://127.0.0.1:8000")
# Public base address of /verifikasi/<kode>/ printed with each letter's QR code (issue 9 point 7);
# `sikerja check --deploy` warns (surat.W001) while it is a loopback address.
SIKERJA_ALAMAT_VERIFIKASI = os.environ.get("SIKERJA_ALAMAT_VERIFIKASI", SIKERJA_BASE_URL)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"pesan": {"format": "%(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        # One JSON object per line (sikerja.operasi.middleware.LogPermintaan) on stdout.
        "json": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "pesan"},
    },
    "loggers": {
        "sikerja.permintaan": {
            "handlers": ["json"], "propagate": False,
            "level": os.environ.get("LOG_PERMINTAAN", "WARNING" if DEBUG else "INFO"),
        },
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
