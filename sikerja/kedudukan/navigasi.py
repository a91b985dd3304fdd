"""Kedudukan pages: one's own kedudukan, the monitoring of BKPSDM/Inspektorat, delegations."""

from typing import Any

from sikerja.modul import ADMINISTRASI, Menu, Modul, berpegawai, peran


def _label_pemantauan(user: Any) -> str:
    """Each reader sees the page named after his own office (issue #12 point 7)."""
    if user.bkpsdm:
        return "Pemantauan BKPSDM"
    if user.inspektorat:
        return "Pemantauan Inspektorat"
    return "Pemantauan Kedudukan"


MODUL = Modul(
    nama="kedudukan",
    awalan_url="kedudukan/",
    urls="sikerja.kedudukan.urls",
    menu=(
        Menu("kedudukan", "Kedudukan Saya", "kedudukan:saya", berpegawai, urutan=20),
        Menu("pemantauan", _label_pemantauan, "kedudukan:pemantauan", peran("bkpsdm", "inspektorat"), urutan=50),
        Menu("pemantauan", _label_pemantauan, "kedudukan:pemantauan",
             lambda u: peran("admin_instansi")(u) and not peran("bkpsdm", "inspektorat")(u),
             urutan=900, kelompok=ADMINISTRASI),
        Menu("delegasi", "Delegasi", "kedudukan:delegasi", peran("admin_instansi"), urutan=910, kelompok=ADMINISTRASI),
    ),
)
