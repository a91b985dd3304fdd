"""Prepared queries: an ORM queryset compiled to SQL once per process, executed with new values.

Building and compiling a queryset costs more CPU than running it: on the 50,000-pegawai bench the
tim kerja page spent 25 of its 46 ms in the ORM's ``filter()``/``as_sql()`` and 3.5 ms in the
database (issue #11 point 4). A page asks the same questions on every visit with other ids, so
:class:`KueriSiap` builds the queryset once with marker values, finds each marker among the compiled
parameters, and afterwards only swaps the values and executes the stored SQL. The ORM expression
stays the one definition of the query (what it selects, joins and filters); rows come back as the
same model instances (``select_related`` included) or ``values()`` dicts, through the same field
converters.

A plan is kept per database vendor and per *shape* of the values: ``None`` or not, and the length of
a list (``IN (%s, %s)`` has as many placeholders as items). Values may be ``int``, ``str``, ``date``,
``None`` or a list of ints; a builder that transforms a value (``icontains`` wraps a string in ``%``)
cannot be prepared and fails at its first call (every prepared query has a test on both databases).
A list longer than ``BATAS_DAFTAR`` is not prepared, nor a shape beyond the first ``BATAS_RENCANA``
(memory stays bounded): the queryset runs as usual.
The builder may not read the database (it runs once per shape; a query in it raises).
Arguments named in ``tetap`` are passed to the builder as they are and choose the plan: use them for
what changes the query's structure (a role, a flag), never for ids.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Generic, TypeVar

from django.core.exceptions import EmptyResultSet
from django.db import connections, models
from django.db.models.query import (  # type: ignore[attr-defined]
    ModelIterable,
    RelatedPopulator,
    ValuesIterable,
    get_related_populators,
)
from django.db.models.sql.compiler import SQLCompiler

T = TypeVar("T")

_penanda_int = itertools.count(1)
_PENANDA_INT = 2_000_000_000

# Lists longer than this are not prepared (one plan per length would pile up), and a query keeps at
# most this many plans (each ≈ 80 KB): a shape beyond them runs through the ORM as before.
BATAS_DAFTAR = 200
BATAS_RENCANA = 24


@dataclass
class _Rencana:
    """One compiled shape: the SQL, its parameters with the markers' positions, and how to read rows."""

    sql: str
    params: list[Any]
    posisi: dict[str, list[tuple[int, int | None]]]  # argument → [(parameter index, item of a list or None)]
    compiler: SQLCompiler | None  # None: a shape the ORM answers each time (no row possible: ``IN ()``)
    jenis: str  # "model" | "values"
    nama: list[str]
    model_awal: int = 0
    model_akhir: int = 0
    init_list: list[str] | None = None
    pengisi: list[RelatedPopulator] | None = None
    anotasi: dict[str, int] | None = None
    prefetch: tuple[Any, ...] = ()
    # The columns' converters (Django's compiler.get_converters), worked out once: asking for them on
    # every read cost more than reading a page's rows. None: let results_iter work them out.
    konverter: dict[int, Any] | None = None


def _tanpa_kueri(*args: Any) -> None:
    raise RuntimeError("KueriSiap: pembangun kueri tidak boleh membaca basis data (hanya sekali per proses).")


def _bentuk(nilai: Any) -> tuple[Any, ...]:
    if nilai is None:
        return ("none",)
    if isinstance(nilai, bool):
        raise TypeError("KueriSiap: nilai bool menentukan bentuk kueri; berikan lewat 'tetap'.")
    if isinstance(nilai, int):
        return ("int",)
    if isinstance(nilai, datetime):
        raise TypeError("KueriSiap: datetime tidak didukung; gunakan date atau berikan lewat 'tetap'.")
    if isinstance(nilai, date):
        return ("date",)
    if isinstance(nilai, str):
        return ("str",)
    if isinstance(nilai, (list, tuple, set, frozenset)):
        if not all(isinstance(x, int) and not isinstance(x, bool) for x in nilai):
            raise TypeError("KueriSiap: daftar nilai harus berisi bilangan bulat (id).")
        return ("list", len(nilai))
    raise TypeError(f"KueriSiap: jenis nilai {type(nilai).__name__} tidak didukung.")


