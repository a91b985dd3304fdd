"""Penugasan as each instansi's own regulation says it (issue 9 points 1–6).

1. Every legal basis shown (path cards, decision bar, audit entries) comes from the instansi's
   profile (``penugasan:`` block, read by penugasan/aturan.py); where the profile is silent the
   national basis (PermenPANRB 7/2022) is used and said to be national.
2. The PPK dituju offers, sets and signs only for the pegawai he rates ("Pejabat Penilai Kinerja
   dimana Pejabat Fungsional atau pelaksana berada": Perbup Karangasem 15/2023 Pasal 14 ayat (3)
   huruf a–c and ayat (4) huruf d; Perbup Pasuruan 217/2023 Lampiran II.B.2.a.2; Perwal Pekanbaru
   44/2023 Lampiran angka 6 huruf A.2).
3. Perwal Magelang 25/2023: penunjukan by the PPK only (Pasal 12 ayat (2), (4); Lampiran II huruf A
   angka 1); one surat per PPK across PD (Lampiran II huruf A angka 2 huruf b angka 1); the request
   reaches the signing PPK as tembusan (huruf a); no lintas instansi (Pasal 11 ayat (2), 14 ayat (1)).
4. Perwal Blitar 6/2023: penunjukan through the pimpinan unit organisasi (Pasal 24 ayat (2)); a
   lintas-instansi team needs the Walikota's Keputusan (Pasal 21 ayat (1) huruf c, Pasal 22 huruf c).
5. Perbup Pasuruan 217/2023 Lampiran II.B.2.a huruf d: the PUO proposes, the PPK sets.
"""

from __future__ import annotations

from datetime import date

import pytest

from sikerja.akun.models import Pengguna
from sikerja.kedudukan.engine import load_profil
from sikerja.kedudukan.models import Kedudukan
from sikerja.kedudukan.selectors import kedudukan_pegawai
from sikerja.kotak_masuk.models import Item
from sikerja.organisasi.services import ubah_pengaturan
from sikerja.penugasan import alur, selectors, services
from sikerja.penugasan.aturan import aturan
from sikerja.penugasan.errors import (
    BukanPegawaiPejabat,
    DataTidakLengkap,
    JalurTidakTersedia,
    PpkBelumTercatat,
    TidakBerwenang,
    TransisiTidakSah,
)

from .conftest import buat_dua_instansi, data, penerima

DAERAH = {"pasuruan": "Perbup Pasuruan 217/2023", "magelang": "Perwal Magelang 25/2023",
          "blitar": "Perwal Blitar 6/2023", "karangasem": "Perbup Karangasem 15/2023",
          "pekanbaru": "Perwal Pekanbaru 44/2023"}


def _tabel_instansi(kode: str) -> list:  # type: ignore[type-arg]
    varian = load_profil(kode).penugasan
    return [alur.tabel_jalur(j, varian.get(j, "") if j in alur.VARIAN.get(varian.get(j, ""), {}) else "", kode)
            for j in alur.JALUR]


# --- 1. the instansi's own regulation ------------------------------------------------------


@pytest.mark.parametrize("kode", [*DAERAH, "nasional"])
def test_every_step_cites_the_own_regulation_or_says_it_is_the_national_fallback(kode):
    lain = [s for k, s in DAERAH.items() if k != kode]
    for t in _tabel_instansi(kode):
        for st, lk in [("", t), *t.langkah.items()]:
            teks = lk.dasar_hukum
            assert teks, (t.nama, st)
            assert not any(x.split()[1] in teks for x in lain), (kode, t.nama, st, teks)
            if kode == "nasional" or not teks.startswith(DAERAH[kode]):
                assert teks.startswith("PermenPANRB 7/2022") and "ketentuan nasional" in teks, (kode, t.nama, st, teks)


@pytest.mark.parametrize(("kode", "pasal"), [
    ("pasuruan", "Perbup Pasuruan 217/2023 Lampiran II.B.2.a.2 huruf a dan huruf b"),
    ("karangasem", "Perbup Karangasem 15/2023 Pasal 14 ayat (3) huruf b"),
    ("pekanbaru", "Perwal Pekanbaru 44/2023 Lampiran angka 6) Penugasan huruf A.2 huruf a dan huruf b"),
    ("magelang", "Perwal Magelang 25/2023 Lampiran II huruf A angka 2 huruf b"),
    ("blitar", "Perwal Blitar 6/2023 Pasal 24 ayat (2)"),
])
def test_the_ppk_dituju_step_cites_its_own_article(kode, pasal):
    varian = load_profil(kode).penugasan.get("lintas_unit", "")
    assert alur.tabel_jalur("lintas_unit", varian, kode).langkah["menunggu_ppk_tujuan"].dasar_hukum.startswith(pasal)


