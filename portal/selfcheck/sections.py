"""空白栏目 and 更新不及时: the public sections with nothing published in a language, and
those whose newest item is older than their period (`SELF_CHECK_UPDATE_DAYS`)."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Max
from django.db.models.functions import Greatest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.formatting.i18n import LANGUAGE_CODES, LANGUAGE_LABELS
from portal.selfcheck.base import Failure, Result, add


@dataclass(frozen=True)
class Section:
    key: str  # the key of SELF_CHECK_UPDATE_DAYS
    label: object
    url_name: str  # the section's public page
    admin_name: str  # its changelist
    queryset: object  # callable: the published items
    # Counted as an update: a new item only (news: an edit to an old article adds no
    # news), or a new item or a change to one (a guide kept up to date is current).
    edits_count: bool = True


def _articles():
    from news.models import Article

    return Article.objects.published()


def _cities():
    from cities.models import City

    return City.objects.published().partners()


def _guides():
    from office.models import ServiceGuide

    return ServiceGuide.objects.published()


def _reports():
    from office.models import WebsiteReport

    return WebsiteReport.objects.published()


def _office_page(kind):
    def published():
        from office.models import OfficePage

        return OfficePage.objects.published().filter(kind=kind)

    return published


def sections():
    from office.models import PAGE_URLS, PageKind

    return [
        Section("news", gettext_lazy("News"), "news:list", "news_article", _articles, False),
        Section("cities", gettext_lazy("Partner cities"), "cities:list", "cities_city", _cities),
        Section("guides", gettext_lazy("Service guides"), "office:guides", "office_serviceguide",
                _guides),
        Section("reports", gettext_lazy("Yearly website reports"), "office:about",
                "office_websitereport", _reports),
        *(
            Section(kind.value, kind.label, PAGE_URLS[kind], "office_officepage",
                    _office_page(kind))
            for kind in PageKind
        ),
    ]  # fmt: skip


def _urls(section, language):
    with translation.override(language):
        public = reverse(section.url_name)
    return public, reverse(f"admin:{section.admin_name}_changelist")


def blank_sections():
    result = Result(
        _("空白栏目 (blank sections)"),
        _("Every public section has at least one published item in every language."),
    )
    for section in sections():
        for language in LANGUAGE_CODES:
            if section.queryset().in_language(language).exists():
                continue
            public, admin = _urls(section, language)
            detail = _("Nothing published in %(language)s.") % {
                "language": LANGUAGE_LABELS[language]
            }
            add(result, Failure(str(section.label), public, admin, detail))
    return result


def update_days():
    return {"news": 14, **settings.SELF_CHECK_UPDATE_DAYS}


def stale_sections(now=None):
    now = now or timezone.now()
    periods = update_days()
    checked = [section for section in sections() if section.key in periods]
    result = Result(
        _("更新不及时 (sections not updated)"),
        _("A new or updated item within each section's period: %(periods)s.")
        % {
            "periods": _list_separator().join(
                _("%(section)s %(days)d days") % {"section": s.label, "days": periods[s.key]}
                for s in checked
            )
        },
    )
    for section in checked:
        newest = _newest(section)
        if newest is None:
            continue  # an empty section is a blank one (`blank_sections`)
        age = (now - newest).days
        if age > periods[section.key]:
            public, admin = _urls(section, translation.get_language())
            detail = _("Last updated %(date)s, %(days)d days ago (period: %(period)d days).") % {
                "date": timezone.localdate(newest).isoformat(),
                "days": age,
                "period": periods[section.key],
            }
            add(result, Failure(str(section.label), public, admin, detail))
    return result


def _newest(section):
    rows = section.queryset().order_by()
    if section.edits_count:
        return rows.aggregate(newest=Max(Greatest("published_at", "updated_at")))["newest"]
    return rows.aggregate(newest=Max("published_at"))["newest"]


def _list_separator():
    # Chinese lists take the enumeration comma (、), English ones a comma and a space.
    return "、" if translation.get_language().startswith("zh") else ", "
