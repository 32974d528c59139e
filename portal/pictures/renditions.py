"""Responsive copies of a picture, in WebP with a JPEG fallback.

They are made once, when a picture is saved, and named after the original's
random name and their width, so a page needs no storage call to list them
and each name's content never changes (served with a year-long cache).
"""

import io
import posixpath

from django.core.files.base import ContentFile
from PIL import Image

from portal.pictures.ingest import save_image
from portal.pictures.storage import RENDITIONS_DIR, originals, renditions_storage

WIDTHS = (480, 960, 1600)
# The rendition `src` falls back to: sharp on a laptop, light on a phone.
FALLBACK_WIDTH = 960
FORMATS = {"webp": "WEBP", "jpg": "JPEG"}
QUALITY = 82


def widths_for(original_width):
    """The widths to make: each standard width below the original, and the
    original's own width when it is narrower than the largest."""
    widths = [width for width in WIDTHS if width < original_width]
    if original_width <= WIDTHS[-1]:
        widths.append(original_width)
    return widths


def rendition_name(original_name, width, extension):
    stem = posixpath.splitext(posixpath.basename(original_name))[0]
    return f"{RENDITIONS_DIR}/{stem[:2]}/{stem}-{width}.{extension}"


def make_renditions(image, original_name):
    """Write every rendition of `image` (a decoded PIL image); return their widths."""
    storage = renditions_storage()
    widths = widths_for(image.width)
    for width in sorted(widths, reverse=True):
        height = max(1, round(image.height * width / image.width))
        # Each size is made from the previous, larger one: fewer pixels to read.
        image = image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
        for extension, format in FORMATS.items():
            buffer = io.BytesIO()
            save_image(image, buffer, format, quality=QUALITY)
            name = rendition_name(original_name, width, extension)
            storage.delete(name)  # a re-run replaces, never sits beside, a copy
            storage.save(name, ContentFile(buffer.getvalue()))
    return sorted(widths)


def rendition_names(original_name, widths):
    return [
        rendition_name(original_name, width, extension) for width in widths for extension in FORMATS
    ]


def delete_files(original_name, widths):
    """Remove an original and its renditions (missing ones are no error)."""
    for name in rendition_names(original_name, widths):
        renditions_storage().delete(name)
    originals.delete(original_name)