def test_pasuruan_path_cards_decision_bar_and_audit_cite_the_perbup_never_karangasem(db, client):
    org = buat_dua_instansi(profil_a="pasuruan")
    client.force_login(org.u["bambang"])
    html = client.get("/penugasan/buat/").content.decode()
    assert "Karangasem" not in html and "Magelang" not in html
    assert "Perbup Pasuruan 217/2023 Lampiran II.B.2.a.2" in html
    p = services.buat_penunjukan_lintas_unit(pengguna=org.u["bambang"], data=data(), ppk_tujuan_id=org.p["ani"].pk)
    assert p.transisi.get().dasar_hukum == "Perbup Pasuruan 217/2023 Lampiran II.B.2.a.2"
    client.force_login(org.u["ani"])
    html = client.get(f"/penugasan/{p.pk}/").content.decode()
    assert "Perbup Pasuruan 217/2023 Lampiran II.B.2.a.2 huruf a dan huruf b" in html and "Karangasem" not in html
    p = services.jalankan(pengguna=org.u["ani"], penugasan_id=p.pk, aksi="setujui",
                          penerima=[penerima(org.p["sari"], 20)])
    assert p.status == "ditugaskan"
    assert all(t.dasar_hukum.startswith("Perbup Pasuruan 217/2023") for t in p.transisi.all())


def test_nasional_instansi_page_says_the_basis_is_the_national_fallback(org, client):
    client.force_login(org.u["bambang"])
    html = client.get("/penugasan/buat/").content.decode()
    assert "PermenPANRB 7/2022" in html and "ketentuan nasional" in html
    assert "Karangasem" not in html and "Pasuruan" not in html


def test_a_regional_profile_silent_on_a_step_falls_back_to_the_national_article_and_names_itself():
    # Perwal Pekanbaru 44/2023 Lampiran A.3 stops at huruf d; the rest of the path is national.
    d = aturan("pekanbaru").dasar_langkah("lintas_instansi", "menunggu_pyb_tujuan_jawaban")
    assert d is not None and d.nasional and str(d).startswith("PermenPANRB 7/2022")
    assert "Perwal Pekanbaru 44/2023 tidak mengatur" in str(d)


# --- 2. the PPK dituju is the pegawai's own PPK ----------------------------------------------


def test_pekanbaru_lampiran_A_2_the_ppk_dituju_offers_only_pegawai_he_rates(db):
    org = buat_dua_instansi(dengan_madya=True, profil_a="pekanbaru")
    wati = kedudukan_pegawai(org.p["wati"])
    assert wati.ppk == org.p["kadis_a"] and wati.pimpinan_unit == org.p["ani"]  # Ani leads Wati, rates Tono
    p = services.buat_penunjukan_lintas_unit(pengguna=org.u["bambang"], data=data(), ppk_tujuan_id=org.p["ani"].pk)
    with pytest.raises(BukanPegawaiPejabat, match="Wati Epidemiolog Madya tidak dinilai oleh Ani Kabid") as e:
        services.jalankan(pengguna=org.u["ani"], penugasan_id=p.pk, aksi="setujui",
                          penerima=[penerima(org.p["wati"], 20)])
    assert "Perwal Pekanbaru 44/2023 Lampiran angka 6) Penugasan huruf A.2" in e.value.pesan
    assert e.value.pegawai == ["Wati Epidemiolog Madya"]
    p.refresh_from_db()
    assert p.status == "menunggu_ppk_tujuan" and not p.surat.filter(jenis="penugasan").exists()
    p = services.jalankan(pengguna=org.u["ani"], penugasan_id=p.pk, aksi="setujui",
                          penerima=[penerima(org.p["tono"], 20)])
    assert p.status == "ditugaskan" and p.surat.get(jenis="penugasan").penandatangan == org.p["ani"]


