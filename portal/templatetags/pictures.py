"""`{% picture %}`: a picture's renditions as a responsive, non-shifting <picture>."""

from django import template
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from portal.formatting.i18n import localized_value

register = template.Library()

# The lead image of an article page, a city's cover: the page's width up to
# the text column; a card: a column of the grid.
SIZES = {
    "lead": "(min-width: 64rem) 60rem, 100vw",
    "card": "(min-width: 64rem) 20rem, (min-width: 40rem) 45vw, 100vw",
    "gallery": "(min-width: 64rem) 30rem, (min-width: 40rem) 50vw, 100vw",
}


@register.simple_tag
def picture(image, sizes="lead", above_fold=False):
    """<picture> with a WebP `srcset`, a JPEG fallback, width and height.

    Below the fold (the default) it loads lazily; `above_fold` loads it first.
    """
    if not image or not image.rendition_widths:
        return ""
    alt, _language = localized_value(image, "alt")
    sizes = SIZES.get(sizes, sizes)
    loading = 'fetchpriority="high"' if above_fold else 'loading="lazy"'
    return format_html(
        '<picture><source type="image/webp" srcset="{}" sizes="{}">'
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}" '
        'decoding="async" {}></picture>',
        image.srcset("webp"),
        sizes,
        image.rendition_url(image.fallback_width, "jpg"),
        image.srcset("jpg"),
        sizes,
        image.largest_width,
        image.largest_height,
        alt,
        mark_safe(loading),  # one of two constants above
    )


@register.simple_tag(takes_context=True)
def og_image(context, image=None):
    """The absolute address of a page's Open Graph image: its picture's large JPEG,
    or the portal's own image."""
    request = context["request"]
    if image and image.rendition_widths:
        url = image.rendition_url(image.largest_width, "jpg")
    else:
        url = static("portal/og-default.png")
    return request.build_absolute_uri(url)


@register.simple_tag
def mark_image(image, label, height=48):
    """A small official mark (an office's uploaded badge) at `height` CSS pixels, its
    smallest rendition, with `label` as its text: it names the link it sits in."""
    if not image or not image.rendition_widths:
        return ""
    width = image.rendition_widths[0]
    return format_html(
        '<img class="mark" src="{}" width="{}" height="{}" alt="{}">',
        image.rendition_url(width, "jpg"),
        round(image.width * height / image.height),
        height,
        label,
    )
