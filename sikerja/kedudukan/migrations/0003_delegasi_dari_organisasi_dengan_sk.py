"""Delegations belong to kedudukan, and carry their decision (SK) and period.

The model moves from ``organisasi`` (state only, same rows), its table is renamed
to ``kedudukan_delegasi``, and it gains the SK number and date, the validity period,
and how it ended (issue 12.4).
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("kedudukan", "0002_indeks_kedudukan_berlaku_saja"),
        ("organisasi", "0003_profil_data_atribut_level_delegasi_ke_kedudukan"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Delegasi",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("wewenang", models.CharField(choices=[("penilaian_kinerja", "Penilaian kinerja (menjadi PPK)"), ("pengelolaan_kinerja", "Pengelolaan kinerja (menjadi pimpinan unit)")], max_length=32)),
                        ("pegawai_nip", models.JSONField(blank=True, default=list)),
                        ("jenjang", models.JSONField(blank=True, default=list)),
                        ("aktif", models.BooleanField(default=True)),
                        ("sumber", models.CharField(choices=[("impor", "Impor"), ("aplikasi", "Aplikasi")], default="aplikasi", max_length=8)),
                        ("dibuat", models.DateTimeField(auto_now_add=True)),
                        ("dibuat_oleh", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL)),
                        ("instansi", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="delegasi", to="organisasi.instansi")),
                        ("dari", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="delegasi_diberikan", to="organisasi.pegawai")),
                        ("kepada", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="delegasi_diterima", to="organisasi.pegawai")),
                    ],
                    options={
                        "verbose_name_plural": "delegasi",
                        "db_table": "organisasi_delegasi",
                        "constraints": [models.UniqueConstraint(condition=models.Q(("aktif", True)), fields=("dari", "kepada", "wewenang"), name="delegasi_aktif_unik")],
                    },
                ),
            ],
        ),
        migrations.AlterModelTable(name="delegasi", table=None),
        migrations.AddField(model_name="delegasi", name="nomor_sk", field=models.CharField(blank=True, max_length=100, verbose_name="nomor SK")),
        migrations.AddField(model_name="delegasi", name="tanggal_sk", field=models.DateField(blank=True, null=True, verbose_name="tanggal SK")),
        migrations.AddField(model_name="delegasi", name="berlaku_mulai", field=models.DateField(blank=True, null=True)),
        migrations.AddField(model_name="delegasi", name="berlaku_sampai", field=models.DateField(blank=True, null=True)),
        migrations.AddField(model_name="delegasi", name="diterapkan", field=models.BooleanField(default=True)),
        migrations.AddField(model_name="delegasi", name="diakhiri", field=models.DateTimeField(blank=True, null=True)),
        migrations.AddField(model_name="delegasi", name="alasan_berakhir", field=models.CharField(blank=True, choices=[("dicabut", "Dicabut"), ("kedaluwarsa", "Masa berlaku habis"), ("impor", "Tidak ada di impor")], max_length=12)),
        migrations.AddField(model_name="delegasi", name="diakhiri_oleh", field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL)),
        migrations.AddIndex(model_name="delegasi", index=models.Index(condition=models.Q(("aktif", True)), fields=["instansi", "berlaku_sampai"], name="delegasi_aktif_sampai")),
    ]
