"""Time and peak memory of ingesting one large photo, as an upload would be.

The photo is made first (a 24-megapixel JPEG with noise, so it compresses
like a real one), then a fresh process ingests it, so that the memory figure
is the pipeline's own and not the making of the test photo.
"""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand
from PIL import Image, ImageFilter

from portal.pictures.ingest import ingest
from portal.pictures.renditions import make_renditions


def make_photo(path, width, height):
    """A JPEG with fine detail and an EXIF rotation, like a phone's."""
    channels = [Image.effect_noise((width, height), sigma) for sigma in (40, 55, 70)]
    image = Image.merge("RGB", channels).filter(ImageFilter.GaussianBlur(1))
    exif = Image.Exif()
    exif[0x0112] = 6
    image.save(path, "JPEG", quality=90, exif=exif)


def reset_peak_rss():
    """Start the high-water mark afresh (Linux): a child process otherwise
    reports its parent's peak, inherited through fork."""
    Path("/proc/self/clear_refs").write_text("5")


def rss_mb(field):
    """VmRSS (now) or VmHWM (peak) of this process, in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    raise LookupError(field)


class Command(BaseCommand):
    help = "Print the time and peak memory of ingesting a 24-megapixel photo."

    def add_arguments(self, parser):
        parser.add_argument("--width", type=int, default=6000)
        parser.add_argument("--height", type=int, default=4000)
        parser.add_argument("--measure", metavar="PATH", help="(internal) ingest this file")

    def handle(self, *args, width, height, measure=None, **options):
        if measure:
            return self.measure(Path(measure))
        with tempfile.TemporaryDirectory() as folder:
            photo = Path(folder) / "photo.jpg"
            make_photo(photo, width, height)
            megabytes = photo.stat().st_size / 1024 / 1024
            self.stdout.write(
                f"Photo: {width} × {height} px ({width * height / 1e6:.0f} MP), "
                f"JPEG {megabytes:.1f} MB, EXIF orientation 6"
            )
            env = {**os.environ, "MEDIA_ROOT": folder, "ORIGINALS_ROOT": folder}
            command = [sys.executable, "manage.py", "benchpictures", "--measure", str(photo)]
            result = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
            self.stdout.write(result.stdout)

    def measure(self, path):
        upload = SimpleUploadedFile(path.name, path.read_bytes(), "image/jpeg")
        reset_peak_rss()
        baseline = rss_mb("VmRSS")
        started = time.perf_counter()
        clean = ingest(upload)
        verified = time.perf_counter()
        original = clean.encode()
        encoded = time.perf_counter()
        widths = make_renditions(clean.image, f"originals/{original.name[:2]}/{original.name}")
        done = time.perf_counter()
        self.stdout.write(
            f"Verify, decode, turn upright, strip: {(verified - started) * 1000:.0f} ms\n"
            f"Re-encode the original:             {(encoded - verified) * 1000:.0f} ms\n"
            f"Renditions {widths} × WebP+JPEG: {(done - encoded) * 1000:.0f} ms\n"
            f"Total:                              {(done - started) * 1000:.0f} ms\n"
            f"Peak memory: {rss_mb('VmHWM'):.0f} MB resident, "
            f"{rss_mb('VmHWM') - baseline:.0f} MB above the {baseline:.0f} MB before ingest"
        )
