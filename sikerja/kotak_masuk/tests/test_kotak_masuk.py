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
