"""The office's part of the demo: its pages, its service guides with their forms, and the
yearly website report, each created only when missing (see `portal.demo.loader`)."""

from django.core.files.base import ContentFile
from django.utils import timezone
from modeltranslation.utils import build_localized_fieldname

from cities.models import City
from news.models import Article
from office.models import GuideForm, OfficePage, PageKind, ReportRow, ServiceGuide, WebsiteReport
from office.pdf import clean_pdf
from portal.demo.guide_forms import FORM_NOTE, FORMS
from portal.demo.guides import GUIDES
from portal.demo.office import ABOUT, ACCESSIBILITY
from portal.demo.pdf_forms import application_form
from portal.demo.places import OFFICE
from portal.formatting.i18n import LANGUAGE_CODES

REPORT_YEAR = 2025
REPORT_NOTE = {
    "en": (
        "Demo content: the figures below are this demo site's own, counted from what was "
        "published on it when the demo was loaded. They are not the yearly report of the "
        "Foreign Affairs Office of the People's Government of Shenyang Municipality."
    ),
    "zh-hans": (
        "演示内容：下表数字是本演示站点自身的统计，按载入演示内容时已发布的内容计数，"
        "并非沈阳市人民政府外事办公室发布的政府网站工作年度报表。"
    ),
}


class OfficeLoader:
    """Adds the office's records through `loader.ensure`, so they count as created or kept."""

    def __init__(self, loader):
        self.loader = loader

    def load(self):
        self.loader.ensure(OfficePage, {"kind": PageKind.ABOUT}, ABOUT)
        self.loader.ensure(OfficePage, {"kind": PageKind.ACCESSIBILITY}, ACCESSIBILITY)
        for position, spec in enumerate(GUIDES, start=1):
            self.ensure_guide(spec, position)
        self.ensure_report()

    def ensure_guide(self, spec, position):
        fields = {
            "status": "published",
            "position": position,
            **{k: v for k, v in spec.items() if k != "slug"},
        }
        guide, created = self.loader.ensure(ServiceGuide, {"slug": spec["slug"]}, fields)
        if created:
            form = FORMS[spec["slug"]]
            data = application_form({**form, "note": FORM_NOTE}, OFFICE["name"])
            # Stored as an upload would be: checked and rewritten by the same rules.
            record = GuideForm(guide=guide, file=clean_pdf(ContentFile(data, name="form.pdf")))
            for language, title in form["title"].items():
                setattr(record, build_localized_fieldname("title", language), title)
            record.full_clean()
            record.save()
            self.loader.created.append(record)
        return guide

    def ensure_report(self):
        """The 2025 report, its rows counted from the demo as it stands once loaded."""
        report, created = self.loader.ensure(
            WebsiteReport, {"year": REPORT_YEAR}, {"status": "published", "note": REPORT_NOTE}
        )
        if created:
            for position, (item, value) in enumerate(report_rows(), start=1):
                row = ReportRow(report=report, position=position)
                for language in LANGUAGE_CODES:
                    setattr(row, build_localized_fieldname("item", language), item[language])
                    setattr(row, build_localized_fieldname("value", language), value[language])
                row.full_clean()
                row.save()
                self.loader.created.append(row)
        return report


def _count(number):
    return {language: str(number) for language in LANGUAGE_CODES}


def report_rows():
    """(item, value) pairs, each a text per language: what the demo holds, counted now."""
    now = timezone.now()
    articles = Article.objects.published(now)
    guides = ServiceGuide.objects.published(now)
    return [
        (
            {"zh-hans": "已发布新闻（篇，累计）", "en": "News articles published (all years)"},
            _count(articles.count()),
        ),
        (
            {"zh-hans": "其中2025年发布（篇）", "en": "of which published in 2025"},
            _count(articles.filter(published_at__year=REPORT_YEAR).count()),
        ),
        (
            {"zh-hans": "友好城市介绍（个）", "en": "Partner city profiles published"},
            _count(City.objects.published(now).partners().count()),
        ),
        (
            {"zh-hans": "办事指南（项）", "en": "Service guides published"},
            _count(guides.count()),
        ),
        (
            {"zh-hans": "可下载表格（份）", "en": "Forms to download"},
            _count(GuideForm.objects.filter(guide__in=guides).count()),
        ),
    ]
