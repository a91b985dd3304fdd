"""The NIP shape shared by account code: 18 ASCII digits."""

from __future__ import annotations

import re

_NIP = re.compile(r"[0-9]{18}", re.ASCII)


def nip_sah(nip: str) -> bool:
    return bool(_NIP.fullmatch(nip))
