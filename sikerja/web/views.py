"""Pages every role shares: login/logout, the home page and the pegawai search."""

from __future__ import annotations

from urllib.parse import quote

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from sikerja.akses import Permintaan
from sikerja.kedudukan import selectors as kd_selectors
from sikerja.organisasi import cari as org_cari


def masuk(request: Permintaan) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("beranda")
    galat = ""
    username = ""
    status = 200
    if request.method == "POST":
        username = request.POST.get("username", "").strip()
        password = request.POST.get("password", "")
        # Throttled in the backend (sikerja.akun.backends), like /admin/login/.
        user = authenticate(request, username=username, password=password)
        if getattr(request, "login_terkunci", False):
            menit = max(1, settings.LOGIN_GAGAL_JENDELA_DETIK // 60)
            galat = f"Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {menit} menit."
            status = 429
        elif user is None:
            galat = "Nama pengguna atau kata sandi salah."
            status = 401
        else:
            login(request, user)
            tujuan = request.POST.get("next") or request.GET.get("next") or ""
            if url_has_allowed_host_and_scheme(tujuan, {request.get_host()}, request.is_secure()):
                return redirect(tujuan)
            return redirect("beranda")
    if request.GET.get("sso") == "gagal":
        galat = "Masuk lewat SSO gagal: NIP Anda belum terdaftar di SIKERJA atau akun Anda nonaktif. Hubungi admin instansi."
    return render(request, "web/masuk.html", {"galat": galat, "username": username, "oidc_aktif": settings.OIDC_AKTIF,
                                               "next": request.GET.get("next", "")}, status=status)


@require_POST
def keluar(request: Permintaan) -> HttpResponse:
    logout(request)
    messages.info(request, "Anda telah keluar.")
    return redirect("login")


@login_required
def beranda(request: Permintaan) -> HttpResponse:
    user = request.user
    ctx: dict = {}
    if user.pegawai_id:
        ctx["kedudukan"] = kd_selectors.kedudukan_kartu(user.pegawai)
        jumlah = kd_selectors.jumlah_bawahan(user.pegawai)
        ctx["jumlah_dinilai"], ctx["jumlah_dipimpin"] = jumlah["dinilai"], jumlah["dipimpin"]
        # siklus kerja (issue 14): counts of what waits for him
        from sikerja.siklus.selectors import ringkasan_beranda

        ctx["siklus"] = ringkasan_beranda(user.pegawai)
    return render(request, "web/beranda.html", ctx)


@login_required
def cari(request: Permintaan) -> HttpResponse:
    """Pegawai, units and jabatan from one box, accent- and apostrophe-insensitive, paged."""
    q = request.GET.get("q", "")[:100]
    jabatan = request.GET.get("jabatan", "")[:200]
    hasil = (org_cari.cari(request.user.instansi, q, halaman=request.GET.get("hal"), jabatan=jabatan)
             if request.user.instansi_id else org_cari.HasilCari(q=q))
    if hasil.jabatan:
        # One reversal for the up-to-20 jabatan links (a `{% url %}` per link was a measurable share).
        awalan = f"{reverse('cari')}?q={quote(q)}&jabatan="
        for j in hasil.jabatan:
            j["url"] = awalan + quote(j["jabatan"])
    ctx = {"hasil": hasil, "q": q, "jabatan": jabatan}
    if request.headers.get("HX-Request"):
        return render(request, "web/_hasil_cari.html", ctx)
    return render(request, "web/cari.html", ctx)


def galat_server(request: HttpRequest) -> HttpResponse:
    """The 500 page: a static template rendered without context processors.

    It runs when something already failed (perhaps the database), so it touches
    neither the database, the session nor the user.
    """
    from django.template import loader

    return HttpResponse(loader.get_template("500.html").render(), status=500)
