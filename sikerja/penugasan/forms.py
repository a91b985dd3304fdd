"""Forms of penugasan pages. Validation that is a rule of the regulation lives in
``services``; the form only shapes input and marks the fields a path requires."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.http import QueryDict

from sikerja.kedudukan import selectors as kd_selectors
from sikerja.organisasi import pilih
from sikerja.organisasi.models import Instansi, Pegawai
from sikerja.organisasi.vocab import JENJANG, LABEL_JENJANG

from . import alur, selectors
from .models import Penugasan
from .services import DataPenugasan, PenerimaInput, pesan_sukarela_lintas_instansi, varian_untuk

PILIHAN_JENJANG = [("", "— semua jenjang —")] + [(j, LABEL_JENJANG.get(j, j)) for j in JENJANG]


class TanggalInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


def _pejabat_dituju(label: str, kepada: str, pengguna: Any, required: bool = True) -> pilih.PegawaiField:
    """The addressee of a written request as an autocomplete: a Pemda has hundreds of PPK and PUO,
    and two "Kepala Bagian Keuangan" are told apart by the unit shown with each (issue #12 point 3).
    The scope (apps.LINGKUP_DITUJU) and the validation read the same selector."""
    return pilih.PegawaiField(
        label=label, required=required, lingkup=f"penugasan_{kepada}",
        queryset=selectors.pejabat_dituju(pengguna.instansi_id, kepada, pengguna.pegawai).exclude(id=pengguna.pegawai_id or 0),
        help_text="Ketik nama, NIP atau jabatan, lalu pilih dari daftar.")


class PenugasanForm(forms.Form):
    judul = forms.CharField(label="Judul penugasan / kinerja", max_length=200)
    maksud_tujuan = forms.CharField(label="Maksud dan tujuan", widget=forms.Textarea(attrs={"rows": 2}),
                                    required=False)
    uraian_tugas = forms.CharField(label="Uraian tugas", widget=forms.Textarea(attrs={"rows": 3}), required=False)
    kompetensi_dibutuhkan = forms.CharField(label="Kompetensi, keahlian dan/atau keterampilan yang dibutuhkan",
                                            required=False)
    target_kinerja = forms.CharField(label="Ekspektasi/target kinerja (satu per baris)",
                                     widget=forms.Textarea(attrs={"rows": 3}))
    mulai = forms.DateField(label="Mulai", widget=TanggalInput())
    selesai = forms.DateField(label="Selesai", widget=TanggalInput())
    bentuk = forms.ChoiceField(label="Bentuk", choices=Penugasan.BENTUK)
    sifat = forms.ChoiceField(label="Sifat tugas", choices=Penugasan.SIFAT)
    jumlah_dibutuhkan = forms.IntegerField(label="Jumlah pegawai dibutuhkan", min_value=1, initial=1, required=False)
    jenjang_dibutuhkan = forms.ChoiceField(label="Jenjang dibutuhkan", choices=PILIHAN_JENJANG, required=False)
    beban_diajukan = forms.IntegerField(label="Perkiraan beban (persen waktu kerja)", min_value=1, max_value=100,
                                        required=False)
    alasan_beban = forms.CharField(label="Alasan tetap menugaskan di atas ambang beban kerja", required=False,
                                   widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, jalur: str, pengguna, **kwargs: Any) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.jalur = jalur
        # Which fields a path needs comes from its facts (alur.FAKTA_JALUR), not its name.
        self.fakta = fakta = alur.FAKTA_JALUR[jalur]
        instansi_id = pengguna.instansi_id
        if fakta["permohonan_tertulis"]:
            # Isi minimal surat permohonan pelibatan (Karangasem Pasal 14 ayat (5); Blitar Pasal 24 ayat (3)).
            for f in ("maksud_tujuan", "uraian_tugas", "kompetensi_dibutuhkan"):
                self.fields[f].required = True
        else:
            del self.fields["jumlah_dibutuhkan"]
            del self.fields["jenjang_dibutuhkan"]
        if fakta["sukarela"]:
            self.fields["beban_diajukan"].required = True
            del self.fields["bentuk"]
        else:
            del self.fields["beban_diajukan"]
        if not fakta.get("langsung"):
            del self.fields["alasan_beban"]
        else:
            # The candidates' workload is for the period entered: changing it redraws the table.
            from django.urls import reverse

            for f in ("mulai", "selesai"):
                self.fields[f].widget.attrs.update({
                    "hx-get": reverse("penugasan:kandidat"), "hx-trigger": "change",
                    "hx-target": "#tabel-kandidat", "hx-include": "#saring-kandidat, #id_mulai, #id_selesai"})
        if fakta.get("pilih_dituju") == "ppk_tujuan":
            # The addressee as the instansi's regulation names him (alur.VARIAN).
            tabel = alur.alur_dari(jalur, varian_untuk(pengguna.instansi, jalur))
            label = dict(tabel.label_peran).get("ppk_tujuan", "Pejabat Penilai Kinerja dituju")
            # Picked by name, NIP or jabatan, each shown with his unit (issue #12 point 3).
            self.fields["ppk_tujuan"] = _pejabat_dituju(f"{label} (tempat pegawai berada)", tabel.kepada, pengguna)
        if fakta.get("lisan") and pengguna.pegawai_id:
            # The official who hears the oral request records it for the pegawai (Karangasem Pasal 15
            # ayat (2) huruf a: his PUO; Magelang Lampiran II huruf B angka 1: his PPK).
            tabel = alur.alur_dari(jalur, varian_untuk(pengguna.instansi, jalur))
            oleh_ppk = tabel.langkah[tabel.awal].aktor == "ppk_pemohon"
            bawahan = (kd_selectors.dinilai_oleh if oleh_ppk else kd_selectors.dipimpin_oleh)(pengguna.pegawai)
            dipimpin = bawahan.filter(jenis_jabatan__in=["fungsional", "pelaksana"])
            if dipimpin.exists():
                self.fields["pegawai"] = pilih.PegawaiField(
                    label="Catat pengajuan lisan atas nama pegawai (kosongkan bila Anda sendiri yang mengajukan)",
                    required=False, queryset=dipimpin, lingkup="dinilai_jf" if oleh_ppk else "dipimpin_jf")
        if fakta["lintas_instansi"]:
            self.fields["instansi_tujuan"] = forms.ModelChoiceField(
                label="Instansi dituju", queryset=selectors.instansi_tujuan_lintas(instansi_id))
        if fakta.get("pilih_dituju") == "puo_tujuan":
            self.fields["instansi_tujuan"] = forms.ModelChoiceField(
                label="Instansi unit dituju", queryset=Instansi.objects.order_by("nama"), initial=instansi_id)
            tabel = alur.alur_dari(jalur, varian_untuk(pengguna.instansi, jalur))
            self.fields["puo_tujuan"] = _pejabat_dituju(
                dict(tabel.label_peran).get("puo_tujuan", "Pimpinan unit organisasi dituju"), tabel.kepada, pengguna,
                required=False)
        self.instansi_id = instansi_id
        for bidang in self.fields.values():
            w = cast(forms.Field, bidang).widget
            css = "form-select form-select-sm" if isinstance(w, forms.Select) else "form-control form-control-sm"
            w.attrs.setdefault("class", css)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        tujuan = data.get("instansi_tujuan")
        if self.fakta.get("pilih_dituju") == "puo_tujuan" and tujuan is not None:
            if tujuan.id != self.instansi_id:
                raise forms.ValidationError(pesan_sukarela_lintas_instansi(Instansi.objects.get(pk=self.instansi_id)))
            if not data.get("puo_tujuan"):
                self.add_error("puo_tujuan", "Pilih pimpinan unit organisasi dituju.")
        return data

    def data_penugasan(self) -> DataPenugasan:
        c = self.cleaned_data
        return DataPenugasan(
            judul=c["judul"], mulai=c["mulai"], selesai=c["selesai"], maksud_tujuan=c.get("maksud_tujuan") or "",
            uraian_tugas=c.get("uraian_tugas") or "", kompetensi_dibutuhkan=c.get("kompetensi_dibutuhkan") or "",
            target_kinerja=[t.strip() for t in (c.get("target_kinerja") or "").splitlines() if t.strip()],
            bentuk=c.get("bentuk") or "individu", sifat=c["sifat"], jumlah_dibutuhkan=c.get("jumlah_dibutuhkan") or 1,
            jenjang_dibutuhkan=c.get("jenjang_dibutuhkan") or "", beban_diajukan=c.get("beban_diajukan") or 0,
        )

    @classmethod
    def awal_dari(cls, p: Penugasan) -> dict[str, Any]:
        d = {f: getattr(p, f) for f in DataPenugasan.FIELDS}
        d["target_kinerja"] = "\n".join(p.target_kinerja)
        return d


def penerima_dari_post(post: QueryDict) -> list[PenerimaInput]:
    """The candidate table posts ``pegawai`` (checked ids), ``beban_<id>`` and ``ketua`` (one id)."""
    hasil = []
    ketua = post.get("ketua", "")
    for raw in post.getlist("pegawai"):
        if not raw.isdigit():
            continue
        try:
            beban = int(post.get(f"beban_{raw}", "0") or 0)
        except ValueError:
            beban = 0
        hasil.append(PenerimaInput(pegawai_id=int(raw), beban_persen=beban, ketua=(raw == ketua)))
    return hasil


class PengaturanForm(forms.ModelForm):
    """What the admin instansi sets for letters and workload: kop, numbering, PyB, threshold."""

    pyb_nip = pilih.PegawaiField(label="Pejabat yang Berwenang (PyB)", required=False, nilai="nip",
                                 help_text="Biasanya Sekretaris Daerah; menyetujui penunjukan lintas instansi. "
                                           "Ketik nama, NIP atau jabatan lalu pilih.")

    kepala_daerah_nip = pilih.PegawaiField(
        label="Kepala Daerah (opsional)", required=False, nilai="nip",
        help_text="Bila Kepala Daerah memutus di aplikasi. Kosongkan bila menandatangani di luar aplikasi: Pejabat "
                  "yang Berwenang membawa keputusannya dan admin instansi mencatat nomor dan tanggal Keputusan.")

    class Meta:
        model = Instansi
        fields = ["alamat", "kota", "singkatan", "format_nomor_surat", "ambang_beban_kerja"]
        labels = {"alamat": "Alamat (kop surat)", "kota": "Kota (tempat surat)", "singkatan": "Singkatan instansi",
                  "format_nomor_surat": "Format nomor surat", "ambang_beban_kerja": "Ambang beban kerja (%)"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        pyb = cast(pilih.PegawaiField, self.fields["pyb_nip"])
        pyb.queryset = Pegawai.objects.filter(instansi=self.instance, aktif=True)
        pyb.error_messages["invalid_choice"] = "Pegawai aktif dengan NIP %(value)s tidak ada di instansi ini."
        if self.instance.pyb_id:
            pyb.initial = self.instance.pyb.nip
        kd = cast(pilih.PegawaiField, self.fields["kepala_daerah_nip"])
        kd.queryset = Pegawai.objects.filter(instansi=self.instance, aktif=True)
        kd.error_messages["invalid_choice"] = "Pegawai aktif dengan NIP %(value)s tidak ada di instansi ini."
        if self.instance.kepala_daerah_id:
            kd.initial = self.instance.kepala_daerah.nip
        for bidang in self.fields.values():
            bidang.widget.attrs.setdefault("class", "form-control form-control-sm")

    def clean_format_nomor_surat(self) -> str:
        # Only the documented placeholders, a small width, a result that fits (issue 10 point 9).
        from sikerja.surat.errors import FormatNomorTidakSah
        from sikerja.surat.nomor import periksa_format

        try:
            return periksa_format(self.cleaned_data["format_nomor_surat"],
                                  singkatan=self.cleaned_data.get("singkatan") or self.instance.singkatan or "")
        except FormatNomorTidakSah as e:
            raise forms.ValidationError(e.pesan) from e

    def clean_ambang_beban_kerja(self) -> int:
        v = self.cleaned_data["ambang_beban_kerja"]
        if not (1 <= v <= 300):
            raise forms.ValidationError("Ambang beban kerja diisi 1–300 persen.")
        return int(v)

    def save(self, commit: bool = True) -> Instansi:
        inst = super().save(commit=False)
        inst.pyb = self.cleaned_data.get("pyb_nip")
        inst.kepala_daerah = self.cleaned_data.get("kepala_daerah_nip")
        if commit:
            inst.save()
        return inst
