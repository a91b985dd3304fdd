"""Reading the siklus kerja: what a user may see, the unit's ancestry for the review chain, boards,
timelines and the dashboards (each in a constant number of queries, whatever the amount of data)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.db import connection
from django.db.models import Avg, Count, Max, Q, QuerySet

from sikerja.kueri import KueriSiap
from sikerja.organisasi.models import Pegawai, UnitOrganisasi
from sikerja.timkerja.alur import BERJALAN as TIM_BERJALAN
from sikerja.timkerja.models import AnggotaTim, LaporanTim, PermintaanLaporan, TimKerja
from sikerja.timkerja.selectors import LANGKAH_JADWAL, TENGGANG_HARI, pejabat_unit, unit_dalam
from sikerja.timkerja.selectors import unit_dipimpin as _unit_dipimpin

from .alur import AKHIR, PAPAN, TERBUKA
from .aturan import UnitInfo
from .models import (
    HasilKegiatan,
    Kegiatan,
    LaporanProgres,
    PerjanjianKinerja,
    PermintaanLaporanSiklus,
    Reviu,
    SubTugas,
    TargetKinerja,
    UmpanBalik,
)


def leluhur(unit: UnitOrganisasi) -> list[UnitInfo]:
    """The unit, then its parent, up to the top of its Perangkat Daerah (one query for the PD's units)."""
    akar = unit.akar_pd_id or unit.id
    semua = {u["id"]: u for u in UnitOrganisasi.objects.filter(
        instansi_id=unit.instansi_id).filter(Q(akar_pd_id=akar) | Q(id=akar)).values("id", "jenis", "nama", "induk_id")}
    hasil: list[UnitInfo] = []
    uid: int | None = unit.id
    while uid is not None and uid in semua and all(x.id != uid for x in hasil):
        u = semua[uid]
        hasil.append(UnitInfo(id=u["id"], jenis=u["jenis"], nama=u["nama"]))
        uid = u["induk_id"]
    return hasil


_unit_pilihan: KueriSiap[dict[str, Any]] = KueriSiap(lambda ids: (
    UnitOrganisasi.objects.filter(id__in=ids).order_by("nama", "id").values("id", "nama")[:200]))


def unit_pilihan(ids: list[int]) -> list[dict[str, Any]]:
    """Id and name of the units ``ids`` by name (at most 200): a board's or timeline's unit choices."""
    return _unit_pilihan(ids=list(ids)) if ids else []


def kepala_unit(unit_ids: list[int]) -> dict[int, Pegawai]:
    """Who holds each unit's head post today: the Plt/Plh while one holds, else the definitive head."""
    return pejabat_unit(unit_ids)


def unit_dipimpin(p: Pegawai) -> list[int]:
    """Units ``p`` leads, as head or as Plt/Plh of a post."""
    return _unit_dipimpin(p)


def _pembaca(pengguna: Any) -> tuple[bool, Pegawai | None] | None:
    """Who reads the siklus: ``(True, None)`` for an overseer (HR, inspectorate, admin: the whole
    instansi), ``(False, pegawai)`` for a pegawai read by the rules below, ``None`` for an account that
    may read nothing (neither a pegawai nor an overseer)."""
    if getattr(pengguna, "lintas_unit", False):
        return True, None
    p = getattr(pengguna, "pegawai", None)
    return None if p is None else (False, p)


def kegiatan_terlihat(pengguna: Any) -> QuerySet[Kegiatan]:
    """Kegiatan a user may see: HR/inspectorate/admin all of the instansi; a head those of the units he
    leads (every reviewer of a chain heads an ancestor of the kegiatan's unit); a pegawai those he
    carries out, alone or as member or ketua of the team."""
    qs = Kegiatan.objects.filter(instansi_id=pengguna.instansi_id)
    baca = _pembaca(pengguna)
    if baca is None:
        return qs.none()
    lintas, p = baca
    return qs if lintas or p is None else qs.filter(syarat_terlihat(p))


def syarat_terlihat(p: Pegawai) -> Q:
    return _syarat_terlihat(p.pk, unit_dipimpin(p))


def _syarat_terlihat(pid: int, units: list[int]) -> Q:
    """``syarat_terlihat`` built without reading the database (``units``: ``unit_dipimpin``)."""
    tim_ids = AnggotaTim.objects.filter(pegawai_id=pid, status="aktif").values("tim_id")
    # Subqueries, not joins: the workflow core locks these rows (FOR UPDATE refuses outer joins on PostgreSQL).
    diketuai = TimKerja.objects.filter(ketua_id=pid).values("id")
    syarat = (Q(pelaksana_id=pid) | Q(tim_id__in=diketuai) | Q(tim_id__in=tim_ids) | Q(aktor_sekarang_id=pid)
              | Q(dibuat_oleh_id=pid))
    if units:
        syarat |= Q(unit_id__in=units)
    return syarat


# The kegiatan page's read of its kegiatan, prepared once (sikerja.kueri): the visibility rule with
# six joined rows cost 3 ms to compile on every visit.
_kegiatan_satu: KueriSiap[Kegiatan] = KueriSiap(lambda instansi_id, pid, units, pk, lintas: (
    Kegiatan.objects.filter(instansi_id=instansi_id).filter(Q() if lintas else _syarat_terlihat(pid, units))
    .select_related("instansi", "unit", "target", "pelaksana", "tim", "aktor_sekarang").filter(pk=pk)),
    tetap=("lintas",))


def _lingkup_kegiatan(pengguna: Any) -> dict[str, Any] | None:
    """The values of ``kegiatan_terlihat``'s rule for ``pengguna``, as the prepared reads take them;
    ``None`` when he may see no kegiatan."""
    baca = _pembaca(pengguna)
    if baca is None:
        return None
    lintas, p = baca
    return {"instansi_id": pengguna.instansi_id, "lintas": lintas, "pid": p.pk if p else None,
            "units": unit_dipimpin(p) if p else None}


def kegiatan_untuk(pengguna: Any, pk: int) -> Kegiatan | None:
    """The kegiatan if ``pengguna`` may see it (``kegiatan_terlihat``), with its unit, target, pelaksana,
    team and current actor."""
    lingkup = _lingkup_kegiatan(pengguna)
    rows = _kegiatan_satu(**lingkup, pk=pk) if lingkup is not None else []
    return rows[0] if rows else None


def pk_terlihat(pengguna: Any) -> QuerySet[PerjanjianKinerja]:
    qs = PerjanjianKinerja.objects.filter(instansi_id=pengguna.instansi_id)
    baca = _pembaca(pengguna)
    if baca is None:
        return qs.none()
    lintas, p = baca
    if lintas or p is None:
        return qs
    return qs.filter(_syarat_pk(p.pk, unit_dalam(p.unit), [u.id for u in leluhur(p.unit)])).distinct()


def _syarat_pk(pid: int, bawah: list[int], atas: list[int]) -> Q:
    """PKs of his unit and those below it (``bawah``) and above it (``atas``), his own and those naming
    him responsible for a target; built without reading the database."""
    return (Q(unit_id__in=bawah) | Q(pihak_pertama_id=pid) | Q(target__penanggung_jawab_id=pid)
            | Q(unit_id__in=atas))


# The PK page's reads, prepared once (sikerja.kueri).
_pk_satu: KueriSiap[PerjanjianKinerja] = KueriSiap(lambda instansi_id, pid, bawah, atas, lintas, pk_id: (
    PerjanjianKinerja.objects.filter(instansi_id=instansi_id)
    .filter(Q() if lintas else _syarat_pk(pid, bawah, atas)).distinct()
    .select_related("unit", "pihak_pertama", "pihak_kedua").filter(pk=pk_id)), tetap=("lintas",))
target_pk_halaman: KueriSiap[TargetKinerja] = KueriSiap(lambda pk_id: (
    TargetKinerja.objects.filter(pk_kinerja_id=pk_id).select_related("unit", "penanggung_jawab", "tim")
    .order_by("induk_id", "id")))
versi_pk_halaman: KueriSiap[PerjanjianKinerja] = KueriSiap(lambda unit_id, tahun, jenis: (
    PerjanjianKinerja.objects.filter(unit_id=unit_id, tahun=tahun, jenis=jenis).order_by("versi")), tetap=("tahun",))


def pk_untuk(pengguna: Any, pk_id: int) -> PerjanjianKinerja | None:
    """The PK if ``pengguna`` may see it (``pk_terlihat``), with its unit and both parties."""
    baca = _pembaca(pengguna)
    if baca is None:
        return None
    lintas, p = baca
    rows = _pk_satu(instansi_id=pengguna.instansi_id, pid=p.pk if p else None,
                    bawah=unit_dalam(p.unit) if p else None, atas=[u.id for u in leluhur(p.unit)] if p else None,
                    lintas=lintas, pk_id=pk_id)
    return rows[0] if rows else None


# A board shows at most this many kegiatan, those due first (the page says so when it is full).
BATAS_PAPAN = 500


def _papan_qs(qs: QuerySet[Kegiatan], batas: int = BATAS_PAPAN) -> QuerySet[Kegiatan]:
    return qs.exclude(status="dibatalkan").select_related("pelaksana", "tim", "aktor_sekarang").order_by(
        "selesai", "id")[:batas]


def _susun_papan(rows: list[Kegiatan]) -> dict[str, dict[str, Any]]:
    hasil: dict[str, dict[str, Any]] = {k: {"label": label, "kegiatan": []} for k, (label, _) in PAPAN.items()}
    kolom = {s: k for k, (_, st) in PAPAN.items() for s in st}
    for kg in rows:
        hasil[kolom[kg.status]]["kegiatan"].append(kg)
    return hasil


def papan(qs: QuerySet[Kegiatan]) -> dict[str, dict[str, Any]]:
    """The board (to do / in progress / waiting review / done): one query."""
    return _susun_papan(list(_papan_qs(qs)))


# The board page's one query (``papan(kegiatan_terlihat(...)`` of a team or units), prepared once
# (sikerja.kueri): 3.8 ms to compile on every visit.
_papan_siap: KueriSiap[Kegiatan] = KueriSiap(lambda instansi_id, pid, units, lintas, tim_id, unit_ids, batas: _papan_qs(
    _saring(Kegiatan.objects.filter(instansi_id=instansi_id).filter(Q() if lintas else _syarat_terlihat(pid, units)),
            tim_id, unit_ids), batas), tetap=("lintas", "batas"))


def _saring(qs: QuerySet[Kegiatan], tim_id: int | None, unit_ids: list[int] | None) -> QuerySet[Kegiatan]:
    if tim_id is not None:
        qs = qs.filter(tim_id=tim_id)
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=unit_ids)
    return qs


