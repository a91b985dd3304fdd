"""Two people deciding at once produce one transition (SPEC §4; row lock + state re-check)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from sikerja.penugasan import services
from sikerja.penugasan.errors import TransisiTidakSah

from .conftest import buat_dua_instansi, data, penerima


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_approvals_produce_one_transition():
    org = buat_dua_instansi()
    p = services.buat_penunjukan_lintas_unit(pengguna=org.u["bambang"], data=data(), ppk_tujuan_id=org.p["ani"].pk)
    mulai = threading.Barrier(2)
    hasil: list[str] = []

    def setujui() -> None:
        try:
            mulai.wait()
            # The same PPK in two browser tabs: both pass the actor check, only one may move the state.
            services.jalankan(pengguna=org.u["ani"], penugasan_id=p.pk, aksi="setujui",
                              penerima=[penerima(org.p["sari"])])
            hasil.append("ok")
        except TransisiTidakSah as e:  # includes SedangDiproses (SQLite lock)
            hasil.append(type(e).__name__)
        finally:
            connection.close()

    threads = [threading.Thread(target=setujui) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert len(hasil) == 2 and hasil.count("ok") == 1, hasil
    p.refresh_from_db()
    assert p.status == "ditugaskan"
    assert p.transisi.filter(aksi="setujui").count() == 1
    assert p.surat.filter(jenis="penugasan").count() == 1
    assert p.penerima.count() == 1
