"""Politeness settings and the Crawl-delay logic, without a network."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from types import SimpleNamespace

import pytest

from pugnlp.fetch.settings import RETRY_CODES, CrawlOptions, scrapy_settings
from pugnlp.fetch.throttle import (
    MAX_CRAWL_DELAY,
    MAX_RETRY_AFTER,
    RETRY_AFTER_STAT,
    PoliteThrottle,
    parse_crawl_delay,
    parse_retry_after,
)
from pugnlp.settings import Settings

UA = Settings().user_agent


@pytest.mark.parametrize("robots, expected", [
    ("User-agent: *\nCrawl-delay: 10\n", 10.0),
    ("User-agent: pugnlp\nCrawl-delay: 7\n\nUser-agent: *\nCrawl-delay: 2\n", 7.0),
    ("User-agent: Googlebot\nCrawl-delay: 30\n", None),
    ("User-agent: *\nDisallow: /private/\n", None),
    ("User-agent: *\nCrawl-delay: 86400\n", MAX_CRAWL_DELAY),
    ("User-agent: *\nCrawl-delay: soon\n", None),
    ("\x00\xff garbage", None),
])
def test_parse_crawl_delay(robots: str, expected: float | None) -> None:
    assert parse_crawl_delay(robots, UA) == expected


def test_default_settings_are_polite(tmp_path: Path) -> None:
    s = scrapy_settings(Settings(), CrawlOptions(), tmp_path / "job", tmp_path / "cache")
    assert s["ROBOTSTXT_OBEY"] is True
    assert s["CONCURRENT_REQUESTS_PER_DOMAIN"] == 1
    assert s["DOWNLOAD_DELAY"] >= 5 and s["DOWNLOAD_DELAY_JITTER"] == 0
    assert s["AUTOTHROTTLE_ENABLED"] and s["AUTOTHROTTLE_START_DELAY"] >= 5
    assert s["EXTENSIONS"]["pugnlp.fetch.throttle.PoliteThrottle"] == 0
    assert s["EXTENSIONS"]["scrapy.extensions.throttle.AutoThrottle"] is None
    assert {408, 429, 500, 502, 503, 504} <= set(RETRY_CODES) == set(s["RETRY_HTTP_CODES"])
    assert set(s["RETRY_HTTP_CODES"]) <= set(s["HTTPCACHE_IGNORE_HTTP_CODES"])
    assert s["JOBDIR"] == str(tmp_path / "job")
    assert "pugnlp" in s["USER_AGENT"] and "@" in s["USER_AGENT"]
    assert s["DOWNLOAD_MAXSIZE"] == Settings().max_input_bytes
    no_state = scrapy_settings(Settings(), CrawlOptions())
    assert "JOBDIR" not in no_state and "HTTPCACHE_ENABLED" not in no_state


class _Slot:
    def __init__(self, delay: float) -> None:
        self.delay = delay


def _throttle(mindelay: float = 0.05) -> tuple[PoliteThrottle, SimpleNamespace]:
    from scrapy.settings import Settings as ScrapySettings
    from scrapy.statscollectors import MemoryStatsCollector

    downloader = SimpleNamespace(slots={}, per_slot_settings={}, _delay=mindelay)
    crawler = SimpleNamespace(
        settings=ScrapySettings({"AUTOTHROTTLE_ENABLED": True, "DOWNLOAD_DELAY": mindelay,
                                 "USER_AGENT": UA, "AUTOTHROTTLE_TARGET_CONCURRENCY": 1.0,
                                 "AUTOTHROTTLE_MAX_DELAY": 60}),
        signals=SimpleNamespace(connect=lambda *a, **k: None),
        engine=SimpleNamespace(downloader=downloader), spider=None)
    crawler.stats = MemoryStatsCollector(crawler)  # type: ignore[arg-type]
    throttle = PoliteThrottle(crawler)  # type: ignore[arg-type]
    throttle._spider_opened(None)  # type: ignore[arg-type]
    return throttle, downloader


def _response(url: str, body: bytes, latency: float = 0.001, status: int = 200,
              headers: dict[str, str] | None = None):  # noqa: ANN202
    from scrapy import Request
    from scrapy.http import TextResponse

    request = Request(url, meta={"download_slot": "media.test", "download_latency": latency})
    return TextResponse(url, body=body, status=status, headers=headers,
                        request=request), request


def test_crawl_delay_becomes_a_floor_that_autothrottle_cannot_lower() -> None:
    throttle, downloader = _throttle()
    slot = downloader.slots["media.test"] = _Slot(0.05)
    response, request = _response("http://media.test/robots.txt",
                                  b"User-agent: *\nCrawl-delay: 3\n")
    throttle._response_downloaded(response, request)
    assert slot.delay == 3.0
    assert downloader.per_slot_settings["media.test"] == {"delay": 3.0}  # slots made later
    for _ in range(5):  # fast answers: AutoThrottle alone would drop the delay to 0.05 s
        page, page_request = _response("http://media.test/berita/a", b"<p>x</p>", 0.001)
        throttle._response_downloaded(page, page_request)
    assert slot.delay == 3.0


def test_slow_host_raises_the_delay_above_the_floor() -> None:
    throttle, downloader = _throttle()
    slot = downloader.slots["media.test"] = _Slot(0.05)
    page, request = _response("http://media.test/berita/a", b"<p>x</p>", latency=2.0)
    throttle._response_downloaded(page, request)
    assert slot.delay == pytest.approx(2.0)  # latency / target concurrency 1.0


NOW = datetime(2023, 10, 11, 9, 0, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("value, expected", [
    ("6", 6.0), (b"120", 120.0), (" 0 ", 0.0), ("86400", MAX_RETRY_AFTER),
    ("Wed, 11 Oct 2023 09:01:30 GMT", 90.0), ("Wed, 11 Oct 2023 08:00:00 GMT", 0.0),
    ("soon", None), ("-5", None), ("", None), (None, None),
])
def test_parse_retry_after(value: str | bytes | None, expected: float | None) -> None:
    assert parse_retry_after(value, now=NOW) == expected


@pytest.mark.parametrize("status", [429, 503])
def test_retry_after_holds_the_next_request_to_the_host_then_the_delay_comes_back(
        status: int) -> None:
    throttle, downloader = _throttle()
    slot = downloader.slots["media.test"] = _Slot(0.05)
    busy, request = _response("http://media.test/berita/a", b"busy", status=status,
                              headers={"Retry-After": "6"})
    throttle._response_downloaded(busy, request)
    assert slot.delay == 6.0  # the retry (or any page of this host) starts 6 s after the 429
    assert throttle.crawler.stats.get_value(RETRY_AFTER_STAT) == 6.0
    page, page_request = _response("http://media.test/berita/a", b"<p>x</p>")
    throttle._response_downloaded(page, page_request)
    assert slot.delay == 0.05  # back to the delay before the backoff


def test_retry_after_never_lowers_a_longer_delay_and_is_capped() -> None:
    throttle, downloader = _throttle()
    slot = downloader.slots["media.test"] = _Slot(0.05)
    robots, request = _response("http://media.test/robots.txt", b"User-agent: *\nCrawl-delay: 9\n")
    throttle._response_downloaded(robots, request)
    busy, request = _response("http://media.test/x", b"", status=429, headers={"Retry-After": "2"})
    throttle._response_downloaded(busy, request)
    assert slot.delay == 9.0
    busy, request = _response("http://media.test/x", b"", status=503,
                              headers={"Retry-After": "999999"})
    throttle._response_downloaded(busy, request)
    assert slot.delay == MAX_RETRY_AFTER
    page, request = _response("http://media.test/y", b"<p>x</p>")
    throttle._response_downloaded(page, request)
    assert slot.delay == 9.0  # the Crawl-delay floor again


def test_error_answers_are_never_cached() -> None:
    from scrapy import Request
    from scrapy.http import HtmlResponse
    from scrapy.settings import Settings as ScrapySettings

    from pugnlp.fetch.middlewares import FreshRobotsPolicy

    policy = FreshRobotsPolicy(ScrapySettings(scrapy_settings(Settings(), CrawlOptions(),
                                                              Path("j"), Path("c"))))
    request = Request("http://media.test/berita/a")
    for status, cached in ((200, True), (301, True), (404, False), (410, False), (500, False)):
        response = HtmlResponse(request.url, status=status, body=b"x", request=request)
        assert policy.should_cache_response(response, request) is cached, status
    assert not policy.should_cache_request(Request("http://media.test/robots.txt"))
