"""Kedudukan pages: mine, the people a head rates/leads/coordinates, the chart of
a Perangkat Daerah, the BKPSDM warnings (with Excel export) and delegations.

Every pegawai sees their own kedudukan and its legal basis before receiving
assignments (Magelang Lampiran II; Pekanbaru Lampiran A.6).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from datetime import date
from io import BytesIO
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, F, FilteredRelation, OuterRef, Q, Subquery, Window
from django.db.models.functions import RowNumber
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from sikerja.akses import Permintaan, instansi_required, peran_required
from sikerja.kalimat import rapikan
from sikerja.organisasi import selectors as org_selectors
from sikerja.organisasi.baris import opsi_pd
from sikerja.organisasi.models import Pegawai, UnitOrganisasi
from sikerja.organisasi.vocab import (
    JENJANG,
    LABEL_JENIS_UNIT,
    LABEL_JENJANG,
    LABEL_WEWENANG,
    WEWENANG_DELEGASI,
)

from . import peringatan as pr
from . import selectors, services
from .engine import load_profil
from .models import Delegasi

KATEGORI = {
    "tanpa_ppk": "Belum ada PPK",
    "tanpa_puo": "Belum ada pimpinan unit",
    "menunggu_delegasi": "Menunggu pendelegasian",
    "lain": "Peringatan lain",
}


def _pegawai_sendiri(request: Permintaan) -> Pegawai:
    if not request.user.pegawai_id:
        raise PermissionDenied("Akun Anda tidak terhubung ke data pegawai.")
    return request.user.pegawai


@instansi_required
def saya(request: Permintaan) -> HttpResponse:
    p = _pegawai_sendiri(request)
    return render(request, "kedudukan/saya.html", {
        "p": p, "k": selectors.kedudukan_pegawai(p), "profil": load_profil(p.instansi.profil),
    })


@instansi_required
def bawahan(request: Permintaan) -> HttpResponse:
    """For a head: who he rates (PPK), leads (pimpinan unit) and coordinates."""
    p = _pegawai_sendiri(request)
    rows = selectors.berlaku(p.instansi).filter(
        Q(ppk=p) | Q(pimpinan_unit=p) | Q(koordinator=p), pegawai__aktif=True
    ).order_by("pegawai__unit__nama", "pegawai__nama")
    # A Kepala Dinas leads thousands: counts from the database, the list a page at a time.
    jumlah = rows.aggregate(ppk=Count("id", filter=Q(ppk=p)), puo=Count("id", filter=Q(pimpinan_unit=p)),
                            koordinator=Count("id", filter=Q(koordinator=p)))
    halaman = Paginator(rows.values(
        "pegawai_id", "pegawai__nama", "pegawai__jabatan", "pegawai__unit__nama", "ppk_id", "ppk__nama",
        "pimpinan_unit_id", "pimpinan_unit__nama", "koordinator_id"), 100).get_page(request.GET.get("hal"))
    url_pegawai = reverse("organisasi:pegawai", args=[0]).removesuffix("0/")
    # Each row formatted once here: as a template loop 100 rows of ~15 lookups were most of the page.
    halaman.object_list = [_baris_bawahan(k, p.id, url_pegawai) for k in halaman]  # type: ignore[misc]
    return render(request, "kedudukan/bawahan.html", {"p": p, "daftar": halaman, "jumlah": jumlah})


_PERAN_SAYA = (
    ("ppk_id", mark_safe('<span class="badge text-bg-primary">PPK</span> ')),
    ("pimpinan_unit_id", mark_safe('<span class="badge text-bg-info">Pimpinan unit</span> ')),
    ("koordinator_id", mark_safe('<span class="badge text-bg-success">Koordinator</span>')),
)
_BARIS_BAWAHAN = (
    '<tr><td data-label="Pegawai"><a href="{url}{id}/">{nama}</a></td><td data-label="Jabatan">{jabatan}</td>'
    '<td data-label="Unit">{unit}</td>\n      <td data-label="Peran saya">{peran}</td>\n'
    '      <td class="small" data-label="Catatan">{catatan}</td></tr>'
)


def _baris_bawahan(k: Mapping[str, Any], saya: int, url_pegawai: str) -> SafeString:
    """One row of ``bawahan``: the pegawai, my roles for him, and who else takes part in rating him."""
    peran = mark_safe("".join(label for kolom, label in _PERAN_SAYA if k[kolom] == saya))
    catatan: str = ""
    if k["ppk_id"] == saya and k["pimpinan_unit_id"] and k["pimpinan_unit_id"] != saya:
        catatan = f"Rekomendasi penilaian dari {k['pimpinan_unit__nama']}"
    elif k["pimpinan_unit_id"] == saya and k["ppk_id"] != saya:
        catatan = f"Dinilai oleh {k['ppk__nama'] or '— (belum ada PPK)'}; Anda menyampaikan rekomendasi penilaian"
    return format_html(_BARIS_BAWAHAN, url=url_pegawai, id=k["pegawai_id"], nama=k["pegawai__nama"],
                       jabatan=k["pegawai__jabatan"], unit=k["pegawai__unit__nama"], peran=peran, catatan=catatan)


# Sub-units drawn under one unit in the chart; the rest are counted and linked.
BAGAN_ANAK_MAKS = 30


@instansi_required
def bagan(request: Permintaan, pk: int) -> HttpResponse:
    """The chart of one Perangkat Daerah: its units, heads, and for the people in
    each unit who rates, leads and coordinates them (grouped, with counts)."""
    instansi = request.user.instansi
    kolom = ("id", "nama", "jenis", "level")
    akar = get_object_or_404(UnitOrganisasi.objects.values(*kolom, "akar_pd_id"), pk=pk, instansi=instansi)
    pd_id = akar["akar_pd_id"] or akar["id"]
    # Only the units drawn are read: the first BAGAN_ANAK_MAKS sub-units of each parent, numbered in the
    # database, each with its number of siblings for the "… dan N sub-unit lain" link. A Dinas
    # Pendidikan has thousands of schools, and reading its whole shape to draw some thirty units
    # was most of the chart's time.
    urutan = [F(k).asc() for k in ("level", "jenis", "nama", "id")]
    baris = (org_selectors.units(instansi).filter(akar_pd_id=pd_id)
             .annotate(urut=Window(RowNumber(), partition_by=F("induk_id"), order_by=urutan),
                       saudara=Window(Count("id"), partition_by=F("induk_id")),
                       # its head with it: at most one per unit (a unique index), so no row is repeated
                       kepala=FilteredRelation("pegawai", condition=Q(pegawai__kepala_unit=True, pegawai__aktif=True)))
             .filter(urut__lte=BAGAN_ANAK_MAKS).order_by()
             .values(*kolom, "induk_id", "urut", "saudara", "kepala__id", "kepala__nama", "kepala__jabatan"))
    anak_id: dict[int | None, list[int]] = defaultdict(list)
    jumlah_anak: dict[int | None, int] = {}
    semua = {}
    for u in sorted(baris, key=lambda u: u["urut"]):
        semua[u["id"]] = u
        if u["id"] != pd_id:
            anak_id[u["induk_id"]].append(u["id"])
            jumlah_anak[u["induk_id"]] = u["saudara"]
    terlihat, antre = [pd_id], [pd_id]
    while antre:
        anak_terlihat = anak_id.get(antre.pop(), [])
        terlihat += anak_terlihat
        antre += anak_terlihat
    units = {i: semua[i] for i in terlihat if i in semua}
    garis: dict[int, dict[tuple[Any, ...], int]] = defaultdict(dict)
    nama: dict[int, str] = {}
    # Counted in the database, one row per (unit, PPK, PUO, koordinator), not one per pegawai, with their names.
    for unit_id, ppk_id, puo_id, ko_id, *nama_pejabat, n in (
        selectors.berlaku(instansi).filter(pegawai__unit_id__in=terlihat, pegawai__aktif=True,
                                           pegawai__kepala_unit=False)
        .values_list("pegawai__unit_id", "ppk_id", "pimpinan_unit_id", "koordinator_id",
                     "ppk__nama", "pimpinan_unit__nama", "koordinator__nama")
        .annotate(n=Count("id")).order_by()
    ):
        garis[unit_id][(ppk_id, puo_id, ko_id)] = n
        nama.update(zip((ppk_id, puo_id, ko_id), nama_pejabat, strict=True))
    url_unit = reverse("organisasi:unit", args=[0]).removesuffix("0/")
    url_pegawai = reverse("organisasi:pegawai", args=[0]).removesuffix("0/")
    for u in units.values():
        # Everything the chart shows, links formatted here: a `{% url %}` per node was most of its time.
        u["label_jenis"] = LABEL_JENIS_UNIT.get(u["jenis"], u["jenis"])
        u["url"] = f"{url_unit}{u['id']}/"
        u["kepala"] = ({"url": f"{url_pegawai}{u['kepala__id']}/", "nama": u["kepala__nama"],
                       "jabatan": u["kepala__jabatan"]} if u["kepala__id"] else None)
        u["garis"] = [
            {"jumlah": n, "ppk": nama.get(a) if a else None, "puo": nama.get(b) if b else None,
             "koordinator": nama.get(c) if c else None, "beda": a != b}
            for (a, b, c), n in sorted(garis[u["id"]].items(), key=lambda kv: -kv[1])
        ]
    pd = units.get(pd_id)
    if pd is None:  # an inactive unit's own chart: its head and lines as for any other
        pd = {**akar, "label_jenis": LABEL_JENIS_UNIT.get(akar["jenis"], akar["jenis"]),
              "url": f"{url_unit}{akar['id']}/", "kepala": None, "garis": []}

    def simpul(u: dict[str, Any]) -> dict[str, Any]:
        # A unit with hundreds of sub-units (schools, puskesmas) shows the first ones and a link to
        # the unit page, which lists them all a page at a time.
        return {"u": u, "anak": [simpul(units[c]) for c in anak_id.get(u["id"], []) if c in units],
                "sisa": max(0, jumlah_anak.get(u["id"], 0) - BAGAN_ANAK_MAKS)}

    return render(request, "kedudukan/bagan.html", {"pd": pd, "akar": simpul(pd)})


def _peringatan_qs(request: Permintaan, berlaku: Any = None) -> tuple[Any, str, str]:
    """The warning rows under the page's filters; ``berlaku``: the current rows, if already read."""
    instansi = request.user.instansi
    kategori = request.GET.get("kategori", "")
    pd = request.GET.get("pd", "")
    qs = (
        (selectors.berlaku(instansi) if berlaku is None else berlaku)
        .filter(pegawai__aktif=True, penjelasan__ada_peringatan=True)
        .order_by("pegawai__unit__akar_pd__nama", "pegawai__unit__nama", "pegawai__nama")
    )
    if pd.isdigit():
        qs = qs.filter(pegawai__unit__akar_pd_id=int(pd))
    return qs, kategori, pd


