"""The kedudukan engine: who is a pegawai's PPK, pimpinan unit and koordinator.

Pure functions over an in-memory :class:`~sikerja.organisasi.struktur.Organisasi`
and a :class:`Profil` read from ``profil/<kode>.yaml``. No database, no Django:
a profile can be tested rule by rule, and a whole instansi resolved in one pass.

The regulations differ in *which* official plays each role for each unit kind,
and that difference lives entirely in the profile files. The engine only knows
the mechanisms the five regulations share (SPEC §3):

1. A profile rule matching where the pegawai sits names candidate officials for
   each role, by *locator* (``unit``, ``induk``, ``level:2``, ``atas:dinas``,
   ``pd/sekretariat``, ``instansi/sekretariat_daerah`` …).
2. The rank ceiling (SPEC §3 rule 2, from *penyetaraan*): a PPK must outrank the
   jenjang of the JF he rates. A candidate who does not is passed over, and when
   the candidates run out the PPK moves up the tree to the first head who does.
3. Delegations (*pendelegasian kewenangan*): ``penilaian_kinerja`` makes the
   delegate PPK, ``pengelolaan_kinerja`` makes the delegate pimpinan unit.

Every step appends an explanation (``langkah``) and its legal basis
(``dasar_hukum``), so the answer can be shown to the pegawai with its reasons.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from sikerja.organisasi.struktur import Organisasi, Pegawai
from sikerja.organisasi.vocab import (
    JENIS_JABATAN,
    JENIS_UNIT,
    JENJANG,
    JENJANG_KEAHLIAN,
    JENJANG_KETERAMPILAN,
    LABEL_JENJANG,
    WEWENANG_DELEGASI,
)

from . import peringatan as pr
from .peringatan import Peringatan

PROFIL_DIR = Path(__file__).parent / "profil"
# Extra profile directories (``os.pathsep``-separated), read before the built-in one:
# a Pemda's regulation is added by dropping ``<kode>.yaml`` there, with no code change
# and no migration.
ENV_PROFIL_DIR = "SIKERJA_PROFIL_DIR"

PERAN = ("ppk", "pimpinan_unit", "koordinator")

KELOMPOK_JENJANG = {"keahlian": JENJANG_KEAHLIAN, "keterampilan": JENJANG_KETERAMPILAN}


class ProfilError(ValueError):
    """A profile file that does not say what the engine can read."""


# --- profile -------------------------------------------------------------------


@dataclass(frozen=True)
class Aturan:
    """One rule of a profile: where it applies and who plays each role there."""

    id: str
    judul: str
    dasar: str
    cocok: Callable[[Konteks], bool]
    # What ``cocok`` looks at: two posts equal on these match the same rules.
    fitur: frozenset[Fitur]
    ppk: tuple[str, ...]
    pimpinan_unit: tuple[str, ...]
    koordinator: tuple[str, ...]
    plafon: bool = True
    dasar_plafon: str | None = None
    peringatan: tuple[Peringatan, ...] = ()
    keterangan: str | None = None
    harap_delegasi: str | None = None


@dataclass(frozen=True)
class Profil:
    kode: str
    nama: str
    singkatan: str
    peringkat: dict[str, int]
    dasar_plafon: str
    dasar_delegasi: dict[str, str]
    aturan: tuple[Aturan, ...]
    # The regulation does not separate the two kinds: a delegation of either makes the
    # delegate both PPK and pimpinan unit (cited with this basis).
    delegasi_gabungan: str | None = None
    # Penugasan paths the regulation routes its own way: {jalur: varian} (penugasan.alur.VARIAN).
    penugasan: dict[str, str] = field(default_factory=dict)
    # Unit attributes the rules read and the import accepts: {name: allowed values}
    # (empty: any value). E.g. ``kelas_rs: (A, B, C, D)`` — a rule reads the attribute,
    # never the unit's name, so renaming a unit changes nobody's kedudukan.
    atribut: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def fitur(self) -> tuple[Fitur, ...]:
        """What any rule looks at, in a fixed order (the key of the rule-match cache)."""
        return tuple(sorted(set().union(*(a.fitur for a in self.aturan)), key=repr))


def _as_tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, (list, tuple)):
        return tuple(str(v) for v in value)
    return (str(value),)


def _expand_jenjang(values: Iterable[str]) -> frozenset[str]:
    hasil: set[str] = set()
    for v in values:
        hasil.update(KELOMPOK_JENJANG.get(v, (v,)))
    return frozenset(hasil)


@dataclass(frozen=True, slots=True)
class Konteks:
    """What a rule may look at: where the pegawai sits and what he holds."""

    unit: str
    jenis_unit: str
    level: int
    jenis_pd: str
    jenis_organisasi: str
    # Explicit attributes from the import (``atribut`` of a unit) of the Perangkat Daerah's
    # top unit, of the organisation's top unit and of the pegawai's own unit, as sorted pairs.
    atribut_pd: tuple[tuple[str, str], ...]
    atribut_organisasi: tuple[tuple[str, str], ...]
    atribut_unit: tuple[tuple[str, str], ...]
    organisasi_bersubunit: bool  # the organisation (UPTD, Kelurahan…) has units under it
    leluhur_jenis: frozenset[str]
    kepala_unit: str  # jenis_jabatan of the head of the pegawai's unit, or "tidak_ada"
    kepala_jenjang: str | None  # jenjang of that head when he is a JF
    kepala_induk: str  # jenis_jabatan of the head of the parent unit, or "tidak_ada"
    jenis_jabatan: str
    jenjang: str | None
    kepala: bool


# Each condition a rule may state, and the Konteks field it reads.
_SYARAT_DIKENAL = {
    "pd": "jenis_pd",
    "organisasi": "jenis_organisasi",
    "unit": "jenis_unit",
    "level": "level",
    "dalam": "leluhur_jenis",
    "kepala_unit": "kepala_unit",
    "kepala_jenjang": "kepala_jenjang",
    "kepala_induk": "kepala_induk",
    "jenis_jabatan": "jenis_jabatan",
    "jenjang": "jenjang",
    "kepala": "kepala",
    "atribut_pd": "atribut_pd",
    "atribut_organisasi": "atribut_organisasi",
    "atribut_unit": "atribut_unit",
    "bersubunit": "organisasi_bersubunit",
    "bukan": None,
    "salah_satu": None,
}


_ATRIBUT = frozenset({"atribut_pd", "atribut_organisasi", "atribut_unit"})
# Conditions on unit names, refused since rules read explicit attributes (issue 8.3).
_NAMA_LAMA = {"nama_pd": "atribut_pd", "nama_organisasi": "atribut_organisasi", "nama_unit": "atribut_unit"}

# What a rule's match depends on: a Konteks field, or for an attribute condition the
# field with the attribute names it looks at (its value is then only those attributes).
Fitur = tuple[str, tuple[str, ...] | None]


def _atribut(pairs: tuple[tuple[str, str], ...], nama: str) -> str | None:
    for k, v in pairs:
        if k == nama:
            return v
    return None


def _fitur(bila: dict[str, Any]) -> frozenset[Fitur]:
    """What a ``bila`` mapping looks at, nested conditions included."""
    out: set[Fitur] = set()
    for key, value in bila.items():
        if key == "bukan":
            out |= _fitur(value)
        elif key == "salah_satu":
            for b in value:
                out |= _fitur(b)
        elif key in _ATRIBUT:
            out.add((key, tuple(sorted(str(k) for k in (value or {})))))
        elif field := _SYARAT_DIKENAL.get(key):
            out.add((field, None))
    return frozenset(out)


def nilai_fitur(fitur: Fitur, k: Konteks) -> Any:
    field, names = fitur
    value = getattr(k, field)
    return value if names is None else tuple(_atribut(value, n) for n in names)


def _compile_bila(
    bila: dict[str, Any], where: str, atribut: dict[str, tuple[str, ...]] | None = None
) -> Callable[[Konteks], bool]:
    """Turn a rule's ``bila`` mapping into one predicate over a Konteks."""
    atribut = atribut or {}
    lama = sorted(set(bila) & set(_NAMA_LAMA))
    if lama:
        raise ProfilError(
            f"{where}: syarat {lama} mencocokkan nama unit; aturan membaca atribut unit "
            f"({', '.join(_NAMA_LAMA[k] for k in lama)}) agar mengganti nama unit tidak mengubah kedudukan"
        )
    unknown = set(bila) - set(_SYARAT_DIKENAL)
    if unknown:
        raise ProfilError(f"{where}: syarat tidak dikenal {sorted(unknown)}")
    checks: list[Callable[[Konteks], bool]] = []

    def jenis_list(key: str) -> frozenset[str]:
        values = _as_tuple(bila[key])
        bad = [v for v in values if v not in JENIS_UNIT]
        if bad:
            raise ProfilError(f"{where}: jenis unit tidak dikenal di '{key}': {bad}")
        return frozenset(values)

    def jabatan_list(key: str) -> frozenset[str]:
        values = _as_tuple(bila[key])
        bad = [v for v in values if v not in JENIS_JABATAN and v != "tidak_ada"]
        if bad:
            raise ProfilError(f"{where}: jenis jabatan tidak dikenal di '{key}': {bad}")
        return frozenset(values)

    if "pd" in bila:
        s_pd = jenis_list("pd")
        checks.append(lambda k: k.jenis_pd in s_pd)
    if "organisasi" in bila:
        s_org = jenis_list("organisasi")
        checks.append(lambda k: k.jenis_organisasi in s_org)
    if "unit" in bila:
        s_unit = jenis_list("unit")
        checks.append(lambda k: k.jenis_unit in s_unit)
    if "dalam" in bila:
        s_dalam = jenis_list("dalam")
        checks.append(lambda k: bool(k.leluhur_jenis & s_dalam))
    if "level" in bila:
        s_level = frozenset(int(v) for v in _as_tuple(bila["level"]))
        checks.append(lambda k: k.level in s_level)
    if "kepala_unit" in bila:
        s_ku = jabatan_list("kepala_unit")
        checks.append(lambda k: k.kepala_unit in s_ku)
    if "kepala_induk" in bila:
        s_ki = jabatan_list("kepala_induk")
        checks.append(lambda k: k.kepala_induk in s_ki)
    if "kepala_jenjang" in bila:
        s_kj = _expand_jenjang(_as_tuple(bila["kepala_jenjang"]))
        checks.append(lambda k: k.kepala_jenjang in s_kj)
    if "jenis_jabatan" in bila:
        s_jj = jabatan_list("jenis_jabatan")
        checks.append(lambda k: k.jenis_jabatan in s_jj)
    if "jenjang" in bila:
        s_jenjang = _expand_jenjang(_as_tuple(bila["jenjang"]))
        bad = [v for v in s_jenjang if v not in JENJANG]
        if bad:
            raise ProfilError(f"{where}: jenjang tidak dikenal: {bad}")
        checks.append(lambda k: k.jenjang in s_jenjang)
    if "kepala" in bila:
        want = bool(bila["kepala"])
        checks.append(lambda k: k.kepala is want)
    if "bersubunit" in bila:
        ingin = bool(bila["bersubunit"])
        checks.append(lambda k: k.organisasi_bersubunit is ingin)
    for key in sorted(_ATRIBUT & set(bila)):
        checks.append(_syarat_atribut(key, bila[key], f"{where}.{key}", atribut))
    if "bukan" in bila:
        negated = _compile_bila(bila["bukan"], f"{where}.bukan", atribut)
        checks.append(lambda k: not negated(k))
    if "salah_satu" in bila:
        options = [_compile_bila(b, f"{where}.salah_satu[{i}]", atribut) for i, b in enumerate(bila["salah_satu"])]
        checks.append(lambda k: any(o(k) for o in options))

    return lambda k: all(c(k) for c in checks)


