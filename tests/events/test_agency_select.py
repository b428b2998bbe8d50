"""pugnlp.events.agency_select: features of the agencies an article names, the learned filter."""

from __future__ import annotations

import pytest

from pugnlp.article.html import text_to_article
from pugnlp.events.agency_select import (
    AgencySelector,
    agency_features,
    pick_threshold,
    training_rows,
)
from pugnlp.events.loader import extract_article
from pugnlp.events.selectors import build_selector

TEXT = (
    "Rakor PUG Kota Palu\n\n"
    "PALU – Pemerintah Kota Palu melalui DP3A Kota Palu menggelar rapat koordinasi Pokja PUG di "
    "Aula Bappeda Kota Palu, Rabu (11/10/2023). Rapat dibuka Asisten II Setdako Palu Irmawati "
    "Lamarauna. Setiap BUMD diminta mendukung. DP3A Kota Palu akan memantau tindak lanjutnya."
)


@pytest.fixture(scope="module")
def record(rules_nlp):  # noqa: ANN001, ANN201
    return extract_article(rules_nlp, text_to_article(TEXT, "palu-1"))


def test_one_feature_row_per_agency(record) -> None:  # noqa: ANN001
    rows = agency_features(record)
    assert len(rows) == len(record.agencies) >= 3
    by_name = {a.name: f for a, f in zip(record.agencies, rows)}
    setdako = next(f for n, f in by_name.items() if n.startswith("Setdako"))
    assert setdako["only_in_position"] == 1.0
    dp3a = next(f for n, f in by_name.items() if n.startswith("DP3A"))
    assert dp3a["log_mentions"] > setdako["log_mentions"]
    assert dp3a["in_lead"] == 1.0 and dp3a["only_in_position"] == 0.0
    bappeda = next(f for n, f in by_name.items() if n.startswith("Bappeda"))
    assert bappeda.get("venue", 0.0) > 0


def test_training_rows_label_by_the_scorers_matching(record) -> None:  # noqa: ANN001
    X, y = training_rows([record], [["DP3A Kota Palu", "pemerintah kota palu"]])  # noqa: N806
    labels = dict(zip((a.name for a in record.agencies), y))
    assert len(X) == len(y) == len(record.agencies)
    assert sum(y) == 2
    assert not any(v for n, v in labels.items() if n.startswith(("Setdako", "Bappeda")))


def test_selector_removes_only_below_its_threshold(record) -> None:  # noqa: ANN001
    gold = [["DP3A Kota Palu", "Pemerintah Kota Palu"]] * 4
    X, y = training_rows([record] * 4, gold)  # noqa: N806
    model = build_selector().fit(X, y)
    kept = AgencySelector(model, 0.5).select_many([record])[0]
    assert {a.name for a in kept.agencies} < {a.name for a in record.agencies}
    assert any(a.name.startswith("DP3A") for a in kept.agencies)
    untouched = AgencySelector(model, 0.0).select_many([record])[0]
    assert untouched == record
    # everything else of the record is left as it was
    assert kept.officials == record.officials and kept.event_date == record.event_date


def test_pick_threshold_stops_where_removals_turn_wrong() -> None:
    class Fixed:
        classes_ = [False, True]

        def __init__(self, probs: list[float]) -> None:
            self.probs = probs

        def predict_proba(self, X):  # noqa: ANN001, ANN201, N803
            import numpy as np

            return np.array([[1 - p, p] for p in self.probs])

    # two sure negatives at 0.02/0.04, then a true agency at 0.12
    model = Fixed([0.02, 0.04, 0.12, 0.9])
    assert pick_threshold(model, [{}] * 4, [False, False, True, True]) == 0.1
    assert pick_threshold(model, [{}] * 4, [True, False, True, True]) == 0.0
