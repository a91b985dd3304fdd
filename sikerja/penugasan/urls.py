from django.urls import path

from . import daftar, views

app_name = "penugasan"

urlpatterns = [
    path("", daftar.daftar, name="daftar"),
    path("ekspor.xlsx", daftar.ekspor, name="ekspor"),
    path("kotak-masuk/", views.kotak_masuk, name="kotak_masuk"),
    path("kotak-masuk/<int:pk>/buka/", views.buka_item, name="buka_item"),
    path("pengaturan/", views.pengaturan, name="pengaturan"),
    path("buat/", views.pilih_jalur, name="buat"),
    path("buat/<str:jalur>/", views.buat, name="buat_jalur"),
    path("kandidat/", views.kandidat, name="kandidat"),
    path("peringatan/", views.peringatan_tanggal, name="peringatan"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/aksi/", views.aksi, name="aksi"),
    path("<int:pk>/keputusan-kepala-daerah/", views.keputusan_kepala_daerah, name="keputusan_kepala_daerah"),
    path("<int:pk>/dibaca/", views.dibaca, name="dibaca"),
    path("<int:pk>/ubah/", views.ubah, name="ubah"),
    path("surat/<int:pk>/unduh/", views.unduh_surat, name="unduh_surat"),
    path("surat/<int:pk>/cabut/", views.cabut_surat, name="cabut_surat"),
    path("surat/<int:pk>/koreksi/", views.koreksi_surat, name="koreksi_surat"),
]
