"""SHOP_MEDIA_STORAGE and its companions, read from the environment as a
server starts (a fresh Python, as in tests/test_production_settings.py)."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
PRINT_STORAGE = """
import json, django
django.setup()
from django.conf import settings
from django.core.files.storage import default_storage
options = settings.STORAGES["default"].get("OPTIONS", {})
print(json.dumps({
    "backend": settings.STORAGES["default"]["BACKEND"],
    "media_url": settings.MEDIA_URL,
    "url": default_storage.url("images/jar.png"),
    "options": {k: v for k, v in options.items() if k != "client_config"},
    "timeouts": [
        getattr(options.get("client_config"), name, None)
        for name in ("connect_timeout", "read_timeout")
    ],
}))
"""


def storage_for(environment):
    result = subprocess.run(
        [sys.executable, "-c", PRINT_STORAGE],
        cwd=ROOT,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "shop.settings.dev",
            **environment,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_pictures_stay_in_the_local_folder_by_default():
    storage = storage_for({})
    assert storage["backend"] == "django.core.files.storage.FileSystemStorage"
    assert storage["media_url"] == "/media/"


def test_s3_keeps_pictures_in_the_bucket_served_from_the_cdn():
    storage = storage_for(
        {
            "SHOP_MEDIA_STORAGE": "s3",
            "SHOP_S3_BUCKET": "skinome-media",
            "SHOP_MEDIA_URL": "https://media.skinome.no",
            "AWS_SECRET_ACCESS_KEY": "media-secret-key",
        }
    )
    assert storage["backend"] == "storages.backends.s3.S3Storage"
    assert storage["media_url"] == "https://media.skinome.no/"
    assert storage["url"] == "https://media.skinome.no/images/jar.png"
    options = storage["options"]
    assert options["bucket_name"] == "skinome-media"
    assert options["region_name"] == "eu-north-1"
    assert options["endpoint_url"] is None  # AWS itself
    assert options["querystring_auth"] is False
    assert options["file_overwrite"] is False
    assert options["default_acl"] is None
    assert options["object_parameters"] == {
        "CacheControl": "public, max-age=31536000, immutable"
    }
    assert "media-secret-key" not in json.dumps(options)  # boto3 reads it itself
    assert all(storage["timeouts"])


def test_without_a_cdn_pictures_are_served_from_the_bucket_itself():
    at_aws = storage_for({"SHOP_MEDIA_STORAGE": "s3", "SHOP_S3_BUCKET": "pics"})
    assert at_aws["url"] == "https://pics.s3.eu-north-1.amazonaws.com/images/jar.png"
    elsewhere = storage_for(
        {
            "SHOP_MEDIA_STORAGE": "s3",
            "SHOP_S3_BUCKET": "pics",
            "SHOP_S3_ENDPOINT_URL": "https://objects.example.net/",
            "SHOP_S3_REGION": "no-osl-1",
        }
    )
    assert elsewhere["media_url"] == "https://objects.example.net/pics/"
    assert elsewhere["options"]["region_name"] == "no-osl-1"
    assert elsewhere["options"]["endpoint_url"] == "https://objects.example.net/"