def _kategori(ppk_id: int | None, puo_id: int | None, menunggu: bool) -> str:
    return ("tanpa_ppk" if ppk_id is None else "tanpa_puo" if puo_id is None
            else "menunggu_delegasi" if menunggu else "lain")


def _menunggu_delegasi(peringatan: list[Any]) -> bool:
    """Whether stored warnings (``Penjelasan.peringatan``) include waiting for a delegation (by code)."""
    return any(pr.Peringatan.dari_data(d).kode == pr.MENUNGGU_DELEGASI for d in peringatan)


def _peringatan_rows(request: Permintaan) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Every warning row with its category (the Excel export)."""
    qs, kategori, pd = _peringatan_qs(request)
    rows = []
    hitung: dict[str, int] = defaultdict(int)
    for k in qs.select_related("pegawai__unit__akar_pd", "ppk", "pimpinan_unit", "penjelasan"):
        kat = _kategori(k.ppk_id, k.pimpinan_unit_id, pr.MENUNGGU_DELEGASI in k.kode_peringatan)
        hitung[kat] += 1
        if kategori and kat != kategori:
            continue
        rows.append({"k": k, "kategori": kat, "label": KATEGORI[kat]})
    ringkasan = [(kode, label, hitung.get(kode, 0)) for kode, label in KATEGORI.items()]
    return rows, {"kategori": kategori, "pd": pd, "ringkasan": ringkasan}


class _Baris(dict[str, Any]):
    """A page row read with ``values()``: the template looks its fields up by key (the cheapest
    lookup), Python code by attribute, as on the ``Kedudukan`` it stands for (``r["k"].id``)."""

    def __getattr__(self, nama: str) -> Any:
        try:
            return self[nama]
        except KeyError:
            raise AttributeError(nama) from None


# The columns a page row shows, read as values: model rows with five tables selected cost about
# 1 ms each to build (and Django's ordering over a wide select hashes every column).
KOLOM_BARIS = {
    "nama": F("pegawai__nama"), "jabatan": F("pegawai__jabatan"), "unit": F("pegawai__unit__nama"),
    "pd": F("pegawai__unit__akar_pd__nama"), "ppk_nama": F("ppk__nama"), "puo_nama": F("pimpinan_unit__nama"),
}


def _peringatan_halaman(request: Permintaan, berlaku: Any = None) -> tuple[Any, int, dict[str, Any]]:
    """One page of warning rows, with the category counts computed in the database.

    Categories are conditions on the row (no PPK, no PUO) or on its explanation, which
    everyone in the same post shares, so each explanation is tested once and the category
    becomes a filter; only the 25 rows shown are read, as values (the whole list cost a
    worker ~50 ms at 50,000 pegawai). The explanations grouped for the counts give the rows
    their warnings, and the counts give the paginator its total (no COUNT query).
    """
    qs, kategori, pd = _peringatan_qs(request, berlaku)
    # The explanation's warnings come with its counts (grouped by them too: one per explanation).
    per_penjelasan = list(qs.order_by().values("penjelasan_id", "penjelasan__peringatan").annotate(
        n=Count("id"), tanpa_ppk=Count("id", filter=Q(ppk__isnull=True)),
        tanpa_puo=Count("id", filter=Q(ppk__isnull=False, pimpinan_unit__isnull=True))))
    peringatan = {r["penjelasan_id"]: r["penjelasan__peringatan"] for r in per_penjelasan}
    menunggu = {pid for pid, per in peringatan.items() if _menunggu_delegasi(per)}
    hitung: dict[str, int] = defaultdict(int)
    for r in per_penjelasan:
        hitung["tanpa_ppk"] += r["tanpa_ppk"]
        hitung["tanpa_puo"] += r["tanpa_puo"]
        hitung["menunggu_delegasi" if r["penjelasan_id"] in menunggu else "lain"] += (
            r["n"] - r["tanpa_ppk"] - r["tanpa_puo"])
    lengkap = Q(ppk__isnull=False, pimpinan_unit__isnull=False)
    saring = {"tanpa_ppk": Q(ppk__isnull=True), "tanpa_puo": Q(ppk__isnull=False, pimpinan_unit__isnull=True),
              "menunggu_delegasi": lengkap & Q(penjelasan_id__in=menunggu),
              "lain": lengkap & ~Q(penjelasan_id__in=menunggu)}
    if kategori in saring:
        qs = qs.filter(saring[kategori])
    jumlah = hitung[kategori] if kategori in saring else sum(hitung.values())
    paginator = Paginator(qs.values("id", "pegawai_id", "ppk_id", "pimpinan_unit_id", "penjelasan_id", **KOLOM_BARIS),
                          25)  # a phone-sized page (issue #12)
    paginator.__dict__["count"] = jumlah
    halaman = paginator.get_page(request.GET.get("hal"))
    # Each explanation's warnings as the sentences shown (the `kalimat` filter), written once per explanation.
    kalimat: dict[int, str] = {}
    baris = []
    for k in halaman:
        k = _Baris(k)
        pid = k["penjelasan_id"]
        if pid not in kalimat:
            kalimat[pid] = format_html_join("", "<div>{}</div>", (
                (rapikan(str(pr.Peringatan.dari_data(d))),) for d in peringatan.get(pid, [])))
        k["pd"] = k["pd"] or ""
        kat = _kategori(k["ppk_id"], k["pimpinan_unit_id"], pid in menunggu)
        baris.append({"k": k, "kategori": kat, "label": KATEGORI[kat], "peringatan": kalimat[pid]})
    halaman.object_list = baris
    ringkasan = [(kode, label, hitung.get(kode, 0)) for kode, label in KATEGORI.items()]
    return halaman, jumlah, {"kategori": kategori, "pd": pd, "ringkasan": ringkasan}


def _rentang(instansi: Any, berlaku: Any = None) -> list[dict[str, Any]]:
    """PPKs rating more than the threshold, most first.

    Grouped by the PPK alone, the few groups over the threshold named by subqueries (run per group
    left): grouping the 50,000 rows by the PPK's name, post and unit as well sorted them all, on
    disk, ~200 ms in the database at 50,000 pegawai.
    """
    ambang = instansi.ambang_rentang_kendali
    ppk = Pegawai.objects.filter(pk=OuterRef("ppk_id"))
    rows = (
        (selectors.berlaku(instansi) if berlaku is None else berlaku).filter(pegawai__aktif=True, ppk__isnull=False)
        .values("ppk_id").annotate(n=Count("id")).filter(n__gt=ambang)
        .annotate(ppk__nama=Subquery(ppk.values("nama")), ppk__jabatan=Subquery(ppk.values("jabatan")),
                  ppk__unit__nama=Subquery(ppk.values("unit__nama")))
        .order_by("-n", "ppk__nama")
    )
    return list(rows)


@peran_required("bkpsdm", "inspektorat", "admin_instansi")
def pemantauan(request: Permintaan) -> HttpResponse:
    """BKPSDM: every kedudukan warning across the instansi, and spans of control over the threshold."""
    instansi = request.user.instansi
    berlaku = selectors.berlaku(instansi)  # once: each call first checks for delegations to end
    halaman, jumlah, filt = _peringatan_halaman(request, berlaku)
    pd = filt["pd"]
    return render(request, "kedudukan/pemantauan.html", {
        "halaman": halaman, "jumlah": jumlah, "filter": filt, "kategori_pilihan": KATEGORI,
        "pd_pilihan": opsi_pd(instansi, pd),
        "rentang": _rentang(instansi, berlaku), "ambang": instansi.ambang_rentang_kendali,
        "query": request.GET.urlencode(),
        "url_pegawai": reverse("organisasi:pegawai", args=[0]).removesuffix("0/"),
    })


@peran_required("bkpsdm", "inspektorat", "admin_instansi")
def pemantauan_ekspor(request: Permintaan) -> HttpResponse:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from sikerja.ekspor import tulis_baris

    instansi = request.user.instansi
    rows, _ = _peringatan_rows(request)
    wb = Workbook()
    ws = wb.active
    ws.title = "Peringatan"
    tulis_baris(ws, ["NIP", "Nama", "Jabatan", "Unit", "Perangkat Daerah", "Kategori", "PPK", "Pimpinan unit",
               "Peringatan", "Dasar hukum"])
    for r in rows:
        k = r["k"]
        tulis_baris(ws, [k.pegawai.nip, k.pegawai.nama, k.pegawai.jabatan, k.pegawai.unit.nama,
                   k.pegawai.unit.akar_pd.nama if k.pegawai.unit.akar_pd else "", r["label"],
                   k.ppk.nama if k.ppk else "", k.pimpinan_unit.nama if k.pimpinan_unit else "",
                   "; ".join(w.pesan for w in k.peringatan), "; ".join(k.dasar_hukum)])
    ws2 = wb.create_sheet("Rentang kendali")
    tulis_baris(ws2, ["PPK", "Jabatan", "Unit", "Jumlah dinilai", f"Ambang ({instansi.ambang_rentang_kendali})"])
    for r in _rentang(instansi):
        tulis_baris(ws2, [r["ppk__nama"], r["ppk__jabatan"], r["ppk__unit__nama"], r["n"], instansi.ambang_rentang_kendali])
    for sheet in (ws, ws2):
        for cell in sheet[1]:
            cell.font = Font(bold=True)
    buf = BytesIO()
    wb.save(buf)
    resp = HttpResponse(buf.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    resp["Content-Disposition"] = f'attachment; filename="peringatan-kedudukan-{instansi.kode}.xlsx"'
    return resp


def _pegawai_by_nip(instansi: Any, nip: str) -> Pegawai | None:
    return Pegawai.objects.filter(instansi=instansi, nip=nip.strip(), aktif=True).first() if nip else None


def _tanggal(nilai: str, label: str, galat: list[str]) -> date | None:
    if not nilai.strip():
        return None
    try:
        return date.fromisoformat(nilai.strip())
    except ValueError:
        galat.append(f"{label}: tanggal '{nilai}' tidak sah (TTTT-BB-HH).")
        return None


@instansi_required
def delegasi(request: Permintaan) -> HttpResponse:
    """List delegations and make a new one: a preview of its effect first, then save.

    The service decides who may delegate and whether the delegate is below the giver;
    the page only refuses early those who cannot delegate at all.
    """
    user = request.user
    instansi = user.instansi
    if not (user.admin_instansi or user.bkpsdm or (user.pegawai_id and selectors.dinilai_oleh(user.pegawai).exists())):
        raise PermissionDenied("Pengelolaan delegasi hanya untuk admin, BKPSDM, atau pejabat penilai kinerja.")
    kolom = ("dari", "kepada", "wewenang", "pegawai", "jenjang", "nomor_sk", "tanggal_sk", "berlaku_mulai",
             "berlaku_sampai")
    form = {k: request.POST.get(k, "") for k in kolom}
    if not form["dari"] and user.pegawai_id and not (user.admin_instansi or user.bkpsdm):
        form["dari"] = user.pegawai.nip
    pratinjau = None
    galat: list[str] = []
    if request.method == "POST":
        dari = _pegawai_by_nip(instansi, form["dari"])
        kepada = _pegawai_by_nip(instansi, form["kepada"])
        if dari is None:
            galat.append(f"Pemberi delegasi: NIP '{form['dari']}' tidak ditemukan di instansi ini.")
        if kepada is None:
            galat.append(f"Penerima delegasi: NIP '{form['kepada']}' tidak ditemukan di instansi ini.")
        if form["wewenang"] not in WEWENANG_DELEGASI:
            galat.append("Pilih wewenang yang didelegasikan.")
        daftar = [n.strip() for n in form["pegawai"].replace("\n", ",").split(",") if n.strip()]
        jenjang = request.POST.getlist("jenjang")
        bad = [j for j in jenjang if j not in JENJANG and j != "pelaksana"]
        if bad:
            galat.append(f"Jenjang tidak dikenal: {', '.join(bad)}")
        tanggal = {k: _tanggal(form[k], label, galat) for k, label in (
            ("tanggal_sk", "Tanggal SK"), ("berlaku_mulai", "Berlaku mulai"), ("berlaku_sampai", "Berlaku sampai"))}
        if dari is not None and not services.boleh_mengelola_delegasi(user, dari):
            raise PermissionDenied("Anda hanya dapat mendelegasikan kewenangan Anda sendiri.")
        if not galat and dari and kepada:
            kwargs: dict[str, Any] = {"dari": dari, "kepada": kepada, "wewenang": form["wewenang"],
                                      "pegawai_nip": daftar, "jenjang": jenjang}
            try:
                if request.POST.get("aksi") == "simpan":
                    n = services.buat_delegasi(
                        instansi, oleh=user, nomor_sk=form["nomor_sk"], tanggal_sk=tanggal["tanggal_sk"],
                        berlaku_mulai=tanggal["berlaku_mulai"], berlaku_sampai=tanggal["berlaku_sampai"], **kwargs)
                    messages.success(request, f"Delegasi disimpan; kedudukan {n} pegawai diperbarui.")
                    return redirect("kedudukan:delegasi")
                pratinjau = services.pratinjau_delegasi(
                    instansi, oleh=user, berlaku_mulai=tanggal["berlaku_mulai"],
                    berlaku_sampai=tanggal["berlaku_sampai"], **kwargs)
            except services.DelegasiTidakSah as e:
                galat.append(str(e))
    qs = selectors.delegasi_aktif(instansi).select_related("dari", "kepada").order_by("-dibuat")
    if not (user.admin_instansi or user.bkpsdm):
        qs = qs.filter(dari=user.pegawai)
    return render(request, "kedudukan/delegasi.html", {
        "daftar": list(qs[:200]), "form": form, "pratinjau": pratinjau, "galat": galat,
        "wewenang_pilihan": LABEL_WEWENANG, "jenjang_pilihan": [(j, LABEL_JENJANG[j]) for j in JENJANG],
        "jenjang_terpilih": request.POST.getlist("jenjang"), "hari_ini": selectors.hari_ini(),
    }, status=400 if galat else 200)


@instansi_required
def delegasi_cabut(request: Permintaan, pk: int) -> HttpResponse:
    """Ending a delegation: GET shows what will change (a confirmation), POST ends it."""
    d = get_object_or_404(Delegasi.objects.select_related("dari", "kepada"), pk=pk,
                          instansi=request.user.instansi, aktif=True)
    if not services.boleh_mengelola_delegasi(request.user, d.dari):
        raise PermissionDenied("Anda tidak berwenang mencabut delegasi ini.")
    try:
        if request.method == "POST":
            n = services.cabut_delegasi(request.user.instansi, d.id, oleh=request.user)
            messages.success(request, f"Delegasi dicabut; kedudukan {n} pegawai diperbarui.")
            return redirect("kedudukan:delegasi")
        d, dampak = services.pratinjau_cabut(request.user.instansi, d.id, oleh=request.user)
    except services.DelegasiTidakSah as e:
        raise PermissionDenied(str(e)) from None
    return render(request, "kedudukan/delegasi_cabut.html", {"d": d, "dampak": dampak})


BAWAHAN_PER_HALAMAN = 25


@instansi_required
def pegawai_bawahan(request: Permintaan, pk: int) -> HttpResponse:
    """For an official: the pegawai he rates, leads or coordinates, a page at a time (htmx).

    Loaded when the list is opened, so that the pegawai page of a Kepala Dinas with
    thousands below him costs no more than anyone else's; paged without a COUNT (the
    page shows the counts per role already).
    """
    instansi = request.user.instansi
    p = get_object_or_404(Pegawai, pk=pk, instansi=instansi)
    hal = max(int(request.GET["hal"]) if request.GET.get("hal", "").isdigit() else 1, 1)
    qs = (selectors.berlaku(instansi)
          .filter(Q(ppk=p) | Q(pimpinan_unit=p) | Q(koordinator=p), pegawai__aktif=True)
          .select_related("pegawai__unit").order_by("pegawai__nama", "id"))
    baris = list(qs[(hal - 1) * BAWAHAN_PER_HALAMAN: hal * BAWAHAN_PER_HALAMAN + 1])
    return render(request, "organisasi/_bawahan.html", {
        "p": p, "baris": baris[:BAWAHAN_PER_HALAMAN], "hal": hal, "sebelumnya": hal - 1 if hal > 1 else None,
        "berikutnya": hal + 1 if len(baris) > BAWAHAN_PER_HALAMAN else None,
    })
