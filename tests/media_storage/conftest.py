"""A local S3 stand-in (moto's server mode, spoken to over real HTTP) and a
switch that puts the shop's pictures in a bucket there, built by the same
function as production's setting (shop/settings/media.py)."""

import json
import logging
import uuid

import boto3
import pytest
from moto.server import ThreadedMotoServer

from shop.settings.media import DEFAULT_S3_REGION, s3_public_url, s3_storage

# Any keys do for the stand-in; boto3 reads them from the environment, as in
# production.
FAKE_KEYS = {
    "AWS_ACCESS_KEY_ID": "test-key-id",
    "AWS_SECRET_ACCESS_KEY": "test-secret-key",
}


@pytest.fixture(scope="session")
def s3_endpoint():
    """The address of a moto server on a free port, for the whole run."""
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # a line per request
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    with pytest.MonkeyPatch.context() as environment:
        for name, value in FAKE_KEYS.items():
            environment.setenv(name, value)
        yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def s3_bucket(s3_endpoint):
    """A new, empty bucket of the stand-in's for each test."""
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name=DEFAULT_S3_REGION)
    name = f"media-{uuid.uuid4().hex[:12]}"
    client.create_bucket(
        Bucket=name,
        CreateBucketConfiguration={"LocationConstraint": DEFAULT_S3_REGION},
    )
    client.put_bucket_policy(Bucket=name, Policy=json.dumps(public_read(name)))
    return Bucket(client, name)


def public_read(bucket):
    """The policy docs/operations.md gives the bucket: anyone may read its
    objects (pictures on public pages), nobody may list or write them."""
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "PublicReadOfPictures",
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": f"arn:aws:s3:::{bucket}/*",
            }
        ],
    }


class Bucket:
    """What a test reads back from the stand-in, straight through boto3."""

    def __init__(self, client, name):
        self.client, self.name = client, name

    def keys(self):
        listing = self.client.list_objects_v2(Bucket=self.name)
        return {item["Key"] for item in listing.get("Contents", [])}

    def head(self, key):
        return self.client.head_object(Bucket=self.name, Key=key)

    def read(self, key):
        return self.client.get_object(Bucket=self.name, Key=key)["Body"].read()


@pytest.fixture
def media_in_bucket(settings, s3_endpoint, s3_bucket):
    """Pictures stored in, and served from, the test's bucket, as with
    SHOP_MEDIA_STORAGE=s3 and a blank SHOP_MEDIA_URL (the bucket's own
    address). Changing STORAGES makes Django forget the storage it made
    (django.test.signals.storages_changed); so does restoring it."""
    bucket = {"bucket": s3_bucket.name, "endpoint_url": s3_endpoint}
    settings.MEDIA_URL = s3_public_url(**bucket)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": s3_storage(**bucket, public_url=settings.MEDIA_URL),
    }
    settings.SHOP_MEDIA_STORAGE = "s3"
    return s3_bucket
