from django.urls import path

from . import views

app_name = "siklus"

urlpatterns = [
    path("", views.dasbor, name="dasbor"),
    path("laporan/", views.laporan, name="laporan"),
    path("pk/", views.daftar_pk, name="daftar_pk"),
    path("pk/baru/", views.buat_pk, name="buat_pk"),
    path("pk/impor/", views.impor_pk, name="impor_pk"),
    path("pk/<int:pk>/", views.pk_detail, name="pk"),
    path("pk/<int:pk>/ekspor/", views.ekspor_pk, name="ekspor_pk"),
    path("target/<int:pk>/", views.target_detail, name="target"),
    path("kegiatan/<int:pk>/", views.kegiatan_detail, name="kegiatan"),
    path("kegiatan/<int:pk>/aksi/", views.kegiatan_aksi, name="kegiatan_aksi"),
    path("bukti/<int:pk>/", views.unduh_bukti, name="bukti"),
    path("papan/", views.papan, name="papan"),
    path("linimasa/", views.linimasa, name="linimasa"),
]
