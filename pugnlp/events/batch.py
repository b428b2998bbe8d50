"""Batch extraction: inputs -> records file, with progress, error collection and a summary."""

from __future__ import annotations

import logging
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
    version: str | None = None
    """The pipeline version (:mod:`pugnlp.events.version`), when records were kept."""
    extracted: int = 0
    """Articles run through the pipeline (the others' records were reused)."""
    reused: int = 0

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
        if self.version is not None:
            lines.append(f"  extracted: {self.extracted}; reused unchanged: {self.reused} "
                         f"(pipeline {self.version})")
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
                model_dir: Path | None = None, progress: bool = True,
                store: Path | None = None, workers: int = 1,
                entity_backend: str = "auto", cache: Path | None = None) -> ExtractSummary:
    """Extract every article under ``paths`` (and in the corpus ``store``) into ``out``.

    Bad items are collected in ``summary.failures`` (file and line, reason) and skipped.
    ``entity_backend``: which entity model to load (:func:`pugnlp.events.loader.load`); the
    summary names the one used. With ``cache`` (a corpus store, or a records cache file
    created when missing), only the articles that are new, changed or extracted by another
    pipeline version are run through the pipeline, which is loaded only then; the others'
    records come from the cache (:mod:`pugnlp.events.incremental`). An output file whose
    content is unchanged is left untouched.
    """
    from pugnlp.events.loader import describe, extract_articles, load
    from pugnlp.events.output import save_records

    start = time.perf_counter()
    summary = ExtractSummary(output=out)
    articles = _gather(paths, store, summary, progress)

    def load_nlp() -> Any:
        return load(model_dir, rules_only=not use_models, entity_backend=entity_backend)

    if cache is None:
        nlp = load_nlp()
        summary.models = describe(nlp)
        records = [r.as_dict() for r in extract_articles(nlp, articles, n_process=workers)]
        summary.extracted = len(records)
    else:
        from pugnlp.corpus.extractions import Extractions
        from pugnlp.events.incremental import extract_changed
        from pugnlp.events.version import planned_version

        version = planned_version(model_dir, rules_only=not use_models,
                                  entity_backend=entity_backend)
        with Extractions(cache) as kept:
            outcome = extract_changed(articles, kept, version, load_nlp, n_process=workers)
        records = outcome.records
        summary.models = describe(outcome.nlp) if outcome.nlp is not None else \
            "nothing to extract: no model loaded"
        summary.version, summary.extracted, summary.reused = \
            outcome.version, outcome.extracted, outcome.reused
    for record in records:
        summary.articles += 1
        if record["relevant"]:
            summary.relevant += 1
            summary.by_type[record["event_type"] or "?"] += 1
            if record["province"]:
                summary.by_province[record["province"]] += 1
    save_records(records, out, fmt)
    summary.seconds = time.perf_counter() - start
    return summary


def _gather(paths: list[Path], store: Path | None, summary: ExtractSummary, progress: bool
            ) -> list[Article]:
    """The articles of ``paths`` then of ``store``; bad items go to ``summary.failures``."""
    from pugnlp.article.load import iter_articles, list_inputs

    articles: list[Article] = []
    total = len(list_inputs(paths))
    for item in _progress(iter_articles(paths), total, progress):
        if isinstance(item, InputError):
            summary.failures.append(str(item))
            log.warning("%s", item)
            continue
        articles.append(item)
    if store is not None:
        from pugnlp.corpus.store import iter_articles as stored_articles

        articles.extend(stored_articles(store))
    return articles


def run_evaluate(golds: list[Path], inputs: list[Path], anotasi: Path | None,
                 model_dir: Path | None = None, use_models: bool = True,
                 entity_backend: str = "auto") -> dict[str, dict]:
    """Score the pipeline on the anotasi test split and on gold files.

    A gold line is matched to its article by ``text`` in the line, else by the file stem in
    ``inputs`` (as for shared/eval/seeds.gold.jsonl and shared/seeds/).
    """
    import json

    from pugnlp.article.html import text_to_article
    from pugnlp.article.load import iter_articles
    from pugnlp.errors import SchemaError
    from pugnlp.events.loader import extract_articles, load
    from pugnlp.scoring import score

    nlp = load(model_dir, rules_only=not use_models, entity_backend=entity_backend)
    results: dict[str, dict] = {}
    if anotasi is not None:
        from pugnlp.annotations import load_annotations

        test = [d for d in load_annotations(anotasi) if d.split == "test"]
        preds = [r.as_dict() for r in extract_articles(
            nlp, (text_to_article(d.text, d.id) for d in test))]
        results[f"{anotasi} (test split)"] = score(preds, [dict(id=d.id, **d.fields) for d in test])
    by_stem = {a.doc_id: a for a in iter_articles(inputs) if not isinstance(a, InputError)}
    for gold_path in golds:
        try:
            gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines()
                    if line.strip()]
        except (OSError, json.JSONDecodeError) as exc:
            raise SchemaError(f"{gold_path}: cannot read gold file ({exc})") from exc
        articles = []
        for row in gold:
            if row.get("text"):
                articles.append(text_to_article(row["text"], row["id"]))
            elif row["id"] in by_stem:
                articles.append(by_stem[row["id"]])
        preds = [r.as_dict() for r in extract_articles(nlp, articles)]
        results[str(gold_path)] = score(preds, gold)
    return results
