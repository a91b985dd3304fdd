from django.urls import path

from . import views

app_name = "kedudukan"
urlpatterns = [
    path("saya/", views.saya, name="saya"),
    path("bawahan/", views.bawahan, name="bawahan"),
    path("pegawai/<int:pk>/bawahan/", views.pegawai_bawahan, name="pegawai_bawahan"),
    path("bagan/<int:pk>/", views.bagan, name="bagan"),
    path("pemantauan/", views.pemantauan, name="pemantauan"),
    path("pemantauan/ekspor.xlsx", views.pemantauan_ekspor, name="pemantauan_ekspor"),
    path("delegasi/", views.delegasi, name="delegasi"),
    path("delegasi/<int:pk>/cabut/", views.delegasi_cabut, name="delegasi_cabut"),
]
