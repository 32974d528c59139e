"""What every indicator returns, and the published records the indicators read."""

from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse
from django.utils import translation


@dataclass(frozen=True)
class Failure:
    label: str  # what fails: a record, a section, a link
    public_url: str  # where a visitor sees it ("" when nowhere)
    admin_url: str  # where staff fix it ("" when nowhere)
    detail: str = ""


@dataclass
class Result:
    name: str  # as the inspection indicators call it (空白栏目, 更新不及时 …)
    threshold: str
    failures: list = field(default_factory=list)
    # Only the first failures are listed on a large site; `more` says how many are not.
    more: int = 0
    note: str = ""

    @property
    def met(self):
        return not self.failures and not self.more

    @property
    def count(self):
        return len(self.failures) + self.more


# At most this many failures are kept per indicator: the list is for staff to work
# through, and a large site's hundredth broken link says nothing the first did not.
MAX_FAILURES = 200


def add(result, failure):
    """Keep `failure` under the cap, counting the rest."""
    if len(result.failures) < MAX_FAILURES:
        result.failures.append(failure)
    else:
        result.more += 1


def admin_url(record):
    opts = record._meta
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])
    except NoReverseMatch:
        return ""


def public_url(record, language):
    with translation.override(language):
        return record.get_absolute_url()


def content_models():
    """The published records a visitor reads, each with its own page: the partner
    cities, the news, and the office's pages, guides and yearly reports."""
    from cities.models import City
    from news.models import Article
    from office.models import OfficePage, ServiceGuide, WebsiteReport

    return [
        (Article, Article.objects.published()),
        (City, City.objects.published().partners()),
        (OfficePage, OfficePage.objects.published()),
        (ServiceGuide, ServiceGuide.objects.published()),
        (WebsiteReport, WebsiteReport.objects.published()),
    ]


def address_fields(model):
    """What a record's address and editions need (`.only()`): its slug, kind or year,
    and its translation states."""
    names = ["pk", "status", "published_at", "original_language", "original_only"]
    names += ["translation_states", "translation_basis"]
    own = {field.name for field in model._meta.fields}
    return names + [name for name in ("slug", "kind", "year") if name in own]
