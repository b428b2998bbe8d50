"""pugnlp.events.export: records read back from JSONL, across minor schema versions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pugnlp.errors import SchemaError
from pugnlp.events.export import load_records, save_records

FIXTURE = Path(__file__).resolve().parents[1] / "dataset" / "fixtures" / "events_fixture.jsonl"


def _write(path: Path, version: str, drop_agency_text: bool = False) -> Path:
    records = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines()]
    for record in records:
        record["schema_version"] = version
        if drop_agency_text:
            for agency in record["agencies"]:
                agency.pop("text", None)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    return path


def test_records_of_an_older_minor_version_still_load_and_export(tmp_path: Path) -> None:
    # schema 1.0 records have no agency `text`
    records = load_records(_write(tmp_path / "old.jsonl", "1.0", drop_agency_text=True))
    assert len(records) > 1
    assert save_records(records, tmp_path / "old.csv") == len(records)
    assert save_records(records, tmp_path / "old.parquet") == len(records)


def test_records_of_another_major_version_are_refused(tmp_path: Path) -> None:
    with pytest.raises(SchemaError, match=r"old\.jsonl:1: schema_version '2\.0'"):
        load_records(_write(tmp_path / "old.jsonl", "2.0"))
