"""Batch extraction: inputs -> records file, with progress, error collection and a summary."""

from __future__ import annotations

import logging
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pugnlp.errors import InputError
from pugnlp.schema import Article

log = logging.getLogger(__name__)


@dataclass(slots=True)
class ExtractSummary:
    """What a batch did: counts for the summary line and the problems met."""

    output: Path
    articles: int = 0
    relevant: int = 0
    by_type: Counter[str] = field(default_factory=Counter)
    by_province: Counter[str] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0
    models: str = "rules"

    def text(self) -> str:
        types = ", ".join(f"{k} {v}" for k, v in self.by_type.most_common())
        provinces = len(self.by_province)
        rate = self.articles / self.seconds if self.seconds else 0.0
        lines = [
            f"{self.articles} articles -> {self.output} ({self.seconds:.1f} s, {rate:.0f}/s, "
            f"{self.models})",
            f"  relevant: {self.relevant}; not relevant: {self.articles - self.relevant}",
            f"  event types: {types or '-'}",
            f"  provinces with activity: {provinces}",
        ]
        if self.failures:
            lines.append(f"  skipped: {len(self.failures)} (see messages above)")
        return "\n".join(lines)


def _progress(items: Iterator[Article | InputError], total: int, enabled: bool
              ) -> Iterator[Article | InputError]:
    if not enabled or total < 2:
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, total=total, unit="file", desc="extract", file=sys.stderr,
                    disable=None, leave=False)


def run_extract(paths: list[Path], out: Path, fmt: str | None = None, use_models: bool = True,
                model_dir: Path | None = None, progress: bool = True) -> ExtractSummary:
    """Extract every article under ``paths`` and write the records to ``out`` atomically.

    Bad items are collected in ``summary.failures`` (file and line, reason) and skipped.
    """
    from pugnlp.article.load import iter_articles, list_inputs
    from pugnlp.events.export import save_records
    from pugnlp.events.pipeline import load_pipeline

    start = time.perf_counter()
    summary = ExtractSummary(output=out)
    pipeline = load_pipeline(model_dir, use_models=use_models)
    summary.models = pipeline.describe()
    articles: list[Article] = []
    total = len(list_inputs(paths))
    for item in _progress(iter_articles(paths), total, progress):
        if isinstance(item, InputError):
            summary.failures.append(str(item))
            log.warning("%s", item)
            continue
        articles.append(item)
    records = []
    for record in pipeline.extract_many(articles):
        summary.articles += 1
        if record.relevant:
            summary.relevant += 1
            summary.by_type[record.event_type or "?"] += 1
            if record.province:
                summary.by_province[record.province] += 1
        records.append(record.as_dict())
    save_records(records, out, fmt)
    summary.seconds = time.perf_counter() - start
    return summary
