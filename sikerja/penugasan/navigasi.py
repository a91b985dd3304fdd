"""Penugasan pages: the inbox with its count, the list, and the admin's letter settings."""

from typing import Any

from sikerja.modul import ADMINISTRASI, Menu, Modul, PanelPegawai, berinstansi, berpegawai, peran


def _jumlah_kotak_masuk(user: Any) -> int:
    from sikerja.penugasan.selectors import jumlah_kotak_masuk

    return jumlah_kotak_masuk(user.pegawai_id)


def _panel_pegawai(request: Any, pegawai: Any) -> dict[str, Any] | None:
    """His active assignments (individual and team) with the effort of each and in total.

    Every active one counts toward the total; only those the viewer may open are listed.
    """
    from sikerja.penugasan import selectors

    aktif, terlihat = selectors.panel_aktif(request.user, pegawai)
    return {
        "aktif": [r for r in aktif if r.penugasan_id in terlihat],
        "tersembunyi": sum(1 for r in aktif if r.penugasan_id not in terlihat),
        "total_beban": sum(r.beban_persen for r in aktif),
        "ambang": pegawai.instansi.ambang_beban_kerja,
    }


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
    panel_pegawai=(PanelPegawai("penugasan/_panel_pegawai.html", _panel_pegawai, urutan=10),),
)