def _penanda(bentuk: tuple[Any, ...]) -> Any:
    """A value no real row holds, to be found among the compiled parameters."""
    jenis = bentuk[0]
    if jenis == "none":
        return None
    # Within every integer column's range: Django drops a lookup whose value overflows its column
    # (EmptyResultSet), so a marker must be a value the column could hold.
    if jenis == "int":
        return _PENANDA_INT + next(_penanda_int) % 100_000_000
    if jenis == "list":
        return [_PENANDA_INT + next(_penanda_int) % 100_000_000 for _ in range(bentuk[1])]
    if jenis == "date":
        return date(1001, 1, 1) + timedelta(days=next(_penanda_int) % 300_000)
    return f"\ue000kueri-siap-{next(_penanda_int)}\ue000"


class KueriSiap(Generic[T]):
    """``KueriSiap(lambda tim_id: AnggotaTim.objects.filter(tim_id=tim_id).select_related(...))``,
    then ``kueri(tim_id=5)`` → list of rows. See the module docstring."""

    def __init__(self, bangun: Callable[..., models.QuerySet[Any]], *, tetap: Sequence[str] = ()):
        self.bangun = bangun
        self.tetap = tuple(tetap)
        self._rencana: dict[tuple[Any, ...], _Rencana] = {}

    def __call__(self, *, using: str = "default", **nilai: Any) -> list[T]:
        if any(isinstance(v, (list, tuple, set, frozenset)) and len(v) > BATAS_DAFTAR
               for k, v in nilai.items() if k not in self.tetap):
            # A plan per list length is kept only for short lists; a long one is run by the ORM.
            return list(self.bangun(**nilai))
        conn = connections[using]
        bentuk = tuple(sorted((k, ("tetap", v) if k in self.tetap else _bentuk(v)) for k, v in nilai.items()))
        kunci = (using, conn.vendor, bentuk)
        r = self._rencana.get(kunci)
        if r is None:
            if len(self._rencana) >= BATAS_RENCANA:
                return list(self.bangun(**nilai))
            r = self._rencana[kunci] = self._susun(using, nilai)
        if r.compiler is None:
            return list(self.bangun(**nilai))
        params = list(r.params)
        for arg, tempat in r.posisi.items():
            nilai_db = self._siapkan(conn, nilai[arg])
            for i, butir in tempat:
                baru = nilai_db if butir is None else nilai_db[butir]
                bungkus = type(r.params[i])
                params[i] = baru if baru is None or type(baru) is bungkus else bungkus(baru)
        with conn.cursor() as c:
            c.execute(r.sql, params)
            baris = c.fetchall()
        return self._baca(r, baris, using)

    @staticmethod
    def _siapkan(conn: Any, v: Any) -> Any:
        if isinstance(v, date):
            return conn.ops.adapt_datefield_value(v)
        if isinstance(v, (list, tuple, set, frozenset)):
            return [conn.ops.adapt_datefield_value(x) if isinstance(x, date) else x for x in v]
        return v

    def _susun(self, using: str, nilai: dict[str, Any]) -> _Rencana:
        conn = connections[using]
        penanda = {k: (v if k in self.tetap else _penanda(_bentuk(v))) for k, v in nilai.items()}
        # A builder that read the database (a read-time check, say) would do so only once per process:
        # it may not; such a check runs before the prepared query is called.
        with conn.execute_wrapper(_tanpa_kueri):
            qs = self.bangun(**penanda)
        compiler = qs.query.get_compiler(using=using)
        jenis = "values" if issubclass(qs._iterable_class, ValuesIterable) else "model"
        if jenis == "model" and qs._iterable_class is not ModelIterable:
            raise TypeError("KueriSiap: hanya queryset model atau values() yang didukung.")
        if qs._known_related_objects:  # type: ignore[attr-defined]
            raise TypeError("KueriSiap: bangun dari Model.objects, bukan dari related manager.")
        try:
            sql, params = compiler.as_sql()
        except EmptyResultSet:
            # The shape cannot return a row (``none()``, ``IN ()``) or a marker fell outside a column's
            # range: this shape is left to the ORM, which answers it right for the real values.
            return _Rencana("", [], {}, None, jenis, [])
        params = list(params)
        posisi: dict[str, list[tuple[int, int | None]]] = {}
        for k, v in penanda.items():
            if k in self.tetap or v is None:
                continue
            dicari: list[tuple[Any, int | None]] = (
                [(self._siapkan(conn, x), j) for j, x in enumerate(v)] if isinstance(v, list)
                else [(self._siapkan(conn, v), None)])
            tempat: list[tuple[int, int | None]] = []
            for target, butir in dicari:
                # PostgreSQL's backend may wrap an int for its column type (psycopg's Int8): same value,
                # and the wrapper is kept when the value is swapped.
                cocok = [i for i, p in enumerate(params)
                         if (type(p) is type(target) or isinstance(p, type(target))) and p == target]
                if not cocok:
                    raise ValueError(f"KueriSiap: nilai '{k}' tidak ditemukan utuh di SQL: ia dipakai di lookup "
                                     "yang mengubah nilai (icontains, startswith…), atau tidak dipakai sama sekali "
                                     "oleh bentuk kueri ini (berikan None bila tidak dipakai); kueri ini tidak "
                                     "dapat disiapkan.")
                tempat.extend((i, butir) for i in cocok)
            posisi[k] = tempat
        r = _Rencana(sql, params, posisi, compiler, jenis, [], prefetch=tuple(qs._prefetch_related_lookups))  # type: ignore[attr-defined]
        kolom = [s[0] for s in compiler.select[0:compiler.col_count]]
        if not compiler.has_composite_fields(kolom):
            r.konverter = compiler.get_converters(kolom)
        if jenis == "values":
            q = qs.query
            r.nama = [*q.extra_select, *q.values_select, *q.annotation_select]
        else:
            select, klass_info = compiler.select, compiler.klass_info
            assert klass_info is not None
            sf = klass_info["select_fields"]
            r.model_awal, r.model_akhir = sf[0], sf[-1] + 1
            r.init_list = [f[0].target.attname for f in select[r.model_awal:r.model_akhir]]
            r.pengisi = get_related_populators(klass_info, select, using)
            r.anotasi = compiler.annotation_col_map
        return r

    def _baca(self, r: _Rencana, baris: list[tuple[Any, ...]], using: str) -> list[Any]:
        assert r.compiler is not None
        if not baris:
            return []
        if r.compiler.has_extra_select:  # columns the compiler added for ORDER BY/DISTINCT only
            baris = [b[:r.compiler.col_count] for b in baris]
        rows: Iterable[Any]
        if r.konverter is None:
            rows = r.compiler.results_iter([baris], tuple_expected=True)  # type: ignore[list-item]
        else:
            rows = r.compiler.apply_converters(baris, r.konverter) if r.konverter else baris
        if r.jenis == "values":
            return [dict(zip(r.nama, row, strict=True)) for row in rows]
        model = r.compiler.klass_info["model"]  # type: ignore[index]
        hasil = []
        for row in rows:
            obj = model.from_db(using, r.init_list, row[r.model_awal:r.model_akhir])
            for p in r.pengisi or ():
                p.populate(row, obj)
            for nama, i in (r.anotasi or {}).items():
                setattr(obj, nama, row[i])
            hasil.append(obj)
        if r.prefetch:
            models.prefetch_related_objects(hasil, *r.prefetch)
        return hasil

