"""The tiered review of a kegiatan on real organisations (KINERJA.md §2.3 K5–K10, §2.4)."""

from __future__ import annotations

import pytest

from sikerja.galat import DataTidakLengkap, TidakBerwenang
from sikerja.jejak.models import Jejak
from sikerja.kotak_masuk.models import Item

from .. import services
from ..models import HasilKegiatan, Reviu, SerahTerima
from .conftest import kegiatan_berjalan


def _status(kg):  # type: ignore[no-untyped-def]
    kg.refresh_from_db()
    return kg.status, kg.level_reviu, kg.aktor_sekarang.nama if kg.aktor_sekarang else None


def test_pasuruan_setda_chain_kabag_asisten_sekda(pasuruan):
    """Perbup Pasuruan 217/2023 Lampiran II.D.1.c angka 3: Kabag → Asisten → Sekda accepts."""
    pd = pasuruan
    kg = kegiatan_berjalan(pd, "kabag", "HUKUM", "hana")
    assert [r["nama"] for r in kg.rantai] == ["Kabag Hukum", "Asisten Pem", "Sekda"]
    services.ajukan_hasil(pengguna=pd.u["hana"], kegiatan_id=kg.id, keluaran="Draf Perbup v1")
    assert _status(kg) == ("dalam_reviu", 0, "Kabag Hukum")
    services.terima(pengguna=pd.u["kabag"], kegiatan_id=kg.id)
    assert _status(kg) == ("dalam_reviu", 1, "Asisten Pem")
    services.terima(pengguna=pd.u["asisten"], kegiatan_id=kg.id)
    assert _status(kg) == ("dalam_reviu", 2, "Sekda")
    services.terima(pengguna=pd.u["sekda"], kegiatan_id=kg.id)
    assert _status(kg) == ("selesai", 2, None)
    assert list(Reviu.objects.filter(kegiatan=kg).values_list("keputusan", flat=True)) == ["terima"] * 3


def test_return_in_the_middle_goes_to_the_level_below_the_returner_not_to_the_start(pasuruan):
    """PSR Lampiran II.D.1.c angka 3: "dikembalikan … secara berjenjang berdasarkan level struktur
    organisasi": the Asisten returns → the Kabag holds it (not the pelaksana); the Kabag adjusts and
    re-submits straight to the Asisten, who passes it to the Sekda."""
    pd = pasuruan
    kg = kegiatan_berjalan(pd, "kabag", "HUKUM", "hana")
    services.ajukan_hasil(pengguna=pd.u["hana"], kegiatan_id=kg.id, keluaran="Draf v1")
    services.terima(pengguna=pd.u["kabag"], kegiatan_id=kg.id)
    services.kembalikan(pengguna=pd.u["asisten"], kegiatan_id=kg.id, catatan="Dasar hukum belum lengkap")
    assert _status(kg) == ("dikembalikan", 0, "Kabag Hukum")
    with pytest.raises(TidakBerwenang):
        services.ajukan_ulang(pengguna=pd.u["hana"], kegiatan_id=kg.id, keluaran="x")
    services.ajukan_ulang(pengguna=pd.u["kabag"], kegiatan_id=kg.id, keluaran="Draf v2 dengan dasar hukum")
    assert _status(kg) == ("dalam_reviu", 1, "Asisten Pem")
    services.terima(pengguna=pd.u["asisten"], kegiatan_id=kg.id)
    services.terima(pengguna=pd.u["sekda"], kegiatan_id=kg.id)
    assert _status(kg)[0] == "selesai"
    assert list(HasilKegiatan.objects.filter(kegiatan=kg).values_list("versi", "level")) == [(1, -1), (2, 0)]
    r = Reviu.objects.get(kegiatan=kg, keputusan="kembalikan")
    assert (r.level, r.ke_level, r.catatan) == (1, 0, "Dasar hukum belum lengkap")
    assert "II.D.1.c angka 3" in r.dasar_hukum


def test_a_reviewer_may_pass_a_return_further_down_to_the_pelaksana(pasuruan):
    """KINERJA §2.3 K9 (PSR "secara berjenjang"): Sekda → Asisten → Kabag → pelaksana."""
    pd = pasuruan
    kg = kegiatan_berjalan(pd, "kabag", "HUKUM", "hana")
    services.ajukan_hasil(pengguna=pd.u["hana"], kegiatan_id=kg.id, keluaran="v1")
    services.terima(pengguna=pd.u["kabag"], kegiatan_id=kg.id)
    services.terima(pengguna=pd.u["asisten"], kegiatan_id=kg.id)
    services.kembalikan(pengguna=pd.u["sekda"], kegiatan_id=kg.id, catatan="Perlu harmonisasi")
    assert _status(kg) == ("dikembalikan", 1, "Asisten Pem")
    services.teruskan_pengembalian(pengguna=pd.u["asisten"], kegiatan_id=kg.id, catatan="Mohon harmonisasi")
    services.teruskan_pengembalian(pengguna=pd.u["kabag"], kegiatan_id=kg.id, catatan="Revisi pasal 3")
    assert _status(kg) == ("dikembalikan", -1, "Hana Perancang")
    services.ajukan_ulang(pengguna=pd.u["hana"], kegiatan_id=kg.id, keluaran="v2 harmonisasi")
    assert _status(kg) == ("dalam_reviu", 0, "Kabag Hukum")


