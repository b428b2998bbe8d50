"""What the learned selectors share: a logistic regression over feature dicts.

The agency selector (:mod:`pugnlp.events.agency_select`) and the official selector
(:mod:`pugnlp.events.official_select`) both score the rules' or the entity model's mentions by
their context; they are small linear models saved with skops.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sklearn.pipeline import Pipeline


def build_selector() -> Pipeline:
    """DictVectorizer + LogisticRegression (C=0.5, fixed seed)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    return Pipeline([("features", DictVectorizer()),
                     ("model", LogisticRegression(C=0.5, max_iter=2000, random_state=13))])


def positive_probs(model: Pipeline, rows: list[dict[str, float]]) -> list[float]:
    """P(True) for each feature dict (empty for no rows)."""
    if not rows:
        return []
    classes = list(model.classes_)
    return model.predict_proba(rows)[:, classes.index(True)].tolist()
