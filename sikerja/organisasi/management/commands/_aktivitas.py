"""Work for the demo accounts, created through the apps' own services (``sikerja demo``).

An organisation without any work shows empty Penugasan, Kotak Masuk, Tim Kerja and Siklus pages,
and the load bench would measure those pages empty. After the import, :func:`buat_aktivitas`
plays a few weeks of work around the printed demo accounts, each step as the official who takes it
(his own account): the services check the actor, issue the letters (Typst), write the audit trail
and the inbox exactly as for a user. Nothing here writes a state or a row of the modules itself.

What is made, bounded (about a dozen letters, whatever the size of the instansi):

- penugasan: the kabid assigns his own pegawai inside his unit (Surat Tugas); a lintas-unit request
  driven to its surat penugasan; one waiting for the kabid's (Magelang: the kadis's) answer; one the
  addressee returned to its requester with a reason; a JF's oral volunteering waiting for his PUO
  (or PPK) — each on the path and table the profile's regulation uses;
- tim kerja: an internal team of the kabid and an antar-bidang team of the kadis, with ketua,
  members and roles divided by the ketua; a kendala waiting for the kabid's decision and a report
  he requested from the ketua; a team with the pegawai the lintas-unit request brought (TK-06),
  waiting for the Sekda where he signs such a team (Blitar);
- siklus: the kadis's PK for the year with targets, one split to the kabid's bidang, and kegiatan
  in the states a board shows: rencana, berjalan (with progress), menunggu reviu (the kabid's
  queue, and one the kabid passed on to the kadis) and selesai; last month's individual reports
  of the kabid and the kadis.

Where a profile's demo lacks the officials a part needs, the part is skipped with a note.
Lintas-instansi paths need a second instansi and are not played.

This module is the top layer (a management command's helper): it may call every app's services.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from sikerja.akun.models import Pengguna
from sikerja.galat import KesalahanPengguna
from sikerja.kedudukan.selectors import dinilai_oleh, dipimpin_oleh
from sikerja.organisasi.models import Instansi, Pegawai, UnitOrganisasi
from sikerja.penugasan import alur as alur_penugasan
from sikerja.penugasan import selectors as penugasan_selectors
from sikerja.penugasan import services as penugasan
from sikerja.penugasan.models import Penugasan
from sikerja.siklus import services as siklus
from sikerja.siklus.models import Kegiatan, PerjanjianKinerja
from sikerja.surat.models import Surat
from sikerja.timkerja import services as timkerja
from sikerja.timkerja.models import TimKerja
from sikerja.timkerja.selectors import unit_dalam

JF_PELAKSANA = ("fungsional", "pelaksana")

# The demo generator's role labels (organisasi.demo.akun_demo) -> the key used here.
PERAN = {
    "Kepala Dinas": "kadis",
    "Kepala Bidang (PPK)": "kabid",
    "Pejabat Fungsional": "jf",
    "Pengawas koordinator": "pengawas",
    "Pejabat yang Berwenang (Sekda)": "sekda",
}

# Work of a Dinas Kesehatan-like bidang; the seed picks among them.
JUDUL_PENUGASAN = (
    "Penyusunan laporan capaian Standar Pelayanan Minimal",
    "Verifikasi data sasaran program prioritas",
    "Pendampingan evaluasi akuntabilitas kinerja",
    "Penyusunan profil data sektoral",
    "Monitoring dan evaluasi pelaksanaan kegiatan lapangan",
    "Penyusunan bahan rapat koordinasi lintas sektor",
    "Pemutakhiran data informasi pelayanan publik",
    "Analisis pengaduan masyarakat triwulan berjalan",
)


@dataclass
class Hasil:
    """What the activity step made (for the one-line summary) and what it skipped, with why."""

    penugasan: Counter[str] = field(default_factory=Counter)
    tim: Counter[str] = field(default_factory=Counter)
    kegiatan: Counter[str] = field(default_factory=Counter)
    target: int = 0
    kendala: int = 0
    permintaan_laporan: int = 0
    laporan: int = 0
    surat: int = 0
    catatan: list[str] = field(default_factory=list)
    dilewati: bool = False

    def ringkasan(self) -> str:
        if self.dilewati:
            return ("Aktivitas demo tidak dibuat ulang: instansi ini sudah mempunyai penugasan, tim kerja atau "
                    "perjanjian kinerja.")
        def rinci(c: Counter[str], label: Callable[[str], str]) -> str:
            return ", ".join(f"{n} {label(s)[:1].lower()}{label(s)[1:]}" for s, n in sorted(c.items()))

        bagian = [
            f"{sum(self.penugasan.values())} penugasan ({rinci(self.penugasan, _label_penugasan)})",
            f"{sum(self.tim.values())} tim kerja ({rinci(self.tim, _label_tim)}), {self.kendala} kendala, "
            f"{self.permintaan_laporan} permintaan laporan",
            f"1 perjanjian kinerja dengan {self.target} target" if self.target else "tanpa perjanjian kinerja",
            f"{sum(self.kegiatan.values())} kegiatan ({rinci(self.kegiatan, _label_kegiatan)}), "
            f"{self.laporan} laporan individu",
            f"{self.surat} surat terbit",
        ]
        return "Aktivitas demo: " + "; ".join(bagian) + "."


def _label_penugasan(status: str) -> str:
    return str(alur_penugasan.STATUS.get(status, status))


def _label_tim(status: str) -> str:
    from sikerja.timkerja.alur import STATUS

    return STATUS.get(status, status)


def _label_kegiatan(status: str) -> str:
    from sikerja.siklus.alur import STATUS

    return STATUS.get(status, status)


class _Lewati(Exception):
    """A part the demo cannot play for this profile's organisation (a note, not an error)."""


