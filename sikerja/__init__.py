"""SIKERJA — aplikasi Sistem Kerja ASN pasca penyederhanaan birokrasi."""

__version__ = "0.1.0"
