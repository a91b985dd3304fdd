"""Search that finds (issue #12 point 2): names, posts and unit names stored normalised.

``nama_cari``/``jabatan_cari`` hold the text lower-cased without diacritics and
apostrophes (organisasi.teks.normalisasi), so "syafii" finds "Syafi'i". Existing
rows are filled here; imports and edits keep them current. On PostgreSQL the
columns get trigram indexes (as migration 0002 did for names) where pg_trgm exists.
"""

from django.db import DatabaseError, migrations, models, transaction


def isi(apps, schema_editor):  # type: ignore[no-untyped-def]
    from sikerja.organisasi.teks import normalisasi

    Pegawai = apps.get_model("organisasi", "Pegawai")
    Unit = apps.get_model("organisasi", "UnitOrganisasi")
    ubah = [Pegawai(id=i, nama_cari=normalisasi(n), jabatan_cari=normalisasi(j))
            for i, n, j in Pegawai.objects.values_list("id", "nama", "jabatan").iterator()]
    Pegawai.objects.bulk_update(ubah, ["nama_cari", "jabatan_cari"], batch_size=2000)
    ubah_u = [Unit(id=i, nama_cari=normalisasi(n)) for i, n in Unit.objects.values_list("id", "nama").iterator()]
    Unit.objects.bulk_update(ubah_u, ["nama_cari"], batch_size=2000)


def indeks(apps, schema_editor):  # type: ignore[no-untyped-def]
    conn = schema_editor.connection
    if conn.vendor != "postgresql":
        return
    with conn.cursor() as c:
        try:
            with transaction.atomic():
                c.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except DatabaseError:
            return
        c.execute("CREATE INDEX IF NOT EXISTS pegawai_nama_cari_trgm ON organisasi_pegawai "
                  "USING gin (nama_cari gin_trgm_ops)")
        c.execute("CREATE INDEX IF NOT EXISTS pegawai_jabatan_cari_trgm ON organisasi_pegawai "
                  "USING gin (jabatan_cari gin_trgm_ops)")
        c.execute("CREATE INDEX IF NOT EXISTS unit_nama_cari_trgm ON organisasi_unitorganisasi "
                  "USING gin (nama_cari gin_trgm_ops)")


def hapus_indeks(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "postgresql":
        with schema_editor.connection.cursor() as c:
            for nama in ("pegawai_nama_cari_trgm", "pegawai_jabatan_cari_trgm", "unit_nama_cari_trgm"):
                c.execute(f"DROP INDEX IF EXISTS {nama}")


class Migration(migrations.Migration):
    dependencies = [("organisasi", "0002_pegawai_nama_trigram")]

    operations = [
        migrations.AddField(
            model_name="pegawai",
            name="jabatan_cari",
            field=models.CharField(blank=True, default="", editable=False, max_length=200),
        ),
        migrations.AddField(
            model_name="pegawai",
            name="nama_cari",
            field=models.CharField(blank=True, default="", editable=False, max_length=200),
        ),
        migrations.AddField(
            model_name="unitorganisasi",
            name="nama_cari",
            field=models.CharField(blank=True, default="", editable=False, max_length=200),
        ),
        migrations.RunPython(isi, migrations.RunPython.noop),
        migrations.RunPython(indeks, hapus_indeks),
    ]
