"""``pugnlp crawl``: sources -> polite crawl -> corpus store, with a per-source tally.

The one library call behind the command. It reads the source list, opens the store (whose
"already have it" test steers the spider), runs the crawl with the store pipeline and counts
what happened per source. A source fails when none of its discovery pages could be read;
the exit code follows trafilatura's rule on the share of failed sources. A write error (disk
full, damaged store) stops the crawl early: :attr:`CrawlSummary.stopped` says why, the pages
fetched but not stored are counted as failed, and the exit code is 1 at least. A dry run
writes nothing: no store and no crawl-state folder are created.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pugnlp.corpus.store import CorpusStore
from pugnlp.fetch.items import DiscoveryItem, FailureItem, PageItem
from pugnlp.fetch.settings import CrawlOptions
from pugnlp.settings import Settings
from pugnlp.sources.registry import DEFAULT_PATH, Source, load_sources, select_sources

log = logging.getLogger(__name__)

STATE_DIR_NAME = ".crawl-state"
"""Beside the store: ``korpus/.crawl-state/`` holds JOBDIR folders and the HTTP cache."""
PIPELINE = "pugnlp.corpus.scrapy_pipeline.StorePipeline"
OUTCOMES: tuple[str, ...] = ("article", "duplicate", "near_duplicate", "rejected", "old", "known",
                             "failed")


@dataclass(slots=True)
class SourceTally:
    """What one source gave in one run."""

    discovery_ok: int = 0
    discovery_failed: int = 0
    discovered: int = 0
    outcomes: dict[str, int] = field(default_factory=lambda: dict.fromkeys(OUTCOMES, 0))
    problems: list[str] = field(default_factory=list)
    found: list[str] = field(default_factory=list)
    not_stored: list[str] = field(default_factory=list)
    """Pages fetched but not stored because a write error stopped the crawl."""

    @property
    def failed(self) -> bool:
        """No discovery page of the source could be read."""
        return self.discovery_ok == 0 and self.discovery_failed > 0


@dataclass(slots=True)
class CrawlSummary:
    """The per-source tallies of one ``pugnlp crawl`` run."""

    sources: dict[str, SourceTally]
    dry_run: bool = False
    stats: dict[str, Any] = field(default_factory=dict)
    stopped: str | None = None
    """Why the crawl stopped early (a write error, naming the file), or None."""

    @property
    def failed_sources(self) -> list[str]:
        return [name for name, tally in self.sources.items() if tally.failed]

    def exit_code(self) -> int:
        """0 when every source answered, 126 when (nearly) all failed, else 1 (trafilatura);
        at least 1 when a write error stopped the crawl."""
        total = len(self.sources)
        failed = len(self.failed_sources)
        if total and failed / total > 0.99:
            return 126
        return 1 if failed or self.stopped else 0

    def total(self, outcome: str) -> int:
        return sum(t.outcomes.get(outcome, 0) for t in self.sources.values())

    def text(self) -> str:
        """The summary the CLI prints."""
        if self.dry_run:
            return self._dry_text()
        lines = [f"{'source':<32} {'found':>6} {'stored':>6} {'dup':>4} {'near':>4} "
                 f"{'stub':>4} {'old':>4} {'fail':>4}"]
        for name, t in self.sources.items():
            o = t.outcomes
            flag = "  SOURCE FAILED" if t.failed else ""
            lines.append(f"{name:<32} {t.discovered:>6} {o['article']:>6} {o['duplicate']:>4} "
                         f"{o['near_duplicate']:>4} {o['rejected']:>4} {o['old']:>4} "
                         f"{o['failed']:>4}{flag}")
        lines.append(f"{len(self.sources)} sources, {len(self.failed_sources)} failed; "
                     f"{self.total('article')} articles stored, "
                     f"{self.total('duplicate') + self.total('near_duplicate')} linked as "
                     f"duplicates, {self.total('rejected')} stubs, {self.total('failed')} "
                     "failed fetches")
        if self.stopped:
            lost = [url for t in self.sources.values() for url in t.not_stored]
            lines.append(f"crawl stopped early: {len(lost)} fetched pages not stored (the next "
                         "run fetches them again)")
            lines += [f"  not stored: {url}" for url in lost]
        return "\n".join(lines)

    def _dry_text(self) -> str:
        lines: list[str] = []
        for name, t in self.sources.items():
            state = "FAILED: " + "; ".join(t.problems) if t.failed else f"{len(t.found)} URLs"
            lines.append(f"{name}: {state}")
            lines += [f"  {url}" for url in t.found]
        lines.append(f"dry run: {len(self.sources)} sources, {len(self.failed_sources)} failed; "
                     "no article fetched")
        return "\n".join(lines)


def collect(sources_path: Path = DEFAULT_PATH, *, only: tuple[str, ...] = (),
            since: date | None = None, max_pages: int | None = None,
            settings: Settings = Settings(), options: CrawlOptions = CrawlOptions(),
            dry_run: bool = False, sources: list[Source] | None = None,
            on_event: Callable[[str, str, str, str | None], None] | None = None
            ) -> CrawlSummary:
    """Crawl the registry's sources into the corpus store at ``settings.store_path``.

    Args:
        sources_path: the source list (``korpus/sumber.csv``).
        only: names of the sources to crawl (all when empty).
        since: skip entries and articles dated before this day.
        max_pages: article pages per source and run.
        settings: delay, User-Agent, store path, size limit.
        options: crawl knobs.
        dry_run: list what each source would give first; fetch no article, store nothing.
        sources: use these instead of reading ``sources_path``.
        on_event: progress callback ``(source, outcome, url, reason)`` per item.

    Raises:
        SourceError: the source list is malformed or ``only`` names an unknown source.
        FetchError: another crawl is using the same store, or its crawl state cannot be
            written.
        StoreError: the store cannot be opened (a write error during the crawl does not
            raise: it stops the crawl and sets :attr:`CrawlSummary.stopped`).
    """
    from pugnlp.fetch.crawl import run_crawl
    from pugnlp.fetch.faults import STOP_STAT

    chosen = select_sources(sources if sources is not None else load_sources(sources_path), only)
    summary = CrawlSummary({s.name: SourceTally() for s in chosen}, dry_run=dry_run)
    store_path = Path(settings.store_path)

    def on_item(item: Any) -> None:
        _tally(summary, item, on_event)

    extra = {"PUGNLP_STORE_PATH": str(store_path),
             "PUGNLP_SINCE": since.isoformat() if since else None}
    if dry_run and not store_path.is_file():
        store = None  # a dry run creates nothing
    else:
        store = CorpusStore(store_path, readonly=dry_run)
    try:
        if store is not None and not dry_run:
            store.set_source_kinds({s.name: s.kind for s in chosen})
        summary.stats = run_crawl(
            chosen, settings, options, state_dir=store_path.parent / STATE_DIR_NAME,
            since=since, max_pages=max_pages, dry_run=dry_run,
            is_known=store.known if store is not None else None,
            pipelines={PIPELINE: 300}, extra=extra, on_item=on_item)
    finally:
        if store is not None:
            store.close()
    summary.stopped = summary.stats.get(STOP_STAT) or None
    return summary


def _tally(summary: CrawlSummary, item: Any,
           on_event: Callable[[str, str, str, str | None], None] | None) -> None:
    tally = summary.sources.get(item.source)
    if tally is None:
        return
    if isinstance(item, DiscoveryItem):
        tally.discovery_ok += 1
        tally.discovered += len(item.found)
        if summary.dry_run:
            tally.found.extend(item.found)
        outcome, reason = "discovered", f"{len(item.found)} new"
    elif isinstance(item, FailureItem):
        if item.role == "discovery":
            tally.discovery_failed += 1
        tally.outcomes["failed"] += 1
        tally.problems.append(f"{item.url}: {item.reason}")
        outcome, reason = "failed", item.reason
    elif isinstance(item, PageItem):
        outcome, reason = item.outcome or "article", item.reason
        tally.outcomes[outcome] = tally.outcomes.get(outcome, 0) + 1
        if outcome == "failed":
            tally.problems.append(f"{item.url}: {reason}")
            tally.not_stored.append(item.url)
    else:
        return
    if on_event is not None:
        on_event(item.source, outcome, item.url, reason)
