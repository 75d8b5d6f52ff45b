"""Lighthouse audit of the shop's main pages, as a phone on a slow network sees them.

Owns: running Lighthouse 12 (pinned in perf/package.json, installed into
perf/node_modules) against the production-like shop from perf/server.py,
printing per page the four category scores, LCP/TBT/CLS, bytes by resource
type and every failing accessibility (axe-core), best-practices and SEO audit,
and writing the same to perf/results/audit.json. It measures and does not
judge: low scores still exit 0; only a Lighthouse that could not run fails.

    python -m perf.audit [--short] [--base-url URL] [--database-url URL]
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import urllib.request
from contextlib import nullcontext
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

HERE = Path(__file__).resolve().parent
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
CHROME = "/usr/bin/chromium"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
RESOURCE_TYPES = ["document", "script", "stylesheet", "image", "font", "other"]
# Pages by name, in Bokmål and (-en) English: a fixed path, or the text of a
# link on that language's home page (ids in category and product URLs differ
# between databases).
PAGES = {
    "home": "/",
    "category": "link:Ansiktskremer",
    "product": "link:Intense Emulsion",
    "routine": "/produkter/rutiner/mikrobiomstyrkende-rutine/",
    "articles": "/artikler/",
    "guide": "/artikler/huden-under-og-etter-isotretinoin/",
    "home-en": "/en/",
    "category-en": "link:Face creams",
    "product-en": "link:Intense Emulsion",
    "routine-en": "/en/catalogue/routines/microbiome-strengthening-routine/",
    "articles-en": "/en/articles/",
    "guide-en": "/en/articles/skin-during-and-after-isotretinoin/",
}
SHORT = ["home", "guide-en"]


class LinkParser(HTMLParser):
    """Collects (link text, href) for every <a>, text of nested tags included."""

    def __init__(self):
        super().__init__()
        self.links, self._open = [], []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._open.append([dict(attrs).get("href") or "", ""])

    def handle_data(self, data):
        for link in self._open:
            link[1] += data

    def handle_endtag(self, tag):
        if tag == "a" and self._open:
            href, text = self._open.pop()
            self.links.append((" ".join(text.split()), href))


def home_links(base_url, home):
    with urllib.request.urlopen(base_url + home, timeout=30) as response:
        parser = LinkParser()
        parser.feed(response.read().decode())
    return parser.links


def resolve_pages(base_url, names):
    links = {home: home_links(base_url, home) for home in ("/", "/en/")}
    urls = {}
    for name in names:
        target = PAGES[name]
        if target.startswith("link:"):
            home = "/en/" if name.endswith("-en") else "/"
            hrefs = [h for text, h in links[home] if text == target[5:] and h]
            urls[name] = urljoin(base_url + "/", hrefs[0]) if hrefs else None
        else:
            urls[name] = base_url + target
    return urls


def ensure_lighthouse():
    if not LIGHTHOUSE.exists():
        command = ["npm", "ci", "--no-audit", "--no-fund"]
        print(f"Lighthouse is not installed; running `{' '.join(command)}` in {HERE}")
        subprocess.run(command, cwd=HERE, check=True)


def run_lighthouse(url, out_dir):
    """One mobile run (Lighthouse's default form factor and simulated throttling)."""
    output = Path(out_dir) / "report.json"
    command = [
        str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={output}",
        f"--only-categories={','.join(CATEGORIES)}",
        # Root in a container: Chromium's sandbox cannot start, and there is no GPU.
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
    ]  # fmt: skip
    env = {**os.environ, "CHROME_PATH": CHROME}
    # A second try: trace recording now and then fails (NO_NAVSTART), and
    # Lighthouse's own advice is to run it again.
    for attempt in (1, 2):
        output.unlink(missing_ok=True)
        done = subprocess.run(command, env=env, capture_output=True, text=True)
        if not output.exists():
            error = f"lighthouse exited {done.returncode}: {done.stderr[-800:]}"
        else:
            lhr = json.loads(output.read_text())
            # Lighthouse writes a report even when the page failed (NO_FCP, 500).
            if not lhr.get("runtimeError"):
                return lhr
            error = lhr["runtimeError"].get("message", "runtime error")
        if attempt == 1:
            print(f"   (retrying {url}: {' '.join(error.split())[-200:]})")
    raise RuntimeError(error)


def failing(lhr, category):
    """Audits of a category that were judged and did not pass."""
    for ref in lhr["categories"][category]["auditRefs"]:
        audit = lhr["audits"][ref["id"]]
        if audit["scoreDisplayMode"] in ("informative", "notApplicable", "manual"):
            continue
        if audit.get("score") is None or audit["score"] < 1:
            yield audit


def reason(audit):
    """One line on why an audit failed: its own summary, else its first item."""
    for key in ("errorMessage", "explanation", "displayValue"):
        if audit.get(key):
            return audit[key]
    for item in audit.get("details", {}).get("items", [])[:1]:
        node = item.get("node", {})
        text = item.get("description") or item.get("source") or item.get("url")
        return str(text or node.get("selector") or node.get("snippet") or item)[:160]
    # Nothing specific: the first sentence of what the audit checks.
    return audit.get("description", "").split(". ")[0]


def score(value):
    """Lighthouse scores are 0..1, or null when a category could not be scored."""
    return None if value is None else round(value * 100)


def summarise(lhr):
    """The numbers this tool reports, from one Lighthouse result (LHR)."""
    audits = lhr["audits"]
    items = audits["resource-summary"]["details"]["items"]
    sizes = {i["resourceType"]: i.get("transferSize", 0) for i in items}
    transfer = {kind: sizes.get(kind, 0) for kind in [*RESOURCE_TYPES, "total"]}
    transfer["total without images"] = transfer["total"] - transfer["image"]
    return {
        "url": lhr.get("finalDisplayedUrl") or lhr.get("requestedUrl"),
        "scores": {c: score(lhr["categories"][c]["score"]) for c in CATEGORIES},
        "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
        "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
        "transfer_bytes": transfer,
        "axe_violations": [
            {
                "id": a["id"],
                "title": a["title"],
                "selectors": [
                    i["node"]["selector"]
                    for i in a.get("details", {}).get("items", [])[:5]
                    if "node" in i
                ],
            }
            for a in failing(lhr, "accessibility")
        ],
        "failing": {
            c: [
                {"id": a["id"], "title": a["title"], "reason": reason(a)}
                for a in failing(lhr, c)
            ]
            for c in ("best-practices", "seo")
        },
    }


def print_page(name, page):
    print(f"\n== {name}: {page['url']}")
    print("   " + "  ".join(f"{c} {s}" for c, s in page["scores"].items()))
    print(f"   LCP {page['lcp_ms']} ms  TBT {page['tbt_ms']} ms  CLS {page['cls']}")
    kib = "  ".join(f"{k} {v / 1024:.1f}" for k, v in page["transfer_bytes"].items())
    print(f"   transferred KiB: {kib}")
    if page["axe_violations"]:
        print("   axe-core violations:")
    for rule in page["axe_violations"]:
        print(f"     {rule['id']}: {rule['title']}")
        for selector in rule["selectors"]:
            print(f"       - {selector}")
    for category, audits in page["failing"].items():
        for a in audits:
            print(f"   {category} fails {a['id']}: {a['title']} — {a['reason']}")


def audit(base_url, names):
    urls = resolve_pages(base_url, names)
    pages, version = {}, None
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as out_dir:
        for name, url in urls.items():  # one after another: parallel runs skew timings
            try:
                if url is None:
                    raise RuntimeError(f"no link for {PAGES[name]!r} on the home page")
                lhr = run_lighthouse(url, out_dir)
                pages[name] = summarise(lhr)
                version = lhr["lighthouseVersion"]
                print_page(name, pages[name])
            except (RuntimeError, KeyError, ValueError) as error:
                pages[name] = {"url": url, "error": str(error)}
                print(f"\n== {name}: {url}\n   Lighthouse failed: {error}")
    return pages, version


def print_table(pages):
    print("\n" + f"{'page':<12}" + "".join(f"{c:>16}" for c in CATEGORIES))
    for name, page in pages.items():
        scores = page.get("scores") or dict.fromkeys(CATEGORIES, "-")
        print(f"{name:<12}" + "".join(f"{str(scores[c]):>16}" for c in CATEGORIES))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--short", action="store_true", help="the Bokmål home and English guide only"
    )
    parser.add_argument("--base-url", help="audit a shop already running here")
    parser.add_argument(
        "--database-url", help="PostgreSQL for the shop it starts (default shop_audit)"
    )
    args = parser.parse_args(argv)
    names = SHORT if args.short else list(PAGES)

    if args.base_url:
        shop = nullcontext(args.base_url.rstrip("/"))
    else:
        # Imported here so that --base-url needs neither psycopg nor PostgreSQL.
        from perf import data, server

        # Not the bench's database: perf/bench.py fills that with 10,000 extra
        # products, which push the demo products off the home page.
        default = server.DEFAULT_DATABASE_URL.rsplit("/", 1)[0] + "/shop_audit"
        database_url = args.database_url or default
        data.prepare(database_url, scale=0)
        shop = server.running_shop(database_url=database_url, port=8101)
    ensure_lighthouse()
    with shop as base_url:
        pages, version = audit(base_url, names)
    print_table(pages)

    chromium = subprocess.run([CHROME, "--version"], capture_output=True, text=True)
    results = HERE / "results" / "audit.json"
    results.parent.mkdir(exist_ok=True)
    report = {
        "lighthouse": version,
        "chromium": chromium.stdout.strip(),
        "timestamp": datetime.now(UTC).isoformat(timespec="seconds"),
        "base_url": base_url,
        "form_factor": "mobile, simulated throttling",
        "pages": pages,
    }
    results.write_text(json.dumps(report, indent=2) + "\n")
    print(f"\nwrote {results.relative_to(HERE.parent)}")
    # Low scores are data, not failure; only "no page could be measured" is.
    return 0 if version else 1


if __name__ == "__main__":
    sys.exit(main())
