"""Search by name on PostgreSQL: a trigram index on UPPER(nama), which `nama__icontains` uses.

Without it a search for a common fragment ("sri") walks most of the 50,000 pegawai (~27 ms
of a 50 ms budget). pg_trgm is a contrib extension; where the database role may not create
it, the index is skipped and search still works, only slower.
"""

from django.db import DatabaseError, migrations, transaction


def buat(apps, schema_editor):  # type: ignore[no-untyped-def]
    conn = schema_editor.connection
    if conn.vendor != "postgresql":
        return
    with conn.cursor() as c:
        try:
            with transaction.atomic():
                c.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except DatabaseError:
            return
        c.execute("CREATE INDEX IF NOT EXISTS pegawai_nama_trgm ON organisasi_pegawai "
                  "USING gin (UPPER(nama) gin_trgm_ops)")


def hapus(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "postgresql":
        with schema_editor.connection.cursor() as c:
            c.execute("DROP INDEX IF EXISTS pegawai_nama_trgm")


class Migration(migrations.Migration):
    dependencies = [("organisasi", "0001_initial")]
    operations = [migrations.RunPython(buat, hapus)]
