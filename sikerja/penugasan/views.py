"""Penugasan pages: list, choose a path, create, detail with decisions, inbox, letters,
and the public verification page of a letter.

Views are thin: they read through ``selectors``, act through ``services`` and turn
the typed errors into Indonesian messages (403 for a wrong actor, 404 outside
the user's instansi), never a stack trace.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from sikerja.akses import Permintaan, instansi_required, peran_required
from sikerja.alur_kerja import selectors as alur_kerja_sel
from sikerja.kalimat import kalimat
from sikerja.organisasi.models import Pegawai
from sikerja.organisasi.vocab import LABEL_JENJANG
from sikerja.surat.models import Surat
from sikerja.surat.nomor import format_nomor

from . import alur, peringatan, selectors, services
from .aturan import aturan
from .errors import (
    BebanMelebihiAmbang,
    DataTidakLengkap,
    PenugasanError,
    PenugasanTidakDitemukan,
    TidakBerwenang,
)
from .forms import PILIHAN_JENJANG, PenugasanForm, penerima_dari_post
from .models import LABEL_AKSI_LANGKAH, Penugasan, Transisi

# What each path card says; the article it rests on comes from the instansi's profile
# (alur.dasar_jalur, penugasan/aturan.py), never from here.
KETERANGAN_JALUR = {
    "dalam_unit": "Pimpinan unit organisasi (atau PPK) langsung menugaskan pegawai yang dipimpinnya.",
    "lintas_unit": "Pimpinan unit pemilik kinerja mengirim surat permohonan pelibatan kepada PPK tempat pegawai "
                   "berada; PPK memilih pegawai yang dinilainya, pimpinan unit pegawai itu memberi rekomendasi, lalu "
                   "PPK menerbitkan surat penugasan — atau menolak dengan alasan.",
    "lintas_instansi": "Permohonan melalui PyB instansi sendiri ke PyB instansi dituju, yang menginstruksikan PPK "
                       "pegawai di sana; jawaban beserta daftar pegawai kembali melalui kedua PyB.",
    "sukarela_dalam_unit": "Pejabat fungsional/pelaksana mengajukan diri kepada pimpinan unitnya (lisan, dicatat "
                           "di sini); pimpinan unit menyetujui dan menugaskan.",
    "sukarela_lintas_unit": "Pejabat fungsional/pelaksana bersurat ke pimpinan unit lain; setelah disetujui, "
                            "diteruskan ke PPK sendiri yang menerbitkan surat penugasan. Hanya di dalam instansi.",
}

# Who appoints inside a unit, by the profile's ``penunjuk`` (penugasan.aturan).
KETERANGAN_PENUNJUK = {
    "ppk": "Pejabat Penilai Kinerja langsung menugaskan pegawai yang dinilainya; pimpinan unit yang bukan PPK "
           "tidak menunjuk.",
    "puo": "Pimpinan unit organisasi menugaskan pegawai yang dipimpinnya; pejabat lain mengajukan permohonan "
           "kepadanya.",
}

# How a regulation's own routing reads (alur.VARIAN), keyed by (jalur, varian).
KETERANGAN_VARIAN = {
    ("lintas_unit", "pimpinan_pd"):
        "Pimpinan Perangkat Daerah pemilik kinerja mengirim surat permohonan pelibatan kepada Pimpinan Perangkat "
        "Daerah dituju; bila disetujui (dengan daftar pegawai), setiap PPK pegawai itu memberikan surat penugasan "
        "bagi pegawai yang dinilainya — atau ditolak dengan surat jawaban beralasan.",
    ("lintas_unit", "puo"):
        "Permohonan pelibatan diajukan kepada pimpinan unit organisasi tempat pegawai berada, yang memilih pegawai "
        "dan menugaskannya — atau menolak dengan alasan.",
    ("sukarela_lintas_unit", "pimpinan_pd"):
        "Pejabat fungsional/pelaksana bersurat, diketahui PPK-nya, kepada Pimpinan Perangkat Daerah dituju; setelah "
        "disetujui, diteruskan kepada Pimpinan Perangkat Daerah sendiri dan PPK, yang menerbitkan surat penugasan.",
    ("sukarela_dalam_unit", "ppk"):
        "Pejabat fungsional/pelaksana menyampaikan keinginannya secara lisan kepada Pejabat Penilai Kinerja (dicatat "
        "di sini); PPK menyetujui dan menugaskan.",
    ("dalam_unit", "usul_puo"):
        "Pimpinan unit organisasi yang juga PPK pegawai langsung menugaskan; bila bukan PPK-nya, pimpinan unit "
        "mengusulkan dan PPK pegawai menetapkan penugasan serta menandatangani surat penugasan.",
    ("lintas_instansi", "kepala_daerah"):
        "Permohonan melalui PyB instansi sendiri ke PyB instansi dituju, yang menginstruksikan PPK pegawai di sana; "
        "setelah jawaban disetujui, Kepala Daerah menetapkan tim antar instansi dengan Keputusan Kepala Daerah "
        "(nomor dan tanggalnya dicatat), lalu surat penugasan diterbitkan.",
}


def _galat_ke_form(form: Any, e: PenugasanError) -> None:
    """Show a refusal on the form: on each field it names (``DataTidakLengkap``), else above the form."""
    if isinstance(e, DataTidakLengkap):
        for k, v in e.galat.items():
            form.add_error(k if k in form.fields else None, v)
    else:
        form.add_error(None, e.pesan)


def _keterangan(jalur: str, varian: str, profil: str = "") -> tuple[str, str]:
    """What the path card says and the article it rests on — the instansi's own regulation, or the
    national one, said so (issue 9 point 1)."""
    teks = KETERANGAN_VARIAN.get((jalur, varian)) or KETERANGAN_JALUR[jalur]
    if jalur == "dalam_unit" and not varian and profil:
        teks = KETERANGAN_PENUNJUK.get(aturan(profil).penunjuk(jalur), teks)
    return teks, alur.dasar_jalur(jalur, varian, profil)


def _ditolak(request: HttpRequest, e: PenugasanError) -> HttpResponse:
    return render(request, "penugasan/ditolak.html", {"pesan": e.pesan}, status=e.status_http)


def _pegawai_id(request: HttpRequest) -> int | None:
    return request.user.pegawai_id  # type: ignore[union-attr]


@instansi_required
def daftar(request: HttpRequest) -> HttpResponse:
    qs = selectors.daftar_penugasan(request.user)
    saring = request.GET.get("saring", "")
    pid = _pegawai_id(request)
    if saring == "tindakan" and pid:
        qs = qs.filter(aktor_sekarang_id=pid)
    elif saring == "saya" and pid:
        qs = qs.filter(Q(pemohon_id=pid) | Q(penerima__pegawai_id=pid)).distinct()
    halaman = Paginator(qs, 50).get_page(request.GET.get("hal"))
    return render(request, "penugasan/daftar.html", {"halaman": halaman, "saring": saring})


@instansi_required
def kotak_masuk(request: HttpRequest) -> HttpResponse:
    pid = _pegawai_id(request)
    if not pid:
        return _ditolak(request, TidakBerwenang("Akun Anda tidak terhubung ke data pegawai."))
    semua = request.GET.get("semua") == "1"
    halaman = Paginator(selectors.kotak_masuk(pid, semua=semua), 50).get_page(request.GET.get("hal"))
    _lampirkan_alasan_kembali(list(halaman))
    return render(request, "penugasan/kotak_masuk.html", {"halaman": halaman, "semua": semua})


def _lampirkan_alasan_kembali(items: list[Any]) -> None:
    """Each inbox item sent by a return carries the reason the official gave (issue 9 point 9): the
    pemohon reads what to correct where he is told to correct it, not only in the audit table.
    The item and the audit entry are written by the same jalankan call (one query per page)."""
    ids = {i.subjek_id for i in items if i.subjek_jenis == selectors.SUBJEK}
    if not ids:
        return
    kembali: dict[int, list[Transisi]] = {}
    for t in Transisi.objects.filter(subjek_jenis=selectors.SUBJEK, subjek_id__in=ids, aksi="kembalikan").order_by(
            "waktu").only("subjek_id", "waktu", "alasan"):
        kembali.setdefault(t.subjek_id, []).append(t)
    for i in items:
        sama = kembali.get(i.subjek_id, []) if i.subjek_jenis == selectors.SUBJEK else []
        cocok = [t for t in sama if abs((i.dibuat - t.waktu).total_seconds()) < 60]
        i.alasan_kembali = cocok[-1].alasan if cocok else ""


@instansi_required
def pilih_jalur(request: Permintaan) -> HttpResponse:
    pid = _pegawai_id(request)
    tidak_boleh = (services.jalur_tertutup(Pegawai.objects.get(pk=pid)) if pid
                   else dict.fromkeys(alur.JALUR, "Akun Anda tidak terhubung ke data pegawai."))
    instansi = request.user.instansi
    assert instansi is not None  # instansi_required
    atur = aturan(instansi.profil)
    jalur = []
    for k, v in alur.JALUR.items():
        teks, dasar = _keterangan(k, services.varian_untuk(instansi, k), instansi.profil)
        jalur.append({"kode": k, "label": v, "keterangan": teks, "dasar": dasar, "tertutup": tidak_boleh.get(k),
                      "bacaan": atur.bacaan(k)})
    # The state tables are documentation, not shown to end users (issue #12 point 7): not computed here.
    return render(request, "penugasan/pilih_jalur.html", {"jalur": jalur})


def _filter_kandidat(request: HttpRequest, pejabat: Pegawai, mulai: date, selesai: date,
                     awal: dict[str, str] | None = None, lingkup: str = "ppk") -> dict[str, Any]:
    src = request.GET if request.method == "GET" else request.POST
    awal = awal or {}
    # The requester's criteria are shown beside each candidate, not used to hide anyone.
    f = {k: src.get(k, "") for k in ("kompetensi", "jenjang", "unit", "beban_maks")}
    try:
        beban_maks = int(f["beban_maks"]) if f["beban_maks"] else None
    except ValueError:
        beban_maks = None
    # Paged like the API (selectors.KandidatPerHalaman): same filters and order as selectors.kandidat
    # (lightest load first, then name), the load computed only for those who carry one.
    qs = selectors.KandidatPerHalaman(pejabat, mulai=mulai, selesai=selesai, kompetensi=f["kompetensi"],
                                      jenjang=f["jenjang"], unit_id=int(f["unit"]) if f["unit"].isdigit() else None,
                                      beban_maks=beban_maks, lingkup=lingkup)
    frasa = selectors.frasa_kompetensi(awal.get("kompetensi") or "")
    baris = []
    calon = qs[:200]
    # The assigner sees each candidate's active assignments before deciding (SPEC §4 beban kerja).
    rinci = selectors.beban_rinci([pg.pk for pg in calon], mulai, selesai)
    for pg in calon:
        komp = [str(k) for k in pg.kompetensi.all()]
        cocok = [k for k in komp if selectors.cocok_kompetensi(k, frasa)]
        baris.append({"p": pg, "kompetensi": komp, "cocok": cocok, "aktif": rinci[pg.pk],
                      "jenjang_cocok": not awal.get("jenjang") or pg.jenjang == awal.get("jenjang")})
    if frasa or awal.get("jenjang"):
        # Those meeting the requester's criteria first; within each group by load, then name.
        baris.sort(key=lambda b: (not b["cocok"] if frasa else False, not b["jenjang_cocok"]))
    units = selectors.unit_kandidat(pejabat, lingkup)
    return {"kandidat": baris, "filter": f, "units": units, "pilihan_jenjang": PILIHAN_JENJANG,
            "ambang": pejabat.instansi.ambang_beban_kerja}


def _tandai_pilihan(ctx: dict[str, Any], dipilih: list[services.PenerimaInput]) -> None:
    """Keep what the user chose (effort, ketua) when the table is shown again, e.g. after the
    workload warning: a re-rendered default would silently assign another effort."""
    per_id = {r.pegawai_id: r for r in dipilih}
    ctx["dipilih"] = {str(i): r for i, r in per_id.items()}
    for k in ctx.get("kandidat", []):
        k["pilih"] = per_id.get(k["p"].pk)


@instansi_required
def kandidat(request: HttpRequest) -> HttpResponse:
    """htmx: the candidate table filtered by competency, jenjang, unit and load (SPEC §4 point 3)."""
    pid = _pegawai_id(request)
    if not pid:
        raise Http404
    pejabat = Pegawai.objects.select_related("instansi").get(pk=pid)
    kriteria: dict[str, str] = {}
    lingkup = "ppk"
    mulai, selesai = timezone.localdate(), timezone.localdate() + timedelta(days=90)
    if request.GET.get("penugasan", "").isdigit():
        p = get_object_or_404(selectors.penugasan_terlihat(request.user), pk=int(request.GET["penugasan"]))
        mulai, selesai = p.mulai, p.selesai
        kriteria = {"kompetensi": p.kompetensi_dibutuhkan, "jenjang": p.jenjang_dibutuhkan}
        lingkup = services.lingkup_pejabat(p, pid)
    else:
        try:
            mulai = date.fromisoformat(request.GET.get("mulai", "")) if request.GET.get("mulai") else mulai
            selesai = date.fromisoformat(request.GET.get("selesai", "")) if request.GET.get("selesai") else selesai
        except ValueError:
            pass
    ctx = _filter_kandidat(request, pejabat, mulai, selesai, {"kompetensi": kriteria.get("kompetensi", ""),
                                                             "jenjang": kriteria.get("jenjang", "")}, lingkup)
    ctx["kriteria"] = kriteria
    return render(request, "penugasan/_kandidat_baris.html", ctx)


@instansi_required
def buat(request: HttpRequest, jalur: str) -> HttpResponse:
    if jalur not in alur.JALUR:
        raise Http404
    pid = _pegawai_id(request)
    if not pid:
        return _ditolak(request, TidakBerwenang("Akun Anda tidak terhubung ke data pegawai."))
    pejabat = Pegawai.objects.select_related("instansi").get(pk=pid)
    tertutup = services.jalur_tertutup(pejabat).get(jalur)
    if tertutup:
        # Said before the form is filled in, not after (the services refuse the same way).
        return _ditolak(request, TidakBerwenang(tertutup))
    form = PenugasanForm(request.POST or None, jalur=jalur, pengguna=request.user,
                         initial={"mulai": timezone.localdate(), "selesai": timezone.localdate() + timedelta(days=90)})
    beban_galat: BebanMelebihiAmbang | None = None
    if request.method == "POST" and form.is_valid():
        try:
            d = form.data_penugasan()
            c = form.cleaned_data
            fakta = alur.FAKTA_JALUR[jalur]
            if fakta.get("langsung"):
                p = services.buat_penunjukan_dalam_unit(pengguna=request.user, data=d,
                                                        penerima=penerima_dari_post(request.POST),
                                                        alasan_beban=c.get("alasan_beban") or "")
            elif fakta["lintas_instansi"]:
                p = services.buat_penunjukan_lintas_instansi(pengguna=request.user, data=d,
                                                             instansi_tujuan_id=c["instansi_tujuan"].id)
            elif not fakta["sukarela"]:
                p = services.buat_penunjukan_lintas_unit(pengguna=request.user, data=d,
                                                         ppk_tujuan_id=c["ppk_tujuan"].id)
            else:
                puo, atas_nama = c.get("puo_tujuan"), c.get("pegawai")
                p = services.buat_pengajuan_sukarela(pengguna=request.user, data=d,
                                                     puo_tujuan_id=puo.id if puo else None,
                                                     pegawai_id=atas_nama.id if atas_nama else None)
            messages.success(request, f"Penugasan \u201c{p.judul}\u201d dibuat dengan status {p.label_status.lower()}.")
            for w in peringatan.periksa_tanggal(p.mulai, p.selesai):
                messages.warning(request, w.pesan)
            return redirect("penugasan:detail", pk=p.pk)
        except BebanMelebihiAmbang as e:
            beban_galat = e
            form.add_error(None, e.pesan)
        except PenugasanError as e:
            _galat_ke_form(form, e)
    ctx: dict[str, Any] = {"form": form, "jalur": jalur, "label_jalur": alur.JALUR[jalur],
                           "keterangan": _keterangan(jalur, services.varian_untuk(pejabat.instansi, jalur),
                                                     pejabat.instansi.profil),
                           "beban_galat": beban_galat, "fakta_jalur": alur.FAKTA_JALUR[jalur],
                           "peringatan": _peringatan_form(form)}
    if alur.FAKTA_JALUR[jalur].get("langsung"):
        mulai = form.cleaned_data.get("mulai") if form.is_bound and hasattr(form, "cleaned_data") else None
        selesai = form.cleaned_data.get("selesai") if form.is_bound and hasattr(form, "cleaned_data") else None
        ctx.update(_filter_kandidat(request, pejabat, mulai or timezone.localdate(),
                                    selesai or timezone.localdate() + timedelta(days=90),
                                    lingkup=services.lingkup_penunjuk(pejabat.instansi)))
        _tandai_pilihan(ctx, penerima_dari_post(request.POST) if request.POST else [])
    return render(request, "penugasan/buat.html", ctx)


def _peringatan_form(form: PenugasanForm) -> list[peringatan.Peringatan]:
    """The date warnings of a form shown again (its values as typed, valid or not)."""
    nilai = {}
    for f in ("mulai", "selesai"):
        try:
            nilai[f] = form.fields[f].clean(form[f].value()) if form.is_bound else form[f].initial
        except ValidationError:  # an invalid date has its own error, no warning
            nilai[f] = None
    return peringatan.periksa_tanggal(nilai["mulai"], nilai["selesai"])


@instansi_required
def peringatan_tanggal(request: HttpRequest) -> HttpResponse:
    """htmx: the warnings of the period being typed in a penugasan form (peringatan.periksa_tanggal)."""
    tanggal: dict[str, date | None] = {}
    for f in ("mulai", "selesai"):
        try:
            tanggal[f] = date.fromisoformat(request.GET.get(f, ""))
        except ValueError:
            tanggal[f] = None
    return render(request, "penugasan/_peringatan.html",
                  {"peringatan": peringatan.periksa_tanggal(tanggal["mulai"], tanggal["selesai"])})


def _konteks_detail(request: HttpRequest, p: Penugasan) -> dict[str, Any]:
    lk = alur.langkah_untuk(p)  # its dasar_hukum from the instansi's own regulation
    tabel = alur.tabel_status(p)
    fakta = alur_kerja_sel.fakta_status(tabel, p.status)
    surat = selectors.surat_penugasan_terlihat(request.user, p)
    boleh = services.boleh_bertindak(request.user, p)
    penerima = selectors.penerima_terlihat(request.user, p)
    # Other workload only of the user's own instansi's pegawai: the other side sees what the letters say.
    sendiri = [r.pegawai_id for r in penerima if r.pegawai.instansi_id == request.user.instansi_id]  # type: ignore[union-attr]
    beban = selectors.beban_pegawai(sendiri, p.mulai, p.selesai, kecuali=p.pk) if sendiri else {}
    for r in penerima:
        r.beban_lain = beban.get(r.pegawai_id)  # type: ignore[attr-defined]
    ctx: dict[str, Any] = {
        "p": p, "langkah": lk, "boleh": boleh, "aksi": alur.aksi_tersedia(p.jalur, p.status, p.varian) if boleh else [],
        "penerima": penerima, "surat": surat,
        # Which letters would end the assignment if revoked (the page warns before).
        "cabut_mengakhiri": {s.pk for s in surat if alur.cabut_mengakhiri(s.jenis, p.status)},
        "jejak": selectors.jejak_halaman(request.user, p), "label_aksi": alur.AKSI,
        "peran_aktor": alur.label_peran(p, alur.peran_untuk(p) or "") if p.aktor_sekarang_id else "",
        "pihak": [(alur.label_peran(p, r), getattr(p, r)) for r in alur.PERAN if getattr(p, r)],
        "ambang": p.instansi.ambang_beban_kerja,
        # What the page shows about the state and the path, from the table (no status strings).
        "fakta": fakta,
        # Why it came back, where the pemohon reads it (issue 9 point 9), not only in the audit table.
        "kembali": selectors.alasan_kembali_terakhir(p),
        # The admin records the decision of a Kepala Daerah who signs outside the application.
        "catat_kd": bool(lk and lk.hasil == "keputusan_kepala_daerah" and not boleh
                         and (getattr(request.user, "admin_instansi", False)
                              or getattr(request.user, "kuasa_kepala_daerah", False))
                         and request.user.instansi_id == services.instansi_kepala_daerah(p)),  # type: ignore[union-attr]
    }
    if ctx["aksi"]:
        # Whoever decides sees that the period has begun or ended before he assigns (issue 9 point 9).
        ctx["peringatan"] = peringatan.periksa_tanggal(p.mulai, p.selesai)
    if boleh and lk and lk.pilih_pegawai:
        pejabat = Pegawai.objects.select_related("instansi").get(pk=request.user.pegawai_id)  # type: ignore[union-attr,misc]
        ctx.update(_filter_kandidat(request, pejabat, p.mulai, p.selesai,
                                    {"kompetensi": p.kompetensi_dibutuhkan, "jenjang": p.jenjang_dibutuhkan},
                                    services.lingkup_pejabat(p, pejabat.pk)))
        ctx["kriteria"] = {"kompetensi": p.kompetensi_dibutuhkan, "jenjang": p.jenjang_dibutuhkan,
                           "label_jenjang": LABEL_JENJANG.get(p.jenjang_dibutuhkan, ""),
                           "jumlah": p.jumlah_dibutuhkan if fakta.get("permohonan_tertulis") else None}
        _tandai_pilihan(ctx, penugasan_penerima_input(p))
    if boleh and fakta.get("menugaskan_sukarela"):
        # Approving a volunteer assigns him: show his load in the period first (SPEC §4 beban kerja).
        pid = p.pemohon_id
        sebelum = selectors.beban_pegawai([pid], p.mulai, p.selesai, kecuali=p.pk)[pid]
        ctx["beban_pemohon"] = {"sebelum": sebelum, "sesudah": sebelum + p.beban_diajukan,
                                "rinci": selectors.beban_rinci([pid], p.mulai, p.selesai)[pid]}
    if boleh and lk and lk.pilih_ppk:
        # Only the PPK of some pegawai of the requested kind (Karangasem Pasal 14 ayat (4) huruf c–d),
        # picked by name/NIP/jabatan with his unit (issue #12 point 3): the autocomplete scope
        # (apps.lingkup_ppk_diinstruksikan) reads the same selector as the service's check.
        from .apps import lingkup_ppk_diinstruksikan

        ctx["lingkup_ppk"] = lingkup_ppk_diinstruksikan(p.jenjang_dibutuhkan)
    return ctx


def penugasan_penerima_input(p: Penugasan) -> list[services.PenerimaInput]:
    return [services.PenerimaInput(r.pegawai_id, r.beban_persen, r.ketua) for r in p.penerima.all()]


@instansi_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    p = selectors.penugasan_untuk(request.user, pk)
    if p is None:
        raise Http404("Penugasan tidak ditemukan.")
    # Opening the page changes nothing (issue 10 point 12): the Kotak Masuk link POSTs first
    # (buka_item), and the page offers a button for notices still unread.
    ctx = _konteks_detail(request, p)
    pid = _pegawai_id(request)
    ctx["belum_dibaca"] = selectors.belum_dibaca(pid, p) if pid else 0
    return render(request, "penugasan/detail.html", ctx)


@require_POST
@instansi_required
def dibaca(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark the tembusan and notices of this assignment read (a button on the page; htmx or a form)."""
    p = get_object_or_404(selectors.daftar_penugasan(request.user), pk=pk)
    pid = _pegawai_id(request)
    n = services.tandai_dibaca(pegawai_id=pid, penugasan_id=p.pk) if pid else 0
    if request.headers.get("HX-Request"):
        return HttpResponse(status=204, headers={"X-Dibaca": str(n)})
    return redirect("penugasan:detail", pk=p.pk)


