"""Incremental extraction: reuse the stored record of every article that has not changed since
it was extracted by the current pipeline; extract the others, storing their records as it goes.

The records are kept by :class:`pugnlp.corpus.extractions.Extractions` (in the corpus store, or
a records cache file); the pipeline version by :mod:`pugnlp.events.version`. The pipeline is
loaded only when some article needs extracting.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pugnlp.corpus.extractions import Extractions
from pugnlp.ioutil import checkpoint
from pugnlp.schema import Article

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

CACHE_NAME = ".rekaman.sqlite"
"""Where ``pugnlp run`` keeps its records when it reads no corpus store: this file in its
output folder (the same ``extractions`` table as a store's)."""
SAVE_EVERY = 64
"""Records stored per transaction while extracting: a killed run keeps all but the last
batch's work (a transaction costs ~1 ms; a batch of 64 articles ~1 s with the models)."""


@dataclass(slots=True)
class Outcome:
    """What an incremental extraction did."""

    records: list[dict[str, Any]]
    version: str
    extracted: int = 0
    reused: int = 0
    nlp: Language | None = None


def extract_changed(articles: Sequence[Article], cache: Extractions, version: str,
                    load_nlp: Callable[[], Language], *, n_process: int = 1,
                    save_every: int = SAVE_EVERY) -> Outcome:
    """One record per article, in order: the stored one when current, else extracted now.

    Args:
        articles: the articles of the run.
        cache: where records are kept (read, then written batch by batch).
        version: the pipeline version ``load_nlp`` gives (:func:`~pugnlp.events.version.
            planned_version`); records of another version are extracted again.
        load_nlp: loads the pipeline; called only when some article needs extracting.
        n_process: processes running the pipeline.
        save_every: records per stored batch.

    Raises:
        PugnlpError: the cache cannot be read or written.
        ModelError: the pipeline cannot be loaded.
    """
    from pugnlp.events.loader import extract_articles
    from pugnlp.events.version import loaded_version

    records: list[dict[str, Any] | None] = list(cache.current(articles, version))
    todo = [n for n, record in enumerate(records) if record is None]
    outcome = Outcome(records=[], version=version, reused=len(articles) - len(todo))
    if todo:
        nlp = load_nlp()
        outcome.nlp = nlp
        actual = loaded_version(nlp)
        if actual != version:  # the model folder changed since the plan: store the truth
            log.warning("pipeline version changed while loading: %s -> %s", version, actual)
            outcome.version = actual
        batch: list[tuple[Article, dict[str, Any]]] = []
        for n, record in zip(todo, extract_articles(nlp, (articles[n] for n in todo),
                                                    n_process=n_process)):
            records[n] = record.as_dict()
            batch.append((articles[n], records[n]))
            outcome.extracted += 1
            if len(batch) >= save_every:
                cache.save(batch, outcome.version)
                batch = []
                checkpoint("extracting")
        cache.save(batch, outcome.version)
    outcome.records = [r for r in records if r is not None]
    log.info("extraction: %d extracted, %d reused (%s)", outcome.extracted, outcome.reused,
             outcome.version)
    return outcome
