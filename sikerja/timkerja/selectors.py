"""Reading tim kerja: placements for the rules, who may see a team, workload, candidates.

Hot paths (the unit workload page) run a fixed number of queries whatever the
size of the unit: aggregates are computed by the database, and the table shows
one page of pegawai at a time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from sikerja.kedudukan.models import Kedudukan
from sikerja.kueri import KueriSiap
from sikerja.organisasi.models import Kompetensi, Pegawai, UnitOrganisasi
from sikerja.penugasan.models import Penerima

from .alur import AKHIR, BERJALAN
from .aturan import Tempat
from .models import (
    AnggotaTim,
    KapasitasPegawai,
    Kendala,
    LaporanTim,
    PejabatPengganti,
    PermintaanLaporan,
    RiwayatKetua,
    TimKerja,
)

# --- placements -------------------------------------------------------------------


def _leluhur(unit: UnitOrganisasi) -> list[UnitOrganisasi]:
    rantai = [unit]
    seen = {unit.id}
    while rantai[-1].induk_id and rantai[-1].induk_id not in seen:
        induk = UnitOrganisasi.objects.only("id", "induk_id", "level", "akar_pd_id", "instansi_id").get(
            pk=rantai[-1].induk_id)
        seen.add(induk.id)
        rantai.append(induk)
    return rantai


def tempat_unit(unit: UnitOrganisasi, jenis_jabatan: str = "") -> Tempat:
    rantai = _leluhur(unit)
    bidang = next((u.id for u in rantai if u.level == 2), unit.id)
    return Tempat(instansi=unit.instansi_id, pd=unit.akar_pd_id or rantai[-1].id, bidang=bidang, unit=unit.id,
                  leluhur=frozenset(u.id for u in rantai), jenis_jabatan=jenis_jabatan)


def tempat_pegawai(p: Pegawai) -> Tempat:
    return tempat_unit(p.unit, p.jenis_jabatan)


_unit_pd: KueriSiap[dict[str, Any]] = KueriSiap(lambda instansi_id, akar_pd_id: (
    UnitOrganisasi.objects.filter(instansi_id=instansi_id, akar_pd_id=akar_pd_id).values("id", "induk_id")))


def unit_dalam(unit: UnitOrganisasi) -> list[int]:
    """The unit and every unit below it (ids): one query for the units of its Perangkat Daerah, the
    subtree taken in memory, so the cost does not depend on the depth of the tree."""
    anak: dict[int, list[int]] = {}
    for r in _unit_pd(instansi_id=unit.instansi_id, akar_pd_id=unit.akar_pd_id or unit.id):
        if r["induk_id"] is not None:
            anak.setdefault(r["induk_id"], []).append(r["id"])
    hasil, i = [unit.id], 0
    while i < len(hasil):
        hasil.extend(anak.get(hasil[i], ()))
        i += 1
    return hasil


# --- Plt / Plh (pejabat pengganti) ---------------------------------------------------


def _hari(hari: date | None) -> date:
    from django.utils import timezone

    return hari or timezone.localdate()


def pengganti_berlaku(hari: date | None = None) -> QuerySet[PejabatPengganti]:
    """Plt/Plh records holding on ``hari`` (today): not ended, period covering the day."""
    return _pengganti_pada(_hari(hari))


def _pengganti_pada(hari: date) -> QuerySet[PejabatPengganti]:
    return PejabatPengganti.objects.filter(aktif=True, mulai__lte=hari, selesai__gte=hari, pegawai__aktif=True)


# Who heads a unit is asked on most pages of the work modules: prepared once (sikerja.kueri).
_kepala_unit: KueriSiap[Pegawai] = KueriSiap(lambda unit_ids: (
    Pegawai.objects.filter(unit_id__in=unit_ids, kepala_unit=True, aktif=True)))
_pengganti_unit_unit: KueriSiap[PejabatPengganti] = KueriSiap(lambda unit_ids, hari: (
    _pengganti_pada(hari).filter(unit_id__in=unit_ids).select_related("pegawai").order_by("mulai", "id")))


def pejabat_unit(unit_ids: list[int], hari: date | None = None) -> dict[int, Pegawai]:
    """Who holds the head post of each unit on ``hari``: the Plt/Plh while one holds (the holder is
    absent or the post vacant), else the definitive head; a vacant post without one is left out.
    Two queries whatever the number of units."""
    hasil = {p.unit_id: p for p in _kepala_unit(unit_ids=list(unit_ids))}
    for x in _pengganti_unit_unit(unit_ids=list(unit_ids), hari=_hari(hari)):
        p = x.pegawai
        p.sebagai = x.singkatan  # type: ignore[attr-defined]
        hasil[x.unit_id] = p
    return hasil


def unit_dijabat(p: Pegawai, hari: date | None = None) -> list[int]:
    """Units whose head post ``p`` holds as Plt/Plh on ``hari`` (``pengganti_berlaku`` for one pegawai:
    his own ``aktif`` read from the row at hand rather than through a join)."""
    if not p.aktif:
        return []
    return [r["unit_id"] for r in _unit_dijabat(pegawai_id=p.pk, hari=_hari(hari))]


# Asked on most pages of a head (his posts held as Plt/Plh): prepared once (sikerja.kueri).
_unit_dijabat: KueriSiap[dict[str, Any]] = KueriSiap(lambda pegawai_id, hari: (
    PejabatPengganti.objects.filter(pegawai_id=pegawai_id, aktif=True, mulai__lte=hari, selesai__gte=hari)
    .values("unit_id")))


def pengganti_untuk(p: Pegawai | None, hari: date | None = None) -> Pegawai | None:
    """The Plt/Plh acting for ``p``'s post on ``hari`` (``p`` when none; the latest to begin when
    several hold): a decision waiting for a head who is away is taken by whoever holds his post."""
    if p is None or not p.kepala_unit:
        return p
    # Ordered by start: the last holds the post (what pejabat_unit reads too).
    rows = _pengganti_unit_unit(unit_ids=[p.unit_id], hari=_hari(hari))
    return rows[-1].pegawai if rows else p


def unit_dipimpin(p: Pegawai) -> list[int]:
    """The units ``p`` leads: below the unit he heads and below any post he holds as Plt/Plh."""
    hasil = unit_dalam(p.unit) if p.kepala_unit else []
    for uid in unit_dijabat(p):
        if uid not in hasil:
            hasil += unit_dalam(UnitOrganisasi.objects.get(pk=uid))
    return list(dict.fromkeys(hasil))


def memimpin(pejabat: Pegawai, unit: UnitOrganisasi) -> bool:
    """``pejabat`` heads ``unit`` or a unit above it (also as Plt/Plh), or is PUO of pegawai placed in it."""
    leluhur = {u.id for u in _leluhur(unit)}
    if pejabat.kepala_unit and pejabat.unit_id in leluhur:
        return True
    if leluhur & set(unit_dijabat(pejabat)):
        return True
    return Kedudukan.objects.filter(pimpinan_unit=pejabat, berlaku_sampai__isnull=True,
                                    pegawai__unit=unit).exists()


def puo_pemilik(tim: TimKerja) -> Pegawai | None:
    """The PUO of the unit pemilik kinerja: whoever holds its head post (the Plt/Plh while one holds),
    else the PUO of its pegawai, else the pembentuk."""
    kepala = pejabat_unit([tim.unit_pemilik_id]).get(tim.unit_pemilik_id)
    if kepala is not None:
        return kepala
    k = Kedudukan.objects.filter(berlaku_sampai__isnull=True, pegawai__unit_id=tim.unit_pemilik_id,
                                 pimpinan_unit__isnull=False).select_related("pimpinan_unit").first()
    return k.pimpinan_unit if k else tim.pembentuk


def kedudukan_berlaku(pegawai_ids: list[int]) -> dict[int, Kedudukan]:
    """The current kedudukan of several pegawai in one query (home PPK/PUO of new members, M-7)."""
    return {k.pegawai_id: k for k in Kedudukan.objects.filter(pegawai_id__in=pegawai_ids, berlaku_sampai__isnull=True)
            .select_related("ppk", "pimpinan_unit")}


def adalah_koordinator(p: Pegawai) -> bool:
    return p.jenis_jabatan == "pengawas" and Kedudukan.objects.filter(
        koordinator=p, berlaku_sampai__isnull=True).exists()


# --- visibility -------------------------------------------------------------------


def tim_terlihat(pengguna: Any) -> QuerySet[TimKerja]:
    """Teams a user may see: HR/inspectorate/admin see all of the instansi; a pegawai sees the teams
    of units he leads, those he formed, signs, leads or belongs to (also of another instansi)."""
    lingkup = _lingkup_tim(pengguna)
    return TimKerja.objects.none() if lingkup is None else _tim_terlihat(**lingkup)


def _lingkup_tim(pengguna: Any) -> dict[str, Any] | None:
    """The values of ``tim_terlihat``'s rule for ``pengguna``, as ``_tim_terlihat`` and the prepared
    reads take them; ``None`` when he may see no team."""
    if pengguna.lintas_unit:
        return {"instansi_id": pengguna.instansi_id, "pid": None, "units": None, "lintas": True}
    p = pengguna.pegawai
    if p is None:
        return None
    return {"instansi_id": None, "pid": p.pk, "units": unit_dipimpin(p), "lintas": False}


def _tim_terlihat(instansi_id: int | None, pid: int | None, units: list[int] | None, lintas: bool) -> QuerySet[TimKerja]:
    """``tim_terlihat`` built without reading the database (``units``: ``unit_dipimpin``)."""
    if lintas:
        return TimKerja.objects.filter(Q(instansi_id=instansi_id) | Q(anggota__instansi_asal_id=instansi_id)).distinct()
    syarat = (Q(pembentuk_id=pid) | Q(penandatangan_id=pid) | Q(ketua_id=pid) | Q(titik_koordinasi_id=pid)
              | Q(anggota__pegawai_id=pid) | Q(anggota__ppk_asal_id=pid) | Q(anggota__puo_asal_id=pid))
    if units:
        syarat |= Q(unit_pemilik_id__in=units)
    return TimKerja.objects.filter(syarat).distinct()


# Whether a user may open a team page he is not an official of; prepared once (sikerja.kueri).
_tim_terlihat_satu: KueriSiap[dict[str, Any]] = KueriSiap(lambda instansi_id, pid, units, lintas, tim_id: (
    _tim_terlihat(instansi_id, pid, units, lintas).filter(pk=tim_id).values("id")[:1]), tetap=("lintas",))


def boleh_lihat_tim(pengguna: Any, tim_id: int) -> bool:
    """``tim_terlihat(pengguna).filter(pk=tim_id).exists()``, prepared."""
    lingkup = _lingkup_tim(pengguna)
    return lingkup is not None and bool(_tim_terlihat_satu(**lingkup, tim_id=tim_id))


# The open teams a user may pick on a board or timeline (id and name): prepared once (sikerja.kueri).
_tim_pilihan: KueriSiap[dict[str, Any]] = KueriSiap(lambda instansi_id, pid, units, lintas: (
    _tim_terlihat(instansi_id, pid, units, lintas).exclude(status__in=sorted(AKHIR)).order_by("nama", "id")
    .values("id", "nama")[:200]), tetap=("lintas",))


def tim_pilihan(pengguna: Any) -> list[dict[str, Any]]:
    """``tim_terlihat(pengguna)`` not ended, by name (at most 200), as ``{"id", "nama"}``."""
    lingkup = _lingkup_tim(pengguna)
    return [] if lingkup is None else _tim_pilihan(**lingkup)


def tim_saya(p: Pegawai) -> QuerySet[AnggotaTim]:
    return (AnggotaTim.objects.filter(pegawai=p, status="aktif").exclude(tim__status__in=AKHIR)
            .select_related("tim__unit_pemilik", "tim__ketua").order_by("tim__masa_selesai"))


# --- workload ---------------------------------------------------------------------


@dataclass
class Beban:
    tim: int
    penugasan: int
    kapasitas: int

    @property
    def total(self) -> int:
        return self.tim + self.penugasan

    @property
    def persen(self) -> int:
        return round(100 * self.total / self.kapasitas) if self.kapasitas else 0


def _bukan_dasar_keanggotaan() -> Exists:
    """An assignment that brought the pegawai into a team is that team's work: counted once, as the
    membership's share, not again as an assignment."""
    return Exists(AnggotaTim.objects.filter(pegawai_id=OuterRef("pegawai_id"), dasar_penugasan_id=OuterRef("penugasan_id"),
                                            status="aktif"))


