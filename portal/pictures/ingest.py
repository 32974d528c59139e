"""Verify an uploaded image by decoding it, then store a clean copy.

The checks run in the order that keeps a hostile file cheapest to refuse:
bytes first, then the header (format and pixel count, before any pixel is
decoded), then a full decode. What is stored is re-encoded from the decoded
pixels, so no metadata block (EXIF with GPS, XMP, comments) survives.
"""

import io
import uuid
import warnings
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

MAX_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 50_000_000

# Pillow format name → stored file extension. Nothing else is accepted. MPO is
# a JPEG with further pictures appended (many cameras write one): its first
# picture is the photo, and it is stored as a plain JPEG.
FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "MPO": "jpg"}
STORED_FORMAT = {"MPO": "JPEG"}
DECODERS = ["JPEG", "PNG", "WEBP"]  # Pillow's JPEG decoder opens MPO files too

NOT_AN_IMAGE = _(
    "This file is not a JPEG, PNG or WebP image. Upload a photo in one of those formats."
)
TOO_LARGE = _("The file is %(size)s MB; the limit is %(limit)s MB.")
TOO_MANY_PIXELS = _(
    "The image is %(width)s × %(height)s pixels; the limit is %(limit)s megapixels."
)
DAMAGED = _("The image is damaged or incomplete; export it again and upload the new file.")
ANIMATED = _("Animated images are not accepted; upload a still photo.")


@dataclass
class CleanImage:
    """A verified upload: upright pixels without metadata, ready to store."""

    image: Image.Image
    format: str

    @property
    def width(self):
        return self.image.width

    @property
    def height(self):
        return self.image.height

    def encode(self):
        """The stored original, re-encoded in its own format under a random name."""
        buffer = io.BytesIO()
        save_image(self.image, buffer, self.format, quality=92, progressive=False)
        return ContentFile(buffer.getvalue(), name=f"{uuid.uuid4().hex}.{FORMATS[self.format]}")


def save_image(image, stream, format, quality, progressive=True):
    """Encode `image` with no metadata: Pillow writes only what it is given.

    A progressive, optimised JPEG is smaller but libjpeg holds all of its
    coefficients in memory: right for renditions, not for a 50 MP original.
    """
    if format == "JPEG":
        if image.mode != "RGB":
            image = flatten(image)
        image.save(stream, "JPEG", quality=quality, optimize=progressive, progressive=progressive)
    elif format == "WEBP":
        image.save(stream, "WEBP", quality=quality - 10, method=4)
    else:
        image.save(stream, "PNG", optimize=True)


def flatten(image):
    """RGB on white, for formats without transparency."""
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        image = image.convert("RGBA")
        background = Image.new("RGB", image.size, "white")
        background.paste(image, mask=image.getchannel("A"))
        return background
    return image.convert("RGB")


def ingest(upload):
    """The verified, upright, metadata-free image of `upload`, or ValidationError."""
    size = getattr(upload, "size", None)
    if size is not None and size > MAX_BYTES:
        raise ValidationError(
            TOO_LARGE,
            code="too_large",
            params={"size": f"{size / 1024 / 1024:.1f}", "limit": MAX_BYTES // 1024 // 1024},
        )
    upload.seek(0)
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ValidationError(
            TOO_LARGE, code="too_large", params={"size": "> 20", "limit": MAX_BYTES // 1024 // 1024}
        )
    with warnings.catch_warnings():
        # Our own pixel limit is lower than Pillow's bomb warning; a file past
        # Pillow's hard limit raises DecompressionBombError, refused below.
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        opened = _open(data)
        _check_header(opened)
        format = STORED_FORMAT.get(opened.format, opened.format)
        return CleanImage(image=_decode(opened), format=format)


def _open(data):
    """Read the header only, and only with the three decoders we accept."""
    try:
        return Image.open(io.BytesIO(data), formats=DECODERS)
    except Image.DecompressionBombError:
        raise ValidationError(_bomb_message(), code="too_many_pixels") from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        raise ValidationError(NOT_AN_IMAGE, code="not_an_image") from None


def _bomb_message():
    return TOO_MANY_PIXELS % {"width": "?", "height": "?", "limit": MAX_PIXELS // 1_000_000}


def _check_header(image):
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise ValidationError(
            TOO_MANY_PIXELS,
            code="too_many_pixels",
            params={"width": width, "height": height, "limit": MAX_PIXELS // 1_000_000},
        )
    if image.format != "MPO" and getattr(image, "n_frames", 1) > 1:
        raise ValidationError(ANIMATED, code="animated")


def _decode(image):
    """Decode every pixel, turn it upright, bring it to sRGB; drop the rest."""
    try:
        image.load()
        upright = ImageOps.exif_transpose(image)
    except Image.DecompressionBombError:
        raise ValidationError(_bomb_message(), code="too_many_pixels") from None
    except (OSError, ValueError, SyntaxError, EOFError):
        raise ValidationError(DAMAGED, code="damaged") from None
    upright = _to_srgb(upright, image.info.get("icc_profile"))
    if upright.mode not in ("RGB", "RGBA", "L", "LA"):
        has_alpha = upright.mode in ("PA", "P") and "transparency" in upright.info
        upright = upright.convert("RGBA" if has_alpha else "RGB")
    # `upright` is our own copy; without its info the encoders write pixels
    # only: no EXIF, XMP, ICC profile or comments.
    upright.info = {}
    return upright


SRGB = ImageCms.createProfile("sRGB")


def _to_srgb(image, icc_profile):
    """Convert colours from an embedded profile (a phone's Display P3) to sRGB."""
    if not icc_profile or image.mode not in ("RGB", "RGBA"):
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc_profile))
        return ImageCms.profileToProfile(image, source, SRGB, outputMode=image.mode)
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image  # a broken profile: keep the pixels as they are
