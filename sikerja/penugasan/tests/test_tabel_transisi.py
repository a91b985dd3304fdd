"""Every transition of every penugasan table (common and regulation variants), generated from the
tables themselves (issue 8): in its state, the role the table names may take the decision and the
state moves to the target; anyone else is refused; in a state not offering it, it is refused.

Refusal, return and resubmission run their real effects; approval effects are replaced by one
returning the target under test (their letters are covered by the path scenarios in the other
test files), so each of an approval's allowed targets is exercised.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import transaction

from sikerja.alur_kerja import services as alur_kerja
from sikerja.alur_kerja.errors import TidakBerwenang, TransisiTidakSah
from sikerja.kotak_masuk.selectors import daftar
from sikerja.penugasan import alur, services
from sikerja.penugasan.models import Penugasan

KASUS = [pytest.param(t.nama, dari, aksi, peran, ke, id=f"{t.nama}:{dari}:{aksi}->{ke}")
         for t in alur.semua_tabel() for (dari, aksi, peran, ke) in t.transisi()]
TABEL = {t.nama: t for t in alur.semua_tabel()}
PEMEGANG = {"pemohon": "bambang", "ppk_pemohon": "kadis_a", "puo_pemohon": "dodi", "ppk_tujuan": "ani",
            "puo_tujuan": "rina", "pyb_pemohon": "sekda_a", "pyb_tujuan": "sekda_b", "ppk_pegawai": "citra",
            "pimpinan_pd_pemohon": "kadis_b", "kepala_daerah": "sari", "kepala_daerah_tujuan": "eka"}


def _di(org, nama: str, status: str, kembali_ke: str = "") -> Penugasan:  # type: ignore[no-untyped-def]
    _, jalur, *v = nama.split(".")
    p = Penugasan.objects.create(
        jalur=jalur, varian=v[0] if v else "", instansi=org.a, instansi_tujuan=org.b, terkirim_ke_tujuan=True,
        status=status, kembali_ke=kembali_ke, pemohon=org.p["bambang"], judul="Uji tabel", mulai=date.today(),
        selesai=date.today() + timedelta(days=30), maksud_tujuan="m", uraian_tugas="u", kompetensi_dibutuhkan="k",
        target_kinerja=["t"], beban_diajukan=10)
    for peran, kunci in PEMEGANG.items():
        if peran != "pemohon":
            p.atur_pihak(peran, org.p[kunci])
    return p


def _jalan(p: Penugasan, aksi: str, aktor, ke: str):  # type: ignore[no-untyped-def]
    def ke_target(_p, _ctx):  # type: ignore[no-untyped-def]
        return alur_kerja.Hasil(ke=ke)

    efek = {**services._EFEK_KERJA, **dict.fromkeys(services._EFEK, ke_target)}
    with transaction.atomic():
        return alur_kerja.jalankan(tabel=alur.tabel_status, qs=Penugasan.objects.all(), pk=p.pk, aksi=aksi,
                                   aktor=aktor, resolver=services._resolver, efek=efek, alasan="Alasan uji")


@pytest.mark.parametrize(("nama", "dari", "aksi", "peran", "ke"), KASUS)
def test_transition(org, nama, dari, aksi, peran, ke):
    t = TABEL[nama]
    p = _di(org, nama, dari, kembali_ke=ke if aksi == "ajukan_ulang" else "")
    pemegang = p.pihak(peran)
    # Not offered in a final state.
    Penugasan.objects.filter(pk=p.pk).update(status="ditolak")
    with pytest.raises(TransisiTidakSah):
        _jalan(p, aksi, pemegang, ke)
    Penugasan.objects.filter(pk=p.pk).update(status=dari)
    # Anyone but the role's holder is refused, and nothing moves.
    with pytest.raises(TidakBerwenang):
        _jalan(p, aksi, org.p["tono"], ke)
    p.refresh_from_db()
    assert p.status == dari
    # The holder moves it to the target; the audit entry names both states and the next actor is told.
    hasil = _jalan(p, aksi, pemegang, ke)
    p.refresh_from_db()
    assert (hasil.dari, p.status) == (dari, ke)
    j = p.transisi.last()
    assert (j.aksi, j.dari_status, j.ke_status, j.aktor) == (aksi, dari, ke, pemegang)
    assert j.dasar_hukum
    lanjut = t.langkah.get(ke)
    if lanjut is not None:
        berikut = p.pihak(lanjut.aktor) or p.pihak(lanjut.aktor_cadangan or "")
        assert p.aktor_sekarang == berikut
        assert daftar(berikut.pk).filter(jenis="tindakan", subjek_id=p.pk).exists()
    else:
        assert p.aktor_sekarang is None


def test_every_table_is_consistent_and_every_step_has_a_transition():
    for t in alur.semua_tabel():
        t.periksa()
        for st, lk in t.langkah.items():
            assert lk.keputusan, (t.nama, st)
    assert len(KASUS) > 70
