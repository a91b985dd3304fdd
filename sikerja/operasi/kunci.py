"""Check that the installed packages satisfy pyproject.toml (run by ``make install``).

``make install`` installs requirements.lock and then SIKERJA with ``--no-deps``; when a
dependency was added to pyproject.toml but the lock not regenerated, this says so
instead of letting a test fail later with an ImportError.
"""

from __future__ import annotations

import sys
from importlib.metadata import PackageNotFoundError, requires, version

from packaging.requirements import Requirement

# The extras requirements.lock is compiled with (``make kunci``): tests and tools, and the Redis task queue.
EKSTRA = ("dev", "redis")


def kurang() -> list[str]:
    hasil = []
    for teks in requires("sikerja") or []:
        req = Requirement(teks)
        if req.marker and not any(req.marker.evaluate({"extra": e}) for e in EKSTRA):
            continue
        try:
            terpasang = version(req.name)
        except PackageNotFoundError:
            hasil.append(f"{req} (tidak terpasang)")
            continue
        if req.specifier and not req.specifier.contains(terpasang, prereleases=True):
            hasil.append(f"{req} (terpasang {terpasang})")
    return hasil


def main() -> None:
    if masalah := kurang():
        print("requirements.lock tidak sesuai pyproject.toml; jalankan `make kunci`:", *masalah, sep="\n  ",
              file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
