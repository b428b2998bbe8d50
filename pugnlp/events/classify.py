"""Learned relevance and event-type classifier (scikit-learn), with the rules as features.

Each model is a ``Pipeline``: a ``ColumnTransformer`` featurises separate views (the activity
the article names, the title, the lead, the body: word TF-IDF each), the character TF-IDF and
the per-token Sastrawi stems of the text (offsets are never touched: stems are a feature
only), and the rule cues of
:mod:`pugnlp.events.classify_rules`; a calibrated linear model decides. Saved with skops
(ZIP_DEFLATED) and loaded with the explicit list of trusted types in :data:`TRUSTED_TYPES`.
"""

from __future__ import annotations

import re
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from pugnlp.errors import ModelError
from pugnlp.events.activity import Activity, find_activity
from pugnlp.events.classify_rules import relevance_score, split_sections, type_scores
from pugnlp.events.record import ClassProbabilities
from pugnlp.schema import EVENT_TYPES

if TYPE_CHECKING:
    from collections.abc import Sequence

    import pandas as pd
    from sklearn.pipeline import Pipeline

_WORD = re.compile(r"\w+")
SEED = 13
HASH_FEATURES = 2**17
"""Hash buckets per text view; collisions are rare at a few thousand documents."""


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory  # PySastrawi

    return StemmerFactory().create_stemmer()


@lru_cache(maxsize=200_000)
def stem_token(token: str) -> str:
    """Sastrawi stem of one token (the stemmer lowercases and strips punctuation per call)."""
    return _stemmer().stem(token) or token.lower()


class StemmedText(TransformerMixin, BaseEstimator):
    """Text -> space-joined Sastrawi stems of its tokens (for a TF-IDF after it).

    Stateless: ``fit`` learns nothing; stems are computed per token, so the text itself and
    every evidence offset stay untouched.
    """

    def fit(self, X: Any, y: Any = None) -> StemmedText:  # noqa: N803
        self.n_features_in_ = 1
        return self

    def transform(self, X: Any) -> list[str]:  # noqa: N803
        return [" ".join(stem_token(t) for t in _WORD.findall(str(x))) for x in _column(X)]


class RuleCues(TransformerMixin, BaseEstimator):
    """title/lead/body -> [rule relevance score, cue score per event type] (scaled down)."""

    def fit(self, X: Any, y: Any = None) -> RuleCues:  # noqa: N803
        self.n_features_in_ = 3
        return self

    def transform(self, X: pd.DataFrame) -> np.ndarray:  # noqa: N803
        rows = []
        for title, lead, body in zip(X["title"], X["lead"], X["body"]):
            scores = type_scores(title, lead, body)
            rows.append([relevance_score(title, lead, body)] + [scores[t] for t in EVENT_TYPES])
        return np.asarray(rows, dtype=float) / 10.0

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        return np.asarray(["rule_relevance"] + [f"rule_{t}" for t in EVENT_TYPES], dtype=object)


def _column(X: Any) -> list[Any]:  # noqa: N803
    if hasattr(X, "iloc") and getattr(X, "ndim", 1) == 2:
        return list(X.iloc[:, 0])
    return list(X)


def frame(texts: list[str], titles: list[str | None],
          activities: Sequence[Activity | None] | None = None) -> pd.DataFrame:
    """The classifier's input table, one column per view: the activity the article names
    (:func:`pugnlp.events.activity.find_activity` when not given), title, lead, body, the
    whole text, and headline + lead (read by models trained before the views were split)."""
    import pandas as pd

    if activities is None:
        activities = [find_activity(text, title) for text, title in zip(texts, titles)]
    rows = []
    for text, title, activity in zip(texts, titles, activities):
        t, lead, body = split_sections(text, title)
        rows.append({"text": text, "head": f"{t}\n{lead}", "title": t, "lead": lead,
                     "body": body, "activity": activity_view(activity)})
    return pd.DataFrame(rows)


def activity_view(activity: Activity | None) -> str:
    """The activity as the classifier reads it: its words and its head as one token
    (``HEAD_rapat``); ``NONE`` when the article names none."""
    if activity is None:
        return "NONE"
    return f"{activity.name} HEAD_{activity.head.split()[0].lower()}"


def build_model() -> Pipeline:
    """An unfitted pipeline (same shape for relevance and event type)."""
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.compose import ColumnTransformer
    from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
    from sklearn.pipeline import Pipeline
    from sklearn.svm import LinearSVC

    def tfidf(**kwargs: Any) -> Pipeline:
        # hashed TF-IDF: no vocabulary to store, so the saved model is small and loads fast
        return Pipeline([("hash", HashingVectorizer(n_features=HASH_FEATURES, alternate_sign=False,
                                                    norm=None, **kwargs)),
                         ("tfidf", TfidfTransformer(sublinear_tf=True))])

    features = ColumnTransformer([
        # separate views: "rapat" in the activity, the title or the lead weighs differently
        ("activity", tfidf(ngram_range=(1, 2)), "activity"),
        ("title", tfidf(ngram_range=(1, 2)), "title"),
        ("lead", tfidf(ngram_range=(1, 2)), "lead"),
        ("body", tfidf(ngram_range=(1, 2)), "body"),
        ("chars", tfidf(analyzer="char_wb", ngram_range=(3, 5)), "text"),
        ("stems", Pipeline([("stem", StemmedText()), ("tfidf", tfidf())]), ["text"]),
        ("rules", RuleCues(), ["title", "lead", "body"]),
    ])
    model = CalibratedClassifierCV(LinearSVC(C=0.5, class_weight="balanced", random_state=SEED),
                                   method="sigmoid", cv=3, ensemble=False)
    return Pipeline([("features", features), ("model", model)])