def papan_untuk(pengguna: Any, *, tim_id: int | None = None, unit_ids: list[int] | None = None,
                batas: int | None = None) -> dict[str, dict[str, Any]]:
    """``papan`` of the kegiatan ``pengguna`` may see (``kegiatan_terlihat``), of one team or some units;
    at most ``batas`` (``BATAS_PAPAN``) kegiatan, those due first."""
    lingkup = _lingkup_kegiatan(pengguna)
    if lingkup is None:
        return _susun_papan([])
    return _susun_papan(_papan_siap(**lingkup, tim_id=tim_id, unit_ids=unit_ids, batas=batas or BATAS_PAPAN))


def kegiatan_terlihat_di(pengguna: Any, *, tim_id: int | None = None, unit_ids: list[int] | None = None) -> QuerySet[Kegiatan]:
    """``kegiatan_terlihat`` of one team or some units (what ``papan_untuk`` shows)."""
    return _saring(kegiatan_terlihat(pengguna), tim_id, unit_ids)


def kegiatan_dalam_masa(qs: QuerySet[Kegiatan], mulai: date, selesai: date) -> QuerySet[Kegiatan]:
    """The kegiatan of ``qs`` running some day in [mulai, selesai], not cancelled, by start date."""
    return qs.filter(mulai__lte=selesai, selesai__gte=mulai).exclude(status="dibatalkan").order_by("mulai", "id")


