"""Reading penugasan: what a user may see, his inbox, workload and candidates.

Every query starts from the user's instansi; the other instansi of a
lintas-instansi path sees an assignment only once its PyB has received it.
Within an instansi a pegawai sees the assignments he takes part in (as a
party, an assignee, a recipient of a letter or notice) and those of the
pegawai he rates, leads or coordinates; the admin instansi, BKPSDM and the
inspektorat oversee all of them (SPEC §1 transparansi, within the need to know).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from sikerja.jejak.models import Jejak
from sikerja.kedudukan.selectors import berlaku, segarkan
from sikerja.kotak_masuk import selectors as kotak_masuk_sel
from sikerja.kotak_masuk.models import Item
from sikerja.kueri import KueriSiap
from sikerja.organisasi.models import Instansi, Kompetensi, Pegawai, UnitOrganisasi
from sikerja.surat.models import Surat

from .alur import DITUGASKAN
from .models import Penerima, Penugasan, PihakPenugasan, Transisi

SUBJEK = "penugasan.penugasan"
JF_PELAKSANA = ("fungsional", "pelaksana")


def _instansi_id(pengguna) -> int | None:  # type: ignore[no-untyped-def]
    return getattr(pengguna, "instansi_id", None) if getattr(pengguna, "is_authenticated", False) else None


def _mengawasi(pengguna) -> bool:  # type: ignore[no-untyped-def]
    return bool(getattr(pengguna, "lintas_unit", False))


def _pihak(pegawai_id: int, instansi_id: int) -> Q:
    """Assignments a pegawai takes part in, or that concern the pegawai he rates, leads or coordinates
    (the caller has applied ended delegations: ``segarkan``)."""
    pid = pegawai_id
    bawahan = berlaku(instansi_id, segar=False).filter(  # type: ignore[arg-type]
        Q(ppk_id=pid) | Q(pimpinan_unit_id=pid) | Q(koordinator_id=pid)).values("pegawai_id")
    return (
        Q(pemohon_id=pid) | Q(aktor_sekarang_id=pid)
        | Q(id__in=PihakPenugasan.objects.filter(pegawai_id=pid).values("penugasan_id"))
        | Q(id__in=Penerima.objects.filter(Q(pegawai_id=pid) | Q(pegawai_id__in=bawahan)).values("penugasan_id"))
        | Q(id__in=Item.objects.filter(penerima_id=pid, subjek_jenis=SUBJEK).values("subjek_id"))
        | Q(id__in=Jejak.objects.filter(aktor_id=pid, subjek_jenis=SUBJEK).values("subjek_id"))
    )


def _terlihat(ui: int, pid: int | None, mengawasi: bool) -> QuerySet[Penugasan]:
    """The visibility rule, built without reading the database (``pid`` is None for an overseer)."""
    qs = Penugasan.objects.filter(Q(instansi_id=ui) | Q(instansi_tujuan_id=ui, terkirim_ke_tujuan=True))
    return qs if mengawasi else qs.filter(_pihak(pid, ui))  # type: ignore[arg-type]


def _lingkup(pengguna) -> tuple[int, int | None, bool] | None:  # type: ignore[no-untyped-def]
    """(instansi, pegawai, overseer) of the user for ``_terlihat``, with ended delegations applied;
    None when he may see no assignment."""
    ui = _instansi_id(pengguna)
    if ui is None:
        return None
    if _mengawasi(pengguna):
        return ui, None, True
    if not pengguna.pegawai_id:
        return None
    segarkan(ui)
    return ui, pengguna.pegawai_id, False


def penugasan_terlihat(pengguna) -> QuerySet[Penugasan]:  # type: ignore[no-untyped-def]
    lingkup = _lingkup(pengguna)
    return Penugasan.objects.none() if lingkup is None else _terlihat(*lingkup)


def _dengan_pihak(qs: QuerySet[Penugasan]) -> QuerySet[Penugasan]:
    return qs.select_related("pemohon", "aktor_sekarang", "instansi", "instansi_tujuan")


def daftar_penugasan(pengguna) -> QuerySet[Penugasan]:  # type: ignore[no-untyped-def]
    return _dengan_pihak(penugasan_terlihat(pengguna))


# The list page as most visits open it (no filter, newest first), prepared once (sikerja.kueri): the
# visibility rule, its count and its page cost 6 ms of CPU to build and compile on every visit.
URUTAN_DAFTAR = ("-dibuat", "-id")
_daftar_jumlah: KueriSiap[dict[str, Any]] = KueriSiap(lambda ui, pid, mengawasi: (
    # COUNT(*) as a one-row values() query (a constant grouping groups nothing), which KueriSiap can keep.
    _terlihat(ui, pid, mengawasi).order_by().values(satu=Value(1, output_field=IntegerField()))
    .annotate(n=Count("pk")).values("n")), tetap=("mengawasi",))
_daftar_potong: KueriSiap[Penugasan] = KueriSiap(lambda ui, pid, mengawasi, awal, akhir: (
    _dengan_pihak(_terlihat(ui, pid, mengawasi)).order_by(*URUTAN_DAFTAR)[awal:akhir]),
    tetap=("mengawasi", "awal", "akhir"))


class DaftarSiap:
    """``daftar_penugasan(pengguna).order_by(*URUTAN_DAFTAR)`` as Django's ``Paginator`` reads it (its
    count, then one slice), through the prepared queries above, ``per_halaman`` rows a page."""

    def __init__(self, pengguna: Any, per_halaman: int) -> None:
        lingkup = _lingkup(pengguna)
        self.per_halaman = per_halaman
        self._nilai: dict[str, Any] | None = (
            None if lingkup is None else dict(zip(("ui", "pid", "mengawasi"), lingkup, strict=True)))

    def count(self) -> int:
        return 0 if self._nilai is None else int(_daftar_jumlah(**self._nilai)[0]["n"])

    def __getitem__(self, potong: slice) -> list[Penugasan]:
        if self._nilai is None:
            return []
        # A page's bounds are part of the prepared SQL: always ask a whole page (the Paginator cuts its
        # last page at the count, which would make a plan per count and fill the plan cache).
        awal = potong.start or 0
        assert potong.stop is not None and potong.stop - awal <= self.per_halaman
        return _daftar_potong(**self._nilai, awal=awal, akhir=awal + self.per_halaman)


# The detail page's reads, prepared once (sikerja.kueri): the visibility rule alone cost 3.9 ms
# and the letters' 4.5 ms of CPU to compile on every visit.
_satu: KueriSiap[Penugasan] = KueriSiap(lambda ui, pid, mengawasi, pk: (
    _dengan_pihak(_terlihat(ui, pid, mengawasi)).filter(pk=pk)), tetap=("mengawasi",))


def penugasan_untuk(pengguna, pk: int) -> Penugasan | None:  # type: ignore[no-untyped-def]
    """The assignment if ``pengguna`` may open it (``daftar_penugasan`` for one row), else None."""
    lingkup = _lingkup(pengguna)
    if lingkup is None:
        return None
    ui, pid, mengawasi = lingkup
    rows = _satu(ui=ui, pid=pid, mengawasi=mengawasi, pk=pk)
    return rows[0] if rows else None


def _surat_terlihat(ui: int, lingkup: tuple[int, int | None, bool] | None, pid: int | None,
                    penugasan_id: int | None) -> QuerySet[Surat]:
    """Letters the user's side issued or received; across instansi only those that crossed.
    Built without reading the database (``lingkup`` from ``_lingkup``; ``pid``: the user's pegawai)."""
    # Letters of the assignments the user may see, issued or received by his side...
    dilihat = _terlihat(*lingkup).values("id") if lingkup else Penugasan.objects.none().values("id")
    terlihat = (Q(instansi_id=ui) | Q(instansi_penerima_id=ui)) & Q(subjek_jenis=SUBJEK, subjek_id__in=dilihat)
    if pid:
        # ...and any letter addressed or copied to him or delivered to his inbox (the requester
        # of a lintas-instansi path is told of the other instansi's surat penugasan).
        terlihat |= (Q(tembusan__id=pid) | Q(kepada__id=pid)
                     | Q(id__in=Item.objects.filter(penerima_id=pid, surat__isnull=False).values("surat_id")))
    qs = Surat.objects.filter(terlihat).distinct()
    if penugasan_id is not None:
        qs = qs.filter(subjek_jenis=SUBJEK, subjek_id=penugasan_id)
    return qs.select_related("penandatangan").defer("pdf")


def surat_terlihat(pengguna, penugasan: Penugasan | None = None) -> QuerySet[Surat]:  # type: ignore[no-untyped-def]
    ui = _instansi_id(pengguna)
    if ui is None:
        return Surat.objects.none()
    return _surat_terlihat(ui, _lingkup(pengguna), pengguna.pegawai_id, penugasan.pk if penugasan else None)


_surat_satu: KueriSiap[Surat] = KueriSiap(
    lambda ui, lihat_pid, mengawasi, ada, pid, penugasan_id: _surat_terlihat(
        ui, (ui, lihat_pid, mengawasi) if ada else None, pid, penugasan_id),
    tetap=("mengawasi", "ada"))


def surat_penugasan_terlihat(pengguna, p: Penugasan) -> list[Surat]:  # type: ignore[no-untyped-def]
    """``surat_terlihat(pengguna, p)``, prepared once (the detail page reads it on every visit)."""
    ui = _instansi_id(pengguna)
    if ui is None:
        return []
    lingkup = _lingkup(pengguna)  # its instansi is ``ui``
    _, lihat_pid, mengawasi = lingkup or (ui, None, False)
    return _surat_satu(ui=ui, lihat_pid=lihat_pid, mengawasi=mengawasi, ada=lingkup is not None,
                       pid=pengguna.pegawai_id, penugasan_id=p.pk)


def _jejak(penugasan_id: int, lintas: bool, ui: int | None) -> QuerySet[Transisi]:
    # The trail names each letter; its PDF and content stay in the database.
    qs = (Transisi.objects.filter(subjek_jenis=SUBJEK, subjek_id=penugasan_id)
          .select_related("aktor", "aktor__instansi", "surat").defer("surat__pdf", "surat__isi"))
    if lintas:
        # Each side sees its own steps and the ones whose letters crossed over.
        qs = qs.filter(Q(aktor__instansi_id=ui) | Q(lintas=True))
    return qs


def jejak_audit(pengguna, penugasan: Penugasan) -> QuerySet[Transisi]:  # type: ignore[no-untyped-def]
    from .alur import tabel_status

    return _jejak(penugasan.pk, bool(tabel_status(penugasan).fakta.get("lintas_instansi")), pengguna.instansi_id)


_jejak_halaman: KueriSiap[Transisi] = KueriSiap(_jejak, tetap=("lintas",))


def jejak_halaman(pengguna, penugasan: Penugasan) -> list[Transisi]:  # type: ignore[no-untyped-def]
    """``jejak_audit`` prepared once, for the detail page."""
    from .alur import tabel_status

    lintas = bool(tabel_status(penugasan).fakta.get("lintas_instansi"))
    return _jejak_halaman(penugasan_id=penugasan.pk, lintas=lintas, ui=pengguna.instansi_id if lintas else None)


def kotak_masuk(pegawai_id: int, *, semua: bool = False) -> QuerySet[Item]:
    """The pegawai's inbox (every subject's items: the shared Kotak Masuk)."""
    return kotak_masuk_sel.daftar(pegawai_id, semua=semua)


def jumlah_kotak_masuk(pegawai_id: int) -> int:
    """The navigation badge: one indexed COUNT (kotak_masuk.selectors.jumlah_terbuka)."""
    return kotak_masuk_sel.jumlah_terbuka(pegawai_id)


def _berjalan_sejak(mulai: date) -> date:
    """The first day an assignment must still run on to weigh on the period starting ``mulai``:
    one whose period is over shows as *Selesai* and frees the workload (issue 9 point 9), even when
    the period asked about began in the past (a back-dated assignment)."""
    return max(mulai, timezone.localdate())


def _beban_subquery(mulai: date, selesai: date, kecuali: int | None = None) -> Subquery:
    qs = Penerima.objects.filter(
        pegawai_id=OuterRef("pk"), penugasan__status=DITUGASKAN,
        penugasan__mulai__lte=selesai, penugasan__selesai__gte=_berjalan_sejak(mulai),
    )
    if kecuali:
        qs = qs.exclude(penugasan_id=kecuali)
    return Subquery(
        qs.order_by().values("pegawai_id").annotate(t=Sum("beban_persen")).values("t")[:1],
        output_field=IntegerField(),
    )


_beban: KueriSiap[dict[str, Any]] = KueriSiap(lambda pegawai_ids, selesai, sejak, kecuali: (
    Penerima.objects.filter(pegawai_id__in=pegawai_ids, penugasan__status=DITUGASKAN, penugasan__mulai__lte=selesai,
                            penugasan__selesai__gte=sejak)
    .exclude(penugasan_id=kecuali).values("pegawai_id").annotate(t=Sum("beban_persen"))))


def beban_pegawai(pegawai_ids: list[int], mulai: date, selesai: date, kecuali: int | None = None) -> dict[int, int]:
    """Declared effort (percent) of active assignments overlapping [mulai, selesai] (SPEC §4);
    an assignment whose period is over no longer counts. Prepared once (sikerja.kueri)."""
    hasil = dict.fromkeys(pegawai_ids, 0)
    hasil.update({r["pegawai_id"]: r["t"] for r in _beban(
        pegawai_ids=list(pegawai_ids), selesai=selesai, sejak=_berjalan_sejak(mulai), kecuali=kecuali or 0)})
    return hasil


def beban_rinci(pegawai_ids: list[int], mulai: date, selesai: date) -> dict[int, list[Penerima]]:
    """Each pegawai's active assignments overlapping the period, with declared effort (one query)."""
    hasil: dict[int, list[Penerima]] = {i: [] for i in pegawai_ids}
    rows = (
        Penerima.objects.filter(pegawai_id__in=pegawai_ids, penugasan__status=DITUGASKAN,
                                penugasan__mulai__lte=selesai, penugasan__selesai__gte=_berjalan_sejak(mulai))
        .select_related("penugasan")
        .only("pegawai_id", "beban_persen", "penugasan__judul", "penugasan__mulai", "penugasan__selesai")
        .order_by("penugasan__mulai")
    )
    for r in rows:
        hasil[r.pegawai_id].append(r)
    return hasil


def penugasan_aktif(pegawai: Pegawai, pada: date | None = None) -> QuerySet[Penerima]:
    return _aktif(pegawai.pk, pada or timezone.localdate())


def _aktif(pegawai_id: int, pada: date) -> QuerySet[Penerima]:
    return (
        Penerima.objects.filter(pegawai_id=pegawai_id, penugasan__status=DITUGASKAN, penugasan__selesai__gte=pada)
        .select_related("penugasan")
        .order_by("penugasan__mulai")
    )


# The pegawai page's panel (every pegawai page draws it), prepared once (sikerja.kueri): his active
# assignments with only the columns shown, and which of them the viewer may open.
_aktif_panel: KueriSiap[Penerima] = KueriSiap(lambda pegawai_id, pada: (
    _aktif(pegawai_id, pada).select_related("penugasan__instansi").only(
        "penugasan_id", "beban_persen", "ketua", "penugasan__judul", "penugasan__bentuk", "penugasan__mulai",
        "penugasan__selesai", "penugasan__instansi_id", "penugasan__instansi__nama")))
_terlihat_di_antara: KueriSiap[dict[str, Any]] = KueriSiap(lambda ui, pid, mengawasi, ids: (
    _terlihat(ui, pid, mengawasi).filter(id__in=ids).values("id")), tetap=("mengawasi",))


def panel_aktif(pengguna: Any, pegawai: Pegawai) -> tuple[list[Penerima], set[int]]:
    """``penugasan_aktif(pegawai)`` (the panel's columns) and the ids of those ``pengguna`` may open."""
    aktif = _aktif_panel(pegawai_id=pegawai.pk, pada=timezone.localdate())
    lingkup = _lingkup(pengguna) if aktif else None
    if lingkup is None:
        return aktif, set()
    ui, pid, mengawasi = lingkup
    ids = [r.penugasan_id for r in aktif]
    return aktif, {r["id"] for r in _terlihat_di_antara(ui=ui, pid=pid, mengawasi=mengawasi, ids=ids)}


_KATA_SAMBUNG = frozenset({"dan", "atau", "yang", "untuk", "serta", "dengan", "dalam", "pada", "bagi", "the", "and"})


def frasa_kompetensi(teks: str) -> list[list[str]]:
    """Criteria as phrases (split on , ; / and new lines), each a list of significant words."""
    hasil = []
    for frasa in re.split(r"[,;/\n]+", teks.lower()):
        kata = [k for k in re.findall(r"\w+", frasa) if len(k) >= 3 and k not in _KATA_SAMBUNG]
        if kata:
            hasil.append(kata)
    return hasil


def cocok_kompetensi(nama: str, frasa: list[list[str]]) -> bool:
    """A competency meets the criteria when it holds every word of one phrase
    ("analisis data" matches "Analisis data epidemiologi", not "Pelayanan data")."""
    n = nama.lower()
    return any(all(k in n for k in f) for f in frasa)


def _kandidat_dasar(pejabat: Pegawai, *, kompetensi: str = "", jenjang: str = "", unit_id: int | None = None,
                    lingkup: str = "ppk", per_pegawai: bool = False) -> QuerySet[Pegawai]:
    """The candidates of :func:`kandidat` by every filter but load, unordered and without load.

    ``per_pegawai``: the same rows in a shape that checks each pegawai by an EXISTS on his current
    kedudukan — to walk the instansi's names index for a first page (with an instansi filter), or
    to check a few given ids. The default shape (ids IN the official's kedudukan) is the one for
    counting and for reading all of them."""
    if per_pegawai:
        if lingkup == "pimpinan_pd":
            dasar = Q(id__in=bawahan_ids(pejabat, lingkup))
        else:
            dasar = Q(Exists(berlaku(pejabat.instansi_id).filter(  # type: ignore[arg-type]
                _syarat_bawahan(pejabat, lingkup), pegawai_id=OuterRef("pk"))))
        qs = Pegawai.objects.filter(dasar, aktif=True, jenis_jabatan__in=JF_PELAKSANA)
    else:
        qs = Pegawai.objects.filter(id__in=bawahan_ids(pejabat, lingkup), aktif=True, jenis_jabatan__in=JF_PELAKSANA)
    frasa = frasa_kompetensi(kompetensi)
    if frasa:
        ids = Q()
        for f in frasa:
            # One filter() per phrase: all its words on the same competency row.
            sama = Q()
            for k in f:
                sama &= Q(nama__icontains=k)
            ids |= Q(id__in=Kompetensi.objects.filter(sama).values("pegawai_id"))
        qs = qs.filter(ids)
    if jenjang:
        qs = qs.filter(jenjang=jenjang)
    if unit_id:
        qs = qs.filter(unit_id=unit_id)
    return qs


def kandidat(
    pejabat: Pegawai,
    *,
    mulai: date,
    selesai: date,
    kompetensi: str = "",
    jenjang: str = "",
    unit_id: int | None = None,
    beban_maks: int | None = None,
    lingkup: str = "ppk",
) -> QuerySet[Pegawai]:
    """JF and pelaksana the official rates or leads, with their current load (SPEC §4, point 3).

    ``kompetensi`` is matched against the pegawai's competencies: one competency holding
    every word of one of its phrases (see :func:`frasa_kompetensi`). Computes every candidate's
    load in SQL: the reference order; pages read :class:`KandidatPerHalaman`.
    """
    qs = (
        _kandidat_dasar(pejabat, kompetensi=kompetensi, jenjang=jenjang, unit_id=unit_id, lingkup=lingkup)
        .select_related("unit")
        .prefetch_related("kompetensi")
        .annotate(beban=Coalesce(_beban_subquery(mulai, selesai), Value(0)))
        .order_by("beban", "nama")
    )
    if beban_maks is not None:
        qs = qs.filter(beban__lte=beban_maks)
    return qs


def _berbeban(mulai: date, selesai: date) -> QuerySet:
    """The pegawai carrying a positive declared load in the period (the few) with that load ``t``:
    the same assignments as :func:`_beban_subquery` counts."""
    return (
        Penerima.objects.filter(penugasan__status=DITUGASKAN, penugasan__mulai__lte=selesai,
                                penugasan__selesai__gte=_berjalan_sejak(mulai))
        .order_by().values("pegawai_id").annotate(t=Sum("beban_persen")).filter(t__gt=0)
    )


class KandidatPerHalaman:
    """The candidates of :func:`kandidat` in its order (lightest load first, then name), one page at
    a time, computing the load only of those who carry one.

    A Kepala Dinas Pendidikan leads ~19,000 teachers; ordering them by a correlated load subquery
    cost PostgreSQL a second per page. Few pegawai carry an active assignment at a time, so the
    candidates split in two: the unloaded, by name, then the loaded few, lightest first (their loads
    read once, in one grouped query). Unfiltered, the unloaded are counted in SQL and a page is read
    by walking the instansi's names index until it is full when that touches at most ``JALAN_MAKS``
    pegawai (a Kepala Dinas's first page of 50 touches ~150), otherwise by sorting them in SQL (a
    deep page). Filtered (competency, jenjang, unit), their ids are read once in name order. Behaves
    as a sequence for the API paginator and the web page (``count()`` and slices); each row carries
    ``beban`` like :func:`kandidat`'s.
    """

    JALAN_MAKS = 3000

    def __init__(self, pejabat: Pegawai, *, mulai: date, selesai: date, kompetensi: str = "", jenjang: str = "",
                 unit_id: int | None = None, beban_maks: int | None = None, lingkup: str = "ppk") -> None:
        saring = dict(kompetensi=kompetensi, jenjang=jenjang, unit_id=unit_id, lingkup=lingkup)
        qs = _kandidat_dasar(pejabat, **saring)  # type: ignore[arg-type]
        # The same period as kandidat(): an assignment whose period is over frees the workload even
        # when the period asked about began in the past (issue 9 point 9).
        # Not joined to Pegawai for the instansi: SQLite then walked every pegawai of the instansi
        # looking up his assignments; the active assignments of the period are the few rows to read.
        berbeban = _berbeban(mulai, selesai)
        beban = dict(berbeban.values_list("pegawai_id", "t"))
        kosong = beban_maks is not None and beban_maks < 0  # nobody carries a negative load
        # A filter (competency, jenjang, unit) leaves few candidates, and the competency match costs
        # a scan of its own: then all their ids are read once in name order (one query serves the
        # count and every page), as re-reading them for a count and a page costs more.
        self._ids: list[int] | None = None
        if kompetensi or jenjang or unit_id:
            semua = list(qs.order_by("nama", "id").values_list("id", flat=True))
            self._ids = [] if kosong else [pk for pk in semua if pk not in beban]
            muat = [pk for pk in semua if pk in beban]
        else:
            # Driven by the loaded few (an EXISTS each), not by the official's thousands of kedudukan.
            # (A subquery, not a list of ids: no bound-parameter limit however many carry a load.)
            muat = list(_kandidat_dasar(pejabat, per_pegawai=True, **saring).filter(  # type: ignore[arg-type]
                id__in=berbeban.values("pegawai_id")).order_by("nama", "id").values_list("id", flat=True)) if beban else []
        self._muat = sorted(((beban[pk], pk) for pk in muat if beban_maks is None or beban[pk] <= beban_maks),
                            key=lambda x: x[0])  # stable: by name among equal loads
        tanpa = berbeban.values("pegawai_id")
        self._nol = qs.none() if kosong else qs.exclude(id__in=tanpa)
        jalan = _kandidat_dasar(pejabat, per_pegawai=True, **saring).filter(  # type: ignore[arg-type]
            instansi_id=pejabat.instansi_id)  # the (instansi, nama) index, walked in order
        self._nol_urut = (qs.none() if kosong else jalan.exclude(id__in=tanpa)).select_related("unit").prefetch_related("kompetensi").order_by(
            "nama", "id")
        self._n_nol: int | None = None
        self._instansi_id = pejabat.instansi_id

    def _jumlah_nol(self) -> int:
        if self._n_nol is None:
            self._n_nol = len(self._ids) if self._ids is not None else self._nol.count()
        return self._n_nol

    def count(self) -> int:
        return self._jumlah_nol() + len(self._muat)

    def __len__(self) -> int:
        return self.count()

    def _baris(self, pks: list[tuple[int, int]]) -> list[Pegawai]:
        per_id = Pegawai.objects.select_related("unit").prefetch_related("kompetensi").in_bulk([pk for _, pk in pks])
        hasil = []
        for b, pk in pks:
            p = per_id[pk]
            p.beban = b  # type: ignore[attr-defined]
            hasil.append(p)
        return hasil

    def _jalan(self, akhir: int, n: int) -> bool:
        """Whether walking the names index to row ``akhir`` touches at most JALAN_MAKS pegawai."""
        semua = UnitOrganisasi.objects.filter(instansi_id=self._instansi_id, induk__isnull=True, aktif=True).aggregate(
            n=Sum("jumlah_pegawai_total"))["n"] or 0
        return akhir * semua <= self.JALAN_MAKS * n

    def __getitem__(self, k: slice) -> list[Pegawai]:
        awal, akhir, _ = k.indices(self.count())
        n = self._jumlah_nol()
        hasil: list[Pegawai] = []
        if awal < min(akhir, n):
            if self._ids is not None:
                hasil = self._baris([(0, pk) for pk in self._ids[awal:min(akhir, n)]])
            elif self._jalan(akhir, n):
                hasil = list(self._nol_urut[awal:min(akhir, n)])
                for p in hasil:
                    p.beban = 0  # type: ignore[attr-defined]
            else:
                ids = self._nol.order_by("nama", "id").values_list("id", flat=True)[awal:min(akhir, n)]
                hasil = self._baris([(0, pk) for pk in ids])
        return hasil + self._baris(self._muat[max(awal - n, 0):max(akhir - n, 0)])


def unit_kandidat(pejabat: Pegawai, lingkup: str = "ppk") -> QuerySet[UnitOrganisasi]:
    """The units the official's candidates sit in (the unit filter of the candidate page)."""
    return UnitOrganisasi.objects.filter(id__in=_kandidat_dasar(pejabat, lingkup=lingkup).values("unit_id")).order_by(
        "nama")


def bawahan_ids(pejabat: Pegawai, lingkup: str = "ppk") -> QuerySet:
    """Ids of the pegawai ``pejabat`` may offer or assign, as a subquery.

    ``lingkup`` is the addressee kind of the path (alur.Alur.kepada): "ppk", the pegawai he
    rates or leads; "puo", those he leads; "pimpinan_pd", the JF and pelaksana of his
    Perangkat Daerah (Magelang Lampiran II huruf A angka 2).
    """
    if lingkup == "pimpinan_pd":
        pd = pejabat.unit_id
        return Pegawai.objects.filter(
            Q(unit_id=pd) | Q(unit__akar_pd_id=pd), instansi_id=pejabat.instansi_id, aktif=True,
            jenis_jabatan__in=JF_PELAKSANA).values("id")
    # "dinilai": only the pegawai whose current PPK he is — the "Pejabat Penilai Kinerja dimana
    # Pejabat Fungsional atau pelaksana berada" (Karangasem Pasal 14 ayat (3)–(4); Pasuruan Lampiran
    # II.B.2.a.2; Pekanbaru Lampiran A.2; Magelang Pasal 12 ayat (2)).
    return berlaku(pejabat.instansi_id).filter(  # type: ignore[arg-type]
        _syarat_bawahan(pejabat, lingkup)).values("pegawai_id")


def _syarat_bawahan(pejabat: Pegawai, lingkup: str) -> Q:
    """The kedudukan condition of :func:`bawahan_ids` for the kedudukan-based ``lingkup``."""
    return {"puo": Q(pimpinan_unit=pejabat), "dinilai": Q(ppk=pejabat)}.get(
        lingkup, Q(ppk=pejabat) | Q(pimpinan_unit=pejabat))


def pimpinan_pd(instansi_id: int) -> QuerySet[Pegawai]:
    """Heads of the Perangkat Daerah (the top units) of an instansi."""
    return Pegawai.objects.filter(instansi_id=instansi_id, aktif=True, kepala_unit=True,
                                  unit__induk__isnull=True).select_related("unit").order_by("nama")


def pimpinan_pd_dari(pegawai: Pegawai) -> Pegawai | None:
    """The head of the Perangkat Daerah ``pegawai`` works in."""
    unit = pegawai.unit
    return pimpinan_pd(pegawai.instansi_id).filter(unit_id=unit.akar_pd_id or unit.id).first()


def ppk_lintas_unit(instansi_id: int, pemohon: Pegawai | None = None) -> QuerySet[Pegawai]:
    """The PPK a lintas-unit request may be addressed to: "Pejabat Penilai Kinerja dituju dimana Pejabat
    Fungsional atau pelaksana dimaksud berada" (Perbup Karangasem 15/2023 Pasal 14 ayat (3) huruf a–c;
    Perbup Pasuruan 217/2023 Lampiran II.B.2.a.2; Pekanbaru Lampiran A.2) — an official who is the
    current PPK of at least one active JF or pelaksana outside the requester's own unit, not anyone
    who rates someone (issue 9 point 2). One query: the officials come from the PPK index of the
    current kedudukan (driving the lookup: no filter on Pegawai.instansi, which would make SQLite walk
    every pegawai in name order), each checked by a subquery that stops at his first such pegawai."""
    dinilai = berlaku(instansi_id).filter(  # type: ignore[arg-type]
        ppk_id=OuterRef("pk"), pegawai__aktif=True, pegawai__jenis_jabatan__in=JF_PELAKSANA)
    if pemohon is not None:
        dinilai = dinilai.exclude(pegawai__unit_id=pemohon.unit_id)
    ppk = berlaku(instansi_id).filter(ppk__isnull=False).values("ppk_id")  # type: ignore[arg-type]
    return _ada(Pegawai.objects.filter(id__in=ppk, aktif=True), dinilai).select_related("unit").order_by("nama", "id")


def _ada(qs: QuerySet[Pegawai], per_pejabat: QuerySet) -> QuerySet[Pegawai]:
    """``qs`` where ``per_pejabat`` (correlated on the official) has a row, checked per official and
    stopping at the first: a scalar subquery with LIMIT 1. An EXISTS is flattened by PostgreSQL into
    a semi-join that first joins every kedudukan of the instansi with its pegawai (~40 ms at 50,000)."""
    return qs.annotate(_ada=Subquery(per_pejabat.order_by().values("pk")[:1])).filter(_ada__isnull=False)


def pejabat_dituju(instansi_id: int, kepada: str, pemohon: Pegawai | None = None) -> QuerySet[Pegawai]:
    """Who a written request may be addressed to, by the path's addressee kind (alur.Alur.kepada).
    ``pemohon``: the requester, whose own unit's pegawai do not make a PPK dituju (ppk_lintas_unit)."""
    if kepada == "pimpinan_pd":
        return pimpinan_pd(instansi_id)
    if kepada == "puo":
        return pejabat_puo(instansi_id, hanya_jf=True)
    # "ppk"/"dinilai": the PPK where the JF/pelaksana sit; he then offers only the pegawai he rates
    # himself (bawahan_ids "dinilai").
    return ppk_lintas_unit(instansi_id, pemohon)


def pejabat_dituju_jalur(instansi, jalur: str, pemohon: Pegawai | None = None) -> QuerySet[Pegawai]:  # type: ignore[no-untyped-def]
    """The officials a request on ``jalur`` in ``instansi`` may be addressed to, by the table its
    regulation uses: the PPK where the JF/pelaksana sit, outside the requester's own unit (he processes
    the request and draws up the surat penugasan: Karangasem Pasal 14 ayat (3) huruf a–c; Pasuruan
    Lampiran II.B.2.a.2; Pekanbaru Lampiran A.2), the Pimpinan Perangkat Daerah (Magelang) or the
    pimpinan unit organisasi (Blitar). The forms and the API offer exactly these."""
    from .alur import alur_dari
    from .services import varian_untuk

    return pejabat_dituju(instansi.pk, alur_dari(jalur, varian_untuk(instansi, jalur)).kepada, pemohon)


def instansi_tujuan_lintas(instansi_id: int) -> QuerySet[Instansi]:
    """The other instansi a lintas-instansi request may go to: not those whose regulation has no such
    path (Perwal Magelang 25/2023 Pasal 11 ayat (2), Pasal 14 ayat (1); penugasan.aturan ``tertutup``)."""
    from sikerja.kedudukan.engine import available_profiles

    from .aturan import aturan

    tertutup = [k for k in available_profiles() if aturan(k).tertutup("lintas_instansi")]
    return Instansi.objects.exclude(id=instansi_id).exclude(profil__in=tertutup).order_by("nama")


def ppk_diinstruksikan(instansi_id: int, jenjang: str = "") -> QuerySet[Pegawai]:
    """The PPK a PyB may instruct on a lintas-instansi request (Karangasem Pasal 14 ayat (4) huruf c–d;
    Pasuruan Lampiran II.B.2.a.3 huruf c): the current PPK of some active JF or pelaksana (of
    ``jenjang``, when the request names one)."""
    dinilai = berlaku(instansi_id).filter(  # type: ignore[arg-type]
        ppk__isnull=False, pegawai__aktif=True, pegawai__jenis_jabatan__in=JF_PELAKSANA)
    if jenjang:
        dinilai = dinilai.filter(pegawai__jenjang=jenjang)
    return Pegawai.objects.filter(id__in=dinilai.values("ppk_id"), aktif=True).select_related("unit").order_by("nama")


def pejabat_puo(instansi_id: int, hanya_jf: bool = False) -> QuerySet[Pegawai]:
    """Officials who currently lead someone (``hanya_jf``: at least one JF or pelaksana). The
    officials come from the pimpinan-unit index of the current kedudukan; the JF condition is
    checked per official (:func:`_ada`), not a join of every pegawai of a 50,000-pegawai instansi."""
    ids = berlaku(instansi_id).filter(pimpinan_unit__isnull=False).values("pimpinan_unit_id")  # type: ignore[arg-type]
    qs = Pegawai.objects.filter(id__in=ids, aktif=True)
    if hanya_jf:
        qs = _ada(qs, berlaku(instansi_id).filter(  # type: ignore[arg-type]
            pimpinan_unit_id=OuterRef("pk"), pegawai__jenis_jabatan__in=JF_PELAKSANA))
    return qs.select_related("unit").order_by("nama", "id")


def usulan_tertutup(pengguna, p: Penugasan) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``pengguna`` must not see whom the other instansi's PPK has proposed on ``p``: on a
    lintas-instansi path, the requesting side sees the pegawai only once the target PyB has approved
    the answer — and then what the letters say, nothing more (issue 10 point 10)."""
    from .alur import tabel_status

    langkah = tabel_status(p).fakta.get("usulan_terungkap_setelah")
    if not langkah or _instansi_id(pengguna) == p.instansi_tujuan_id:
        return False
    return not p.transisi.filter(aksi="setujui", dari_status=langkah).exists()


_penerima: KueriSiap[Penerima] = KueriSiap(lambda penugasan_id: (
    Penerima.objects.filter(penugasan_id=penugasan_id).select_related("pegawai__unit")))


def penerima_terlihat(pengguna, p: Penugasan) -> list[Penerima]:  # type: ignore[no-untyped-def]
    """The assignees ``pengguna`` may see on ``p`` (none while the other instansi's proposal is closed)."""
    if usulan_tertutup(pengguna, p):
        return []
    rows = _penerima(penugasan_id=p.pk)
    for r in rows:
        r.penugasan = p
    return rows


_kembali_terakhir: KueriSiap[Transisi] = KueriSiap(lambda penugasan_id: (
    Transisi.objects.filter(subjek_jenis=SUBJEK, subjek_id=penugasan_id).select_related("aktor")
    .order_by("-waktu", "-id")[:1]))


def alasan_kembali_terakhir(p: Penugasan) -> Transisi | None:
    """The return that put ``p`` where it is now, if the last decision on it was a return."""
    rows = _kembali_terakhir(penugasan_id=p.pk)
    return rows[0] if rows and rows[0].aksi == "kembalikan" else None


def belum_dibaca(pegawai_id: int, p: Penugasan) -> int:
    """Open tembusan and notices of ``p`` for the pegawai (actions close only when taken)."""
    return Item.objects.filter(penerima_id=pegawai_id, subjek_jenis=SUBJEK, subjek_id=p.pk, terbuka=True,
                               jenis__in=["tembusan", "info"]).count()


def pemberi_rekomendasi(p: Penugasan) -> list[Transisi]:
    """The recommendations (one per PUO, in order, with actor and time) of the PPK's latest choice
    of pegawai — a return to the PPK voids the earlier ones (Perbup Pasuruan 217/2023 Lampiran
    II.B.2.a.2 huruf c; Perbup Karangasem Pasal 14 ayat (3) huruf c)."""
    pilihan = p.transisi.filter(aksi="setujui", ke_status="menunggu_rekomendasi_puo").exclude(
        dari_status="menunggu_rekomendasi_puo").order_by("-id").values_list("id", flat=True).first()
    if pilihan is None:
        return []
    pertama: dict[int, Transisi] = {}
    for t in p.transisi.filter(id__gt=pilihan, dari_status="menunggu_rekomendasi_puo", aksi="setujui").select_related(
            "aktor").order_by("id"):
        pertama.setdefault(t.aktor_id, t)
    return list(pertama.values())
