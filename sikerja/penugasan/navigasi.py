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

    # Only the columns the panel shows: the ORDER BY of a wide select_related costs ~1 ms.
    aktif = list(selectors.penugasan_aktif(pegawai).select_related("penugasan__instansi").only(
        "penugasan_id", "beban_persen", "ketua", "penugasan__judul", "penugasan__bentuk", "penugasan__mulai",
        "penugasan__selesai", "penugasan__instansi_id", "penugasan__instansi__nama"))
    # Most pegawai have none: building the visibility query alone costs ~4 ms.
    terlihat = set(selectors.penugasan_terlihat(request.user).filter(
        id__in=[r.penugasan_id for r in aktif]).values_list("id", flat=True)) if aktif else set()
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
