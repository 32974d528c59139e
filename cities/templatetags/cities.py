"""City facts as a reader expects them in each language."""

from django import template
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from cities.models.facts import DATE_FIGURES, STAGE_FIGURES, Figure
from cities.models.sources import SourceKind
from portal.formatting import numbers
from portal.formatting.i18n import localized

register = template.Library()


@register.simple_tag
def ordinal_phrase(city, home):
    """ "Shenyang's 22nd sister city" / "沈阳第22个友好城市"; blank without an ordinal."""
    if not city.ordinal or home is None:
        return ""
    return ordinal_words(city.relationship, city.ordinal, localized(home, "name"))


def ordinal_words(relationship, ordinal, home_name):
    """The words of `ordinal_phrase` for a partner's relationship and ordinal, with the
    home city's name (a `LocalizedText`, or its escaped HTML: a name that falls back
    keeps its `lang` mark); blank without an ordinal. The directory calls it with rows."""
    if not ordinal or relationship not in ("sister", "friendly"):
        return ""
    if relationship == "sister":
        phrase = _("%(home)s's %(nth)s sister city")
    else:
        phrase = _("%(home)s's %(nth)s friendly cooperative city")
    values = {"home": conditional_escape(home_name), "nth": numbers.nth(ordinal)}
    return mark_safe(conditional_escape(phrase) % values)


@register.filter
def km2(value):
    return "" if value is None else _("%(area)s km²") % {"area": numbers.grouped(value)}


@register.filter
def density(city):
    value = city.density
    return "" if value is None else _("%(n)s people per km²") % {"n": numbers.grouped(value)}


@register.filter
def celsius(value):
    return "" if value is None else _("%(t)s °C") % {"t": numbers.grouped(value)}


@register.filter
def millimetres(value):
    return "" if value is None else _("%(mm)s mm") % {"mm": numbers.grouped(value)}


@register.filter
def figure_value(fact):
    """A sourced figure's value as the pages print it: "about 600,000" / "约60万",
    "734 km²", "-9 °C", a date as written (the admin lists disagreeing values so)."""
    value = fact.raw_value
    if value is None:
        return ""
    if fact.figure in DATE_FIGURES:
        return fact.when.text()
    if fact.figure == Figure.POPULATION:
        return numbers.population(value, fact.approximate)
    units = {
        Figure.AREA: km2,
        Figure.WINTER_LOW: celsius,
        Figure.SUMMER_HIGH: celsius,
        Figure.PRECIPITATION: millimetres,
        Figure.ORDINAL: numbers.nth,
    }
    return units.get(fact.figure, numbers.grouped)(value)


@register.simple_tag
def cite(provenance, figure):
    """The footnote marker of a figure: links to its numbered sources; blank without."""
    numbers = provenance.marks.get(figure) if provenance else None
    if not numbers:
        return ""
    links = format_html_join(
        pgettext("list separator", ", "),
        '<a href="#source-{0}" aria-label="{1}">{0}</a>',
        ((n, _("Source %(n)s") % {"n": n}) for n in numbers),
    )
    # One group, never broken across lines ("[1, 2, / 3]"), though it may go to the
    # next line as a whole (`<wbr>`: "2021[1" has no break opportunity of its own).
    return format_html('<wbr><sup class="cite nowrap">[{}]</sup>', links)


@register.simple_tag
def as_of(provenance, figure):
    """ "(as of 2020)" / "（2020年）": when the public figure was true, to its precision."""
    when = provenance.as_of.get(figure) if provenance else None
    if not when:
        return ""
    date = format_html('<time datetime="{}">{}</time>', when.machine, when.text())
    phrase = mark_safe(conditional_escape(_("(as of %(date)s)")) % {"date": date})
    return format_html('<span class="meta">{}</span>', phrase)


@register.simple_tag
def stage_cite(provenance, stage):
    return cite(provenance, STAGE_FIGURES[stage.stage])


