"""``pugnlp train``: rebuild every learned component of the pipeline and write ``model/``.

The classifier (relevance, event type), the agency selector, the entity model and the official
selector (trained on the entity model's persons) are fitted with fixed seeds, handed to their
components through ``initialize`` and written by ``nlp.to_disk`` into a temporary folder that
replaces ``out`` only when complete. The model card (library versions, data hashes, seeds,
scores, thresholds) is ``meta["model_card"]`` of that folder.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pugnlp import __version__
from pugnlp.errors import PugnlpError
from pugnlp.events.loader import CARD_KEY, build, extract_articles

if TYPE_CHECKING:
    from sklearn.pipeline import Pipeline
    from spacy.language import Language

    from pugnlp.annotations import AnnotatedDoc
    from pugnlp.schema import EventRecord

log = logging.getLogger(__name__)


class TrainingError(PugnlpError):
    """The annotations cannot train a component (too few documents or examples)."""

ENTITY_BACKENDS: tuple[str, ...] = ("spacy", "stanza", "both")
"""What ``pugnlp train --entity-backend`` can train: "both" puts a stanza model beside the
spaCy one (the default entity model, which the official selector learns from)."""

NER_STEPS = 2000
"""Training steps of the entity model: about 140 s on 2 cores, idner-news-2k test F1 0.833."""


def _versions() -> dict[str, str]:
    import sklearn
    import skops
    import spacy

    return {"pugnlp": __version__, "scikit-learn": sklearn.__version__,
            "skops": skops.__version__, "spacy": spacy.__version__}


def file_sha1(path: Path) -> str:
    return hashlib.sha1(path.read_bytes()).hexdigest()


# -- training -------------------------------------------------------------------------------


def train_all(anotasi: Path, corpora: Path | None, out: Path, *,
              extra_ner: tuple[str, ...] = (), ner_steps: int | None = None,
              entity_backend: str = "spacy",
              progress: Callable[[str], None] = log.info) -> dict[str, Any]:
    """Rebuild every learned component from scratch (fixed seeds) and write the pipeline.

    ``corpora``: the folder of public NER corpora for the entity model, or None to train it
    on the annotated documents alone (what a fresh clone has). ``entity_backend``: "spacy"
    (the default) or "stanza" (the ``pugnlp[stanza]`` extra; its word vectors are trained
    too), from the same data; the official selector learns from that model's persons.
    "both" (the shipped pipeline): the spaCy model, used by default and by the official
    selector, and a stanza model beside it for ``--entity-backend stanza``.
    ``out`` is replaced only once the new pipeline is complete on disk.

    Raises:
        CorpusMissing: a public set asked for is not under ``corpora``.
        StanzaMissing: stanza asked for without the extra.
    """
    from pugnlp.annotations import load_annotations
    from pugnlp.nlp.train import CorpusMissing, check_corpora

    if entity_backend not in ENTITY_BACKENDS:
        raise TrainingError(f"unknown entity backend {entity_backend!r}: "
                            f"{', '.join(ENTITY_BACKENDS)}")
    primary = "stanza" if entity_backend == "stanza" else "spacy"
    if entity_backend in ("stanza", "both"):  # before any training
        from pugnlp.nlp.stanza_ner import STEPS, require

        require()
    stanza_steps = (ner_steps or STEPS) if entity_backend == "both" else 0
    if ner_steps is None:
        ner_steps = STEPS if primary == "stanza" else NER_STEPS
    if corpora is None and extra_ner:
        raise CorpusMissing(f"--extra-ner {' '.join(extra_ner)} needs --ner-corpora DIR "
                            "(the folder of the public NER corpora)")
    if corpora is not None:  # before any training: a missing file fails at once
        check_corpora(corpora, ("idner-train", "idner-dev", "idner-test", *extra_ner))
    started = time.perf_counter()
    docs = load_annotations(anotasi)
    progress(f"annotations: {len(docs)} documents from {anotasi}")
    nlp = build(learned=True)
    relevance, event_type, clf_scores = _train_classifier(docs, progress)
    nlp.get_pipe("pug_classifier").initialize(relevance=relevance, event_type=event_type)
    rules = build()
    agency = _train_agency_selector(docs, rules, progress)
    nlp.get_pipe("pug_agency_select").initialize(model=agency["model"],
                                                 threshold=agency["threshold"])
    with tempfile.TemporaryDirectory(prefix="pugnlp-ner-") as tmp:
        ner, ner_scores, provenance = _train_entities(docs, corpora, Path(tmp) / "ner",
                                                      extra_ner, ner_steps, progress,
                                                      primary)
        also = None
        if entity_backend == "both":
            also, also_scores, _ = _train_entities(docs, corpora, Path(tmp) / "stanza",
                                                   extra_ner, stanza_steps, progress, "stanza")
            ner_scores = {"spacy": ner_scores, "stanza": also_scores}
        nlp.get_pipe("pug_entities").initialize(ner=ner, also=also)
        official = _train_official_selector(docs, rules, ner, progress)
        nlp.get_pipe("pug_official_select").initialize(model=official["model"],
                                                       threshold=official["threshold"])
        card = _card(anotasi, corpora, started, provenance, clf_scores, ner_scores, agency,
                     official, nlp, entity_backend, also if also is not None else ner)
        nlp.meta[CARD_KEY] = card
        save_pipeline(nlp, out)  # the stanza model's files are still in ``tmp``
    return card


def _card(anotasi: Path, corpora: Path | None, started: float, provenance: dict[str, Any],
          clf_scores: dict[str, Any], ner_scores: dict[str, Any], agency: dict[str, Any],
          official: dict[str, Any], nlp: Language, entity_backend: str, ner: Any
          ) -> dict[str, Any]:
    """The model card: versions, data and their hashes, seeds, scores, thresholds."""
    versions = _versions()
    if entity_backend in ("stanza", "both"):
        versions.update(ner.card.get("versions", {}))
    card = {
        "pugnlp_model": "pugnlp event classifier + entity model",
        "trained": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "seconds": round(time.perf_counter() - started, 1),
        "versions": versions,
        "entity_backend": entity_backend,
        "seeds": {"classifier": 13, "ner": 13},
        "data": {
            "anotasi": {str(p.name): file_sha1(p) for p in sorted(_annotation_files(anotasi))},
            "public_ner": {} if corpora is None else {
                name: {"file": spec[0], "sha1": file_sha1(corpora / spec[0]),
                       "source_commit": _source_commit(corpora / spec[0])}
                for name, spec in _public_specs().items()
                if name in provenance["public_sets"] or name in ("idner-dev", "idner-test")},
            "ner_corpus": provenance,
        },
        "scores": {"classifier": clf_scores, "entities": ner_scores,
                   "agency_selector": agency["scores"],
                   "official_selector": official["scores"]},
        "agency_selector": {"threshold": agency["threshold"], "rule": agency["rule"]},
        "official_selector": {"threshold": official["threshold"], "rule": official["rule"]},
        "files": list(nlp.pipe_names),
    }
    if entity_backend in ("stanza", "both"):
        card["stanza"] = {k: v for k, v in ner.card.items() if k != "versions"}
    return card


def save_pipeline(nlp: Language, out: Path) -> None:
    """``nlp.to_disk`` into a sibling temp folder, then swap it for ``out``: a crash or a
    full disk leaves the previous pipeline whole."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        nlp.to_disk(tmp)
        old = out.with_name(f".{out.name}-old")
        if old.exists():
            shutil.rmtree(old)
        if out.exists():
            out.rename(old)
        tmp.rename(out)
        if old.exists():
            shutil.rmtree(old)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


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