def test_karangasem_pasal_14_ayat_3_the_ppk_where_the_jf_sits_processes_and_signs(db):
    org = buat_dua_instansi(dengan_madya=True, profil_a="karangasem")
    wati = kedudukan_pegawai(org.p["wati"])
    assert wati.ppk == org.p["kadis_a"] and wati.pimpinan_unit == org.p["ani"]
    # The Kepala Bidang leads Wati but rates nobody: he is not a PPK dituju (huruf a–b).
    assert org.p["ani"] not in selectors.pejabat_dituju_jalur(org.a, "lintas_unit")
    with pytest.raises(DataTidakLengkap):
        services.buat_penunjukan_lintas_unit(pengguna=org.u["bambang"], data=data(), ppk_tujuan_id=org.p["ani"].pk)
    # The Kepala Dinas, PPK where Wati sits, decides; Ani recommends; the Kepala Dinas signs (huruf b–c).
    p = services.buat_penunjukan_lintas_unit(pengguna=org.u["bambang"], data=data(),
                                             ppk_tujuan_id=org.p["kadis_a"].pk)
    p = services.jalankan(pengguna=org.u["kadis_a"], penugasan_id=p.pk, aksi="setujui",
                          penerima=[penerima(org.p["wati"], 20)])
    assert p.aktor_sekarang == org.p["ani"]
    with pytest.raises(TransisiTidakSah):  # the PUO recommends; refusing stays the PPK's decision
        services.jalankan(pengguna=org.u["ani"], penugasan_id=p.pk, aksi="tolak", alasan="x")
    p = services.jalankan(pengguna=org.u["ani"], penugasan_id=p.pk, aksi="setujui")  # rekomendasi PUO
    p = services.jalankan(pengguna=org.u["kadis_a"], penugasan_id=p.pk, aksi="setujui")
    assert p.status == "ditugaskan" and p.surat.get(jenis="penugasan").penandatangan == org.p["kadis_a"]
    assert p.transisi.get(dari_status="menunggu_ppk_tujuan").dasar_hukum.startswith(
        "Perbup Karangasem 15/2023 Pasal 14 ayat (3) huruf b")


def test_karangasem_pasal_14_ayat_4_huruf_c_d_pyb_instructs_only_a_ppk_of_the_requested_kind(db):
    org = buat_dua_instansi(profil_a="karangasem")
    ppk_b = set(selectors.ppk_diinstruksikan(org.b.pk))
    assert org.p["citra"] in ppk_b and org.p["sekda_b"] not in ppk_b  # the Sekda rates no JF/pelaksana
    p = services.buat_penunjukan_lintas_instansi(pengguna=org.u["ani"], data=data(), instansi_tujuan_id=org.b.pk)
    p = services.jalankan(pengguna=org.u["sekda_a"], penugasan_id=p.pk, aksi="setujui")
    with pytest.raises(DataTidakLengkap, match="Pejabat Penilai Kinerja"):
        services.jalankan(pengguna=org.u["sekda_b"], penugasan_id=p.pk, aksi="setujui",
                          ppk_tujuan_id=org.p["sekda_b"].pk)
    p = services.jalankan(pengguna=org.u["sekda_b"], penugasan_id=p.pk, aksi="setujui",
                          ppk_tujuan_id=org.p["citra"].pk)
    assert (p.status, p.aktor_sekarang) == ("menunggu_ketersediaan", org.p["citra"])
    # The step rests on the target instansi's regulation (Kota Beta: nasional, said so).
    assert "ketentuan nasional" in p.transisi.get(dari_status="menunggu_pyb_tujuan").dasar_hukum


def test_pejabat_dituju_jalur_follows_the_table_each_regulation_uses(db):
    mgl = buat_dua_instansi(profil_a="magelang")
    assert set(selectors.pejabat_dituju_jalur(mgl.a, "lintas_unit")) == set(selectors.pimpinan_pd(mgl.a.pk))


# --- 3. Magelang --------------------------------------------------------------------------


@pytest.fixture
def magelang(db):  # type: ignore[no-untyped-def]
    return buat_dua_instansi(dengan_madya=True, profil_a="magelang")


def test_magelang_pasal_12_ayat_2_a_puo_who_is_not_the_ppk_cannot_appoint(magelang):
    org = magelang
    assert kedudukan_pegawai(org.p["wati"]).pimpinan_unit == org.p["ani"]  # Ani leads Wati, the Kadis rates her
    with pytest.raises(BukanPegawaiPejabat, match="Wati Epidemiolog Madya tidak dinilai oleh Ani Kabid"):
        services.buat_penunjukan_dalam_unit(pengguna=org.u["ani"], data=data(), penerima=[penerima(org.p["wati"])])
    p = services.buat_penunjukan_dalam_unit(pengguna=org.u["kadis_a"], data=data(),
                                            penerima=[penerima(org.p["wati"])])
    assert p.status == "ditugaskan" and p.surat.get(jenis="penugasan").penandatangan == org.p["kadis_a"]
    assert p.transisi.get().dasar_hukum == "Perwal Magelang 25/2023 Pasal 12 ayat (2) dan ayat (4); Lampiran II huruf A angka 1"