def _syarat_atribut(
    key: str, value: Any, where: str, atribut: dict[str, tuple[str, ...]]
) -> Callable[[Konteks], bool]:
    """``atribut_organisasi: {kelas_rs: [C, D]}``: every named attribute has one of the values."""
    if not isinstance(value, dict) or not value:
        raise ProfilError(f"{where}: tulis sebagai pemetaan atribut → nilai, mis. {{kelas_rs: [C, D]}}")
    syarat: list[tuple[str, frozenset[str]]] = []
    for nama, nilai in value.items():
        nama = str(nama)
        if nama not in atribut:
            raise ProfilError(f"{where}: atribut '{nama}' tidak dideklarasikan di 'atribut_unit' profil")
        boleh = frozenset(_as_tuple(nilai))
        bad = sorted(boleh - set(atribut[nama])) if atribut[nama] else []
        if bad:
            raise ProfilError(f"{where}: nilai {bad} tidak dikenal untuk atribut '{nama}' ({', '.join(atribut[nama])})")
        syarat.append((nama, boleh))
    field = _SYARAT_DIKENAL[key]
    assert field is not None

    def cocok(k: Konteks) -> bool:
        pairs = getattr(k, field)
        return all(_atribut(pairs, nama) in boleh for nama, boleh in syarat)

    return cocok


