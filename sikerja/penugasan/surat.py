"""Penugasan's letters, issued through the shared :mod:`sikerja.surat` app.

Kept as this app's entry point so effects read ``surat_mod.terbitkan(penugasan=p, ...)``; the
numbering, PDF and verification live in sikerja.surat. The surat penugasan is written here in
the form of a Surat Tugas (Permendagri 1/2023, Lampiran, format Surat Tugas): "Dasar" (the
instansi's regulation, the request letter and the answer, by number and date), "MENUGASKAN",
"Kepada" (name, NIP, pangkat/golongan, jabatan of each pegawai) and "Untuk" (uraian tugas,
period, target). A correction rebuilds it from the assignment's current content (issue 9 point 8).
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from sikerja.kedudukan.engine import ProfilError, load_profil
from sikerja.surat import services as _surat
from sikerja.surat.models import Surat
from sikerja.surat.nomor import ROMAWI, ambil_nomor, format_nomor
from sikerja.surat.services import orang, render_pdf, tanggal_id, url_verifikasi

from .alur import JENIS_SURAT, SURAT_PERMOHONAN, SURAT_TUGAS
from .selectors import pemberi_rekomendasi

__all__ = ["JUDUL", "KODE_JENIS", "ROMAWI", "ambil_nomor", "format_nomor", "isi_surat_tugas", "koreksi", "orang",
           "render_pdf", "tanggal_id", "terbitkan", "url_verifikasi"]

# {kode} of Instansi.format_nomor_surat, per kind of letter.
KODE_JENIS = {k: v[1] for k, v in JENIS_SURAT.items()}
JUDUL = {k: v[0] for k, v in JENIS_SURAT.items()}


def _peraturan(profil: str) -> list[str]:
    """The regulations the assignment rests on: PermenPANRB 7/2022 and the instansi's own."""
    nama = []
    for kode in dict.fromkeys(("nasional", profil)):
        try:
            nama.append(load_profil(kode).nama)
        except ProfilError:
            continue
    return nama


def _dasar(p: Any, sebelum: Surat | None = None) -> list[str]:
    """"Dasar" of the Surat Tugas: the regulations, then each request letter and approving answer
    still in force, by number and date (the letters of the assignment issued before this one)."""
    dasar = [f"{n};" for n in _peraturan(p.instansi.profil)]
    surat = p.surat.filter(status="berlaku", jenis__in=[*SURAT_PERMOHONAN, "jawaban"]).select_related(
        "penandatangan").order_by("id")
    if sebelum is not None:
        surat = surat.filter(id__lt=sebelum.id)
    for s in surat:
        dari = s.isi.get("penandatangan", {}).get("jabatan") or s.penandatangan.jabatan
        dasar.append(f"{JUDUL.get(s.jenis, s.jenis)} {dari} Nomor {s.nomor} tanggal {tanggal_id(s.tanggal)} "
                     f"perihal {s.perihal};")
    for t in pemberi_rekomendasi(p):
        # The PUO's recommendation the PPK assigns on (Perbup Pasuruan 217/2023 Lampiran II.B.2.a.2
        # huruf c; Perbup Karangasem Pasal 14 ayat (3) huruf c) is part of the letter's basis.
        if sebelum is None or t.waktu <= sebelum.dibuat:
            dasar.append(f"Rekomendasi {t.aktor.nama} ({t.aktor.jabatan}) selaku pimpinan unit organisasi pegawai "
                         f"tanggal {tanggal_id(timezone.localtime(t.waktu).date())};")
    if dasar:
        dasar[-1] = dasar[-1].rstrip(";") + "."
    return dasar


