"""Downloader middleware and the download handler pugnlp plugs into Scrapy."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from scrapy.core.downloader.handlers._aiohttp import AiohttpDownloadHandler
from scrapy.exceptions import IgnoreRequest
from scrapy.extensions.httpcache import DummyPolicy
from scrapy.utils.httpobj import urlparse_cached

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler

log = logging.getLogger(__name__)


class KnownUrlMiddleware:
    """Drop an article request whose URL the store already holds (or rejected).

    The spider checks when it schedules; this check catches requests replayed from the
    ``JOBDIR`` frontier after a restart, so a resumed crawl refetches nothing it stored.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> KnownUrlMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        spider = self.crawler.spider
        is_known = getattr(spider, "is_known", None)
        if request.meta.get("pug_role") == "article" and is_known and is_known(request.url):
            self.crawler.stats.inc_value("pugnlp/known_skipped")
            raise IgnoreRequest(f"already in the store: {request.url}")


class AsyncioHttpHandler(AiohttpDownloadHandler):
    """Scrapy's aiohttp handler, used because pugnlp runs Scrapy without a Twisted reactor.

    Without a reactor a crawl can run many times in one process (tests, notebooks); a Twisted
    reactor cannot be restarted. Scrapy flags the handler experimental; pugnlp's crawl tests
    exercise robots.txt, redirects, retries, timeouts and size limits through it, so the
    start-up warning is silenced here rather than shown on every ``pugnlp crawl``.
    """

    experimental = False


class FreshRobotsPolicy(DummyPolicy):
    """Scrapy's default cache policy, except that robots.txt is always fetched fresh.

    A cached robots.txt would bypass the downloader, so its ``Crawl-delay`` would never reach
    :class:`~pugnlp.fetch.throttle.PoliteThrottle`, and a changed ``Disallow`` would be missed.
    """

    def should_cache_request(self, request: Request) -> bool:
        if urlparse_cached(request).path == "/robots.txt":
            return False
        return super().should_cache_request(request)
