"""Background task of the inbox: e-mail for new items (django_tasks)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django_tasks import task


@task()
def kirim_email_kotak_masuk(item_ids: list[int]) -> int:
    """Send one e-mail per new inbox item to pegawai who have an address; returns how many were sent."""
    from django.urls import reverse

    from .models import JENIS_ITEM, Item

    items = Item.objects.filter(id__in=item_ids).select_related("penerima")
    base = settings.SIKERJA_BASE_URL.rstrip("/")
    try:
        kotak = f"Kotak masuk: {base}{reverse('penugasan:kotak_masuk')}\n"
    except Exception:  # noqa: BLE001 - the inbox page is mounted by a module; e-mail goes out regardless
        kotak = ""
    pesan = [
        EmailMessage(
            subject=f"[SIKERJA] {item.pesan}"[:200],
            body=(f"Yth. {item.penerima.nama},\n\n{JENIS_ITEM.get(item.jenis, item.jenis)}: {item.pesan}\n\n"
                  + (f"Buka: {base}{item.tautan}\n" if item.tautan else "") + kotak),
            to=[item.penerima.email],
        )
        for item in items
        if item.penerima.email
    ]
    if not pesan:
        return 0
    return get_connection().send_messages(pesan) or 0