TRUSTED_TYPES: tuple[str, ...] = (
    "pugnlp.events.classify.StemmedText",
    "pugnlp.events.classify.RuleCues",
    "sklearn.calibration._CalibratedClassifier",
    "sklearn.calibration._SigmoidCalibration",
    "sklearn.calibration.CalibratedClassifierCV",
    "sklearn.svm._classes.LinearSVC",
    "sklearn.feature_extraction._dict_vectorizer.DictVectorizer",
    "sklearn.linear_model._logistic.LogisticRegression",
    "sklearn.compose._column_transformer.ColumnTransformer",
    "sklearn.feature_extraction.text.HashingVectorizer",
    "sklearn.feature_extraction.text.TfidfTransformer",
    "sklearn.pipeline.Pipeline",
    "sklearn.utils._bunch.Bunch",
    "builtins.slice",
    "numpy.dtype",
    "numpy.float64",
    "numpy.int64",
    "numpy.ndarray",
    "scipy.sparse._csr.csr_matrix",
    "collections.OrderedDict",
)
"""Every type a saved classifier may contain; anything else in a file refuses to load."""


def fit_model(X: pd.DataFrame, y: list[Any]) -> Pipeline:  # noqa: N803
    """Fit :func:`build_model` and store its linear weights sparse.

    Hashed features leave most of the 524k weights per class at zero; ``sparsify()`` keeps
    the predictions identical and makes the event-type file load in 0.03 s instead of 0.10 s.
    """
    model = build_model().fit(X, y)
    for calibrated in model.named_steps["model"].calibrated_classifiers_:
        calibrated.estimator.sparsify()
    return model


def save_model(model: Pipeline, path: Path) -> None:
    import skops.io as sio

    from pugnlp.ioutil import atomic_write_bytes

    atomic_write_bytes(path, sio.dumps(model, compression=zipfile.ZIP_DEFLATED))


def load_model(path: Path, trusted: tuple[str, ...] = TRUSTED_TYPES) -> Any:
    """Load a classifier, refusing types outside ``trusted``; errors name the file and the
    fix."""
    import skops.io as sio
    from skops.io.exceptions import UntrustedTypesFoundException

    if not path.exists():
        raise ModelError(f"{path}: model file missing; rebuild it with `pugnlp train`")
    try:
        # one pass: skops refuses any type outside the list (checking first with
        # get_untrusted_types would read and inflate the file twice, +0.13 s per load)
        return sio.load(path, trusted=list(trusted))
    except UntrustedTypesFoundException as exc:
        untrusted = sorted(t for t in sio.get_untrusted_types(file=path) if t not in trusted)
        raise ModelError(f"{path}: contains untrusted types {untrusted}; "
                         "rebuild it with `pugnlp train`") from exc
    except Exception as exc:  # zip, json, version errors from skops
        raise ModelError(f"{path}: cannot load model ({type(exc).__name__}: {exc}); "
                         "the file is corrupt or from another version, rebuild it with "
                         "`pugnlp train`") from exc


class EventClassifier:
    """Relevance and event-type models applied to extraction records."""

    def __init__(self, relevance: Pipeline, event_type: Pipeline) -> None:
        self.relevance = relevance
        self.event_type = event_type

    def probabilities(self, records: list[Any],
                      activities: Sequence[Activity | None] | None = None
                      ) -> list[ClassProbabilities]:
        """Per record (an article or a record: ``text`` and ``title``): P(relevant) and the
        probability of every event type. ``activities`` are the records' activities when
        already found."""
        if not records:
            return []
        X = frame([r.text for r in records], [r.title for r in records], activities)  # noqa: N806
        p_rel = self.relevance.predict_proba(X)[:, list(self.relevance.classes_).index(True)]
        p_type = self.event_type.predict_proba(X)
        labels = [str(c) for c in self.event_type.classes_]
        return [ClassProbabilities(float(prob), tuple(zip(labels, (float(p) for p in types))))
                for prob, types in zip(p_rel, p_type)]

    def decide(self, records: list[Any], activities: Sequence[Activity | None] | None = None
               ) -> list[dict[str, Any]]:
        """Per record: relevant, relevant_score, event_type, event_type_score (the
        :meth:`ClassProbabilities.decision` of :meth:`probabilities`)."""
        return [p.decision() for p in self.probabilities(records, activities)]
