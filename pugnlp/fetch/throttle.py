"""Politeness that Scrapy lacks: honour robots.txt ``Crawl-delay`` (PACKAGES.md section 8).

Scrapy reads robots.txt for Allow/Disallow only. :class:`PoliteThrottle` replaces Scrapy's
AutoThrottle extension: it watches every robots.txt response that passes the downloader,
reads the ``Crawl-delay`` for our User-Agent, and keeps that host's download slot at or above
it, after AutoThrottle's own adjustment and for slots created later (``DOWNLOAD_SLOTS``).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from scrapy.extensions.throttle import AutoThrottle
from scrapy.utils.httpobj import urlparse_cached

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response

log = logging.getLogger(__name__)

MAX_CRAWL_DELAY = 120.0
"""A larger Crawl-delay is capped (and logged): one page every two minutes is already slow."""


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

    def _response_downloaded(self, response: Response, request: Request,
                             spider: Any = None) -> None:
        key = request.meta.get("download_slot")
        if urlparse_cached(request).path == "/robots.txt" and key is not None:
            self._learn(key, response)
        super()._response_downloaded(response, request, spider)
        floor = self.floors.get(key) if key is not None else None
        slot = self.crawler.engine.downloader.slots.get(key) if key is not None else None
        if floor is not None and slot is not None and slot.delay < floor:
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
