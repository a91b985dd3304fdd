from django.urls import path

from . import views

urlpatterns = [
    path("", views.beranda, name="beranda"),
    path("masuk/", views.masuk, name="login"),
    path("keluar/", views.keluar, name="logout"),
    path("cari/", views.cari, name="cari"),
]
