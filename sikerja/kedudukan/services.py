"""Keeping the stored kedudukan in step with the organisation.

``hitung_ulang`` resolves every active pegawai of an instansi with the
instansi's profile and writes only the differences: a changed kedudukan closes
the current row (``berlaku_sampai``) and opens a new one, so the history of who
rated and led whom, and from when, is never lost. It is called by every service
that changes structure, placement, jabatan or delegations (import, delegation
pages), inside their transaction.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from sikerja.organisasi import selectors as org_selectors
from sikerja.organisasi.models import Instansi, Pegawai

from .engine import Hasil, Resolver, load_profil
from .models import Kedudukan

BATCH = 2000


def _isi(h: Hasil, ids: dict[str, int]) -> dict[str, Any]:
    return {
        "ppk_id": ids[h.ppk.nip] if h.ppk else None,
        "pimpinan_unit_id": ids[h.pimpinan_unit.nip] if h.pimpinan_unit else None,
        "koordinator_id": ids[h.koordinator.nip] if h.koordinator else None,
        "aturan": h.aturan or "",
        "peringatan": list(h.peringatan),
        "dasar_hukum": list(h.dasar_hukum),
        "langkah": list(h.langkah),
        "harap_delegasi": h.harap_delegasi or "",
    }


FIELDS = ("ppk_id", "pimpinan_unit_id", "koordinator_id", "aturan", "peringatan", "dasar_hukum", "langkah", "harap_delegasi")


@transaction.atomic
def hitung_ulang(instansi: Instansi, *, waktu: datetime | None = None) -> int:
    """Recompute the kedudukan of all pegawai; returns how many rows changed."""
    waktu = waktu or timezone.now()
    org = org_selectors.organisasi(instansi)
    hasil = Resolver(org, load_profil(instansi.profil)).resolve_all()
    ids = dict(Pegawai.objects.filter(instansi=instansi).values_list("nip", "id"))

    current: dict[int, tuple[int, tuple[Any, ...]]] = {
        row[1]: (row[0], tuple(row[2:]))
        for row in Kedudukan.objects.filter(instansi=instansi, berlaku_sampai__isnull=True).values_list(
            "id", "pegawai_id", *FIELDS
        )
    }
    tutup: list[int] = []
    baru: list[Kedudukan] = []
    for nip, h in hasil.items():
        pid = ids[nip]
        isi = _isi(h, ids)
        now = current.pop(pid, None)
        if now is not None:
            if now[1] == tuple(isi[f] for f in FIELDS):
                continue
            tutup.append(now[0])
        baru.append(Kedudukan(instansi=instansi, pegawai_id=pid, berlaku_mulai=waktu, **isi))
    # Pegawai no longer active: their kedudukan ends now.
    tutup.extend(row_id for row_id, _ in current.values())
    for i in range(0, len(tutup), 900):
        Kedudukan.objects.filter(id__in=tutup[i : i + 900]).update(berlaku_sampai=waktu)
    Kedudukan.objects.bulk_create(baru, batch_size=BATCH)
    return len(baru) + len(current)