def test_magelang_lampiran_II_A_2_b_1_each_ppk_signs_a_surat_for_his_own_pegawai(magelang):
    org = magelang
    p = services.buat_penunjukan_lintas_unit(pengguna=org.u["sekda_a"], data=data(bentuk="tim"),
                                             ppk_tujuan_id=org.p["kadis_a"].pk)
    assert not p.surat.get(jenis="permohonan_pelibatan").tembusan.exists()  # the signing PPK is not known yet
    ppk = {pg: kedudukan_pegawai(org.p[pg]).ppk for pg in ("sari", "wati", "dodi")}
    assert len(set(ppk.values())) == 3  # Ani, the Kadis, Bambang
    p = services.jalankan(pengguna=org.u["kadis_a"], penugasan_id=p.pk, aksi="setujui",
                          penerima=[penerima(org.p["sari"], 20, ketua=True), penerima(org.p["wati"], 20),
                                    penerima(org.p["dodi"], 20)])
    # Lampiran II huruf A angka 2 huruf a: the request reaches every PPK who will sign, as tembusan.
    permohonan = p.surat.get(jenis="permohonan_pelibatan")
    for x in ppk.values():
        assert Item.objects.filter(penerima=x, jenis="tembusan", surat=permohonan).exists()
    penanda = []
    while p.status == "menunggu_ppk_pegawai":
        giliran = p.aktor_sekarang
        lain = next(x for x in ppk.values() if x != giliran)
        with pytest.raises(TidakBerwenang):
            services.jalankan(pengguna=lain.akun, penugasan_id=p.pk, aksi="setujui")
        p = services.jalankan(pengguna=giliran.akun, penugasan_id=p.pk, aksi="setujui")
        penanda.append(giliran)
    assert p.status == "ditugaskan" and set(penanda) == set(ppk.values())
    surat = list(p.surat.filter(jenis="penugasan"))
    assert len(surat) == 3
    for s in surat:  # one surat per PPK, each for his own pegawai only
        assert [kedudukan_pegawai(pg).ppk for pg in s.kepada.all()] == [s.penandatangan]
    assert "Pasal 12 ayat (4)" in p.transisi.filter(dari_status="menunggu_ppk_pegawai").last().dasar_hukum


def test_magelang_pasal_11_ayat_2_no_lintas_instansi_path_and_the_reason_is_shown(magelang, client):
    org = magelang
    tutup = services.jalur_tertutup(org.p["ani"])
    assert "Pasal 11 ayat (2)" in tutup["lintas_instansi"] and "Pasal 14 ayat (1)" in tutup["lintas_instansi"]
    with pytest.raises(JalurTidakTersedia, match="Pasal 11 ayat"):
        services.buat_penunjukan_lintas_instansi(pengguna=org.u["ani"], data=data(), instansi_tujuan_id=org.b.pk)
    # Kota Beta cannot ask Magelang either.
    with pytest.raises(JalurTidakTersedia, match="tidak menerima"):
        services.buat_penunjukan_lintas_instansi(pengguna=org.u["citra"], data=data(), instansi_tujuan_id=org.a.pk)
    client.force_login(org.u["ani"])
    html = client.get("/penugasan/buat/").content.decode()
    assert 'data-tertutup="lintas_instansi"' in html and "Pasal 11 ayat (2)" in html
    r = client.get("/penugasan/buat/lintas_instansi/")
    assert r.status_code == 403 and "Pasal 11 ayat (2)" in r.content.decode()
    # Kota Beta is not offered Magelang as a target instansi.
    assert org.a not in selectors.instansi_tujuan_lintas(org.b.pk)
    client.force_login(org.u["citra"])
    html = client.get("/penugasan/buat/lintas_instansi/").content.decode()
    assert org.a.nama not in html.split('name="instansi_tujuan"')[1].split("</select>")[0]


def _tanpa_ppk(pg):  # type: ignore[no-untyped-def]
    """As after an import that left his PPK blank: the current kedudukan names none."""
    Kedudukan.objects.filter(pegawai=pg, berlaku_sampai__isnull=True).update(ppk=None)
    assert kedudukan_pegawai(pg).ppk is None


def test_magelang_pasal_12_ayat_4_a_chosen_pegawai_without_ppk_is_refused_naming_him(magelang):
    """Perwal Magelang 25/2023 Pasal 12 ayat (4): each PPK signs for his own pegawai; a pegawai with
    no PPK recorded would get no surat, so the Pimpinan PD's choice is refused with what to fix."""
    org = magelang
    p = services.buat_penunjukan_lintas_unit(pengguna=org.u["sekda_a"], data=data(bentuk="tim"),
                                             ppk_tujuan_id=org.p["kadis_a"].pk)
    _tanpa_ppk(org.p["dodi"])
    pilihan = [penerima(org.p["sari"], 20, ketua=True), penerima(org.p["dodi"], 20)]
    with pytest.raises(PpkBelumTercatat) as e:
        services.jalankan(pengguna=org.u["kadis_a"], penugasan_id=p.pk, aksi="setujui", penerima=pilihan)
    pesan = str(e.value.pesan)
    assert org.p["dodi"].nama in pesan and org.p["dodi"].nip in pesan and "BKPSDM" in pesan
    assert "Pasal 12 ayat (4)" in pesan and org.p["sari"].nama not in pesan
    p.refresh_from_db()  # nothing half-written: still waiting, no letter
    assert p.status == "menunggu_ppk_tujuan" and not p.surat.filter(jenis="jawaban").exists()
    assert not p.penerima.exists()
    # Without him the same decision goes through.
    p = services.jalankan(pengguna=org.u["kadis_a"], penugasan_id=p.pk, aksi="setujui", penerima=pilihan[:1])
    assert p.status != "menunggu_ppk_tujuan"