@require_POST
@instansi_required
def buka_item(request: HttpRequest, pk: int) -> HttpResponse:
    """Opening an item from the Kotak Masuk (its link submits a POST here): the notices of its
    subject are read, then the browser is redirected to the subject's page. A GET changes nothing
    (issue 10 point 12); without JavaScript the link simply opens the page."""
    from sikerja.kotak_masuk import services as kotak_masuk_services
    from sikerja.kotak_masuk.models import Item

    pid = _pegawai_id(request)
    item = get_object_or_404(Item, pk=pk, penerima_id=pid or 0)
    subjek = item.subjek
    if subjek is not None and pid:
        kotak_masuk_services.tandai_dibaca(pegawai_id=pid, subjek=subjek)
    tujuan = item.tautan if item.tautan.startswith("/") and not item.tautan.startswith("//") else "/"
    if request.headers.get("HX-Request"):
        return HttpResponse(status=204, headers={"HX-Redirect": tujuan})
    return redirect(tujuan)


@require_POST
@instansi_required
def aksi(request: HttpRequest, pk: int) -> HttpResponse:
    nama_aksi = request.POST.get("aksi", "")
    ppk = request.POST.get("ppk_tujuan", "")
    sebelum = selectors.penugasan_terlihat(request.user).filter(pk=pk).only("jalur", "status", "varian").first()
    label = _label_keputusan(nama_aksi, sebelum)
    try:
        services.jalankan(
            pengguna=request.user, penugasan_id=pk, aksi=nama_aksi, alasan=request.POST.get("alasan", ""),
            penerima=penerima_dari_post(request.POST), ppk_tujuan_id=int(ppk) if ppk.isdigit() else None,
            alasan_beban=request.POST.get("alasan_beban", ""),
            nomor_keputusan=request.POST.get("nomor_keputusan", ""),
            tanggal_keputusan=_tanggal(request.POST.get("tanggal_keputusan", "")),
        )
    except PenugasanTidakDitemukan as e:
        raise Http404(e.pesan) from e
    except TidakBerwenang as e:
        return _ditolak(request, e)
    except BebanMelebihiAmbang as e:
        p = get_object_or_404(selectors.daftar_penugasan(request.user), pk=pk)
        ctx = _konteks_detail(request, p)
        ctx["beban_galat"] = e
        _tandai_pilihan(ctx, penerima_dari_post(request.POST))
        messages.warning(request, e.pesan)
        return render(request, "penugasan/detail.html", ctx, status=200)
    except PenugasanError as e:
        messages.error(request, e.pesan)
        return redirect("penugasan:detail", pk=pk)
    messages.success(request, f"Keputusan \u201c{label}\u201d tercatat.")
    return redirect("penugasan:detail", pk=pk)


