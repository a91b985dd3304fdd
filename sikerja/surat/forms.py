"""The kop surat form of the Pengaturan (admin instansi)."""

from __future__ import annotations

from typing import Any

from django import forms

from .kop import LAMBANG_MAKS_BYTE
from .models import KopSurat


class KopForm(forms.ModelForm):
    unit = forms.TypedChoiceField(label="Kop untuk", coerce=int, empty_value=None, required=False)
    lambang = forms.FileField(
        label="Lambang daerah (PNG atau JPEG)", required=False,
        help_text=f"Paling besar {LAMBANG_MAKS_BYTE // 1024} KB dan 2500 piksel per sisi; 300–600 piksel cukup.",
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg"}))
    hapus_lambang = forms.BooleanField(label="Hapus lambang", required=False)

    class Meta:
        model = KopSurat
        fields = ["nama_pemda", "nama_perangkat_daerah", "alamat", "telepon", "email", "laman"]
        help_texts = {
            "nama_pemda": "Mis. Pemerintah Kabupaten Pasuruan (dicetak dengan huruf kapital).",
            "nama_perangkat_daerah": "Kosongkan pada kop instansi: nama Perangkat Daerah penandatangan dipakai.",
            "alamat": "Jalan, nomor, kota dan kode pos.",
        }

    def __init__(self, *args: Any, pilihan_unit: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [("", "Seluruh instansi (bawaan)"), *pilihan_unit]  # type: ignore[attr-defined]
        for f in self.fields.values():
            if isinstance(f.widget, forms.CheckboxInput):
                f.widget.attrs.setdefault("class", "form-check-input")
            elif isinstance(f.widget, forms.Select):
                f.widget.attrs.setdefault("class", "form-select form-select-sm")
            else:
                f.widget.attrs.setdefault("class", "form-control form-control-sm")

    def clean_lambang(self) -> bytes | None:
        berkas = self.cleaned_data.get("lambang")
        if not berkas:
            return None
        if berkas.size > LAMBANG_MAKS_BYTE:  # refused before it is read into memory
            raise forms.ValidationError(
                f"Berkas lambang {berkas.size // 1024} KB; paling besar {LAMBANG_MAKS_BYTE // 1024} KB.")
        return berkas.read()  # type: ignore[no-any-return]
