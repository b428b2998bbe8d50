"""Scrapy settings built from pugnlp's :class:`~pugnlp.settings.Settings` (PACKAGES.md section 8).

Politeness: robots.txt obeyed; one request at a time per host; ``download_delay`` (5 s by
default) between requests to a host, raised to the robots ``Crawl-delay`` when that is larger
(:class:`~pugnlp.fetch.throttle.PoliteThrottle`) and by AutoThrottle when the host is slow;
retries on 408/429/5xx that bypass the HTTP cache; a User-Agent naming pugnlp and a contact.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pugnlp.settings import Settings

RETRY_CODES: tuple[int, ...] = (500, 502, 503, 504, 522, 524, 408, 429)
"""Answers worth retrying; the HTTP cache must never answer them (PACKAGES.md section 8)."""


@dataclass(frozen=True, slots=True)
class CrawlOptions:
    """Crawl knobs beyond :class:`~pugnlp.settings.Settings`, each with where it came from."""

    timeout: float = 30.0
    """Seconds per request; Scrapy's default is 180 s, far too long for a small regional site."""
    retry_times: int = 2
    """Retries after the first attempt (Scrapy's default): a 503-503-200 page is still fetched."""
    max_redirects: int = 10
    """A longer chain is a redirect loop (browsers stop at 20; CMS redirects need 1-3)."""
    max_listing_pages: int = 50
    """Last listing/search page followed (a release archive of 50 pages x 10-20 links)."""
    cache: bool = True
    """Keep an HTTP cache beside the job state: a resumed crawl refetches nothing it saw."""
    cache_expiration_secs: int = 7 * 24 * 3600
    """Cached article pages expire after a week; discovery pages and error answers (4xx,
    5xx) are never cached, so a 404 is asked again on the next run."""
    autothrottle_target: float = 1.0
    """AutoThrottle target concurrency: at most one request in flight per host."""
    autothrottle_max_delay: float = 60.0
    dry_run_limit: int = 10
    """Article URLs listed per source by ``--dry-run``."""


def scrapy_settings(settings: Settings, options: CrawlOptions, jobdir: Path | None = None,
                    cache_dir: Path | None = None,
                    pipelines: dict[str, int] | None = None) -> dict[str, Any]:
    """The settings dict for one crawl.

    Args:
        settings: pugnlp settings (delay, User-Agent, size limit).
        options: crawl knobs.
        jobdir: Scrapy ``JOBDIR`` (frontier persisted across runs); None disables it.
        cache_dir: HTTP cache folder; None disables the cache.
        pipelines: item pipelines (``"module.Class": order``).
    """
    delay = float(settings.download_delay)
    result: dict[str, Any] = {
        "TWISTED_REACTOR_ENABLED": False,
        "DOWNLOAD_HANDLERS": {"http": "pugnlp.fetch.middlewares.AsyncioHttpHandler",
                              "https": "pugnlp.fetch.middlewares.AsyncioHttpHandler"},
        "USER_AGENT": settings.user_agent,
        "ROBOTSTXT_OBEY": True,
        "CONCURRENT_REQUESTS": 16,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 1,
        "DOWNLOAD_DELAY": delay,
        "DOWNLOAD_DELAY_JITTER": 0.0,  # the delay is a floor; no random gap below it
        "DOWNLOAD_TIMEOUT": options.timeout,
        "DOWNLOAD_MAXSIZE": settings.max_input_bytes,
        "DOWNLOAD_WARNSIZE": 0,
        "EXTENSIONS": {"scrapy.extensions.throttle.AutoThrottle": None,
                       "pugnlp.fetch.throttle.PoliteThrottle": 0,
                       "scrapy.extensions.telnet.TelnetConsole": None,
                       "scrapy.extensions.spiderstate.SpiderState": None},  # no spider.state
        "AUTOTHROTTLE_ENABLED": True,
        "AUTOTHROTTLE_START_DELAY": delay,
        "AUTOTHROTTLE_MAX_DELAY": max(options.autothrottle_max_delay, delay),
        "AUTOTHROTTLE_TARGET_CONCURRENCY": options.autothrottle_target,
        "RETRY_ENABLED": True,
        "RETRY_TIMES": options.retry_times,
        "RETRY_HTTP_CODES": list(RETRY_CODES),
        "REDIRECT_MAX_TIMES": options.max_redirects,
        "DOWNLOADER_MIDDLEWARES": {"pugnlp.fetch.middlewares.KnownUrlMiddleware": 50},
        "ITEM_PIPELINES": dict(pipelines or {}),
        "COOKIES_ENABLED": False,
        "LOG_ENABLED": False,
        "LOGSTATS_INTERVAL": 0,
        "MEMUSAGE_ENABLED": False,
        "SCHEDULER_PRIORITY_QUEUE": "scrapy.pqueues.DownloaderAwarePriorityQueue",
        "SCHEDULER": "pugnlp.fetch.faults.StateScheduler",  # a full disk stops the crawl
    }
    if cache_dir is not None and options.cache:
        result.update({
            "HTTPCACHE_ENABLED": True,
            "HTTPCACHE_DIR": str(cache_dir),
            "HTTPCACHE_GZIP": True,
            "HTTPCACHE_POLICY": "pugnlp.fetch.middlewares.FreshRobotsPolicy",
            "HTTPCACHE_STORAGE": "pugnlp.fetch.faults.StateCacheStorage",
            "HTTPCACHE_EXPIRATION_SECS": options.cache_expiration_secs,
            "HTTPCACHE_IGNORE_HTTP_CODES": list(RETRY_CODES),
        })
    if jobdir is not None:
        result["JOBDIR"] = str(jobdir)
    return result
