"""The ``sikerja`` command: Django's management commands under one name.

``sikerja impor FILE``, ``sikerja demo``, ``sikerja kedudukan --nip NIP`` and
every other management command (``sikerja migrate``, ``sikerja runserver``) run
with the project's settings, so an HR officer needs no ``manage.py``.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    # `sikerja serve` is production: its settings (and the worker it starts) unless told otherwise.
    produksi = bool(args) and args[0] == "serve"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sikerja.settings.production" if produksi else "sikerja.settings")
    from django.core.management import execute_from_command_line

    if not args:
        args = ["help", "--commands"]
        print("Perintah utama: impor, demo, kedudukan, siapkan, runserver, serve, cadangkan, pulihkan. "
              "Semua perintah:", file=sys.stderr)
    execute_from_command_line(["sikerja", *args])


if __name__ == "__main__":
    main()
