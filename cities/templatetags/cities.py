"""City facts as a reader expects them in each language."""

from django import template
from django.utils.translation import gettext as _

from portal.formatting import numbers

register = template.Library()


@register.simple_tag
def ordinal_phrase(city, home):
    """ "Shenyang's 22nd sister city" / "沈阳第22个友好城市"; blank without an ordinal."""
    if not city.ordinal or home is None:
        return ""
    values = {"home": home.name, "nth": numbers.nth(city.ordinal)}
    if city.relationship == "sister":
        return _("%(home)s's %(nth)s sister city") % values
    return _("%(home)s's %(nth)s friendly cooperative city") % values


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
