"""Account pages: activation, password change and reset, and the admin's account page."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordResetForm
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.views.decorators.http import require_POST

from sikerja.akses import Permintaan, peran_required

from . import pengelolaan
from .models import PERAN, JejakAkun, Pengguna


class Aktivasi(auth_views.PasswordResetConfirmView):
    """The e-mailed link: choose a password, then logged in."""

    template_name = "akun/sandi_baru.html"
    post_reset_login = True
    post_reset_login_backend = "sikerja.akun.backends.BatasiMasukBackend"
    success_url = reverse_lazy("beranda")

    def form_valid(self, form: Any) -> HttpResponse:
        form.user.wajib_ganti_sandi = False
        resp = super().form_valid(form)
        form.user.save(update_fields=["wajib_ganti_sandi"])
        pengelolaan.catat(aksi="aktivasi", akun=form.user, pelaku=form.user)
        return resp


class GantiSandi(auth_views.PasswordChangeView):
    template_name = "akun/ganti_sandi.html"
    success_url = reverse_lazy("beranda")

    def form_valid(self, form: Any) -> HttpResponse:
        resp = super().form_valid(form)
        user = form.user
        if user.wajib_ganti_sandi:
            user.wajib_ganti_sandi = False
            user.save(update_fields=["wajib_ganti_sandi"])
        pengelolaan.catat(aksi="ganti_sandi", akun=user, pelaku=user)
        messages.success(self.request, "Kata sandi Anda sudah diganti.")
        return resp


class FormLupaSandi(PasswordResetForm):
    """Finds the account by the pegawai's imported e-mail (the address lives on
    Pegawai, not on the account); a not-yet-activated account may use it too."""

    email = forms.EmailField(label="Alamat e-mail", max_length=254)

    def get_users(self, email: str) -> Any:
        return (u for u in Pengguna.objects.filter(is_active=True, pegawai__aktif=True,
                                                   pegawai__email__iexact=email).select_related("pegawai"))

    def send_mail(self, subject_template_name: str, email_template_name: str, context: dict[str, Any],
                  from_email: str | None, to_email: str, html_email_template_name: str | None = None) -> None:
        pengguna = context["user"]
        super().send_mail(subject_template_name, email_template_name, context, from_email,
                          pengguna.pegawai.email if pengguna.pegawai_id else to_email, html_email_template_name)


class LupaSandi(auth_views.PasswordResetView):
    form_class = FormLupaSandi
    template_name = "akun/lupa_sandi.html"
    email_template_name = "akun/email_lupa_sandi.txt"
    subject_template_name = "akun/email_lupa_sandi_judul.txt"
    success_url = reverse_lazy("akun:lupa_terkirim")


@peran_required("admin_instansi")
def kelola(request: Permintaan) -> HttpResponse:
    """The admin's account page: create accounts for everyone, send activation
    links, print initial-password letters, and set roles."""
    instansi = request.user.instansi
    if request.method == "POST":
        aksi = request.POST.get("aksi")
        if aksi == "buat":
            hasil = pengelolaan.sinkron_akun(instansi, pelaku=request.user)
            messages.success(request, f"{hasil['dibuat']} akun dibuat; {hasil['dinonaktifkan']} dinonaktifkan.")
        elif aksi == "aktivasi":
            n = pengelolaan.kirim_aktivasi(instansi, pelaku=request.user)
            messages.success(request, f"{n} e-mail aktivasi masuk antrean pengiriman.")
        elif aksi == "surat":
            pdf, n = pengelolaan.surat_sandi_awal(instansi, pelaku=request.user)
            if not n:
                messages.info(request, "Tidak ada akun tanpa e-mail yang belum aktif.")
                return redirect("akun:kelola")
            resp = HttpResponse(pdf, content_type="application/pdf")
            resp["Content-Disposition"] = f'attachment; filename="sandi-awal-{instansi.kode}.pdf"'
            return resp
        return redirect("akun:kelola")
    q = request.GET.get("q", "").strip()
    akun = Pengguna.objects.filter(instansi=instansi).select_related("pegawai").order_by("username")
    if q:
        akun = akun.filter(username__startswith=q) | akun.filter(pegawai__nama__icontains=q)
    return render(request, "akun/kelola.html", {
        "akun": Paginator(akun, 50).get_page(request.GET.get("hal")), "q": q, "peran": PERAN,
        "belum_aktif": Pengguna.objects.filter(instansi=instansi, wajib_ganti_sandi=True, is_active=True).count(),
        "jejak": JejakAkun.objects.filter(instansi=instansi).select_related("pelaku", "akun")[:20],
    })


@require_POST
@peran_required("admin_instansi")
def ubah_peran(request: Permintaan, pk: int) -> HttpResponse:
    akun = get_object_or_404(Pengguna, pk=pk, instansi=request.user.instansi)
    pengelolaan.ubah_peran(pelaku=request.user, akun=akun,
                           peran={k: request.POST.get(k) == "on" for k in PERAN})
    messages.success(request, f"Peran {akun.username} disimpan.")
    return redirect("akun:kelola")


@login_required
def token_api(request: Permintaan) -> HttpResponse:
    """The user's API tokens (the admin instansi sees and revokes every token of the instansi)."""
    from . import token as tk
    from .models import TokenAPI

    rahasia = None
    if request.method == "POST":
        if request.POST.get("aksi") == "cabut":
            t = get_object_or_404(TokenAPI.objects.select_related("pengguna"), pk=request.POST.get("id"))
            if not tk.boleh_kelola(request.user, t.pengguna):
                raise PermissionDenied("Token ini bukan milik Anda.")
            tk.cabut(pelaku=request.user, token=t)
            messages.success(request, f"Token {t.nama} dicabut.")
            return redirect("akun:token")
        pemilik = request.user
        if request.POST.get("nip") and request.user.admin_instansi:
            pemilik = get_object_or_404(Pengguna, username=request.POST["nip"].strip(), instansi=request.user.instansi)
        _t, rahasia = tk.buat(pelaku=request.user, pemilik=pemilik, nama=request.POST.get("nama", ""),
                              tulis=request.POST.get("tulis") == "on")
    if request.user.admin_instansi and request.user.instansi_id:
        daftar = TokenAPI.objects.filter(pengguna__instansi=request.user.instansi)
    else:
        daftar = TokenAPI.objects.filter(pengguna=request.user)
    return render(request, "akun/token.html", {
        "rahasia": rahasia, "daftar": daftar.select_related("pengguna").order_by("-dibuat")[:200],
    })
