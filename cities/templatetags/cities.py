"""City facts as a reader expects them in each language."""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from portal.formatting import numbers
from portal.formatting.i18n import localized

register = template.Library()


@register.simple_tag
def ordinal_phrase(city, home):
    """ "Shenyang's 22nd sister city" / "沈阳第22个友好城市"; blank without an ordinal."""
    if not city.ordinal or home is None:
        return ""
    if city.relationship == "sister":
        phrase = _("%(home)s's %(nth)s sister city")
    else:
        phrase = _("%(home)s's %(nth)s friendly cooperative city")
    # The home city's name keeps its `lang` mark when it falls back.
    values = {"home": conditional_escape(localized(home, "name")), "nth": numbers.nth(city.ordinal)}
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