def _parse_peringatan(raw: Any, where: str, dasar: str) -> tuple[Peringatan, ...]:
    """A rule's warnings: ``{kode, pesan}`` mappings (a bare string is code ``lain``)."""
    out: list[Peringatan] = []
    for item in raw if isinstance(raw, list) else ([] if raw is None else [raw]):
        if isinstance(item, dict):
            kode, pesan = str(item.get("kode") or ""), str(item.get("pesan") or "")
            if kode not in pr.KODE:
                raise ProfilError(f"{where}: kode peringatan '{kode}' tidak dikenal ({', '.join(pr.KODE)})")
            if not pesan:
                raise ProfilError(f"{where}: peringatan tanpa 'pesan'")
        else:
            kode, pesan = pr.LAIN, str(item)
        out.append(Peringatan(kode, pesan, dasar))
    return tuple(out)


def _parse_atribut(data: Any, kode: str) -> dict[str, tuple[str, ...]]:
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ProfilError(f"profil {kode}: 'atribut_unit' harus pemetaan nama → {{judul, nilai}}")
    out: dict[str, tuple[str, ...]] = {}
    for nama, isi in data.items():
        if not str(nama).isidentifier():
            raise ProfilError(f"profil {kode}: nama atribut '{nama}' hanya huruf kecil, angka dan garis bawah")
        out[str(nama)] = _as_tuple((isi or {}).get("nilai") if isinstance(isi, dict) else None)
    return out