def test_pasuruan_lampiran_II_B_2_a_d_a_proposed_pegawai_without_ppk_is_refused(pasuruan):
    """Perbup Pasuruan 217/2023 Lampiran II.B.2.a huruf d: the PPK "bersangkutan" sets the PUO's
    proposal; a pegawai with no PPK recorded cannot be proposed."""
    org = pasuruan
    _tanpa_ppk(org.p["wati"])
    with pytest.raises(PpkBelumTercatat, match="Wati Epidemiolog Madya.*BKPSDM"):
        services.buat_penunjukan_dalam_unit(pengguna=org.u["ani"], data=data(bentuk="tim"),
                                            penerima=[penerima(org.p["sari"], ketua=True), penerima(org.p["wati"])])
    assert not services.Penugasan.objects.exists()


# --- 4. Blitar ----------------------------------------------------------------------------


@pytest.fixture
def blitar(db):  # type: ignore[no-untyped-def]
    return buat_dua_instansi(profil_a="blitar")


def test_blitar_pasal_24_ayat_2_a_ppk_who_does_not_lead_the_pegawai_does_not_appoint_directly(blitar):
    org = blitar
    # Tono rated by Ani, led by the Kepala Dinas (as after a delegation of penilaian kinerja only).
    Kedudukan.objects.filter(pegawai=org.p["tono"], berlaku_sampai__isnull=True).update(pimpinan_unit=org.p["kadis_a"])
    tono = kedudukan_pegawai(org.p["tono"])
    assert (tono.ppk, tono.pimpinan_unit) == (org.p["ani"], org.p["kadis_a"])
    with pytest.raises(BukanPegawaiPejabat, match="Pasal 24 ayat \\(2\\)"):
        services.buat_penunjukan_dalam_unit(pengguna=org.u["ani"], data=data(), penerima=[penerima(org.p["tono"])])
    assert "Pasal 24 ayat (2)" in services.jalur_tertutup(org.p["ani"])["dalam_unit"]
    p = services.buat_penunjukan_dalam_unit(pengguna=org.u["kadis_a"], data=data(), penerima=[penerima(org.p["tono"])])
    assert p.status == "ditugaskan" and p.transisi.get().dasar_hukum == "Perwal Blitar 6/2023 Pasal 24 ayat (2)"


def _blitar_sampai_kepala_daerah(org):  # type: ignore[no-untyped-def]
    p = services.buat_penunjukan_lintas_instansi(pengguna=org.u["kadis_a"], data=data(), instansi_tujuan_id=org.b.pk)
    assert p.varian == "kepala_daerah"
    p = services.jalankan(pengguna=org.u["sekda_a"], penugasan_id=p.pk, aksi="setujui")
    p = services.jalankan(pengguna=org.u["sekda_b"], penugasan_id=p.pk, aksi="setujui", ppk_tujuan_id=org.p["citra"].pk)
    p = services.jalankan(pengguna=org.u["citra"], penugasan_id=p.pk, aksi="setujui",
                          penerima=[penerima(org.p["eka"], 20)])
    p = services.jalankan(pengguna=org.u["sekda_b"], penugasan_id=p.pk, aksi="setujui")
    assert p.status == "menunggu_kepala_daerah"
    return p


