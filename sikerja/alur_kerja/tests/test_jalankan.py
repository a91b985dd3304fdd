"""The workflow core: every transition of a table, generated from the table itself — the actor
it names succeeds, anyone else is refused, and the decision is refused in any other state."""

from __future__ import annotations

import pytest
from django.db import transaction

from sikerja.alur_kerja import services
from sikerja.alur_kerja.errors import DataTidakLengkap, TargetTidakDiizinkan, TidakBerwenang, TransisiTidakSah
from sikerja.alur_kerja.tabel import TETAP
from sikerja.jejak.selectors import untuk_subjek

from .contoh import alur
from .contoh.models import Permintaan

TRANSISI = alur.TABEL.transisi()


def _di(permintaan: Permintaan, status: str) -> Permintaan:
    with transaction.atomic():
        services.mulai(tabel=alur.TABEL, subjek=permintaan, aktor=permintaan.pemilik, resolver=alur.resolver)
    if status == "dikembalikan":
        _jalan(permintaan, "kembalikan", permintaan.penyetuju, alasan="Lengkapi")
    permintaan.refresh_from_db()
    assert permintaan.status == status
    return permintaan


def _jalan(p: Permintaan, aksi: str, aktor, alasan: str = "x", efek=None):  # type: ignore[no-untyped-def]
    with transaction.atomic():
        return services.jalankan(tabel=alur.TABEL, qs=Permintaan.objects.all(), pk=p.pk, aksi=aksi, aktor=aktor,
                                 resolver=alur.resolver, efek=efek or alur.EFEK, alasan=alasan)


def test_table_is_consistent():
    alur.TABEL.periksa()
    assert len(TRANSISI) == 4


@pytest.mark.parametrize(("dari", "aksi", "peran", "ke"), TRANSISI)
def test_allowed_actor_moves_the_state_and_writes_the_audit_entry(permintaan, dari, aksi, peran, ke):
    p = _di(permintaan, dari)
    t = _jalan(p, aksi, alur.resolver(p, peran))
    p.refresh_from_db()
    assert (t.dari, t.ke, p.status) == (dari, ke, ke)
    assert untuk_subjek(p).last().ke_status == ke


@pytest.mark.parametrize(("dari", "aksi", "peran", "ke"), TRANSISI)
def test_wrong_actor_is_refused(permintaan, pg, dari, aksi, peran, ke):
    p = _di(permintaan, dari)
    lain = pg["kadis"]
    with pytest.raises(TidakBerwenang):
        _jalan(p, aksi, lain)
    p.refresh_from_db()
    assert p.status == dari


@pytest.mark.parametrize(("dari", "aksi", "peran", "ke"), TRANSISI)
def test_decision_in_the_wrong_state_is_refused(permintaan, dari, aksi, peran, ke):
    lain = next(s for s in ("menunggu_penyetuju", "dikembalikan") if s != dari)
    p = _di(permintaan, lain)
    with pytest.raises(TransisiTidakSah):
        _jalan(p, aksi, alur.resolver(p, peran))


def test_missing_required_reason_is_refused_before_anything_is_written(permintaan):
    p = _di(permintaan, "menunggu_penyetuju")
    with pytest.raises(DataTidakLengkap):
        _jalan(p, "tolak", p.penyetuju, alasan=" ")
    assert untuk_subjek(p).count() == 1


def test_an_effect_cannot_lead_where_the_table_does_not(permintaan):
    p = _di(permintaan, "menunggu_penyetuju")
    jahat = {"terbitkan": lambda s, k: services.Hasil(ke="ditolak")}
    with pytest.raises(TargetTidakDiizinkan):
        _jalan(p, "setujui", p.penyetuju, efek=jahat)
    p.refresh_from_db()
    assert p.status == "menunggu_penyetuju"


def test_general_decision_keeps_the_state_and_the_actor(permintaan, pg):
    p = _di(permintaan, "menunggu_penyetuju")
    t = _jalan(p, "catat", pg["kadis"])
    p.refresh_from_db()
    assert t.ke == "menunggu_penyetuju" and TETAP not in (p.status,) and p.aktor_sekarang == pg["kabid"]


def test_issue_10_11_a_race_anywhere_is_a_retryable_409_page_and_api_answer_not_a_500(rf, pg):
    from django.contrib.auth.models import AnonymousUser
    from django.db import IntegrityError, OperationalError

    from sikerja.galat import BalapanMiddleware, api_balapan, balapan

    assert balapan(IntegrityError("UNIQUE constraint failed: surat_surat.kode_verifikasi"))
    assert balapan(IntegrityError('duplicate key value violates unique constraint "x"'))
    assert balapan(OperationalError("deadlock detected"))
    assert not balapan(IntegrityError("NOT NULL constraint failed: x.y"))  # a bug stays a 500
    assert not balapan(OperationalError("no such table: x"))
    request = rf.post("/apa-saja/")
    request.user = AnonymousUser()
    r = BalapanMiddleware(lambda req: None).process_exception(request, OperationalError("deadlock detected"))
    assert r.status_code == 409 and "coba lagi" in r.content.decode()
    assert BalapanMiddleware(lambda req: None).process_exception(request, ValueError("x")) is None
    r = api_balapan(rf.get("/api/x"), IntegrityError("UNIQUE constraint failed: a.b"))
    assert r.status_code == 409 and "coba lagi" in r.content.decode()
