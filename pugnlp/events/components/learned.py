"""The learned components: the classifier, the entity model and the two selectors.

Each carries its trained data: ``initialize(..., model=...)`` takes it after training,
``to_disk`` writes it into the component's folder of the pipeline (``model/<name>/``) and
``from_disk`` reads it back, refusing a missing or corrupt file with a :class:`ModelError`
naming it. A selector's file is a scikit-learn ``FixedThresholdClassifier``: the threshold
travels with the model. They work on batches (``pipe``): scikit-learn and the entity model
are much faster on many rows at once.

Order (declared in :data:`pugnlp.events.loader.LEARNED_PIPES`): the classifier first, since
the entity model reads only the articles it finds relevant; the entity model (veto of rule
officials that are places, PER spans) before the agency selector (trained on the rules'
officials) and the official selector (which adds the entity model's persons).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spacy.language import Language
from spacy.util import minibatch

from pugnlp.errors import ModelError
from pugnlp.events.record import Decision, article_of, record_from_doc, text_of

if TYPE_CHECKING:
    from sklearn.pipeline import Pipeline
    from spacy.tokens import Doc

    from pugnlp.events.agency_select import AgencySelector
    from pugnlp.events.classify import EventClassifier
    from pugnlp.events.official_select import OfficialSelector

THRESHOLD_TYPES = ("sklearn.model_selection._classification_threshold.FixedThresholdClassifier",)
BATCH = 64
"""Docs per batch of the learned components (as the pipeline before them: 64)."""


class _Learned:
    """What the learned components share: a name, a batch loop, a guard on missing data."""

    name: str

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = BATCH) -> Iterator[Doc]:
        for batch in minibatch(docs, size=min(batch_size, BATCH)):
            self.set_annotations(batch)
            yield from batch

    def set_annotations(self, docs: list[Doc]) -> None:
        raise NotImplementedError

    def _missing(self) -> ModelError:
        return ModelError(f"component {self.name!r} has no trained data: load a trained "
                          "pipeline (pugnlp.load) or run `pugnlp train`")


class Classifier(_Learned):
    """``doc._.decision`` from the relevance and event-type models (scores included), and
    ``doc._.class_probabilities``, every type's probability."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.model: EventClassifier | None = None

    def initialize(self, get_examples: Any = None, *, nlp: Language | None = None,
                   relevance: Pipeline | None = None, event_type: Pipeline | None = None
                   ) -> None:
        from pugnlp.events.classify import EventClassifier

        if relevance is None or event_type is None:
            raise ModelError(f"{self.name}: initialize needs the fitted relevance and "
                             "event-type models")
        self.model = EventClassifier(relevance, event_type)

    def set_annotations(self, docs: list[Doc]) -> None:
        if self.model is None:
            raise self._missing()
        probabilities = self.model.probabilities([article_of(doc) for doc in docs],
                                                 [doc._.activity for doc in docs])
        for doc, p in zip(docs, probabilities):
            doc._.decision = Decision(**p.decision())
            doc._.class_probabilities = p

    def to_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> None:
        from pugnlp.events.classify import save_model

        if self.model is None:
            raise self._missing()
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        save_model(self.model.relevance, path / "relevance.skops")
        save_model(self.model.event_type, path / "event_type.skops")

    def from_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> Classifier:
        from pugnlp.events.classify import EventClassifier, load_model

        path = Path(path)
        self.model = EventClassifier(load_model(path / "relevance.skops"),
                                     load_model(path / "event_type.skops"))
        return self


