"""Care mode (关怀版): larger text, stronger contrast, larger targets, for older and
low-vision visitors (the 2021 适老化 rules for government websites).

A cookie holds the choice, so it works without JavaScript and stays across pages
and languages; `<html class="care">` switches the style (`site.css`). The page
cache files each page under the mode too (`portal.caching.pages`), and the proxy
keys by this one cookie, so each mode is served from a cache as its own variant.
"""

from django.conf import settings

COOKIE = "care_mode"
ON = "1"
MODES = {"on", "off"}


def is_on(request):
    return request.COOKIES.get(COOKIE) == ON


def remember(response, request, mode):
    """Set (or clear) the cookie the way the portal sets every cookie (settings)."""
    if mode == "on":
        response.set_cookie(
            COOKIE,
            ON,
            max_age=365 * 24 * 3600,
            httponly=True,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            secure=settings.LANGUAGE_COOKIE_SECURE or request.is_secure(),
        )
    else:
        response.delete_cookie(COOKIE, samesite=settings.LANGUAGE_COOKIE_SAMESITE)
    return response
