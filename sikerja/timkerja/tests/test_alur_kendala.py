"""Every transition of alur.TABEL_KENDALA, generated from the table: the PUO the kendala is addressed
to (k.tujuan) succeeds, another official is refused, a final state refuses (KINERJA §1.8)."""

from __future__ import annotations

import pytest

from sikerja.alur_kerja.errors import TransisiTidakSah
from sikerja.timkerja import alur
from sikerja.timkerja import services as s
from sikerja.timkerja.errors import TidakBerwenang
from sikerja.timkerja.models import Kendala, KeputusanKendala

from .conftest import anggota, data_tim

TRANSISI = [(dari, u.keputusan.aksi, u.keputusan.ke[0]) for u in alur.TABEL_KENDALA.umum for dari in sorted(u.di)]


def _kendala(pd, status: str) -> Kendala:  # type: ignore[no-untyped-def]
    tim = s.bentuk_tim(pengguna=pd.u["ani"], data=data_tim(pd), anggota=[anggota(pd, "sari"), anggota(pd, "tono")],
                       ketua_id=pd.p["sari"].id)
    k = s.ajukan_kendala(pengguna=pd.u["sari"], tim_id=tim.id, judul="Data terlambat", uraian="x",
                         alternatif=["Surat edaran", "Kunjungan"])
    Kendala.objects.filter(pk=k.pk).update(status=status)  # arrange the starting state
    return k


def test_table_is_consistent_and_every_decision_names_its_actor():
    alur.TABEL_KENDALA.periksa()
    assert set(alur.AKTOR_KENDALA) == {u.keputusan.aksi for u in alur.TABEL_KENDALA.umum}
    assert len(TRANSISI) == 16


@pytest.mark.parametrize(("dari", "aksi", "ke"), TRANSISI)
def test_transition_allowed_actor_succeeds_other_refused(nasional, dari, aksi, ke):
    pd = nasional
    k = _kendala(pd, dari)
    with pytest.raises(TidakBerwenang):
        s.putuskan_kendala(pengguna=pd.u["bambang"], kendala_id=k.id, tindakan=aksi, alasan="x", opsi=0)
    k.refresh_from_db()
    assert k.status == dari
    s.putuskan_kendala(pengguna=pd.u["ani"], kendala_id=k.id, tindakan=aksi, alasan="Alasan", opsi=0)
    k.refresh_from_db()
    assert k.status == ke
    assert KeputusanKendala.objects.filter(kendala=k, tindakan=aksi, pejabat=pd.p["ani"]).exists()


@pytest.mark.parametrize("aksi", sorted(alur.AKTOR_KENDALA))
def test_transition_from_wrong_state_refused(nasional, aksi):
    pd = nasional
    k = _kendala(pd, "ditutup")
    with pytest.raises(TransisiTidakSah):
        s.putuskan_kendala(pengguna=pd.u["ani"], kendala_id=k.id, tindakan=aksi, alasan="Alasan", opsi=0)
    k.refresh_from_db()
    assert k.status == "ditutup" and not KeputusanKendala.objects.filter(kendala=k).exists()