def test_blitar_pasal_21_ayat_1_c_external_walikota_decision_recorded_by_the_admin(blitar):
    org = blitar
    p = _blitar_sampai_kepala_daerah(org)
    assert p.aktor_sekarang == org.p["sekda_a"]  # no Kepala Daerah set: the PyB carries his decision
    admin = Pengguna.objects.create_user(username="admin-blitar", password="x-uji-123", instansi=org.a,
                                         admin_instansi=True)
    with pytest.raises(TidakBerwenang):
        services.catat_keputusan_kepala_daerah(pengguna=org.u["kadis_a"], penugasan_id=p.pk, nomor="1",
                                               tanggal=date(2026, 1, 5))
    with pytest.raises(DataTidakLengkap):
        services.catat_keputusan_kepala_daerah(pengguna=admin, penugasan_id=p.pk, nomor="")
    p = services.catat_keputusan_kepala_daerah(pengguna=admin, penugasan_id=p.pk, nomor="188.45/12/410.010/2026",
                                               tanggal=date(2026, 1, 5))
    t = p.transisi.get(dari_status="menunggu_kepala_daerah")
    assert t.data["keputusan_kepala_daerah"]["nomor"] == "188.45/12/410.010/2026"
    assert t.dasar_hukum.startswith("Perwal Blitar 6/2023 Pasal 21 ayat (1) huruf c dan Pasal 22 huruf c")
    assert p.status == "menunggu_surat_penugasan"
    p = services.jalankan(pengguna=org.u["citra"], penugasan_id=p.pk, aksi="setujui")
    st = p.surat.get(jenis="penugasan")
    assert p.status == "ditugaskan" and "Nomor 188.45/12/410.010/2026" in " ".join(st.isi["paragraf"])


def test_blitar_the_admin_records_the_walikota_decision_on_the_page(blitar, client):
    org = blitar
    p = _blitar_sampai_kepala_daerah(org)
    admin = Pengguna.objects.create_user(username="admin-blitar3", password="x-uji-123", instansi=org.a,
                                         admin_instansi=True)
    client.force_login(admin)
    assert 'name="kepala_daerah_nip"' in client.get("/penugasan/pengaturan/").content.decode()
    html = client.get(f"/penugasan/{p.pk}/").content.decode()
    assert 'data-testid="catat-kepala-daerah"' in html and "Perwal Blitar 6/2023 Pasal 21 ayat (1) huruf c" in html
    r = client.post(f"/penugasan/{p.pk}/keputusan-kepala-daerah/",
                    {"setuju": "1", "nomor_keputusan": "188/7/2026", "tanggal_keputusan": "2026-02-01"})
    assert r.status_code == 302
    p.refresh_from_db()
    assert p.status == "menunggu_surat_penugasan"
    client.force_login(org.u["tono"])  # an ordinary pegawai cannot record it
    assert client.post(f"/penugasan/{p.pk}/keputusan-kepala-daerah/", {"setuju": "1"}).status_code in (403, 404)


def test_blitar_pasal_22_c_a_configured_kepala_daerah_decides_himself_or_refuses(blitar):
    org = blitar
    admin = Pengguna.objects.create_user(username="admin-blitar2", password="x-uji-123", instansi=org.a,
                                         admin_instansi=True)
    # Rina stands for the Walikota, set as a pegawai in Pengaturan.
    ubah_pengaturan(org.a, oleh=admin, kepala_daerah=org.p["rina"])
    org.a.refresh_from_db()
    p = _blitar_sampai_kepala_daerah(org)
    assert p.aktor_sekarang == org.a.kepala_daerah
    with pytest.raises(DataTidakLengkap):
        services.jalankan(pengguna=org.a.kepala_daerah.akun, penugasan_id=p.pk, aksi="setujui")
    p = services.jalankan(pengguna=org.a.kepala_daerah.akun, penugasan_id=p.pk, aksi="tolak",
                          alasan="Tim tidak diperlukan")
    assert p.status == "ditolak"


# --- 5. Pasuruan --------------------------------------------------------------------------


@pytest.fixture
def pasuruan(db):  # type: ignore[no-untyped-def]
    return buat_dua_instansi(dengan_madya=True, profil_a="pasuruan")


def test_pasuruan_lampiran_II_B_2_a_d_the_puo_proposes_and_the_ppk_sets(pasuruan):
    org = pasuruan
    wati = kedudukan_pegawai(org.p["wati"])
    assert (wati.ppk, wati.pimpinan_unit) == (org.p["kadis_a"], org.p["ani"])
    p = services.buat_penunjukan_dalam_unit(pengguna=org.u["ani"], data=data(bentuk="tim"),
                                            penerima=[penerima(org.p["sari"], ketua=True), penerima(org.p["wati"])])
    assert (p.varian, p.status, p.aktor_sekarang) == ("usul_puo", "menunggu_penetapan_ppk", org.p["kadis_a"])
    assert not p.surat.filter(jenis="penugasan").exists()
    with pytest.raises(TidakBerwenang):
        services.jalankan(pengguna=org.u["ani"], penugasan_id=p.pk, aksi="setujui")
    p = services.jalankan(pengguna=org.u["kadis_a"], penugasan_id=p.pk, aksi="setujui")
    assert p.status == "ditugaskan"
    t = p.transisi.get(dari_status="menunggu_penetapan_ppk")
    assert t.dasar_hukum.startswith("Perbup Pasuruan 217/2023 Lampiran II.B.2.a huruf d")
    assert t.label_aksi == "Menetapkan penugasan"
    surat = {s.penandatangan: [pg.nama for pg in s.kepada.all()] for s in p.surat.filter(jenis="penugasan")}
    assert surat == {org.p["ani"]: ["Sari Epidemiolog"], org.p["kadis_a"]: ["Wati Epidemiolog Madya"]}


