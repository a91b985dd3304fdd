"""Password hashing with OWASP's current Argon2id parameters.

Django's default Argon2 parameters (100 MiB, t=2, p=8) cost ~300 ms of CPU per login,
which caps two cores at ~7 logins per second: a Monday-morning wave of a 50,000-pegawai
Pemda queues for minutes. OWASP's Password Storage Cheat Sheet recommends for Argon2id
m=19 MiB (19,456 KiB), t=2, p=1. The algorithm name stays ``argon2``, so hashes made with
the old parameters still verify and are rewritten with these on the user's next login
(Django calls ``must_update`` on every successful check).
"""

from django.contrib.auth.hashers import Argon2PasswordHasher


class Argon2idOWASP(Argon2PasswordHasher):
    time_cost = 2
    memory_cost = 19456  # KiB = 19 MiB
    parallelism = 1