def _train_classifier(docs: list[AnnotatedDoc], progress: Callable[[str], None]
                      ) -> tuple[Pipeline, Pipeline, dict[str, Any]]:
    """(relevance model, event-type model, scores on dev and test)."""
    from sklearn.metrics import f1_score

    from pugnlp.article.html import text_to_article
    from pugnlp.events.classify import fit_model, frame

    articles = {d.id: text_to_article(d.text, d.id) for d in docs}

    def table(subset: list[AnnotatedDoc]):  # type: ignore[no-untyped-def]
        return frame([articles[d.id].text for d in subset], [articles[d.id].title for d in subset])

    train = [d for d in docs if d.split == "train"]
    relevant_train = [d for d in train if d.fields.get("relevant")]
    progress(f"classifier: relevance on {len(train)} docs, event type on {len(relevant_train)}")
    relevance = fit_model(table(train), [bool(d.fields.get("relevant")) for d in train])
    event_type = fit_model(table(relevant_train), [d.fields["event_type"] for d in relevant_train])
    scores: dict[str, Any] = {}
    for split in ("dev", "test"):
        subset = [d for d in docs if d.split == split]
        if not subset:
            continue
        gold = [bool(d.fields.get("relevant")) for d in subset]
        pred = relevance.predict(table(subset))
        rel = [d for d in subset if d.fields.get("relevant")]
        types = event_type.predict(table(rel)) if rel else []
        gold_types = [d.fields["event_type"] for d in rel]
        scores[split] = {
            "documents": len(subset),
            "relevance_f1": round(float(f1_score(gold, pred)), 4),
            "event_type_macro_f1": round(float(f1_score(gold_types, types, average="macro")), 4)
            if rel else None,
        }
    progress(f"classifier scores: {scores}")
    return relevance, event_type, scores


