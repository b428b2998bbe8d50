"""Pairwise precision and recall of event merging against gold event labels."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import combinations


@dataclass(frozen=True, slots=True)
class PairScores:
    """Counts of same-event pairs and the precision/recall they give.

    Attributes:
        true_pos: pairs merged that are one gold event.
        false_pos: pairs merged that are different gold events.
        false_neg: pairs of one gold event left apart.
        wrong: the false-positive pairs, then the false-negative ones (doc ids).
    """

    true_pos: int
    false_pos: int
    false_neg: int
    wrong: tuple[tuple[str, str, str], ...] = ()

    @property
    def precision(self) -> float:
        merged = self.true_pos + self.false_pos
        return self.true_pos / merged if merged else 1.0

    @property
    def recall(self) -> float:
        same = self.true_pos + self.false_neg
        return self.true_pos / same if same else 1.0


def pairwise(predicted: Mapping[str, str], gold: Mapping[str, str]) -> PairScores:
    """Compare two labelings of the same documents (``doc_id -> event``) pair by pair.

    Only documents present in ``gold`` are counted.
    """
    docs = sorted(d for d in gold if d in predicted)
    tp = fp = fn = 0
    wrong = []
    for a, b in combinations(docs, 2):
        same_pred = predicted[a] == predicted[b]
        same_gold = gold[a] == gold[b]
        if same_pred and same_gold:
            tp += 1
        elif same_pred:
            fp += 1
            wrong.append(("merged", a, b))
        elif same_gold:
            fn += 1
            wrong.append(("missed", a, b))
    wrong.sort(key=lambda w: w[0] != "merged")
    return PairScores(tp, fp, fn, tuple(wrong))
