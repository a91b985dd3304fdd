"""Tim kerja: the team list (with "Tim saya") for everyone in an instansi; Plt/Plh for admin and BKPSDM."""

from sikerja.modul import ADMINISTRASI, Menu, Modul, berinstansi, peran

MODUL = Modul(
    nama="timkerja",
    awalan_url="tim-kerja/",
    urls="sikerja.timkerja.urls",
    menu=(Menu("timkerja", "Tim Kerja", "timkerja:daftar", berinstansi, urutan=42),
          Menu("pengganti", "Plt / Plh", "timkerja:pengganti", peran("admin_instansi", "bkpsdm"), urutan=912,
               kelompok=ADMINISTRASI)),
)
