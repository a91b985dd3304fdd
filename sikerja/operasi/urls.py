from django.urls import path

from . import views

urlpatterns = [
    path("", views.sehat, name="sehat"),
    path("hidup/", views.hidup, name="hidup"),
]
