"""Work one part of the cluster starts and another finishes: a picture
uploaded through one app server is shown by the other, in the sizes the
worker made; orders taken while the worker is stopped have their e-mails
sent once it is back, each exactly once, under the order's request id."""

import re
import secrets
from collections import Counter

import pytest
import requests
from django.urls import reverse

from perf.checkout_load import Customer, walk_to_review
from tests.cluster.conftest import shop_at, wait_for
from tests.helpers import png_bytes

pytestmark = pytest.mark.cluster

ORDERS_WHILE_STOPPED = 4
# The worker takes the queued tasks at once; the sweep runs every 30 s.
SEND_SECONDS = 60
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
PICTURE_SOURCES = re.compile(r'(?:src|srcset)="([^"]+)"')


def signed_in_staff(cluster, base_url):
    """A content editor, made with manage.py, signed in to one app server's
    admin: the cluster runs production's settings, with no demo staff."""
    password = secrets.token_urlsafe(16)
    cluster.manage(
        "shell",
        "-c",
        "from django.contrib.auth import get_user_model\n"
        "from django.contrib.auth.models import Group\n"
        "from shop.security import staff\n"
        "staff.ensure_groups()\n"
        "user, _ = get_user_model().objects.get_or_create("
        "username='cluster-editor', defaults={'is_staff': True})\n"
        f"user.set_password({password!r})\n"
        "user.save()\n"
        "user.groups.add(Group.objects.get(name=staff.CONTENT_EDITORS))\n",
    )
    session = requests.Session()
    login = base_url + reverse("admin:login")
    post_form(
        session,
        login,
        {"username": "cluster-editor", "password": password, "next": "/admin/"},
    )
    return session


def post_form(session, url, data, files=None):
    """GET the form for its CSRF token, then POST it; the answer must be
    the redirect a saved form gives."""
    token = CSRF_FIELD.search(session.get(url, timeout=10).text).group(1)
    response = session.post(
        url,
        data={**data, "csrfmiddlewaretoken": token},
        files=files,
        allow_redirects=False,
        timeout=30,
    )
    assert response.status_code == 302, response.text[-3000:]
    return response


def media_urls(page, cluster):
    """The bucket's addresses a page shows pictures from."""
    bucket = cluster.environment["SHOP_MEDIA_URL"]
    found = set()
    for value in PICTURE_SOURCES.findall(page):
        for candidate in value.split(","):
            url = candidate.strip().split(" ")[0]
            if url.startswith(bucket):
                found.add(url)
    return found


def test_a_picture_uploaded_through_one_app_server_is_shown_by_the_other(
    cluster, catalogue, database
):
    product_path = catalogue["products"][0]
    product_pk = int(product_path.rstrip("/").rpartition("_")[2])
    editor = signed_in_staff(cluster, cluster.app_urls["app1"])
    name = f"cluster-{secrets.token_hex(4)}.png"

    post_form(
        editor,
        cluster.app_urls["app1"] + reverse("admin:catalogue_productimage_add"),
        {
            "product": product_pk,
            "alt_text_nb": "En krukke i solen",
            "alt_text_en": "A jar in the sun",
            "caption": "",
            "display_order": 9,
        },
        files={"original": (name, png_bytes(1000, 1000), "image/png")},
    )
    page = requests.get(cluster.app_urls["app2"] + product_path, timeout=10).text

    renditions = {url for url in media_urls(page, cluster) if name[:-4] in url}
    assert len(renditions) >= 2 and all(url.endswith(".webp") for url in renditions)
    (original,) = database.execute(
        "SELECT original FROM catalogue_productimage WHERE original LIKE %s",
        [f"%/{name}"],
    ).fetchone()
    bucket = cluster.environment["SHOP_MEDIA_URL"]
    kept = requests.get(f"{bucket}/{original}", timeout=10)
    assert kept.content == png_bytes(1000, 1000)
    # The worker, not the upload's request, makes the smaller sizes.
    # (GET, not HEAD: the S3 stand-in's bucket policy admits only GET.)
    wait_for(
        lambda: all(
            requests.get(url, timeout=5).status_code == 200 for url in renditions
        ),
        seconds=SEND_SECONDS,
        what="every size of the picture in the bucket",
    )
    assert all(
        requests.get(url, timeout=5).content.startswith(b"RIFF")  # WebP
        for url in renditions
    )


def place_order(shop, catalogue, email):
    """A guest's invoice order through HAProxy; the id HAProxy gave the
    request that placed it."""
    customer = Customer(shop)
    walk_to_review(customer, catalogue["add_to_basket"][0], email, "invoice")
    response = customer.session.post(
        shop.url(shop.preview),
        data={"action": "place_order", "accept_terms": "on"},
        allow_redirects=False,
        timeout=30,
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith(shop.thank_you)
    return response.headers["X-Request-ID"]


def outbox_rows(database, request_ids):
    return database.execute(
        "SELECT id, sent_at FROM outbox_outgoingemail WHERE request_id = ANY(%s)",
        [list(request_ids)],
    ).fetchall()


def test_orders_taken_while_the_worker_is_stopped_get_each_e_mail_once(
    cluster, catalogue, database, mail_server, cluster_log
):
    shop = shop_at(cluster.url, catalogue)
    cluster.stop("worker")
    try:
        request_ids = [
            place_order(shop, catalogue, f"worker-stopped-{number}@example.no")
            for number in range(ORDERS_WHILE_STOPPED)
        ]
        waiting = outbox_rows(database, request_ids)
        assert len(waiting) >= ORDERS_WHILE_STOPPED  # a confirmation each, at least
        assert all(sent_at is None for _, sent_at in waiting)
    finally:
        cluster.start("worker")

    wait_for(
        lambda: all(sent_at for _, sent_at in outbox_rows(database, request_ids)),
        seconds=SEND_SECONDS,
        what="every e-mail of the orders sent",
    )
    pks = {pk for pk, _ in waiting}
    accepted = Counter(
        int(found.group(1))
        for message_id in mail_server.accepted
        if (found := re.match(r"<outbox\.(\d+)\.", message_id))
        and int(found.group(1)) in pks
    )
    assert accepted == Counter(pks)  # each e-mail exactly once

    # One id for one order: on the app server that took it, in its e-mail
    # row, and on the worker that sent the e-mail.
    log = cluster_log.read_text()
    for request_id in request_ids:
        lines = [line for line in log.splitlines() if f"[{request_id}]" in line]
        assert any(
            line.lstrip().startswith(("app1|", "app2|")) and "shop.requests" in line
            for line in lines
        ), request_id
        assert any(
            line.lstrip().startswith("worker|") and "sent" in line for line in lines
        ), request_id
