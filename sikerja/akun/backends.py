"""The password backend, throttled: the web login and ``/admin/login/`` both go through it."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from sikerja.kueri import KueriSiap

from . import services
from .models import Pengguna

# The user of every request, with the instansi and pegawai that the layout and most views read (two
# queries fewer per page), prepared once (sikerja.kueri).
_pengguna: KueriSiap[Pengguna] = KueriSiap(lambda user_id: (
    Pengguna.objects.select_related("instansi", "pegawai").filter(pk=user_id)))


class BatasiMasukBackend(ModelBackend):
    """ModelBackend behind the atomic attempt counter of :mod:`sikerja.akun.services`.

    When the limit is reached it raises PermissionDenied, which makes Django's
    ``authenticate`` stop and return None without checking the password; the
    request is marked so the login page can say why.
    """

    def authenticate(self, request: HttpRequest | None, username: str | None = None,
                     password: str | None = None, **kwargs: Any) -> Any:
        if username is None:
            username = kwargs.get("username", "")
        if username is None or password is None:
            return None
        alamat = services.alamat_klien(request)
        if not services.pesan_slot(username, alamat):
            if request is not None:
                request.login_terkunci = True  # type: ignore[attr-defined]
            raise PermissionDenied("terlalu banyak percobaan masuk")
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is None:
            services.catat_gagal(username, alamat)
        else:
            services.bersihkan(username, alamat)
        return user

    def get_user(self, user_id: Any) -> Pengguna | None:
        rows = _pengguna(user_id=int(user_id)) if str(user_id).isdigit() else []
        return rows[0] if rows and self.user_can_authenticate(rows[0]) else None
