"""Siklus kerja: the dashboard of targets, kegiatan and reviews."""

from sikerja.modul import Menu, Modul, berinstansi

MODUL = Modul(
    nama="siklus",
    awalan_url="siklus/",
    urls="sikerja.siklus.urls",
    menu=(Menu("siklus", "Siklus Kerja", "siklus:dasbor", berinstansi, urutan=44),),
)
