"""Inline tags, links and URLs of the original that the translation lacks or changes.

Rich text is HTML; a translation keeps the original's emphasis and links (a link's
text is translated, its address is not, but for the language of a link to the
site). A URL written in the text is kept as it is."""

from collections import Counter
from html.parser import HTMLParser

from django.utils.translation import gettext as _

from portal.editorial.qa.finding import ERROR, Finding
from portal.editorial.qa.numbers import URL
from portal.formatting.i18n import LANGUAGE_CODES
from portal.formatting.richtext import plain_text

INLINE = {"a", "b", "strong", "i", "em", "code", "sub", "sup", "span", "br", "u", "s"}


class _Tags(HTMLParser):
    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.tags, self.links = Counter(), []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        if tag in INLINE:
            self.tags[tag] += 1
        href = dict(attrs).get("href") if tag == "a" else None
        if href:
            self.links.append(href.strip())


def check_markup(source, target):
    before, after = _Tags(source), _Tags(target)
    kept = {_page(link) for link in after.links}
    findings = [
        Finding(
            "markup",
            ERROR,
            _("The link to %(address)s is missing or changed here.") % {"address": link},
            link,
        )
        for link in dict.fromkeys(before.links)
        if _page(link) not in kept
    ]
    findings += [
        Finding(
            "markup",
            ERROR,
            _("An inline tag <%(tag)s> of the original is missing here.") % {"tag": tag},
            f"<{tag}>",
        )
        for tag, count in before.tags.items()
        if after.tags[tag] < count
    ]
    addresses = _addresses(target)
    findings += [
        Finding(
            "markup",
            ERROR,
            _("The address %(address)s is missing or changed here.") % {"address": address},
            address,
        )
        for address in dict.fromkeys(_addresses(source))
        if address not in addresses
    ]
    return findings


def _page(link):
    """A link to the site without its language: /zh-hans/news/5/ and /en/news/5/ are
    the same page, each in the language of its text."""
    for code in LANGUAGE_CODES:
        if link.startswith(f"/{code}/"):
            return link[len(code) + 1 :]
    return link


def _addresses(html):
    return URL.findall(plain_text(html))
