"""One local cluster (perf/cluster/) for the whole package, on ports and a
database of its own, so a `make cluster` running beside it is left alone.

The tests talk HTTP to it and read its database straight from PostgreSQL;
none asks for pytest-django's test database. They run only when selected
(`-m cluster`, `make test-cluster`): starting the cluster takes a minute.
"""

import re
import time

import psycopg
import pytest
import requests
from django.urls import reverse
from django.utils import translation

from perf.bench import shop_for_clients
from perf.cluster import Ports, running_cluster
from tests.smtp_recorder import recording_mail_server

PORTS = Ports(
    haproxy=18080, app1=18081, app2=18082, pgbouncer=16432, redis=16390, s3=19000
)
DATABASE = "shop_cluster_test"
# From starting the servers to /readyz answering through HAProxy.
READY_SECONDS = 90
ADD_FORM = re.compile(r'action="(/en/basket/add/\d+/)"')
PRODUCT_LINK = re.compile(r'href="(/en/catalogue/[\w-]+_\d+/)"')


def pytest_collection_modifyitems(config, items):
    """Left out unless the run selects the marker."""
    if "cluster" in (config.option.markexpr or ""):
        return
    chosen = [item for item in items if not item.get_closest_marker("cluster")]
    if len(chosen) != len(items):
        config.hook.pytest_deselected(
            items=[item for item in items if item.get_closest_marker("cluster")]
        )
        items[:] = chosen


@pytest.fixture(scope="session")
def mail_server():
    """Where the cluster's worker sends e-mail, recording each one."""
    with recording_mail_server() as recorder:
        yield recorder


@pytest.fixture(scope="session")
def cluster_log(tmp_path_factory):
    """Every part's lines, prefixed with its name ("worker| ...")."""
    path = tmp_path_factory.mktemp("cluster") / "cluster.log"
    print(f"\ncluster output: {path}")
    return path


@pytest.fixture(scope="session")
def cluster(cluster_log, mail_server):
    with (
        cluster_log.open("w") as output,
        running_cluster(
            ports=PORTS,
            database=DATABASE,
            fresh_database=True,
            output=output,
            ready_seconds=READY_SECONDS,
            environment={"EMAIL_URL": mail_server.url},
        ) as running,
    ):
        yield running


@pytest.fixture(scope="session")
def catalogue(cluster):
    """Addresses the demo shop's English catalogue page links to."""
    # Session-wide, so before the suite's `english` fixture applies.
    with translation.override("en"):
        index = reverse("catalogue:index")
    page = requests.get(cluster.url + index, timeout=10).text
    found = {
        "add_to_basket": sorted(set(ADD_FORM.findall(page))),
        "products": sorted(set(PRODUCT_LINK.findall(page))),
    }
    assert all(found.values()), found
    return found


def shop_at(base_url, catalogue):
    """perf/checkout_load.py's view of the shop, at one server's address."""
    return shop_for_clients(base_url, catalogue["add_to_basket"])


@pytest.fixture
def database(cluster):
    """The cluster's database, straight (not through pgbouncer)."""
    with psycopg.connect(cluster.database_url, autocommit=True) as connection:
        yield connection


def wait_for(condition, *, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return time.monotonic()
        time.sleep(0.1)
    raise AssertionError(f"{what} not within {seconds} s")
