"""The letters app's page: the kop surat, set by the admin instansi (Administrasi menu)."""

from sikerja.modul import ADMINISTRASI, Menu, Modul, peran

MODUL = Modul(
    nama="surat",
    awalan_url="surat/",
    urls="sikerja.surat.urls",
    menu=(
        Menu("kop_surat", "Kop Surat", "surat:kop", peran("admin_instansi"), urutan=931, kelompok=ADMINISTRASI),
    ),
)