def test_pasuruan_lampiran_II_B_2_a_1_a_puo_who_rates_them_assigns_at_once_and_a_ppk_may_refuse(pasuruan):
    org = pasuruan
    p = services.buat_penunjukan_dalam_unit(pengguna=org.u["ani"], data=data(), penerima=[penerima(org.p["sari"])])
    assert p.status == "ditugaskan" and p.surat.get(jenis="penugasan").penandatangan == org.p["ani"]
    p = services.buat_penunjukan_dalam_unit(pengguna=org.u["ani"], data=data(), penerima=[penerima(org.p["wati"])])
    p = services.jalankan(pengguna=org.u["kadis_a"], penugasan_id=p.pk, aksi="tolak", alasan="Sedang audit")
    assert p.status == "ditolak" and not p.surat.filter(jenis="penugasan").exists()


def test_pasuruan_the_path_card_shows_the_reading_with_both_citations(pasuruan, client):
    client.force_login(pasuruan.u["ani"])
    html = client.get("/penugasan/buat/").content.decode()
    bacaan = html.split('data-bacaan="dalam_unit"')[1].split("</p>")[0]
    assert "Pasal 10 ayat (4)" in bacaan and "Lampiran II.B.2.a huruf d" in bacaan


# --- 6. rules that vary are profile data -------------------------------------------------


@pytest.mark.parametrize(("kode", "penunjuk"), [("magelang", "ppk"), ("blitar", "puo"), ("pasuruan", "ppk_atau_puo"),
                                                ("karangasem", "ppk_atau_puo"), ("nasional", "ppk_atau_puo")])
def test_who_appoints_inside_a_unit_is_profile_data(kode, penunjuk):
    assert aturan(kode).penunjuk("dalam_unit") == penunjuk


@pytest.mark.parametrize(("kode", "kata"), [("magelang", "Pejabat Penilai Kinerja langsung menugaskan"),
                                            ("blitar", "pejabat lain mengajukan permohonan")])
def test_the_dalam_unit_card_says_who_appoints_as_the_regulation_does(db, client, kode, kata):
    org = buat_dua_instansi(profil_a=kode)
    client.force_login(org.u["kadis_a"])
    html = client.get("/penugasan/buat/").content.decode()
    assert kata in html and "Pimpinan unit organisasi (atau PPK)" not in html


