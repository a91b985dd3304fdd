"""Writing the audit trail: one function, :func:`catat`, called inside the step's transaction."""

from __future__ import annotations

from typing import Any

from sikerja import subjek as subjek_mod
from sikerja.organisasi.models import Pegawai

from .models import Jejak


def catat(*, subjek: Any, aksi: str, dari: str, ke: str, aktor: Pegawai, pengguna: Any = None,
          alasan: str = "", dasar_hukum: str = "", surat: Any = None, data: dict[str, Any] | None = None,
          lintas: bool = False) -> Jejak:
    """Append one audit entry about ``subjek``."""
    jenis, pk = subjek_mod.ref(subjek)
    return Jejak.objects.create(
        subjek_jenis=jenis, subjek_id=pk, aksi=aksi, dari_status=dari, ke_status=ke, aktor=aktor,
        pengguna=pengguna if getattr(pengguna, "pk", None) else None, alasan=alasan.strip(),
        dasar_hukum=dasar_hukum[:300], surat=surat, data=data or {}, lintas=lintas,
    )
