"""pugnlp.events.output: records written as JSONL, CSV and Parquet, from typed records or dicts."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pugnlp.errors import SchemaError
from pugnlp.events.arrow import record_schema
from pugnlp.events.output import CSV_COLUMNS, csv_columns, flatten, save_records
from pugnlp.records_io import read_records
from pugnlp.schema import COLUMNS, EventRecord

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
    records = list(read_records(_write(tmp_path / "old.jsonl", "1.0", drop_agency_text=True)))
    assert len(records) > 1
    assert save_records(records, tmp_path / "old.csv") == len(records)
    assert save_records(records, tmp_path / "old.parquet") == len(records)


def test_typed_records_and_their_dicts_write_the_same_bytes(tmp_path: Path) -> None:
    typed = list(read_records(FIXTURE))
    for suffix in ("jsonl", "csv", "parquet"):
        save_records(typed, tmp_path / f"typed.{suffix}")
        save_records([r.as_dict() for r in typed], tmp_path / f"dicts.{suffix}")
        assert (tmp_path / f"typed.{suffix}").read_bytes() == \
            (tmp_path / f"dicts.{suffix}").read_bytes(), suffix


def test_jsonl_round_trips_and_parquet_keeps_the_schema(tmp_path: Path) -> None:
    typed = list(read_records(FIXTURE))
    save_records(typed, tmp_path / "r.jsonl")
    assert list(read_records(tmp_path / "r.jsonl")) == typed
    save_records(typed, tmp_path / "r.parquet")
    table = pq.read_table(tmp_path / "r.parquet")
    assert table.schema.remove_metadata().equals(record_schema())
    assert [EventRecord.from_dict(row) for row in table.to_pylist()] == typed


def test_csv_row_conventions() -> None:
    record = next(r for r in read_records(FIXTURE) if r.officials and r.event_date_evidence)
    row = flatten(record)
    assert tuple(row) == CSV_COLUMNS == tuple(c for c in COLUMNS if c != "text")
    assert row["relevant"] in ("true", "false")
    ev = record.event_date_evidence
    assert row["event_date_evidence"] == f"{ev.start}:{ev.end}"
    first = record.officials[0]
    assert row["officials"].split(" | ")[0].startswith(first.name)
    assert flatten(record.as_dict()) == row


def test_csv_file_reads_back_as_text_codes(tmp_path: Path) -> None:
    save_records(read_records(FIXTURE), tmp_path / "r.csv")
    with (tmp_path / "r.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and all(r["kab_kota_code"] == "" or "." in r["kab_kota_code"] for r in rows)


def test_a_dict_that_is_not_a_record_is_refused(tmp_path: Path) -> None:
    bad = dict(next(read_records(FIXTURE)).as_dict(), participants="many")
    with pytest.raises(SchemaError, match=r"record 1: participants: expected int"):
        save_records([bad], tmp_path / "r.jsonl")
    assert not (tmp_path / "r.jsonl").exists()


@dataclass(frozen=True, slots=True)
class _Extended(EventRecord):
    reviewer_note: str | None = None


def test_a_new_field_reaches_the_csv_row() -> None:
    record = next(read_records(FIXTURE))
    extended = _Extended(**{c: getattr(record, c) for c in COLUMNS}, reviewer_note="ok")
    assert csv_columns(_Extended) == (*CSV_COLUMNS, "reviewer_note")
    assert flatten(extended)["reviewer_note"] == "ok"