def _label_keputusan(aksi: str, p: Penugasan | None) -> str:
    """What the decision is called in the message after it (issue 9 point 9): a PUO's approval on
    the recommendation step is a "Rekomendasi" (Pasuruan Lampiran II.B.2.a.2 huruf c), the
    volunteer's on the forwarding step a "Teruskan" (Karangasem Pasal 15 ayat (3) huruf b) — the
    same words as the audit table (models.LABEL_AKSI_LANGKAH) — never a bare "Setujui"."""
    if p is not None:
        khusus = LABEL_AKSI_LANGKAH.get((aksi, p.status))
        if khusus:
            return khusus
        lk = alur.langkah(p.jalur, p.status, p.varian)
        if aksi == "setujui" and lk is not None:
            return lk.label_setujui
    return alur.AKSI.get(aksi, aksi)


def _tanggal(teks: str) -> date | None:
    try:
        return date.fromisoformat(teks) if teks else None
    except ValueError:
        return None


@require_POST
@instansi_required
def keputusan_kepala_daerah(request: HttpRequest, pk: int) -> HttpResponse:
    """The admin instansi records the decision of a Kepala Daerah who signs outside the application
    (Perwal Blitar 6/2023 Pasal 21 ayat (1) huruf c, Pasal 22 huruf c)."""
    setuju = request.POST.get("setuju", "1") == "1"
    try:
        services.catat_keputusan_kepala_daerah(
            pengguna=request.user, penugasan_id=pk, setuju=setuju, nomor=request.POST.get("nomor_keputusan", ""),
            tanggal=_tanggal(request.POST.get("tanggal_keputusan", "")), alasan=request.POST.get("alasan", ""))
    except PenugasanTidakDitemukan as e:
        raise Http404(e.pesan) from e
    except TidakBerwenang as e:
        return _ditolak(request, e)
    except PenugasanError as e:
        messages.error(request, e.pesan)
        return redirect("penugasan:detail", pk=pk)
    messages.success(request, "Keputusan Kepala Daerah tercatat." if setuju else
                     "Keputusan Kepala Daerah (tidak disetujui) tercatat.")
    return redirect("penugasan:detail", pk=pk)


