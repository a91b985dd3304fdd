"""Alur kerja: the workflow core every module builds on (issue 8).

How a module uses it (see ``tests/contoh/alur.py`` for a complete small example):

1. Declare a :class:`~sikerja.alur_kerja.tabel.TabelStatus`: for each waiting state the acting
   role, the decisions (:class:`~sikerja.alur_kerja.tabel.Keputusan`: the targets each may lead
   to, the effect it runs, the letters it issues, whether a reason is required) and the legal
   basis; path facts in ``fakta`` (templates read them instead of comparing strings).
2. Write a resolver ``resolver(subjek, peran) -> Pegawai | None`` (through kedudukan selectors or
   the module's parties table) and the effects ``{name: fn(subjek, Konteks) -> Hasil}``; an effect
   issues letters (``sikerja.surat.services.terbitkan``) and *returns* its target in ``Hasil.ke``.
3. In the module's service, inside ``alur_kerja.services.atomic``: create the row with a blank
   ``status`` and call ``services.mulai(...)``; for a decision call ``services.jalankan(...)``.
   jalankan locks the row, checks state and actor, runs the effect, sets the state, writes the
   audit entry (``sikerja.jejak``), closes and opens inbox actions and delivers the letters
   (``sikerja.kotak_masuk``). Nothing else assigns ``status`` (tests/test_arsitektur_status.py).
"""