def test_blitar_pasal_22_c_walikota_considers_before_blitar_pegawai_join_another_instansis_team(blitar, client):
    """Perwal Blitar 6/2023 Pasal 22 huruf c: the surat tugas that sends Blitar pegawai into a team
    across instansi is Blitar's own and rests on the Walikota's consideration, also when another
    instansi asks (the reading is in the Blitar profile's penugasan.bacaan and on the path card)."""
    org = blitar
    p = services.buat_penunjukan_lintas_instansi(pengguna=org.u["citra"], data=data(), instansi_tujuan_id=org.a.pk)
    assert p.varian == "kepala_daerah_tujuan" and p.pihak("kepala_daerah") is None
    assert p.pihak("kepala_daerah_tujuan") == org.p["sekda_a"]  # no Walikota set: the PyB carries it
    p = services.jalankan(pengguna=org.u["sekda_b"], penugasan_id=p.pk, aksi="setujui")
    p = services.jalankan(pengguna=org.u["sekda_a"], penugasan_id=p.pk, aksi="setujui", ppk_tujuan_id=org.p["ani"].pk)
    p = services.jalankan(pengguna=org.u["ani"], penugasan_id=p.pk, aksi="setujui",
                          penerima=[penerima(org.p["tono"], 20)])
    while p.status == "menunggu_rekomendasi_puo":
        p = services.jalankan(pengguna=p.aktor_sekarang.akun, penugasan_id=p.pk, aksi="setujui")
    assert p.status == "menunggu_kepala_daerah_tujuan"  # before Blitar's PyB answers
    client.force_login(org.u["sekda_a"])  # the PyB carrying the Walikota's pertimbangan sees the step
    html = client.get(f"/penugasan/{p.pk}/").content.decode()
    assert "Menunggu pertimbangan Kepala Daerah instansi dituju" in html and "Pasal 22 huruf c" in html
    admin_b = Pengguna.objects.create_user(username="admin-beta", password="x-uji-123", instansi=org.b,
                                           admin_instansi=True)
    with pytest.raises((TidakBerwenang, TransisiTidakSah, services.PenugasanError)):
        services.catat_keputusan_kepala_daerah(pengguna=admin_b, penugasan_id=p.pk, nomor="1",
                                               tanggal=date(2026, 1, 5))
    admin = Pengguna.objects.create_user(username="admin-blitar4", password="x-uji-123", instansi=org.a,
                                         admin_instansi=True)
    # The target's admin (not the requester's) gets the form to record it on the detail page.
    client.force_login(admin)
    assert f"/penugasan/{p.pk}/keputusan-kepala-daerah/" in client.get(f"/penugasan/{p.pk}/").content.decode()
    client.force_login(admin_b)
    assert f"/penugasan/{p.pk}/keputusan-kepala-daerah/" not in client.get(f"/penugasan/{p.pk}/").content.decode()
    p = services.catat_keputusan_kepala_daerah(pengguna=admin, penugasan_id=p.pk, nomor="800/5/410/2026",
                                               tanggal=date(2026, 1, 9))
    t = p.transisi.get(dari_status="menunggu_kepala_daerah_tujuan")
    assert t.dasar_hukum.startswith("Perwal Blitar 6/2023 Pasal 22 huruf c")
    assert p.status == "menunggu_pyb_tujuan_jawaban"
    p = services.jalankan(pengguna=org.u["sekda_a"], penugasan_id=p.pk, aksi="setujui")
    p = services.jalankan(pengguna=p.aktor_sekarang.akun, penugasan_id=p.pk, aksi="setujui")
    st = p.surat.get(jenis="penugasan")
    assert p.status == "ditugaskan"
    assert f"pertimbangan Kepala Daerah {org.a.nama} Nomor 800/5/410/2026" in " ".join(st.isi["paragraf"])
    # The reading, with its citations, is on the Blitar path card.
    assert "Pasal 22 huruf c" in aturan("blitar").bacaan("lintas_instansi")
    client.force_login(org.u["kadis_a"])
    html = client.get("/penugasan/buat/").content.decode()
    assert 'data-bacaan="lintas_instansi"' in html and "Pasal 21 ayat (1) huruf c" in html


def test_blitar_pasal_22_c_a_walikota_may_refuse_blitar_pegawai_for_another_instansi(blitar):
    org = blitar
    admin = Pengguna.objects.create_user(username="admin-blitar5", password="x-uji-123", instansi=org.a,
                                         admin_instansi=True)
    ubah_pengaturan(org.a, oleh=admin, kepala_daerah=org.p["rina"])
    p = services.buat_penunjukan_lintas_instansi(pengguna=org.u["citra"], data=data(), instansi_tujuan_id=org.a.pk)
    assert p.pihak("kepala_daerah_tujuan") == org.p["rina"]
    p = services.jalankan(pengguna=org.u["sekda_b"], penugasan_id=p.pk, aksi="setujui")
    p = services.jalankan(pengguna=org.u["sekda_a"], penugasan_id=p.pk, aksi="setujui", ppk_tujuan_id=org.p["ani"].pk)
    p = services.jalankan(pengguna=org.u["ani"], penugasan_id=p.pk, aksi="setujui",
                          penerima=[penerima(org.p["tono"], 20)])
    while p.status == "menunggu_rekomendasi_puo":
        p = services.jalankan(pengguna=p.aktor_sekarang.akun, penugasan_id=p.pk, aksi="setujui")
    assert p.aktor_sekarang == org.p["rina"]
    p = services.jalankan(pengguna=org.p["rina"].akun, penugasan_id=p.pk, aksi="tolak", alasan="Beban kerja Kota")
    assert p.status == "ditolak" and not p.surat.filter(jenis="penugasan").exists()


def test_blitar_both_sides_walikota_considers_then_the_requesting_walikota_decides(blitar):
    """Two Blitar-regulated instansi: Pasal 22 huruf c on the target side, Pasal 21 ayat (1) huruf c on the requesting side."""
    org = blitar
    type(org.b).objects.filter(pk=org.b.pk).update(profil="blitar")
    org.b.refresh_from_db()
    p = services.buat_penunjukan_lintas_instansi(pengguna=org.u["kadis_a"], data=data(), instansi_tujuan_id=org.b.pk)
    assert p.varian == "kepala_daerah_keduanya"
    langkah = alur.alur_dari("lintas_instansi", p.varian).langkah
    assert langkah["menunggu_penerbitan"].setujui_ke == "menunggu_kepala_daerah_tujuan"
    assert langkah["menunggu_pyb_tujuan_jawaban"].setujui_ke == "menunggu_kepala_daerah"