@instansi_required
def ubah(request: HttpRequest, pk: int) -> HttpResponse:
    """The pemohon corrects a returned request and resubmits it (aksi ajukan_ulang)."""
    p = get_object_or_404(selectors.daftar_penugasan(request.user), pk=pk)
    if "ajukan_ulang" not in alur.tabel_status(p).aksi_tersedia(p.status) or not services.boleh_bertindak(
            request.user, p):
        return _ditolak(request, TidakBerwenang("Hanya pemohon yang dapat memperbaiki penugasan yang dikembalikan."))
    form = PenugasanForm(request.POST or None, jalur=p.jalur, pengguna=request.user,
                         initial=PenugasanForm.awal_dari(p))
    for f in ("ppk_tujuan", "instansi_tujuan", "puo_tujuan", "alasan_beban"):
        form.fields.pop(f, None)
    if request.method == "POST" and form.is_valid():
        try:
            services.jalankan(pengguna=request.user, penugasan_id=p.pk, aksi="ajukan_ulang",
                              perubahan=form.data_penugasan())
            messages.success(request, "Perbaikan diajukan ulang.")
            for w in peringatan.periksa_tanggal(form.cleaned_data["mulai"], form.cleaned_data["selesai"]):
                messages.warning(request, w.pesan)
            return redirect("penugasan:detail", pk=p.pk)
        except TidakBerwenang as e:
            return _ditolak(request, e)
        except PenugasanError as e:
            _galat_ke_form(form, e)
    alasan = p.transisi.filter(aksi="kembalikan").order_by("-waktu", "-id").values_list("alasan", flat=True).first()
    return render(request, "penugasan/ubah.html", {"form": form, "p": p, "alasan": alasan,
                                                   "peringatan": _peringatan_form(form)})


