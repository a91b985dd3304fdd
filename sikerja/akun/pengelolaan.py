"""Account administration: one account per pegawai (username = NIP), first login by
an e-mailed activation link or a printed initial-password letter, roles set by the
admin instansi. Every action is written to the append-only :class:`JejakAkun`.
"""

from __future__ import annotations

import json
import secrets
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from sikerja.basisdata import antrekan_setelah_commit

from .models import PERAN, JejakAkun, Pengguna

TEMPLATE_SURAT = Path(__file__).parent / "templates_surat" / "sandi_awal.typ"


def catat(*, aksi: str, pelaku: Any = None, akun: Pengguna | None = None, instansi: Any = None,
          rincian: str = "") -> None:
    JejakAkun.objects.create(aksi=aksi, pelaku=pelaku, akun=akun, rincian=rincian[:500],
                             instansi=instansi or (akun.instansi if akun else None))


def sinkron_akun_setelah_impor(instansi: Any, laporan: Any = None) -> None:
    """The organisation hook (organisasi.kait): accounts follow every import and edit."""
    sinkron_akun(instansi)


def sinkron_akun(instansi: Any, laporan: Any = None, *, pelaku: Any = None) -> dict[str, int]:
    """Make every active pegawai of ``instansi`` have an account and no inactive one a usable one.

    Idempotent and in bulk: accounts are created with an unusable password and
    must be activated (link or letter); accounts of deactivated pegawai are
    switched off. Registered as an import hook (organisasi.kait).
    """
    from sikerja.organisasi.models import Pegawai

    aktif = list(Pegawai.objects.filter(instansi=instansi, aktif=True).values_list("id", "nip", "nama"))
    punya = set(Pengguna.objects.filter(pegawai__instansi=instansi).values_list("pegawai_id", flat=True))
    dipakai = set(Pengguna.objects.filter(username__in=[n for _, n, _ in aktif]).values_list("username", flat=True))
    baru = []
    for pid, nip, nama in aktif:
        if pid in punya or nip in dipakai:
            continue
        u = Pengguna(username=nip, instansi=instansi, pegawai_id=pid, first_name=nama[:150],
                     wajib_ganti_sandi=True)
        u.set_unusable_password()
        baru.append(u)
    Pengguna.objects.bulk_create(baru, batch_size=1000)
    mati = Pengguna.objects.filter(pegawai__instansi=instansi, pegawai__aktif=False, is_active=True)
    n_mati = mati.update(is_active=False)
    # A pegawai back in a later import gets his account back (nothing else switches accounts off).
    n_hidup = Pengguna.objects.filter(pegawai__instansi=instansi, pegawai__aktif=True, is_active=False).update(
        is_active=True)
    if baru or n_mati or n_hidup:
        catat(aksi="sinkron_akun", pelaku=pelaku, instansi=instansi,
              rincian=f"{len(baru)} akun dibuat, {n_mati} dinonaktifkan, {n_hidup} diaktifkan kembali")
    return {"dibuat": len(baru), "dinonaktifkan": n_mati}


def tautan_aktivasi(user: Pengguna) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return settings.SIKERJA_BASE_URL.rstrip("/") + reverse("akun:aktivasi", args=[uid, token])


def kirim_aktivasi(instansi: Any, *, pelaku: Any) -> int:
    """Queue an activation e-mail to every not-yet-activated account with an imported address."""
    from .tasks import kirim_surel_aktivasi

    ids = list(Pengguna.objects.filter(instansi=instansi, is_active=True, wajib_ganti_sandi=True,
                                       pegawai__aktif=True).exclude(pegawai__email="")
               .values_list("id", flat=True))
    if ids:
        antrekan_setelah_commit(kirim_surel_aktivasi, ids)
        catat(aksi="kirim_aktivasi", pelaku=pelaku, instansi=instansi, rincian=f"{len(ids)} e-mail aktivasi")
    return len(ids)


def surat_sandi_awal(instansi: Any, *, pelaku: Any) -> tuple[bytes, int]:
    """A PDF letter with a fresh initial password for each not-yet-activated account without e-mail."""
    import typst

    akun = list(Pengguna.objects.filter(instansi=instansi, is_active=True, wajib_ganti_sandi=True,
                                        pegawai__aktif=True, pegawai__email="")
                .select_related("pegawai").order_by("pegawai__nama"))
    data = []
    with transaction.atomic():
        for u in akun:
            sandi = "-".join(secrets.token_hex(2) for _ in range(3))
            u.set_password(sandi)
            data.append({"nama": u.pegawai.nama if u.pegawai else u.first_name, "nip": u.username, "sandi": sandi})
        Pengguna.objects.bulk_update(akun, ["password"], batch_size=1000)
        catat(aksi="cetak_sandi_awal", pelaku=pelaku, instansi=instansi, rincian=f"{len(akun)} surat")
    isi = {"instansi": instansi.nama, "alamat": settings.SIKERJA_BASE_URL, "akun": data}
    pdf = typst.compile(str(TEMPLATE_SURAT), format="pdf", sys_inputs={"data": json.dumps(isi, ensure_ascii=False)})
    return pdf, len(akun)


def ubah_peran(*, pelaku: Pengguna, akun: Pengguna, peran: dict[str, bool]) -> None:
    """Set the instansi-wide roles of one account; only the admin of the same instansi may."""
    if not pelaku.admin_instansi or pelaku.instansi_id != akun.instansi_id:
        raise PermissionDenied("Hanya admin instansi yang sama yang dapat mengubah peran.")
    if akun.pk == pelaku.pk and not peran.get("admin_instansi", True):
        raise PermissionDenied("Anda tidak dapat mencabut peran admin Anda sendiri; minta admin lain.")
    berubah = {k: v for k, v in peran.items() if k in PERAN and getattr(akun, k) != v}
    if not berubah:
        return
    with transaction.atomic():
        for k, v in berubah.items():
            setattr(akun, k, v)
        akun.save(update_fields=list(berubah))
        catat(aksi="ubah_peran", pelaku=pelaku, akun=akun,
              rincian=", ".join(f"{PERAN[k]}: {'ya' if v else 'tidak'}" for k, v in berubah.items()))
