"""The audit trail is append-only (SPEC §1 akuntabilitas): no update or delete, by row or in bulk."""

from __future__ import annotations

import pytest

from sikerja.jejak import services
from sikerja.jejak.models import Jejak, ObjekTidakDapatDiubah
from sikerja.jejak.selectors import untuk_subjek


def test_entry_names_who_when_states_reason_and_legal_basis_and_cannot_change(pg, permintaan):
    j = services.catat(subjek=permintaan, aksi="setujui", dari="a", ke="b", aktor=pg["kabid"],
                       alasan=" Lengkap ", dasar_hukum="Pasal 1")
    assert (j.subjek_jenis, j.subjek_id, j.alasan, j.dasar_hukum) == ("contoh_alur.permintaan", permintaan.pk,
                                                                        "Lengkap", "Pasal 1")
    assert j.waktu is not None and list(untuk_subjek(permintaan)) == [j]
    j.alasan = "diubah"
    with pytest.raises(ObjekTidakDapatDiubah):
        j.save()
    with pytest.raises(ObjekTidakDapatDiubah):
        j.delete()
    with pytest.raises(ObjekTidakDapatDiubah):
        Jejak.objects.filter(pk=j.pk).update(alasan="x")
    with pytest.raises(ObjekTidakDapatDiubah):
        Jejak.objects.all().delete()
