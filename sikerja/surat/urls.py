from django.urls import path

from . import views

app_name = "surat"

urlpatterns = [
    path("kop/", views.kop, name="kop"),
]
