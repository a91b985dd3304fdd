from django.http import HttpResponse
from django.urls import path

app_name = "modul_uji"
urlpatterns = [path("", lambda request: HttpResponse("halaman modul uji"), name="indeks")]
