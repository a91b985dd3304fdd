"""The pegawai page answers the next question (issue #12 point 5)."""

from __future__ import annotations

import pytest

from sikerja.kedudukan.services import hitung_ulang
from sikerja.organisasi.models import Pegawai
from sikerja.organisasi.testing import buat_akun, buat_organisasi, nip
from sikerja.organisasi.tests.conftest import ORG
from sikerja.penugasan import services
from sikerja.penugasan.tests.conftest import data, penerima

pytestmark = pytest.mark.django_db


@pytest.fixture
def org():
    return buat_organisasi(ORG)


def _masuk(client, n, **peran):
    user = buat_akun(Pegawai.objects.get(nip=nip(n)), **peran)
    client.force_login(user)
    return user


def _halaman(client, n):
    return client.get(f"/organisasi/pegawai/{Pegawai.objects.get(nip=nip(n)).pk}/").content.decode()


def test_active_assignments_are_listed_with_their_effort_and_the_total(client, org):
    ani = _masuk(client, 3)  # Kepala Bidang P2P assigns Sari
    sari = Pegawai.objects.get(nip=nip(4))
    services.buat_penunjukan_dalam_unit(pengguna=ani, data=data(judul="Surveilans DBD"), penerima=[penerima(sari, 30)])
    services.buat_penunjukan_dalam_unit(pengguna=ani, data=data(judul="Tim Kajian Stunting", bentuk="tim"),
                                        penerima=[penerima(sari, 25, ketua=True)])
    panel = _halaman(client, 4).split('data-testid="penugasan-aktif"')[1].split("</div></div>")[0]
    assert "beban 55%" in panel and "Surveilans DBD" in panel and "30%" in panel
    assert "Tim Kajian Stunting" in panel and "tim · ketua" in panel


def test_assignments_the_viewer_may_not_open_count_but_are_not_listed(client, org):
    ani = buat_akun(Pegawai.objects.get(nip=nip(3)))
    sari = Pegawai.objects.get(nip=nip(4))
    services.buat_penunjukan_dalam_unit(pengguna=ani, data=data(judul="Rahasia Bidang"), penerima=[penerima(sari, 40)])
    _masuk(client, 8)  # Eko, a nurse elsewhere, no party to it
    panel = _halaman(client, 4).split('data-testid="penugasan-aktif"')[1].split("</div></div>")[0]
    assert "beban 40%" in panel and "Rahasia Bidang" not in panel and "1 penugasan lain" in panel


def test_history_says_who_rated_and_led_him_since_when_and_why(client, org):
    _masuk(client, 4)
    # The Kepala Bidang P2P leaves: Rudi is now rated and led by the Kepala Dinas.
    Pegawai.objects.filter(nip=nip(3)).update(aktif=False, kepala_unit=False)
    hitung_ulang(org)
    html = _halaman(client, 5)
    riwayat = html.split('data-testid="riwayat-kedudukan"')[1].split("</table>")[0]
    baris = riwayat.split("<tr>")[2:]
    assert len(baris) == 2
    assert "sekarang" in baris[0] and "Budi" in baris[0] and "Ani" in baris[1]
    assert "<details><summary>Aturan" in baris[0]


def test_an_official_sees_whom_he_rates_leads_and_coordinates(client, org):
    _masuk(client, 8)
    ani = Pegawai.objects.get(nip=nip(3))
    assert f"/kedudukan/pegawai/{ani.pk}/bawahan/" in _halaman(client, 3)  # loaded when opened
    bawahan = client.get(f"/kedudukan/pegawai/{ani.pk}/bawahan/").content.decode()
    assert "Sari" in bawahan and "Rudi" in bawahan and "dinilai" in bawahan and "Citra" not in bawahan


def test_the_list_of_subordinates_is_paged(client, org):
    unit = Pegawai.objects.get(nip=nip(3)).unit
    for i in range(30):
        Pegawai(instansi=org, nip=nip(200 + i, 1992), nama=f"Staf {i:02d}", status="pns", jabatan="Pelaksana",
                jenis_jabatan="pelaksana", unit=unit).save()
    hitung_ulang(org)
    _masuk(client, 8)
    url = f"/kedudukan/pegawai/{Pegawai.objects.get(nip=nip(3)).pk}/bawahan/"
    html = client.get(url).content.decode()
    assert html.count("<li class=\"mb-1\">") == 25 and "hal=2" in html
    assert client.get(url, {"hal": 2}).content.decode().count("<li class=\"mb-1\">") == 7


def test_subordinates_of_another_instansi_are_not_found(client, org):
    _masuk(client, 8)
    assert client.get("/kedudukan/pegawai/999999/bawahan/").status_code == 404


def test_the_sekda_has_his_ppk_outside_the_system_not_a_gap(client, org):
    _masuk(client, 4)
    html = _halaman(client, 1)
    ppk = html.split('data-peran="ppk">')[1].split("</dd>")[0]
    assert "di luar sistem (Bupati/Wali Kota)" in ppk and "belum ada" not in ppk
