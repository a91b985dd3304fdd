from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

app_name = "akun"
urlpatterns = [
    path("", views.kelola, name="kelola"),
    path("<int:pk>/peran/", views.ubah_peran, name="ubah_peran"),
    path("aktivasi/<uidb64>/<token>/", views.Aktivasi.as_view(), name="aktivasi"),
    path("token/", views.token_api, name="token"),
    path("ganti-sandi/", views.GantiSandi.as_view(), name="ganti_sandi"),
    path("lupa-sandi/", views.LupaSandi.as_view(), name="lupa_sandi"),
    path("lupa-sandi/terkirim/", auth_views.PasswordResetDoneView.as_view(
        template_name="akun/lupa_terkirim.html"), name="lupa_terkirim"),
]
