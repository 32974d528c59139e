"""Response headers Django does not set by itself."""

import base64
import functools
import hashlib
import re

from django.conf import settings


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
