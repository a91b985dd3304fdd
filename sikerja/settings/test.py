"""Settings for the test suite: the base settings, with background tasks run
inline (so a test sees the e-mail a task sends) and a fast password hasher."""

from sikerja.settings import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

# A tiny test-only subject proving the shared apps serve any module (sikerja/alur_kerja/tests/contoh).
INSTALLED_APPS = [*INSTALLED_APPS, "sikerja.alur_kerja.tests.contoh"]  # noqa: F405
