"""Excel import of a perjanjian kinerja with its targets, and export of a unit's PK, targets and
kegiatan with progress (issue 14 points 1 and 7).

Import is all-or-nothing: every row is checked first and each problem is reported as
"Baris n, kolom 'x': …"; nothing is written unless the whole file is valid. Export writes every
text cell through ``tulis_baris`` (sikerja/ekspor.py when present), so a value starting with
= + - @ tab or CR is stored as text, never as a formula.
"""

from __future__ import annotations

import io
from datetime import date, datetime
from typing import Any

from django.db.models import Count, Max, Q

from sikerja.ekspor import tulis_baris

from .errors import ImporGagal
from .models import Kegiatan, PerjanjianKinerja, TargetKinerja

KOLOM = ("sasaran", "indikator", "nilai_target", "satuan", "batas_waktu", "jenis_penugasan")
WAJIB = ("indikator", "nilai_target", "satuan", "batas_waktu")
MAKS_BARIS = 2000
MAKS_BYTE = 5 * 1024 * 1024


def baca_target(isi: bytes, tahun: int) -> list[dict[str, Any]]:
    """Rows of the first sheet as target data; raises :class:`ImporGagal` naming every bad row/field."""
    from openpyxl import load_workbook

    if len(isi) > MAKS_BYTE:
        raise ImporGagal(["Berkas lebih dari 5 MB."])
    try:
        wb = load_workbook(io.BytesIO(isi), read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - any unreadable file is the user's to fix
        raise ImporGagal(["Berkas bukan lembar kerja Excel (.xlsx) yang dapat dibaca."]) from None
    ws = wb.worksheets[0]
    rows = ws.iter_rows(values_only=True)
    kepala = [str(c or "").strip().lower().replace(" ", "_") for c in next(rows, ())]
    galat = [f"Kolom '{k}' tidak ada di baris judul." for k in WAJIB if k not in kepala]
    if galat:
        raise ImporGagal(galat + [f"Kolom yang dikenal: {', '.join(KOLOM)}."])
    hasil: list[dict[str, Any]] = []
    for n, row in enumerate(rows, start=2):
        if n - 1 > MAKS_BARIS:
            galat.append(f"Lebih dari {MAKS_BARIS} baris.")
            break
        d = {k: (row[i] if i < len(row) else None) for i, k in enumerate(kepala) if k in KOLOM}
        if all(v in (None, "") for v in d.values()):
            continue
        for k in WAJIB:
            if d.get(k) in (None, ""):
                galat.append(f"Baris {n}, kolom '{k}': wajib diisi.")
        nilai = d.get("nilai_target")
        if nilai not in (None, ""):
            try:
                if float(str(nilai).replace(",", ".")) < 0:
                    raise ValueError
            except ValueError:
                galat.append(f"Baris {n}, kolom 'nilai_target': harus angka tidak negatif (isi: {str(nilai)[:30]}).")
        bw = d.get("batas_waktu")
        if isinstance(bw, datetime):
            bw = bw.date()
        elif bw not in (None, "") and not isinstance(bw, date):
            try:
                bw = date.fromisoformat(str(bw).strip())
            except ValueError:
                galat.append(f"Baris {n}, kolom 'batas_waktu': tanggal tidak sah (gunakan TTTT-BB-HH).")
                bw = None
        if isinstance(bw, date) and bw.year != tahun:
            galat.append(f"Baris {n}, kolom 'batas_waktu': harus dalam tahun {tahun}.")
        jp = str(d.get("jenis_penugasan") or "").strip().lower()
        if jp not in ("", "individu", "tim"):
            galat.append(f"Baris {n}, kolom 'jenis_penugasan': isi 'individu' atau 'tim'.")
        hasil.append({"sasaran": str(d.get("sasaran") or "").strip()[:300],
                      "indikator": str(d.get("indikator") or "").strip()[:300], "nilai_target": nilai,
                      "satuan": str(d.get("satuan") or "").strip()[:60], "batas_waktu": bw, "jenis_penugasan": jp})
    if not hasil and not galat:
        galat.append("Tidak ada baris target.")
    if galat:
        raise ImporGagal(galat)
    return hasil


def tulis_pk(pk: PerjanjianKinerja) -> bytes:
    """The workbook of one PK: PK sheet, targets (with their cascade) and kegiatan with progress."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Perjanjian Kinerja"
    for label, nilai in (("Unit", pk.unit.nama), ("Tahun", pk.tahun), ("Jenis", pk.get_jenis_display()),
                         ("Versi", pk.versi), ("Pihak pertama", pk.pihak_pertama.nama),
                         ("Pihak kedua", pk.pihak_kedua.nama if pk.pihak_kedua else ""), ("Dasar", pk.dasar),
                         ("Arahan dan ekspektasi", pk.arahan), ("Alasan perubahan", pk.alasan_perubahan)):
        tulis_baris(ws, [label, nilai])
    wt = wb.create_sheet("Target")
    tulis_baris(wt, ["ID", "Induk", "Unit", "Penanggung jawab", "Sasaran", "Indikator", "Nilai target", "Satuan",
                     "Batas waktu", "Jenis penugasan", "Jumlah kegiatan", "Kegiatan selesai"])
    target = (TargetKinerja.objects.filter(pk_kinerja=pk).select_related("unit", "penanggung_jawab")
              .annotate(n=Count("kegiatan"), s=Count("kegiatan", filter=Q(kegiatan__status="selesai"))).order_by("id"))
    for t in target:
        tulis_baris(wt, [t.id, t.induk_id or "", t.unit.nama, t.penanggung_jawab.nama if t.penanggung_jawab else "",
                         t.sasaran, t.indikator, float(t.nilai_target), t.satuan, t.batas_waktu, t.jenis_penugasan,
                         t.n, t.s])
    wk = wb.create_sheet("Kegiatan")
    tulis_baris(wk, ["ID", "Target", "Kegiatan", "Pelaksana", "Tim", "Mulai", "Selesai", "Status", "Progres (%)",
                     "Laporan progres terakhir"])
    for kg in (Kegiatan.objects.filter(target__pk_kinerja=pk).select_related("pelaksana", "tim", "target")
               .annotate(akhir=Max("progres__tanggal")).order_by("mulai", "id")):
        tulis_baris(wk, [kg.id, kg.target.indikator, kg.nama, kg.pelaksana.nama if kg.pelaksana else "",
                         kg.tim.nama if kg.tim else "", kg.mulai, kg.selesai, kg.label_status, kg.persen_progres,
                         kg.akhir or ""])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