def isi_surat_tugas(p: Any, sebelum: Surat | None = None, kepada: list[Any] | None = None) -> dict[str, Any]:
    """The Surat Tugas content of assignment ``p`` as it stands (its pegawai, period, uraian, target).

    ``kepada``: the pegawai this letter assigns, where each PPK signs for his own (Perwal Magelang
    25/2023 Pasal 12 ayat (4)); by default all of the assignment's."""
    penerima = list(p.penerima.select_related("pegawai__unit", "pegawai__instansi").order_by("-ketua", "pegawai__nama"))
    ids = {g.pk for g in kepada or []}
    if ids & {r.pegawai_id for r in penerima}:
        penerima = [r for r in penerima if r.pegawai_id in ids]
    kepada = []
    for r in penerima:
        g = r.pegawai
        peran = ["ketua tim" if r.ketua else "", f"beban kerja {r.beban_persen}% waktu kerja"]
        kepada.append({"nama": g.nama, "nip": g.nip, "pangkat": g.pangkat_golongan, "jabatan": g.jabatan,
                       "unit": g.unit.nama + (f", {g.instansi.nama}" if g.instansi_id != p.instansi_id else ""),
                       "peran": "; ".join(x for x in peran if x)})
    periode = f"{tanggal_id(p.mulai)} s.d. {tanggal_id(p.selesai)}"
    untuk = [f"melaksanakan {p.judul}" + (f": {p.uraian_tugas.strip()}" if p.uraian_tugas.strip() else "") + ";"]
    if p.maksud_tujuan.strip():
        untuk.append(f"dengan maksud dan tujuan {p.maksud_tujuan.strip()};")
    if p.target_kinerja:
        untuk.append("dengan ekspektasi/target kinerja: " + "; ".join(p.target_kinerja) + ";")
    untuk.append(f"selama {periode}" + (f" pada {p.instansi.nama}" if any(
        r.pegawai.instansi_id != p.instansi_id for r in penerima) else "") + ";")
    untuk.append("melaksanakan tugas ini dengan penuh tanggung jawab dan melaporkan hasilnya kepada pemberi tugas.")
    return {"dasar": _dasar(p, sebelum) or ["Kewenangan penandatangan."], "kepada": kepada, "untuk": untuk,
            "periode": periode}


def terbitkan(*, penugasan: Any, **kwargs: Any) -> Surat:
    """Number, render and store one letter of ``penugasan`` (sikerja.surat.services.terbitkan);
    the surat penugasan in the Surat Tugas form."""
    if kwargs.get("jenis") == SURAT_TUGAS and "tugas" not in kwargs:
        kwargs["tugas"] = isi_surat_tugas(penugasan, kepada=kwargs.get("kepada"))
    return _surat.terbitkan(subjek=penugasan, **kwargs)


def koreksi(*, penugasan: Any, lama: Surat, alasan: str, paragraf_tambahan: str = "",
            rincian: list[tuple[str, str]] | None = None, pegawai: list[dict[str, str]] | None = None,
            kepada: list[Any] | None = None) -> Surat:
    """The letter replacing ``lama``, written from the assignment's current content (after a
    correction changed its dates, pegawai, uraian or target); a Surat Tugas keeps its "Dasar" as
    of the letter it replaces and names that letter."""
    tugas = None
    if lama.jenis == SURAT_TUGAS:
        if kepada is not None:
            # Pegawai another PPK's surat penugasan (still in force) assigns stay on that letter.
            lain = set(Surat.kepada.through.objects.filter(
                surat__in=penugasan.surat.filter(jenis=SURAT_TUGAS, status="berlaku").exclude(pk=lama.pk)).values_list(
                "pegawai_id", flat=True))
            kepada = [g for g in kepada if g.pk not in lain]
        tugas = isi_surat_tugas(penugasan, sebelum=lama, kepada=kepada)
        tugas["catatan"] = [f"Surat Tugas ini menggantikan Surat Tugas Nomor {lama.nomor} tanggal "
                            f"{tanggal_id(lama.tanggal)} karena {alasan.strip()}."
                            + (f" {paragraf_tambahan.strip()}" if paragraf_tambahan.strip() else "")]
    return _surat.koreksi(lama=lama, alasan=alasan, paragraf_tambahan=paragraf_tambahan, rincian=rincian,
                          pegawai=pegawai, subjek=penugasan, kepada=kepada, tugas=tugas)
