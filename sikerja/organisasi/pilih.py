"""Choosing a pegawai by name, NIP or jabatan, never by a typed NIP or a raw id (issue #12 point 3).

:class:`PegawaiField` is a form field whose widget is a search box: typing asks
the HTMX endpoint ``organisasi:pilih_pegawai`` for matches, each shown with its
jabatan and unit (so two "Kepala Bagian Keuangan" are told apart), and a click
puts the choice in a hidden input. The same widget is included in hand-written
forms with ``organisasi/_pilih_pegawai.html``.

Who may be offered is a named *lingkup* resolved for the requesting user on the
server, both by the endpoint and by the field's validation: the endpoint only
ever lists active pegawai of the user's own instansi, and a lingkup such as
``dipimpin`` narrows that to the pegawai the user's kedudukan gives him.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.urls import reverse

from .cari import pegawai_cocok
from .models import Pegawai

HASIL_MAKS = 15


def _semua(user: Any) -> QuerySet[Pegawai]:
    return Pegawai.objects.filter(instansi_id=user.instansi_id, aktif=True)


def _pejabat(user: Any) -> QuerySet[Pegawai]:
    return _semua(user).filter(kepala_unit=True)


# Scopes other apps know how to compute (kedudukan: "those I rate/lead") are
# registered by them (kedudukan.apps), so organisasi does not import them.
LINGKUP: dict[str, Callable[[Any], QuerySet[Pegawai]]] = {
    "instansi": _semua,
    "pejabat": _pejabat,
}


def daftar_lingkup(nama: str, fn: Callable[[Any], QuerySet[Pegawai]]) -> None:
    LINGKUP[nama] = fn


# Scopes about one subject a form is about (e.g. "who may join this team"), asked for as
# "<nama>:<id>". The id comes from the browser, so the function itself must return nothing for a
# subject the user may not act on; the instansi filter below still applies.
LINGKUP_SUBJEK: dict[str, Callable[[Any, int], QuerySet[Pegawai]]] = {}


def daftar_lingkup_subjek(nama: str, fn: Callable[[Any, int], QuerySet[Pegawai]]) -> None:
    LINGKUP_SUBJEK[nama] = fn


def lingkup_dikenal(lingkup: str) -> bool:
    nama, _, arg = lingkup.partition(":")
    return nama in LINGKUP_SUBJEK and arg.isdigit() if arg else lingkup in LINGKUP


class LingkupTidakDikenal(ValueError):
    pass


def pegawai_boleh_dipilih(user: Any, lingkup: str = "instansi") -> QuerySet[Pegawai]:
    """The pegawai ``user`` may be offered under ``lingkup``; none outside his instansi."""
    if not getattr(user, "instansi_id", None):
        return Pegawai.objects.none()
    if not lingkup_dikenal(lingkup):
        raise LingkupTidakDikenal(lingkup)
    nama, _, arg = lingkup.partition(":")
    qs = LINGKUP_SUBJEK[nama](user, int(arg)) if arg else LINGKUP[lingkup](user)
    return qs.filter(instansi_id=user.instansi_id, aktif=True)


def cari(user: Any, q: str, lingkup: str = "instansi") -> list[Pegawai]:
    """At most ``HASIL_MAKS`` matches by name, NIP or jabatan, with their unit and PD."""
    if not q.strip():
        return []
    boleh = pegawai_boleh_dipilih(user, lingkup)
    qs = pegawai_cocok(user.instansi, q).filter(id__in=boleh.values("id"))
    return list(qs.select_related("unit__akar_pd").order_by("-kepala_unit", "nama")[:HASIL_MAKS])


def label(p: Pegawai) -> str:
    """Name, post and unit (and its Perangkat Daerah when the unit alone is ambiguous)."""
    unit = p.unit
    tempat = unit.nama
    pd = getattr(unit, "akar_pd", None)
    if pd is not None and pd.id != unit.id and pd.nama not in tempat:
        tempat = f"{tempat}, {pd.nama}"
    return f"{p.nama} — {p.jabatan} ({tempat})"


class PegawaiWidget(forms.Widget):
    """A search box plus a hidden input holding the chosen pegawai's id (or NIP)."""

    template_name = "organisasi/_pilih_pegawai_widget.html"

    def __init__(self, *, lingkup: str = "instansi", nilai: str = "pk", attrs: dict[str, Any] | None = None):
        super().__init__(attrs)
        self.lingkup = lingkup
        self.nilai = nilai

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        ctx = super().get_context(name, value, attrs)
        terpilih = None
        if value not in (None, ""):
            kunci = "nip" if self.nilai == "nip" else "pk"
            terpilih = (Pegawai.objects.filter(**{kunci: value}).select_related("unit__akar_pd").first()
                        if kunci == "nip" or str(value).isdigit() else None)
        ctx["pilih"] = {
            "url": reverse("organisasi:pilih_pegawai"), "lingkup": self.lingkup, "nilai": self.nilai,
            "label": label(terpilih) if terpilih else "", "value": "" if value is None else value,
        }
        return ctx

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        return data.get(name)


class PegawaiField(forms.ModelChoiceField):
    """A pegawai chosen by name/NIP/jabatan. Set ``batasi(user)`` (or pass ``user``) so
    validation accepts only whom the lingkup offers to that user."""

    def __init__(self, *, lingkup: str = "instansi", nilai: str = "pk", user: Any = None,
                 queryset: QuerySet[Pegawai] | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("widget", PegawaiWidget(lingkup=lingkup, nilai=nilai))
        kwargs.setdefault("error_messages", {
            "invalid_choice": "Pegawai yang dipilih tidak ada atau tidak dapat dipilih di sini; pilih dari daftar."})
        super().__init__(queryset=queryset if queryset is not None else Pegawai.objects.none(),
                         to_field_name="nip" if nilai == "nip" else None, **kwargs)
        self.lingkup = lingkup
        if user is not None and queryset is None:
            self.batasi(user)

    def batasi(self, user: Any) -> None:
        self.queryset = pegawai_boleh_dipilih(user, self.lingkup).select_related("unit")

    def label_from_instance(self, obj: Pegawai) -> str:  # type: ignore[override]
        return label(obj)
