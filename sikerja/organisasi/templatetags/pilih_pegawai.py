"""``{% pilih_pegawai nama id nilai %}``: the pegawai autocomplete in a hand-written form."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse

from sikerja.organisasi.models import Pegawai
from sikerja.organisasi.pilih import label

register = template.Library()


@register.inclusion_tag("organisasi/_pilih_pegawai.html", takes_context=True)
def pilih_pegawai(context: template.Context, nama: str, id: str, nilai: Any = "", *, lingkup: str = "instansi",
                  kunci: str = "nip", wajib: bool = False) -> dict[str, Any]:
    request = context.get("request")
    instansi_id = getattr(getattr(request, "user", None), "instansi_id", None)
    terpilih = None
    if nilai and instansi_id:
        cari = {"nip": str(nilai).strip()} if kunci == "nip" else {"pk": nilai}
        terpilih = Pegawai.objects.filter(instansi_id=instansi_id, **cari).select_related("unit__akar_pd").first()
    return {
        "nama": nama, "id": id, "wajib": wajib,
        "pilih": {"url": reverse("organisasi:pilih_pegawai"), "lingkup": lingkup, "nilai": kunci,
                  "label": label(terpilih) if terpilih else (nilai or ""), "value": nilai or ""},
    }
