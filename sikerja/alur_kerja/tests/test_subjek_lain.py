"""A subject that is not a penugasan (the test-only contoh app) receives a letter, inbox items and
audit entries through the shared apps (issue 8 point 1)."""

from __future__ import annotations

from django.core import mail
from django.db import transaction

from sikerja.alur_kerja import services
from sikerja.jejak import selectors as jejak
from sikerja.kotak_masuk import selectors as kotak
from sikerja.surat import selectors as surat

from .contoh import alur


def test_non_penugasan_subject_gets_letter_inbox_and_audit_trail(pg, permintaan, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        services.mulai(tabel=alur.TABEL, subjek=permintaan, aktor=pg["staf"], resolver=alur.resolver)
    permintaan.refresh_from_db()
    assert (permintaan.status, permintaan.aktor_sekarang) == ("menunggu_penyetuju", pg["kabid"])
    assert kotak.jumlah_terbuka(pg["kabid"].pk) == 1

    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        t = services.jalankan(tabel=alur.TABEL, qs=type(permintaan).objects.all(), pk=permintaan.pk, aksi="setujui",
                              aktor=pg["kabid"], resolver=alur.resolver, efek=alur.EFEK)
    permintaan.refresh_from_db()
    assert permintaan.status == "disetujui" and permintaan.aktor_sekarang is None
    s = surat.untuk_subjek(permintaan).get()
    assert (s.jenis, s.subjek_jenis, s.subjek_id) == ("contoh_keputusan", "contoh_alur.permintaan", permintaan.pk)
    assert s.nomor.startswith("KC/0001/UJI/") and bytes(s.pdf).startswith(b"%PDF")
    # The approver's action is closed; the owner is told of the letter (and e-mailed).
    assert kotak.jumlah_terbuka(pg["kabid"].pk) == 0
    item = kotak.daftar(pg["staf"].pk).get()
    assert (item.jenis, item.surat, item.subjek_id) == ("info", s, permintaan.pk)
    assert [m.to for m in mail.outbox] == [["staf@contoh.go.id"]]
    rows = list(jejak.untuk_subjek(permintaan).values_list("aksi", "dari_status", "ke_status", "dasar_hukum"))
    assert rows == [("buat", "", "menunggu_penyetuju", "Contoh"),
                    ("setujui", "menunggu_penyetuju", "disetujui", "Contoh Pasal 1")]
    assert t.jejak.surat == s
