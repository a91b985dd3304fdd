from sikerja.modul import ADMINISTRASI, Menu, Modul, berinstansi, peran

MODUL = Modul(
    nama="modul_uji",
    awalan_url="modul-uji/",
    urls="sikerja.web.tests.modul_uji.urls",
    menu=(
        Menu("modul_uji", "Modul Uji", "modul_uji:indeks", berinstansi, urutan=60),
        Menu("modul_uji_admin", "Atur Modul Uji", "modul_uji:indeks", peran("admin_instansi"), urutan=950,
             kelompok=ADMINISTRASI),
    ),
)
