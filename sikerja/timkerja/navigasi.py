"""Tim kerja: the team list (with "Tim saya") for everyone in an instansi."""

from sikerja.modul import Menu, Modul, berinstansi

MODUL = Modul(
    nama="timkerja",
    awalan_url="tim-kerja/",
    urls="sikerja.timkerja.urls",
    menu=(Menu("timkerja", "Tim Kerja", "timkerja:daftar", berinstansi, urutan=42),),
)
