"""Recompute and delegation services against the database (SPEC §3, pendelegasian; issue 12.4)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import yaml
from django.core.management import call_command

from sikerja.kedudukan import selectors, services
from sikerja.kedudukan.models import Delegasi, Kedudukan, Penjelasan
from sikerja.organisasi.dokumen import validate
from sikerja.organisasi.models import Pegawai
from sikerja.organisasi.services import impor_dokumen
from sikerja.organisasi.testing import buat_akun, buat_organisasi, nip
from sikerja.organisasi.tests.conftest import ORG

pytestmark = pytest.mark.django_db

SK = {"nomor_sk": "800/12/SK/2024", "tanggal_sk": date(2024, 1, 2)}


def _berlaku(instansi) -> dict[str, tuple[str | None, str | None]]:
    return {
        k.pegawai.nip: (k.ppk.nip if k.ppk else None, k.pimpinan_unit.nip if k.pimpinan_unit else None)
        for k in Kedudukan.objects.filter(instansi=instansi, berlaku_sampai=None).select_related(
            "pegawai", "ppk", "pimpinan_unit")
    }


def _p(n: int) -> Pegawai:
    return Pegawai.objects.get(nip=nip(n))


def _ppk(n: int) -> str | None:
    k = selectors.kedudukan_pegawai(_p(n))
    return k.ppk.nip if k and k.ppk else None


@pytest.fixture
def instansi():
    return buat_organisasi(ORG)


@pytest.fixture
def ani(instansi):
    """Ani, Kepala Bidang P2P: PPK of Rudi (pelaksana) and Sari (Ahli Muda) in her Bidang."""
    return buat_akun(_p(3))


@pytest.mark.parametrize("wewenang", ["penilaian_kinerja", "pengelolaan_kinerja"])
def test_preview_lists_exactly_the_changes_saving_the_delegation_makes(instansi, ani, wewenang):
    # Pendelegasian kewenangan (SPEC §3): the preview must promise what the save does.
    dari, kepada = _p(3), _p(4)
    sebelum = _berlaku(instansi)
    pratinjau = services.pratinjau_delegasi(instansi, oleh=ani, dari=dari, kepada=kepada, wewenang=wewenang)
    assert _berlaku(instansi) == sebelum  # nothing written
    services.buat_delegasi(instansi, oleh=ani, dari=dari, kepada=kepada, wewenang=wewenang, **SK)
    sesudah = _berlaku(instansi)
    berubah = {(n, "PPK" if i == 0 else "Pimpinan unit")
               for n in sesudah for i in (0, 1) if sesudah[n][i] != sebelum[n][i]}
    assert berubah and {(r["nip"], r["peran"]) for r in pratinjau} == berubah
    assert all(r["sesudah"] == kepada.nama for r in pratinjau)


def test_delegation_only_downward_refuses_the_own_kepala_dinas_citing_permenpanrb_7_2022_lampiran(instansi, ani):
    # Issue 12.4: a Kepala Bidang may not delegate to his own Kepala Dinas (PermenPANRB 7/2022,
    # Lampiran, pendelegasian kewenangan: to an official below the giver).
    with pytest.raises(services.DelegasiTidakSah) as e:
        services.buat_delegasi(instansi, oleh=ani, dari=_p(3), kepada=_p(2), wewenang="penilaian_kinerja", **SK)
    assert "di bawah pemberi" in str(e.value) and "PermenPANRB 7/2022, Lampiran, pendelegasian" in str(e.value)
    assert not Delegasi.objects.exists() and _ppk(5) == nip(3)


def test_delegation_only_downward_refuses_an_official_of_another_line(instansi, ani):
    # Dewi heads a Puskesmas under the Kepala Dinas, not under Ani's Bidang.
    with pytest.raises(services.DelegasiTidakSah, match="tidak berada di bawah"):
        services.pratinjau_delegasi(instansi, oleh=ani, dari=_p(3), kepada=_p(7), wewenang="penilaian_kinerja")


def test_kepala_dinas_may_delegate_to_the_head_of_a_puskesmas_under_him(instansi):
    budi = buat_akun(_p(2))
    services.buat_delegasi(instansi, oleh=budi, dari=_p(2), kepada=_p(3), wewenang="penilaian_kinerja",
                           pegawai_nip=[nip(5)], **SK)
    assert Delegasi.objects.get().kepada.nip == nip(3)


def test_the_service_itself_refuses_delegating_someone_elses_authority(instansi):
    citra = buat_akun(_p(6))  # another Kepala Bidang
    with pytest.raises(services.DelegasiTidakSah, match="kewenangan Anda sendiri"):
        services.buat_delegasi(instansi, oleh=citra, dari=_p(3), kepada=_p(4), wewenang="penilaian_kinerja", **SK)
    assert not Delegasi.objects.exists()


def test_bkpsdm_may_record_an_officials_delegation(instansi):
    bkpsdm = buat_akun(_p(8), bkpsdm=True)
    services.buat_delegasi(instansi, oleh=bkpsdm, dari=_p(3), kepada=_p(4), wewenang="penilaian_kinerja", **SK)
    assert _ppk(5) == nip(4)


def test_delegation_records_its_sk_and_refuses_one_without(instansi, ani):
    kw = {"oleh": ani, "dari": _p(3), "kepada": _p(4), "wewenang": "penilaian_kinerja"}
    with pytest.raises(services.DelegasiTidakSah, match="Nomor SK"):
        services.buat_delegasi(instansi, nomor_sk=" ", tanggal_sk=date(2024, 1, 2), **kw)
    with pytest.raises(services.DelegasiTidakSah, match="Tanggal SK"):
        services.buat_delegasi(instansi, nomor_sk="1/SK", tanggal_sk=None, **kw)
    with pytest.raises(services.DelegasiTidakSah, match="sudah berakhir"):
        services.buat_delegasi(instansi, berlaku_sampai=date.today() - timedelta(days=1), **SK, **kw)
    sampai = date.today() + timedelta(days=30)
    services.buat_delegasi(instansi, berlaku_mulai=date.today(), berlaku_sampai=sampai, **SK, **kw)
    d = Delegasi.objects.get()
    assert (d.nomor_sk, d.tanggal_sk, d.berlaku_sampai, d.dibuat_oleh) == (SK["nomor_sk"], SK["tanggal_sk"], sampai, ani)


def test_expired_delegation_ends_by_itself_when_the_kedudukan_is_read(instansi, ani):
    services.buat_delegasi(instansi, oleh=ani, dari=_p(3), kepada=_p(4), wewenang="penilaian_kinerja",
                           berlaku_sampai=date.today(), **SK)
    assert _ppk(5) == nip(4)
    Delegasi.objects.update(berlaku_sampai=date.today() - timedelta(days=1))  # the day after the SK ends
    assert _ppk(5) == nip(3)
    d = Delegasi.objects.get()
    assert not d.aktif and d.alasan_berakhir == "kedaluwarsa"
    assert Kedudukan.objects.filter(pegawai__nip=nip(5)).count() == 3  # history: before, during, after


def test_akhiri_delegasi_command_ends_expired_delegations_and_recomputes(instansi, ani):
    services.buat_delegasi(instansi, oleh=ani, dari=_p(3), kepada=_p(4), wewenang="pengelolaan_kinerja",
                           berlaku_sampai=date.today() + timedelta(days=1), **SK)
    besok_lusa = (date.today() + timedelta(days=2)).isoformat()
    call_command("akhiri_delegasi", tanggal=besok_lusa)
    assert not Delegasi.objects.get().aktif
    assert Kedudukan.objects.get(pegawai__nip=nip(5), berlaku_sampai=None).pimpinan_unit.nip == nip(3)


def test_delegation_starting_later_applies_from_its_first_day(instansi, ani):
    mulai = date.today() + timedelta(days=3)
    services.buat_delegasi(instansi, oleh=ani, dari=_p(3), kepada=_p(4), wewenang="penilaian_kinerja",
                           berlaku_mulai=mulai, **SK)
    assert _ppk(5) == nip(3) and not Delegasi.objects.get().diterapkan
    services.akhiri_delegasi_kedaluwarsa(hari=mulai)
    assert Delegasi.objects.get().diterapkan
    assert Kedudukan.objects.get(pegawai__nip=nip(5), berlaku_sampai=None).ppk.nip == nip(4)


def test_ending_a_delegation_is_previewed_then_done_with_who_ended_it(instansi, ani):
    services.buat_delegasi(instansi, oleh=ani, dari=_p(3), kepada=_p(4), wewenang="penilaian_kinerja", **SK)
    d = Delegasi.objects.get()
    _, dampak = services.pratinjau_cabut(instansi, d.id, oleh=ani)
    assert {(r["nip"], r["sesudah"]) for r in dampak} == {(nip(5), "Ani")}
    assert _ppk(5) == nip(4)  # the preview wrote nothing
    citra = buat_akun(_p(6))
    with pytest.raises(services.DelegasiTidakSah):
        services.cabut_delegasi(instansi, d.id, oleh=citra)
    services.cabut_delegasi(instansi, d.id, oleh=ani)
    d.refresh_from_db()
    assert (d.aktif, d.alasan_berakhir, d.diakhiri_oleh) == (False, "dicabut", ani) and _ppk(5) == nip(3)


def test_import_records_sk_fields_and_an_expired_row_as_ended(instansi):
    data = yaml.safe_load(ORG)
    kemarin = date.today() - timedelta(days=1)
    data["delegasi"] = [
        {"dari": nip(3), "kepada": nip(4), "wewenang": "penilaian_kinerja", "nomor_sk": "800/1/2024",
         "tanggal_sk": "2024-01-02", "berlaku_mulai": "2024-01-02", "berlaku_sampai": "2099-12-31"},
        {"dari": nip(2), "kepada": nip(6), "wewenang": "pengelolaan_kinerja", "nomor_sk": "800/2/2023",
         "tanggal_sk": "02-01-2023", "berlaku_sampai": kemarin.isoformat()},
    ]
    impor_dokumen(validate(data))
    d1 = Delegasi.objects.get(kepada__nip=nip(4))
    assert (d1.nomor_sk, d1.tanggal_sk, d1.berlaku_sampai, d1.aktif) == ("800/1/2024", date(2024, 1, 2), date(2099, 12, 31), True)
    d2 = Delegasi.objects.get(kepada__nip=nip(6))
    assert not d2.aktif and d2.alasan_berakhir == "kedaluwarsa"
    assert _ppk(5) == nip(4)


def test_first_recompute_writes_one_current_row_per_pegawai_with_shared_explanations(instansi):
    rows = Kedudukan.objects.filter(instansi=instansi, berlaku_sampai=None)
    assert rows.count() == Pegawai.objects.filter(instansi=instansi, aktif=True).count()
    assert Penjelasan.objects.count() < rows.count()
    k = rows.select_related("penjelasan").get(pegawai__nip=nip(4))
    assert k.dasar_hukum and isinstance(k.langkah, list) and k.berlaku_mulai is not None
    assert services.hitung_ulang(instansi) == 0  # unchanged organisation: nothing rewritten


def test_import_refuses_an_upward_delegation_naming_row_and_field_permenpanrb_7_2022_lampiran():
    from sikerja.organisasi.dokumen import DokumenTidakValid

    data = yaml.safe_load(ORG)
    data["delegasi"] = [{"dari": nip(3), "kepada": nip(2), "wewenang": "penilaian_kinerja", "nomor_sk": "1/2024"}]
    with pytest.raises(DokumenTidakValid, match="delegasi baris 1, kolom 'kepada': Pendelegasian kewenangan hanya "
                                                "kepada pejabat di bawah pemberi.*PermenPANRB 7/2022"):
        validate(data)


def test_the_giver_must_rate_or_lead_the_named_pegawai_and_the_camat_may_delegate_to_his_kasi(instansi):
    # Under the national baseline the Sekcam neither heads the JF's line nor rates him, so the
    # JF is not his to delegate; the Camat heads the Kecamatan and may (Pekanbaru's Sekcam, who is
    # PPK by Pasal 11 ayat (2), may too: skenario pekanbaru/kecamatan_tampan).
    from sikerja.kedudukan.engine import load_profil
    from sikerja.organisasi.struktur import Organisasi
    from sikerja.organisasi.struktur import Pegawai as P
    from sikerja.organisasi.struktur import Unit as U

    org = Organisasi(profil="nasional", units={
        "KEC": U("KEC", "Kecamatan", "kecamatan"), "SEK": U("SEK", "Sekretariat", "sekretariat", "KEC"),
        "SEKSI": U("SEKSI", "Seksi Trantib", "seksi", "KEC")}, pegawai={
        "1": P("1", "Camat", "Camat", "administrator", "KEC", kepala_unit=True),
        "2": P("2", "Sekcam", "Sekretaris Camat", "administrator", "SEK", kepala_unit=True),
        "3": P("3", "Kasi", "Kepala Seksi", "pengawas", "SEKSI", kepala_unit=True),
        "4": P("4", "JF", "Pol PP Terampil", "fungsional", "SEKSI", jenjang="terampil")})
    profil = load_profil("nasional")
    with pytest.raises(services.DelegasiTidakSah, match="bukan milik pemberi"):
        services.periksa_arah(org, profil, dari="2", kepada="3", wewenang="pengelolaan_kinerja", pegawai=("4",))
    services.periksa_arah(org, profil, dari="1", kepada="3", wewenang="pengelolaan_kinerja", pegawai=("4",))


def test_delegation_starting_later_applies_when_the_kedudukan_is_read_on_its_first_day(instansi, ani, monkeypatch):
    """The read-time check (selectors.segarkan) also applies a delegation whose first day has come."""
    from sikerja.kedudukan import selectors

    mulai = date.today() + timedelta(days=3)
    services.buat_delegasi(instansi, oleh=ani, dari=_p(3), kepada=_p(4), wewenang="penilaian_kinerja",
                           berlaku_mulai=mulai, **SK)
    assert _ppk(5) == nip(3)
    monkeypatch.setattr(selectors, "hari_ini", lambda: mulai - timedelta(days=1))
    assert _ppk(5) == nip(3) and not Delegasi.objects.get().diterapkan  # not yet
    monkeypatch.setattr(selectors, "hari_ini", lambda: mulai)
    assert _ppk(5) == nip(4) and Delegasi.objects.get().diterapkan


def test_the_pegawai_pages_prepared_history_and_delegations_equal_the_selectors_for_every_pegawai(instansi):
    """The pegawai page reads his kedudukan history and delegations through prepared queries: for every
    pegawai they are ``riwayat`` (newest first, at most 20) and ``delegasi_pegawai`` (given or received)."""
    budi = buat_akun(_p(2))
    services.buat_delegasi(instansi, oleh=budi, dari=_p(2), kepada=_p(3), wewenang="penilaian_kinerja",
                           pegawai_nip=[nip(5)], **SK)
    berdelegasi = 0
    for p in Pegawai.objects.filter(instansi=instansi):
        siap = selectors.riwayat_halaman(pegawai_id=p.pk)
        assert [(k.pk, k.ppk_id, k.ppk.unit.nama if k.ppk else None) for k in siap] == [
            (k.pk, k.ppk_id, k.ppk.unit.nama if k.ppk else None) for k in selectors.riwayat(p)[:20]], p.nama
        d = selectors.delegasi_pegawai_siap(instansi_id=instansi.id, pegawai_id=p.pk)
        assert [(x.pk, x.dari.nama, x.kepada.nama) for x in d] == [
            (x.pk, x.dari.nama, x.kepada.nama) for x in selectors.delegasi_pegawai(p)], p.nama
        berdelegasi += bool(d)
    assert berdelegasi == 2  # the giver and the receiver
