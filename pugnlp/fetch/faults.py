"""Write errors during a crawl: stop promptly and cleanly instead of looping on them.

A full disk (or a damaged or read-only store) makes every later write fail too, so the
first write error of the store, of Scrapy's on-disk frontier (``JOBDIR``) or of the HTTP
cache stops the crawl: the message is kept in the crawl statistics (:data:`STOP_STAT`), the
requests waiting for a download slot are dropped, the delay of every slot goes to 0 so that
nothing waits any more, and the spider is closed. Pages still in flight are reported as not
stored. What was stored before stays intact (each page is one transaction), and the
``running`` marker stays, so the next run discards the frontier and the cache that may be
half-written and discovers again.

:class:`StateScheduler` and :class:`StateCacheStorage` are Scrapy's scheduler and cache
storage with their write errors routed here.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from scrapy.core.scheduler import Scheduler
from scrapy.exceptions import IgnoreRequest
from scrapy.extensions.httpcache import FilesystemCacheStorage
from twisted.python.failure import Failure

if TYPE_CHECKING:
    from scrapy import Request, Spider
    from scrapy.crawler import Crawler
    from scrapy.http import Response

log = logging.getLogger(__name__)

STOP_STAT = "pugnlp/stopped"
"""Crawl statistic holding the message of the write error that stopped the crawl."""
STOPPED_AT_STAT = "pugnlp/stopped_at"
"""Crawl statistic: when the first write error struck (UTC, as Scrapy's ``finish_time``)."""
STOPPED = "crawl stopped after a write error"
"""Reason of the requests dropped by the stop (not a failure of the site: never logged)."""


def stop_reason(crawler: Crawler) -> str | None:
    """The message of the write error that stopped this crawl, or None while it runs."""
    if crawler.stats is None:
        return None
    value = crawler.stats.get_value(STOP_STAT)
    return str(value) if value else None


def stop_crawl(crawler: Crawler, message: str) -> None:
    """Stop the crawl after a write error; the first message is kept, later calls do nothing.

    Args:
        crawler: the running crawler.
        message: one line naming the file or folder and what to do.
    """
    if crawler.stats is None or stop_reason(crawler):
        return
    crawler.stats.set_value(STOP_STAT, message)
    crawler.stats.set_value(STOPPED_AT_STAT, datetime.now(timezone.utc))
    log.info("stopping the crawl: %s", message)
    engine = crawler.engine
    if engine is None:
        return
    for slot in engine.downloader.slots.values():
        slot.delay = 0.0  # requests that still reach a slot fail at once (see the handler)
        slot.close()  # cancels the call that waited for the delay
        while slot.queue:
            _, waiting = slot.queue.popleft()
            waiting.errback(Failure(IgnoreRequest(STOPPED)))
    if engine.spider is not None:
        task = asyncio.get_running_loop().create_task(
            engine.close_spider_async(reason="write error"))
        crawler.__dict__["_pugnlp_stop_task"] = task  # keep a reference until it is done


def describe(exc: BaseException) -> str:
    """A short text for an OS error (``No space left on device``) or any other error."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return f"{type(exc).__name__}: {exc}"


class StateScheduler(Scheduler):
    """Scrapy's scheduler whose on-disk queue stops the crawl on a write error.

    Scrapy catches only unserialisable requests when it pushes to the disk queue; an OSError
    (disk full) escaped and left a half-written queue file whose every later pop raised again,
    so the crawl never ended. Here the first error marks the disk queue broken: requests go to
    the memory queue, nothing more is read from disk, and the crawl is stopped.
    """

    _disk_broken: bool = False

    def _broken(self, exc: BaseException) -> None:
        self._disk_broken = True
        crawler = self.crawler
        if crawler is not None:
            stop_crawl(crawler, f"{self.dqdir}: cannot write the crawl frontier ({describe(exc)}); "
                                "the crawl stopped, what was stored is intact; free some space "
                                "and run again")

    def _dqpush(self, request: Request) -> bool:
        if self._disk_broken:
            return False
        try:
            return super()._dqpush(request)
        except OSError as exc:
            self._broken(exc)
            return False

    def _dqpop(self) -> Request | None:
        if self._disk_broken:
            return None
        try:
            return super()._dqpop()
        except Exception as exc:  # noqa: BLE001 - a half-written queue file: OSError, EOF, pickle
            self._broken(exc)
            return None

    def close(self, reason: str) -> Any:
        if self._disk_broken:
            self.dqs = None  # its files are half-written: the next run discards them
        try:
            return super().close(reason)
        except OSError as exc:
            self._broken(exc)
            return None


class StateCacheStorage(FilesystemCacheStorage):
    """Scrapy's file-system HTTP cache whose write errors stop the crawl."""

    def store_response(self, spider: Spider, request: Request, response: Response) -> None:
        crawler = spider.crawler
        if stop_reason(crawler):
            return
        try:
            super().store_response(spider, request, response)
        except OSError as exc:
            stop_crawl(crawler, f"{self.cachedir}: cannot write the HTTP cache ({describe(exc)}); "
                                "the crawl stopped, what was stored is intact; free some space "
                                "and run again")
