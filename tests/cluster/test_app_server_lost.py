"""An app server killed mid-stream: HAProxy's health check takes it out of
rotation within `fall * inter` (2 × 1 s), and no request fails after that;
restarted, it is taken back."""

import threading
import time
from dataclasses import dataclass

import pytest
import requests
from django.urls import reverse

from tests.cluster.conftest import wait_for

pytestmark = pytest.mark.cluster

STREAM_SECONDS = 8
THREADS = 2
# fall 2 × inter 1 s, plus the check's own time and a margin.
DETECTION_SECONDS = 2 + 1.5


@dataclass
class Answer:
    started: float
    ok: bool
    detail: str


def stream_of_pages(url, paths, stop, answers):
    with requests.Session() as session:
        while not stop.is_set():
            for path in paths:
                started = time.monotonic()
                try:
                    status = session.get(url + path, timeout=5).status_code
                    answer = Answer(started, status == 200, str(status))
                except requests.RequestException as error:
                    answer = Answer(started, False, type(error).__name__)
                answers.append(answer)


def test_killing_an_app_server_fails_no_request_once_haproxy_knows(
    cluster, catalogue, record_property
):
    paths = [
        *catalogue["products"],
        reverse("articles:detail", args=["skin-during-and-after-isotretinoin"]),
    ]
    answers, stop = [], threading.Event()
    threads = [
        threading.Thread(
            target=stream_of_pages, args=(cluster.url, paths, stop, answers)
        )
        for _ in range(THREADS)
    ]
    for thread in threads:
        thread.start()
    try:
        time.sleep(1)
        killed_at = time.monotonic()
        cluster.kill("app1")
        down_at = wait_for(
            lambda: cluster.server_states()["app1"] == "DOWN",
            seconds=10,
            what="HAProxy marking app1 down",
        )
        time.sleep(max(0, killed_at + STREAM_SECONDS - time.monotonic()))
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=10)

    failed = [answer for answer in answers if not answer.ok]
    print(
        f"\n{len(answers)} requests, {len(failed)} failed; app1 marked down "
        f"{down_at - killed_at:.1f} s after the kill; failures: "
        f"{sorted({answer.detail for answer in failed})}"
    )
    record_property("requests", len(answers))
    record_property("failed_requests_around_kill", len(failed))
    record_property("seconds_until_marked_down", round(down_at - killed_at, 2))
    assert down_at - killed_at < DETECTION_SECONDS
    assert not [answer for answer in failed if answer.started > down_at]
    assert len(answers) > 20 * THREADS


def test_a_restarted_app_server_is_taken_back(cluster):
    if cluster.parts["app1"].running:
        cluster.kill("app1")
    cluster.start("app1")
    wait_for(
        lambda: cluster.server_states()["app1"] == "UP",
        seconds=15,
        what="HAProxy taking app1 back",
    )
    before = sessions_of(cluster, "app1")

    for _ in range(6):
        assert requests.get(cluster.url + "/robots.txt", timeout=5).status_code == 200

    assert sessions_of(cluster, "app1") > before


def sessions_of(cluster, server):
    return cluster.server_sessions()[server]