def _check_locators(values: tuple[str, ...], where: str) -> tuple[str, ...]:
    for loc in values:
        try:
            _parse_locator(loc)
        except ProfilError as e:
            raise ProfilError(f"{where}: {e}") from None
    return values


def _parse_locator(loc: str) -> tuple[str, str | None]:
    if loc in ("unit", "induk", "organisasi", "pd"):
        return loc, None
    for prefix in ("level:", "atas:", "pd/", "organisasi/", "instansi/", "induk/"):
        if loc.startswith(prefix):
            arg = loc[len(prefix) :]
            if prefix == "level:":
                if not arg.isdigit():
                    raise ProfilError(f"lokator '{loc}': level harus angka")
            elif arg not in JENIS_UNIT:
                raise ProfilError(f"lokator '{loc}': jenis unit '{arg}' tidak dikenal")
            return prefix, arg
    raise ProfilError(f"lokator '{loc}' tidak dikenal")


def _varian_penugasan(blok: Any) -> dict[str, str]:
    """{jalur: varian} of a profile's ``penugasan`` block: its ``varian`` map (the rest of the block,
    citations and readings, is read by penugasan.aturan), or the older flat form ``{jalur: varian}``."""
    blok = blok or {}
    if isinstance(blok.get("varian"), dict):
        blok = blok["varian"]
    return {str(k): str(v) for k, v in blok.items() if isinstance(v, str)}


def parse_profil(data: dict[str, Any], base: Profil | None = None) -> Profil:
    kode = data.get("kode")
    if not kode:
        raise ProfilError("profil tanpa 'kode'")
    singkatan = data.get("singkatan", kode)
    atribut = dict(base.atribut) if base else {}
    atribut.update(_parse_atribut(data.get("atribut_unit"), kode))
    aturan: list[Aturan] = []
    seen: set[str] = set()
    for i, raw in enumerate(data.get("aturan") or []):
        where = f"profil {kode}, aturan #{i + 1} ({raw.get('id', '?')})"
        for key in ("id", "dasar"):
            if not raw.get(key):
                raise ProfilError(f"{where}: '{key}' wajib diisi (setiap aturan menyebut pasalnya)")
        if raw["id"] in seen:
            raise ProfilError(f"{where}: id ganda")
        seen.add(raw["id"])
        harap = raw.get("harap_delegasi")
        if harap is not None and harap not in WEWENANG_DELEGASI:
            raise ProfilError(f"{where}: harap_delegasi '{harap}' tidak dikenal")
        aturan.append(
            Aturan(
                id=raw["id"],
                judul=raw.get("judul", raw["id"]),
                dasar=f"{singkatan}, {raw['dasar']}",
                cocok=_compile_bila(raw.get("bila") or {}, where, atribut),
                fitur=_fitur(raw.get("bila") or {}),
                ppk=_check_locators(_as_tuple(raw.get("ppk")), where),
                pimpinan_unit=_check_locators(_as_tuple(raw.get("pimpinan_unit")), where),
                koordinator=_check_locators(_as_tuple(raw.get("koordinator")), where),
                plafon=bool(raw.get("plafon", True)),
                dasar_plafon=f"{singkatan}, {raw['dasar_plafon']}" if raw.get("dasar_plafon") else None,
                peringatan=_parse_peringatan(raw.get("peringatan"), where, f"{singkatan}, {raw['dasar']}"),
                keterangan=raw.get("keterangan"),
                harap_delegasi=harap,
            )
        )
    peringkat = dict(base.peringkat) if base else {}
    peringkat.update({str(k): int(v) for k, v in (data.get("peringkat") or {}).items()})
    missing = [j for j in (*JENIS_JABATAN, *JENJANG) if j not in peringkat]
    if missing:
        raise ProfilError(f"profil {kode}: peringkat belum lengkap untuk {missing}")
    dasar_delegasi = dict(base.dasar_delegasi) if base else {}
    dasar_delegasi.update({k: f"{singkatan}, {v}" for k, v in (data.get("dasar_delegasi") or {}).items()})
    own_plafon = data.get("dasar_plafon")
    gabungan = data.get("delegasi_gabungan")
    return Profil(
        delegasi_gabungan=f"{singkatan}, {gabungan}" if gabungan else None,
        penugasan=_varian_penugasan(data.get("penugasan")),
        atribut=atribut,
        kode=kode,
        nama=data.get("nama", kode),
        singkatan=singkatan,
        peringkat=peringkat,
        dasar_plafon=f"{singkatan}, {own_plafon}" if own_plafon else (base.dasar_plafon if base else ""),
        dasar_delegasi=dasar_delegasi,
        # The profile's own rules first; the base profile's rules catch what it leaves open.
        aturan=tuple(aturan) + (base.aturan if base else ()),
    )


