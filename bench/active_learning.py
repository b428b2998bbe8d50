"""Active learning on the annotated corpus: random vs picked documents (issue 13).

Simulation on ``anotasi/dokumen.jsonl``: the train split is the pool whose labels are hidden
until a document is "annotated". Each run starts from the same seed set (3 relevant documents
of each event type + 6 distractors, drawn with the run's seed), then adds K documents per
round, chosen either at random or by the picker of ``pugnlp annotate export --select
uncertain`` (:func:`pugnlp.annotate.pick.pick`, fed by the models of the previous round),
up to 230 documents, then the rest of the pool at once (the curves are flat by then; the
last point, every train document, is the same for both and sets the targets). Every round
retrains, on the chosen documents only:

- the classifier (relevance on all, event type on the relevant ones: the models of
  ``pugnlp train``, same features and settings; their stateless hashing views are computed
  once for all documents, the TF-IDF weighting and the calibrated SVM are fitted each round);
- the official selector, on the persons the shipped entity model finds in the chosen relevant
  documents (the entity model itself is not retrained: it saw the train split's PER spans,
  see docs/models.md), its threshold picked on the dev split as ``pugnlp train`` does.

Scores on the fixed splits: event-type macro-F1 of the classifier alone on the documents
annotated relevant, of the test split and of dev + test (more documents, less noise; as
``pugnlp train`` reports it: the activity's head, which overrides the classifier in the
pipeline, is not retrained), and officials F1 of the rules plus the
retrained selector on the relevant test documents. The picker sees what the pipeline would
give on an unannotated article (probabilities, the activity finder, the rules' province, the
selector's scores), never a label. The agency selector is left out (its shipped threshold
removes nothing).

    python bench/active_learning.py [--seeds 1 2 3 4 5] [--k 10] [--max-docs 230]
                                    [--json bench/out/active_learning.json]

About 9-11 minutes on 2 cores for the five default seeds (measured while other jobs ran).
"""

from __future__ import annotations

import argparse
import json
import random
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SEED_PER_TYPE = 3
SEED_DISTRACTORS = 6
THRESHOLDS = tuple(round(0.3 + 0.05 * k, 2) for k in range(13))


# -- the corpus, read once -------------------------------------------------------------------


@dataclass
class Corpus:
    docs: list[Any]               # AnnotatedDoc
    views: dict[str, Any]         # view name -> stateless feature matrix (all documents)
    tfidf_views: list[str]        # views weighted by a TF-IDF fitted on the chosen documents
    order: list[str]              # views in the ColumnTransformer's order
    activities: list[Any]         # Activity | None per document
    records: list[Any]            # the rules' EventRecord per document
    candidates: list[list[Any]]   # official candidates, rules' officials excluded
    train_rows: list[list[Any]]   # official candidates, rules' officials included (training)
    pool: list[int]
    dev: list[int]
    test: list[int]


def read_corpus() -> Corpus:
    from scipy import sparse
    from sklearn.feature_extraction.text import TfidfTransformer
    from sklearn.pipeline import Pipeline

    import pugnlp
    from pugnlp.annotations import load_annotations
    from pugnlp.article.html import text_to_article
    from pugnlp.events.activity import find_activity
    from pugnlp.events.classify import build_model, frame
    from pugnlp.events.loader import extract_articles
    from pugnlp.events.official_select import find_persons, official_candidates
    from pugnlp.nlp.lexicon import load_lexicon

    docs = load_annotations(ROOT / "anotasi" / "dokumen.jsonl")
    articles = [text_to_article(d.text, d.id) for d in docs]
    activities = [find_activity(a.text, a.title) for a in articles]
    table = frame([a.text for a in articles], [a.title for a in articles], activities)
    views: dict[str, Any] = {}
    tfidf_views, order = [], []
    for name, transformer, columns in build_model().named_steps["features"].transformers:
        steps = _flat_steps(transformer)
        learned = bool(steps) and isinstance(steps[-1], TfidfTransformer)
        stateless = steps[:-1] if learned else steps
        matrix = Pipeline([(f"s{i}", s) for i, s in enumerate(stateless)]).fit_transform(
            table[columns]) if len(stateless) > 1 else stateless[0].fit_transform(table[columns])
        views[name] = sparse.csr_matrix(matrix)
        order.append(name)
        if learned:
            tfidf_views.append(name)
    rules = pugnlp.load(rules_only=True)
    records = list(extract_articles(rules, articles))
    ner = pugnlp.load(ROOT / "model").get_pipe("pug_entities").ner
    persons = find_persons(ner, [r.text for r in records])
    lexicon = load_lexicon()
    candidates = [official_candidates(r, p, lexicon) for r, p in zip(records, persons)]
    train_rows = [official_candidates(r, p, lexicon, include_officials=True)
                  for r, p in zip(records, persons)]
    split = {s: [i for i, d in enumerate(docs) if d.split == s] for s in ("train", "dev", "test")}
    return Corpus(docs, views, tfidf_views, order, activities, records, candidates, train_rows,
                  split["train"], split["dev"], split["test"])


