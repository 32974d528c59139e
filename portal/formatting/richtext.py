"""Rich text: what the editor offers is exactly what the sanitiser keeps.

One allowlist of editor extensions drives both the admin's WYSIWYG editor
(django-prose-editor, whose scripts the portal serves itself) and the nh3
sanitiser, applied when a text is saved and again when a page prints it
(`safe_html`), so a pasted script, style or iframe never reaches a page.
"""

import functools
import html

from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django_prose_editor.fields import ProseEditorField, create_sanitizer

# What a news report or a city profile needs, and nothing else. Pages carry
# their own h1, so body headings start at h2.
RICH_TEXT_EXTENSIONS = {
    "Heading": {"levels": [2, 3]},
    "Bold": True,
    "Italic": True,
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
}

sanitize_html = create_sanitizer(RICH_TEXT_EXTENSIONS)


@functools.lru_cache(maxsize=4096)
def safe_html(value):
    """Rich text made safe for a page by the same allowlist, whatever path stored it.

    Saves sanitise too (`RichTextField.pre_save`), but a restore (`loaddata`
    saves raw) or a `QuerySet.update()` skips that; a page never trusts the
    database. Cached per value, so a page pays nh3 once per text, not per view.
    """
    return mark_safe(sanitize_html(value))


def plain_text(value):
    """Rich text as plain text: tags dropped, entities decoded ("&amp;" → "&")."""
    return _plain_text(value or "")


@functools.lru_cache(maxsize=4096)
def _plain_text(value):
    # Cached per value: the back office's lists read the same texts on every view,
    # and Django's `strip_tags` parses each one (the translation queue: 1,000 a page).
    return html.unescape(strip_tags(value))


class RichTextField(ProseEditorField):
    """A text field edited as rich text and sanitised on every save.

    django-prose-editor sanitises in `clean()`, which only forms call;
    `pre_save` covers the shell, imports and data migrations too.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("extensions", RICH_TEXT_EXTENSIONS)
        kwargs.setdefault("sanitize", True)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        value = super().pre_save(model_instance, add)
        if value:
            value = self.sanitize(value)
            # Write past any descriptor: modeltranslation's descriptor on the
            # original field would copy the value into the active language.
            model_instance.__dict__[self.attname] = value
        return value
