"""The public pages that belong to no app: home, search, the site map, robots.txt,
the favicon, the language and care-mode switches."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import ExpressionWrapper, F, IntegerField
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect, HttpResponseRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse, translate_url
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from cities.anniversaries import this_month
from cities.counts import counts_by_type, record_counts
from cities.filters import ORDERINGS
from cities.models import City, Exchange
from news.models import Article
from office.models import OfficePage, ServiceGuide, WebsiteReport
from portal import care
from portal.caching.counts import per_revision
from portal.editorial.models import LINK_FIELDS, fields_for
from portal.formatting.breadcrumbs import crumb
from portal.formatting.i18n import LANGUAGE_CODES
from portal.search.bridge import bridged_query
from portal.search.query import clean_query, search_articles, search_cities, search_office
from portal.search.tokens import highlight_words

HOME_ARTICLES = 6
HOME_CITIES = 6
HOME_EXCHANGES = 5


@require_safe
def home(request):
    """The latest news (the newest featured article first), recent exchanges, this
    month's anniversaries and the partner cities with their photos."""
    language = translation.get_language()
    articles = Article.objects.published().in_language(language).for_cards()
    featured = articles.featured().first()
    latest = articles.exclude(pk=featured.pk) if featured else articles
    partners = City.objects.published().in_language(language).partners()
    context = {
        "featured": featured,
        "latest": latest[: HOME_ARTICLES - 1],
        "cities": partners.for_cards().with_gallery().order_by(*ORDERINGS["date"])[:HOME_CITIES],
        "partner_counts": counts_by_type(per_revision("partner-counts", record_counts)),
        "anniversaries": this_month(timezone.localdate()),
        "exchanges": _recent_exchanges(partners),
    }
    return render(request, "portal/home.html", context)


def _recent_exchanges(partners):
    # `city_id + 0`: compared as a value, not through the city index, so SQLite walks
    # the date index newest first and stops at the fifth partner exchange instead of
    # reading every exchange of every partner to sort them (2.5 ms against 0.2 ms).
    return (
        Exchange.objects.alias(
            partner=ExpressionWrapper(F("city_id") + 0, output_field=IntegerField())
        )
        .filter(partner__in=partners.values("pk"))
        .select_related("city", "article")
        .only(
            *fields_for("title", plain=("date", "precision", "city", "article")),
            *fields_for("name", plain=LINK_FIELDS, via="city__"),
            *fields_for(plain=LINK_FIELDS, via="article__"),
        )
        .order_by("-date", "-pk")[:HOME_EXCHANGES]
    )


SEARCH_PAGE_SIZE = 10
SEARCH_CITY_LIMIT = 12


@require_safe
def search(request):
    """Published articles and cities matching the query, in the active language."""
    raw = request.GET.get("q", "")
    query = clean_query(raw)
    language = translation.get_language()
    # "Karachi" on the Chinese site searches 卡拉奇, saying so (portal/search/bridge.py).
    bridge = bridged_query(query, language)
    if bridge:
        query = bridge.searched
    articles = search_articles(query, language)
    cities = search_cities(query, language, SEARCH_CITY_LIMIT) if query else []
    office = search_office(query, language) if query else []
    page = Paginator(articles, SEARCH_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "search_query": query,
        "bridge": bridge,
        "truncated": len(" ".join(raw.split())) > len(bridge.typed if bridge else query),
        "words": highlight_words(query),
        "page_obj": page,
        "articles": page.object_list,
        "cities": cities,
        "office_results": office,
        "breadcrumbs": [crumb(None, _("Search"))],
    }
    return render(request, "portal/search.html", context)


@require_safe
def site_map(request):
    """The site map for people: every section, and the office's pages."""
    language = translation.get_language()
    edition = ("original_language", "original_only", "translation_states")
    context = {
        "pages": OfficePage.objects.published()
        .in_language(language)
        .only("kind", "title_zh_hans", "title_en", *edition),
        "guides": ServiceGuide.objects.published()
        .in_language(language)
        .only("slug", "title_zh_hans", "title_en", *edition),
        "reports": WebsiteReport.objects.published().in_language(language).only("year", *edition),
        "breadcrumbs": [crumb(None, _("Site map"))],
    }
    return render(request, "portal/site_map.html", context)


@require_safe
def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /language/",
        "Disallow: /care/",
        f"Sitemap: {sitemap}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
def favicon(request):
    """`/favicon.ico`, which browsers ask for whatever the page links: the emblem,
    under its hashed name (cached for a year)."""
    return HttpResponsePermanentRedirect(static("portal/emblem.svg"))


def _safe_next(request):
    """The `next` address if it is a path on this site, else None."""
    next_url = request.GET.get("next", "")
    safe = next_url.startswith("/") and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return next_url if safe else None


@require_safe
def switch_care(request, mode):
    """Care mode on or off, then back to the page the visitor was on."""
    if mode not in care.MODES:
        raise Http404
    response = HttpResponseRedirect(_safe_next(request) or reverse("home"))
    return care.remember(response, request, mode)


@require_safe
def switch_language(request, language):
    """Remember the visitor's language and show the page they were on in it."""
    if language not in LANGUAGE_CODES:
        raise Http404
    next_url = _safe_next(request)
    if next_url:
        # Resolve the page in its own language: a URL prefixed /zh-hans/ only
        # resolves while Chinese is active, whatever the visitor's browser says.
        with translation.override(translation.get_language_from_path(next_url)):
            target = translate_url(next_url, language)
    else:
        with translation.override(language):
            target = reverse("home")
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE or 365 * 24 * 3600,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        secure=settings.LANGUAGE_COOKIE_SECURE or request.is_secure(),
    )
    return response
