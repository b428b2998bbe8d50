"""Report fixtures: the dataset tables of the team's event fixture, and the rendered HTML."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from pugnlp.dataset.frame import build_tables
from pugnlp.report.build import build_report
from pugnlp.wilayah import load_gazetteer

FIXTURE = Path(__file__).resolve().parents[1] / "dataset" / "fixtures" / "events_fixture.jsonl"


@pytest.fixture(scope="session")
def gaz():
    return load_gazetteer()


@pytest.fixture(scope="session")
def report_tables(gaz):
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    return build_tables([json.loads(line) for line in lines if line.strip()], gaz)


@pytest.fixture(scope="session")
def html(report_tables, gaz) -> str:
    return build_report(report_tables, gaz, created=dt.date(2025, 1, 15))
