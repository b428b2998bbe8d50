"""Trained models: build them all (``pugnlp train``), load them with checks, describe them.

``model/`` holds:

- ``event_relevance.skops`` and ``event_type.skops``: the classifier (scikit-learn, skops);
- ``agency_select.skops``: drops the agencies an article names only in passing;
- ``ner/``: the spaCy entity model (PER, ORG, LOC);
- ``official_select.skops``: keeps the entity model's persons that the rules missed and that
  act in the event;
- ``model_card.json``: library versions, data hashes, training date, seeds and scores.

Loading checks the card against the installed libraries: a file that is missing, corrupt or
from another major.minor version of scikit-learn or spaCy raises :class:`ModelError` naming the
file and the fix (``pugnlp train``). There is no silent fall back to the rules.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import json
import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pugnlp import __version__
from pugnlp.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

    from pugnlp.annotate.corpus import AnnotatedDoc
    from pugnlp.events.agency_select import AgencySelector
    from pugnlp.events.classify import EventClassifier
    from pugnlp.events.official_select import OfficialSelector
    from pugnlp.schema import EventRecord

log = logging.getLogger(__name__)

RELEVANCE_FILE = "event_relevance.skops"
TYPE_FILE = "event_type.skops"
NER_DIR = "ner"
AGENCY_FILE = "agency_select.skops"
OFFICIAL_FILE = "official_select.skops"
CARD_FILE = "model_card.json"
NER_STEPS = 2000
"""Training steps of the entity model: about 140 s on 2 cores, idner-news-2k test F1 0.833."""


def _versions() -> dict[str, str]:
    import sklearn
    import skops
    import spacy

    return {"pugnlp": __version__, "scikit-learn": sklearn.__version__,
            "skops": skops.__version__, "spacy": spacy.__version__}


def _major_minor(version: str) -> str:
    return ".".join(version.split(".")[:2])


def file_sha1(path: Path) -> str:
    return hashlib.sha1(path.read_bytes()).hexdigest()


class EntityModel:
    """The spaCy NER model (and the two selectors) and how they refine the rules' output.

    Agencies: the agency selector drops those the article names only in passing
    (:mod:`pugnlp.events.agency_select`).

    Officials, added: in the articles the classifier finds relevant, the persons the model
    finds and the rules did not make officials are offered to the official selector
    (:mod:`pugnlp.events.official_select`), which keeps those that read as acting in the event.

    Officials, vetoed: a rule official whose name is a place of the gazetteer or ends in a
    region, where the model starts an organisation or a place and never sees a person, is
    dropped ("Grogol Petamburan", "Bapedda Merauke" read as names). One-word names are no
    longer vetoed: on real releases the model read "Syahbudin" and "Mu'Minun" (a Wakil Bupati,
    a Kepala Dinas) as places. A wider veto (any overlap) was measured and rejected: the model
    often reads "<position> <name>" as one ORG and vetoed real officials (seeds: officials F1
    1.0 -> 0.64). Figures in docs/models.md.
    """

    def __init__(self, nlp: Language, agency_selector: AgencySelector | None = None,
                 official_selector: OfficialSelector | None = None) -> None:
        self.nlp = nlp
        self.agency_selector = agency_selector
        self.official_selector = official_selector

    def refine_many(self, records: list[EventRecord]) -> list[EventRecord]:
        refined = self._veto_officials(records)
        if self.agency_selector is not None:
            refined = self.agency_selector.select_many(refined)
        if self.official_selector is not None:
            refined = self._add_officials(refined)
        return refined

    def _add_officials(self, records: list[EventRecord]) -> list[EventRecord]:
        """Officials the rules missed in the relevant articles: the model's persons that the
        official selector keeps (after the agency selector, which was trained on the rules'
        officials)."""
        from pugnlp.events.official_select import find_persons

        assert self.official_selector is not None
        chosen = [i for i, r in enumerate(records) if r.relevant]
        if not chosen:
            return records
        persons = find_persons(self.nlp, [records[i].text for i in chosen])
        added = self.official_selector.add_many([records[i] for i in chosen], persons)
        out = list(records)
        for i, record in zip(chosen, added):
            out[i] = record
        return out

    def _veto_officials(self, records: list[EventRecord]) -> list[EventRecord]:
        """Run the NER only on the paragraphs of the officials it may veto (names that are
        gazetteer places): most articles have none, which keeps the models' cost low. (A
        sentence alone was measured as too little context: two more real names vetoed.)"""
        from pugnlp.article.clean import paragraph_span

        jobs: list[tuple[int, int, int]] = []  # (record, official, sentence start)
        texts: list[str] = []
        for ri, record in enumerate(records):
            for oi, official in enumerate(record.officials):
                if _a_place(official.name):
                    start, end = paragraph_span(record.text, official.evidence.start)
                    jobs.append((ri, oi, start))
                    texts.append(record.text[start:max(end, official.evidence.end)])
        vetoed: set[tuple[int, int]] = set()
        for (ri, oi, offset), doc in zip(jobs, self.nlp.pipe(texts, batch_size=64)):
            ev = records[ri].officials[oi].evidence
            start, end = ev.start - offset, ev.end - offset
            person = any(e.label_ == "PER" and e.start_char < end and start < e.end_char
                         for e in doc.ents)
            other = any(e.label_ in ("ORG", "LOC") and e.start_char == start and e.end_char >= end
                        for e in doc.ents)
            if other and not person:
                vetoed.add((ri, oi))
        return [replace(r, officials=tuple(o for oi, o in enumerate(r.officials)
                                           if (ri, oi) not in vetoed))
                if any(key[0] == ri for key in vetoed) else r
                for ri, r in enumerate(records)]


def _a_place(name: str) -> bool:
    """A gazetteer place, or words ending in a regency, city or province ("Bapedda Merauke":
    an agency, misspelt, read as a name)."""
    from pugnlp.wilayah import load_gazetteer, norm_key

    gaz = load_gazetteer()
    words = name.split()
    return (norm_key(name) in gaz.by_district or bool(gaz.lookup(name))
            or len(words) > 1 and bool(gaz.lookup(words[-1])))


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while the libraries and models load.

    Importing scikit-learn, skops and spaCy creates hundreds of thousands of objects, none of
    them garbage; the collector's passes over them cost about 8 % of the load time
    (bench/load_models.py: median 1.85 s paused against 2.02 s, 10 runs each). The state found
    is restored on the way out, whatever a library did meanwhile. srsly re-enables the
    collector while spaCy reads its files, so the objects already there are frozen before the
    entity model loads (median 1.93 -> 1.83 s over three pairs of 7 runs) and thawed after,
    unless the caller had frozen some itself.
    """
    was_enabled = gc.isenabled()
    was_frozen = gc.get_freeze_count() > 0
    gc.disable()
    try:
        yield
    finally:
        if not was_frozen:
            gc.unfreeze()
        if was_enabled:
            gc.enable()
        else:
            gc.disable()