def _flat_steps(transformer: Any) -> list[Any]:
    from sklearn.pipeline import Pipeline

    if isinstance(transformer, Pipeline):
        return [s for _, step in transformer.steps for s in _flat_steps(step)]
    return [transformer]


# -- the models of one round -----------------------------------------------------------------


class Classifier:
    """``build_model()`` fitted on rows of the precomputed views (the same model as
    :func:`pugnlp.events.classify.fit_model`, with the stateless hashing done once)."""

    def __init__(self, corpus: Corpus, rows: list[int], labels: list[Any]) -> None:
        from sklearn.base import clone
        from sklearn.feature_extraction.text import TfidfTransformer

        from pugnlp.events.classify import build_model

        self.corpus = corpus
        self.tfidf = {name: TfidfTransformer(sublinear_tf=True).fit(corpus.views[name][rows])
                      for name in corpus.tfidf_views}
        self.model = clone(build_model().named_steps["model"]).fit(self._x(rows), labels)
        self.classes = [str(c) for c in self.model.classes_]

    def _x(self, rows: list[int]) -> Any:
        from scipy import sparse

        blocks = []
        for name in self.corpus.order:
            block = self.corpus.views[name][rows]
            blocks.append(self.tfidf[name].transform(block) if name in self.tfidf else block)
        return sparse.hstack(blocks, format="csr")

    def proba(self, rows: list[int]) -> np.ndarray:
        return self.model.predict_proba(self._x(rows)) if rows else np.zeros((0, 0))


def fit_official_selector(corpus: Corpus, chosen: list[int]) -> tuple[Any, float] | None:
    """The selector on the chosen relevant documents, its threshold the best on dev."""
    from pugnlp.events.official_select import training_rows
    from pugnlp.events.selectors import build_selector

    relevant = [i for i in chosen if corpus.docs[i].fields.get("relevant")]
    X, y = training_rows([corpus.train_rows[i] for i in relevant],  # noqa: N806
                         [_gold_names(corpus, i) for i in relevant])
    if len(set(y)) < 2:
        return None
    model = build_selector().fit(X, y)
    dev = [i for i in corpus.dev if corpus.docs[i].fields.get("relevant")]
    threshold = max(THRESHOLDS, key=lambda t: (officials_f1(corpus, dev, (model, t)), t))
    return model, threshold


def _gold_names(corpus: Corpus, i: int) -> list[str]:
    return [o["name"] for o in corpus.docs[i].fields.get("officials") or []]


def officials_f1(corpus: Corpus, rows: list[int], selector: tuple[Any, float] | None) -> float:
    from pugnlp.events.official_select import _best_per_person
    from pugnlp.events.selectors import positive_probs
    from pugnlp.scoring import score

    preds, gold = [], []
    for i in rows:
        officials = [{"name": o.name, "position": o.position} for o in corpus.records[i].officials]
        cands = corpus.candidates[i]
        if selector is not None and cands:
            probs = positive_probs(selector[0], [c.features for c in cands])
            officials += [{"name": c.name, "position": c.position}
                          for c in _best_per_person(cands, probs, selector[1])]
        doc = corpus.docs[i]
        preds.append({"doc_id": doc.id, "relevant": True, "officials": officials})
        gold.append({"id": doc.id, **doc.fields})
    return float(score(preds, gold)["officials_f1"])


