"""Flood the page cache with random query strings and see what Redis holds.

    python -m perf.cache_flood [--requests 1000] [--maxmemory 16mb]

Runs the shop as production does (perf/server.py) against a Redis of its own
with ``maxmemory`` and the given policy, visits the public pages once, then
sends every request to one of them with a random query string, as a
crawler or an attacker would. Prints the keys and memory Redis holds before
and after, and the answers by status. The database is prepared as for the
benchmark (perf/data.py, demo data only).
"""

import argparse
import os
import random
import re
import secrets
from collections import Counter

import requests

from perf import data, server
from tests.faulty_services import RedisServer

PORT = 8103
FIXED_PAGES = [
    "/",
    "/produkter/",
    "/produkter/rutiner/mikrobiomstyrkende-rutine/",
    "/artikler/",
    "/artikler/huden-under-og-etter-isotretinoin/",
    "/en/",
    "/en/articles/skin-during-and-after-isotretinoin/",
]
# A product and a category, as the all-products page links them.
LINKED = [r'href="(/produkter/kategori/[^"]+/)"', r'href="(/produkter/[a-z-]+_\d+/)"']


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--maxmemory", default="16mb")
    parser.add_argument("--policy", default="noeviction")
    parser.add_argument("--database-url", default=server.DEFAULT_DATABASE_URL)
    return parser.parse_args()


def public_pages(http, base_url):
    listing = http.get(base_url + "/produkter/", timeout=30).text
    return FIXED_PAGES + [re.search(pattern, listing)[1] for pattern in LINKED]


def redis_figures(redis):
    return int(redis.cli("DBSIZE")), redis.info("used_memory_human")


def main():
    options = parse_arguments()
    data.prepare(options.database_url, scale=0)
    redis = RedisServer(
        "--maxmemory", options.maxmemory, "--maxmemory-policy", options.policy
    )
    with redis:
        os.environ["BENCH_REDIS_URL"] = redis.url
        with server.running_shop(
            database_url=options.database_url, port=PORT, workers=2
        ) as base_url:
            http = requests.Session()
            pages = public_pages(http, base_url)
            for path in pages:
                http.get(base_url + path, timeout=30).raise_for_status()
            keys, memory = redis_figures(redis)
            print(f"after one visit to {len(pages)} pages: {keys} keys, {memory}")

            statuses = Counter()
            for _ in range(options.requests):
                noise = secrets.token_hex(8)
                path = random.choice(pages)
                answer = http.get(f"{base_url}{path}?{noise}={noise}", timeout=30)
                statuses[answer.status_code] += 1
            keys, memory = redis_figures(redis)
            print(
                f"after {options.requests} random query strings: {keys} keys, "
                f"{memory}; answers {dict(statuses)}"
            )
            after = Counter(
                http.get(base_url + path, timeout=30).status_code for path in pages
            )
            print(f"the pages themselves now answer {dict(after)}")


if __name__ == "__main__":
    main()
