"""Organisation pages: the tree for everyone of the instansi, the import for its admin."""

from sikerja.modul import ADMINISTRASI, Menu, Modul, berinstansi, peran

MODUL = Modul(
    nama="organisasi",
    awalan_url="organisasi/",
    urls="sikerja.organisasi.urls",
    menu=(
        Menu("organisasi", "Organisasi", "organisasi:pohon", berinstansi, urutan=10),
        Menu("impor", "Impor Data", "organisasi:impor", peran("admin_instansi"), urutan=920, kelompok=ADMINISTRASI),
    ),
)
