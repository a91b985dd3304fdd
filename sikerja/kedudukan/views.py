"""Kedudukan pages: mine, the people a head rates/leads/coordinates, the chart of
a Perangkat Daerah, the BKPSDM warnings (with Excel export) and delegations.

Every pegawai sees their own kedudukan and its legal basis before receiving
assignments (Magelang Lampiran II; Pekanbaru Lampiran A.6).
"""

from __future__ import annotations

from collections import defaultdict
from io import BytesIO
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from sikerja.akun.akses import Permintaan, instansi_required, peran_required
from sikerja.organisasi import selectors as org_selectors
from sikerja.organisasi.models import Delegasi, Pegawai, UnitOrganisasi
from sikerja.organisasi.vocab import JENJANG, LABEL_JENJANG, LABEL_WEWENANG, WEWENANG_DELEGASI

from . import selectors, services
from .engine import load_profil

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
    ).select_related("pegawai__unit", "ppk", "pimpinan_unit", "koordinator", "penjelasan").order_by(
        "pegawai__unit__nama", "pegawai__nama"
    )
    daftar = list(rows)
    return render(request, "kedudukan/bawahan.html", {
        "p": p, "daftar": daftar,
        "jumlah": {
            "ppk": sum(1 for k in daftar if k.ppk_id == p.id),
            "puo": sum(1 for k in daftar if k.pimpinan_unit_id == p.id),
            "koordinator": sum(1 for k in daftar if k.koordinator_id == p.id),
        },
    })


@instansi_required
def bagan(request: Permintaan, pk: int) -> HttpResponse:
    """The chart of one Perangkat Daerah: its units, heads, and for the people in
    each unit who rates, leads and coordinates them (grouped, with counts)."""
    instansi = request.user.instansi
    akar = get_object_or_404(UnitOrganisasi, pk=pk, instansi=instansi)
    pd_id = akar.akar_pd_id or akar.id
    units = list(org_selectors.units(instansi).filter(akar_pd_id=pd_id).order_by("level", "jenis", "nama"))
    kepala = {p.unit_id: p for p in Pegawai.objects.filter(unit__akar_pd_id=pd_id, kepala_unit=True, aktif=True)}
    garis: dict[int, dict[tuple[Any, ...], int]] = defaultdict(lambda: defaultdict(int))
    nama: dict[int, str] = {}
    for unit_id, ppk_id, ppk_nama, puo_id, puo_nama, ko_id, ko_nama in (
        selectors.berlaku(instansi).filter(pegawai__unit__akar_pd_id=pd_id, pegawai__aktif=True, pegawai__kepala_unit=False)
        .values_list("pegawai__unit_id", "ppk_id", "ppk__nama", "pimpinan_unit_id", "pimpinan_unit__nama",
                     "koordinator_id", "koordinator__nama")
    ):
        garis[unit_id][(ppk_id, puo_id, ko_id)] += 1
        for i, n in ((ppk_id, ppk_nama), (puo_id, puo_nama), (ko_id, ko_nama)):
            if i:
                nama[i] = n
    anak: dict[int | None, list[UnitOrganisasi]] = defaultdict(list)
    for u in units:
        u.kepala = kepala.get(u.id)  # type: ignore[attr-defined]
        u.garis = [  # type: ignore[attr-defined]
            {"jumlah": n, "ppk": nama.get(a) if a else None, "puo": nama.get(b) if b else None,
             "koordinator": nama.get(c) if c else None, "beda": a != b}
            for (a, b, c), n in sorted(garis[u.id].items(), key=lambda kv: -kv[1])
        ]
        anak[u.induk_id if u.id != pd_id else None].append(u)
    pd = next((u for u in units if u.id == pd_id), akar)

    def simpul(u: UnitOrganisasi) -> dict[str, Any]:
        return {"u": u, "anak": [simpul(c) for c in anak.get(u.id, [])]}

    return render(request, "kedudukan/bagan.html", {"pd": pd, "akar": simpul(pd)})