def test_kembalikan_without_a_note_is_refused_and_nothing_changes(pasuruan):
    """PSR Lampiran II.D.1.c angka 3 (returned "untuk disesuaikan kembali": the reviewer must say what)."""
    pd = pasuruan
    kg = kegiatan_berjalan(pd, "kabag", "HUKUM", "hana")
    services.ajukan_hasil(pengguna=pd.u["hana"], kegiatan_id=kg.id, keluaran="v1")
    with pytest.raises(DataTidakLengkap, match="Catatan pengembalian wajib"):
        services.kembalikan(pengguna=pd.u["kabag"], kegiatan_id=kg.id, catatan="   ")
    assert _status(kg) == ("dalam_reviu", 0, "Kabag Hukum")
    assert not Reviu.objects.filter(kegiatan=kg).exists()


def test_only_the_reviewer_at_the_current_level_decides(pasuruan):
    """KINERJA §2.3 K6: the Sekda cannot accept before the Kabag and Asisten (PSR L-II.D.1.c.3)."""
    pd = pasuruan
    kg = kegiatan_berjalan(pd, "kabag", "HUKUM", "hana")
    services.ajukan_hasil(pengguna=pd.u["hana"], kegiatan_id=kg.id, keluaran="v1")
    with pytest.raises(TidakBerwenang, match="Kabag Hukum"):
        services.terima(pengguna=pd.u["sekda"], kegiatan_id=kg.id)


def test_dinas_two_level_chain_kabid_then_kadis(pasuruan):
    """PSR Lampiran II.D.2.c angka 3: Level II → Level I."""
    pd = pasuruan
    kg = kegiatan_berjalan(pd, "ani", "P2P", "sari")
    assert [r["nama"] for r in kg.rantai] == ["Ani Kabid", "Kadis Kesehatan"]
    assert kg.templat == "psr-d2-dinas-badan"


@pytest.mark.parametrize(("profil", "rantai", "pasal"), [
    ("pasuruan", ["Kepala Lab"], "Lampiran II.D.8.c angka 3"),
    ("karangasem", ["Kepala Lab"], "Pasal 51 ayat (4)"),
    ("magelang", ["Kepala Lab", "Kadis Kesehatan"], "Lampiran IV huruf G"),
    ("blitar", ["Kepala Lab", "Kadis Kesehatan"], "Lampiran B angka 3"),
])
def test_uptd_acceptor_differs_between_profiles(request, profil, rantai, pasal):
    """UPTD results: closed by its own head (PSR D.8, KRA 51(4)(c)) or escalated to the Kepala Dinas
    (MGL L-IV.G.3.c; BLT L-B.3.c) — KINERJA A-09."""
    pd = request.getfixturevalue(profil)
    kg = kegiatan_berjalan(pd, "kalab", "LAB", "lia")
    assert [r["nama"] for r in kg.rantai] == rantai
    services.ajukan_hasil(pengguna=pd.u["lia"], kegiatan_id=kg.id, keluaran="Laporan uji")
    for nama in rantai:
        kunci = {"Kepala Lab": "kalab", "Kadis Kesehatan": "kadis"}[nama]
        services.terima(pengguna=pd.u[kunci], kegiatan_id=kg.id)
    kg.refresh_from_db()
    assert kg.status == "selesai"
    from ..aturan import aturan_siklus

    t = next(x for x in aturan_siklus(profil).templat if x.id == kg.templat)
    assert pasal in t.dasar


@pytest.mark.parametrize(("profil", "rantai"), [
    ("pasuruan", ["Lurah Sukamaju"]), ("karangasem", ["Lurah Sukamaju"]), ("blitar", ["Lurah Sukamaju", "Camat Kota"]),
])
def test_kelurahan_acceptor_differs_between_profiles(request, profil, rantai):
    """PSR L-II.D.8.c.3 and KRA Pasal 48 (Lurah accepts) vs BLT L-B.3.c (escalated to the Camat)."""
    pd = request.getfixturevalue(profil)
    kg = kegiatan_berjalan(pd, "lurah", "KEL", "udin")
    assert [r["nama"] for r in kg.rantai] == rantai