class Entities(_Learned):
    """The entity model (spaCy NER, PER/ORG/LOC), kept as a pipeline of its own in
    ``<name>/``: it reads paragraphs, not whole Docs.

    - veto: a rule official whose name is a gazetteer place or ends in a region, where the
      model starts an organisation or a place and sees no person, is dropped from
      ``doc._.persons`` ("Grogol Petamburan", "Bapedda Merauke" read as names). One-word
      names are not vetoed: on real releases the model read a Wakil Bupati and a Kepala
      Dinas as places. A wider veto (any overlap) was measured and rejected (seeds:
      officials F1 1.0 -> 0.64), docs/models.md.
    - ``doc._.entity_persons``: in relevant articles, the PER spans of the paragraphs worth
      reading (:func:`pugnlp.events.official_select.reading_spans`), for the official
      selector.
    """

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.ner: Any = None  # a spaCy Language, or a StanzaNER: both answer pipe(texts)
        self.also: Any = None  # another backend's model, written beside ``ner``, not used
        self.folder: Path | None = None

    @property
    def backend(self) -> str | None:
        """"spacy" or "stanza": the model in use (None before one is loaded)."""
        return None if self.ner is None else _backend_of(self.ner)

    def initialize(self, get_examples: Any = None, *, nlp: Language | None = None,
                   ner: Any = None, also: Any = None) -> None:
        """``ner``: the entity model to use; ``also``: a model of the other backend, kept
        in the folder for ``--entity-backend`` to choose (``pugnlp train --entity-backend
        both``)."""
        if ner is None:
            raise ModelError(f"{self.name}: initialize needs the trained entity model")
        if also is not None and _backend_of(also) == _backend_of(ner):
            raise ModelError(f"{self.name}: the second entity model must be of the other "
                             f"backend, not {_backend_of(ner)}")
        self.ner = ner
        self.also = also
        self.folder = None

    def set_annotations(self, docs: list[Doc]) -> None:
        from pugnlp.events.official_select import find_persons

        if self.ner is None and self.folder is not None:
            self.use_backend("auto")
        if self.ner is None:
            raise self._missing()
        self._veto(docs)
        relevant = [d for d in docs if d._.decision is not None and d._.decision.relevant]
        for doc, spans in zip(relevant, find_persons(self.ner, [text_of(d) for d in relevant])):
            doc._.entity_persons = tuple(spans)

    def _veto(self, docs: list[Doc]) -> None:
        """The NER runs only on the paragraphs of the officials it may veto: most articles
        have none. (A sentence alone was measured as too little context.)"""
        from pugnlp.article.clean import paragraph_span

        assert self.ner is not None
        jobs: list[tuple[int, int, int]] = []  # (doc, person, paragraph start)
        texts: list[str] = []
        for di, doc in enumerate(docs):
            for pi, person in enumerate(doc._.persons or ()):
                if _a_place(person.name):
                    start, end = paragraph_span(text_of(doc), person.name_start)
                    jobs.append((di, pi, start))
                    texts.append(text_of(doc)[start:max(end, person.name_end)])
        vetoed: set[tuple[int, int]] = set()
        for (di, pi, offset), ents in zip(jobs, self.ner.pipe(texts, batch_size=64)):
            person = docs[di]._.persons[pi]
            start, end = person.name_start - offset, person.name_end - offset
            is_person = any(e.label_ == "PER" and e.start_char < end and start < e.end_char
                            for e in ents.ents)
            other = any(e.label_ in ("ORG", "LOC") and e.start_char == start
                        and e.end_char >= end for e in ents.ents)
            if other and not is_person:
                vetoed.add((di, pi))
        for di in {di for di, _ in vetoed}:
            docs[di]._.persons = tuple(p for pi, p in enumerate(docs[di]._.persons)
                                       if (di, pi) not in vetoed)

    def to_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the entity model; one read from a folder is copied whole (every backend's
        model in it, whichever is loaded)."""
        import shutil

        if self.folder is not None:
            if Path(path).resolve() != self.folder.resolve():
                shutil.copytree(self.folder, path, dirs_exist_ok=True)
            return
        if self.ner is None:
            raise self._missing()
        for model in (self.ner, self.also):
            if model is None:
                continue
            if _backend_of(model) == "stanza":
                from pugnlp.nlp.stanza_ner import STANZA_DIR

                model.to_disk(Path(path) / STANZA_DIR)
            else:
                model.to_disk(path, exclude=["tokenizer"])

    def from_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> Entities:
        """Note the folder; the model is loaded by :meth:`use_backend` (``pugnlp.load``
        calls it with the backend asked for) or, if nobody did, at first use ("auto")."""
        self.folder = Path(path)
        self.ner = None
        self.also = None
        if not entity_backends(self.folder):
            raise ModelError(f"{self.folder}: entity model missing; rebuild it with "
                             "`pugnlp train`")
        return self

    def use_backend(self, backend: str = "auto") -> str:
        """Load the entity model of the pipeline folder with ``backend``; returns the one
        loaded. "auto": spaCy when the folder has a spaCy model, else its stanza model.

        Raises:
            ModelError: the folder has no model of that backend, or its files are damaged.
            StanzaMissing: stanza asked for (or the only model there) without the extra.
        """
        if self.folder is None:
            if backend not in ("auto", self.backend):
                raise ModelError(f"{self.name}: the entity model given is {self.backend}, "
                                 f"not {backend}")
            return str(self.backend)
        chosen = choose_backend(self.folder, backend)
        if chosen == "stanza":
            from pugnlp.nlp.stanza_ner import STANZA_DIR, load

            self.ner = load(self.folder / STANZA_DIR)
        else:
            self.ner = load_ner(self.folder)
        return chosen


def _backend_of(model: Any) -> str:
    return str(getattr(model, "backend", "spacy"))


def entity_backends(folder: Path) -> tuple[str, ...]:
    """The backends whose entity model ``folder`` (a ``pug_entities/`` folder) holds."""
    from pugnlp.nlp.stanza_ner import STANZA_DIR, has_model

    found = ()
    if has_model(folder / STANZA_DIR):
        found += ("stanza",)
    if (folder / "config.cfg").exists():
        found += ("spacy",)
    return found


def choose_backend(folder: Path, backend: str = "auto") -> str:
    """Which entity model of ``folder`` to load for ``backend`` ("auto", "spacy", "stanza").

    Raises:
        ModelError: the folder has no model of that backend.
        StanzaMissing: stanza asked for, or the folder's only model, without the extra.
    """
    from pugnlp.nlp import stanza_ner

    there = entity_backends(folder)
    if backend == "auto":  # spaCy first: stanza did not win through the whole pipeline
        backend = "stanza" if there == ("stanza",) else "spacy"
    if backend not in ("spacy", "stanza"):
        raise ModelError(f"unknown entity backend {backend!r}: spacy, stanza or auto")
    if backend == "stanza":
        stanza_ner.require()
    if backend not in there:
        hint = ("pugnlp train --entity-backend stanza" if backend == "stanza"
                else "pugnlp train")
        raise ModelError(f"{folder}: no {backend} entity model here (it has: "
                         f"{', '.join(there) or 'none'}); build one with `{hint}`")
    return backend


def load_ner(path: Path) -> Language:
    """The entity model's own pipeline (its tokenizer is pugnlp's, built from the config).

    Raises:
        ModelError: the folder is missing or damaged.
    """
    import spacy

    if not (path / "config.cfg").exists():
        raise ModelError(f"{path}: entity model missing; rebuild it with `pugnlp train`")
    try:
        return spacy.load(path, exclude=["tokenizer"])
    except Exception as exc:  # spaCy raises many kinds on a damaged folder
        raise ModelError(f"{path}: cannot load the entity model ({type(exc).__name__}: "
                         f"{exc}); rebuild it with `pugnlp train`") from exc


def _a_place(name: str) -> bool:
    """A gazetteer place, or words ending in a regency, city or province ("Bapedda Merauke":
    an agency, misspelt, read as a name)."""
    from pugnlp.wilayah import load_gazetteer, norm_key

    gaz = load_gazetteer()
    words = name.split()
    return (norm_key(name) in gaz.by_district or bool(gaz.lookup(name))
            or len(words) > 1 and bool(gaz.lookup(words[-1])))


class _Selector(_Learned):
    """A learned selector saved as a ``FixedThresholdClassifier`` (model + threshold)."""

    FILE = "model.skops"

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.classifier: Any = None  # FixedThresholdClassifier

    def initialize(self, get_examples: Any = None, *, nlp: Language | None = None,
                   model: Pipeline | None = None, threshold: float | None = None) -> None:
        from sklearn.model_selection import FixedThresholdClassifier

        if model is None or threshold is None:
            raise ModelError(f"{self.name}: initialize needs the fitted model and threshold")
        # a fitted estimator: the wrapper predicts without being fitted again
        self.classifier = FixedThresholdClassifier(model, threshold=float(threshold))

    @property
    def threshold(self) -> float:
        return float(self.classifier.threshold)

    def to_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> None:
        from pugnlp.events.classify import save_model

        if self.classifier is None:
            raise self._missing()
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        save_model(self.classifier, path / self.FILE)

    def from_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> _Selector:
        from pugnlp.events.classify import TRUSTED_TYPES, load_model

        file = Path(path) / self.FILE
        classifier = load_model(file, TRUSTED_TYPES + THRESHOLD_TYPES)
        if type(classifier).__name__ != "FixedThresholdClassifier":
            raise ModelError(f"{file}: not a selector with a threshold; rebuild it with "
                             "`pugnlp train`")
        self.classifier = classifier
        return self


class AgencySelect(_Selector):
    """``doc._.agencies`` without the agencies an article names only in passing;
    ``doc._.agency_scores``, the probability of each."""

    def selector(self) -> AgencySelector:
        from pugnlp.events.agency_select import AgencySelector

        if self.classifier is None:
            raise self._missing()
        return AgencySelector(self.classifier.estimator, self.threshold)

    def set_annotations(self, docs: list[Doc]) -> None:
        from pugnlp.events.record import ScoredMention

        records = [record_from_doc(d) for d in docs]
        selector = self.selector()
        probabilities = selector.probabilities(records)
        for doc, record, probs in zip(docs, records, probabilities):
            doc._.agency_scores = tuple(
                ScoredMention(a.name, a.evidence.start, a.evidence.end, round(p, 4),
                              selector.threshold) for a, p in zip(record.agencies, probs))
        for doc, before, after in zip(docs, records,
                                      selector.select_many(records, probabilities)):
            if after is before:
                continue
            kept = {id(a) for a in after.agencies}
            doc._.agencies = tuple(e for e, a in zip(doc._.agencies, before.agencies)
                                   if id(a) in kept)


class OfficialSelect(_Selector):
    """``doc._.selected_officials``: the entity model's persons (in relevant articles) that
    the rules missed and that read as acting in the event; ``doc._.official_scores``, the
    probability of every person it read."""

    def selector(self) -> OfficialSelector:
        from pugnlp.events.official_select import OfficialSelector
        from pugnlp.nlp.lexicon import load_lexicon

        if self.classifier is None:
            raise self._missing()
        return OfficialSelector(self.classifier.estimator, self.threshold, load_lexicon())

    def set_annotations(self, docs: list[Doc]) -> None:
        relevant = [d for d in docs if d._.decision is not None and d._.decision.relevant]
        if not relevant:
            return
        from pugnlp.events.record import ScoredMention

        records = [record_from_doc(d) for d in relevant]
        persons = [list(d._.entity_persons or ()) for d in relevant]
        selector = self.selector()
        scored = selector.score_many(records, persons)
        for doc, pairs in zip(relevant, scored):
            doc._.official_scores = tuple(
                ScoredMention(c.name, c.start, c.end, round(p, 4), selector.threshold)
                for c, p in pairs)
        for doc, before, after in zip(relevant, records,
                                      selector.add_many(records, persons, scored)):
            old = {id(o) for o in before.officials}
            doc._.selected_officials = tuple(o for o in after.officials if id(o) not in old)


# -- registration ----------------------------------------------------------------------------


@Language.factory("pug_classifier", assigns=["doc._.decision", "doc._.class_probabilities"],
                  requires=["doc._.article", "doc._.decision", "doc._.activity"])
def make_classifier(nlp: Language, name: str) -> Classifier:
    return Classifier(nlp, name)


@Language.factory("pug_entities", assigns=["doc._.persons", "doc._.entity_persons"],
                  requires=["doc._.persons", "doc._.decision"])
def make_entities(nlp: Language, name: str) -> Entities:
    return Entities(nlp, name)


@Language.factory("pug_agency_select", assigns=["doc._.agencies", "doc._.agency_scores"],
                  requires=["doc._.agencies", "doc._.persons"])
def make_agency_select(nlp: Language, name: str) -> AgencySelect:
    return AgencySelect(nlp, name)


@Language.factory("pug_official_select",
                  assigns=["doc._.selected_officials", "doc._.official_scores"],
                  requires=["doc._.entity_persons", "doc._.agencies", "doc._.decision"])
def make_official_select(nlp: Language, name: str) -> OfficialSelect:
    return OfficialSelect(nlp, name)
