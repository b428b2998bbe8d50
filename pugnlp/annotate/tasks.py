"""Machine output -> pre-annotated tasks for Label Studio (JSON) and doccano (JSONL).

Pure builders (:func:`labelstudio_task`, :func:`doccano_row`, :func:`tasks_from_records`,
:func:`tasks_from_docs`) and one edge function, :func:`export_tasks`, that reads articles (or
annotation files, to review them again), runs the extraction and writes the file atomically.

Label Studio task::

    {"id": 1, "data": {"text": "...", "doc_id": "a1_001", "title": "...", "url": "..."},
     "predictions": [{"model_version": "pugnlp 0.1.0 rules", "result": [
        {"id": "r1", "from_name": "label", "to_name": "text", "type": "labels",
         "value": {"start": 0, "end": 16, "text": "Pemko Banda Aceh", "labels": ["ORG"]}},
        {"id": "c1", "from_name": "relevant", "to_name": "text", "type": "choices",
         "value": {"choices": ["relevant"]}},
        {"id": "kab_kota", "from_name": "kab_kota", "to_name": "text", "type": "textarea",
         "value": {"text": ["Kota Banda Aceh"]}}, ...]}]}

Every document field is a control in the labeling config (see
:mod:`pugnlp.annotate.lsfields`), so annotators correct the fields as well as the spans.

doccano line (sequence labelling; every other key becomes the example's metadata)::

    {"text": "...", "label": [[0, 16, "ORG"]], "doc_id": "a1_001", "relevant": true, ...}
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pugnlp import __version__
from pugnlp.annotate.lsfields import field_results
from pugnlp.annotate.spans import Span, record_fields, record_meta, record_spans
from pugnlp.annotate.tools import (
    LABELS_TAG,
    NESTED_SPANS_KEY,
    TEXT_TAG,
    labelstudio_config,
    overlapping_count,
    to_utf16,
)
from pugnlp.annotations import DOC_FIELDS, AnnotatedDoc
from pugnlp.errors import AnnotationError
from pugnlp.schema import Article, EventRecord

if TYPE_CHECKING:
    from pugnlp.annotate.pick import PickResult

log = logging.getLogger(__name__)

FORMATS = ("labelstudio", "doccano")
SELECTIONS: tuple[str | None, ...] = (None, "uncertain")
"""``select`` of :func:`export_tasks`: every article, or the most informative ones."""


def labelstudio_task(index: int, doc_id: str, text: str, spans: Iterable[Span],
                     fields: dict[str, Any], meta: dict[str, Any] | None = None,
                     model_version: str = "", score: float | None = None) -> dict[str, Any]:
    """One Label Studio task with its pre-annotation as a prediction.

    Args:
        index: the task ``id`` (1, 2, ...; Label Studio gives its own ids on import).
        doc_id: the document id, kept in ``data.doc_id`` so the import finds the document.
        text: the text that the span offsets refer to.
        spans: ``(start, end, label)`` in code points (written as UTF-16 offsets).
        fields: document fields of the annotation format (``relevant``, ``event_type``, ...).
        meta: article metadata shown to annotators (title, url, published, outlet).
        model_version: what made the prediction.
        score: the prediction's score (the relevance probability when a model gave one).

    Returns:
        The task as a JSON-ready dict.
    """
    data: dict[str, Any] = {TEXT_TAG: text, "doc_id": doc_id, **(meta or {})}
    result: list[dict[str, Any]] = []
    for i, (start, end, label) in enumerate(sorted(spans), start=1):
        result.append({
            "id": f"s{i}", "from_name": LABELS_TAG, "to_name": TEXT_TAG, "type": "labels",
            "value": {"start": to_utf16(text, start), "end": to_utf16(text, end),
                      "text": text[start:end], "labels": [label]},
        })
    result.extend(field_results(fields))
    prediction: dict[str, Any] = {"model_version": model_version, "result": result}
    if score is not None:
        prediction["score"] = round(float(score), 4)
    return {"id": index, "data": data, "predictions": [prediction]}


def doccano_row(doc_id: str, text: str, spans: Iterable[Span], fields: dict[str, Any],
                meta: dict[str, Any] | None = None) -> dict[str, Any]:
    """One doccano sequence-labelling line; ``doc_id`` and the fields travel as metadata.

    ``nested_spans`` (metadata too) counts the spans that overlap another: doccano silently
    drops overlapping spans on import unless the project allows them, and the import uses
    the count to refuse a file that came back without them
    (:func:`pugnlp.annotate.readers.doccano_row_in`).
    """
    ordered = sorted(spans)
    row: dict[str, Any] = {"text": text, "label": [list(s) for s in ordered],
                           "doc_id": doc_id}
    row.update(meta or {})
    row.update({k: fields[k] for k in DOC_FIELDS if k in fields})
    row[NESTED_SPANS_KEY] = overlapping_count(ordered)
    return row


def tasks_from_records(records: Iterable[EventRecord], fmt: str,
                       model_version: str = "") -> list[dict[str, Any]]:
    """Pre-annotated tasks (``fmt`` is ``labelstudio`` or ``doccano``) from machine records."""
    _check_format(fmt)
    tasks = []
    for i, record in enumerate(records, start=1):
        spans, fields, meta = record_spans(record), record_fields(record), record_meta(record)
        if fmt == "labelstudio":
            tasks.append(labelstudio_task(i, record.doc_id, record.text, spans, fields, meta,
                                          model_version, record.relevant_score))
        else:
            tasks.append(doccano_row(record.doc_id, record.text, spans, fields, meta))
    return tasks


def tasks_from_docs(docs: Iterable[AnnotatedDoc], fmt: str) -> list[dict[str, Any]]:
    """Tasks that show already annotated documents again, for review (spans as predictions)."""
    _check_format(fmt)
    if fmt == "labelstudio":
        return [labelstudio_task(i, d.id, d.text, d.spans, d.fields, None, "anotasi")
                for i, d in enumerate(docs, start=1)]
    return [doccano_row(d.id, d.text, d.spans, d.fields) for d in docs]


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise AnnotationError(f"unknown task format {fmt!r} (use {' or '.join(FORMATS)})")


def dump_tasks(tasks: list[dict[str, Any]], fmt: str) -> str:
    """The file content: a JSON list for Label Studio, JSON lines for doccano."""
    _check_format(fmt)
    if fmt == "labelstudio":
        return json.dumps(tasks, ensure_ascii=False, indent=1) + "\n"
    return "".join(json.dumps(t, ensure_ascii=False) + "\n" for t in tasks)


def config_path_for(out: Path) -> Path:
    """Where the Label Studio labeling config is written beside the tasks file."""
    return out.with_name(out.stem + ".config.xml")


@dataclass(slots=True)
class ExportSummary:
    """What an export wrote and what it skipped."""

    output: Path
    fmt: str
    tasks: int = 0
    spans: int = 0
    config: Path | None = None
    models: str = "rules"
    failures: list[str] = field(default_factory=list)
    picked: PickResult | None = None

    def text(self) -> str:
        lines = []
        if self.picked is not None:
            lines.append(f"ranked {self.picked.ranked} unannotated articles, picked "
                         f"{len(self.picked.picks)} (skipped {len(self.picked.skipped)}: "
                         "already annotated or near-duplicates)")
        lines.append(f"{self.tasks} {self.fmt} tasks ({self.spans} spans) -> {self.output}")
        if self.config:
            lines.append(f"  labeling config: {self.config} (paste it in Settings > Labeling "
                         "Interface > Code)")
        if self.failures:
            lines.append(f"  skipped: {len(self.failures)} (see messages above)")
        return "\n".join(lines)


def export_tasks(paths: list[Path], out: Path, fmt: str, use_models: bool = True,
                 model_dir: Path | None = None, gold: bool = False, *,
                 store: Path | None = None, select: str | None = None, n: int = 20,
                 annotated: list[AnnotatedDoc] | None = None) -> ExportSummary:
    """Read ``paths``, pre-annotate and write the tasks to ``out`` (atomically).

    Args:
        paths: articles (.txt/.html/.jsonl or folders), or annotation files when ``gold``.
        out: the tasks file; for Label Studio the labeling config is written beside it.
        fmt: ``labelstudio`` or ``doccano``.
        use_models: use trained models from ``model_dir`` when present (else rules only).
        model_dir: folder of trained models (default ``model/``).
        gold: ``paths`` are annotation files: export their spans and fields unchanged.
        store: also read every article of this corpus store.
        select: None exports every article; ``uncertain`` only the ``n`` the models would
            learn most from (:func:`pugnlp.annotate.pick.pick`), best first.
        n: how many articles ``select`` keeps.
        annotated: documents already annotated, never selected again (with ``select``).

    Returns:
        The summary; bad input items are listed in ``failures`` and skipped; with
        ``select``, ``picked`` holds the ranking and why each article was picked.

    Raises:
        AnnotationError: unknown format or selection, or a bad annotation file when ``gold``.
        ModelError: a trained model is present but cannot be loaded.
    """
    from pugnlp.ioutil import atomic_write_text

    _check_format(fmt)
    if select not in SELECTIONS:
        raise AnnotationError(f"unknown selection {select!r} (use {SELECTIONS[1]})")
    summary = ExportSummary(output=out, fmt=fmt)
    if gold:
        from pugnlp.annotations import load_annotations

        docs = [d for p in paths for d in load_annotations(p)]
        tasks = tasks_from_docs(docs, fmt)
        summary.spans = sum(len(d.spans) for d in docs)
    else:
        records = _extract(paths, store, use_models, model_dir, summary, select, n,
                           annotated or [])
        model_version = f"pugnlp {__version__} {summary.models}" if records else ""
        tasks = tasks_from_records(records, fmt, model_version)
        summary.spans = sum(_span_count(t) for t in tasks)
    summary.tasks = len(tasks)
    atomic_write_text(out, dump_tasks(tasks, fmt))
    if fmt == "labelstudio":
        summary.config = config_path_for(out)
        atomic_write_text(summary.config, labelstudio_config())
    return summary


def _span_count(task: dict[str, Any]) -> int:
    if "predictions" in task:
        return sum(r["type"] == "labels" for r in task["predictions"][0]["result"])
    return len(task.get("label", []))


def _read_articles(paths: list[Path], store: Path | None, summary: ExportSummary
                   ) -> Iterator[Article]:
    from pugnlp.article.load import iter_articles
    from pugnlp.errors import InputError

    for item in iter_articles(paths):
        if isinstance(item, InputError):
            summary.failures.append(str(item))
            log.warning("%s", item)
            continue
        yield item
    if store is not None:
        from pugnlp.corpus.store import iter_articles as iter_stored

        yield from iter_stored(store)


def _extract(paths: list[Path], store: Path | None, use_models: bool, model_dir: Path | None,
             summary: ExportSummary, select: str | None, n: int,
             annotated: list[AnnotatedDoc]) -> list[EventRecord]:
    from pugnlp.events.loader import ArticleText, describe, extract_articles, load

    nlp = load(model_dir, rules_only=not use_models)
    summary.models = describe(nlp)
    articles = _read_articles(paths, store, summary)
    if select is None:
        return list(extract_articles(nlp, articles))
    from pugnlp.annotate.pick import pick, signals_from_doc

    records, signals = [], []
    for doc in nlp.pipe((ArticleText(a) for a in articles), batch_size=64):
        record, signal = signals_from_doc(doc)
        records.append(record)
        signals.append(signal)
    summary.picked = pick(signals, n, annotated)
    return [records[p.index] for p in summary.picked.picks]