def linimasa(qs: QuerySet[Kegiatan], mulai: date, selesai: date) -> list[dict[str, Any]]:
    """Gantt bars as percentages of the window [mulai, selesai] (rendered server-side, no JS)."""
    total = max((selesai - mulai).days, 1)
    baris = []
    for kg in kegiatan_dalam_masa(qs, mulai, selesai)[:300]:
        a = max((kg.mulai - mulai).days, 0)
        b = min((kg.selesai - mulai).days + 1, total)
        baris.append({"kegiatan": kg, "kiri": round(100 * a / total, 2), "lebar": round(100 * max(b - a, 1) / total, 2)})
    return baris


_KOLOM_TIM = ("id", "nama", "masa_mulai", "masa_selesai", "jadwal_laporan")


def _tim_berjalan(tim_qs: QuerySet[TimKerja], batas: int = 2000, kolom: tuple[str, ...] = ()) -> QuerySet[Any]:
    return (tim_qs.filter(status__in=TIM_BERJALAN).values(*_KOLOM_TIM, *kolom)
            .order_by("masa_selesai", "id")[:batas])


# The dashboards' team reads, prepared once (sikerja.kueri): the teams he leads as ketua (or
# coordination point), the teams his units own, and their last reports and overdue requests.
_tim_dipimpin: KueriSiap[dict[str, Any]] = KueriSiap(lambda pegawai_id: _tim_berjalan(
    TimKerja.objects.filter(Q(ketua_id=pegawai_id) | Q(ketua__isnull=True, titik_koordinasi_id=pegawai_id))))
