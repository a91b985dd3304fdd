"""Accounts: the admin instansi's account and role page, and everyone's password and API tokens."""

from sikerja.modul import ADMINISTRASI, Menu, Modul, masuk, peran

MODUL = Modul(
    nama="akun",
    awalan_url="akun/",
    urls="sikerja.akun.urls",
    menu=(
        Menu("akun", "Akun & Peran", "akun:kelola", peran("admin_instansi"), urutan=925, kelompok=ADMINISTRASI),
        Menu("keamanan", "Kata Sandi & Token", "akun:ganti_sandi", masuk, urutan=970, kelompok="Akun"),
    ),
)