def _rule_records(docs: list[AnnotatedDoc], rules: Language) -> list[EventRecord]:
    from pugnlp.article.html import text_to_article

    return list(extract_articles(rules, (text_to_article(d.text, d.id) for d in docs)))


def _train_agency_selector(docs: list[AnnotatedDoc], rules: Language,
                           progress: Callable[[str], None]) -> dict[str, Any]:
    """Fit the agency selector on the rules' output for the relevant train documents; the
    threshold is the highest at which the agencies it removes from the dev documents are
    still at least :data:`REMOVAL_PRECISION` truly not annotated."""
    from pugnlp.events.agency_select import (
        REMOVAL_PRECISION,
        AgencySelector,
        pick_threshold,
        training_rows,
    )
    from pugnlp.events.selectors import build_selector
    from pugnlp.scoring import score

    relevant = [d for d in docs if d.fields.get("relevant")]
    records = dict(zip((d.id for d in relevant), _rule_records(relevant, rules)))

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
    return {"model": model, "threshold": threshold, "scores": scores,
            "rule": f"highest threshold whose removals on dev are >= {REMOVAL_PRECISION:.0%} "
                    "not annotated"}


def _train_official_selector(docs: list[AnnotatedDoc], rules: Language, ner: Language,
                             progress: Callable[[str], None]) -> dict[str, Any]:
    """Fit the official selector on the persons the freshly trained entity model finds in the
    relevant train documents (the rules' officials included); the threshold is the one (0.05
    steps from 0.3 to 0.9) with the best officials F1 on the dev documents, the higher on a tie."""
    from pugnlp.events.official_select import (
        OfficialSelector,
        find_persons,
        official_candidates,
        training_rows,
    )
    from pugnlp.events.selectors import build_selector
    from pugnlp.nlp.lexicon import load_lexicon
    from pugnlp.scoring import score

    relevant = [d for d in docs if d.fields.get("relevant")]
    records = _rule_records(relevant, rules)
    persons = find_persons(ner, [r.text for r in records])
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
    if len(set(y)) < 2:
        raise TrainingError(
            f"official selector: the entity model found {len(X)} persons in the {len(train)} "
            f"relevant train documents, {sum(y)} of them annotated officials; it learns from "
            "both officials and other persons: annotate more documents, or give the entity "
            "model more steps (--ner-steps, at least 250: it is scored every 250)")
    model = build_selector().fit(X, y)

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
    return {"model": model, "threshold": threshold, "scores": scores,
            "rule": "best officials F1 on dev (thresholds 0.30-0.90), the higher on a tie"}


def _train_entities(docs: list[AnnotatedDoc], corpora: Path | None, folder: Path,
                    extra: tuple[str, ...], steps: int, progress: Callable[[str], None],
                    backend: str = "spacy") -> tuple[Any, dict[str, Any], dict[str, Any]]:
    """Train the entity model into ``folder`` and load it: (model, scores, provenance).

    ``backend`` "spacy" gives a spaCy pipeline, "stanza" a
    :class:`pugnlp.nlp.stanza_ner.StanzaNER` (same data, same scores). Scored on the anotasi
    test split always (PER/ORG/LOC spans), and on idner-news-2k test when the public corpora
    are given."""
    import spacy

    from pugnlp.events.components.learned import load_ner
    from pugnlp.nlp.tokenizer import build_tokenizer
    from pugnlp.nlp.train import (
        annotated_docs,
        build_corpora,
        evaluate_ner,
        iob_docs,
        read_iob,
        train_ner,
    )

    train, dev, provenance = build_corpora(corpora, docs, extra)
    sources = [*provenance["public_sets"], "anotasi train"]
    progress(f"entity model ({backend}): {len(train)} training docs "
             f"({' + '.join(sources)}), {steps} steps")
    nlp: Any
    if backend == "stanza":
        from pugnlp.nlp import stanza_ner

        card = stanza_ner.train(train, dev, folder, steps=steps)
        progress(f"entity model (stanza): {card['train_sentences']} sentences, "
                 f"{card['vectors']['words']} word vectors, {card['seconds']} s")
        nlp = stanza_ner.load(folder)
    else:
        train_ner(train, dev, folder, max_steps=steps)
        nlp = load_ner(folder)
        for key in ("train", "dev"):  # the temporary corpora are gone: keep no path to them
            nlp.config["paths"][key] = None
    blank = spacy.blank("id")
    blank.tokenizer = build_tokenizer(blank)
    scores = {"anotasi test": evaluate_ner(nlp, annotated_docs(
        blank, [d for d in docs if d.split == "test"], frozenset()))}
    if corpora is not None:
        test = iob_docs(blank, read_iob(corpora / "idner-news-2k/test.txt", 0, 2, " "))
        scores["idner-news-2k test"] = evaluate_ner(nlp, test, sentences=True)
    progress(f"entity model scores: {scores}")
    return nlp, scores, provenance