def _peringatan_rows(request: Permintaan) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    instansi = request.user.instansi
    kategori = request.GET.get("kategori", "")
    pd = request.GET.get("pd", "")
    qs = (
        selectors.berlaku(instansi).filter(pegawai__aktif=True, penjelasan__ada_peringatan=True)
        .select_related("pegawai__unit__akar_pd", "ppk", "pimpinan_unit", "penjelasan")
        .order_by("pegawai__unit__akar_pd__nama", "pegawai__unit__nama", "pegawai__nama")
    )
    if pd.isdigit():
        qs = qs.filter(pegawai__unit__akar_pd_id=int(pd))
    rows = []
    hitung: dict[str, int] = defaultdict(int)
    for k in qs:
        kat = ("tanpa_ppk" if k.ppk_id is None else "tanpa_puo" if k.pimpinan_unit_id is None
               else "menunggu_delegasi" if any("pendelegasian" in w for w in k.peringatan) else "lain")
        hitung[kat] += 1
        if kategori and kat != kategori:
            continue
        rows.append({"k": k, "kategori": kat, "label": KATEGORI[kat]})
    ringkasan = [(kode, label, hitung.get(kode, 0)) for kode, label in KATEGORI.items()]
    return rows, {"kategori": kategori, "pd": pd, "ringkasan": ringkasan}


def _rentang(instansi: Any) -> list[dict[str, Any]]:
    ambang = instansi.ambang_rentang_kendali
    rows = (
        selectors.berlaku(instansi).filter(pegawai__aktif=True, ppk__isnull=False)
        .values("ppk_id", "ppk__nama", "ppk__jabatan", "ppk__unit__nama").annotate(n=Count("id"))
        .filter(n__gt=ambang).order_by("-n")
    )
    return list(rows)


@peran_required("bkpsdm", "inspektorat", "admin_instansi")
def pemantauan(request: Permintaan) -> HttpResponse:
    """BKPSDM: every kedudukan warning across the instansi, and spans of control over the threshold."""
    instansi = request.user.instansi
    rows, filt = _peringatan_rows(request)
    halaman = Paginator(rows, 25).get_page(request.GET.get("hal"))  # a phone-sized page (issue #12)
    return render(request, "kedudukan/pemantauan.html", {
        "halaman": halaman, "jumlah": len(rows), "filter": filt, "kategori_pilihan": KATEGORI,
        "pd_pilihan": org_selectors.units(instansi).filter(induk__isnull=True).order_by("nama").only("id", "nama"),
        "rentang": _rentang(instansi), "ambang": instansi.ambang_rentang_kendali,
        "query": request.GET.urlencode(),
    })