_tim_unit: KueriSiap[dict[str, Any]] = KueriSiap(lambda unit_ids: _tim_berjalan(
    TimKerja.objects.filter(unit_pemilik_id__in=unit_ids)))
_laporan_akhir: KueriSiap[dict[str, Any]] = KueriSiap(lambda ids: (
    LaporanTim.objects.filter(tim_id__in=ids, jenis="ketua_ke_puo").order_by().values("tim_id")
    .annotate(m=Max("periode_selesai"))))
_minta_terlambat: KueriSiap[dict[str, Any]] = KueriSiap(lambda ids, hari: (
    PermintaanLaporan.objects.filter(tim_id__in=ids, batas_waktu__lt=hari, jawaban__isnull=True).order_by()
    .values("tim_id").annotate(n=Count("id"))))


def _lengkapi_laporan_tim(tim: list[dict[str, Any]], hari: date) -> list[dict[str, Any]]:
    """Team rows with the end of their last ketua → PUO report (``akhir``) and their requests past the
    deadline unanswered (``minta``): only when there are teams, one grouped query for each."""
    if not tim:
        return tim
    ids = [t["id"] for t in tim]
    akhir = {r["tim_id"]: r["m"] for r in _laporan_akhir(ids=ids)}
    minta = {r["tim_id"]: r["n"] for r in _minta_terlambat(ids=ids, hari=hari)}
    for t in tim:
        t["akhir"], t["minta"] = akhir.get(t["id"]), minta.get(t["id"], 0)
    return tim


