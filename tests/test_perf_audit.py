"""perf/audit.py's summary of a Lighthouse result, on a small hand-made one.

No browser and no network: Lighthouse itself runs only in `python -m perf.audit`.
"""

from perf.audit import LinkParser, summarise


def audit(score, mode="binary", **extra):
    return {"score": score, "scoreDisplayMode": mode, "title": "t", **extra}


def category(score, *ids):
    return {"score": score, "auditRefs": [{"id": i, "weight": 1} for i in ids]}


def resource(kind, size):
    return {"resourceType": kind, "transferSize": size, "requestCount": 1}


LHR = {
    "lighthouseVersion": "12.2.3",
    "finalDisplayedUrl": "http://127.0.0.1:8101/",
    "categories": {
        "performance": category(0.934),
        "accessibility": category(0.87, "image-alt", "color-contrast", "tabindex"),
        "best-practices": category(1, "errors-in-console", "js-libraries"),
        "seo": category(None, "meta-description", "robots-txt"),
    },
    "audits": {
        "largest-contentful-paint": audit(0.9, "numeric", numericValue=2512.6),
        "total-blocking-time": audit(1, "numeric", numericValue=30.4),
        "cumulative-layout-shift": audit(1, "numeric", numericValue=0.01234),
        "resource-summary": audit(
            None,
            "informative",
            details={
                "type": "table",
                "items": [
                    resource("total", 1000),
                    resource("document", 100),
                    resource("script", 200),
                    resource("stylesheet", 50),
                    resource("image", 600),
                    resource("other", 50),
                    resource("third-party", 0),
                ],
            },
        ),
        "image-alt": audit(
            0,
            details={
                "type": "table",
                "items": [
                    {"node": {"type": "node", "selector": f"main > img:nth-child({n})"}}
                    for n in range(1, 8)
                ],
            },
            title="Image elements do not have `[alt]` attributes",
        ),
        "color-contrast": audit(1),
        "tabindex": audit(None, "notApplicable"),
        "errors-in-console": audit(
            0, details={"type": "table", "items": [{"description": "boom"}]}
        ),
        "js-libraries": audit(None, "informative"),
        "meta-description": audit(0, explanation="No meta description"),
        "robots-txt": audit(None, "manual"),
    },
}
# Lighthouse repeats each audit's key as its "id".
for key, value in LHR["audits"].items():
    value["id"] = key


def test_summarise_reports_scores_metrics_and_bytes():
    result = summarise(LHR)

    assert result["url"] == "http://127.0.0.1:8101/"
    assert result["scores"] == {
        "performance": 93,
        "accessibility": 87,
        "best-practices": 100,
        "seo": None,
    }
    assert (result["lcp_ms"], result["tbt_ms"], result["cls"]) == (2513, 30, 0.012)
    assert result["transfer_bytes"] == {
        "document": 100,
        "script": 200,
        "stylesheet": 50,
        "image": 600,
        "font": 0,
        "other": 50,
        "total": 1000,
        "total without images": 400,
    }


def test_summarise_lists_only_failing_audits_with_up_to_five_selectors():
    result = summarise(LHR)

    assert result["axe_violations"] == [
        {
            "id": "image-alt",
            "title": "Image elements do not have `[alt]` attributes",
            "selectors": [f"main > img:nth-child({n})" for n in range(1, 6)],
        }
    ]
    assert result["failing"] == {
        "best-practices": [{"id": "errors-in-console", "title": "t", "reason": "boom"}],
        "seo": [
            {"id": "meta-description", "title": "t", "reason": "No meta description"}
        ],
    }


def test_link_parser_reads_text_of_nested_tags():
    parser = LinkParser()
    parser.feed(
        '<nav><a href="/c/face-creams_1/">Face creams</a></nav>'
        '<a class="card" href="/p/intense_1/"><img alt="">'
        "<h3>Intense\n   Emulsion</h3></a>"
    )

    assert parser.links == [
        ("Face creams", "/c/face-creams_1/"),
        ("Intense Emulsion", "/p/intense_1/"),
    ]
