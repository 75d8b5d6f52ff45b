"""Peak memory of one admin upload of a huge product picture.

    .venv/bin/python -m perf.picture_memory [SIDE]

Uploads a one-colour PNG of SIDE × SIDE px (default 10000: a few hundred kB
on disk, 300 MB once decoded) through the product-image admin form, in this
process, on a throw-away SQLite database, and prints the process's peak RSS
before and after. A refused upload should cost next to nothing.
"""

import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ["DJANGO_SETTINGS_MODULE"] = "shop.settings.test"


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def huge_png(side, folder):
    """Drawn in a child process, so drawing it doesn't count here."""
    path = Path(folder) / f"huge-{side}.png"
    draw = (
        "import sys; from PIL import Image; Image.MAX_IMAGE_PIXELS = None; "
        "Image.new('RGB', (int(sys.argv[1]),) * 2, '#c9b79c').save(sys.argv[2])"
    )
    subprocess.run([sys.executable, "-c", draw, str(side), str(path)], check=True)
    return path.read_bytes()


def main():
    side = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    folder = tempfile.mkdtemp()
    data = huge_png(side, folder)

    import django

    django.setup()
    from django.conf import settings
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    from products.models import ProductImage
    from tests.helpers import make_product

    settings.MEDIA_ROOT = Path(folder) / "media"
    settings.DATABASES["default"]["TEST"].update(MIGRATE=False)
    setup_test_environment()
    connection.creation.create_test_db(verbosity=0)
    product = make_product()
    client = Client()
    client.force_login(
        django.contrib.auth.get_user_model().objects.create_superuser("measure")
    )
    upload = SimpleUploadedFile("huge.png", data, content_type="image/png")
    before = peak_rss_mb()
    response = client.post(
        reverse("admin:catalogue_productimage_add"),
        {
            "product": product.pk,
            "original": upload,
            "alt_text": "A jar",
            "display_order": 0,
        },
    )
    after = peak_rss_mb()
    outcome = "stored" if ProductImage.objects.exists() else "refused"
    print(
        f"{side} × {side} px PNG of {len(data) / 1e6:.2f} MB: {outcome} "
        f"(HTTP {response.status_code}); peak RSS {before:.0f} MB before the "
        f"upload, {after:.0f} MB after (+{after - before:.0f} MB)"
    )


if __name__ == "__main__":
    main()