@peran_required("bkpsdm", "inspektorat", "admin_instansi")
def pemantauan_ekspor(request: Permintaan) -> HttpResponse:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    instansi = request.user.instansi
    rows, _ = _peringatan_rows(request)
    wb = Workbook()
    ws = wb.active
    ws.title = "Peringatan"
    ws.append(["NIP", "Nama", "Jabatan", "Unit", "Perangkat Daerah", "Kategori", "PPK", "Pimpinan unit",
               "Peringatan", "Dasar hukum"])
    for r in rows:
        k = r["k"]
        ws.append([k.pegawai.nip, k.pegawai.nama, k.pegawai.jabatan, k.pegawai.unit.nama,
                   k.pegawai.unit.akar_pd.nama if k.pegawai.unit.akar_pd else "", r["label"],
                   k.ppk.nama if k.ppk else "", k.pimpinan_unit.nama if k.pimpinan_unit else "",
                   "; ".join(k.peringatan), "; ".join(k.dasar_hukum)])
    ws2 = wb.create_sheet("Rentang kendali")
    ws2.append(["PPK", "Jabatan", "Unit", "Jumlah dinilai", f"Ambang ({instansi.ambang_rentang_kendali})"])
    for r in _rentang(instansi):
        ws2.append([r["ppk__nama"], r["ppk__jabatan"], r["ppk__unit__nama"], r["n"], instansi.ambang_rentang_kendali])
    for sheet in (ws, ws2):
        for cell in sheet[1]:
            cell.font = Font(bold=True)
    buf = BytesIO()
    wb.save(buf)
    resp = HttpResponse(buf.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    resp["Content-Disposition"] = f'attachment; filename="peringatan-kedudukan-{instansi.kode}.xlsx"'
    return resp


def _boleh_delegasi(user: Any, dari: Pegawai | None) -> bool:
    """The admin and BKPSDM manage every delegation; an official delegates his own authority."""
    return bool(user.admin_instansi or user.bkpsdm or (dari is not None and user.pegawai_id == dari.id))


def _pegawai_by_nip(instansi: Any, nip: str) -> Pegawai | None:
    return Pegawai.objects.filter(instansi=instansi, nip=nip.strip(), aktif=True).first() if nip else None


@instansi_required
def delegasi(request: Permintaan) -> HttpResponse:
    """List delegations and make a new one: a preview of its effect first, then save."""
    user = request.user
    instansi = user.instansi
    if not (user.admin_instansi or user.bkpsdm or (user.pegawai_id and selectors.dinilai_oleh(user.pegawai).exists())):
        raise PermissionDenied("Pengelolaan delegasi hanya untuk admin, BKPSDM, atau pejabat penilai kinerja.")
    form = {k: request.POST.get(k, "") for k in ("dari", "kepada", "wewenang", "pegawai", "jenjang")}
    if not form["dari"] and user.pegawai_id and not (user.admin_instansi or user.bkpsdm):
        form["dari"] = user.pegawai.nip
    pratinjau = None
    galat = []
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
        if dari is not None and not _boleh_delegasi(user, dari):
            raise PermissionDenied("Anda hanya dapat mendelegasikan kewenangan Anda sendiri.")
        if not galat and dari and kepada:
            kwargs: dict[str, Any] = {"dari": dari, "kepada": kepada, "wewenang": form["wewenang"],
                                      "pegawai_nip": daftar, "jenjang": jenjang}
            try:
                if request.POST.get("aksi") == "simpan":
                    n = services.buat_delegasi(instansi, oleh=user, **kwargs)
                    messages.success(request, f"Delegasi disimpan; kedudukan {n} pegawai diperbarui.")
                    return redirect("kedudukan:delegasi")
                pratinjau = services.pratinjau_delegasi(instansi, **kwargs)
            except services.DelegasiTidakSah as e:
                galat.append(str(e))
    qs = Delegasi.objects.filter(instansi=instansi, aktif=True).select_related("dari", "kepada").order_by("-dibuat")
    if not (user.admin_instansi or user.bkpsdm):
        qs = qs.filter(dari=user.pegawai)
    return render(request, "kedudukan/delegasi.html", {
        "daftar": list(qs[:200]), "form": form, "pratinjau": pratinjau, "galat": galat,
        "wewenang_pilihan": LABEL_WEWENANG, "jenjang_pilihan": [(j, LABEL_JENJANG[j]) for j in JENJANG],
        "jenjang_terpilih": request.POST.getlist("jenjang"),
    }, status=400 if galat else 200)


@require_POST
@instansi_required
def delegasi_cabut(request: Permintaan, pk: int) -> HttpResponse:
    d = get_object_or_404(Delegasi, pk=pk, instansi=request.user.instansi, aktif=True)
    if not _boleh_delegasi(request.user, d.dari):
        raise PermissionDenied("Anda tidak berwenang mencabut delegasi ini.")
    n = services.cabut_delegasi(request.user.instansi, d.id)
    messages.success(request, f"Delegasi dicabut; kedudukan {n} pegawai diperbarui.")
    return redirect("kedudukan:delegasi")
