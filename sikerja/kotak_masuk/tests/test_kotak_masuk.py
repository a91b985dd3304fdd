"""Kotak Masuk: items about any subject; actions close when taken, notices when read; e-mail
goes out through the task queue only after the step commits."""

from __future__ import annotations

from django.core import mail
from django.db import transaction

from sikerja.kotak_masuk import selectors, services


def test_action_stays_open_when_read_and_closes_when_taken(pg, permintaan):
    services.kirim(penerima=[pg["kabid"], None, pg["kabid"]], subjek=permintaan, jenis="tindakan", pesan="Putuskan")
    services.kirim(penerima=[pg["kabid"]], subjek=permintaan, jenis="tembusan", pesan="Tembusan")
    assert selectors.jumlah_terbuka(pg["kabid"].pk) == 2
    assert services.tandai_dibaca(pegawai_id=pg["kabid"].pk, subjek=permintaan) == 1
    assert selectors.jumlah_terbuka(pg["kabid"].pk) == 1
    assert services.tutup_tindakan(subjek=permintaan) == 1
    assert selectors.jumlah_terbuka(pg["kabid"].pk) == 0
    assert selectors.daftar(pg["kabid"].pk, semua=True).count() == 2


def test_email_is_sent_after_commit_and_not_after_rollback(pg, permintaan, django_capture_on_commit_callbacks):
    class Batal(Exception):
        pass

    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                services.kirim(penerima=[pg["staf"]], subjek=permintaan, jenis="info", pesan="Batal", tautan="/x/")
                raise Batal
        except Batal:
            pass
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        services.kirim(penerima=[pg["staf"]], subjek=permintaan, jenis="info", pesan="Jadi", tautan="/x/1/")
    assert len(mail.outbox) == 1 and "/x/1/" in mail.outbox[0].body and "Jadi" in mail.outbox[0].subject


class AntreanMati:
    """A task backend whose queue refuses everything, as django-tasks-rq does while Redis is down."""

    def __new__(cls, alias, params):  # type: ignore[no-untyped-def]
        from django_tasks.backends.dummy import DummyBackend

        class _Mati(DummyBackend):
            def enqueue(self, task, args, kwargs):  # type: ignore[no-untyped-def]
                raise ConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

        return _Mati(alias, params)


def test_a_queue_that_refuses_the_email_task_leaves_the_committed_step_standing(
        pg, permintaan, django_capture_on_commit_callbacks, caplog):
    """The step is committed before its e-mail is queued: a queue that is down must not turn the saved
    step into an error the user might submit again; the lost task is logged at ERROR for the operator."""
    from django.test import override_settings

    from sikerja.kotak_masuk.models import Item

    with override_settings(TASKS={"default": {"BACKEND": f"{__name__}.AntreanMati"}}):
        with django_capture_on_commit_callbacks(execute=True) as dijalankan, transaction.atomic():
            items = services.kirim(penerima=[pg["staf"]], subjek=permintaan, jenis="info", pesan="Tetap",
                                   tautan="/x/2/")
    assert len(dijalankan) == 1  # the queueing ran, and failed inside
    assert Item.objects.filter(pk=items[0].pk, pesan="Tetap").exists() and mail.outbox == []
    galat = [r for r in caplog.records if r.levelname == "ERROR" and "tidak masuk antrean" in r.getMessage()]
    assert len(galat) == 1 and "kirim_email_kotak_masuk" in galat[0].getMessage()
    assert str(items[0].pk) in galat[0].getMessage() and galat[0].exc_info is not None
