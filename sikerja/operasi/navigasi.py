"""Operations: the health endpoints for load balancers and monitoring (no menu entry)."""

from sikerja.modul import Modul

MODUL = Modul(nama="operasi", awalan_url="sehat/", urls="sikerja.operasi.urls")
