"""Letters of any subject: numbering per instansi and year in the instansi's format, immutable
once issued, correction names the replaced letter, revocation shows on the public page."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import transaction
from django.test import Client

from sikerja.surat import jenis, nomor, services
from sikerja.surat.errors import FormatNomorTidakSah, ObjekTidakDapatDiubah, SuratTidakDapatDiubah
from sikerja.surat.selectors import untuk_subjek


def _terbit(pg, permintaan):  # type: ignore[no-untyped-def]
    return services.terbitkan(subjek=permintaan, jenis="contoh_keputusan", penandatangan=pg["kabid"],
                              kepada=[pg["staf"]], tembusan=[pg["kadis"], pg["kabid"]], perihal="Uji",
                              paragraf=["Isi"])


@pytest.mark.django_db(transaction=False)
def test_numbered_per_instansi_and_year_and_immutable(pg, permintaan):
    with transaction.atomic():
        a, b = _terbit(pg, permintaan), _terbit(pg, permintaan)
    th = date.today().year
    assert (a.nomor, b.nomor) == (f"KC/0001/UJI/{th}", f"KC/0002/UJI/{th}")
    assert list(b.tembusan.all()) == [pg["kadis"]]  # the signatory is never his own tembusan
    a.perihal = "diubah"
    with pytest.raises(ObjekTidakDapatDiubah):
        a.save()
    with pytest.raises(ObjekTidakDapatDiubah):
        a.delete()


def test_correction_names_the_replaced_letter_and_revocation_shows_on_verification(pg, permintaan):
    with transaction.atomic():
        lama = _terbit(pg, permintaan)
        baru = services.koreksi(lama=lama, alasan="salah tanggal")
    lama.refresh_from_db()
    assert lama.status == "dikoreksi" and baru.mengoreksi == lama
    assert baru.isi["paragraf"][-1] == f"Surat ini menggantikan surat nomor {lama.nomor} karena salah tanggal."
    assert list(untuk_subjek(permintaan)) == [lama, baru]
    with pytest.raises(SuratTidakDapatDiubah), transaction.atomic():
        services.cabut(surat=lama, alasan="lagi")
    with transaction.atomic():
        services.cabut(surat=baru, alasan="dibatalkan")
    html = Client().get(f"/verifikasi/{baru.kode_verifikasi}/").content.decode()
    assert "DICABUT" in html and pg["staf"].nama in html and pg["staf"].nip not in html
    html = Client().get(f"/verifikasi/{lama.kode_verifikasi}/").content.decode()
    assert f"digantikan oleh surat nomor {baru.nomor}" in html
    assert Client().get("/verifikasi/tidak-ada/").status_code == 404


def test_unregistered_kind_is_refused_and_a_kind_cannot_be_redefined(pg, permintaan):
    with pytest.raises(LookupError), transaction.atomic():
        services.terbitkan(subjek=permintaan, jenis="tak_dikenal", penandatangan=pg["kabid"], kepada=[],
                           tembusan=[], perihal="x", paragraf=[])
    with pytest.raises(ValueError):
        jenis.daftarkan("contoh_keputusan", judul="Lain", singkatan="KC")


@pytest.mark.parametrize(("fmt", "potongan"), [
    ("{kode}/{nomor:04d}/{singkatan}/{tahun}", None),
    ("800/{nomor}/{bulan_romawi}/{tahun}", None),
    ("{nomor:06d}", None),
    ("{kode}/{tahun}", "harus memuat {nomor}"),
    ("{nomor}/{rahasia}", "Placeholder {rahasia} tidak dikenal"),
    ("{nomor:0100000d}", "Lebar"),
    ("{nomor:>999}", "Lebar"),
    ("{nomor}/{tahun:>50}", "tidak boleh diberi format"),
    ("{nomor!r}", "Konversi"),
    ("{nomor}/{kode.__class__}", "tidak dikenal"),
    ("{nomor}/{", "tidak dapat dibaca"),
    ("{nomor}" + "X" * 120, "paling panjang"),
])
def test_issue_10_9_numbering_format_allows_only_documented_placeholders_and_a_small_width(fmt, potongan):
    if potongan is None:
        assert nomor.periksa_format(fmt) == fmt
    else:
        with pytest.raises(FormatNomorTidakSah) as e:
            nomor.periksa_format(fmt)
        assert potongan in e.value.pesan