@register.filter
def documented(stages):
    """The stages with a document on record."""
    return [stage for stage in stages if stage.document]


@register.simple_tag
def comparison(city, home):
    """The rows of a partner's comparison with the home city: `(label, partner's value,
    home city's value, wrap)`, formatted; a row neither city has a value for is left
    out. `wrap` is the CSS class that keeps a value whole: a number with its unit on
    one line, a longer phrase ("5,671 people per km²") with its words whole."""
    rows = [
        (_("Country"), localized(city.country, "name"), localized(home.country, "name"), ""),
    ]
    figures = (
        (_("Population"), lambda c: numbers.population(c.population, c.population_is_approximate)),
        (_("Area"), lambda c: km2(c.area_km2)),
        (_("Density"), density),
        (_("Winter average low"), lambda c: celsius(c.winter_low_c)),
        (_("Summer average high"), lambda c: celsius(c.summer_high_c)),
        (_("Rain per year"), lambda c: millimetres(c.precipitation_mm)),
    )
    rows += [
        (label, value(city), value(home), "keep-words" if value is density else "nowrap")
        for label, value in figures
    ]
    return [row for row in rows if row[1] or row[2]]


@register.simple_tag
def worked_out(provenance, figure):
    """ "15th anniversary in 2025" / "2025年为结好15周年": a date the source gives
    only as an anniversary, printed as the source states it; blank otherwise."""
    found = provenance.worked_out.get(figure) if provenance else None
    if not found:
        return ""
    number, year = found
    return _("%(nth)s anniversary in %(year)s") % {"nth": numbers.nth(number), "year": year}


@register.simple_tag
def stage_worked_out(provenance, stage):
    return worked_out(provenance, STAGE_FIGURES[stage.stage])


@register.simple_tag
def dispute_notes(provenance, home):
    """ "Sources disagree: A calls Karachi Shenyang's 22nd sister city [1]; B calls
    Jinja Shenyang's 22nd sister city [7]." per disputed ordinal, with the note that
    the office has not confirmed this city's place when its claim is not public."""
    if not provenance or home is None:
        return ""
    home_name = localized(home, "name")
    notes = []
    for dispute in provenance.disputes:
        claims = format_html_join(
            pgettext("between sources that disagree", "; "),
            "{}{}",
            (
                (claim_words(claim, dispute, home_name), cite(provenance, claim.key))
                for claim in dispute.claims
            ),
        )
        if dispute.settled:
            words = _("Sources disagree: %(claims)s.")
        else:
            words = _(
                "Sources disagree: %(claims)s. The office has not confirmed this city's place."
            )
        notes.append(mark_safe(conditional_escape(words) % {"claims": claims}))
    return format_html_join("", '<p class="dispute">{}</p>', ((note,) for note in notes))


def claim_words(claim, dispute, home_name):
    first = min(claim.sources, key=lambda source: SourceKind.rank(source.kind))
    publisher = localized(first, "publisher")
    values = {
        "source": conditional_escape(publisher),
        "city": conditional_escape(localized(claim.city, "name")),
        "ordinal": ordinal_words(claim.city.relationship, dispute.ordinal, home_name),
    }
    return mark_safe(conditional_escape(_("%(source)s calls %(city)s %(ordinal)s")) % values)


@register.simple_tag
def home_sources(provenance):
    """ "Population [3] (as of 1 November 2020)": the home city's compared figures
    that a shown source backs, each with its footnote; blank without any."""
    items = []
    for figure in Figure:
        key = f"home-{figure}"
        if not provenance or key not in provenance.marks:
            continue
        values = {"figure": figure.label, "cite": cite(provenance, key)}
        when = as_of(provenance, key)
        if when:
            values["as_of"] = when
            words = _("%(figure)s%(cite)s %(as_of)s")
        else:
            words = "%(figure)s%(cite)s"
        items.append(mark_safe(conditional_escape(words) % values))
    return mark_safe(conditional_escape(pgettext("between a city's figures", ", ")).join(items))
