"""Kendala routed to the right PUO(s) with recorded decisions (KINERJA §1.8), and reports along the
lines each regulation draws (§2.6), structured, with evidence files served only to who may see."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from sikerja.jejak.selectors import untuk_subjek as jejak_tim
from sikerja.surat.selectors import untuk_subjek as surat_tim
from sikerja.timkerja import services as s
from sikerja.timkerja.errors import BuktiTidakSah, DataTidakLengkap, LaporanTidakSah
from sikerja.timkerja.models import KeputusanKendala
from sikerja.timkerja.selectors import laporan_terlambat

from .conftest import Pemda, anggota, data_tim


def _tim(pd: Pemda, **kw):  # type: ignore[no-untyped-def]
    return s.bentuk_tim(pengguna=pd.u["ani"], data=data_tim(pd, **kw), anggota=[anggota(pd, "sari"), anggota(pd, "tono")],
                        ketua_id=pd.p["sari"].id)


def test_founding_letter_is_the_profile_instrument_and_later_letters_name_it(blitar):
    pd = blitar
    tim = _tim(pd)
    dasar = surat_tim(tim).get(pk=tim.surat_dasar_id)
    assert dasar.jenis == "tim_surat_perintah" and dasar.penandatangan == pd.p["ani"]
    assert bytes(dasar.pdf).startswith(b"%PDF")
    assert "Perwal Blitar 6/2023 Pasal 21 ayat (1) huruf a" in str(dasar.isi["rincian"])
    s.perpanjang(pengguna=pd.u["ani"], tim_id=tim.id, selesai_baru=tim.masa_selesai + timedelta(days=10))
    baru = surat_tim(tim).exclude(pk=dasar.pk).get()
    assert dasar.nomor in " ".join(baru.isi["paragraf"])
    aksi = list(jejak_tim(tim).values_list("aksi", flat=True))
    assert aksi[:2] == ["buat_draf", "ajukan_pembentukan"] and "perpanjang" in aksi


def test_magelang_founding_letter_is_a_surat_penugasan(magelang):
    tim = _tim(magelang)
    assert surat_tim(tim).get(pk=tim.surat_dasar_id).jenis == "tim_surat_penugasan"


def test_kendala_goes_to_the_puo_pemilik_who_decides_with_option_and_reason(nasional):
    pd = nasional
    tim = _tim(pd)
    k = s.ajukan_kendala(pengguna=pd.u["sari"], tim_id=tim.id, judul="Data kasus terlambat",
                         uraian="Puskesmas terlambat mengirim data", alternatif=["Surat edaran Kadis", "Kunjungan"])
    assert list(k.tujuan.all()) == [pd.p["ani"]]
    with pytest.raises(Exception, match="pimpinan unit organisasi yang dituju"):
        s.putuskan_kendala(pengguna=pd.u["bambang"], kendala_id=k.id, tindakan="putuskan", alasan="x", opsi=0)
    with pytest.raises(DataTidakLengkap):
        s.putuskan_kendala(pengguna=pd.u["ani"], kendala_id=k.id, tindakan="putuskan", alasan="x", opsi=None)
    s.putuskan_kendala(pengguna=pd.u["ani"], kendala_id=k.id, tindakan="putuskan", alasan="Paling cepat", opsi=0)
    d = KeputusanKendala.objects.get(kendala=k)
    assert (d.pejabat, d.opsi, d.alasan, d.tindakan) == (pd.p["ani"], 0, "Paling cepat", "putuskan")
    k.refresh_from_db()
    assert k.status == "diputuskan"


def test_kendala_needing_several_puo_goes_to_each_members_puo(nasional):
    pd = nasional
    tim = _tim(pd)
    k = s.ajukan_kendala(pengguna=pd.u["sari"], tim_id=tim.id, judul="Butuh lintas bidang", uraian="x",
                         alternatif=["a"], lingkup="setiap_puo")
    assert pd.p["ani"] in k.tujuan.all()


def test_kendala_needs_alternatives_and_a_team_member(nasional):
    pd = nasional
    tim = _tim(pd)
    with pytest.raises(DataTidakLengkap, match="alternatif"):
        s.ajukan_kendala(pengguna=pd.u["sari"], tim_id=tim.id, judul="x", uraian="y", alternatif=[])
    with pytest.raises(Exception, match="ketua atau anggota"):
        s.ajukan_kendala(pengguna=pd.u["dodi"], tim_id=tim.id, judul="x", uraian="y", alternatif=["a"])


def test_member_reports_to_ketua_and_ketua_to_the_puo(nasional):
    pd = nasional
    tim = _tim(pd)
    lap = s.kirim_laporan(pengguna=pd.u["tono"], tim_id=tim.id, jenis="anggota_ke_ketua", periode_mulai=date.today(),
                          periode_selesai=date.today(), progres="Data 3 puskesmas masuk", capaian_persen=30,
                          bukti=[s.Berkas(nama="rekap.pdf", isi=b"%PDF-1.4 rekap")])
    assert list(lap.penerima.all()) == [pd.p["sari"]] and lap.bukti.count() == 1
    lap = s.kirim_laporan(pengguna=pd.u["sari"], tim_id=tim.id, jenis="ketua_ke_puo", periode_mulai=date.today(),
                          periode_selesai=date.today(), progres="30% tercapai")
    assert list(lap.penerima.all()) == [pd.p["ani"]]
    with pytest.raises(LaporanTidakSah):
        s.kirim_laporan(pengguna=pd.u["tono"], tim_id=tim.id, jenis="ketua_ke_puo", periode_mulai=date.today(),
                        periode_selesai=date.today(), progres="x")


def test_blitar_ketua_report_also_goes_to_each_members_ppk_pasal_21_ayat_2(blitar):
    pd = blitar
    tim = _tim(pd)
    lap = s.kirim_laporan(pengguna=pd.u["sari"], tim_id=tim.id, jenis="ketua_ke_puo", periode_mulai=date.today(),
                          periode_selesai=date.today(), progres="Berjalan")
    assert "Pasal 21 ayat (2)" in lap.dasar_hukum
    ppk_tono = tim.anggota.get(pegawai=pd.p["tono"]).ppk_asal
    assert ppk_tono in lap.penerima.all()


def test_evidence_files_are_checked_for_type_content_and_size(nasional):
    pd = nasional
    tim = _tim(pd)
    kw = dict(pengguna=pd.u["tono"], tim_id=tim.id, jenis="anggota_ke_ketua", periode_mulai=date.today(),
              periode_selesai=date.today(), progres="x")
    with pytest.raises(BuktiTidakSah, match="jenis tidak diterima"):
        s.kirim_laporan(**kw, bukti=[s.Berkas(nama="virus.exe", isi=b"MZ")])
    with pytest.raises(BuktiTidakSah, match="tidak sesuai"):
        s.kirim_laporan(**kw, bukti=[s.Berkas(nama="palsu.pdf", isi=b"<html>")])
    with pytest.raises(BuktiTidakSah, match="lebih dari 5 MB"):
        s.kirim_laporan(**kw, bukti=[s.Berkas(nama="besar.pdf", isi=b"%PDF" + b"0" * s.BUKTI_MAKS_BYTE)])


def test_magelang_puo_may_ask_only_the_ketua_pasal_16_ayat_3(magelang):
    pd = magelang
    tim = _tim(pd)
    besok = date.today() + timedelta(days=3)
    with pytest.raises(LaporanTidakSah) as e:
        s.minta_laporan(pengguna=pd.u["ani"], tim_id=tim.id, sasaran_id=pd.p["tono"].id, batas_waktu=besok)
    assert "Perwal Magelang 25/2023 Pasal 16 ayat (3)" in e.value.pesan
    p = s.minta_laporan(pengguna=pd.u["ani"], tim_id=tim.id, sasaran_id=pd.p["sari"].id, batas_waktu=besok)
    lap = s.kirim_laporan(pengguna=pd.u["sari"], tim_id=tim.id, jenis="ketua_ke_puo", periode_mulai=date.today(),
                          periode_selesai=date.today(), progres="Sesuai permintaan", permintaan_id=p.id)
    assert lap.permintaan == p


@pytest.mark.parametrize("profil", ["blitar", "karangasem"])
def test_other_profiles_may_ask_a_member(request, profil):
    pd = request.getfixturevalue(profil)
    tim = _tim(pd)
    s.minta_laporan(pengguna=pd.u["ani"], tim_id=tim.id, sasaran_id=pd.p["tono"].id,
                    batas_waktu=date.today() + timedelta(days=2))


def test_overdue_periodic_report_is_flagged(nasional):
    pd = nasional
    tim = _tim(pd, masa_mulai=date.today() - timedelta(days=60))
    terlambat = laporan_terlambat(tim, date.today())
    assert terlambat and terlambat[0]["jenis"] == "berkala" and terlambat[0]["pelapor"] == pd.p["sari"]
    s.kirim_laporan(pengguna=pd.u["sari"], tim_id=tim.id, jenis="ketua_ke_puo",
                    periode_mulai=tim.masa_mulai, periode_selesai=date.today() - timedelta(days=20), progres="x")
    assert laporan_terlambat(tim, date.today()) == []


def test_laporan_kinerja_anggota_reaches_his_ppk_tk_13(nasional):
    pd = nasional
    tim = _tim(pd)
    lap = s.kirim_laporan(pengguna=pd.u["sari"], tim_id=tim.id, jenis="kinerja_anggota", anggota_id=pd.p["tono"].id,
                          periode_mulai=date.today(), periode_selesai=date.today(), progres="Peran terpenuhi")
    assert tim.anggota.get(pegawai=pd.p["tono"]).ppk_asal in lap.penerima.all()
