"""The extraction pipeline as used by the CLI: rules, plus trained models when present.

Models are loaded explicitly by :func:`load_pipeline` (never at import). Without models (or
with ``use_models=False``) the transparent rules of the extraction core decide everything.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from pugnlp.events.build import Extractor
from pugnlp.schema import Article, EventRecord

log = logging.getLogger(__name__)

DEFAULT_MODEL_DIR = Path("model")
PROJECT_MODEL_DIR = Path(__file__).resolve().parents[2] / "model"
"""``model/`` of the checkout the package runs from (editable install)."""


def default_model_dir() -> Path:
    """``./model`` when it holds models, else the project's own ``model/``."""
    if (DEFAULT_MODEL_DIR / "model_card.json").exists():
        return DEFAULT_MODEL_DIR
    return PROJECT_MODEL_DIR


class Pipeline:
    """Extractor + optional classifier (relevance/event type) and entity model."""

    def __init__(self, extractor: Extractor, classifier: Any | None = None,
                 entity_model: Any | None = None) -> None:
        self.extractor = extractor
        self.classifier = classifier
        self.entity_model = entity_model

    def describe(self) -> str:
        parts = ["rules"]
        if self.classifier is not None:
            parts.append("classifier")
        if self.entity_model is not None:
            parts.append("entity model")
        return " + ".join(parts)

    def extract_many(self, articles: Iterable[Article]) -> Iterator[EventRecord]:
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= 64:
                yield from self._run(batch)
                batch = []
        if batch:
            yield from self._run(batch)

    def extract(self, article: Article) -> EventRecord:
        return next(iter(self._run([article])))

    def _run(self, batch: list[Article]) -> Iterator[EventRecord]:
        records = list(self.extractor.extract_many(batch))
        if self.classifier is not None:
            decisions = self.classifier.decide(records)
            records = [replace(r, **d) for r, d in zip(records, decisions)]
        if self.entity_model is not None:  # after the classifier: it reads relevant articles
            records = self.entity_model.refine_many(records)
        yield from records


def load_pipeline(model_dir: Path | None = None, use_models: bool = True) -> Pipeline:
    """Build the pipeline; load trained models from ``model_dir`` (default ``model/``).

    Without models in the default folder the rules decide alone (the summary says so); a
    folder given explicitly must hold models.

    Raises:
        ModelError: a model file is present but corrupt or from another version.
    """
    extractor = Extractor()
    if not use_models:
        return Pipeline(extractor)
    from pugnlp.models import load_models

    classifier, entity_model = load_models(model_dir or default_model_dir(),
                                           required=model_dir is not None)
    return Pipeline(extractor, classifier, entity_model)
