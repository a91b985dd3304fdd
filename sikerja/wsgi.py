"""WSGI entry point for production (``sikerja serve`` runs ``gunicorn sikerja.wsgi``).

Defaults to the production settings, which require ``SECRET_KEY``: a server started
without configuration refuses to run instead of signing sessions with a published key.
The development server (``sikerja runserver``) keeps the development settings.
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sikerja.settings.production")
application = get_wsgi_application()
