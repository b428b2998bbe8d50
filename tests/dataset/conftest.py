"""Shared fixtures of the dataset tests: the gazetteer, the team's event fixture, its tables."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pugnlp.dataset.frame import build_tables
from pugnlp.wilayah import Gazetteer, load_gazetteer

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="session")
def fixture_records() -> list[dict[str, Any]]:
    lines = (FIXTURES / "events_fixture.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="session")
def gold() -> dict[str, str]:
    return json.loads((FIXTURES / "events_fixture.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def tables(fixture_records, gaz):
    return build_tables(fixture_records, gaz)


@pytest.fixture(scope="session")
def event_of(tables):
    """``event_of(doc_id)``: the events row (as a dict) that contains the article."""

    def find(doc_id: str) -> dict[str, Any]:
        mentions = tables["mentions"]
        event_id = mentions.loc[mentions["doc_id"] == doc_id, "event_id"].iloc[0]
        events = tables["events"]
        return events[events["event_id"] == event_id].iloc[0].to_dict()

    return find


@pytest.fixture()
def write_records(tmp_path):
    """``write_records(name, records)``: a records .jsonl file in tmp_path."""

    def write(name: str, records: list[dict[str, Any]]) -> Path:
        path = tmp_path / name
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        return path

    return write
