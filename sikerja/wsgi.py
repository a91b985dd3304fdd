"""WSGI entry point for production (``sikerja serve`` runs ``gunicorn sikerja.wsgi``).

Defaults to the production settings, which require ``SECRET_KEY``: a server started
without configuration refuses to run instead of signing sessions with a published key.
The development server (``sikerja runserver``) keeps the development settings.

Each worker imports the URL configuration while it boots: it pulls in every view module and
the API's schemas (about 2 s of CPU), which Django would otherwise do inside the first request
the worker serves, so after every restart one user per worker waited seconds for a page. The
~150,000 objects that loading leaves (modules, URL patterns, schemas) live as long as the worker:
they are moved out of the garbage collector's sight (``gc.freeze``), so its full collections,
which walked them all for ~60 ms every few dozen requests, only walk what requests create.
"""

import gc
import os
from importlib import import_module

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sikerja.settings.production")
application = get_wsgi_application()
import_module(settings.ROOT_URLCONF)
gc.freeze()