def _tim_berjalan(mulai: date, selesai: date) -> Q:
    return Q(status="aktif", tim__status__in=BERJALAN, mulai__lte=selesai, selesai__gte=mulai)


def _bangun_beban(pegawai_ids: list[int], mulai: date, selesai: date, kecuali_tim: int, dari: date) -> QuerySet[Any]:
    def jumlah(qs: QuerySet[Any], kolom: str) -> Subquery:
        return Subquery(qs.filter(pegawai_id=OuterRef("pk")).order_by().values("pegawai_id")
                        .annotate(t=Sum(kolom)).values("t")[:1])

    tim = AnggotaTim.objects.filter(_tim_berjalan(mulai, selesai)).exclude(tim_id=kecuali_tim)
    # An assignment whose period is over shows as Selesai and weighs no more (issue 9 point 9).
    tugas = Penerima.objects.filter(penugasan__status="ditugaskan", penugasan__mulai__lte=selesai,
                                    penugasan__selesai__gte=dari).filter(~_bukan_dasar_keanggotaan())
    kap = KapasitasPegawai.objects.filter(pegawai_id=OuterRef("pk")).values("kapasitas_persen")[:1]
    return Pegawai.objects.filter(id__in=pegawai_ids).order_by().annotate(
        t=jumlah(tim, "porsi_persen"), p=jumlah(tugas, "beban_persen"), k=Subquery(kap)).values("id", "t", "p", "k")


