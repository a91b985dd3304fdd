from django.urls import path

from . import views

app_name = "timkerja"

urlpatterns = [
    path("", views.daftar, name="daftar"),
    path("saya/", views.tim_saya, name="saya"),
    path("buat/", views.buat, name="buat"),
    path("beban/", views.beban_unit, name="beban"),
    path("pengganti/", views.pengganti, name="pengganti"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/aksi/", views.aksi, name="aksi"),
    path("<int:pk>/matriks/", views.matriks, name="matriks"),
    path("<int:pk>/surat/<int:surat_id>/", views.unduh_surat, name="unduh_surat"),
    path("bukti/<int:pk>/", views.unduh_bukti, name="unduh_bukti"),
]
