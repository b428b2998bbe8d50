"""Politeness that Scrapy lacks: robots.txt ``Crawl-delay`` and ``Retry-After`` (PACKAGES.md §8).

Scrapy reads robots.txt for Allow/Disallow only, and retries a 429 or 503 whenever its queue
comes back to the page, whatever ``Retry-After`` said. :class:`PoliteThrottle` replaces
Scrapy's AutoThrottle extension: it watches every response that passes the downloader, reads
the ``Crawl-delay`` for our User-Agent from robots.txt, and keeps that host's download slot at
or above it, after AutoThrottle's own adjustment and for slots created later
(``DOWNLOAD_SLOTS``). A 429 or 503 with ``Retry-After`` holds the host's next request (the
retry, or any other page of that site) back for that long, capped at :data:`MAX_RETRY_AFTER`;
the host's delay goes back to what it was after its next good answer.
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any

from scrapy.extensions.throttle import AutoThrottle
from scrapy.utils.httpobj import urlparse_cached

from pugnlp.fetch.faults import stop_reason

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response

log = logging.getLogger(__name__)

MAX_CRAWL_DELAY = 120.0
"""A larger Crawl-delay is capped (and logged): one page every two minutes is already slow."""
MAX_RETRY_AFTER = 600.0
"""A longer Retry-After is capped at ten minutes: a site that asks for an hour is better
tried again on the next run (the retry fails, the page stays unstored and is asked again)."""
BACKOFF_CODES: tuple[int, ...] = (429, 503)
"""Answers whose ``Retry-After`` is honoured (RFC 9110 section 10.2.3, RFC 6585)."""
RETRY_AFTER_STAT = "pugnlp/retry_after_seconds"
"""Crawl statistic: the longest Retry-After wait applied in the run."""


def parse_retry_after(value: str | bytes | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` value, capped at :data:`MAX_RETRY_AFTER`. Pure.

    Args:
        value: delta-seconds (``120``) or an HTTP date (``Wed, 21 Oct 2015 07:28:00 GMT``).
        now: the current time for an HTTP date (default: now, UTC).

    Returns:
        The wait in seconds (0 for a date in the past), or None when the value is missing
        or unreadable.
    """
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    value = (value or "").strip()
    if not value:
        return None
    if value.isdigit():
        seconds = float(value)
    else:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        seconds = (when - (now or datetime.now(timezone.utc))).total_seconds()
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


def parse_crawl_delay(robots_txt: str, user_agent: str) -> float | None:
    """The ``Crawl-delay`` (seconds) that applies to ``user_agent``, or None. Pure.

    Args:
        robots_txt: the robots.txt body.
        user_agent: our User-Agent string (its product token is matched, then ``*``).
    """
    from protego import Protego

    try:
        delay = Protego.parse(robots_txt).crawl_delay(user_agent)
    except Exception:  # noqa: BLE001 - a garbled robots.txt must not stop the crawl
        return None
    if delay is None or delay <= 0:
        return None
    return min(float(delay), MAX_CRAWL_DELAY)


class PoliteThrottle(AutoThrottle):
    """AutoThrottle plus a per-host floor from robots.txt ``Crawl-delay``.

    The floor is applied in the ``response_downloaded`` handler, which runs before the
    downloader picks the host's next request, so no request starts early.
    """

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        settings = crawler.settings
        self.user_agent: str = settings.get("ROBOTSTXT_USER_AGENT") or settings.get("USER_AGENT")
        self.floors: dict[str, float] = {}
        self.before_backoff: dict[str, float] = {}

    def _response_downloaded(self, response: Response, request: Request,
                             spider: Any = None) -> None:
        key = request.meta.get("download_slot")
        slot = self.crawler.engine.downloader.slots.get(key) if key is not None else None
        if stop_reason(self.crawler):  # stopping after a write error: nothing waits any more
            if slot is not None:
                slot.delay = 0.0
            return
        if urlparse_cached(request).path == "/robots.txt" and key is not None:
            self._learn(key, response)
        super()._response_downloaded(response, request, spider)
        if key is None or slot is None:
            return
        if response.status in BACKOFF_CODES:
            wait = parse_retry_after(response.headers.get("Retry-After"))
            if wait is not None and wait > slot.delay:
                self.before_backoff.setdefault(key, slot.delay)
                slot.delay = wait
                self.crawler.stats.max_value(RETRY_AFTER_STAT, wait)
                log.info("%s: HTTP %d with Retry-After -> next request in %.1f s", key,
                         response.status, wait)
                return
        elif key in self.before_backoff:
            slot.delay = self.before_backoff.pop(key)
        floor = self.floors.get(key)
        if floor is not None and slot.delay < floor:
            slot.delay = floor

    def _learn(self, key: str, response: Response) -> None:
        if response.status != 200:
            return
        try:
            body = response.body.decode("utf-8", "replace")
        except AttributeError:
            return
        delay = parse_crawl_delay(body, self.user_agent)
        if delay is None:
            return
        downloader = self.crawler.engine.downloader
        floor = max(delay, self.mindelay)
        self.floors[key] = floor
        downloader.per_slot_settings.setdefault(key, {})["delay"] = floor  # slots made later
        log.info("%s: robots.txt Crawl-delay %.1f s -> one request every %.1f s", key, delay,
                 floor)
