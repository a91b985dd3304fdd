from django.urls import path

from . import views

app_name = "organisasi"
urlpatterns = [
    path("", views.pohon, name="pohon"),
    path("unit/<int:pk>/", views.unit, name="unit"),
    path("unit/<int:pk>/anak/", views.unit_anak, name="unit_anak"),
    path("pegawai/<int:pk>/", views.pegawai, name="pegawai"),
    path("impor/", views.impor, name="impor"),
    path("pilih-pegawai/", views.pilih_pegawai, name="pilih_pegawai"),
]
