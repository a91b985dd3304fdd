"""Single sign-on (OpenID Connect) for a Pemda that runs one (SPBE), off by default.

mozilla-django-oidc does the protocol; this backend only decides who the
verified person is: the account whose username is the NIP in the configured
claim (``OIDC_KLAIM_NIP``, default ``nip``). An unknown NIP gets no account —
accounts come from the organisation import, never from the identity provider.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from .dokumen_nip import nip_sah


class NipOIDCBackend(OIDCAuthenticationBackend):
    def _nip(self, claims: dict[str, Any]) -> str:
        nilai = claims.get(getattr(settings, "OIDC_KLAIM_NIP", "nip"))
        return str(nilai).strip() if isinstance(nilai, (str, int)) and not isinstance(nilai, bool) else ""

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        return nip_sah(self._nip(claims))

    def filter_users_by_claims(self, claims: dict[str, Any]) -> Any:
        return self.UserModel.objects.filter(username=self._nip(claims), is_active=True)

    def describe_user_by_claims(self, claims: dict[str, Any]) -> str:
        return f"NIP {self._nip(claims)}"

    def create_user(self, claims: dict[str, Any]) -> Any:
        return None  # never: accounts come from the import

    def update_user(self, user: Any, claims: dict[str, Any]) -> Any:
        return user
