"""Prepared queries (sikerja.kueri): the same rows as the ORM queryset they were built from, on both
databases, whatever values and shapes they are called with."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.db.models import Count, Q
from django.test.utils import CaptureQueriesContext

from sikerja.kedudukan.models import Delegasi
from sikerja.kueri import KueriSiap
from sikerja.organisasi.models import Pegawai, UnitOrganisasi
from sikerja.organisasi.testing import buat_organisasi
from sikerja.organisasi.tests.conftest import ORG

pytestmark = pytest.mark.django_db


@pytest.fixture
def instansi():  # type: ignore[no-untyped-def]
    return buat_organisasi(ORG)


def _pegawai_unit(unit_ids, nama):  # type: ignore[no-untyped-def]
    return (Pegawai.objects.filter(unit_id__in=unit_ids).exclude(nama=nama).select_related("unit__induk")
            .only("nama", "jabatan", "unit__nama", "unit__induk__nama").order_by("nama"))


def test_model_rows_with_joined_rows_equal_the_orm_for_other_values_and_list_lengths(instansi):
    kueri = KueriSiap(_pegawai_unit)
    units = list(UnitOrganisasi.objects.order_by("id").values_list("id", flat=True))
    for ids, nama in ((units[:2], "Sari"), (units[1:4], "Budi"), (units, ""), (units[2:3], "Eko"), (units[:2], "Ani")):
        dari_orm = list(_pegawai_unit(ids, nama))
        siap = kueri(unit_ids=ids, nama=nama)
        assert [(p.pk, p.nama, p.jabatan, p.unit.nama, p.unit.induk and p.unit.induk.nama) for p in siap] == [
            (p.pk, p.nama, p.jabatan, p.unit.nama, p.unit.induk and p.unit.induk.nama) for p in dari_orm]
        assert dari_orm  # the data answers every case
    # The joined rows came with the row: reading them runs no query; a deferred column loads as usual.
    with CaptureQueriesContext(connection) as q:
        p = kueri(unit_ids=units, nama="")[0]
        _ = p.unit.induk
    assert len(q.captured_queries) == 1
    assert p.nip == Pegawai.objects.get(pk=p.pk).nip


def test_second_call_runs_one_query_and_does_not_compile_again(instansi, monkeypatch):
    kueri = KueriSiap(_pegawai_unit)
    units = list(UnitOrganisasi.objects.values_list("id", flat=True))
    kueri(unit_ids=units, nama="x")
    diharapkan = [p.pk for p in _pegawai_unit(list(reversed(units)), "Sari")]
    from django.db.models.sql import compiler

    def tidak_boleh(*a, **k):  # type: ignore[no-untyped-def]
        raise AssertionError("compiled again")

    monkeypatch.setattr(compiler.SQLCompiler, "as_sql", tidak_boleh)
    with CaptureQueriesContext(connection) as q:
        assert [p.pk for p in kueri(unit_ids=list(reversed(units)), nama="Sari")] == diharapkan
    assert len(q.captured_queries) == 1


def test_values_rows_annotations_none_and_an_empty_list(instansi):
    def bangun(induk_id, unit_ids):  # type: ignore[no-untyped-def]
        return (UnitOrganisasi.objects.filter(Q(induk_id=induk_id) | Q(pk__in=unit_ids))
                .values("id", "nama").annotate(n=Count("pegawai")).order_by("id"))

    kueri = KueriSiap(bangun)
    dinkes = UnitOrganisasi.objects.get(kode="DINKES").pk
    setda = UnitOrganisasi.objects.get(kode="SETDA").pk
    for induk, ids in ((dinkes, []), (None, [setda]), (None, []), (dinkes, [setda, dinkes])):
        assert kueri(induk_id=induk, unit_ids=ids) == list(bangun(induk, ids))
    assert kueri(induk_id=dinkes, unit_ids=[])  # the sub-units of Dinkes


def test_a_value_used_twice_and_dates(instansi):
    p = Pegawai.objects.get(nama="Budi")
    q = Pegawai.objects.get(nama="Ani")
    for mulai, sampai, wewenang in ((date(2026, 1, 1), date(2026, 6, 30), "penilaian_kinerja"),
                                    (date(2026, 7, 1), date(2026, 12, 31), "pengelolaan_kinerja")):
        Delegasi.objects.create(instansi=instansi, dari=p, kepada=q, wewenang=wewenang,
                                berlaku_mulai=mulai, berlaku_sampai=sampai)

    def bangun(pid, hari):  # type: ignore[no-untyped-def]
        return (Delegasi.objects.filter(Q(dari_id=pid) | Q(kepada_id=pid), berlaku_mulai__lte=hari,
                                        berlaku_sampai__gte=hari).order_by("id"))

    kueri = KueriSiap(bangun)
    for pid in (p.pk, q.pk, 0):
        for hari in (date(2026, 3, 1), date(2026, 9, 1), date(2027, 1, 1)):
            assert [d.pk for d in kueri(pid=pid, hari=hari)] == [d.pk for d in bangun(pid, hari)]
    assert [d.berlaku_mulai for d in kueri(pid=p.pk, hari=date(2026, 9, 1))] == [date(2026, 7, 1)]


def test_structural_arguments_choose_the_plan(instansi):
    def bangun(nama, urut):  # type: ignore[no-untyped-def]
        return Pegawai.objects.exclude(nama=nama).order_by(urut, "id").values_list("nama", flat=True).values("nama")

    kueri = KueriSiap(bangun, tetap=("urut",))
    assert kueri(nama="Budi", urut="nama") == list(bangun("Budi", "nama"))
    assert kueri(nama="Budi", urut="-nama") == list(bangun("Budi", "-nama"))


def test_a_lookup_that_transforms_its_value_cannot_be_prepared(instansi):
    kueri = KueriSiap(lambda teks: Pegawai.objects.filter(nama__icontains=teks))
    with pytest.raises(ValueError, match="mengubah nilai"):
        kueri(teks="sar")
    # A value the query does not use is refused with the same message, which names both causes.
    tak_dipakai = KueriSiap(lambda pid, lain: Pegawai.objects.filter(pk=pid))
    with pytest.raises(ValueError, match="'lain' tidak ditemukan utuh.*tidak dipakai sama sekali"):
        tak_dipakai(pid=1, lain=5)
    assert tak_dipakai(pid=-1, lain=None) == []
    with pytest.raises(TypeError):
        KueriSiap(lambda aktif: Pegawai.objects.filter(aktif=aktif))(aktif=True)


def test_a_builder_that_reads_the_database_is_refused(instansi):
    def bangun(pid):  # type: ignore[no-untyped-def]
        Pegawai.objects.count()  # a read-time check would run once per process, not per call
        return Pegawai.objects.filter(pk=pid)

    with pytest.raises(RuntimeError, match="tidak boleh membaca"):
        KueriSiap(bangun)(pid=1)


def test_plans_are_bounded_and_a_shape_beyond_them_still_answers(instansi, monkeypatch):
    import sikerja.kueri as kueri_mod

    monkeypatch.setattr(kueri_mod, "BATAS_RENCANA", 2)
    kueri = KueriSiap(_pegawai_unit)
    units = list(UnitOrganisasi.objects.order_by("id").values_list("id", flat=True))
    for n in range(1, len(units) + 1):
        assert [p.pk for p in kueri(unit_ids=units[:n], nama="")] == [p.pk for p in _pegawai_unit(units[:n], "")]
    assert len(kueri._rencana) == 2 < len(units)
    monkeypatch.setattr(kueri_mod, "BATAS_DAFTAR", 2)
    panjang = KueriSiap(_pegawai_unit)
    assert [p.pk for p in panjang(unit_ids=units, nama="")] == [p.pk for p in _pegawai_unit(units, "")]
    assert not panjang._rencana  # a long list is not prepared