# Prepared once (sikerja.kueri): three subqueries cost 1.8 ms to compile on every team page.
_beban: KueriSiap[dict[str, Any]] = KueriSiap(_bangun_beban)


def beban_pegawai(pegawai_ids: list[int], mulai: date, selesai: date, *, kapasitas_bawaan: int,
                  kecuali_tim: int | None = None) -> dict[int, Beban]:
    """Each pegawai's concurrent team shares and assignment efforts overlapping the period (M-5), and his
    capacity: one query, the three sums as subqueries per pegawai."""
    baris = {r["id"]: (r["t"], r["p"], r["k"]) for r in _beban(
        pegawai_ids=list(pegawai_ids), mulai=mulai, selesai=selesai, kecuali_tim=kecuali_tim or 0,
        dari=max(mulai, timezone.localdate()))}
    hasil = {}
    for i in pegawai_ids:
        t, p, k = baris.get(i, (0, 0, None))
        hasil[i] = Beban(tim=t or 0, penugasan=p or 0, kapasitas=kapasitas_bawaan if k is None else k)
    return hasil


def beban_unit(unit: UnitOrganisasi, hari: date, *, kapasitas_bawaan: int, halaman: int = 1,
               per_halaman: int = 50, urut: str = "beban") -> dict[str, Any]:
    """The unit workload view (Blitar Pasal 28): per pegawai (one page, heaviest first) and per team,
    with the distribution over all pegawai of the unit, in a constant number of queries.

    Sums are grouped in the database (one GROUP BY for teams, one for assignments); the per-pegawai
    totals, the distribution and the ordering are computed over plain (id, name) pairs, and only the
    page shown is loaded as objects.
    """
    unit_ids = unit_dalam(unit)
    semua = list(Pegawai.objects.filter(unit_id__in=unit_ids, aktif=True).values_list("id", "nama"))
    ids = [i for i, _ in semua]
    in_unit = Q(pegawai__unit_id__in=unit_ids, pegawai__aktif=True)
    tim = {r["pegawai_id"]: (r["s"], r["c"]) for r in AnggotaTim.objects.filter(
        in_unit, status="aktif", tim__status__in=BERJALAN, mulai__lte=hari, selesai__gte=hari)
        .values("pegawai_id").annotate(s=Sum("porsi_persen"), c=Count("id")).order_by()}
    tugas = dict(Penerima.objects.filter(in_unit, penugasan__status="ditugaskan", penugasan__mulai__lte=hari,
                                         penugasan__selesai__gte=hari).filter(~_bukan_dasar_keanggotaan())
                 .values("pegawai_id").annotate(s=Sum("beban_persen")).order_by().values_list("pegawai_id", "s"))
    kap = dict(KapasitasPegawai.objects.filter(pegawai__unit_id__in=unit_ids).values_list("pegawai_id",
                                                                                          "kapasitas_persen"))
    total = {i: (tim.get(i, (0, 0))[0] or 0) + (tugas.get(i) or 0) for i in ids}
    ringkas = {"jumlah": len(ids), "tanpa_tim": 0, "ringan": 0, "sedang": 0, "lebih": 0}
    for i in ids:
        t, k = total[i], kap.get(i, kapasitas_bawaan)
        ringkas["tanpa_tim" if t == 0 else "ringan" if t < k / 2 else "sedang" if t <= k else "lebih"] += 1
    if urut == "nama":
        semua.sort(key=lambda r: r[1])
    else:
        tanda = -1 if urut == "beban" else 1
        semua.sort(key=lambda r: (tanda * total[r[0]], r[1]))
    awal = (max(halaman, 1) - 1) * per_halaman
    halaman_ids = [i for i, _ in semua[awal:awal + per_halaman]]
    objek = Pegawai.objects.select_related("unit").in_bulk(halaman_ids)
    baris = []
    for i in halaman_ids:
        p = objek[i]
        p.porsi_tim, p.jumlah_tim = tim.get(i, (0, 0))  # type: ignore[attr-defined]
        p.beban_tugas = tugas.get(i) or 0  # type: ignore[attr-defined]
        p.total, p.kapasitas = total[i], kap.get(i, kapasitas_bawaan)  # type: ignore[attr-defined]
        baris.append(p)
    daftar_tim = list(TimKerja.objects.filter(unit_pemilik_id__in=unit_ids, status__in=BERJALAN)
                      .annotate(jumlah_anggota=Count("anggota", filter=Q(anggota__status="aktif")),
                                total_porsi=Coalesce(Sum("anggota__porsi_persen", filter=Q(anggota__status="aktif")),
                                                     Value(0)))
                      .order_by("-total_porsi", "nama")[:per_halaman])
    return {"ringkas": ringkas, "pegawai": baris, "tim": daftar_tim, "halaman": halaman, "per_halaman": per_halaman,
            "jumlah_halaman": max(1, -(-len(ids) // per_halaman))}


# --- ketua candidates -------------------------------------------------------------


def kandidat_anggota(tim: TimKerja) -> QuerySet[Pegawai]:
    """Who may be added to ``tim`` directly: active pegawai of the unit pemilik kinerja (and the units
    below it) in a jabatan the profile lets join, not already active members. Others join only
    through a surat penugasan (penugasan lintas unit / lintas instansi). The rule itself stays in
    services.tambah_anggota; this is what the "add member" autocomplete offers."""
    from .aturan import aturan_tim

    a = aturan_tim(tim.instansi.profil)
    return (Pegawai.objects.filter(instansi_id=tim.instansi_id, unit_id__in=unit_dalam(tim.unit_pemilik), aktif=True,
                                   jenis_jabatan__in=a.anggota_jenis_jabatan)
            .exclude(id__in=tim.anggota.filter(status="aktif").values("pegawai_id")))


def lingkup_anggota(user: Any, tim_id: int) -> QuerySet[Pegawai]:
    """The autocomplete scope "timkerja_anggota:<id>" (organisasi.pilih): the team's candidates, for
    those who manage its membership only (the id comes from the browser)."""
    from . import services

    tim = (TimKerja.objects.filter(pk=tim_id, instansi_id=getattr(user, "instansi_id", None) or 0)
           .exclude(status__in=AKHIR).select_related("instansi", "unit_pemilik", "pembentuk").first())
    pid = getattr(user, "pegawai_id", None)
    if tim is None or pid is None or not services.mengelola(tim, pid):
        return Pegawai.objects.none()
    return kandidat_anggota(tim)


# Prepared once (sikerja.kueri); the pembentuk's team page asks them while the ketua is being chosen.
_calon_ketua: KueriSiap[Any] = KueriSiap(lambda unit_ids, anggota_ids, jenis_jabatan: (
    Pegawai.objects.filter(Q(unit_id__in=unit_ids) | Q(id__in=anggota_ids), aktif=True, jenis_jabatan__in=jenis_jabatan)
    .annotate(dari_pemilik=Exists(Pegawai.objects.filter(pk=OuterRef("pk"), unit_id__in=unit_ids)))
    .select_related("unit").only("nama", "jabatan", "unit__nama")[:200]), tetap=("jenis_jabatan",))
_kompetensi: KueriSiap[dict[str, Any]] = KueriSiap(lambda pegawai_ids: (
    Kompetensi.objects.filter(pegawai_id__in=pegawai_ids).values("pegawai_id", "nama")))


def kandidat_ketua(tim: TimKerja, jenis_jabatan: tuple[str, ...], limit: int = 10,
                   aktif: list[AnggotaTim] | None = None) -> list[dict[str, Any]]:
    """Proposed ketua (KINERJA §1.4 selection basis): active members and pegawai of the unit pemilik whose
    jabatan may lead, ranked by competencies matching the team's needs, then by origin. ``aktif``: the
    active members when the caller has them already."""
    if aktif is None:
        aktif = list(tim.anggota.filter(status="aktif"))
    butuh = {k.lower() for a in aktif for k in a.kompetensi_dibutuhkan}
    unit_ids = unit_dalam(tim.unit_pemilik)
    anggota_ids = {a.pegawai_id for a in aktif}
    calon = _calon_ketua(unit_ids=unit_ids, anggota_ids=sorted(anggota_ids), jenis_jabatan=tuple(jenis_jabatan))
    komp: dict[int, set[str]] = {}
    for r in _kompetensi(pegawai_ids=[c.id for c in calon]):
        komp.setdefault(r["pegawai_id"], set()).add(r["nama"].lower())
    hasil = []
    for c in calon:
        cocok = sorted(k for k in komp.get(c.id, set()) if any(b in k or k in b for b in butuh))
        hasil.append({"pegawai": c, "kompetensi_cocok": cocok, "dari_pemilik": c.dari_pemilik,
                      "anggota": c.id in anggota_ids,
                      "skor": 10 * len(cocok) + (5 if c.dari_pemilik else 0) + (2 if c.id in anggota_ids else 0)})
    hasil.sort(key=lambda r: (-r["skor"], r["pegawai"].nama))
    return hasil[:limit]


# --- reports due ------------------------------------------------------------------

LANGKAH_JADWAL = {"mingguan": 7, "bulanan": 30, "triwulanan": 91}  # [P] days per period
TENGGANG_HARI = 7  # [P] a report is overdue this many days after its period ends


def laporan_terlambat(tim: TimKerja, hari: date, laporan: list[LaporanTim] | None = None,
                      permintaan: list[PermintaanLaporan] | None = None) -> list[dict[str, Any]]:
    """Periods of the team's schedule whose ketua → PUO report is overdue, and unanswered on-demand
    requests past their deadline (KINERJA §2.6: overdue → flagged). ``laporan``/``permintaan``: all the
    team's reports and report requests (with their sasaran) when the caller has them already."""
    from datetime import timedelta

    hasil: list[dict[str, Any]] = []
    if tim.status in BERJALAN or tim.status == "selesai":
        langkah = timedelta(days=LANGKAH_JADWAL.get(tim.jadwal_laporan, 30))
        if laporan is None:
            akhir_laporan = set(LaporanTim.objects.filter(tim=tim, jenis="ketua_ke_puo")
                                .values_list("periode_selesai", flat=True))
        else:
            akhir_laporan = {x.periode_selesai for x in laporan if x.jenis == "ketua_ke_puo"}
        mulai = tim.masa_mulai
        while mulai <= min(hari, tim.masa_selesai):
            selesai = min(mulai + langkah - timedelta(days=1), tim.masa_selesai)
            if selesai + timedelta(days=TENGGANG_HARI) < hari and not any(a >= selesai for a in akhir_laporan):
                hasil.append({"jenis": "berkala", "periode_mulai": mulai, "periode_selesai": selesai,
                              "pelapor": tim.koordinator})
            mulai = selesai + timedelta(days=1)
    if permintaan is None or laporan is None:
        lewat = list(PermintaanLaporan.objects.filter(tim=tim, batas_waktu__lt=hari, jawaban__isnull=True)
                     .select_related("sasaran"))
    else:
        dijawab = {x.permintaan_id for x in laporan}
        lewat = [p for p in permintaan if p.batas_waktu < hari and p.id not in dijawab]
    for p in lewat:
        hasil.append({"jenis": "permintaan", "batas_waktu": p.batas_waktu, "pelapor": p.sasaran, "permintaan": p})
    return hasil


# --- matriks peran hasil ----------------------------------------------------------


def matriks(tim: TimKerja) -> dict[str, Any]:
    """The MPPH of the team (KINERJA §3.4.7): columns = the team's targets, rows = the ketua (also when
    he is not a member) then the members, with jabatan, unit of origin and role in result language."""
    anggota = list(tim.anggota.filter(status="aktif").select_related("pegawai__unit", "unit_asal", "instansi_asal")
                   .order_by("id"))
    dalam = set(unit_dalam(tim.unit_pemilik))
    baris: list[dict[str, Any]] = [{"pegawai": a.pegawai, "jabatan": a.pegawai.jabatan, "unit_asal": a.unit_asal.nama,
              "instansi_lain": a.instansi_asal.nama if a.instansi_asal_id != tim.instansi_id else "",
              "peran": a.peran, "peran_baris": "ketua_tim" if a.pegawai_id == tim.ketua_id else "anggota",
              "lintas": a.instansi_asal_id != tim.instansi_id or a.unit_asal_id not in dalam} for a in anggota]
    if tim.ketua is not None and all(b["pegawai"].id != tim.ketua_id for b in baris):
        k = tim.ketua
        baris.append({"pegawai": k, "jabatan": k.jabatan, "unit_asal": k.unit.nama, "instansi_lain": "",
                      "peran": "Mengoordinasikan perencanaan, pelaksanaan, pemantauan dan evaluasi tim",
                      "peran_baris": "ketua_tim", "lintas": k.unit_id not in dalam})
    baris.sort(key=lambda b: (b["peran_baris"] != "ketua_tim", b["pegawai"].nama))
    return {"kolom": tim.target, "baris": baris}


# --- the team page's reads, prepared once per process (sikerja.kueri) ---------------------------
# Each is what the page shows of one team; compiling them cost 12 of the page's 45 ms CPU.

anggota_halaman: KueriSiap[AnggotaTim] = KueriSiap(lambda tim_id: (
    # The columns the page shows (a member row joins six tables; all their columns cost twice the time).
    AnggotaTim.objects.filter(tim_id=tim_id)
    .select_related("pegawai__unit", "unit_asal", "ppk_asal", "instansi_asal", "pertimbangan_oleh")
    .only("tim_id", "pegawai__nama", "pegawai__unit__nama", "unit_asal__nama", "instansi_asal__nama",
          "ppk_asal__nama", "pertimbangan_oleh__nama", "status", "peran", "peran_oleh_id",
          "kompetensi_dibutuhkan", "porsi_persen", "dasar_penugasan_id").order_by("status", "id")))

laporan_halaman: KueriSiap[LaporanTim] = KueriSiap(lambda tim_id: (
    LaporanTim.objects.filter(tim_id=tim_id).select_related("pelapor", "anggota")
    .prefetch_related("penerima", "bukti")))

permintaan_halaman: KueriSiap[PermintaanLaporan] = KueriSiap(lambda tim_id: (
    PermintaanLaporan.objects.filter(tim_id=tim_id).select_related("peminta", "sasaran")))

kendala_halaman: KueriSiap[Kendala] = KueriSiap(lambda tim_id: (
    Kendala.objects.filter(tim_id=tim_id).prefetch_related("tujuan", "keputusan__pejabat").select_related("pengaju")))

riwayat_ketua_halaman: KueriSiap[RiwayatKetua] = KueriSiap(lambda tim_id: (
    RiwayatKetua.objects.filter(tim_id=tim_id).select_related("pegawai")))
