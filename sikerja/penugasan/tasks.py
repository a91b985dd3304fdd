"""Background tasks of penugasan: e-mail for new inbox items (django_tasks)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.urls import reverse
from django_tasks import task


@task()
def kirim_email_kotak_masuk(item_ids: list[int]) -> int:
    """Send one e-mail per new inbox item to pegawai who have an address; returns how many were sent."""
    from .models import ItemKotakMasuk

    items = ItemKotakMasuk.objects.filter(id__in=item_ids).select_related("penerima", "penugasan")
    base = settings.SIKERJA_BASE_URL.rstrip("/")
    pesan = [
        EmailMessage(
            subject=f"[SIKERJA] {item.pesan}"[:200],
            body=(f"Yth. {item.penerima.nama},\n\n{item.get_jenis_display()}: {item.pesan}\n\n"
                  f"Buka: {base}{reverse('penugasan:detail', args=[item.penugasan_id])}\n"
                  f"Kotak masuk: {base}{reverse('penugasan:kotak_masuk')}\n"),
            to=[item.penerima.email],
        )
        for item in items
        if item.penerima.email
    ]
    if not pesan:
        return 0
    return get_connection().send_messages(pesan) or 0