def load_models(folder: Path, *, required: bool = False
                ) -> tuple[EventClassifier | None, EntityModel | None]:
    """Load the classifier and the entity model from ``folder``.

    A folder without a model card means "no models" (rules only) unless ``required``.

    Raises:
        ModelError: a card exists but a file is missing, corrupt or from another version.
    """
    with _gc_paused():
        return _load_models(folder, required=required)


def _load_models(folder: Path, *, required: bool
                 ) -> tuple[EventClassifier | None, EntityModel | None]:
    card_path = folder / CARD_FILE
    if not card_path.exists():
        if required:
            raise ModelError(f"{card_path}: no trained models here; build them with `pugnlp train`")
        return None, None
    try:
        card = json.loads(card_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ModelError(f"{card_path}: unreadable model card ({exc}); rebuild with "
                         "`pugnlp train`") from exc
    installed = _versions()
    for lib in ("scikit-learn", "spacy"):
        trained = card.get("versions", {}).get(lib, "?")
        if _major_minor(trained) != _major_minor(installed[lib]):
            raise ModelError(f"{folder}: models were trained with {lib} {trained}, but {lib} "
                             f"{installed[lib]} is installed; rebuild them with `pugnlp train`")
    from pugnlp.events.classify import EventClassifier, load_model

    classifier = EventClassifier(load_model(folder / RELEVANCE_FILE),
                                 load_model(folder / TYPE_FILE))
    selector = None
    if AGENCY_FILE in card.get("files", []):
        from pugnlp.events.agency_select import AgencySelector

        threshold = float(card.get("agency_selector", {}).get("threshold", 0.5))
        selector = AgencySelector(load_model(folder / AGENCY_FILE), threshold)
    official_selector = None
    if OFFICIAL_FILE in card.get("files", []):
        from pugnlp.events.official_select import OfficialSelector
        from pugnlp.nlp.lexicon import load_lexicon

        threshold = float(card.get("official_selector", {}).get("threshold", 0.5))
        official_selector = OfficialSelector(load_model(folder / OFFICIAL_FILE), threshold,
                                             load_lexicon())
    gc.freeze()  # srsly re-enables the collector while spaCy loads: spare it the imports
    return classifier, EntityModel(_load_ner(folder / NER_DIR), selector, official_selector)


def _load_ner(path: Path) -> Language:
    import spacy

    import pugnlp.nlp.pipeline  # noqa: F401  (registers pugnlp.Tokenizer.v1)

    if not (path / "config.cfg").exists():
        raise ModelError(f"{path}: entity model missing; rebuild it with `pugnlp train`")
    try:
        return spacy.load(path, exclude=["tokenizer"])
    except Exception as exc:  # spaCy raises many kinds on a damaged folder
        raise ModelError(f"{path}: cannot load the entity model ({type(exc).__name__}: {exc}); "
                         "rebuild it with `pugnlp train`") from exc


# -- training -------------------------------------------------------------------------------


def train_all(anotasi: Path, shared_data: Path, out: Path, *, extra_ner: tuple[str, ...] = (),
              ner_steps: int = NER_STEPS, progress: Callable[[str], None] = log.info
              ) -> dict[str, Any]:
    """Rebuild every model from scratch (fixed seeds) and write the model card last."""
    from pugnlp.annotate.corpus import load_annotations

    started = time.perf_counter()
    docs = load_annotations(anotasi)
    out.mkdir(parents=True, exist_ok=True)
    progress(f"annotations: {len(docs)} documents from {anotasi}")
    clf_scores = _train_classifier(docs, out, progress)
    agency_card = _train_agency_selector(docs, out, progress)
    ner_scores, provenance = _train_entities(docs, shared_data, out, extra_ner, ner_steps, progress)
    official_card = _train_official_selector(docs, out, progress)
    card = {
        "pugnlp_model": "pugnlp event classifier + entity model",
        "trained": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "seconds": round(time.perf_counter() - started, 1),
        "versions": _versions(),
        "seeds": {"classifier": 13, "ner": 13},
        "data": {
            "anotasi": {str(p.name): file_sha1(p) for p in sorted(_annotation_files(anotasi))},
            "public_ner": {name: {"file": spec[0], "sha1": file_sha1(shared_data / spec[0]),
                                  "source_commit": _source_commit(shared_data / spec[0])}
                           for name, spec in _public_specs().items()
                           if name in provenance["public_sets"] or name == "idner-dev"},
            "ner_corpus": provenance,
        },
        "scores": {"classifier": clf_scores, "entities": ner_scores,
                   "agency_selector": agency_card["scores"],
                   "official_selector": official_card["scores"]},
        "agency_selector": {"threshold": agency_card["threshold"],
                            "rule": agency_card["rule"]},
        "official_selector": {"threshold": official_card["threshold"],
                              "rule": official_card["rule"]},
        "files": [RELEVANCE_FILE, TYPE_FILE, AGENCY_FILE, OFFICIAL_FILE, NER_DIR],
    }
    from pugnlp.ioutil import atomic_write_text

    atomic_write_text(out / CARD_FILE, json.dumps(card, indent=1, ensure_ascii=False) + "\n")
    return card


def _source_commit(data_file: Path) -> str | None:
    """The upstream commit recorded in the data folder's SOURCE.md ("**Commit:** <sha>")."""
    import re

    source = data_file.parent / "SOURCE.md"
    if not source.exists():
        return None
    match = re.search(r"\*\*Commit:\*\*\s*([0-9a-f]{7,40})", source.read_text(encoding="utf-8"))
    return match.group(1) if match else None


def _annotation_files(anotasi: Path) -> list[Path]:
    return sorted(anotasi.glob("*.jsonl")) if anotasi.is_dir() else [anotasi]


def _public_specs() -> dict[str, tuple[str, int, int, str | None]]:
    from pugnlp.nlp.train import PUBLIC_SETS

    return PUBLIC_SETS


def _train_classifier(docs: list[AnnotatedDoc], out: Path,
                      progress: Callable[[str], None]) -> dict[str, Any]:
    from sklearn.metrics import f1_score

    from pugnlp.article.html import text_to_article
    from pugnlp.events.classify import fit_model, frame, save_model

    articles = {d.id: text_to_article(d.text, d.id) for d in docs}

    def table(subset: list[AnnotatedDoc]):  # type: ignore[no-untyped-def]
        return frame([articles[d.id].text for d in subset], [articles[d.id].title for d in subset])

    train = [d for d in docs if d.split == "train"]
    relevant_train = [d for d in train if d.fields.get("relevant")]
    progress(f"classifier: relevance on {len(train)} docs, event type on {len(relevant_train)}")
    relevance = fit_model(table(train), [bool(d.fields.get("relevant")) for d in train])
    event_type = fit_model(table(relevant_train), [d.fields["event_type"] for d in relevant_train])
    save_model(relevance, out / RELEVANCE_FILE)
    save_model(event_type, out / TYPE_FILE)
    scores: dict[str, Any] = {}
    for split in ("dev", "test"):
        subset = [d for d in docs if d.split == split]
        if not subset:
            continue
        gold = [bool(d.fields.get("relevant")) for d in subset]
        pred = relevance.predict(table(subset))
        rel = [d for d in subset if d.fields.get("relevant")]
        types = event_type.predict(table(rel)) if rel else []
        scores[split] = {
            "documents": len(subset),
            "relevance_f1": round(float(f1_score(gold, pred)), 4),
            "event_type_macro_f1": round(float(f1_score([d.fields["event_type"] for d in rel],
                                                        types, average="macro")), 4) if rel else None,
        }
    progress(f"classifier scores: {scores}")
    return scores


def _train_agency_selector(docs: list[AnnotatedDoc], out: Path,
                           progress: Callable[[str], None]) -> dict[str, Any]:
    """Fit the agency selector on the rules' output for the relevant train documents; the
    threshold is the highest at which the agencies it removes from the dev documents are
    still at least :data:`REMOVAL_PRECISION` truly not annotated."""
    from pugnlp.article.html import text_to_article
    from pugnlp.evaluate import score
    from pugnlp.events.agency_select import AgencySelector, pick_threshold, training_rows
    from pugnlp.events.build import Extractor
    from pugnlp.events.classify import save_model
    from pugnlp.events.selectors import build_selector

    relevant = [d for d in docs if d.fields.get("relevant")]
    extractor = Extractor()
    records = dict(zip((d.id for d in relevant),
                       extractor.extract_many([text_to_article(d.text, d.id) for d in relevant])))

    def rows(split: str) -> tuple[list[dict[str, float]], list[bool]]:
        subset = [d for d in relevant if d.split == split]
        return training_rows([records[d.id] for d in subset],
                             [d.fields.get("agencies") or [] for d in subset])

    X, y = rows("train")  # noqa: N806
    progress(f"agency selector: {len(X)} agencies of {sum(d.split == 'train' for d in relevant)} "
             "relevant train docs")
    model = build_selector().fit(X, y)
    X_dev, y_dev = rows("dev")  # noqa: N806
    threshold = pick_threshold(model, X_dev, y_dev)
    save_model(model, out / AGENCY_FILE)
    selector = AgencySelector(model, threshold)
    scores: dict[str, Any] = {}
    for split in ("dev", "test"):
        subset = [d for d in relevant if d.split == split]
        gold = [{"id": d.id, **d.fields} for d in subset]
        before = [records[d.id] for d in subset]
        after = selector.select_many(before)
        f1_before = score([r.as_dict() for r in before], gold)["agencies_f1"]
        f1_after = score([r.as_dict() for r in after], gold)["agencies_f1"]
        scores[split] = {"documents": len(subset), "rules_agencies_f1": f1_before,
                         "selected_agencies_f1": f1_after}
    progress(f"agency selector: threshold {threshold}, scores {scores}")
    return {"threshold": threshold, "scores": scores,
            "rule": "highest threshold whose removals on dev are >= 85 % not annotated"}


def _train_official_selector(docs: list[AnnotatedDoc], out: Path,
                             progress: Callable[[str], None]) -> dict[str, Any]:
    """Fit the official selector on the persons the freshly trained entity model finds in the
    relevant train documents (the rules' officials included); the threshold is the one (0.05
    steps from 0.3 to 0.9) with the best officials F1 on the dev documents, the higher on a tie."""
    from pugnlp.article.html import text_to_article
    from pugnlp.evaluate import score
    from pugnlp.events.build import Extractor
    from pugnlp.events.classify import save_model
    from pugnlp.events.official_select import (
        OfficialSelector,
        find_persons,
        official_candidates,
        training_rows,
    )
    from pugnlp.events.selectors import build_selector
    from pugnlp.nlp.lexicon import load_lexicon

    relevant = [d for d in docs if d.fields.get("relevant")]
    records = list(Extractor().extract_many([text_to_article(d.text, d.id) for d in relevant]))
    persons = find_persons(_load_ner(out / NER_DIR), [r.text for r in records])
    lexicon = load_lexicon()

    def subset(split: str) -> list[int]:
        return [i for i, d in enumerate(relevant) if d.split == split]

    train = subset("train")
    # the rules' officials are trained on too: 60 persons beyond them alone made the model
    # swing with every retraining (test 0.966-0.975 across thresholds), 750 do not
    X, y = training_rows(  # noqa: N806
        [official_candidates(records[i], persons[i], lexicon, include_officials=True)
         for i in train],
        [[o["name"] for o in relevant[i].fields.get("officials") or []] for i in train])
    progress(f"official selector: {len(X)} persons the entity model finds in {len(train)} "
             f"relevant train docs ({sum(y)} of them annotated officials)")
    model = build_selector().fit(X, y)
    save_model(model, out / OFFICIAL_FILE)

    def f1(split: str, threshold: float | None) -> float:
        idx = subset(split)
        gold = [{"id": relevant[i].id, **relevant[i].fields} for i in idx]
        before = [records[i] for i in idx]
        after = before if threshold is None else OfficialSelector(model, threshold, lexicon) \
            .add_many(before, [persons[i] for i in idx])
        return float(score([r.as_dict() for r in after], gold)["officials_f1"])

    threshold = max((round(0.3 + 0.05 * k, 2) for k in range(13)),
                    key=lambda t: (f1("dev", t), t))
    scores = {split: {"documents": len(subset(split)), "rules_officials_f1": f1(split, None),
                      "with_selected_officials_f1": f1(split, threshold)}
              for split in ("dev", "test")}
    progress(f"official selector: threshold {threshold}, scores {scores}")
    return {"threshold": threshold, "scores": scores,
            "rule": "best officials F1 on dev (thresholds 0.30-0.90), the higher on a tie"}


def _train_entities(docs: list[AnnotatedDoc], shared_data: Path, out: Path,
                    extra: tuple[str, ...], steps: int, progress: Callable[[str], None]
                    ) -> tuple[dict[str, Any], dict[str, Any]]:
    import spacy

    from pugnlp.nlp.train import build_corpora, evaluate_ner, iob_docs, read_iob, train_ner

    train, dev, provenance = build_corpora(shared_data, docs, extra)
    progress(f"entity model: {len(train)} training docs ({', '.join(provenance['public_sets'])} "
             f"+ anotasi train), {steps} steps")
    train_ner(train, dev, out / NER_DIR, max_steps=steps)
    nlp = _load_ner(out / NER_DIR)
    test = iob_docs(spacy.blank("id"), read_iob(shared_data / "idner-news-2k/test.txt", 0, 2, " "))
    scores = {"idner-news-2k test": evaluate_ner(nlp, test)}
    progress(f"entity model scores: {scores}")
    return scores, provenance