def profil_dirs() -> list[Path]:
    """Where profiles are read from: ``$SIKERJA_PROFIL_DIR`` entries first, then the built-in one."""
    extra = [Path(d) for d in os.environ.get(ENV_PROFIL_DIR, "").split(os.pathsep) if d.strip()]
    return [*extra, PROFIL_DIR]


def _berkas_profil() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for d in profil_dirs():
        if d.is_dir():
            for p in sorted(d.glob("*.yaml")):
                found.setdefault(p.stem, p)  # an earlier directory wins
    return found


def available_profiles() -> list[str]:
    """The profile codes an instansi may use: one per ``<kode>.yaml`` in the profile directories.

    This list, not a fixed vocabulary or a model's ``choices``, is what the import and
    the demo accept: adding a Pemda is adding a file, with no migration.
    """
    return sorted(_berkas_profil())


def berkas_profil(kode: str) -> Path:
    """The file of profile ``kode`` (other modules read their own block of it: tim_kerja, siklus)."""
    path = _berkas_profil().get(kode)
    if path is None:
        raise ProfilError(f"profil '{kode}' tidak ada (tersedia: {', '.join(available_profiles())})")
    return path


def load_profil(kode: str) -> Profil:
    path = berkas_profil(kode)
    return _load_path(path, path.stat().st_mtime_ns)


