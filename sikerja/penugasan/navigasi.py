"""Penugasan pages: the inbox with its count, the list, and the admin's letter settings."""

from typing import Any

from sikerja.modul import ADMINISTRASI, Menu, Modul, berinstansi, berpegawai, peran


def _jumlah_kotak_masuk(user: Any) -> int:
    from sikerja.penugasan.selectors import jumlah_kotak_masuk

    return jumlah_kotak_masuk(user.pegawai_id)


MODUL = Modul(
    nama="penugasan",
    awalan_url="penugasan/",
    urls="sikerja.penugasan.urls",
    menu=(
        Menu("kotak_masuk", "Kotak Masuk", "penugasan:kotak_masuk", berpegawai, urutan=30, jumlah=_jumlah_kotak_masuk),
        Menu("penugasan", "Penugasan", "penugasan:daftar", berinstansi, urutan=40),
        Menu("pengaturan", "Pengaturan", "penugasan:pengaturan", peran("admin_instansi"), urutan=930,
             kelompok=ADMINISTRASI),
    ),
)
