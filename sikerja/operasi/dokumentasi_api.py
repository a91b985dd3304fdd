"""/api/docs from the vendored Swagger UI (static/vendor/swagger-ui), never from a CDN.

django-ninja renders its CDN template unless ``ninja`` is an installed app; SIKERJA
renders its own template instead, so the page works on a network without Internet.
"""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from ninja.openapi.docs import Swagger, _csrf_needed


class SwaggerLokal(Swagger):
    template = "operasi/swagger.html"

    def render_page(self, request: HttpRequest, api: Any, **kwargs: Any) -> HttpResponse:
        self.settings["url"] = self.get_openapi_url(api, kwargs)
        return render(request, self.template, {
            "swagger_settings": json.dumps(self.settings), "api": api, "add_csrf": _csrf_needed(api),
        })
