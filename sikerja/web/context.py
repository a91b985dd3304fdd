"""The navigation bar: what each user may open, with counts of what waits for them."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse


def _item(request: HttpRequest, kode: str, label: str, url_name: str, jumlah: int = 0) -> dict[str, Any]:
    return {"kode": kode, "label": label, "url": reverse(url_name), "jumlah": jumlah, "aktif": False}


def _tandai_aktif(path: str, items: list[dict[str, Any]]) -> None:
    """Highlight the one item whose address is the longest prefix of the page's
    (/penugasan/kotak-masuk/ is Kotak Masuk, not also Penugasan)."""
    cocok = [i for i in items if (path == "/" if i["url"] == "/" else path.startswith(i["url"]))]
    if cocok:
        max(cocok, key=lambda i: len(i["url"]))["aktif"] = True


def navigasi(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    items = [_item(request, "beranda", "Beranda", "beranda")]
    if user.instansi_id:
        items.append(_item(request, "organisasi", "Organisasi", "organisasi:pohon"))
        if user.pegawai_id:
            items.append(_item(request, "kedudukan", "Kedudukan Saya", "kedudukan:saya"))
        # --- penugasan (issue #4): Kotak Masuk with its count, Penugasan ---
        if user.pegawai_id:
            from sikerja.penugasan.selectors import jumlah_kotak_masuk

            items.append(_item(request, "kotak_masuk", "Kotak Masuk", "penugasan:kotak_masuk",
                               jumlah_kotak_masuk(user.pegawai_id)))
        items.append(_item(request, "penugasan", "Penugasan", "penugasan:daftar"))
        # --- end penugasan ---
        items.append(_item(request, "timkerja", "Tim Kerja", "timkerja:daftar"))
        items.append(_item(request, "siklus", "Siklus Kerja", "siklus:dasbor"))
        if user.lintas_unit:
            items.append(_item(request, "pemantauan", "Pemantauan BKPSDM", "kedudukan:pemantauan"))
        if user.admin_instansi:
            items.append(_item(request, "delegasi", "Delegasi", "kedudukan:delegasi"))
            items.append(_item(request, "impor", "Impor Data", "organisasi:impor"))
            items.append(_item(request, "akun", "Akun", "akun:kelola"))
            items.append(_item(request, "pengaturan", "Pengaturan", "penugasan:pengaturan"))
    items.append(_item(request, "keamanan", "Kata Sandi & Token", "akun:ganti_sandi"))
    if user.is_superuser:
        items.append({"kode": "admin", "label": "Admin", "url": reverse("admin:index"), "jumlah": 0, "aktif": False})
    _tandai_aktif(request.path, items)
    return {"nav_items": items}
