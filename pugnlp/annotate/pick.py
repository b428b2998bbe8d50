"""Which unannotated articles would teach the models most: uncertainty, then diversity.

``pugnlp annotate export --select uncertain -n N`` ranks articles by how unsure the learned
pipeline is about them and exports the top N for annotation (issue 13). Pure functions:
:func:`signals_from_doc` / :func:`signals_from_record` read what the pipeline said,
:func:`uncertainty` scores one article, :func:`pick` chooses a diverse top N.

**The score** is a weighted sum of parts in [0, 1] (weights in :data:`WEIGHTS`):

- ``relevance``: ``1 - |2p - 1|`` for p = P(relevant): 1 at p = 0.5, 0 at p = 0 or 1;
- ``type``: ``(1 - margin) * p``, the margin being the best event type's probability minus
  the second's (the full distribution, ``doc._.class_probabilities``); weighted by p because
  the type of an article that is surely not relevant teaches nothing. From a record alone
  (best probability q only) the margin is taken as ``2q - 1``, its upper bound;
- ``disagreement``: 1 when the article is relevant and the activity's head decided another
  type than the classifier's best (the two sources of the type disagree);
- ``no_activity``: 1 when the article is relevant and the activity finder found no activity
  (the type then rests on the classifier alone);
- ``officials``: for the persons the official selector read, the largest closeness of its
  probability p to its threshold t in log-odds, ``max(0, 1 - |logit p - logit t| /
  OFFICIAL_BAND)``: a person at the threshold is the selector's hardest case;
- ``agencies``: the mean of ``1 - |2p - 1|`` over the agencies the agency selector read (its
  own doubt; the shipped threshold is 0, so closeness to it would say nothing).

Without trained models (``--rules-only``) every part but ``disagreement`` and
``no_activity`` is 0: there is no probability to read.

**The pick** (:func:`pick`) is greedy: at each step the article with the highest
``score / (1 + DIVERSITY * (same_province + same_type))`` is taken, where ``same_province``
and ``same_type`` count the articles already picked with its province and its (predicted)
event type, so that twenty uncertain rakor releases from one province do not fill the batch.
Articles already annotated (same id or same text, :func:`pugnlp.corpus.store.content_hash`),
near-duplicates of an annotated document or of an article already picked (SimHash distance
at most :data:`pugnlp.corpus.simhash.MAX_DISTANCE`) are skipped, with the reason recorded.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pugnlp.corpus import simhash as sh
from pugnlp.corpus.store import content_hash

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from pugnlp.annotations import AnnotatedDoc
    from pugnlp.events.record import ClassProbabilities, ScoredMention
    from pugnlp.schema import EventRecord

WEIGHTS: dict[str, float] = {
    "relevance": 1.0, "type": 1.0, "disagreement": 0.5, "no_activity": 0.5,
    "officials": 0.5, "agencies": 0.25,
}
"""Weight of each part of the score. Relevance and type, the classifier's two decisions, weigh
most; the signals that only point at a hard article weigh half; agencies, whose selector
removes nothing in the shipped pipeline, a quarter."""
OFFICIAL_BAND = 2.0
"""In log-odds: a person whose probability is this far from the official selector's
threshold (or farther) adds nothing; at the threshold, 1. With the shipped threshold 0.90:
0.99 and 0.50 add nothing, 0.95 and 0.80 about 0.6."""
MIN_REASON = 0.1
"""A part that adds less than this to the score is not given as a reason."""
DIVERSITY = 0.5
"""Penalty per article already picked with the same province or the same type: the second
article of a province counts 1/1.5 of its score, the third 1/2 (with a new type)."""
NOT_RELEVANT = "(not relevant)"
"""The type bucket of articles predicted not relevant, for diversity."""
NO_PROVINCE = "(no province)"


@dataclass(frozen=True, slots=True)
class ArticleSignals:
    """What the pipeline said about one article, as the picker reads it."""

    doc_id: str
    text: str
    relevant: bool
    relevant_score: float | None = None
    event_type: str | None = None
    event_type_score: float | None = None
    province: str | None = None
    activity: str | None = None
    type_probabilities: tuple[tuple[str, float], ...] = ()
    official_scores: tuple[ScoredMention, ...] = ()
    agency_scores: tuple[ScoredMention, ...] = ()

    @property
    def type_bucket(self) -> str:
        """The predicted type for diversity (the classifier's best when it gave one)."""
        if not self.relevant:
            return NOT_RELEVANT
        return self.event_type or _best(self.type_probabilities)[0][0] or "?"


@dataclass(frozen=True, slots=True)
class Uncertainty:
    """An article's score, its parts (before weighting) and the reasons, largest first."""

    score: float
    parts: dict[str, float]
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Pick:
    """A picked article: ``index`` into the candidates given to :func:`pick`."""

    rank: int
    index: int
    doc_id: str
    score: float
    adjusted: float
    province: str | None
    type_bucket: str
    reasons: tuple[str, ...]


@dataclass(slots=True)
class PickResult:
    """The picks, best first, and what was skipped (doc id -> why)."""

    picks: list[Pick] = field(default_factory=list)
    ranked: int = 0
    skipped: dict[str, str] = field(default_factory=dict)

    def lines(self) -> list[str]:
        """The ranked list an annotator reads: rank, id, score, province, type, why."""
        out = []
        for p in self.picks:
            where = p.province or NO_PROVINCE
            out.append(f"{p.rank:>3}. {p.doc_id}  score {p.score:.2f}"
                       + (f" (diversity {p.adjusted:.2f})" if p.adjusted < p.score else "")
                       + f"  [{where}, {p.type_bucket}]  {'; '.join(p.reasons) or 'no doubt'}")
        return out


# -- signals ---------------------------------------------------------------------------------


def signals_from_record(record: EventRecord, probabilities: ClassProbabilities | None = None,
                        official_scores: Iterable[ScoredMention] = (),
                        agency_scores: Iterable[ScoredMention] = ()) -> ArticleSignals:
    """The signals of a record, with the classifier's full distribution and the selectors'
    scores when the caller has them (a record holds only the best type's probability)."""
    return ArticleSignals(
        doc_id=record.doc_id, text=record.text, relevant=record.relevant,
        relevant_score=(probabilities.relevant if probabilities is not None
                        else record.relevant_score),
        event_type=record.event_type, event_type_score=record.event_type_score,
        province=record.province, activity=record.activity,
        type_probabilities=probabilities.event_types if probabilities is not None else (),
        official_scores=tuple(official_scores), agency_scores=tuple(agency_scores))


def signals_from_doc(doc: Doc) -> tuple[EventRecord, ArticleSignals]:
    """The record of a Doc processed by :func:`pugnlp.load` and its signals (from the Doc's
    ``class_probabilities``, ``official_scores`` and ``agency_scores``)."""
    from pugnlp.events.record import record_from_doc

    record = record_from_doc(doc)
    return record, signals_from_record(record, doc._.class_probabilities,
                                       doc._.official_scores or (), doc._.agency_scores or ())


# -- scoring ---------------------------------------------------------------------------------


def _best(probabilities: Sequence[tuple[str, float]]) -> list[tuple[str | None, float]]:
    """The two most probable types (padded with (None, 0.0))."""
    ranked: list[tuple[str | None, float]] = sorted(probabilities, key=lambda lp: -lp[1])[:2]
    return ranked + [(None, 0.0)] * (2 - len(ranked))


def uncertainty(s: ArticleSignals, weights: dict[str, float] = WEIGHTS) -> Uncertainty:
    """How much annotating this article would teach the models (see the module docstring)."""
    parts: dict[str, float] = dict.fromkeys(weights, 0.0)
    why: dict[str, str] = {}
    p_rel = s.relevant_score
    if p_rel is not None:
        parts["relevance"] = 1.0 - abs(2.0 * p_rel - 1.0)
        why["relevance"] = f"relevance {p_rel:.2f}"
    (top, p1), (second, p2) = _best(s.type_probabilities)
    if top is None and s.event_type_score is not None:
        top, p1, margin = s.event_type, s.event_type_score, max(0.0, 2 * s.event_type_score - 1)
    else:
        margin = p1 - p2
    if top is not None:
        parts["type"] = (1.0 - margin) * (p_rel if p_rel is not None else 1.0)
        why["type"] = (f"type margin {margin:.2f} ({top} {p1:.2f}"
                       + (f" / {second} {p2:.2f})" if second else ")"))
    if s.relevant and s.type_probabilities and s.event_type and s.event_type != top:
        parts["disagreement"] = 1.0
        why["disagreement"] = f"activity says {s.event_type}, classifier {top}"
    if s.relevant and s.activity is None:
        parts["no_activity"] = 1.0
        why["no_activity"] = "no activity found"
    near = [(max(0.0, 1.0 - abs(_logit(m.probability) - _logit(m.threshold)) / OFFICIAL_BAND),
             m) for m in s.official_scores]
    near = [(c, m) for c, m in near if c > 0]
    if near:
        c, m = max(near, key=lambda cm: cm[0])
        parts["officials"] = c
        why["officials"] = (f"{len(near)} person(s) near the official threshold "
                            f"({m.text} {m.probability:.2f} vs {m.threshold:.2f})")
    if s.agency_scores:
        doubts = [1.0 - abs(2.0 * m.probability - 1.0) for m in s.agency_scores]
        parts["agencies"] = sum(doubts) / len(doubts)
        unsure = min(s.agency_scores, key=lambda m: abs(m.probability - 0.5))
        why["agencies"] = f"agencies unsure ({unsure.text} {unsure.probability:.2f})"
    weighted = {k: weights.get(k, 0.0) * v for k, v in parts.items()}
    reasons = tuple(why[k] for k, v in sorted(weighted.items(), key=lambda kv: -kv[1])
                    if v >= MIN_REASON and k in why)
    return Uncertainty(round(sum(weighted.values()), 4), parts, reasons)


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


# -- the pick --------------------------------------------------------------------------------


class _NearIndex:
    """SimHash fingerprints looked up by band (near-duplicates share a band)."""

    def __init__(self) -> None:
        self._bands: dict[tuple[int, int], list[tuple[int, str]]] = defaultdict(list)

    def add(self, fingerprint: int, name: str) -> None:
        for i, value in enumerate(sh.bands(fingerprint)):
            self._bands[(i, value)].append((fingerprint, name))

    def near(self, fingerprint: int) -> str | None:
        for i, value in enumerate(sh.bands(fingerprint)):
            for other, name in self._bands.get((i, value), ()):
                if sh.distance(fingerprint, other) <= sh.MAX_DISTANCE:
                    return name
        return None


def pick(candidates: Sequence[ArticleSignals], n: int,
         annotated: Iterable[AnnotatedDoc] = (), *, diversity: float = DIVERSITY,
         weights: dict[str, float] = WEIGHTS) -> PickResult:
    """The ``n`` most informative candidates, greedily diversified (module docstring).

    Args:
        candidates: the signals of the unannotated articles.
        n: how many to pick (fewer when fewer remain).
        annotated: documents already annotated: candidates with their id or text, or
            near-duplicates of them, are skipped.
        diversity: penalty per picked article sharing the province or the type (0: none).
        weights: weights of the parts of the score.

    Returns:
        The picks, best first, with the reasons, and the skipped candidates.
    """
    result = PickResult()
    done = _NearIndex()
    ids: set[str] = set()
    hashes: set[str] = set()
    for doc in annotated:
        ids.add(doc.id)
        hashes.add(content_hash(doc.text))
        done.add(sh.simhash(doc.text), f"annotated {doc.id}")
    pool: list[tuple[int, Uncertainty, int]] = []
    seen_ids: set[str] = set()
    for i, s in enumerate(candidates):
        if s.doc_id in ids or s.doc_id in seen_ids:
            result.skipped[s.doc_id] = ("already annotated (id)" if s.doc_id in ids
                                        else "id given twice")
            continue
        if content_hash(s.text) in hashes:
            result.skipped[s.doc_id] = "already annotated (same text)"
            continue
        fingerprint = sh.simhash(s.text)
        twin = done.near(fingerprint)
        if twin is not None:
            result.skipped[s.doc_id] = f"near-duplicate of {twin}"
            continue
        seen_ids.add(s.doc_id)
        pool.append((i, uncertainty(s, weights), fingerprint))
    result.ranked = len(pool)
    pool.sort(key=lambda item: (-item[1].score, candidates[item[0]].doc_id))
    picked_index = _NearIndex()
    provinces: Counter[str] = Counter()
    types: Counter[str] = Counter()
    remaining = pool
    while remaining and len(result.picks) < n:
        best_k, best_adj = 0, -1.0
        for k, (i, u, _) in enumerate(remaining):
            if u.score <= best_adj:  # sorted by score: no later one can beat it
                break
            s = candidates[i]
            same = provinces[s.province or NO_PROVINCE] + types[s.type_bucket]
            adjusted = u.score / (1.0 + diversity * same)
            if adjusted > best_adj:
                best_k, best_adj = k, adjusted
        i, u, fingerprint = remaining.pop(best_k)
        s = candidates[i]
        twin = picked_index.near(fingerprint)
        if twin is not None:
            result.skipped[s.doc_id] = f"near-duplicate of {twin}"
            continue
        picked_index.add(fingerprint, f"picked {s.doc_id}")
        provinces[s.province or NO_PROVINCE] += 1
        types[s.type_bucket] += 1
        result.picks.append(Pick(len(result.picks) + 1, i, s.doc_id, u.score,
                                 round(best_adj, 4), s.province, s.type_bucket, u.reasons))
    return result
