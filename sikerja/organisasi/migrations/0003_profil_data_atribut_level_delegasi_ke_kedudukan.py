"""Profiles become data, units get explicit attributes, one meaning of level, delegations move out.

- ``Instansi.profil`` loses its ``choices``: the profile list is the profile
  directory (``kedudukan.engine.available_profiles()``), so a new Pemda needs no migration.
- ``UnitOrganisasi.atribut``: the explicit attributes the profile rules read.
- ``UnitOrganisasi.level`` is recomputed as the *Pejabat Level* of the regulations
  (Level I at the top of each unit organisasi, a self-led UPTD/RSUD/Puskesmas/school/
  Kelurahan being Level I of its own), the number the kedudukan engine matches; it
  was the depth inside the Perangkat Daerah before.
- ``Delegasi`` leaves organisasi's state only; the table is kept and taken over by
  ``kedudukan`` (its migration 0003), which owns delegations from now on.
"""

from django.db import migrations, models

MANDIRI = {"uptd", "rsud", "puskesmas", "satuan_pendidikan", "kelurahan"}


def hitung_level(apps, schema_editor):  # type: ignore[no-untyped-def]
    Unit = apps.get_model("organisasi", "UnitOrganisasi")
    rows = {uid: (induk, jenis, level) for uid, induk, jenis, level in Unit.objects.values_list("id", "induk_id", "jenis", "level")}
    ubah = []
    for uid, (_, _, lama) in rows.items():
        n, cur, seen = 0, uid, 0
        while cur is not None and cur in rows and seen < 100:
            n += 1
            induk, jenis, _ = rows[cur]
            if jenis in MANDIRI:
                break
            cur, seen = induk, seen + 1
        if n != lama:
            ubah.append(Unit(id=uid, level=n))
    Unit.objects.bulk_update(ubah, ["level"], batch_size=2000)


class Migration(migrations.Migration):
    dependencies = [("organisasi", "0002_pegawai_nama_trigram")]

    operations = [
        migrations.AlterField(model_name="instansi", name="profil", field=models.CharField(max_length=32)),
        migrations.AddField(model_name="unitorganisasi", name="atribut", field=models.JSONField(blank=True, default=dict)),
        migrations.RunPython(hitung_level, migrations.RunPython.noop),
        migrations.SeparateDatabaseAndState(state_operations=[migrations.DeleteModel(name="Delegasi")]),
    ]
