"""Downloader middleware and the download handler pugnlp plugs into Scrapy."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from scrapy.core.downloader.handlers._aiohttp import AiohttpDownloadHandler
from scrapy.exceptions import IgnoreRequest
from scrapy.extensions.httpcache import DummyPolicy
from scrapy.utils.httpobj import urlparse_cached

from pugnlp.errors import StoreError
from pugnlp.fetch.faults import STOPPED, stop_crawl, stop_reason

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response

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
        if stop_reason(self.crawler):
            raise IgnoreRequest(STOPPED)
        spider = self.crawler.spider
        is_known = getattr(spider, "is_known", None)
        if request.meta.get("pug_role") != "article" or not is_known:
            return
        try:
            known = is_known(request.url)
        except StoreError as exc:
            stop_crawl(self.crawler, str(exc))
            raise IgnoreRequest(STOPPED) from exc
        if known:
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

    async def download_request(self, request: Request) -> Response:
        """Download, unless the crawl is stopping after a write error (then fail at once)."""
        if stop_reason(self.crawler):
            raise IgnoreRequest(STOPPED)
        return await super().download_request(request)


class FreshRobotsPolicy(DummyPolicy):
    """Scrapy's default cache policy, except that robots.txt is always fetched fresh and error
    answers (4xx, 5xx) are never cached.

    A cached robots.txt would bypass the downloader, so its ``Crawl-delay`` would never reach
    :class:`~pugnlp.fetch.throttle.PoliteThrottle`, and a changed ``Disallow`` would be missed.
    A cached 404 would stand for a week (the cache's expiry) although the page may be put
    back the next day: the next run asks the site again.
    """

    def should_cache_request(self, request: Request) -> bool:
        if urlparse_cached(request).path == "/robots.txt":
            return False
        return super().should_cache_request(request)

    def should_cache_response(self, response: Response, request: Request) -> bool:
        if response.status >= 400:
            return False
        return super().should_cache_response(response, request)
