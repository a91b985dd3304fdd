from django.apps import AppConfig


class ModulUjiConfig(AppConfig):
    name = "sikerja.web.tests.modul_uji"
    label = "modul_uji"
