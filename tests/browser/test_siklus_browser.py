"""Issue 14 scenario in a real browser (Perbup Pasuruan 217/2023 Lampiran II.D.2): the Kepala Dinas
sets a PK with a target; the Kepala Bidang splits it to a team; the ketua plans a kegiatan, the
Kepala Bidang sets the plan; a member posts progress with a file; the ketua submits the result; the
Kepala Bidang returns it with a note (a return without a note is refused); it is corrected and
accepted by the Kepala Bidang and then by the Kepala Dinas, who accepts (Lampiran II.D.2.c angka 3);
the dashboard counts change at each step."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from sikerja.siklus.models import BuktiProgres, Kegiatan, Reviu
from sikerja.siklus.tests.conftest import buat_pemda
from sikerja.timkerja import services as tim_services

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SANDI = "rahasia-uji-123"


def masuk_sebagai(page, pd, kunci: str) -> None:  # type: ignore[no-untyped-def]
    if page.locator("nav button:has-text('Keluar')").count():
        page.click("nav button:has-text('Keluar')")
        page.wait_for_url("**/masuk/**")
    login(page, pd.p[kunci].nip, SANDI)


def hitung(page, kunci: str) -> int:  # type: ignore[no-untyped-def]
    page.goto("/siklus/")
    return int(page.inner_text(f"#dasbor-pejabat [data-hitung={kunci}]"))


def aksi(page, kg_id: int, label: str, **isian: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"/siklus/kegiatan/{kg_id}/")
    form = page.locator("#aksi form", has=page.locator(f"button:has-text('{label}')"))
    for nama, nilai in isian.items():
        form.locator(f"[name={nama}]").fill(nilai)
    form.locator(f"button:has-text('{label}')").click()
    page.wait_for_load_state()


def test_pk_to_accepted_kegiatan_with_a_return(page, tmp_path):  # type: ignore[no-untyped-def]
    pd = buat_pemda("pasuruan")
    tahun = date.today().year
    tim = tim_services.bentuk_tim(
        pengguna=pd.u["ani"],
        data=tim_services.DataTim(nama="Tim DBD", unit_pemilik_id=pd.unit("P2P").id, masa_mulai=date.today(),
                                  masa_selesai=date.today() + timedelta(days=120), target=["DBD turun"],
                                  justifikasi_target="IKU", justifikasi_beban="ABK", justifikasi_kompetensi="Epi"),
        anggota=[tim_services.DataAnggota(pegawai_id=pd.p[k].id, peran="Analisis", porsi_persen=20,
                                          kompetensi_dibutuhkan=["Epidemiologi"]) for k in ("sari", "rina")],
        ketua_id=pd.p["sari"].id, alasan_asal_ketua="Epidemiolog di bidang")
    for k in ("sari", "rina"):  # TK-10: the ketua divides the roles before the kegiatan starts
        tim_services.atur_peran(pengguna=pd.u["sari"], tim_id=tim.pk, pegawai_id=pd.p[k].id, peran=f"Analisis {k}")
    # 1. The Kepala Dinas sets the PK of his Dinas with one target.
    masuk_sebagai(page, pd, "kadis")
    page.click("nav a:has-text('Siklus Kerja')")
    page.click("text=Perjanjian kinerja")
    page.click("text=Tetapkan perjanjian kinerja")
    page.fill("#arahan", "Turunkan kasus DBD di kecamatan endemis")
    page.click("button:has-text('Tetapkan')")
    assert "Perjanjian kinerja ditetapkan" in page.inner_text(".alert")
    f = page.locator("#form-target")
    f.locator("[name=indikator]").fill("Kasus DBD turun")
    f.locator("[name=nilai_target]").fill("20")
    f.locator("[name=satuan]").fill("persen")
    f.locator("[name=batas_waktu]").fill(f"{tahun}-12-31")
    f.locator("button").click()
    page.click("#tabel-target a:has-text('Kasus DBD turun')")
    b = page.locator("#form-bagi")
    b.locator("[name=tujuan]").select_option("unit")
    b.locator("[name=unit]").select_option(label="Bidang Pencegahan Penyakit")
    b.locator("[name=indikator]").fill("DBD turun di wilayah P2P")
    b.locator("[name=nilai_target]").fill("20")
    b.locator("button").click()
    assert "Target dibagi" in page.inner_text(".alert")
    # 2. The Kepala Bidang splits her target to the team.
    masuk_sebagai(page, pd, "ani")
    page.goto("/siklus/pk/")
    page.click("text=Dinas Kesehatan")
    page.click("#tabel-target a:has-text('DBD turun di wilayah P2P')")
    b = page.locator("#form-bagi")
    b.locator("[name=tujuan]").select_option("tim")
    b.locator("[name=tim]").select_option(str(tim.pk))
    b.locator("[name=indikator]").fill("Surveilans DBD mingguan")
    b.locator("[name=nilai_target]").fill("52")
    b.locator("[name=satuan]").fill("laporan")
    b.locator("button").click()
    assert "Target dibagi" in page.inner_text(".alert")
    assert hitung(page, "menunggu_reviu_saya") == 0
    # 3. The ketua plans a kegiatan; the Kepala Bidang sets the plan; the ketua starts it.
    masuk_sebagai(page, pd, "sari")
    page.goto("/siklus/pk/")
    page.click("text=Dinas Kesehatan")
    page.click("#tabel-target a:has-text('Surveilans DBD mingguan')")
    k = page.locator("#form-kegiatan")
    k.locator("[name=nama]").fill("Pemetaan kasus DBD")
    k.locator("[name=mulai]").fill(date.today().isoformat())
    k.locator("[name=selesai]").fill((date.today() + timedelta(days=14)).isoformat())
    k.locator("[name=anggaran_uraian]").fill("Transport survei")
    k.locator("[name=anggaran_jumlah]").fill("2500000")
    k.locator("button").click()
    assert "Rencana kegiatan disusun" in page.inner_text(".alert")
    kg = Kegiatan.objects.get(nama="Pemetaan kasus DBD")
    assert kg.tim_id == tim.pk
    masuk_sebagai(page, pd, "ani")
    assert hitung(page, "menunggu_reviu_saya") == 1  # the plan waits for her
    aksi(page, kg.pk, "Tetapkan rencana")
    assert hitung(page, "menunggu_reviu_saya") == 0
    masuk_sebagai(page, pd, "sari")
    aksi(page, kg.pk, "Mulai pelaksanaan")
    # 4. A member posts progress with a file.
    masuk_sebagai(page, pd, "rina")
    page.goto(f"/siklus/kegiatan/{kg.pk}/")
    bukti = tmp_path / "peta.pdf"
    bukti.write_bytes(b"%PDF-1.4 peta kasus")
    p = page.locator("#form-progres")
    p.locator("[name=persen]").fill("60")
    p.locator("[name=capaian]").fill("Separuh kecamatan terpetakan")
    p.locator("[name=berkas]").set_input_files(str(bukti))
    p.locator("button").click()
    assert "peta.pdf" in page.inner_text("#progres")
    assert BuktiProgres.objects.filter(kegiatan=kg).count() == 1
    # 5. The ketua submits the result; the Kepala Bidang returns it — first without a note (refused).
    masuk_sebagai(page, pd, "sari")
    aksi(page, kg.pk, "Ajukan hasil", keluaran="Peta kasus DBD per kecamatan")
    masuk_sebagai(page, pd, "ani")
    assert hitung(page, "menunggu_reviu_saya") == 1
    aksi(page, kg.pk, "Kembalikan")
    assert "Catatan pengembalian wajib" in page.inner_text(".alert")
    aksi(page, kg.pk, "Kembalikan", catatan="Tambahkan legenda dan sumber data")
    assert page.inner_text("#status-kegiatan") == "Dikembalikan"
    assert hitung(page, "dikembalikan") == 1
    assert hitung(page, "menunggu_reviu_saya") == 0
    # 6. Corrected and accepted at each level up to the acceptor (the Kepala Dinas).
    masuk_sebagai(page, pd, "sari")
    aksi(page, kg.pk, "Ajukan ulang", keluaran="Peta kasus dengan legenda dan sumber data")
    masuk_sebagai(page, pd, "ani")
    assert hitung(page, "menunggu_reviu_saya") == 1
    aksi(page, kg.pk, "Terima")
    assert page.inner_text("#menunggu") == "Kadis Kesehatan"
    masuk_sebagai(page, pd, "kadis")
    assert hitung(page, "menunggu_reviu_saya") == 1
    assert hitung(page, "selesai") == 0
    aksi(page, kg.pk, "Terima")
    assert page.inner_text("#status-kegiatan") == "Selesai"
    assert hitung(page, "selesai") == 1
    assert hitung(page, "menunggu_reviu_saya") == 0
    assert list(Reviu.objects.filter(kegiatan=kg).values_list("keputusan", flat=True)) == [
        "kembalikan", "terima", "terima"]
