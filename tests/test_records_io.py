"""pugnlp.records_io: the one reader of records files, typed and checked line by line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pugnlp.errors import PugnlpError, SchemaError
from pugnlp.records_io import read_records, record_files
from pugnlp.schema import EventRecord

FIXTURE = Path(__file__).parent / "dataset" / "fixtures" / "events_fixture.jsonl"


@pytest.fixture(scope="module")
def lines() -> list[dict[str, Any]]:
    return [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines()]


def write_lines(path: Path, records: list[Any]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_every_line_becomes_a_typed_record_equal_to_its_json(lines) -> None:
    records = list(read_records(FIXTURE))
    assert all(isinstance(r, EventRecord) for r in records)
    assert [r.as_dict() for r in records] == lines


def test_missing_column_names_file_and_line(lines, tmp_path: Path) -> None:
    broken = dict(lines[1])
    del broken["event_type"]
    path = write_lines(tmp_path / "r.jsonl", [lines[0], broken])
    with pytest.raises(SchemaError, match=r"r\.jsonl:2: missing column\(s\) event_type"):
        list(read_records(path))


def test_bad_nested_value_names_file_line_and_field(lines, tmp_path: Path) -> None:
    broken = json.loads(json.dumps(lines[0]))
    broken["officials"][0]["evidence"]["end"] = "12"
    path = write_lines(tmp_path / "r.jsonl", [broken])
    where = r"r\.jsonl:1: officials\[0\]\.evidence\.end"
    with pytest.raises(SchemaError, match=where + ": expected int"):
        list(read_records(path))


def test_schema_versions(lines, tmp_path: Path) -> None:
    old_major = write_lines(tmp_path / "r.jsonl", [dict(lines[0], schema_version="0.3")])
    with pytest.raises(SchemaError, match=r"r\.jsonl:1: schema_version '0\.3' cannot be read"):
        list(read_records(old_major))
    newer_minor = dict(lines[0], schema_version="1.7", later_field=True)
    assert len(list(read_records(write_lines(tmp_path / "s.jsonl", [newer_minor])))) == 1
    old = json.loads(json.dumps(dict(lines[0], schema_version="1.0")))
    for agency in old["agencies"]:
        del agency["text"]
    (record,) = read_records(write_lines(tmp_path / "o.jsonl", [old]))
    assert record.agencies and all(a.text is None for a in record.agencies)


def test_not_json_not_an_object_and_blank_lines(lines, tmp_path: Path) -> None:
    (tmp_path / "bad.jsonl").write_text("{not json\n", encoding="utf-8")
    with pytest.raises(SchemaError, match=r"bad\.jsonl:1: not a JSON line"):
        list(read_records(tmp_path / "bad.jsonl"))
    (tmp_path / "list.jsonl").write_text("\n[1, 2]\n", encoding="utf-8")
    with pytest.raises(SchemaError, match=r"list\.jsonl:2: a record must be a JSON object"):
        list(read_records(tmp_path / "list.jsonl"))


def test_folders_and_several_inputs(lines, tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    write_lines(tmp_path / "sub" / "a.jsonl", lines[:3])
    write_lines(tmp_path / "b.jsonl", lines[3:5])
    assert record_files(tmp_path) == [tmp_path / "b.jsonl", tmp_path / "sub" / "a.jsonl"]
    assert len(list(read_records(tmp_path))) == 5
    assert len(list(read_records([tmp_path / "b.jsonl", tmp_path / "sub"]))) == 5


def test_no_files_and_unreadable_files_fail_at_once(tmp_path: Path) -> None:
    with pytest.raises(PugnlpError, match="no records files"):
        read_records([])
    (tmp_path / "latin1.jsonl").write_bytes(b'{"doc_id": "\xe9"}\n')
    with pytest.raises(PugnlpError, match=r"latin1\.jsonl: cannot read records"):
        list(read_records(tmp_path / "latin1.jsonl"))
