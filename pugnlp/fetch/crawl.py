"""Run one crawl: Scrapy without a Twisted reactor, ``JOBDIR`` frontier, crash recovery, lock.

One crawl at a time per crawl-state folder (``korpus/.crawl-state/``, beside the store): the
lock is an OS file lock (``flock`` through :mod:`filelock`) on ``crawl.lock`` in that folder,
held for the whole crawl and released by the operating system when the process ends, however
it ends, so it never goes stale. A second crawl is refused at once, naming the store.

The frontier (Scrapy's disk queue in ``JOBDIR``) survives a clean stop (end, Ctrl-C, SIGTERM).
Scrapy writes its queue bookkeeping only when it closes, so after a hard kill (SIGKILL, power
loss) or a write error (disk full) the job folder and HTTP cache cannot be trusted: the
``running.json`` marker, written when a crawl starts and removed when it ends cleanly, makes the
next run discard them and start discovery afresh. Nothing is lost that way, because discovery
pages are always refetched and the store skips every URL it holds. The marker is not a lock:
the pid in it is only shown in messages.
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
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from pugnlp.errors import FetchError
from pugnlp.fetch.settings import CrawlOptions, scrapy_settings
from pugnlp.settings import Settings
from pugnlp.sources.registry import Source

log = logging.getLogger(__name__)

MARKER = "running.json"
LOCK = "crawl.lock"
POLITE_DELAY = 5.0
"""A ``download_delay`` below this is accepted with a warning: fine against a local test site,
too fast for a regional government server (PACKAGES.md section 8)."""
QUIET_LOGGERS: tuple[str, ...] = ("scrapy",)
"""Loggers whose records are dropped during a crawl unless ``pugnlp`` logs at INFO (``-v``):
Scrapy's raw WARNING/ERROR lines repeat what the progress lines and the summary report."""


def job_key(sources: Iterable[Source], since: date | None, max_pages: int | None) -> str:
    """A folder name per selection, so that ``--only a`` never resumes the frontier of ``b``."""
    spec = json.dumps([sorted(s.name for s in sources), str(since), max_pages])
    return "job-" + hashlib.sha1(spec.encode()).hexdigest()[:12]


@dataclass(slots=True)
class StateClaim:
    """A crawl-state folder locked by this process (see :func:`claim_state`)."""

    state_dir: Path
    lock: Any
    recovered: bool


def claim_state(state_dir: Path, store: Path | str | None = None) -> StateClaim:
    """Lock ``state_dir`` for one crawl; wipe its frontier and cache if the last run died.

    Args:
        state_dir: the crawl-state folder.
        store: the store being crawled into (named in messages).

    Returns:
        The claim; ``recovered`` is True when a run that did not end cleanly was detected and
        its frontier and cache were discarded.

    Raises:
        FetchError: another crawl holds the lock, or the folder cannot be written.
    """
    from filelock import FileLock, Timeout

    what = store or state_dir
    try:
        state_dir.mkdir(parents=True, exist_ok=True)
        lock = FileLock(state_dir / LOCK, timeout=0)
        lock.acquire()
    except Timeout:
        raise FetchError(f"{what}: another crawl is using this store{_holder(state_dir)}; "
                         "wait for it to end or stop it, then run again") from None
    except OSError as exc:
        raise FetchError(f"{state_dir}: cannot write the crawl state ({exc.strerror or exc}); "
                         "check space and permissions, or pass --store elsewhere") from exc
    try:
        recovered = _recover(state_dir)
        _write_marker(state_dir, store)
    except OSError as exc:
        lock.release()
        raise FetchError(f"{state_dir}: cannot write the crawl state ({exc.strerror or exc}); "
                         "free some space and run again") from exc
    return StateClaim(state_dir, lock, recovered)


def _holder(state_dir: Path) -> str:
    try:
        info = json.loads((state_dir / MARKER).read_text(encoding="utf-8"))
        return f" (pid {int(info['pid'])}, started {info['started']})"
    except (OSError, ValueError, KeyError, TypeError):
        return ""


def _recover(state_dir: Path) -> bool:
    if not (state_dir / MARKER).exists():
        return False
    log.warning("%s: the last crawl did not end cleanly (killed, or stopped by a write error); "
                "discarding its frontier and cache (the store is intact; discovery starts "
                "again)", state_dir)
    for child in state_dir.iterdir():
        if child.name not in (MARKER, LOCK):
            shutil.rmtree(child) if child.is_dir() else child.unlink()
    return True


def _write_marker(state_dir: Path, store: Path | str | None) -> None:
    info = {"pid": os.getpid(), "store": str(store or ""),
            "started": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    fd, tmp = tempfile.mkstemp(dir=state_dir, prefix=".running-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(info, out)
        os.replace(tmp, state_dir / MARKER)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def release_state(claim: StateClaim, clean: bool = True) -> None:
    """Unlock the folder; remove the ``running`` marker only after a clean stop."""
    try:
        if clean:
            with contextlib.suppress(FileNotFoundError):
                (claim.state_dir / MARKER).unlink()
    finally:
        claim.lock.release()


@contextlib.contextmanager
def quiet_crawler_logs() -> Iterator[None]:
    """Drop Scrapy's own log records during a crawl unless ``pugnlp`` logs at INFO.

    Every command that crawls (``pugnlp crawl``, ``pugnlp run --sources``) thus shows the same
    lines; the levels are put back afterwards.
    """
    if logging.getLogger("pugnlp").isEnabledFor(logging.INFO):
        yield
        return
    loggers = [logging.getLogger(name) for name in QUIET_LOGGERS]
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for lg, level in zip(loggers, levels):
            lg.setLevel(level)


def warn_if_impolite(settings: Settings) -> None:
    """Log one warning when ``download_delay`` is below :data:`POLITE_DELAY`."""
    if settings.download_delay < POLITE_DELAY:
        log.warning("download_delay is %g s, below %g s: fine against a local test site only; "
                    "set %g s or more in pugnlp.toml before crawling real sites",
                    settings.download_delay, POLITE_DELAY, POLITE_DELAY)


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
        Scrapy's crawl statistics; ``pugnlp/stopped`` holds the message when a write error
        stopped the crawl (:mod:`pugnlp.fetch.faults`).

    Raises:
        FetchError: another crawl holds the store, or the crawl state cannot be written.
    """
    from pugnlp.fetch.faults import STOP_STAT

    warn_if_impolite(settings)
    claim = None
    jobdir = cache_dir = None
    if state_dir is not None and not dry_run:
        claim = claim_state(state_dir, (extra or {}).get("PUGNLP_STORE_PATH"))
        jobdir = state_dir / job_key(sources, since, max_pages)
        cache_dir = state_dir / "httpcache"
    config = scrapy_settings(settings, options, jobdir, cache_dir,
                             None if dry_run else pipelines)
    config.update(extra or {})
    spider_args = {"sources": sources, "since": since, "max_pages": max_pages,
                   "dry_run": dry_run, "dry_run_limit": options.dry_run_limit,
                   "max_listing_pages": options.max_listing_pages, "is_known": is_known}
    stats: dict[str, Any] = {}
    try:
        with quiet_crawler_logs():
            stats = asyncio.run(_crawl(config, spider_args, on_item))
    except OSError as exc:  # the frontier folder could not even be created
        raise FetchError(f"{state_dir}: cannot write the crawl state ({exc.strerror or exc}); "
                         "free some space and run again") from exc
    finally:
        if claim is not None:
            release_state(claim, clean=bool(stats) and not stats.get(STOP_STAT))
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
