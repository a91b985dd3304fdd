from typing import Any

from django.apps import AppConfig


class KedudukanConfig(AppConfig):
    name = "sikerja.kedudukan"
    label = "kedudukan"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """Follow the organisation through its hooks (organisasi.kait), never the reverse:
        write the import's delegations and recompute kedudukan after an import or an edit,
        tell the import which profiles and unit attributes exist, and add the kedudukan
        to the pegawai page."""
        from sikerja.organisasi import kait

        kait.daftar_setelah_impor(_setelah_impor)
        kait.daftar_setelah_perubahan(_setelah_perubahan)
        kait.pasang_katalog_profil(_Katalog())
        kait.daftar_konteks_pegawai(_konteks_pegawai)
        from sikerja.organisasi import pilih

        for nama, fungsi, hanya_jf in (("dinilai", "dinilai_oleh", False), ("dipimpin", "dipimpin_oleh", False),
                                       ("dinilai_jf", "dinilai_oleh", True), ("dipimpin_jf", "dipimpin_oleh", True)):
            pilih.daftar_lingkup(nama, _lingkup_bawahan(fungsi, hanya_jf))


class _Katalog:
    """The regulation profiles, as the import sees them (organisasi.kait.KatalogProfil)."""

    def tersedia(self) -> list[str]:
        from .engine import available_profiles

        return available_profiles()

    def atribut(self, kode: str) -> dict[str, tuple[str, ...]]:
        from .engine import load_profil

        return dict(load_profil(kode).atribut)

    def periksa_delegasi(self, kode: str, org: Any, delegasi: Any) -> str | None:
        from .engine import load_profil
        from .services import DelegasiTidakSah, periksa_arah

        try:
            periksa_arah(org, load_profil(kode), dari=delegasi.dari, kepada=delegasi.kepada,
                         wewenang=delegasi.wewenang, pegawai=tuple(delegasi.pegawai))
        except DelegasiTidakSah as e:
            return str(e)
        return None


def _setelah_impor(instansi: Any, laporan: Any) -> None:
    from .services import hitung_ulang, impor_delegasi

    impor_delegasi(instansi, laporan)
    if getattr(laporan, "hitung_kedudukan", True):
        laporan.kedudukan_berubah = hitung_ulang(instansi)


def _setelah_perubahan(instansi: Any) -> None:
    from .services import hitung_ulang

    hitung_ulang(instansi)


def _konteks_pegawai(pegawai: Any) -> dict[str, Any]:
    from . import selectors

    selectors.segarkan(pegawai.instansi_id)
    # The current kedudukan is the newest row of the history: one query for both.
    riwayat = selectors.riwayat_halaman(pegawai_id=pegawai.pk)
    k = riwayat[0] if riwayat and riwayat[0].berlaku_sampai is None else None
    return {
        "k": k,
        **{f"jumlah_{nama}": n for nama, n in selectors.jumlah_bawahan(pegawai).items()},
        "riwayat": riwayat,
        "delegasi": selectors.delegasi_pegawai_siap(instansi_id=pegawai.instansi_id, pegawai_id=pegawai.pk),
    }


def _lingkup_bawahan(fungsi: str, hanya_jf: bool) -> Any:
    """An autocomplete scope (organisasi.pilih): the pegawai the user rates or leads."""

    def lingkup(user: Any) -> Any:
        from sikerja.organisasi.models import Pegawai

        from . import selectors

        if not user.pegawai_id:
            return Pegawai.objects.none()
        qs = getattr(selectors, fungsi)(user.pegawai)
        return qs.filter(jenis_jabatan__in=["fungsional", "pelaksana"]) if hanya_jf else qs

    return lingkup

