"""标识信息缺失 (the footer's identity items), 图片替代文字 (pictures without alt text)
and 纠错留言办理 (visitors' reports of a problem left unanswered past their limit)."""

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.formatting.i18n import LANGUAGE_LABELS
from portal.identity import missing_identity_items
from portal.selfcheck.base import Failure, Result, add, admin_url, public_url


def identity_items():
    from portal.models import Office

    result = Result(
        _("标识信息缺失 (identity items)"),
        _("Every identity item an inspection requires is set on the office record."),
    )
    office = Office.objects.select_related("government_mark").first()
    where = admin_url(office) if office else reverse("admin:portal_office_add")
    for _field, label in missing_identity_items(office):
        add(result, Failure(str(label), reverse("home"), where, _("Not set.")))
    return result


def _pictures():
    """(picture, the record whose page shows it, the page's language or None for
    both): the published records' pictures, and the office's marks and map."""
    from cities.models import City, CityPhoto
    from news.models import Article, LeadImage
    from portal.models import GovernmentMark, SecurityMark, StandardMap

    limit = settings.SELF_CHECK_MAX_RECORDS
    cities = City.objects.published().partners()
    articles = Article.objects.published()
    yield from (
        (photo, photo.city)
        for photo in CityPhoto.objects.filter(city__in=cities)
        .select_related("city")
        .order_by("pk")[:limit]
        .iterator(chunk_size=200)
    )
    yield from (
        (image, image.article)
        for image in LeadImage.objects.filter(article__in=articles)
        .select_related("article")
        .order_by("pk")[:limit]
        .iterator(chunk_size=200)
    )
    for model in (GovernmentMark, SecurityMark, StandardMap):
        for mark in model.objects.select_related("office"):
            yield mark, None


def missing_alt_text():
    result = Result(
        _("图片替代文字 (alt text)"),
        _("Every picture on a public page has alt text in every language."),
    )
    for picture, owner in _pictures():
        for language in picture.missing_alt_languages():
            page = public_url(owner, language) if owner else reverse("home")
            where = admin_url(owner if owner else picture.office)
            label = f"{owner} · {picture}" if owner else str(picture)
            detail = _("No alt text in %(language)s.") % {"language": LANGUAGE_LABELS[language]}
            add(result, Failure(label, page, where, detail))
    return result


def unanswered_reports(now=None):
    from portal.problems.models import ProblemReport, Status

    days = settings.SELF_CHECK_REPORT_DAYS
    result = Result(
        _("纠错留言办理 (problem reports)"),
        _("Every problem report is answered or closed within %(days)d days.") % {"days": days},
    )
    limit = (now or timezone.now()) - datetime.timedelta(days=days)
    late = ProblemReport.objects.filter(
        status__in=[Status.NEW, Status.IN_PROGRESS], created_at__lt=limit
    ).order_by("created_at")
    for report in late.only("pk", "page", "status", "created_at").iterator(chunk_size=200):
        detail = _("Received %(date)s, still %(status)s.") % {
            "date": timezone.localdate(report.created_at).isoformat(),
            "status": report.get_status_display(),
        }
        page = (
            report.page if report.page.startswith("/") and not report.page.startswith("//") else ""
        )
        add(result, Failure(str(report), page, admin_url(report), detail))
    return result