class Aktivitas:
    def __init__(self, instansi: Instansi, akun: dict[str, Pegawai], *, seed: int) -> None:
        self.instansi = instansi
        self.akun = akun
        self.rng = random.Random(seed)
        self.hari = timezone.localdate()
        self.hasil = Hasil()
        self._pengguna: dict[int, Pengguna] = {}
        self.judul = list(JUDUL_PENUGASAN)
        self.rng.shuffle(self.judul)
        self.tim_bidang: TimKerja | None = None
        # The demo's lintas-unit request that ended with a surat penugasan: its pegawai may join a team.
        self.pelibatan: Penugasan | None = None

    # --- helpers ------------------------------------------------------------------------

    def u(self, pegawai: Pegawai) -> Pengguna:
        """The account of ``pegawai`` (every imported pegawai has one): each step is taken as him."""
        if pegawai.pk not in self._pengguna:
            self._pengguna[pegawai.pk] = Pengguna.objects.select_related("pegawai__instansi", "pegawai__unit").get(
                pegawai=pegawai)
        return self._pengguna[pegawai.pk]

    def peran(self, kunci: str) -> Pegawai:
        p = self.akun.get(kunci)
        if p is None:
            raise _Lewati(f"demo tanpa akun {kunci}")
        return p

    def staf(self, pejabat: Pegawai, *, lingkup: str = "puo") -> list[Pegawai]:
        """The JF/pelaksana (not heading a unit) ``pejabat`` leads ("puo") or rates ("dinilai"), the demo JF first."""
        qs = dipimpin_oleh(pejabat) if lingkup == "puo" else dinilai_oleh(pejabat)
        daftar = sorted(qs.filter(jenis_jabatan__in=JF_PELAKSANA, kepala_unit=False)[:20], key=lambda p: p.pk)
        jf = self.akun.get("jf")
        return sorted(daftar, key=lambda p: p != jf)

    def staf_unit(self, unit: UnitOrganisasi) -> list[Pegawai]:
        """The JF/pelaksana working in ``unit`` or below it (whoever rates them), the demo JF first."""
        qs = Pegawai.objects.filter(unit_id__in=unit_dalam(unit), jenis_jabatan__in=JF_PELAKSANA, aktif=True,
                                    kepala_unit=False)
        jf = self.akun.get("jf")
        return sorted(qs.order_by("id")[:20], key=lambda p: p != jf)

    def judul_baru(self) -> str:
        return self.judul.pop(0) if self.judul else f"Penugasan demo {self.rng.randint(100, 999)}"

    def data(self, judul: str, *, mulai: int, hari: int, bentuk: str = "individu", jumlah: int = 1) -> Any:
        return penugasan.DataPenugasan(
            judul=judul, mulai=self.hari + timedelta(days=mulai), selesai=self.hari + timedelta(days=mulai + hari),
            maksud_tujuan=f"Mendukung pencapaian target kinerja melalui {judul.lower()}",
            uraian_tugas="Mengumpulkan dan mengolah data, menyusun laporan, dan memaparkan hasilnya kepada pimpinan",
            kompetensi_dibutuhkan="analisis data, penyusunan laporan",
            target_kinerja=[f"Laporan {judul.lower()} tersusun", "Rekomendasi tindak lanjut disampaikan"],
            bentuk=bentuk, sifat="insidental", jumlah_dibutuhkan=jumlah, beban_diajukan=10)

    def bagian(self, nama: str, fn: Callable[[], None]) -> None:
        """One part in its own savepoint: a part the organisation cannot support is skipped with a note."""
        try:
            with transaction.atomic():
                fn()
        except _Lewati as e:
            self.hasil.catatan.append(f"{nama} dilewati: {e}")
        except KesalahanPengguna as e:
            # A refusal here is a bug of this module (or of a service): say so, keep the demo usable.
            self.hasil.catatan.append(f"{nama} dilewati karena ditolak layanan: {e.pesan}")

    # --- penugasan ----------------------------------------------------------------------

    def _tabel_lintas_unit(self) -> alur_penugasan.Alur:
        return alur_penugasan.alur_dari("lintas_unit", penugasan.varian_untuk(self.instansi, "lintas_unit"))

    def _pemohon_lintas_unit(self) -> Pegawai:
        """The kabid sends lintas-unit requests; where only a Pimpinan Perangkat Daerah may (Magelang
        Lampiran II huruf A angka 2 huruf a), the kadis does."""
        kabid = self.akun.get("kabid")
        if kabid is not None and not penugasan.jalur_tertutup(kabid).get("lintas_unit"):
            return kabid
        kadis = self.peran("kadis")
        if alasan := penugasan.jalur_tertutup(kadis).get("lintas_unit"):
            raise _Lewati(alasan)
        return kadis

    def _dituju(self, pemohon: Pegawai, *, kecuali: set[int]) -> list[Pegawai]:
        """Officials a lintas-unit request of ``pemohon`` may go to, outside the demo's own PD first."""
        tabel = self._tabel_lintas_unit()
        calon = list(penugasan_selectors.pejabat_dituju(self.instansi.pk, tabel.kepada, pemohon)
                     .exclude(id__in=kecuali)[:60])
        pd_sendiri = pemohon.unit.akar_pd_id or pemohon.unit_id
        calon.sort(key=lambda p: ((p.unit.akar_pd_id or p.unit_id) == pd_sendiri, p.pk))
        return [p for p in calon if self._ditawarkan(p)]

    def _ditawarkan(self, pejabat: Pegawai) -> list[Pegawai]:
        """The JF/pelaksana the addressee of a lintas-unit request may offer (penugasan's own rule)."""
        lingkup = {"ppk": "dinilai"}.get(self._tabel_lintas_unit().kepada, self._tabel_lintas_unit().kepada)
        ids = penugasan_selectors.bawahan_ids(pejabat, lingkup)
        return list(Pegawai.objects.filter(id__in=ids, jenis_jabatan__in=JF_PELAKSANA, aktif=True).order_by("id")[:5])

    def _setujui_sampai_akhir(self, p: Penugasan, *, beban: int = 15) -> Penugasan:
        """Let whoever the assignment waits for approve it, step by step (the addressee naming his
        own pegawai where the step asks for them), until the table's end."""
        for _ in range(8):
            p.refresh_from_db()
            if p.status in alur_penugasan.AKHIR:
                return p
            aktor = p.aktor_sekarang
            if aktor is None:
                raise _Lewati(f"tidak ada pejabat yang bertindak pada langkah '{p.label_status}'")
            lk = alur_penugasan.langkah(p.jalur, p.status, p.varian)
            penerima: list[penugasan.PenerimaInput] = []
            if lk is not None and lk.pilih_pegawai:
                lingkup = penugasan.lingkup_pejabat(p, aktor.pk)
                ids = penugasan_selectors.bawahan_ids(aktor, lingkup)
                pilih = Pegawai.objects.filter(id__in=ids, jenis_jabatan__in=JF_PELAKSANA, aktif=True).order_by("id")
                pilih = pilih[: (2 if p.bentuk == "tim" else 1)]
                if not pilih:
                    raise _Lewati(f"{aktor.nama} tidak mempunyai pegawai untuk ditawarkan")
                penerima = [penugasan.PenerimaInput(pegawai_id=x.pk, beban_persen=beban, ketua=(i == 0 and p.bentuk == "tim"))
                            for i, x in enumerate(pilih)]
            penugasan.jalankan(pengguna=self.u(aktor), penugasan_id=p.pk, aksi="setujui", penerima=penerima,
                               alasan="Disetujui; pegawai tersedia sesuai kompetensi yang diminta.")
        p.refresh_from_db()
        return p

    def penugasan(self) -> None:
        kabid = self.peran("kabid")
        lingkup = penugasan.lingkup_penunjuk(self.instansi)
        # 1. The kabid assigns his own pegawai inside his unit: a Surat Tugas at once (or, under Pasuruan's
        # reading, a proposal their PPK sets — also something to act on).
        if alasan := penugasan.jalur_tertutup(kabid).get("dalam_unit"):
            self.hasil.catatan.append(f"penunjukan dalam unit dilewati: {alasan}")
        else:
            staf = self.staf(kabid, lingkup="dinilai" if lingkup == "dinilai" else "puo")[:2]
            if not staf:
                self.hasil.catatan.append("penunjukan dalam unit dilewati: kabid tidak memimpin pegawai")
            else:
                bentuk = "tim" if len(staf) > 1 else "individu"
                penugasan.buat_penunjukan_dalam_unit(
                    pengguna=self.u(kabid), data=self.data(self.judul_baru(), mulai=-14, hari=75, bentuk=bentuk,
                                                           jumlah=len(staf)),
                    penerima=[penugasan.PenerimaInput(pegawai_id=x.pk, beban_persen=20, ketua=(i == 0 and bentuk == "tim"))
                              for i, x in enumerate(staf)])
        pemohon = self._pemohon_lintas_unit()
        demo = {p.pk for p in self.akun.values()}
        # 2. A request to the kabid (Magelang: to the kadis, the Pimpinan PD) from another PD, waiting for him.
        tabel = self._tabel_lintas_unit()
        penerima_permohonan = [p for p in (self.akun.get("kabid"), self.akun.get("kadis")) if p is not None]
        pd_demo = {x.unit.akar_pd_id or x.unit_id for x in penerima_permohonan}
        pemohon_luar = [p for p in penugasan_selectors.pimpinan_pd(self.instansi.pk)
                        if (p.unit.akar_pd_id or p.unit_id) not in pd_demo and p.pk not in demo
                        and p.unit.jenis != "sekretariat_daerah"][:20]
        if not pemohon_luar:
            self.hasil.catatan.append("permohonan kepada akun demo dilewati: tidak ada Perangkat Daerah lain")
        else:
            luar = self.rng.choice(pemohon_luar)
            dituju_ok = penugasan_selectors.pejabat_dituju(self.instansi.pk, tabel.kepada, luar)
            dituju = next((p for p in penerima_permohonan if dituju_ok.filter(id=p.pk).exists()), None)
            if dituju is None:
                self.hasil.catatan.append("permohonan kepada akun demo dilewati: kabid/kadis tidak dapat dituju")
            else:
                penugasan.buat_penunjukan_lintas_unit(
                    pengguna=self.u(luar), data=self.data(self.judul_baru(), mulai=7, hari=60), ppk_tujuan_id=dituju.pk)
        # 3. The demo's own request, answered with the pegawai and a surat penugasan (active).
        calon = self._dituju(pemohon, kecuali=demo)
        if not calon:
            raise _Lewati("tidak ada pejabat lain yang dapat dituju permohonan lintas unit")
        d1 = calon[0]
        p = penugasan.buat_penunjukan_lintas_unit(
            pengguna=self.u(pemohon), data=self.data(self.judul_baru(), mulai=-7, hari=90, bentuk="tim", jumlah=2),
            ppk_tujuan_id=d1.pk)
        p = self._setujui_sampai_akhir(p)
        if p.status != alur_penugasan.DITUGASKAN:
            self.hasil.catatan.append(f"permohonan lintas unit berhenti pada '{p.label_status}'")
        else:
            self.pelibatan = p
        # 4. Another request of the demo, returned by its addressee with a reason (the requester corrects it).
        d2 = calon[1] if len(calon) > 1 else d1
        p = penugasan.buat_penunjukan_lintas_unit(
            pengguna=self.u(pemohon), data=self.data(self.judul_baru(), mulai=10, hari=45), ppk_tujuan_id=d2.pk)
        penugasan.jalankan(pengguna=self.u(d2), penugasan_id=p.pk, aksi="kembalikan",
                           alasan="Mohon lengkapi jumlah jam kerja per minggu dan lokasi pelaksanaan tugas; "
                                  "kompetensi yang dibutuhkan agar dirinci.")

    def sukarela(self) -> None:
        """A JF tells his PUO (Magelang: his PPK) he volunteers; the official records nothing yet."""
        jf = self.peran("jf")
        if alasan := penugasan.jalur_tertutup(jf).get("sukarela_dalam_unit"):
            raise _Lewati(alasan)
        d = self.data("Pendampingan penyusunan inovasi pelayanan", mulai=14, hari=30)
        d.beban_diajukan = 10
        penugasan.buat_pengajuan_sukarela(pengguna=self.u(jf), data=d)
        # The pengawas gets one too, from a pegawai he leads (an item in his own inbox).
        pengawas = self.akun.get("pengawas")
        staf = [p for p in self.staf(pengawas) if p != jf][:1] if pengawas is not None else []
        if staf:
            d = self.data("Pengolahan data capaian kinerja triwulanan", mulai=10, hari=40)
            try:
                with transaction.atomic():
                    penugasan.buat_pengajuan_sukarela(pengguna=self.u(staf[0]), data=d)
            except KesalahanPengguna as e:
                self.hasil.catatan.append(f"pengajuan sukarela kepada pengawas dilewati: {e.pesan}")

    # --- tim kerja ----------------------------------------------------------------------

    def _bentuk_tim(self, pembentuk: Pegawai, unit: UnitOrganisasi, nama: str, anggota: list[Pegawai],
                    ketua: Pegawai, target: str, dasar: dict[int, int] | None = None) -> TimKerja:
        peran = ["Mengumpulkan dan memvalidasi data", "Menyusun analisis dan rekomendasi",
                 "Menyusun laporan dan bahan paparan", "Mengelola administrasi dan dokumentasi"]
        data = timkerja.DataTim(
            nama=nama, unit_pemilik_id=unit.pk, masa_mulai=self.hari - timedelta(days=21),
            masa_selesai=self.hari + timedelta(days=100), target=[target],
            tujuan=f"Mencapai target: {target.lower()}", justifikasi_target=f"Target kinerja {unit.nama}",
            justifikasi_beban="Beban kerja anggota di bawah ambang setelah penugasan ini",
            justifikasi_kompetensi="Anggota dipilih sesuai kompetensi analisis data dan pelaporan")
        tim = timkerja.bentuk_tim(
            pengguna=self.u(pembentuk), data=data, ketua_id=ketua.pk,
            anggota=[timkerja.DataAnggota(pegawai_id=x.pk, kompetensi_dibutuhkan=["Analisis data"], porsi_persen=15,
                                          penugasan_id=(dasar or {}).get(x.pk))
                     for x in anggota])
        tim.refresh_from_db()
        if tim.status == "aktif" and tim.koordinator is not None:
            # TK-10: the ketua divides the roles (a kegiatan of the team cannot start before).
            for i, x in enumerate(timkerja.tanpa_peran(tim)):
                timkerja.atur_peran(pengguna=self.u(tim.koordinator), tim_id=tim.pk, pegawai_id=x.pegawai_id,
                                    peran=peran[i % len(peran)])
        return tim

    def tim_kerja(self) -> None:
        kabid = self.peran("kabid")
        staf = self.staf_unit(kabid.unit)
        if not staf:
            raise _Lewati("unit kabid tidak mempunyai pejabat fungsional/pelaksana")
        ketua = next((p for p in staf if p.jenis_jabatan == "fungsional"), staf[0])
        tim = self._bentuk_tim(kabid, kabid.unit, f"Tim Percepatan Capaian {kabid.unit.nama}"[:200], staf[:4], ketua,
                               "Capaian indikator kinerja bidang 100% pada akhir tahun")
        self.tim_bidang = tim
        if tim.status == "aktif":
            # Something for the kabid to decide, and a report he asked the ketua for.
            timkerja.ajukan_kendala(
                pengguna=self.u(tim.koordinator), tim_id=tim.pk, judul="Data dasar dari puskesmas belum lengkap",
                uraian="Tiga sumber data belum mengirim rekapitulasi bulan lalu, sehingga analisis tertunda.",
                alternatif=["Surat permintaan data kepada kepala unit sumber data",
                            "Menggunakan data triwulan sebelumnya sebagai proksi"])
            self.hasil.kendala += 1
            timkerja.minta_laporan(pengguna=self.u(kabid), tim_id=tim.pk, sasaran_id=tim.koordinator.pk,
                                   batas_waktu=self.hari + timedelta(days=7),
                                   lingkup="Perkembangan pengumpulan data dan kendala yang dihadapi")
            self.hasil.permintaan_laporan += 1
        # The kadis's team across his bidang/units (antar bidang).
        kadis = self.akun.get("kadis")
        if kadis is None or not kadis.kepala_unit:
            self.hasil.catatan.append("tim kerja antar bidang dilewati: demo tanpa kepala dinas")
            return
        lain = [p for p in Pegawai.objects.filter(
                    unit_id__in=unit_dalam(kadis.unit), jenis_jabatan__in=JF_PELAKSANA, aktif=True)
                .exclude(unit_id__in=unit_dalam(kabid.unit)).order_by("id")[:40]]
        if not lain:
            self.hasil.catatan.append("tim kerja antar bidang dilewati: dinas hanya mempunyai satu bidang")
            return
        anggota = [*staf[-1:], *self.rng.sample(lain, min(2, len(lain)))]
        ketua2 = next((p for p in anggota if p.jenis_jabatan == "fungsional"), anggota[0])
        self._bentuk_tim(kadis, kadis.unit, f"Tim Terpadu Layanan {kadis.unit.nama}"[:200], anggota, ketua2,
                         "Waktu layanan terpadu turun 20% dibanding tahun lalu")

    def tim_lintas_unit(self) -> None:
        """A team with the pegawai the demo's lintas-unit request brought (TK-06: through its surat
        penugasan). Its pola crosses units; where the profile has another official sign the founding
        instrument (Blitar: the Sekretaris Daerah for a team across Perangkat Daerah) it waits for him."""
        p = self.pelibatan
        if p is None or p.pemohon is None:
            raise _Lewati("tidak ada permohonan lintas unit yang berakhir dengan surat penugasan")
        pembentuk = p.pemohon
        luar = [r.pegawai for r in p.penerima.select_related("pegawai__unit")]
        staf = [x for x in self.staf_unit(pembentuk.unit) if x not in luar]
        if not staf or not luar:
            raise _Lewati(f"unit {pembentuk.unit.nama} tidak mempunyai pejabat fungsional/pelaksana")
        ketua = staf[-1]
        self._bentuk_tim(pembentuk, pembentuk.unit, f"Tim Kolaborasi {p.judul}"[:200], [ketua, *luar], ketua,
                         "Rekomendasi tindak lanjut lintas unit disepakati pada triwulan ini",
                         dasar={x.pk: p.pk for x in luar})

    # --- siklus -------------------------------------------------------------------------

    def siklus(self) -> None:
        kadis, kabid = self.peran("kadis"), self.peran("kabid")
        tahun = self.hari.year
        akhir = date(tahun, 12, 31)
        pk = siklus.buat_pk(pengguna=self.u(kadis), unit_id=kadis.unit_id, tahun=tahun,
                            dasar="Rencana Strategis dan Rencana Kerja Perangkat Daerah",
                            arahan="Fokus pada indikator pelayanan dasar dan penurunan angka kesakitan")
        target = [
            siklus.tambah_target(pengguna=self.u(kadis), pk_id=pk.pk, data=siklus.DataTarget(
                indikator=ind, nilai_target=nilai, satuan=satuan, batas_waktu=akhir, sasaran=sasaran))
            for ind, nilai, satuan, sasaran in (
                ("Persentase layanan sesuai Standar Pelayanan Minimal", 95, "persen", "Meningkatnya mutu layanan"),
                ("Jumlah dokumen evaluasi kinerja program tersusun", 4, "dokumen", "Meningkatnya akuntabilitas"),
                ("Indeks kepuasan masyarakat", 85, "indeks", "Meningkatnya kepuasan masyarakat"),
            )
        ]
        self.hasil.target = len(target)
        # The first target is split down to the kabid's bidang: its kegiatan are his to plan and review.
        bidang = siklus.bagi_target(pengguna=self.u(kadis), target_id=target[0].pk, unit_id=kabid.unit_id,
                                    data=siklus.DataTarget(
                                        indikator=f"Layanan {kabid.unit.nama} sesuai standar", nilai_target=95,
                                        satuan="persen", batas_waktu=akhir,
                                        arahan="Prioritaskan layanan dengan capaian terendah tahun lalu"))
        siklus.tetapkan_strategi(pengguna=self.u(kabid), target_id=bidang.pk, mode="individu",
                                 catatan="Dikerjakan perorangan, dengan satu tim untuk percepatan")
        staf = self.staf_unit(kabid.unit)
        if not staf:
            raise _Lewati("unit kabid tidak mempunyai pejabat fungsional/pelaksana")

        def pelaksana(i: int) -> Pegawai:
            return staf[i % len(staf)]

        def kegiatan(nama: str, peg: Pegawai | None, mulai: int, hari: int, tim: TimKerja | None = None) -> Kegiatan:
            return siklus.buat_kegiatan(pengguna=self.u(kabid), target_id=bidang.pk, data=siklus.DataKegiatan(
                nama=nama, mulai=self.hari + timedelta(days=mulai), selesai=self.hari + timedelta(days=mulai + hari),
                uraian=f"{nama} untuk target {bidang.indikator.lower()}", pelaksana_id=peg.pk if peg else None,
                tim_id=tim.pk if tim else None, anggaran=[("Rapat koordinasi", "2500000")]))

        def aktor(kg: Kegiatan) -> Pegawai:
            """Whom the kegiatan waits for (the table's role resolved on its chain)."""
            if kg.aktor_sekarang is None:
                raise _Lewati(f"kegiatan '{kg.nama}' tanpa pejabat pada langkah {kg.label_status}")
            return kg.aktor_sekarang  # type: ignore[no-any-return]

        def langkah(kg: Kegiatan, fn: Callable[..., Any], **kw: Any) -> Kegiatan:
            kg.refresh_from_db()
            fn(pengguna=self.u(aktor(kg)), kegiatan_id=kg.pk, **kw)
            kg.refresh_from_db()
            return kg

        def berjalan(kg: Kegiatan, progres: tuple[int, ...]) -> Kegiatan:
            kg = langkah(kg, siklus.tetapkan_rencana)
            kg = langkah(kg, siklus.mulai_pelaksanaan)
            pelapor = self.u(aktor(kg))
            for i, persen in enumerate(progres):
                siklus.lapor_progres(pengguna=pelapor, kegiatan_id=kg.pk, persen=persen,
                                     tanggal=self.hari - timedelta(days=7 * (len(progres) - i)),
                                     capaian=f"Progres {persen}%: data terkumpul dan diolah sesuai jadwal")
            return kg

        # Rencana: waits for the kabid to set the plan.
        kegiatan("Penyusunan rencana aksi peningkatan mutu layanan", pelaksana(1), 7, 60)
        # Berjalan, with progress entries.
        berjalan(kegiatan("Pengumpulan data capaian layanan semester", pelaksana(0), -30, 60), (20, 45))
        # Menunggu reviu: the result waits in the kabid's review queue.
        kg = berjalan(kegiatan("Analisis kesenjangan capaian layanan", pelaksana(2), -45, 40), (50, 100))
        langkah(kg, siklus.ajukan_hasil, keluaran="Dokumen analisis kesenjangan capaian layanan (final)")
        # Accepted by the first reviewer, waiting for the next (the kadis) where the chain has one.
        kg = berjalan(kegiatan("Evaluasi kepatuhan standar operasional", pelaksana(1), -40, 35), (70, 100))
        kg = langkah(kg, siklus.ajukan_hasil, keluaran="Laporan evaluasi kepatuhan standar operasional")
        if len(kg.rantai) > 1:
            langkah(kg, siklus.terima, catatan="Sesuai target; diteruskan kepada pimpinan.")
        # Selesai: accepted up the whole review chain.
        kg = berjalan(kegiatan("Penyusunan laporan evaluasi triwulan", pelaksana(3), -60, 30), (60, 100))
        kg = langkah(kg, siklus.ajukan_hasil, keluaran="Laporan evaluasi triwulan")
        for _ in range(len(kg.rantai) + 1):
            if kg.status != "dalam_reviu":
                break
            kg = langkah(kg, siklus.terima, catatan="Hasil sesuai target; diterima.")
        # The team's own kegiatan, running (its ketua reports).
        tim = self.tim_bidang
        if tim is not None and tim.status == "aktif":
            berjalan(kegiatan("Percepatan validasi data layanan", None, -14, 45, tim=tim), (30,))

    def laporan(self) -> None:
        """Last month's individual reports (KINERJA §2.6): the kabid's, and the kadis's to his own
        superior (the Sekda in most profiles), each in the receiver's inbox."""
        akhir = self.hari.replace(day=1) - timedelta(days=1)
        for kunci in ("kabid", "kadis"):
            pelapor = self.akun.get(kunci)
            if pelapor is None or siklus.penerima_laporan(pelapor) is None:
                continue
            siklus.kirim_laporan_individu(
                pengguna=self.u(pelapor), periode_mulai=akhir.replace(day=1), periode_selesai=akhir,
                capaian="Target bulanan tercapai; dua kegiatan berjalan sesuai jadwal",
                kendala="Keterlambatan data dari unit pelaksana teknis",
                rencana_berikut="Menyelesaikan reviu hasil kegiatan dan evaluasi triwulan")
            self.hasil.laporan += 1

    # --- all ----------------------------------------------------------------------------

    def jalankan(self) -> Hasil:
        surat_awal = Surat.objects.filter(instansi=self.instansi).count()
        self.bagian("penugasan", self.penugasan)
        self.bagian("pengajuan sukarela", self.sukarela)
        self.bagian("tim kerja", self.tim_kerja)
        self.bagian("tim kerja lintas unit", self.tim_lintas_unit)
        self.bagian("siklus kerja", self.siklus)
        self.bagian("laporan individu", self.laporan)
        h = self.hasil
        h.penugasan = Counter(Penugasan.objects.filter(instansi=self.instansi).values_list("status", flat=True))
        h.tim = Counter(TimKerja.objects.filter(instansi=self.instansi, jenis="tim_kerja")
                        .values_list("status", flat=True))
        h.kegiatan = Counter(Kegiatan.objects.filter(instansi=self.instansi).values_list("status", flat=True))
        h.surat = Surat.objects.filter(instansi=self.instansi).count() - surat_awal
        return h


def buat_aktivitas(instansi: Instansi, akun_demo: list[dict[str, Any]], *, seed: int) -> Hasil:
    """Play the demo's work around its accounts (``akun_demo``: the generator's ``peran``/``nip`` rows)."""
    if (Penugasan.objects.filter(instansi=instansi).exists()
            or TimKerja.objects.filter(instansi=instansi, jenis="tim_kerja").exists()
            or PerjanjianKinerja.objects.filter(instansi=instansi).exists()):
        # A demo built again over itself (make demo twice): its work is already there.
        return Hasil(dilewati=True)
    nip = {a["nip"]: PERAN[a["peran"]] for a in akun_demo if a.get("peran") in PERAN and a.get("nip")}
    akun = {nip[p.nip]: p for p in Pegawai.objects.filter(instansi=instansi, nip__in=nip).select_related("unit")}
    with transaction.atomic():
        return Aktivitas(instansi, akun, seed=seed).jalankan()
