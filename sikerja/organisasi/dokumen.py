"""Reading and validating an organisation import file (YAML, JSON or XLSX).

The same document feeds ``sikerja impor`` (written to the database), the web
import (same report) and ``sikerja kedudukan --data`` (kept in memory). Reading
never stops at the first problem: every offending row and field is reported in
Indonesian, so an HR officer can fix the whole file in one pass.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

import yaml
from django.conf import settings

from . import kait
from .struktur import Delegasi, Organisasi, Pegawai, Unit
from .vocab import (
    JENIS_JABATAN,
    JENIS_UNIT,
    JENJANG,
    STATUS_PEGAWAI,
    WEWENANG_DELEGASI,
)

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# ASCII digits only: ``\d`` would also accept Arabic-Indic or fullwidth digits.
NIP_RE = re.compile(r"[0-9]{18}", re.ASCII)
KODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._\-]{0,63}$")
PROFIL_RE = re.compile(r"^[a-z0-9][a-z0-9_\-]{0,31}$")
ATRIBUT_RE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


@dataclass(frozen=True)
class Galat:
    """One problem in one row and field of the document."""

    bagian: str  # instansi | unit | pegawai | delegasi | berkas
    baris: int | None
    kolom: str | None
    pesan: str

    def __str__(self) -> str:
        where = self.bagian
        if self.baris is not None:
            where += f" baris {self.baris}"
        if self.kolom:
            where += f", kolom '{self.kolom}'"
        return f"{where}: {self.pesan}"


class DokumenTidakValid(Exception):
    """The document has errors; nothing may be written."""

    def __init__(self, galat: list[Galat]):
        self.galat = galat
        super().__init__("\n".join(str(g) for g in galat))


@dataclass
class InstansiData:
    kode: str
    nama: str
    profil: str


@dataclass
class Dokumen:
    instansi: InstansiData
    units: list[Unit] = field(default_factory=list)
    pegawai: list[Pegawai] = field(default_factory=list)
    delegasi: list[Delegasi] = field(default_factory=list)

    def organisasi(self) -> Organisasi:
        return Organisasi(
            profil=self.instansi.profil,
            kode_instansi=self.instansi.kode,
            nama_instansi=self.instansi.nama,
            units={u.kode: u for u in self.units},
            pegawai={p.nip: p for p in self.pegawai},
            delegasi=list(self.delegasi),
        )


# --- reading raw files -----------------------------------------------------------


# Bounds on the work one file may cause (issue #10 point 7); settings override them.
BAGIAN_WAJIB = ("instansi", "unit", "pegawai")
KOLOM_XLSX_MAKS = 64


def ukuran_maks() -> int:
    return int(getattr(settings, "IMPOR_UKURAN_MAKS", 10 * 1024 * 1024))


def baris_maks() -> int:
    return int(getattr(settings, "IMPOR_BARIS_MAKS", 100_000))


def _galat_berkas(pesan: str) -> DokumenTidakValid:
    return DokumenTidakValid([Galat("berkas", None, None, pesan)])


def periksa_ukuran(ukuran: int | None) -> None:
    """Refuse a file over the size limit before a byte of it is parsed."""
    if ukuran is not None and ukuran > ukuran_maks():
        raise _galat_berkas(
            f"berkas terlalu besar ({ukuran / 1024 / 1024:.1f} MB); batasnya {ukuran_maks() / 1024 / 1024:.0f} MB. "
            "Pisahkan menjadi beberapa berkas per instansi atau hapus kolom yang tidak dipakai."
        )


def _ukuran_sumber(source: str | Path | IO[bytes]) -> int | None:
    if not hasattr(source, "read"):
        try:
            return Path(source).stat().st_size  # type: ignore[arg-type]
        except OSError:
            return None
    size = getattr(source, "size", None)
    if isinstance(size, int):
        return size
    try:
        pos = source.tell()  # type: ignore[union-attr]
        source.seek(0, 2)  # type: ignore[union-attr]
        end = source.tell()  # type: ignore[union-attr]
        source.seek(pos)  # type: ignore[union-attr]
        return int(end - pos)
    except (AttributeError, OSError, ValueError):
        return None


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _muat_yaml(text: str) -> Any:
    """Safe loading that refuses YAML aliases: ``*x`` references are how a 2 KB
    file expands into billions of nodes ("billion laughs"); an import never
    needs them. The events are scanned first (no tree is built), then loaded."""
    for event in yaml.parse(text, Loader=_LOADER):
        if isinstance(event, yaml.AliasEvent):
            baris = event.start_mark.line + 1 if event.start_mark else "?"
            raise _galat_berkas(f"alias YAML (*{event.anchor}) di baris {baris} tidak diizinkan; tulis nilainya langsung")
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader


def _xlsx_rows(ws: Any) -> tuple[list[dict[str, Any]], int]:
    # max_col bounds each row; the row count is bounded below, while reading,
    # since a sheet's declared dimension may lie.
    rows = ws.iter_rows(values_only=True, max_col=KOLOM_XLSX_MAKS)
    header = next(rows, None)
    if header is None:
        return [], 2
    keys = [str(h).strip().lower() if h is not None else "" for h in header]
    out: list[dict[str, Any]] = []
    for values in rows:
        if len(out) >= baris_maks():
            raise _galat_berkas(
                f"lembar '{ws.title}' berisi lebih dari {baris_maks()} baris; pisahkan berkasnya atau hapus baris kosong"
            )
        if values is None or all(v is None or str(v).strip() == "" for v in values):
            out.append({})  # keep row numbers aligned with the sheet
            continue
        out.append({k: v for k, v in zip(keys, values, strict=False) if k})
    return out, 2


def _split_list(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, (list, tuple)):
        return [str(v).strip()[:64] for v in value if isinstance(v, SKALAR)]
    if not isinstance(value, SKALAR):
        return []
    return [v.strip() for v in str(value).split(",") if v.strip()]


def read_raw(source: str | Path | IO[bytes], nama: str | None = None) -> tuple[dict[str, Any], int]:
    """Load a file into the plain mapping shape; returns it and the first data row number.

    YAML and JSON lists are numbered from 1; XLSX rows carry their sheet row
    number (the header is row 1), so a message points at the cell to fix.
    """
    name = (nama or (str(source) if not hasattr(source, "read") else getattr(source, "name", ""))).lower()
    periksa_ukuran(_ukuran_sumber(source))
    if name.endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            wb = load_workbook(source, read_only=True, data_only=True)
        except Exception as e:  # openpyxl raises many kinds for a damaged file
            raise DokumenTidakValid([Galat("berkas", None, None, f"berkas XLSX tidak dapat dibaca: {e}")]) from e
        try:
            data: dict[str, Any] = {}
            sheets = {s.strip().lower(): s for s in wb.sheetnames}
            hilang = [b for b in BAGIAN_WAJIB if b not in sheets]
            if hilang:
                raise _galat_berkas(
                    "lembar " + ", ".join(f"'{b}'" for b in hilang) + " tidak ada; lembar yang ada: "
                    + ", ".join(f"'{s}'" for s in wb.sheetnames)
                    + ". Ganti nama lembar persis menjadi instansi, unit, pegawai (dan delegasi bila ada)."
                )
            rows, _ = _xlsx_rows(wb[sheets["instansi"]])
            data["instansi"] = rows[0] if rows else {}
            for bagian in ("unit", "pegawai", "delegasi"):
                if bagian in sheets:
                    data[bagian], _ = _xlsx_rows(wb[sheets[bagian]])
        except DokumenTidakValid:
            raise
        except Exception as e:  # a damaged sheet fails only when read
            raise _galat_berkas(f"berkas XLSX tidak dapat dibaca: {e}") from e
        finally:
            wb.close()
        return data, 2
    if hasattr(source, "read"):
        raw_bytes = source.read(ukuran_maks() + 1)
        periksa_ukuran(len(raw_bytes))
        try:
            text = raw_bytes.decode("utf-8-sig") if isinstance(raw_bytes, bytes) else raw_bytes
        except UnicodeDecodeError as e:
            raise _galat_berkas(f"berkas bukan teks UTF-8 (byte ke-{e.start}); simpan ulang sebagai UTF-8") from e
    else:
        try:
            text = Path(source).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as e:
            raise DokumenTidakValid([Galat("berkas", None, None, f"berkas tidak dapat dibuka: {e}")]) from e
    try:
        if name.endswith(".json"):
            data = json.loads(text)
        else:
            data = _muat_yaml(text)
    except (ValueError, yaml.YAMLError) as e:
        raise DokumenTidakValid([Galat("berkas", None, None, f"format berkas tidak valid: {e}")]) from e
    except RecursionError as e:
        raise _galat_berkas("berkas bersarang terlalu dalam; data impor hanya dua tingkat (bagian → baris)") from e
    if not isinstance(data, dict):
        raise DokumenTidakValid([Galat("berkas", None, None, "isi berkas harus berupa objek dengan kunci 'instansi', 'unit', 'pegawai'")])
    return data, 1


def load(source: str | Path | IO[bytes], nama: str | None = None) -> Dokumen:
    data, first = read_raw(source, nama)
    return validate(data, first_row=first)


# --- validation ------------------------------------------------------------------


# Longest text each column may hold (the database column's length): checked in
# validation, because PostgreSQL would otherwise refuse a new row and a changed
# one would be cut silently by some drivers.
PANJANG: dict[str, dict[str, int]] = {
    "instansi": {"kode": 64, "nama": 200, "profil": 32},
    "unit": {"kode": 64, "nama": 200, "jenis": 32, "induk": 64},
    "pegawai": {"nama": 200, "status": 8, "jabatan": 200, "jenis_jabatan": 16, "jenjang": 16, "unit": 64,
                "email": 254, "kepala_unit": 8, "pangkat_golongan": 60},
    "delegasi": {"wewenang": 32},
}
SKALAR = (str, int, float, bool)


def _text(row: dict[str, Any], key: str) -> str:
    value = row.get(key)
    if value is None or not isinstance(value, SKALAR):
        return ""  # a list or mapping where text belongs is reported by _cek_kolom
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _cek_kolom(bagian: str, baris: int | None, row: dict[str, Any], err: Any) -> None:
    """Every text column: a single value (not a list or mapping) and not longer than its column."""
    for kolom, maks in PANJANG.get(bagian, {}).items():
        value = row.get(kolom)
        if value is None:
            continue
        if not isinstance(value, SKALAR):
            err(bagian, baris, kolom, f"harus berupa satu nilai teks, bukan {type(value).__name__}")
        elif len(str(value).strip()) > maks:
            err(bagian, baris, kolom, f"terlalu panjang ({len(str(value).strip())} karakter); paling banyak {maks}")


def _nip(value: Any) -> tuple[str, str | None]:
    """A NIP cell as text, or why it cannot be one.

    A spreadsheet that stores a NIP as a number keeps only ~15 significant
    digits (``1.97001011990031e17``): turning that back into text gives another
    person's NIP, so a float is refused and the user told how to fix the column.
    """
    if value is None:
        return "", None
    if isinstance(value, bool):
        return str(value), None
    if isinstance(value, float):
        return "", (f"NIP tertulis sebagai angka ({value!r}) sehingga digitnya bisa berubah; format kolom NIP "
                    "sebagai Teks (di Excel: Format Cells → Text, atau awali dengan tanda petik ') lalu ketik ulang")
    if isinstance(value, int):
        return str(value), None
    if not isinstance(value, str):
        return "", f"NIP harus berupa teks 18 digit, bukan {type(value).__name__}"
    return value.strip(), None


def _bool(value: Any) -> bool | None:
    if value in (None, ""):
        return False
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "ya", "y", "1", "yes"):
        return True
    if text in ("false", "tidak", "t", "0", "no", "n"):
        return False
    return None


def _atribut_unit(
    row: dict[str, Any], baris: int, dikenal: dict[str, tuple[str, ...]] | None, profil: str, err: Any
) -> tuple[tuple[str, str], ...]:
    """A unit's explicit attributes (``atribut: {kelas_rs: C}``) as sorted pairs.

    YAML/JSON give a mapping; a spreadsheet gives ``kelas_rs=C; tipe_uptd=A`` in an
    ``atribut`` column or one ``atribut.<nama>`` column per attribute. Names and values
    are checked against what the instansi's profile reads (``atribut_unit``).
    """
    raw = row.get("atribut")
    hasil: dict[str, str] = {}
    if isinstance(raw, dict):
        items = [(str(k), v) for k, v in raw.items()]
    elif raw in (None, ""):
        items = []
    elif isinstance(raw, str):
        items = []
        for bagian in re.split(r"[;,]", raw):
            if bagian.strip():
                k, sep, v = bagian.partition("=")
                if not sep:
                    err("unit", baris, "atribut", f"tulis atribut sebagai nama=nilai (tertulis '{bagian.strip()}')")
                    continue
                items.append((k, v))
    else:
        err("unit", baris, "atribut", "atribut harus berupa pemetaan nama: nilai")
        items = []
    for key, value in row.items():
        if isinstance(key, str) and key.startswith(("atribut.", "atribut:")) and value not in (None, ""):
            items.append((key[8:], value))
    for k, v in items:
        k = k.strip().lower()
        nilai = _text({"v": v}, "v")
        if not ATRIBUT_RE.match(k):
            err("unit", baris, "atribut", f"nama atribut '{k}' hanya huruf kecil, angka dan garis bawah")
            continue
        if not nilai:
            continue
        if dikenal is not None:
            if k not in dikenal:
                err("unit", baris, "atribut", f"atribut '{k}' tidak dikenal profil {profil}"
                    + (f"; pilih salah satu: {', '.join(sorted(dikenal))}" if dikenal else ""))
                continue
            if dikenal[k] and nilai not in dikenal[k]:
                err("unit", baris, "atribut", f"nilai '{nilai}' tidak dikenal untuk atribut '{k}'; pilih salah satu: {', '.join(dikenal[k])}")
                continue
        if len(nilai) > 60:
            err("unit", baris, "atribut", f"nilai atribut '{k}' paling panjang 60 karakter")
            continue
        hasil[k] = nilai
    return tuple(sorted(hasil.items()))


def _tanggal(value: Any, baris: int, kolom: str, err: Any) -> date | None:
    """A date from YAML (already a date), a spreadsheet cell (datetime) or text (YYYY-MM-DD or DD-MM-YYYY)."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    for fmt in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    err("delegasi", baris, kolom, f"tanggal '{text}' tidak dikenali; tulis TTTT-BB-HH, mis. 2024-01-31")
    return None