@dataclass
class Round:
    relevance: Classifier
    event_type: Classifier
    officials: tuple[Any, float] | None


def train_round(corpus: Corpus, chosen: list[int]) -> Round:
    """The models on the chosen documents, in corpus order: the calibration folds and the
    SVM follow the order of the rows (the whole pool in the random and the picked order gave
    dev + test type macro-F1 0.947 and 0.956), so the order is fixed and only the choice of
    documents differs."""
    chosen = sorted(chosen)
    relevant = [i for i in chosen if corpus.docs[i].fields.get("relevant")]
    return Round(
        Classifier(corpus, chosen, [bool(corpus.docs[i].fields.get("relevant")) for i in chosen]),
        Classifier(corpus, relevant, [corpus.docs[i].fields["event_type"] for i in relevant]),
        fit_official_selector(corpus, chosen))


def evaluate(corpus: Corpus, models: Round) -> dict[str, float]:
    """Event-type macro-F1 on the relevant test documents and on the relevant dev + test
    documents (more of them, less noise); officials F1 on the relevant test documents (the
    selector's threshold is picked on dev)."""
    from sklearn.metrics import f1_score

    def type_f1(rows: list[int]) -> float:
        proba = models.event_type.proba(rows)
        predicted = [models.event_type.classes[k] for k in proba.argmax(axis=1)]
        gold = [corpus.docs[i].fields["event_type"] for i in rows]
        return float(f1_score(gold, predicted, average="macro"))

    test = [i for i in corpus.test if corpus.docs[i].fields.get("relevant")]
    dev = [i for i in corpus.dev if corpus.docs[i].fields.get("relevant")]
    return {"type_macro_f1": type_f1(test), "type_macro_f1_dev_test": type_f1(dev + test),
            "officials_f1": officials_f1(corpus, test, models.officials)}


# -- the strategies --------------------------------------------------------------------------


def signals(corpus: Corpus, models: Round, rows: list[int]) -> list[Any]:
    """What the picker reads for each unannotated pool document (no label)."""
    from pugnlp.annotate.pick import ArticleSignals
    from pugnlp.events.record import ScoredMention
    from pugnlp.events.selectors import positive_probs

    rel_classes = models.relevance.classes
    p_rel = models.relevance.proba(rows)[:, rel_classes.index("True")]
    p_type = models.event_type.proba(rows)
    out = []
    for k, i in enumerate(rows):
        types = tuple(zip(models.event_type.classes, (float(p) for p in p_type[k])))
        relevant = bool(p_rel[k] >= 0.5)
        activity = corpus.activities[i]
        official_scores: tuple[ScoredMention, ...] = ()
        if relevant and models.officials is not None and corpus.candidates[i]:
            model, threshold = models.officials
            probs = positive_probs(model, [c.features for c in corpus.candidates[i]])
            official_scores = tuple(ScoredMention(c.name, c.start, c.end, p, threshold)
                                    for c, p in zip(corpus.candidates[i], probs))
        best = max(types, key=lambda lp: lp[1])[0]
        record = corpus.records[i]
        out.append(ArticleSignals(
            doc_id=corpus.docs[i].id, text=record.text, relevant=relevant,
            relevant_score=float(p_rel[k]),
            event_type=(activity.event_type if activity is not None else best) if relevant
            else None,
            province=record.province, activity=activity.name if activity else None,
            type_probabilities=types, official_scores=official_scores))
    return out


def seed_set(corpus: Corpus, rng: random.Random) -> list[int]:
    from pugnlp.schema import EVENT_TYPES

    chosen = []
    for event_type in EVENT_TYPES:
        of_type = [i for i in corpus.pool if corpus.docs[i].fields.get("event_type") == event_type
                   and corpus.docs[i].fields.get("relevant")]
        chosen += rng.sample(of_type, SEED_PER_TYPE)
    distractors = [i for i in corpus.pool if not corpus.docs[i].fields.get("relevant")]
    return chosen + rng.sample(distractors, SEED_DISTRACTORS)


