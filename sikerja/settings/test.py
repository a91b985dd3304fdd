"""Settings for the test suite: the base settings, with background tasks run
inline (so a test sees the e-mail a task sends) and a fast password hasher."""

from sikerja.settings import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
