"""The ``sikerja`` command: Django's management commands under one name.

``sikerja impor FILE``, ``sikerja demo``, ``sikerja kedudukan --nip NIP`` and
every other management command (``sikerja migrate``, ``sikerja runserver``) run
with the project's settings, so an HR officer needs no ``manage.py``.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sikerja.settings")
    from django.core.management import execute_from_command_line

    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        args = ["help", "--commands"]
        print("Perintah utama: impor, demo, kedudukan, siapkan, runserver. Semua perintah:", file=sys.stderr)
    execute_from_command_line(["sikerja", *args])


if __name__ == "__main__":
    main()
