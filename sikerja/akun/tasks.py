"""Background tasks of accounts: activation e-mails (django-tasks queue)."""

from __future__ import annotations

from django.core.mail import EmailMessage, get_connection
from django_tasks import task


@task()
def kirim_surel_aktivasi(pengguna_ids: list[int]) -> int:
    from .models import Pengguna
    from .pengelolaan import tautan_aktivasi

    akun = Pengguna.objects.filter(id__in=pengguna_ids).select_related("pegawai", "instansi")
    pesan: list[EmailMessage] = []
    for u in akun:
        if u.pegawai is None or u.instansi is None or not u.pegawai.email:
            continue
        pesan.append(EmailMessage(
            subject="[SIKERJA] Aktivasi akun Anda",
            body=(f"Yth. {u.pegawai.nama},\n\nAkun SIKERJA {u.instansi.nama} untuk NIP {u.username} sudah dibuat.\n"
                  f"Buka tautan berikut untuk memilih kata sandi dan mengaktifkan akun Anda:\n\n"
                  f"{tautan_aktivasi(u)}\n\nNama pengguna Anda adalah NIP Anda. Abaikan e-mail ini bila "
                  f"Anda tidak merasa memintanya.\n"),
            to=[u.pegawai.email],
        ))
    if pesan:
        get_connection().send_messages(pesan)
    return len(pesan)
