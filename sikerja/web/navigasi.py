"""The pages every role shares (home, login, search) and the Django admin link."""

from sikerja.modul import ADMINISTRASI, Menu, Modul, masuk, superuser

MODUL = Modul(
    nama="web",
    awalan_url="",
    urls="sikerja.web.urls",
    menu=(
        Menu("beranda", "Beranda", "beranda", masuk, urutan=0),
        Menu("admin", "Admin Django", "admin:index", superuser, urutan=990, kelompok=ADMINISTRASI),
    ),
)