@instansi_required
def unduh_surat(request: HttpRequest, pk: int) -> HttpResponse:
    s = get_object_or_404(Surat.objects.filter(pk__in=selectors.surat_terlihat(request.user).values("pk")), pk=pk)
    resp = HttpResponse(bytes(s.pdf), content_type="application/pdf")
    nama = s.nomor.replace("/", "-").replace(" ", "_")
    resp["Content-Disposition"] = f'attachment; filename="surat-{nama}.pdf"'
    return resp


@require_POST
@instansi_required
def cabut_surat(request: HttpRequest, pk: int) -> HttpResponse:
    return _ubah_surat(request, pk, koreksi=False)


@instansi_required
def koreksi_surat(request: HttpRequest, pk: int) -> HttpResponse:
    """Koreksi surat (issue 9 point 8): the signer corrects what the letter says — period, uraian,
    target and, on the surat penugasan, the pegawai — and a new numbered letter replaces it. A POST
    with only ``alasan`` (the short form on the detail page) reissues the current content."""
    if request.method == "POST" and "mulai" not in request.POST:
        return _ubah_surat(request, pk, koreksi=True)
    return _koreksi_isi(request, pk)


def _koreksi_isi(request: HttpRequest, pk: int) -> HttpResponse:
    from django import forms as dj_forms

    from sikerja.organisasi import pilih

    from .forms import penerima_dari_post

    s = get_object_or_404(Surat.objects.filter(pk__in=selectors.surat_terlihat(request.user).values("pk")), pk=pk)
    p = get_object_or_404(selectors.daftar_penugasan(request.user), pk=s.subjek_id)
    if s.penandatangan_id != _pegawai_id(request) or not s.berlaku:
        return _ditolak(request, TidakBerwenang("Hanya penandatangan surat yang berlaku yang dapat mengoreksinya."))
    tugas = s.jenis == alur.SURAT_TUGAS
    form = PenugasanForm(request.POST or None, jalur=p.jalur, pengguna=request.user, initial=PenugasanForm.awal_dari(p))
    for f in ("ppk_tujuan", "instansi_tujuan", "puo_tujuan", "pegawai", "bentuk"):
        form.fields.pop(f, None)
    form.fields["alasan"] = dj_forms.CharField(label="Alasan koreksi", max_length=500, widget=dj_forms.TextInput(
        attrs={"class": "form-control form-control-sm"}))
    form.fields["paragraf_tambahan"] = dj_forms.CharField(label="Catatan tambahan (opsional)", required=False,
                                                          widget=dj_forms.Textarea(attrs={"rows": 2, "class": "form-control form-control-sm"}))
    if tugas:
        form.fields.setdefault("alasan_beban", dj_forms.CharField(
            label="Alasan tetap menugaskan di atas ambang beban kerja", required=False,
            widget=dj_forms.Textarea(attrs={"rows": 2, "class": "form-control form-control-sm"})))
        form.fields["tambah"] = pilih.PegawaiField(label="Tambah/ganti dengan pegawai", required=False,
                                                   user=request.user)
        form.fields["tambah_beban"] = dj_forms.IntegerField(label="Beban pegawai tambahan (persen)", required=False,
                                                            min_value=1, max_value=100, widget=dj_forms.NumberInput(
                                                                attrs={"class": "form-control form-control-sm"}))
    penerima = list(p.penerima.select_related("pegawai__unit").order_by("-ketua", "pegawai__nama"))
    if request.method == "POST" and form.is_valid():
        c = form.cleaned_data
        d = form.data_penugasan()
        d.bentuk = p.bentuk
        daftar = None
        if tugas:
            daftar = penerima_dari_post(request.POST)
            if c.get("tambah") is not None:
                daftar.append(services.PenerimaInput(pegawai_id=c["tambah"].pk, beban_persen=c.get("tambah_beban") or 0))
        try:
            baru = services.koreksi_surat(pengguna=request.user, surat_id=s.pk, alasan=c["alasan"],
                                          paragraf_tambahan=c.get("paragraf_tambahan") or "", perubahan=d,
                                          penerima=daftar, alasan_beban=c.get("alasan_beban") or "")
        except TidakBerwenang as e:
            return _ditolak(request, e)
        except PenugasanError as e:
            _galat_ke_form(form, e)
        else:
            messages.success(request, f"Surat koreksi {baru.nomor} diterbitkan; surat {s.nomor} ditandai dikoreksi.")
            return redirect("penugasan:detail", pk=p.pk)
    return render(request, "penugasan/koreksi_surat.html", {"form": form, "p": p, "s": s, "tugas": tugas,
                                                            "penerima": penerima},
                  status=400 if form.errors else 200)


