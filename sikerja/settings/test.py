"""Settings for the test suite: the base settings, with background tasks run
inline (so a test sees the e-mail a task sends) and a fast password hasher."""

from sikerja.settings import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

# A file, not SQLite's shared in-memory database: concurrency tests run threads
# that must wait on each other's write lock (busy timeout), which the in-memory
# shared cache answers with an immediate "table is locked" instead.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    import os as _os
    import tempfile as _tempfile

    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": _os.path.join(_tempfile.gettempdir(), f"sikerja-test-{_os.getpid()}.sqlite3"),
    }
# A tiny test-only subject proving the shared apps serve any module (sikerja/alur_kerja/tests/contoh).
INSTALLED_APPS = [*INSTALLED_APPS, "sikerja.alur_kerja.tests.contoh"]  # noqa: F405
