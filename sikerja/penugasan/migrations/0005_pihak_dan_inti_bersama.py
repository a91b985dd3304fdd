"""Penugasan on the shared work-system core (issue 8 point 1).

1. The nine role columns become rows of PihakPenugasan (role, pegawai); ``status`` and ``jalur``
   lose their choices (the tables of alur.py are the source, not a migration).
2. Letters, audit entries, inbox items and letter counters move to sikerja.surat, sikerja.jejak
   and sikerja.kotak_masuk, keeping their ids (so references between them stay valid), with a
   subject reference to the assignment instead of a foreign key.
3. The old columns and tables are dropped.
"""

import django.db.models.deletion
from django.db import migrations, models

PERAN = ("ppk_pemohon", "puo_pemohon", "ppk_tujuan", "puo_tujuan", "pyb_pemohon", "pyb_tujuan",
         "pimpinan_pd_pemohon", "ppk_pegawai")
SUBJEK = "penugasan.penugasan"


def pindahkan(apps, schema_editor):
    Penugasan = apps.get_model("penugasan", "Penugasan")
    Pihak = apps.get_model("penugasan", "PihakPenugasan")
    Pihak.objects.bulk_create([
        Pihak(penugasan_id=p["id"], peran=r, pegawai_id=p[f"{r}_id"])
        for p in Penugasan.objects.values("id", *(f"{r}_id" for r in PERAN))
        for r in PERAN if p[f"{r}_id"]
    ], batch_size=1000)

    NomorLama = apps.get_model("penugasan", "NomorSurat")
    NomorBaru = apps.get_model("surat", "NomorSurat")
    NomorBaru.objects.bulk_create([NomorBaru(instansi_id=n.instansi_id, tahun=n.tahun, terakhir=n.terakhir)
                                   for n in NomorLama.objects.all()])

    SuratLama = apps.get_model("penugasan", "Surat")
    SuratBaru = apps.get_model("surat", "Surat")
    kolom = ("id", "instansi_id", "instansi_penerima_id", "jenis", "nomor", "nomor_urut", "tahun", "tanggal",
             "kode_verifikasi", "perihal", "isi", "penandatangan_id", "pdf", "status", "waktu_status",
             "alasan_status", "dibuat")
    # Oldest first: a correction references the letter it replaces, which must exist already.
    for s in SuratLama.objects.order_by("id").iterator(chunk_size=200):
        baru = SuratBaru(subjek_jenis=SUBJEK, subjek_id=s.penugasan_id, mengoreksi_id=s.mengoreksi_id,
                         **{k: getattr(s, k) for k in kolom})
        baru.save(force_insert=True)
        SuratBaru.objects.filter(pk=baru.pk).update(dibuat=s.dibuat)
        baru.kepada.set(s.kepada.all())
        baru.tembusan.set(s.tembusan.all())

    Transisi = apps.get_model("penugasan", "Transisi")
    Jejak = apps.get_model("jejak", "Jejak")
    kolom = ("id", "aksi", "dari_status", "ke_status", "aktor_id", "pengguna_id", "waktu", "alasan", "surat_id",
             "dasar_hukum", "data", "lintas")
    for t in Transisi.objects.order_by("id").iterator(chunk_size=500):
        Jejak(subjek_jenis=SUBJEK, subjek_id=t.penugasan_id, **{k: getattr(t, k) for k in kolom}).save(
            force_insert=True)
        # auto_now_add overwrote the time on insert: keep the original.
        Jejak.objects.filter(pk=t.id).update(waktu=t.waktu)

    ItemLama = apps.get_model("penugasan", "ItemKotakMasuk")
    Item = apps.get_model("kotak_masuk", "Item")
    for i in ItemLama.objects.order_by("id").iterator(chunk_size=500):
        Item(id=i.id, subjek_jenis=SUBJEK, subjek_id=i.penugasan_id, penerima_id=i.penerima_id, surat_id=i.surat_id,
             jenis=i.jenis, pesan=i.pesan, tautan=f"/penugasan/{i.penugasan_id}/", terbuka=i.terbuka,
             ditutup=i.ditutup).save(force_insert=True)
        Item.objects.filter(pk=i.id).update(dibuat=i.dibuat)

    # Rows were inserted with their old ids: move the id sequences past them (PostgreSQL).
    from django.core.management.color import no_style

    sql = schema_editor.connection.ops.sequence_reset_sql(no_style(), [SuratBaru, Jejak, Item, NomorBaru])
    with schema_editor.connection.cursor() as c:
        for q in sql:
            c.execute(q)


class Migration(migrations.Migration):

    dependencies = [
        ('organisasi', '0002_pegawai_nama_trigram'),
        ('penugasan', '0004_pimpinan_pd_pemohon'),
        ('surat', '0001_initial'),
        ('jejak', '0001_initial'),
        ('kotak_masuk', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='PihakPenugasan',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('peran', models.CharField(max_length=32)),
                ('pegawai', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='pihak_penugasan', to='organisasi.pegawai')),
                ('penugasan', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='pihak_set', to='penugasan.penugasan')),
            ],
            options={
                'verbose_name_plural': 'pihak penugasan',
            },
        ),
        migrations.AddIndex(
            model_name='pihakpenugasan',
            index=models.Index(fields=['pegawai', 'penugasan'], name='pihak_penugasan_pegawai'),
        ),
        migrations.AddConstraint(
            model_name='pihakpenugasan',
            constraint=models.UniqueConstraint(fields=('penugasan', 'peran'), name='pihak_penugasan_unik'),
        ),
        migrations.RunPython(pindahkan, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name='penugasan',
            name='pimpinan_pd_pemohon',
        ),
        migrations.RemoveField(
            model_name='penugasan',
            name='ppk_pegawai',
        ),
        migrations.RemoveField(
            model_name='penugasan',
            name='ppk_pemohon',
        ),
        migrations.RemoveField(
            model_name='penugasan',
            name='ppk_tujuan',
        ),
        migrations.RemoveField(
            model_name='penugasan',
            name='puo_pemohon',
        ),
        migrations.RemoveField(
            model_name='penugasan',
            name='puo_tujuan',
        ),
        migrations.RemoveField(
            model_name='penugasan',
            name='pyb_pemohon',
        ),
        migrations.RemoveField(
            model_name='penugasan',
            name='pyb_tujuan',
        ),
        migrations.AlterField(
            model_name='penugasan',
            name='jalur',
            field=models.CharField(max_length=32),
        ),
        migrations.AlterField(
            model_name='penugasan',
            name='status',
            field=models.CharField(blank=True, default='', max_length=32),
        ),
        migrations.DeleteModel(
            name='ItemKotakMasuk',
        ),
        migrations.DeleteModel(
            name='Transisi',
        ),
        migrations.DeleteModel(
            name='Surat',
        ),
        migrations.DeleteModel(
            name='NomorSurat',
        ),
    ]
