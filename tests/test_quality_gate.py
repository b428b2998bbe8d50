"""Accuracy gate: the rules must keep their level on the bundled gold (korpus/contoh).

The floors sit a little under the figures measured when the gate was set (see
bench/baseline.json); a drop below them is a regression, not noise.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pugnlp.events.loader import extract_articles
from pugnlp.scoring import score

ROOT = Path(__file__).resolve().parents[1]
FLOORS = {
    "relevant_acc": 0.95, "event_type_acc": 0.80, "event_date_acc": 0.90, "kab_kota_acc": 0.93,
    "province_acc": 0.95, "officials_f1": 0.88, "official_pairs_f1": 0.85, "agencies_f1": 0.78,
    "venues_f1": 0.90,
}


@pytest.fixture(scope="module")
def result(rules_nlp) -> dict:  # noqa: ANN001
    from pugnlp.article.load import iter_articles

    articles = [a for a in iter_articles([ROOT / "korpus/contoh/teks"])]
    preds = [r.as_dict() for r in extract_articles(rules_nlp, articles)]
    gold = [json.loads(line) for line in (ROOT / "korpus/contoh/gold.jsonl").read_text(encoding="utf-8").splitlines()]
    return score(preds, gold)


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_floor(result: dict, metric: str) -> None:
    assert result[metric] >= FLOORS[metric], (metric, result[metric])