def validate(data: dict[str, Any], first_row: int = 1) -> Dokumen:
    """Check the whole document; raise :class:`DokumenTidakValid` listing every problem."""
    galat: list[Galat] = []

    def err(bagian: str, baris: int | None, kolom: str | None, pesan: str) -> None:
        galat.append(Galat(bagian, baris, kolom, pesan))

    if not isinstance(data, dict):
        raise DokumenTidakValid([Galat("berkas", None, None, "isi berkas harus berupa objek dengan kunci 'instansi', 'unit', 'pegawai'")])
    # A missing or empty section is an error, never "no units any more": an
    # import deactivates what the file lacks, so a file without its pegawai
    # list would deactivate every pegawai of the instansi.
    for bagian in BAGIAN_WAJIB:
        if not data.get(bagian):
            err(bagian, None, None, f"bagian '{bagian}' tidak ada atau kosong; berkas impor wajib memuat instansi, unit dan pegawai")
    for bagian in ("unit", "pegawai", "delegasi"):
        isi = data.get(bagian)
        if isi and not isinstance(isi, list):
            err(bagian, None, None, "harus berupa daftar baris")
            data = {**data, bagian: []}
        elif isi and len(isi) > baris_maks():
            err(bagian, None, None, f"lebih dari {baris_maks()} baris; pisahkan berkasnya")
            data = {**data, bagian: []}

    raw_inst = data.get("instansi") or {}
    if not isinstance(raw_inst, dict):
        raw_inst = {}
        err("instansi", None, None, "harus berupa objek {kode, nama, profil}")
    _cek_kolom("instansi", None, raw_inst, err)
    inst = InstansiData(_text(raw_inst, "kode"), _text(raw_inst, "nama"), _text(raw_inst, "profil"))
    if not inst.kode:
        err("instansi", None, "kode", "kode instansi wajib diisi")
    elif not KODE_RE.match(inst.kode):
        err("instansi", None, "kode", f"kode '{inst.kode}' hanya boleh huruf, angka, titik, garis bawah dan tanda hubung")
    if not inst.nama:
        err("instansi", None, "nama", "nama instansi wajib diisi")
    katalog = kait.katalog_profil()
    atribut_profil: dict[str, tuple[str, ...]] | None = None
    if katalog is not None:
        tersedia = katalog.tersedia()
        if inst.profil not in tersedia:
            err("instansi", None, "profil", f"profil '{inst.profil}' tidak dikenal; pilih salah satu: {', '.join(tersedia)}")
        else:
            atribut_profil = katalog.atribut(inst.profil)
    elif not PROFIL_RE.match(inst.profil):
        err("instansi", None, "profil", f"kode profil '{inst.profil}' tidak sah (huruf kecil, angka, '_' atau '-')")

    units: dict[str, Unit] = {}
    unit_rows: dict[str, int] = {}
    # Unit codes compare case-insensitively ("dinkes" is "DINKES"): references
    # resolve to the code as the unit's own row writes it.
    kanon: dict[str, str] = {}
    for i, row in enumerate(data.get("unit") or []):
        baris = i + first_row
        if not row:
            continue
        if not isinstance(row, dict):
            err("unit", baris, None, "baris harus berupa objek")
            continue
        _cek_kolom("unit", baris, row, err)
        kode, nama, jenis = _text(row, "kode"), _text(row, "nama"), _text(row, "jenis")
        induk = _text(row, "induk") or None
        ok = True
        if not kode:
            err("unit", baris, "kode", "kode unit wajib diisi")
            ok = False
        elif kode.upper() in kanon:
            lama = kanon[kode.upper()]
            err("unit", baris, "kode", f"kode '{kode}' sudah dipakai di baris {unit_rows[lama]} (huruf besar/kecil tidak dibedakan)")
            ok = False
        elif len(kode) > 64:
            ok = False
        if not nama:
            err("unit", baris, "nama", "nama unit wajib diisi")
        if jenis not in JENIS_UNIT:
            err("unit", baris, "jenis", f"jenis '{jenis}' tidak dikenal; pilih salah satu: {', '.join(JENIS_UNIT)}")
        atribut = _atribut_unit(row, baris, atribut_profil, inst.profil, err)
        if ok:
            units[kode] = Unit(kode=kode, nama=nama, jenis=jenis, induk=induk, atribut=atribut)
            unit_rows[kode] = baris
            kanon[kode.upper()] = kode
    for kode, u in list(units.items()):
        if u.induk is not None and u.induk.upper() in kanon and u.induk not in units:
            units[kode] = Unit(kode=u.kode, nama=u.nama, jenis=u.jenis, induk=kanon[u.induk.upper()])
    for kode, u in units.items():
        if u.induk is not None and u.induk not in units:
            err("unit", unit_rows[kode], "induk", f"unit induk '{u.induk}' tidak ada di daftar unit")
    # Cycles: follow each chain of parents; a chain that meets itself is a cycle.
    reported: set[str] = set()
    for kode in units:
        seen: list[str] = []
        cur: str | None = kode
        while cur is not None and cur in units and cur not in seen:
            seen.append(cur)
            cur = units[cur].induk
        if cur is not None and cur in seen and cur not in reported:
            cycle = seen[seen.index(cur) :]
            reported.update(cycle)
            err(
                "unit",
                unit_rows[cur],
                "induk",
                f"hubungan induk berputar: {' → '.join([*cycle, cur])}",
            )

    pegawai: dict[str, Pegawai] = {}
    nip_rows: dict[str, int] = {}
    kepala_rows: dict[str, tuple[int, str]] = {}
    for i, row in enumerate(data.get("pegawai") or []):
        baris = i + first_row
        if not row:
            continue
        if not isinstance(row, dict):
            err("pegawai", baris, None, "baris harus berupa objek")
            continue
        _cek_kolom("pegawai", baris, row, err)
        nip, salah_nip = _nip(row.get("nip"))
        nama = _text(row, "nama")
        status = _text(row, "status").lower() or "pns"
        jabatan = _text(row, "jabatan")
        jj = _text(row, "jenis_jabatan")
        jenjang = _text(row, "jenjang") or None
        unit = _text(row, "unit")
        unit = kanon.get(unit.upper(), unit)
        kepala = _bool(row.get("kepala_unit"))
        email = _text(row, "email") if "email" in row else None
        pangkat = _text(row, "pangkat_golongan") if "pangkat_golongan" in row else None
        ok = True
        if salah_nip:
            err("pegawai", baris, "nip", salah_nip)
            ok = False
        elif not NIP_RE.fullmatch(nip):
            err("pegawai", baris, "nip", f"NIP harus 18 digit angka 0-9 (tertulis '{nip[:40]}')")
            ok = False
        elif nip in pegawai:
            err("pegawai", baris, "nip", f"NIP {nip} ganda, sudah ada di baris {nip_rows[nip]}")
            ok = False
        if not nama:
            err("pegawai", baris, "nama", "nama wajib diisi")
        if status not in STATUS_PEGAWAI:
            err("pegawai", baris, "status", f"status '{status}' tidak dikenal; isi 'pns' atau 'pppk'")
        if not jabatan:
            err("pegawai", baris, "jabatan", "nama jabatan wajib diisi")
        if jj not in JENIS_JABATAN:
            err("pegawai", baris, "jenis_jabatan", f"jenis jabatan '{jj}' tidak dikenal; pilih salah satu: {', '.join(JENIS_JABATAN)}")
        elif jj == "fungsional" and not jenjang:
            err("pegawai", baris, "jenjang", "jenjang wajib diisi untuk jabatan fungsional")
        elif jj != "fungsional" and jenjang:
            err("pegawai", baris, "jenjang", f"jenjang hanya untuk jabatan fungsional, bukan {jj}; kosongkan kolom ini")
        if jenjang and jenjang not in JENJANG:
            err("pegawai", baris, "jenjang", f"jenjang '{jenjang}' tidak dikenal; pilih salah satu: {', '.join(JENJANG)}")
        if unit not in units:
            err("pegawai", baris, "unit", f"unit '{unit}' tidak ada di daftar unit")
        if email and not EMAIL_RE.match(email):
            err("pegawai", baris, "email", f"alamat e-mail '{email}' tidak sah (contoh: nama@instansi.go.id)")
        if kepala is None:
            err("pegawai", baris, "kepala_unit", f"isi 'true' atau 'false' (tertulis '{row.get('kepala_unit')}')")
            kepala = False
        if kepala and unit in kepala_rows:
            first, other = kepala_rows[unit]
            err("pegawai", baris, "kepala_unit", f"unit '{unit}' sudah punya kepala: NIP {other} di baris {first}")
        elif kepala:
            kepala_rows[unit] = (baris, nip)
        kompetensi: list[tuple[str, str]] = []
        raw_k = row.get("kompetensi")
        if isinstance(raw_k, str):
            raw_k = _split_list(raw_k)
        elif raw_k is not None and not isinstance(raw_k, list):
            err("pegawai", baris, "kompetensi", "harus berupa daftar (nama:tingkat, dipisah koma)")
            raw_k = []
        for k in raw_k or []:
            if isinstance(k, dict):
                nama_k, tingkat = _text(k, "nama"), _text(k, "tingkat")
            elif isinstance(k, SKALAR):
                nama_k, _, tingkat = str(k).partition(":")
                nama_k, tingkat = nama_k.strip(), tingkat.strip()
            else:
                nama_k, tingkat = "", ""
            if not nama_k:
                err("pegawai", baris, "kompetensi", "setiap kompetensi perlu nama")
                continue
            if len(nama_k) > 120 or len(tingkat) > 60:
                err("pegawai", baris, "kompetensi", "nama kompetensi paling banyak 120 karakter, tingkat 60")
                continue
            kompetensi.append((nama_k, tingkat))
        if ok:
            pegawai[nip] = Pegawai(
                nip=nip,
                nama=nama,
                jabatan=jabatan,
                jenis_jabatan=jj,
                unit=unit,
                status=status,
                jenjang=jenjang,
                kepala_unit=bool(kepala),
                kompetensi=tuple(kompetensi),
                email=email,
                pangkat_golongan=pangkat,
            )
            nip_rows[nip] = baris

    delegasi: list[Delegasi] = []
    baris_delegasi: list[int] = []
    seen_delegasi: dict[tuple[str, str, str], int] = {}
    for i, row in enumerate(data.get("delegasi") or []):
        baris = i + first_row
        if not row:
            continue
        if not isinstance(row, dict):
            err("delegasi", baris, None, "baris harus berupa objek")
            continue
        _cek_kolom("delegasi", baris, row, err)
        dari, kepada, wewenang = _text(row, "dari"), _text(row, "kepada"), _text(row, "wewenang")
        daftar = _split_list(row.get("pegawai"))
        jenjang_list = _split_list(row.get("jenjang"))
        for kolom, nip in (("dari", dari), ("kepada", kepada)):
            if nip not in pegawai:
                err("delegasi", baris, kolom, f"NIP '{nip}' tidak ada di daftar pegawai")
        if dari and dari == kepada:
            err("delegasi", baris, "kepada", "pejabat tidak dapat mendelegasikan kepada dirinya sendiri")
        if wewenang not in WEWENANG_DELEGASI:
            err("delegasi", baris, "wewenang", f"wewenang '{wewenang}' tidak dikenal; isi 'penilaian_kinerja' atau 'pengelolaan_kinerja'")
        for nip in daftar:
            if nip not in pegawai:
                err("delegasi", baris, "pegawai", f"NIP '{nip}' tidak ada di daftar pegawai")
        for j in jenjang_list:
            if j not in JENJANG and j != "pelaksana":
                err("delegasi", baris, "jenjang", f"jenjang '{j}' tidak dikenal")
        key = (dari, kepada, wewenang)
        if key in seen_delegasi:
            err("delegasi", baris, None, f"delegasi yang sama sudah ada di baris {seen_delegasi[key]}")
        seen_delegasi[key] = baris
        nomor_sk = _text(row, "nomor_sk")
        if len(nomor_sk) > 100:
            err("delegasi", baris, "nomor_sk", "nomor SK paling panjang 100 karakter")
        tanggal = {k: _tanggal(row.get(k), baris, k, err) for k in ("tanggal_sk", "berlaku_mulai", "berlaku_sampai")}
        mulai, sampai = tanggal["berlaku_mulai"], tanggal["berlaku_sampai"]
        if mulai and sampai and sampai < mulai:
            err("delegasi", baris, "berlaku_sampai", f"berlaku sampai {sampai:%d-%m-%Y} sebelum berlaku mulai {mulai:%d-%m-%Y}")
        delegasi.append(Delegasi(dari=dari, kepada=kepada, wewenang=wewenang, pegawai=tuple(daftar), jenjang=tuple(jenjang_list),
                                 nomor_sk=nomor_sk[:100], tanggal_sk=tanggal["tanggal_sk"], berlaku_mulai=mulai,
                                 berlaku_sampai=sampai))
        baris_delegasi.append(baris)

    # Delegation goes downward only (issue 12.4); the profile's article is cited. Checked
    # once the rows themselves are valid, on the organisation the file describes.
    if katalog is not None and not galat and delegasi:
        org = Organisasi(profil=inst.profil, units=units, pegawai=pegawai)
        for baris, d in zip(baris_delegasi, delegasi, strict=True):
            pesan = katalog.periksa_delegasi(inst.profil, org, d)
            if pesan:
                err("delegasi", baris, "kepada", pesan)

    if galat:
        raise DokumenTidakValid(galat)
    return Dokumen(instansi=inst, units=list(units.values()), pegawai=list(pegawai.values()), delegasi=delegasi)
