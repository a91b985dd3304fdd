"""Words users read (issue #12 points 7 and 8): joined sentences, codes, labels, confirmations."""

from __future__ import annotations

import re

import pytest

from sikerja.organisasi.models import Pegawai
from sikerja.organisasi.testing import buat_akun, buat_organisasi, nip
from sikerja.organisasi.tests.conftest import ORG
from sikerja.web.templatetags.sikerja_teks import gabung_kalimat, kalimat, manusiawi


@pytest.mark.parametrize("masuk, keluar", [
    ("Penugasan “X” dibuat: Ditugaskan.", "Penugasan “X” dibuat: ditugaskan."),
    ("Surat 12 dicabut: Salah nomor..", "Surat 12 dicabut: salah nomor."),
    ("Belum ada PPK.; Menunggu pendelegasian.", "Belum ada PPK; menunggu pendelegasian."),
    ("Tunggu sebentar...", "Tunggu sebentar..."),
    ("Pegawai telah ditugaskan: Surveilans DBD", "Pegawai telah ditugaskan: Surveilans DBD"),
])
def test_joined_sentences_read_as_one_sentence(masuk, keluar):
    assert kalimat(masuk) == keluar


def test_sentences_joined_without_stray_full_stops():
    assert gabung_kalimat(["Belum ada PPK.", "Menunggu pendelegasian."]) == "Belum ada PPK; menunggu pendelegasian."


def test_codes_read_as_words():
    assert manusiawi("permohonan_pelibatan") == "Permohonan pelibatan"


@pytest.fixture
def org(db):
    return buat_organisasi(ORG)


def test_letter_settings_name_the_kinds_of_letter_in_words(client, org):
    client.force_login(buat_akun(Pegawai.objects.get(nip=nip(6)), admin_instansi=True))
    html = client.get("/penugasan/pengaturan/").content.decode()
    assert "Permohonan pelibatan:" in html and "permohonanpelibatan" not in html
    # PyB is chosen by name: a labelled autocomplete, not a typed NIP.
    assert '<label class="form-label small fw-semibold" for="id_pyb_nip">' in html and 'id="id_pyb_nip"' in html


def test_choosing_a_path_shows_no_state_machine_identifiers(client, org):
    client.force_login(buat_akun(Pegawai.objects.get(nip=nip(3))))
    html = client.get("/penugasan/buat/").content.decode()
    teks = re.sub(r"<[^>]+>", " ", html)
    assert not re.search(r"\b[a-z]+_[a-z_]+\b", teks), re.findall(r"\b[a-z]+_[a-z_]+\b", teks)
    assert "pimpinan_pd" not in html and "menunggu_" not in html


def test_every_page_has_a_local_favicon(client, org):
    client.force_login(buat_akun(Pegawai.objects.get(nip=nip(4))))
    assert 'rel="icon" href="/static/web/favicon.svg"' in client.get("/").content.decode()


def test_ending_a_delegation_asks_first_and_says_what_changes(client, org):
    """Issue #12 point 8: the list links to a confirmation page listing whose kedudukan goes back."""
    from datetime import date

    from sikerja.kedudukan.models import Delegasi
    from sikerja.kedudukan.services import buat_delegasi

    admin = buat_akun(Pegawai.objects.get(nip=nip(6)), admin_instansi=True)
    buat_delegasi(org, oleh=admin, dari=Pegawai.objects.get(nip=nip(3)), kepada=Pegawai.objects.get(nip=nip(4)),
                  wewenang="penilaian_kinerja", nomor_sk="800/1/2026", tanggal_sk=date(2026, 1, 2),
                  pegawai_nip=[nip(5)], jenjang=[])  # downward: Sari sits in Ani's Bidang
    d = Delegasi.objects.get(aktif=True)
    client.force_login(admin)
    html = client.get("/kedudukan/delegasi/").content.decode()
    assert f"/kedudukan/delegasi/{d.pk}/cabut/" in html and "Akhiri delegasi" in html
    konfirmasi = client.get(f"/kedudukan/delegasi/{d.pk}/cabut/").content.decode()
    assert "Yang berubah bila dicabut" in konfirmasi and "Ya, cabut delegasi" in konfirmasi
    assert "Ani" in konfirmasi.split('id="dampak-cabut"')[1]  # the rater goes back to Ani
    assert Delegasi.objects.get(pk=d.pk).aktif  # asking changed nothing
