"""Run one crawl: Scrapy without a Twisted reactor, ``JOBDIR`` frontier, crash recovery.

The frontier (Scrapy's disk queue in ``JOBDIR``) survives a clean stop (end, Ctrl-C, SIGTERM).
Scrapy writes its queue bookkeeping only when it closes, so after a hard kill (SIGKILL, power
loss) the job folder and HTTP cache cannot be trusted: a ``running`` marker left behind by a
dead process makes the next run discard them and start discovery afresh. Nothing is lost
that way, because discovery pages are always refetched and the store skips every URL it holds.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
import os
import shutil
import signal
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

from pugnlp.errors import FetchError
from pugnlp.fetch.settings import CrawlOptions, scrapy_settings
from pugnlp.settings import Settings
from pugnlp.sources.registry import Source

log = logging.getLogger(__name__)

MARKER = "running.json"


def job_key(sources: Iterable[Source], since: date | None, max_pages: int | None) -> str:
    """A folder name per selection, so that ``--only a`` never resumes the frontier of ``b``."""
    spec = json.dumps([sorted(s.name for s in sources), str(since), max_pages])
    return "job-" + hashlib.sha1(spec.encode()).hexdigest()[:12]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def claim_state(state_dir: Path) -> bool:
    """Mark ``state_dir`` as in use; wipe it first if its last user was killed.

    Returns:
        True when a hard-killed run was detected and its frontier and cache discarded.

    Raises:
        FetchError: another live process is crawling into the same store.
    """
    state_dir.mkdir(parents=True, exist_ok=True)
    marker = state_dir / MARKER
    recovered = False
    if marker.exists():
        try:
            pid = int(json.loads(marker.read_text(encoding="utf-8")).get("pid", 0))
        except (OSError, ValueError, AttributeError):
            pid = 0
        if pid and pid != os.getpid() and _alive(pid):
            raise FetchError(f"{state_dir}: another crawl (pid {pid}) is using this store")
        log.warning("%s: the last crawl was killed; discarding its frontier and cache "
                    "(the store is intact; discovery starts again)", state_dir)
        for child in state_dir.iterdir():
            if child.name != MARKER:
                shutil.rmtree(child, ignore_errors=True) if child.is_dir() else child.unlink()
        recovered = True
    tmp = marker.with_suffix(".tmp")
    tmp.write_text(json.dumps({"pid": os.getpid()}), encoding="utf-8")
    os.replace(tmp, marker)
    return recovered


def release_state(state_dir: Path) -> None:
    """Remove the ``running`` marker after a clean stop."""
    with contextlib.suppress(FileNotFoundError):
        (state_dir / MARKER).unlink()


def run_crawl(sources: list[Source], settings: Settings, options: CrawlOptions = CrawlOptions(),
              *, state_dir: Path | None = None, since: date | None = None,
              max_pages: int | None = None, dry_run: bool = False,
              is_known: Callable[[str], bool] | None = None,
              pipelines: dict[str, int] | None = None, extra: dict[str, Any] | None = None,
              on_item: Callable[[Any], None] | None = None) -> dict[str, Any]:
    """Crawl ``sources`` and block until done.

    Args:
        sources: what to crawl.
        settings: delay, User-Agent, size limit.
        options: crawl knobs.
        state_dir: folder for ``JOBDIR`` and the HTTP cache; None keeps no state (dry runs).
        since: skip sitemap/feed entries dated earlier.
        max_pages: article requests per source and run.
        dry_run: discovery only (first page per source), no article fetched.
        is_known: the store's "already have it" test.
        pipelines: item pipelines by import path (the corpus stage passes its store pipeline).
        extra: more Scrapy settings (read by the pipelines).
        on_item: called with every item after the pipelines processed it.

    Returns:
        Scrapy's crawl statistics.
    """
    jobdir = cache_dir = None
    if state_dir is not None and not dry_run:
        claim_state(state_dir)
        jobdir = state_dir / job_key(sources, since, max_pages)
        cache_dir = state_dir / "httpcache"
    config = scrapy_settings(settings, options, jobdir, cache_dir,
                             None if dry_run else pipelines)
    config.update(extra or {})
    spider_args = {"sources": sources, "since": since, "max_pages": max_pages,
                   "dry_run": dry_run, "dry_run_limit": options.dry_run_limit,
                   "max_listing_pages": options.max_listing_pages, "is_known": is_known}
    stats = asyncio.run(_crawl(config, spider_args, on_item))
    if state_dir is not None and not dry_run:
        release_state(state_dir)
    return stats


async def _crawl(config: dict[str, Any], spider_args: dict[str, Any],
                 on_item: Callable[[Any], None] | None) -> dict[str, Any]:
    from scrapy import signals
    from scrapy.crawler import AsyncCrawlerRunner

    from pugnlp.fetch.spider import PugSpider

    runner = AsyncCrawlerRunner(config)
    crawler = runner.create_crawler(PugSpider)
    if on_item is not None:
        crawler.signals.connect(lambda item, **_: on_item(item), signal=signals.item_scraped,
                                weak=False)
    loop = asyncio.get_running_loop()
    stop = lambda: loop.create_task(runner.stop())  # noqa: E731 - graceful: JOBDIR saved
    installed = []
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(signum, stop)
            installed.append(signum)
    try:
        await runner.crawl(crawler, **spider_args)
    finally:
        for signum in installed:
            loop.remove_signal_handler(signum)
    return dict(crawler.stats.get_stats()) if crawler.stats else {}
