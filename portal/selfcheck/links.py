"""链接不可用: the public pages rendered in-process, as an anonymous visitor of each
language sees them, and every link on them followed.

Links within the site are asked of the site itself through Django's test client
(no server, no network): a link answering 404 or 500 fails. Links to other sites
are followed only when asked (`manage.py selfcheck --network`), never by the page
in the back office. Both are bounded: at most SELF_CHECK_MAX_PAGES pages and
SELF_CHECK_MAX_LINKS addresses within the site, for at most SELF_CHECK_LINK_SECONDS
(the back-office page must answer inside the worker's timeout), and
SELF_CHECK_MAX_EXTERNAL addresses outside it.
"""

import time
import urllib.error
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from portal.editorial.models import Edition
from portal.formatting.i18n import LANGUAGE_CODES
from portal.selfcheck.base import Failure, Result, add, address_fields, content_models

GOOD = {200, 301, 302, 303, 307, 308}
# The pages that are there whatever is published (the accessibility statement is a
# page only once published: it comes with the office's pages).
LIST_PAGES = ("home", "news:list", "cities:list", "office:guides", "office:about",
              "office:contact", "site_map")  # fmt: skip
EXTERNAL_TIMEOUT = 10  # seconds


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href.strip())


def hrefs(html):
    parser = _Links()
    parser.feed(html)
    return parser.hrefs


def _host():
    """A name the site answers to: the first of ALLOWED_HOSTS without a wildcard."""
    named = [host.lstrip(".") for host in settings.ALLOWED_HOSTS if "*" not in host]
    return named[0] if named else "localhost"


def pages():
    """The pages to render, lists first, then each published record's page in each
    language it has an edition in, at most SELF_CHECK_MAX_PAGES in all."""
    limit = settings.SELF_CHECK_MAX_PAGES
    found = []
    for language in LANGUAGE_CODES:
        with translation.override(language):
            found += [reverse(name) for name in LIST_PAGES]
    for model, queryset in content_models():
        records = queryset.order_by("-published_at", "-pk").only(*address_fields(model))
        for record in records[:limit].iterator(chunk_size=200):
            for language in LANGUAGE_CODES:
                if record.edition(language) != Edition.ABSENT:
                    with translation.override(language):
                        found.append(record.get_absolute_url())
            if len(found) >= limit:
                return found[:limit], True
    return found, False


class Crawler:
    def __init__(self):
        self.host = _host()
        self.client = Client(raise_request_exception=False, HTTP_HOST=self.host)
        self.statuses = {}
        self.external = {}  # address → the first page linking to it

    def status(self, path):
        if path not in self.statuses:
            self.statuses[path] = self.client.get(path, secure=True).status_code
        return self.statuses[path]

    def local_path(self, href, page):
        """The path within the site `href` on `page` leads to, or None (another site,
        mail, telephone); another site's address is kept for `--network`."""
        href = urldefrag(href)[0]
        parts = urlsplit(href)
        if parts.scheme and parts.scheme not in ("http", "https"):
            return None
        if parts.netloc and parts.netloc != self.host:
            self.external.setdefault(href, page)
            return None
        if not href:
            return None
        if not parts.path.startswith("/"):
            parts = urlsplit(page.rsplit("/", 1)[0] + "/" + href)
        return parts.path + (f"?{parts.query}" if parts.query else "")


def broken_links(network=False):
    # Each request the client makes activates its page's language, and leaves it.
    with translation.override(translation.get_language()):
        return _broken_links(network)


def _broken_links(network):
    result = Result(
        _("链接不可用 (broken links)"),
        _("Every link on the public pages answers (no 404, no server error)."),
    )
    listed, capped = pages()
    crawler = Crawler()
    checked = rendered = 0
    deadline = time.monotonic() + settings.SELF_CHECK_LINK_SECONDS
    for page in listed:
        if time.monotonic() > deadline:
            capped = True
            break
        response = crawler.client.get(page, secure=True)
        rendered += 1
        crawler.statuses[page] = response.status_code
        if response.status_code != 200:
            add(
                result,
                Failure(
                    page,
                    page,
                    "",
                    _("The page answers %(status)d.") % {"status": response.status_code},
                ),
            )
            continue
        for href in dict.fromkeys(hrefs(response.content.decode(response.charset or "utf-8"))):
            path = crawler.local_path(href, page)
            if path is None:
                continue
            if path not in crawler.statuses:
                checked += 1
                if checked > settings.SELF_CHECK_MAX_LINKS or time.monotonic() > deadline:
                    capped = True
                    continue
            status = crawler.status(path)
            if status not in GOOD:
                detail = _("Links to %(href)s, which answers %(status)d.") % {
                    "href": href,
                    "status": status,
                }
                add(result, Failure(href, page, "", detail))
    notes = [
        _("%(pages)d pages rendered, %(links)d addresses checked.")
        % {"pages": rendered, "links": len(crawler.statuses)}
    ]
    if capped:
        notes.append(_("The limits were reached: not every page or link was checked."))
    if network:
        _check_external(crawler.external, result, notes)
    else:
        notes.append(_("Links to other sites are checked only with manage.py selfcheck --network."))
    result.note = " ".join(str(note) for note in notes)
    return result


def external_status(address):
    """The status another site answers `address` with (HEAD, then GET where HEAD is
    refused), or the reason it could not be reached."""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(
            address, method=method, headers={"User-Agent": "portal-selfcheck"}
        )
        try:
            with urllib.request.urlopen(request, timeout=EXTERNAL_TIMEOUT) as response:
                return response.status
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in (403, 405, 501):
                continue
            return error.code
        except (urllib.error.URLError, OSError, ValueError) as error:
            return str(getattr(error, "reason", error))
    return None


def _check_external(external, result, notes):
    limit = settings.SELF_CHECK_MAX_EXTERNAL
    for address, page in list(external.items())[:limit]:
        status = external_status(address)
        if isinstance(status, int) and status < 400:
            continue
        detail = _("Links to another site, which answers %(status)s.") % {"status": status}
        add(result, Failure(address, page, "", detail))
    notes.append(
        _("%(count)d links to other sites checked.") % {"count": min(limit, len(external))}
    )
