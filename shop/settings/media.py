"""Where uploaded pictures and their renditions are kept, and the public
address they are served from: the local folder (MEDIA_ROOT) by default, or an
S3-compatible bucket through django-storages (SHOP_MEDIA_STORAGE=s3).

Pure functions over settings' strings, so base.py and the tests build the
same storage from the same values.
"""

from urllib.parse import urlsplit

from botocore.config import Config

S3_BACKEND = "storages.backends.s3.S3Storage"
DEFAULT_S3_REGION = "eu-north-1"
# A stored name never gets other content: Django makes each upload's name
# unique, and a rendition's name derives from its original's (it is only ever
# made again from that same original). So browsers and a CDN may keep every
# file for a year without asking again.
CACHE_FOR_A_YEAR = "public, max-age=31536000, immutable"
# A bucket that hangs must not hold a worker (or an admin upload) for long;
# botocore's own default waits a minute to read.
S3_CLIENT_CONFIG = Config(
    connect_timeout=5,
    read_timeout=10,
    retries={"max_attempts": 3, "mode": "standard"},
)


def s3_public_url(*, bucket, endpoint_url="", region="", public_url=""):
    """The base address pictures are served from, ending in "/":
    ``public_url`` (a CDN in front of the bucket) when given, else the
    bucket's own address at the endpoint, or at AWS when there is none."""
    if public_url:
        return public_url.rstrip("/") + "/"
    if endpoint_url:
        return f"{endpoint_url.rstrip('/')}/{bucket}/"
    return f"https://{bucket}.s3.{region or DEFAULT_S3_REGION}.amazonaws.com/"


def s3_storage(*, bucket, public_url, endpoint_url="", region=""):
    """The STORAGES entry for pictures in ``bucket``, served from
    ``public_url`` (see s3_public_url). The keys are not settings: boto3
    reads AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or an instance role)
    itself."""
    public = urlsplit(public_url)
    return {
        "BACKEND": S3_BACKEND,
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": endpoint_url or None,
            "region_name": region or DEFAULT_S3_REGION,
            # Plain public addresses on the CDN's (or bucket's) host: pages
            # name the picture itself rather than a signed link that expires,
            # so a cached page and a CDN keep working.
            "custom_domain": public.netloc + public.path.rstrip("/"),
            "url_protocol": f"{public.scheme}:",
            "querystring_auth": False,
            # Two uploads of "jar.png" both stay: the second gets a new name.
            "file_overwrite": False,
            "object_parameters": {"CacheControl": CACHE_FOR_A_YEAR},
            # Who may read is the bucket policy's business, not each object's.
            "default_acl": None,
            "client_config": S3_CLIENT_CONFIG,
        },
    }
