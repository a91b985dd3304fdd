"""Recompute and delegation services against the database (SPEC §3, pendelegasian)."""

from __future__ import annotations

import pytest

from sikerja.kedudukan import services
from sikerja.kedudukan.models import Kedudukan, Penjelasan
from sikerja.organisasi.models import Pegawai
from sikerja.organisasi.testing import buat_organisasi, nip
from sikerja.organisasi.tests.conftest import ORG

pytestmark = pytest.mark.django_db


def _berlaku(instansi) -> dict[str, tuple[str | None, str | None]]:
    return {
        k.pegawai.nip: (k.ppk.nip if k.ppk else None, k.pimpinan_unit.nip if k.pimpinan_unit else None)
        for k in Kedudukan.objects.filter(instansi=instansi, berlaku_sampai=None).select_related(
            "pegawai", "ppk", "pimpinan_unit")
    }


@pytest.mark.parametrize("wewenang", ["penilaian_kinerja", "pengelolaan_kinerja"])
def test_preview_lists_exactly_the_changes_saving_the_delegation_makes(wewenang):
    # Pendelegasian kewenangan (SPEC §3): the preview must promise what the save does.
    instansi = buat_organisasi(ORG)
    dari, kepada = Pegawai.objects.get(nip=nip(3)), Pegawai.objects.get(nip=nip(7))
    sebelum = _berlaku(instansi)
    pratinjau = services.pratinjau_delegasi(instansi, dari=dari, kepada=kepada, wewenang=wewenang)
    assert _berlaku(instansi) == sebelum  # nothing written
    services.buat_delegasi(instansi, dari=dari, kepada=kepada, wewenang=wewenang)
    sesudah = _berlaku(instansi)
    berubah = {(n, "PPK" if i == 0 else "Pimpinan unit")
               for n in sesudah for i in (0, 1) if sesudah[n][i] != sebelum[n][i]}
    assert berubah and {(r["nip"], r["peran"]) for r in pratinjau} == berubah
    assert all(r["sesudah"] == Pegawai.objects.get(nip=nip(7)).nama for r in pratinjau)


def test_first_recompute_writes_one_current_row_per_pegawai_with_shared_explanations():
    instansi = buat_organisasi(ORG)
    rows = Kedudukan.objects.filter(instansi=instansi, berlaku_sampai=None)
    assert rows.count() == Pegawai.objects.filter(instansi=instansi, aktif=True).count()
    assert Penjelasan.objects.count() < rows.count()
    k = rows.select_related("penjelasan").get(pegawai__nip=nip(4))
    assert k.dasar_hukum and isinstance(k.langkah, list) and k.berlaku_mulai is not None
    assert services.hitung_ulang(instansi) == 0  # unchanged organisation: nothing rewritten