def test_karangasem_records_serah_terima_when_accepted(karangasem):
    """Perbup Karangasem 15/2023 Pasal 8 huruf c angka 2: serah terima hasil pelaksanaan kegiatan."""
    pd = karangasem
    kg = kegiatan_berjalan(pd, "ani", "P2P", "sari")
    services.ajukan_hasil(pengguna=pd.u["sari"], kegiatan_id=kg.id, keluaran="Laporan")
    services.terima(pengguna=pd.u["ani"], kegiatan_id=kg.id)
    services.terima(pengguna=pd.u["kadis"], kegiatan_id=kg.id)
    st = SerahTerima.objects.get(kegiatan=kg)
    assert (st.penyerah.nama, st.penerima.nama) == ("Sari Epidemiolog", "Kadis Kesehatan")
    assert "Pasal 8 huruf c angka 2" in st.dasar_hukum


def test_pasuruan_serah_terima_is_optional_and_recorded_on_request(pasuruan):
    """KINERJA §2.2 SerahTerima: optional outside Karangasem [P]."""
    pd = pasuruan
    kg = kegiatan_berjalan(pd, "ani", "P2P", "sari")
    services.ajukan_hasil(pengguna=pd.u["sari"], kegiatan_id=kg.id, keluaran="Laporan")
    services.terima(pengguna=pd.u["ani"], kegiatan_id=kg.id)
    services.terima(pengguna=pd.u["kadis"], kegiatan_id=kg.id)
    assert not SerahTerima.objects.filter(kegiatan=kg).exists()
    services.catat_serah_terima(pengguna=pd.u["sari"], kegiatan_id=kg.id, catatan="Diserahkan")
    assert SerahTerima.objects.filter(kegiatan=kg, penerima=pd.p["kadis"]).exists()


def test_each_waiting_step_opens_an_inbox_action_and_an_audit_entry(pasuruan):
    """Issue 14 point 6: every step that waits on someone reaches his inbox."""
    pd = pasuruan
    kg = kegiatan_berjalan(pd, "kabag", "HUKUM", "hana")
    services.ajukan_hasil(pengguna=pd.u["hana"], kegiatan_id=kg.id, keluaran="v1")
    assert Item.objects.filter(penerima=pd.p["kabag"], jenis="tindakan", terbuka=True, subjek_id=kg.id).exists()
    services.terima(pengguna=pd.u["kabag"], kegiatan_id=kg.id)
    assert not Item.objects.filter(penerima=pd.p["kabag"], jenis="tindakan", terbuka=True, subjek_id=kg.id).exists()
    assert Item.objects.filter(penerima=pd.p["asisten"], jenis="tindakan", terbuka=True, subjek_id=kg.id).exists()
    assert Jejak.objects.filter(subjek_id=kg.id, aksi="terima", aktor=pd.p["kabag"]).exists()


def test_the_result_must_be_declared_in_line_with_the_target(pasuruan):
    """KINERJA §2.3 K5 guard: "dinyatakan telah sesuai dengan target" (PSR L-II.D.2.c.3)."""
    pd = pasuruan
    kg = kegiatan_berjalan(pd, "ani", "P2P", "sari")
    with pytest.raises(services.AturanDilanggar):
        services.ajukan_hasil(pengguna=pd.u["sari"], kegiatan_id=kg.id, keluaran="v1", sesuai_target=False)
    with pytest.raises(DataTidakLengkap):
        services.ajukan_hasil(pengguna=pd.u["sari"], kegiatan_id=kg.id, keluaran="")


def test_an_item_waiting_for_an_official_who_leaves_moves_to_the_new_holder(pasuruan):
    """KINERJA §2.3 [P]: the chain is resolved from posts; a change of official moves the item and is logged."""
    from sikerja.organisasi import kait
    from sikerja.organisasi.models import Pegawai
    from sikerja.organisasi.testing import nip

    pd = pasuruan
    kg = kegiatan_berjalan(pd, "ani", "P2P", "sari")
    services.ajukan_hasil(pengguna=pd.u["sari"], kegiatan_id=kg.id, keluaran="v1")
    Pegawai.objects.filter(pk=pd.p["ani"].pk).update(kepala_unit=False, aktif=False)
    baru = Pegawai.objects.create(instansi=pd.instansi, nip=nip(99), nama="Budi Kabid Baru", status="pns",
                                  jabatan="Kepala Bidang P2P", jenis_jabatan="administrator", unit=pd.unit("P2P"),
                                  kepala_unit=True)
    kait.jalankan_setelah_perubahan(pd.instansi)
    kg.refresh_from_db()
    assert kg.aktor_sekarang == baru and kg.rantai[0]["nama"] == "Budi Kabid Baru"
    assert Item.objects.filter(penerima=baru, jenis="tindakan", terbuka=True, subjek_id=kg.id).exists()
    assert not Item.objects.filter(penerima=pd.p["ani"], jenis="tindakan", terbuka=True, subjek_id=kg.id).exists()
    assert Jejak.objects.filter(subjek_id=kg.id, aksi="ganti_pejabat").exists()