@lru_cache(maxsize=64)
def _load_path(path: Path, mtime: int) -> Profil:
    """Parsed once per file version (the key carries the modification time)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if data.get("kode") != path.stem:
        raise ProfilError(f"profil {path.name}: 'kode' harus sama dengan nama berkas ('{path.stem}')")
    base = load_profil(data["turunan"]) if data.get("turunan") else None
    return parse_profil(data, base)



# --- resolution ------------------------------------------------------------------


@dataclass
class Hasil:
    """The kedudukan of one pegawai, with the reasons and legal basis."""

    nip: str
    ppk: Pegawai | None = None
    pimpinan_unit: Pegawai | None = None
    koordinator: Pegawai | None = None
    aturan: str | None = None
    peringatan: list[Peringatan] = field(default_factory=list)
    dasar_hukum: list[str] = field(default_factory=list)
    langkah: list[str] = field(default_factory=list)
    # A delegation the regulation expects but the data does not (yet) hold.
    harap_delegasi: str | None = None

    def cite(self, text: str | None) -> None:
        if text and text not in self.dasar_hukum:
            self.dasar_hukum.append(text)

    def peringatkan(self, kode: str, pesan: str, dasar: str | None = None) -> None:
        self.peringatan.append(Peringatan(kode, pesan, dasar))

    @property
    def kode_peringatan(self) -> list[str]:
        return pr.kode_dari(self.peringatan)

    @property
    def pesan_peringatan(self) -> list[str]:
        return [p.pesan for p in self.peringatan]

    def as_dict(self) -> dict[str, Any]:
        def pejabat(p: Pegawai | None) -> dict[str, str] | None:
            return None if p is None else {"nip": p.nip, "nama": p.nama, "jabatan": p.jabatan}

        return {
            "nip": self.nip,
            "ppk": pejabat(self.ppk),
            "pimpinan_unit": pejabat(self.pimpinan_unit),
            "koordinator": pejabat(self.koordinator),
            "peringatan": [p.as_dict() for p in self.peringatan],
            "dasar_hukum": list(self.dasar_hukum),
        }


def _label(p: Pegawai) -> str:
    return f"{p.nama} ({p.jabatan})"


def _label_pangkat(p: Pegawai) -> str:
    if p.jenis_jabatan == "fungsional" and p.jenjang:
        return f"JF {LABEL_JENJANG[p.jenjang]}"
    return p.jenis_jabatan.replace("_", " ").title() if p.jenis_jabatan != "jpt_pratama" else "JPT Pratama"


class Resolver:
    """Resolves kedudukan for the pegawai of one organisation under one profile."""

    def __init__(self, org: Organisasi, profil: Profil):
        self.org = org
        self.profil = profil
        self._per_posisi: dict[tuple[str, str, str | None, bool], Hasil] = {}
        self._fitur = profil.fitur
        self._per_konteks: dict[tuple[Any, ...], Aturan | None] = {}

    # context -------------------------------------------------------------------

    def konteks(self, p: Pegawai) -> Konteks:
        org = self.org
        unit = org.units[p.unit]
        akar_pd = org.units[org.akar_pd(p.unit)]
        akar_org = org.units[org.akar_organisasi(p.unit)]
        kepala = org.kepala(p.unit)
        kepala_induk = org.kepala(unit.induk) if unit.induk else None
        return Konteks(
            unit=unit.kode,
            jenis_unit=unit.jenis,
            level=org.level(p.unit),
            jenis_pd=akar_pd.jenis,
            jenis_organisasi=akar_org.jenis,
            atribut_pd=akar_pd.atribut,
            atribut_organisasi=akar_org.atribut,
            atribut_unit=unit.atribut,
            organisasi_bersubunit=bool(org.anak(akar_org.kode)),
            leluhur_jenis=frozenset(org.units[k].jenis for k in org.leluhur(p.unit)),
            kepala_unit=kepala.jenis_jabatan if kepala else "tidak_ada",
            kepala_jenjang=kepala.jenjang if kepala else None,
            kepala_induk=kepala_induk.jenis_jabatan if kepala_induk else "tidak_ada",
            jenis_jabatan=p.jenis_jabatan,
            jenjang=p.jenjang,
            kepala=p.kepala_unit,
        )

    # locators ------------------------------------------------------------------

    def locate(self, loc: str, p: Pegawai) -> tuple[str | None, Pegawai | None]:
        """The unit a locator points at for this pegawai, and its head (or None)."""
        org = self.org
        kind, arg = _parse_locator(loc)
        leluhur = org.leluhur(p.unit)
        kode: str | None = None
        if kind == "unit":
            kode = p.unit
        elif kind == "induk":
            kode = org.units[p.unit].induk
        elif kind == "organisasi":
            kode = org.akar_organisasi(p.unit)
        elif kind == "pd":
            kode = org.akar_pd(p.unit)
        elif kind == "level:":
            akar = org.akar_organisasi(p.unit)
            rantai = leluhur[: leluhur.index(akar) + 1]
            n = int(arg or 0)
            kode = rantai[-n] if 0 < n <= len(rantai) else None
        elif kind == "atas:":
            kode = next((k for k in leluhur if org.units[k].jenis == arg), None)
        elif kind == "induk/":
            induk = org.units[p.unit].induk
            kode = next((k for k in org.anak(induk) if org.units[k].jenis == arg), None) if induk else None
        elif kind in ("pd/", "organisasi/"):
            akar = org.akar_pd(p.unit) if kind == "pd/" else org.akar_organisasi(p.unit)
            kode = next((k for k in org.anak(akar) if org.units[k].jenis == arg), None)
        elif kind == "instansi/":
            kode = next(
                (u.kode for u in org.units.values() if u.induk is None and u.jenis == arg),
                None,
            )
        if kode is None:
            return None, None
        kepala = org.kepala(kode)
        if kepala is not None and kepala.nip == p.nip:
            return kode, None
        return kode, kepala

    # ranks ---------------------------------------------------------------------

    def peringkat(self, p: Pegawai) -> int:
        if p.jenis_jabatan == "fungsional" and p.jenjang:
            return self.profil.peringkat[p.jenjang]
        return self.profil.peringkat[p.jenis_jabatan]

    def melebihi(self, penilai: Pegawai, dinilai: Pegawai) -> bool:
        """SPEC §3 rule 2: a PPK rates only pegawai of a lower rank (penyetaraan)."""
        return self.peringkat(penilai) > self.peringkat(dinilai)

    # resolution ----------------------------------------------------------------

    def aturan_untuk(self, k: Konteks) -> Aturan | None:
        # Rules look at a handful of features; the ~18,000 posts of a large Pemda
        # (each school its own unit) share a few hundred combinations: match each once.
        key = tuple(nilai_fitur(f, k) for f in self._fitur)
        try:
            return self._per_konteks[key]
        except KeyError:
            aturan = self._per_konteks[key] = next((a for a in self.profil.aturan if a.cocok(k)), None)
            return aturan

    def resolve(self, nip: str) -> Hasil:
        p = self.org.pegawai[nip]
        key = (p.unit, p.jenis_jabatan, p.jenjang, p.kepala_unit)
        posisi = self._per_posisi.get(key)
        if posisi is None:
            posisi = self._resolve_posisi(p)
            self._per_posisi[key] = posisi
        harap = posisi.harap_delegasi
        pribadi = bool(harap) or any(
            x is not None and self.org.delegasi_dari(x.nip) for x in (posisi.ppk, posisi.pimpinan_unit)
        )
        # Without a delegation touching this pegawai the answer is the post's own:
        # share its lists instead of copying them (50,000 pegawai, a few thousand posts).
        hasil = Hasil(
            nip=p.nip,
            ppk=posisi.ppk,
            pimpinan_unit=posisi.pimpinan_unit,
            koordinator=posisi.koordinator,
            aturan=posisi.aturan,
            peringatan=list(posisi.peringatan) if pribadi else posisi.peringatan,
            dasar_hukum=list(posisi.dasar_hukum) if pribadi else posisi.dasar_hukum,
            langkah=list(posisi.langkah) if pribadi else posisi.langkah,
        )
        if pribadi:
            self._apply_delegasi(p, hasil, harap)
        return hasil

    def resolve_all(self) -> dict[str, Hasil]:
        return {nip: self.resolve(nip) for nip in self.org.pegawai}

    def _resolve_posisi(self, p: Pegawai) -> Hasil:
        """Everything that depends only on the post, not on the person's delegations."""
        hasil = Hasil(nip=p.nip)
        k = self.konteks(p)
        aturan = self.aturan_untuk(k)
        if aturan is None:
            hasil.peringatkan(
                pr.TANPA_ATURAN,
                f"Tidak ada aturan profil {self.profil.kode} untuk {_label_pangkat(p)} "
                f"di unit {self.org.units[p.unit].nama}; kedudukan perlu ditetapkan manual.",
            )
            return hasil
        hasil.aturan = aturan.id
        hasil.langkah.append(f"Aturan '{aturan.judul}' berlaku ({aturan.dasar}).")
        hasil.cite(aturan.dasar)

        hasil.ppk = self._pilih_ppk(aturan, p, hasil)
        hasil.pimpinan_unit = self._pilih(aturan.pimpinan_unit, p)
        koordinator = self._pilih(aturan.koordinator, p)
        if koordinator is not None and koordinator.jenis_jabatan == "pengawas" and koordinator is not hasil.ppk:
            hasil.koordinator = koordinator

        if hasil.pimpinan_unit is not None:
            hasil.langkah.append(f"Pimpinan unit organisasi: {_label(hasil.pimpinan_unit)}.")
        if hasil.koordinator is not None:
            hasil.langkah.append(
                f"Koordinator (selayaknya ketua tim substansi): {_label(hasil.koordinator)}."
            )
        hasil.peringatan.extend(aturan.peringatan)
        if aturan.keterangan:
            hasil.langkah.append(aturan.keterangan)
        elif not aturan.peringatan:
            if hasil.ppk is None:
                hasil.peringatkan(pr.TANPA_PPK, "Belum ada Pejabat Penilai Kinerja (PPK).", aturan.dasar)
            if hasil.pimpinan_unit is None and aturan.pimpinan_unit:
                hasil.peringatkan(pr.TANPA_PUO, "Belum ada pimpinan unit organisasi.", aturan.dasar)
        hasil.harap_delegasi = aturan.harap_delegasi
        return hasil

    def _pilih(self, locators: tuple[str, ...], p: Pegawai) -> Pegawai | None:
        for loc in locators:
            _, kepala = self.locate(loc, p)
            if kepala is not None:
                return kepala
        return None

    def _pilih_ppk(self, aturan: Aturan, p: Pegawai, hasil: Hasil) -> Pegawai | None:
        terakhir: str | None = None
        dilewati = False
        for loc in aturan.ppk:
            kode, kepala = self.locate(loc, p)
            if kode is not None:
                terakhir = kode
            if kepala is None:
                if kode is not None and not (kode == p.unit and p.kepala_unit):
                    hasil.langkah.append(f"Jabatan kepala {self.org.units[kode].nama} kosong.")
                continue
            if not aturan.plafon or self.melebihi(kepala, p):
                return self._ppk_ditetapkan(kepala, hasil, aturan, dilewati)
            hasil.langkah.append(
                f"{_label(kepala)} setara {_label_pangkat(kepala)}, tidak menilai {_label_pangkat(p)}."
            )
            dilewati = True
        if not aturan.ppk:
            return None
        # Candidates exhausted: move up the tree to the first head who outranks him.
        start = terakhir or p.unit
        for kode in self.org.leluhur(start)[1:]:
            kepala = self.org.kepala(kode)
            if kepala is None or kepala.nip == p.nip:
                continue
            if not aturan.plafon or self.melebihi(kepala, p):
                hasil.langkah.append(f"PPK naik ke kepala {self.org.units[kode].nama}.")
                return self._ppk_ditetapkan(kepala, hasil, aturan, dilewati)
            hasil.langkah.append(
                f"{_label(kepala)} setara {_label_pangkat(kepala)}, tidak menilai {_label_pangkat(p)}."
            )
            dilewati = True
        return None

    def _ppk_ditetapkan(self, ppk: Pegawai, hasil: Hasil, aturan: Aturan, plafon: bool) -> Pegawai:
        """Record the PPK; cite the ceiling rule when it is why the PPK moved up."""
        if plafon:
            hasil.cite(aturan.dasar_plafon or self.profil.dasar_plafon)
        hasil.langkah.append(f"Pejabat Penilai Kinerja: {_label(ppk)}.")
        return ppk

    def _delegasi_untuk(self, pemberi: Pegawai, wewenang: str, p: Pegawai, hasil: Hasil) -> Pegawai | None:
        """The delegate of ``pemberi`` for ``wewenang`` over ``p``, or None.

        Several delegations of one official may cover the same pegawai (a Kepala Dinas
        delegating Ahli Muda to each Kabid by jenjang): the one naming the pegawai wins, then
        the delegate who heads the nearest unit containing him; otherwise none is applied
        and the gap is reported rather than guessed.
        """
        cocok = [
            d for d in self.org.delegasi_dari(pemberi.nip)
            if (d.wewenang == wewenang or self.profil.delegasi_gabungan)
            and d.kepada in self.org.pegawai and d.kepada != p.nip and d.covers(p)
        ]
        calon = list(dict.fromkeys(d.kepada for d in cocok))
        if len(calon) <= 1:
            return self.org.pegawai[calon[0]] if calon else None
        disebut = list(dict.fromkeys(d.kepada for d in cocok if d.menyebut(p.nip)))
        if len(disebut) == 1:
            return self.org.pegawai[disebut[0]]
        leluhur = self.org.leluhur(p.unit)
        jarak = sorted(
            (leluhur.index(g.unit), nip) for nip in calon
            if (g := self.org.pegawai[nip]).kepala_unit and g.unit in leluhur
        )
        if jarak and (len(jarak) == 1 or jarak[0][0] < jarak[1][0]):
            return self.org.pegawai[jarak[0][1]]
        hasil.peringatkan(
            pr.DELEGASI_GANDA,
            f"Beberapa pendelegasian dari {_label(pemberi)} mencakup pegawai ini "
            f"({', '.join(self.org.pegawai[n].nama for n in calon)}); sebutkan NIP-nya pada salah satu.",
            self.profil.delegasi_gabungan or self.profil.dasar_delegasi.get(wewenang),
        )
        return None

    def _apply_delegasi(self, p: Pegawai, hasil: Hasil, harap: str | None) -> None:
        gabungan = self.profil.delegasi_gabungan
        ppk_asal, puo_asal = hasil.ppk, hasil.pimpinan_unit
        if ppk_asal is not None:
            delegate = self._delegasi_untuk(ppk_asal, "penilaian_kinerja", p, hasil)
            if delegate is not None:
                hasil.langkah.append(
                    f"{_label(ppk_asal)} mendelegasikan penilaian kinerja kepada {_label(delegate)}."
                )
                hasil.cite(gabungan or self.profil.dasar_delegasi.get("penilaian_kinerja"))
                if not self.melebihi(delegate, p):
                    hasil.peringatkan(
                        pr.DELEGASI_TIDAK_LEBIH_TINGGI,
                        f"Penerima delegasi {_label(delegate)} tidak lebih tinggi dari {_label_pangkat(p)}.",
                        self.profil.dasar_plafon,
                    )
                hasil.ppk = delegate
                harap = None if harap == "penilaian_kinerja" or gabungan else harap
        # Pengelolaan kinerja is delegated by whoever manages the pegawai: his pimpinan unit,
        # or, where there is none (or it is the PPK himself), the PPK. A PPK's delegation does not
        # displace a pimpinan unit the regulation names (Karangasem Pasal 34 ayat (2) huruf c).
        pemberi = puo_asal if puo_asal is not None else ppk_asal
        if pemberi is not None:
            delegate = self._delegasi_untuk(pemberi, "pengelolaan_kinerja", p, hasil)
            if delegate is not None:
                hasil.langkah.append(
                    f"{_label(pemberi)} mendelegasikan pengelolaan kinerja kepada {_label(delegate)}."
                )
                hasil.cite(gabungan or self.profil.dasar_delegasi.get("pengelolaan_kinerja"))
                if puo_asal is None:
                    hasil.peringatan = [w for w in hasil.peringatan if w.kode != pr.TANPA_PUO]
                hasil.pimpinan_unit = delegate
                harap = None if harap == "pengelolaan_kinerja" or gabungan else harap
        if harap:
            hasil.peringatkan(
                pr.MENUNGGU_DELEGASI,
                f"Menunggu pendelegasian {harap.replace('_', ' ')} dari "
                f"{_label(hasil.ppk) if hasil.ppk else 'PPK'}.",
                gabungan or self.profil.dasar_delegasi.get(harap),
            )


def resolve(org: Organisasi, nip: str, profil: Profil | None = None) -> Hasil:
    """The kedudukan of one pegawai (convenience for callers resolving a single one)."""
    return Resolver(org, profil or load_profil(org.profil)).resolve(nip)


def resolve_all(org: Organisasi, profil: Profil | None = None) -> dict[str, Hasil]:
    return Resolver(org, profil or load_profil(org.profil)).resolve_all()
