"""Roles by the ketua, ABK capacity, reminders, PUO change, lintas-instansi teams, ketua candidates."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from sikerja.galat import TidakBerwenang
from sikerja.kotak_masuk.models import Item
from sikerja.penugasan.models import Penerima, Penugasan
from sikerja.timkerja import services as s
from sikerja.timkerja.errors import DataTidakLengkap, PerluAlasan
from sikerja.timkerja.models import TimKerja
from sikerja.timkerja.selectors import beban_pegawai, kandidat_ketua

from .conftest import Pemda, anggota, data_tim


def _tim(pd: Pemda, **kw):  # type: ignore[no-untyped-def]
    return s.bentuk_tim(pengguna=pd.u["ani"], data=data_tim(pd, **kw),
                        anggota=[anggota(pd, "sari"), anggota(pd, "tono", peran="")], ketua_id=pd.p["sari"].id)


def test_ketua_divides_the_roles_tk_10(karangasem):
    """TK-10, Perbup Karangasem 15/2023 Pasal 18 ayat (4) huruf b: the ketua divides the roles; the role
    the pembentuk wrote for Sari while staffing is a proposal until the ketua sets it."""
    pd = karangasem
    tim = _tim(pd)
    assert [a.pegawai for a in s.tanpa_peran(tim)] == [pd.p["sari"], pd.p["tono"]]
    with pytest.raises(TidakBerwenang, match=r"Pasal 18 ayat \(4\) huruf b"):
        s.atur_peran(pengguna=pd.u["tono"], tim_id=tim.id, pegawai_id=pd.p["tono"].id, peran="x")
    s.atur_peran(pengguna=pd.u["sari"], tim_id=tim.id, pegawai_id=pd.p["tono"].id, peran="Mengelola data kasus")
    s.atur_peran(pengguna=pd.u["sari"], tim_id=tim.id, pegawai_id=pd.p["sari"].id, peran="Menyusun analisis kasus")
    assert s.tanpa_peran(tim) == []


def test_abk_capacity_replaces_the_default(nasional):
    pd = nasional
    pd.u["kadis"].bkpsdm = True
    pd.u["kadis"].save()
    with pytest.raises(DataTidakLengkap, match="Baris 1: NIP"):
        s.atur_kapasitas(pengguna=pd.u["kadis"], baris=[("000", 80)])
    with pytest.raises(TidakBerwenang):
        s.atur_kapasitas(pengguna=pd.u["ani"], baris=[(pd.p["sari"].nip, 80)])
    s.atur_kapasitas(pengguna=pd.u["kadis"], baris=[(pd.p["sari"].nip, 15)])
    b = beban_pegawai([pd.p["sari"].id], date.today(), date.today(), kapasitas_bawaan=100)[pd.p["sari"].id]
    assert b.kapasitas == 15
    tim = s.buat_draf(pengguna=pd.u["ani"], data=data_tim(pd))
    with pytest.raises(PerluAlasan, match="kapasitas 15%"):
        s.tambah_anggota(pengguna=pd.u["ani"], tim_id=tim.id, anggota=[anggota(pd, "sari", porsi_persen=20)])


def test_overdue_reports_are_reminded_in_the_inbox(nasional):
    pd = nasional
    _tim(pd, masa_mulai=date.today() - timedelta(days=60))
    assert s.ingatkan_laporan() == 1
    assert Item.objects.filter(penerima=pd.p["sari"], jenis="tindakan", pesan__contains="terlambat").exists()


def test_a_new_puo_flags_the_team_for_reconfirmation_tk_12(blitar):
    pd = blitar
    tim = _tim(pd)
    ani = pd.p["ani"]
    ani.kepala_unit = False
    ani.save()
    tono = pd.p["tono"]
    tono.kepala_unit = True
    tono.save()
    s.tandai_perubahan_puo(pd.instansi)
    tim.refresh_from_db()
    assert tim.perlu_konfirmasi


def _penugasan_lintas_instansi(pd: Pemda, pegawai) -> Penugasan:  # type: ignore[no-untyped-def]
    """A lintas-instansi path that ended in a surat penugasan (its own flow is penugasan's, tested there)."""
    p = Penugasan.objects.create(instansi=pd.instansi, instansi_tujuan=pegawai.instansi, jalur="lintas_instansi",
                                 status="ditugaskan", judul="Pelibatan Beta", mulai=date.today(),
                                 selesai=date.today() + timedelta(days=90), pemohon=pd.p["ani"])
    Penerima.objects.create(penugasan=p, pegawai=pegawai, beban_persen=10)
    return p


def test_blitar_lintas_instansi_team_is_set_by_keputusan_walikota_through_the_pyb(blitar):
    pd = blitar
    tim = s.buat_draf(pengguna=pd.u["ani"], data=data_tim(pd))
    eka = pd.beta["eka"]
    s.tambah_anggota(pengguna=pd.u["ani"], tim_id=tim.id, anggota=[
        anggota(pd, "sari"), anggota(pd, "eka", penugasan_id=_penugasan_lintas_instansi(pd, eka).id)])
    # Pasal 21 ayat (1) huruf c: the ketua may come from the other instansi concerned.
    s.tetapkan_ketua(pengguna=pd.u["ani"], tim_id=tim.id, ketua_id=eka.id)
    tim = s.ajukan_pembentukan(pengguna=pd.u["ani"], tim_id=tim.id)
    assert (tim.pola, tim.status, tim.jenis_instrumen) == ("lintas_instansi", "menunggu_penetapan",
                                                            "keputusan_kepala_daerah")
    assert tim.penandatangan == pd.instansi.pyb
    tim = s.tetapkan(pengguna=pd.u["sekda"], tim_id=tim.id)
    assert tim.status == "aktif"
    k = s.ajukan_kendala(pengguna=pd.u["eka"], tim_id=tim.id, judul="Perbedaan format data", uraian="x",
                         alternatif=["Format Alpha"], lingkup="pimpinan_instansi")
    assert {pd.p["ani"], pd.instansi.pyb, eka.instansi.pyb} <= set(k.tujuan.all())
    # The member from the other instansi sees the team (he is in it).
    assert s.ambil_untuk(pd.u["eka"], tim.id) == tim


def test_ketua_candidates_are_ranked_by_competency_and_origin(nasional):
    pd = nasional
    tim = s.buat_draf(pengguna=pd.u["ani"], data=data_tim(pd))
    s.tambah_anggota(pengguna=pd.u["ani"], tim_id=tim.id,
                     anggota=[anggota(pd, "tono", kompetensi_dibutuhkan=["Surveilans"])])
    calon = kandidat_ketua(TimKerja.objects.get(pk=tim.id), ("fungsional", "pelaksana"))
    # Sari and Rudi hold "Surveilans"; Tono is a member but lacks it, so he ranks below them.
    assert {c["pegawai"] for c in calon[:2]} == {pd.p["sari"], pd.p["rudi"]}
    assert calon[0]["kompetensi_cocok"] == ["surveilans"]
    assert [c["pegawai"] for c in calon].index(pd.p["tono"]) == 2
    assert all(c["dari_pemilik"] for c in calon)


def test_matriks_lists_the_ketua_first_even_when_he_is_not_a_member(nasional):
    from sikerja.timkerja.selectors import matriks

    pd = nasional
    tim = s.bentuk_tim(pengguna=pd.u["ani"], data=data_tim(pd), anggota=[anggota(pd, "tono", peran="Rekap data")],
                       ketua_id=pd.p["sari"].id)
    m = matriks(tim)
    assert [b["pegawai"] for b in m["baris"]] == [pd.p["sari"], pd.p["tono"]]
    assert m["baris"][0]["peran_baris"] == "ketua_tim" and m["baris"][1]["peran"] == "Rekap data"
    assert m["kolom"] == tim.target


def test_blitar_member_of_a_lintas_instansi_team_is_assigned_with_the_walikota_pertimbangan_pasal_22_c(blitar):
    """TK-05, Perwal Blitar 6/2023 Pasal 22 huruf c: in a tim kerja antar instansi the member's letter is
    issued with the pertimbangan of the Walikota (carried by the PyB); the PUO alone is refused. Members of
    the founding Keputusan carry its signer's pertimbangan."""
    from sikerja.timkerja.errors import AnggotaTidakMemenuhi
    from sikerja.timkerja.models import AnggotaTim

    pd = blitar
    tim = s.buat_draf(pengguna=pd.u["ani"], data=data_tim(pd))
    eka = pd.beta["eka"]
    s.tambah_anggota(pengguna=pd.u["ani"], tim_id=tim.id, anggota=[
        anggota(pd, "sari"), anggota(pd, "eka", penugasan_id=_penugasan_lintas_instansi(pd, eka).id)])
    s.tetapkan_ketua(pengguna=pd.u["ani"], tim_id=tim.id, ketua_id=pd.p["sari"].id)
    s.ajukan_pembentukan(pengguna=pd.u["ani"], tim_id=tim.id)
    s.tetapkan(pengguna=pd.u["sekda"], tim_id=tim.id)
    assert set(AnggotaTim.objects.filter(tim=tim).values_list("pertimbangan_oleh", flat=True)) == {pd.p["sekda"].id}
    baru = anggota(pd, "tono", masukan_ketua="Perlu pengelola data")
    with pytest.raises(AnggotaTidakMemenuhi, match=r"Walikota|Kepala Daerah") as e:
        s.tambah_anggota(pengguna=pd.u["ani"], tim_id=tim.id, anggota=[baru])
    assert e.value.kode == "TK-05" and "Pasal 22 huruf c" in e.value.dasar
    s.tambah_anggota(pengguna=pd.u["sekda"], tim_id=tim.id, anggota=[baru])
    x = AnggotaTim.objects.get(tim=tim, pegawai=pd.p["tono"])
    assert x.pertimbangan_oleh == pd.p["sekda"]
    # Pasal 22: the member is assigned by surat perintah, though the team was founded by a Keputusan.
    from sikerja.surat import selectors as surat_selectors

    jenis = list(surat_selectors.untuk_subjek(tim).order_by("id").values_list("jenis", flat=True))
    assert jenis == ["tim_keputusan", "tim_surat_perintah"]


def test_blitar_internal_team_member_assigned_by_the_puo_or_his_delegate_pasal_22_a(blitar):
    """Pasal 22 huruf a: pertimbangan of the PUO "atau pejabat yang mendapat delegasi" — a delegate of the
    Kabid's pengelolaan kinerja may assign; another bidang's Kabid may not."""
    from sikerja.kedudukan import services as kd_services

    pd = blitar
    tim = s.bentuk_tim(pengguna=pd.u["ani"], data=data_tim(pd), anggota=[anggota(pd, "sari")],
                       ketua_id=pd.p["sari"].id)
    with pytest.raises(TidakBerwenang):
        s.tambah_anggota(pengguna=pd.u["kasi"], tim_id=tim.id,
                         anggota=[anggota(pd, "tono", masukan_ketua="Pengelola data")])
    kd_services.buat_delegasi(pd.instansi, oleh=pd.u["ani"], dari=pd.p["ani"], kepada=pd.p["kasi"],
                              wewenang="pengelolaan_kinerja", nomor_sk="800/9/2026", tanggal_sk=date.today())
    s.tambah_anggota(pengguna=pd.u["kasi"], tim_id=tim.id, anggota=[anggota(pd, "tono", masukan_ketua="Pengelola data")])
    assert tim.anggota.get(pegawai=pd.p["tono"]).pertimbangan_oleh == pd.p["kasi"]
