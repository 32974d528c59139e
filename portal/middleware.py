"""Response headers Django does not set by itself."""

import base64
import functools
import hashlib
import http.client
import re

import csp.middleware
from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed


class PermissionsPolicyMiddleware:
    """Permissions-Policy: turn off browser features the portal never uses."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


@functools.cache
def prose_editor_importmap_hash():
    """The CSP hash of the rich-text editor's <script type="importmap">.

    The browser counts an import map as an inline script; allowing exactly this
    one by its hash keeps 'unsafe-inline' out of the policy. It is computed from
    the editor's own import map (its static URLs as this deployment names them),
    never from a response's content.
    """
    from django_prose_editor.widgets import importmap

    content = re.fullmatch(r"<script[^>]*>(.*)</script>", str(importmap), re.S).group(1)
    digest = hashlib.sha256(content.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


class AdminImportMapCSPMiddleware:
    """Allow the editor's import map on admin pages (placed after CSPMiddleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/admin/"):
            response._csp_update = {"script-src": [prose_editor_importmap_hash()]}
        return response


# What a view may set on its response to change its policy (django-csp's decorators).
PER_RESPONSE_POLICY = tuple(
    f"_csp_{kind}{suffix}" for kind in ("config", "update", "replace") for suffix in ("", "_ro")
)
_policies = {}


def _default_policies():
    """The Content-Security-Policy and its report-only twin as the settings give them:
    built once, and again when a test changes the settings."""
    if not _policies:
        _policies["both"] = (build_policy(), build_policy(report_only=True))
    return _policies["both"]


def _forget_policies(setting, **kwargs):
    if setting.startswith("CONTENT_SECURITY_POLICY"):
        _policies.clear()


setting_changed.connect(_forget_policies, dispatch_uid="portal-csp-policies")


class CSPMiddleware(csp.middleware.CSPMiddleware):
    """django-csp's middleware, with the headers of a response that asks nothing of its
    own (no nonce, no per-view policy) built once per process, not on every response:
    that took a fifth of the whole middleware stack's time. Any other response (the
    admin's import map, a nonce) goes through django-csp itself."""

    def process_response(self, request, response):
        if getattr(request, "_csp_nonce", None) is not None or any(
            getattr(response, name, None) is not None for name in PER_RESPONSE_POLICY
        ):
            return super().process_response(request, response)
        debug_page = (http.client.INTERNAL_SERVER_ERROR, http.client.NOT_FOUND)
        if response.status_code in debug_page and settings.DEBUG:
            return response
        policy, report_only = _default_policies()
        enforced = (HEADER, policy, "_csp_exempt", "CONTENT_SECURITY_POLICY")
        reported = (HEADER_REPORT_ONLY, report_only, "_csp_exempt_ro", f"{enforced[3]}_REPORT_ONLY")
        for header, value, exempt, setting in (enforced, reported):
            if not value or header in response or getattr(response, exempt, False) is not False:
                continue
            excluded = (getattr(settings, setting, None) or {}).get("EXCLUDE_URL_PREFIXES") or ()
            if not request.path_info.startswith(tuple(excluded)):
                response[header] = value
        # As django-csp does: a nonce asked for after the header is written is an error.
        request.csp_nonce = csp.middleware.CheckableLazyObject(self._csp_nonce_post_response)
        return response
