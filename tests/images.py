"""Images made with Pillow for the picture tests: good ones and hostile ones."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

RED, BLUE = (220, 20, 20), (20, 20, 220)
ORIENTATION, GPS_IFD, MAKE, MODEL = 0x0112, 0x8825, 0x010F, 0x0110


def encode(image, format="JPEG", **options):
    buffer = io.BytesIO()
    image.save(buffer, format, **options)
    return buffer.getvalue()


def phone_photo(width=2000, height=1200):
    """A JPEG as a phone saves it held upright: pixels sideways, EXIF orientation 6
    (turn 90° clockwise to show), a GPS position, the camera and a comment.
    The left half is red, the right half blue: shown upright, red is on top."""
    image = Image.new("RGB", (width, height), BLUE)
    image.paste(RED, (0, 0, width // 2, height))
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif[MAKE] = "PhoneMaker"
    exif[MODEL] = "Pocket 12"
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (41.0, 48.0, 0.0), 3: "E", 4: (123.0, 25.0, 0.0)})
    return encode(image, exif=exif, comment=b"taken at the secret place")


def upload(content, name="photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def landscape(width=1800, height=1200, format="JPEG"):
    return encode(Image.new("RGB", (width, height), (30, 110, 90)), format)


HOSTILE = {
    "text named .jpg": ("notes.jpg", b"Minutes of the meeting, not a photo.\n" * 20, "image/jpeg"),
    "HTML named .png": (
        "page.png",
        b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>",
        "image/png",
    ),
    "SVG with a script": (
        "logo.svg",
        b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        b"<script>alert(1)</script><rect width='10' height='10'/></svg>",
        "image/svg+xml",
    ),
}


def truncated_jpeg():
    whole = encode(Image.effect_noise((1200, 800), 60).convert("RGB"), quality=95)
    return whole[: len(whole) // 2]


def decompression_bomb(side=10_000):
    """A tiny PNG of 100 megapixels (one colour compresses to almost nothing)."""
    return encode(Image.new("1", (side, side)), "PNG", optimize=False)