def _ubah_surat(request: HttpRequest, pk: int, *, koreksi: bool) -> HttpResponse:
    """Revoke a letter, or correct it with a new one that names it (signatory only)."""
    alasan = request.POST.get("alasan", "")
    try:
        if koreksi:
            s = services.koreksi_surat(pengguna=request.user, surat_id=pk, alasan=alasan,
                                       paragraf_tambahan=request.POST.get("paragraf_tambahan", ""))
            pesan = f"Surat koreksi {s.nomor} diterbitkan; surat lama ditandai dikoreksi."
        else:
            s = services.cabut_surat(pengguna=request.user, surat_id=pk, alasan=alasan)
            pesan = kalimat(f"Surat {s.nomor} dicabut", "Penugasan berakhir" if services.berakhir_karena(s) else None)
    except PenugasanTidakDitemukan as e:
        raise Http404(e.pesan) from e
    except TidakBerwenang as e:
        return _ditolak(request, e)
    except PenugasanError as e:
        messages.error(request, e.pesan)
        s = get_object_or_404(Surat.objects.filter(instansi_id=request.user.instansi_id), pk=pk)  # type: ignore[union-attr,misc]
        return redirect("penugasan:detail", pk=s.subjek_id)
    messages.success(request, pesan)
    return redirect("penugasan:detail", pk=s.subjek_id)


