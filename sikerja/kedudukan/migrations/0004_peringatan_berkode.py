"""Stored warnings become ``{"kode", "pesan", "dasar"}`` (kedudukan.peringatan).

Rows written before codes hold bare strings. Their code is inferred here, once,
from the wording the engine used then; from now on nothing reads the wording. The
fingerprint (``sidik``) is recomputed the way ``services._penjelasan`` does, so the
next recompute finds the same explanation instead of opening new kedudukan rows.
"""

import hashlib
import json

from django.db import migrations


def _kode(teks: str) -> str:
    t = teks.lower()
    if t.startswith("tidak ada aturan profil"):
        return "tanpa_aturan"
    if t.startswith("menunggu pendelegasian"):
        return "menunggu_delegasi"
    if t.startswith("beberapa pendelegasian"):
        return "delegasi_ganda"
    if t.startswith("penerima delegasi") and "tidak lebih tinggi" in t:
        return "delegasi_tidak_lebih_tinggi"
    if "pejabat penilai kinerja (ppk)" in t and t.startswith("belum ada"):
        return "tanpa_ppk"
    if "pimpinan unit" in t:
        return "tanpa_puo"
    if "ditetapkan bupati" in t or "ditetapkan wali" in t:
        return "perlu_penetapan"
    if "tidak diatur" in t or "tetapkan bagian" in t:
        return "penempatan_tidak_diatur"
    return "lain"


def ubah(apps, schema_editor):  # type: ignore[no-untyped-def]
    Penjelasan = apps.get_model("kedudukan", "Penjelasan")
    dipakai = set(Penjelasan.objects.values_list("sidik", flat=True))
    for p in Penjelasan.objects.filter(ada_peringatan=True).iterator():
        if not any(isinstance(w, str) for w in p.peringatan):
            continue
        dasar = p.dasar_hukum[0] if p.dasar_hukum else None
        p.peringatan = [
            w if isinstance(w, dict) else {"kode": _kode(w), "pesan": w,
                                            "dasar": None if _kode(w) in ("tanpa_aturan", "menunggu_delegasi", "delegasi_ganda",
                                                                          "delegasi_tidak_lebih_tinggi") else dasar}
            for w in p.peringatan
        ]
        isi = {"aturan": p.aturan, "peringatan": p.peringatan, "dasar_hukum": p.dasar_hukum, "langkah": p.langkah}
        sidik = hashlib.sha1(json.dumps(isi, ensure_ascii=False, sort_keys=True).encode()).hexdigest()
        if sidik not in dipakai:
            dipakai.discard(p.sidik)
            dipakai.add(sidik)
            p.sidik = sidik
        p.save(update_fields=["peringatan", "sidik"])


class Migration(migrations.Migration):
    dependencies = [("kedudukan", "0003_delegasi_dari_organisasi_dengan_sk")]
    operations = [migrations.RunPython(ubah, migrations.RunPython.noop)]