def _baris_laporan_tim(tim_qs: QuerySet[TimKerja], hari: date, *, batas: int = 2000,
                       kolom: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """The running teams of ``tim_qs`` with ``akhir`` and ``minta`` (``_lengkapi_laporan_tim``).

    One plain query for the teams, then, only when there are some, one grouped query each for the
    last reports and the overdue requests: most pegawai lead no team, and correlated subqueries
    cost more to build than the two grouped reads.
    """
    return _lengkapi_laporan_tim(list(_tim_berjalan(tim_qs, batas, kolom)), hari)


def _laporan_tim_terlambat(tim: list[dict[str, Any]], hari: date, *, batas: int = 20) -> dict[str, Any]:
    """The overdue periodic reports and requests of the team rows of ``_baris_laporan_tim``."""
    batas_hari = hari - timedelta(days=TENGGANG_HARI)
    terlambat: list[dict[str, Any]] = []
    n_minta = 0
    for t in tim:
        langkah = timedelta(days=LANGKAH_JADWAL.get(t["jadwal_laporan"], 30))
        mulai, n = t["masa_mulai"], 0
        while mulai <= min(hari, t["masa_selesai"]):
            selesai = min(mulai + langkah - timedelta(days=1), t["masa_selesai"])
            if selesai < batas_hari and (t["akhir"] is None or t["akhir"] < selesai):
                n += 1
            mulai = selesai + timedelta(days=1)
        n_minta += t["minta"]
        if n or t["minta"]:
            terlambat.append({"tim_id": t["id"], "nama": t["nama"], "periode": n, "permintaan": t["minta"]})
    return {"terlambat": sum(1 for x in terlambat if x["periode"]) + n_minta, "daftar_terlambat": terlambat[:batas]}


def laporan_tim(tim_qs: QuerySet[TimKerja], hari: date, *, batas: int = 20) -> dict[str, Any]:
    """Team reports (ketua → PUO, KINERJA §2.6) of the running teams in ``tim_qs``: periodic reports
    overdue (a period of the team's schedule ended more than the grace days ago with no report covering
    it — the rule of ``timkerja.selectors.laporan_terlambat``) and on-demand requests past their deadline.
    At most three queries whatever the number of teams (``_baris_laporan_tim``)."""
    return _laporan_tim_terlambat(_baris_laporan_tim(tim_qs, hari), hari, batas=batas)


# The columns the dashboards (page and API) show of a kegiatan in their lists.
KOLOM_DAFTAR = ("id", "nama", "status", "mulai", "selesai", "persen_progres")


def dasbor_pejabat(p: Pegawai, hari: date | None = None, *, units: list[int] | None = None,
                   tindakan: list[Kegiatan] | None = None) -> dict[str, Any]:
    """What an official watches (issue 14 point 5), in a fixed number of queries: targets of his units
    with progress, teams, kegiatan waiting for *his* review, overdue kegiatan and reports, returned items.
    ``units`` (``unit_dipimpin(p)``) and ``tindakan`` (``dasbor_pegawai(p)["tindakan"]``) when the
    caller has them already."""
    hari = hari or date.today()
    units = unit_dipimpin(p) if units is None else units
    # The units come from the official's own instansi; filtering on them alone lets the covering index serve.
    kg = Kegiatan.objects.filter(unit_id__in=units)
    agg = kg.aggregate(
        total=Count("id"),
        terbuka=Count("id", filter=Q(status__in=TERBUKA)),
        terlambat=Count("id", filter=Q(status__in=TERBUKA, selesai__lt=hari)),
        dikembalikan=Count("id", filter=Q(status="dikembalikan")),
        selesai=Count("id", filter=Q(status="selesai")),
        progres=Avg("persen_progres"),
    )
    # The 50 nearest targets first, then their kegiatan grouped by target (covering index on
    # (target, persen_progres)): two queries whose cost does not grow with the unit's other targets.
    target = _target_unit(unit_ids=units)
    per_target = {r["target_id"]: r for r in _kegiatan_per_target(target_ids=[t["id"] for t in target])}
    target_out: list[dict[str, Any]] = [
        {**t, "jumlah_kegiatan": per_target.get(t["id"], {}).get("n", 0), "progres": per_target.get(t["id"], {}).get("rata")}
        for t in target]
    menunggu = Kegiatan.objects.filter(aktor_sekarang=p, status__in=("dalam_reviu", "dikembalikan", "rencana")).count()
    tim = TimKerja.objects.filter(unit_pemilik_id__in=units).exclude(status__in=("selesai", "dibubarkan")).count()
    laporan_terlambat = PermintaanLaporanSiklus.objects.filter(peminta=p, dijawab=False, batas_waktu__lt=hari).count()
    daftar_menunggu = (tindakan[:20] if tindakan is not None else _tindakan(pegawai_id=p.pk)[:20])
    daftar_kembali = _kembali_unit(unit_ids=units)
    # Team reports (ketua → PUO) of the teams his units own: overdue, and the latest received.
    lt = _laporan_tim_terlambat(_lengkapi_laporan_tim(_tim_unit(unit_ids=units), hari), hari)
    diterima = _laporan_diterima(pegawai_id=p.pk)
    return {"kegiatan": agg, "target": target_out, "daftar_menunggu": daftar_menunggu,
            "daftar_dikembalikan": daftar_kembali, "menunggu_reviu_saya": menunggu, "tim": tim,
            "laporan_terlambat": laporan_terlambat, "laporan_tim_terlambat": lt["terlambat"],
            "daftar_laporan_tim_terlambat": lt["daftar_terlambat"], "laporan_tim_diterima": diterima}


# The dashboards' reads, prepared once (sikerja.kueri): each is asked on every visit with other ids.
_target_unit: KueriSiap[dict[str, Any]] = KueriSiap(lambda unit_ids: (
    TargetKinerja.objects.filter(unit_id__in=unit_ids, pk_kinerja__berlaku=True)
    .values("id", "indikator", "nilai_target", "satuan", "batas_waktu").order_by("batas_waktu", "id")[:50]))
_kegiatan_per_target: KueriSiap[dict[str, Any]] = KueriSiap(lambda target_ids: (
    Kegiatan.objects.filter(target_id__in=target_ids).values("target_id")
    .annotate(n=Count("id"), rata=Avg("persen_progres")).order_by()))
_kembali_unit: KueriSiap[Kegiatan] = KueriSiap(lambda unit_ids: (
    Kegiatan.objects.filter(unit_id__in=unit_ids, status="dikembalikan").select_related("aktor_sekarang")
    .only(*KOLOM_DAFTAR, "aktor_sekarang__nama").order_by("selesai")[:20]))
_laporan_diterima: KueriSiap[LaporanTim] = KueriSiap(lambda pegawai_id: (
    LaporanTim.objects.filter(penerima__id=pegawai_id, jenis="ketua_ke_puo").select_related("tim", "pelapor")
    .only("id", "tim_id", "pelapor_id", "periode_selesai", "capaian_persen", "tim__nama", "pelapor__nama")
    .order_by("-dibuat", "-id")[:10]))
# Open kegiatan whose next step is his, the nearest deadline first.
_tindakan: KueriSiap[Kegiatan] = KueriSiap(lambda pegawai_id: (
    Kegiatan.objects.filter(aktor_sekarang_id=pegawai_id, status__in=TERBUKA).only(*KOLOM_DAFTAR)
    .order_by("selesai")[:50]))
_minggu_ini: KueriSiap[Kegiatan] = KueriSiap(lambda pegawai_id, senin, minggu: (
    Kegiatan.objects.filter(Q(pelaksana_id=pegawai_id) | Q(tim_id__in=AnggotaTim.objects.filter(
        pegawai_id=pegawai_id, status="aktif").values("tim_id")), status__in=TERBUKA, mulai__lte=minggu,
        selesai__gte=senin).only(*KOLOM_DAFTAR).order_by("selesai")[:50]))
_permintaan_saya: KueriSiap[PermintaanLaporanSiklus] = KueriSiap(lambda pegawai_id: (
    PermintaanLaporanSiklus.objects.filter(sasaran_id=pegawai_id, dijawab=False).select_related("peminta")
    .order_by("batas_waktu")[:20]))
_permintaan_tim_saya: KueriSiap[PermintaanLaporan] = KueriSiap(lambda pegawai_id: (
    PermintaanLaporan.objects.filter(sasaran_id=pegawai_id, jawaban__isnull=True).select_related("tim", "peminta")
    .order_by("batas_waktu")[:20]))


def dasbor_pegawai(p: Pegawai, hari: date | None = None) -> dict[str, Any]:
    """His to-dos this week: kegiatan he carries out (alone or in a team) open this week, the steps
    waiting for him, report requests due."""
    hari = hari or date.today()
    senin = hari - timedelta(days=hari.weekday())
    minggu = senin + timedelta(days=6)
    # Team reports due from him as ketua (or coordination point), and team report requests to him.
    lt = _laporan_tim_terlambat(_lengkapi_laporan_tim(_tim_dipimpin(pegawai_id=p.pk), hari), hari)
    return {"minggu_ini": _minggu_ini(pegawai_id=p.pk, senin=senin, minggu=minggu),
            "tindakan": _tindakan(pegawai_id=p.pk), "permintaan": _permintaan_saya(pegawai_id=p.pk),
            "senin": senin, "minggu": minggu, "laporan_tim_terlambat": lt["daftar_terlambat"],
            "permintaan_tim": _permintaan_tim_saya(pegawai_id=p.pk)}


def _hitungan_beranda(p: Pegawai, units: list[int], hari: date) -> dict[str, int]:
    """The Beranda's counts in one statement of scalar subqueries, each on its own index: kegiatan
    waiting for him (aktor_sekarang, status), report requests to him (sasaran, dijawab; sasaran of
    team requests without an answer) and, when he leads units, his units' open kegiatan overdue and
    returned (covering index kegiatan_dasbor_idx).

    Written in SQL because the Beranda draws it on every visit: built by the ORM the same counts cost
    about 3 ms of CPU, ten times their execution. What each count means is said by the ORM query of
    the same name in ``dasbor_pejabat`` / ``dasbor_pegawai``; a test keeps the two in step.
    """
    qn = connection.ops.quote_name
    kg, pls = qn(Kegiatan._meta.db_table), qn(PermintaanLaporanSiklus._meta.db_table)
    pl, lt = qn(PermintaanLaporan._meta.db_table), qn(LaporanTim._meta.db_table)
    terbuka = ", ".join(["%s"] * len(TERBUKA))
    kolom = [f"(SELECT COUNT(*) FROM {kg} WHERE aktor_sekarang_id = %s AND status IN ({terbuka}))",
             f"(SELECT COUNT(*) FROM {pls} WHERE sasaran_id = %s AND NOT dijawab)",
             f"(SELECT COUNT(*) FROM {pl} r WHERE r.sasaran_id = %s"
             f" AND NOT EXISTS (SELECT 1 FROM {lt} l WHERE l.permintaan_id = r.id))"]
    params: list[Any] = [p.pk, *TERBUKA, p.pk, p.pk]
    if units:
        di_unit = f"FROM {kg} WHERE unit_id IN ({', '.join(['%s'] * len(units))}) AND status IN ({terbuka})"
        kolom += [f"(SELECT COUNT(*) {di_unit} AND selesai < %s)", f"(SELECT COUNT(*) {di_unit} AND status = %s)"]
        params += [*units, *TERBUKA, connection.ops.adapt_datefield_value(hari), *units, *TERBUKA, "dikembalikan"]
    with connection.cursor() as c:
        c.execute(f"SELECT {', '.join(kolom)}", params)
        baris = c.fetchone()
    d = {"menunggu_saya": baris[0], "permintaan_laporan": baris[1] + baris[2]}
    if units:
        d.update(terlambat=baris[3], dikembalikan=baris[4])
    return d


def ringkasan_beranda(p: Pegawai) -> dict[str, int]:
    """The counts the Beranda shows (issue 14 point 5): what waits for him, his requests, his units'
    overdue and returned kegiatan (one statement, ``_hitungan_beranda``), and the overdue reports of
    the teams he leads as ketua and of those his units own (one query for both sets of teams)."""
    hari = date.today()
    units = unit_dipimpin(p)
    d = _hitungan_beranda(p, units, hari)
    if not units:
        # Team reports (ketua → PUO) overdue from the teams he leads as ketua.
        d["laporan_tim_saya"] = laporan_tim(TimKerja.objects.filter(ketua=p), hari)["terlambat"]
        return d
    # The two sets of teams in one query; each keeps the cap laporan_tim gives it.
    tim = _baris_laporan_tim(TimKerja.objects.filter(Q(ketua=p) | Q(unit_pemilik_id__in=units)), hari, batas=4000,
                             kolom=("ketua_id", "unit_pemilik_id"))
    milik = set(units)
    d["laporan_tim_saya"] = _laporan_tim_terlambat([t for t in tim if t["ketua_id"] == p.pk][:2000], hari)["terlambat"]
    d["laporan_tim_terlambat"] = _laporan_tim_terlambat(
        [t for t in tim if t["unit_pemilik_id"] in milik][:2000], hari)["terlambat"]
    return d


__all__ = ["AKHIR", "dasbor_pegawai", "dasbor_pejabat", "kegiatan_dalam_masa", "kegiatan_terlihat", "leluhur", "linimasa", "papan",
           "pk_terlihat", "ringkasan_beranda"]


# --- the kegiatan page's panels, prepared once (sikerja.kueri) ---------------------------------
progres_halaman: KueriSiap[LaporanProgres] = KueriSiap(lambda kegiatan_id: (
    LaporanProgres.objects.filter(kegiatan_id=kegiatan_id).select_related("pelapor").prefetch_related("bukti")))
umpan_balik_halaman: KueriSiap[UmpanBalik] = KueriSiap(lambda kegiatan_id: (
    UmpanBalik.objects.filter(kegiatan_id=kegiatan_id, induk__isnull=True).select_related("pemberi")
    .prefetch_related("balasan__pemberi")))
hasil_halaman: KueriSiap[HasilKegiatan] = KueriSiap(lambda kegiatan_id: (
    HasilKegiatan.objects.filter(kegiatan_id=kegiatan_id).select_related("diajukan_oleh").prefetch_related("bukti")))
reviu_halaman: KueriSiap[Reviu] = KueriSiap(lambda kegiatan_id: (
    Reviu.objects.filter(kegiatan_id=kegiatan_id).select_related("peninjau")))
subtugas_halaman: KueriSiap[SubTugas] = KueriSiap(lambda kegiatan_id: (
    SubTugas.objects.filter(kegiatan_id=kegiatan_id).select_related("penanggung_jawab")))
