"""Pages shared by every role: home, login, search."""
from django.http import HttpResponse


def beranda(request):
    return HttpResponse("")


masuk = keluar = cari = beranda