def run(corpus: Corpus, strategy: str, seed: int, k: int, max_docs: int
        ) -> list[dict[str, float]]:
    """The learning curve: seed set, +k documents a round up to ``max_docs``, then the whole
    pool (the same last point for both strategies)."""
    from pugnlp.annotate.pick import pick

    rng = random.Random(seed)
    chosen = seed_set(corpus, rng)
    rest = [i for i in corpus.pool if i not in set(chosen)]
    rng.shuffle(rest)
    curve = []
    while True:
        models = train_round(corpus, chosen)
        curve.append({"documents": len(chosen), **evaluate(corpus, models)})
        if not rest:
            return curve
        if len(chosen) >= max_docs:
            batch = rest
        elif strategy == "random":
            batch = rest[:k]
        else:
            picked = pick(signals(corpus, models, rest), k).picks
            batch = [rest[p.index] for p in picked]
        chosen += batch
        taken = set(batch)
        rest = [i for i in rest if i not in taken]


# -- report ----------------------------------------------------------------------------------


def needed(curve: list[dict[str, float]], metric: str, target: float) -> tuple[int, int]:
    """(documents at the first round whose score reaches ``target``, documents from which
    every later round stays at or above it). The last round is the whole pool, whose score
    sets the target, so both exist."""
    reached = [p[metric] >= target - 1e-9 for p in curve]
    first = next(p["documents"] for p, ok in zip(curve, reached) if ok)
    stays = next(p["documents"] for r, p in enumerate(curve) if all(reached[r:]))
    return first, stays


def report(curves: dict[str, dict[int, list[dict[str, float]]]], tolerance: float) -> dict:
    seeds = sorted(next(iter(curves.values())))
    summary: dict[str, Any] = {}
    for metric in ("type_macro_f1", "type_macro_f1_dev_test", "officials_f1"):
        print(f"\n== {metric}: learning curves, mean over seeds {seeds}")
        sizes = [p["documents"] for p in curves["random"][seeds[0]]]
        print(f"{'documents':>9} " + " ".join(f"{s:>9}" for s in curves))
        for r, size in enumerate(sizes):
            means = [np.mean([curves[s][seed][r][metric] for seed in seeds]) for s in curves]
            print(f"{size:>9} " + " ".join(f"{m:>9.3f}" for m in means))
        rows: dict[int, dict[str, tuple[int, int]]] = {}
        targets = {}
        for seed in seeds:
            full = curves["random"][seed][-1][metric]  # the whole pool: same for both
            targets[seed] = round(full - tolerance, 4)
            rows[seed] = {s: needed(curves[s][seed], metric, targets[seed]) for s in curves}
        print(f"-- documents needed to reach the score of the whole pool minus {tolerance} "
              "(first reached / stays from):")
        for seed in seeds:
            print(f"   seed {seed} (target {targets[seed]:.3f}): "
                  + ", ".join(f"{s} {a}/{b}" for s, (a, b) in rows[seed].items()))
        for s in curves:
            first = np.mean([rows[seed][s][0] for seed in seeds])
            stays = np.mean([rows[seed][s][1] for seed in seeds])
            print(f"   mean {s}: {first:.0f}/{stays:.0f}")
        summary[metric] = {"targets": targets, "needed": rows}
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3, 4, 5])
    parser.add_argument("--k", type=int, default=10, help="documents added per round")
    parser.add_argument("--max-docs", type=int, default=230,
                        help="after this many documents, the rest of the pool at once")
    parser.add_argument("--tolerance", type=float, default=0.01,
                        help="target = the score with every train document minus this")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    started = time.perf_counter()
    corpus = read_corpus()
    print(f"corpus: pool {len(corpus.pool)} (train split), dev {len(corpus.dev)}, test "
          f"{len(corpus.test)}; read in {time.perf_counter() - started:.0f} s")
    curves: dict[str, dict[int, list[dict[str, float]]]] = {"random": {}, "selected": {}}
    for seed in args.seeds:
        for strategy in curves:
            t0 = time.perf_counter()
            curves[strategy][seed] = run(corpus, strategy, seed, args.k, args.max_docs)
            print(f"seed {seed} {strategy}: {len(curves[strategy][seed])} rounds in "
                  f"{time.perf_counter() - t0:.0f} s", flush=True)
    summary = report(curves, args.tolerance)
    print(f"\ntotal {time.perf_counter() - started:.0f} s")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"k": args.k, "max_docs": args.max_docs,
                                         "curves": curves, "summary": summary},
                                        indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