@peran_required("admin_instansi")
def pengaturan(request: Permintaan) -> HttpResponse:
    """The admin instansi sets the kop, the numbering format, the PyB and the workload threshold."""
    from .forms import PengaturanForm
    from .surat import KODE_JENIS

    instansi = request.user.instansi
    assert instansi is not None  # peran_required: an admin of an instansi
    form = PengaturanForm(request.POST or None, instance=instansi)
    if request.method == "POST" and form.is_valid():
        # Instansi settings are organisasi's: written by its service, which checks the admin (issue 8.4).
        from sikerja.organisasi.services import ubah_pengaturan

        ubah_pengaturan(instansi, oleh=request.user, pyb=form.cleaned_data.get("pyb_nip"),
                        kepala_daerah=form.cleaned_data.get("kepala_daerah_nip"),
                        **{k: form.cleaned_data[k] for k in form.Meta.fields})
        messages.success(request, "Pengaturan instansi disimpan.")
        return redirect("penugasan:pengaturan")
    contoh = {j: format_nomor(instansi, KODE_JENIS[j], 7, timezone.localdate())
              for j in ("permohonan_pelibatan", "penugasan")}
    from sikerja.organisasi.selectors import riwayat_pengaturan

    return render(request, "penugasan/pengaturan.html",
                  {"form": form, "contoh": contoh, "riwayat": riwayat_pengaturan(instansi.id)},
                  status=400 if form.errors else 200)
