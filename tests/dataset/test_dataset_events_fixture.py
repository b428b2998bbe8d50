"""The team's event fixture: consistent with its builder and the schema; merging meets the goal."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from pugnlp.dataset.frame import group_records
from pugnlp.dataset.merge_scores import pairwise
from pugnlp.dataset.records import check_record

FIXTURES = Path(__file__).parent / "fixtures"


def load_builder():
    spec = importlib.util.spec_from_file_location("build_events_fixture",
                                                  FIXTURES / "build_events_fixture.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_fixture_matches_its_builder():
    fixture_text, gold_text = load_builder().render()
    assert (FIXTURES / "events_fixture.jsonl").read_text(encoding="utf-8") == fixture_text
    assert (FIXTURES / "events_fixture.gold.json").read_text(encoding="utf-8") == gold_text


def test_fixture_records_are_valid_and_their_evidence_points_into_the_text(fixture_records):
    for n, record in enumerate(fixture_records):
        check_record(record, f"fixture:{n}")
        text = record["text"]
        items = [record["event_date_evidence"], record["place_evidence"]]
        items += [o["evidence"] for o in record["officials"] + record["agencies"]]
        for ev in filter(None, items):
            assert 0 <= ev["start"] < ev["end"] <= len(text)
            assert text[ev["start"]:ev["end"]] in ev["sentence"]


def test_fixture_shape(gold):
    sizes = {}
    for event in gold.values():
        sizes[event] = sizes.get(event, 0) + 1
    assert len(sizes) >= 30 and set(sizes.values()) == {1, 2, 3, 4}


def test_merging_meets_the_goal_on_the_fixture(fixture_records, gold):
    groups = group_records(sorted(fixture_records, key=lambda r: r["doc_id"]))
    predicted = {r["doc_id"]: str(n) for n, g in enumerate(groups) for r in g}
    scores = pairwise(predicted, gold)
    assert scores.precision >= 0.95, scores.wrong
    assert scores.recall >= 0.90, scores.wrong
