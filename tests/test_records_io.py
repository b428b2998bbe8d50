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


def test_parquet_files_and_folders_of_parts(lines, tmp_path: Path) -> None:
    from pugnlp.events.output import save_records

    typed = list(read_records(FIXTURE))
    parts = tmp_path / "rekaman"
    save_records(typed[:30], parts / "part-00000.parquet")
    save_records(typed[30:], parts / "part-00001.parquet")
    (parts / ".part-00002.parquet.123.tmp").write_bytes(b"unfinished")
    (parts / ".tmp-folder").mkdir()
    (parts / ".tmp-folder" / "part-9.parquet").write_bytes(b"unfinished")
    assert record_files(parts) == [parts / "part-00000.parquet", parts / "part-00001.parquet"]
    assert list(read_records(parts)) == typed
    assert list(read_records(parts / "part-00001.parquet")) == typed[30:]
    mixed = [parts, FIXTURE]
    assert len(list(read_records(mixed))) == 2 * len(typed)


def test_parquet_row_groups_and_row_numbers_in_messages(lines, tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from pugnlp.events.arrow import record_schema
    from pugnlp.records_io import read_file

    rows = json.loads(json.dumps(lines[:5]))
    rows[3]["relevant"] = None
    path = tmp_path / "r.parquet"
    pq.write_table(pa.Table.from_pylist(rows, schema=record_schema()), path, row_group_size=2)
    assert [r.doc_id for r in read_file(path, row_group=0)] == [r["doc_id"] for r in rows[:2]]
    with pytest.raises(SchemaError, match=r"r\.parquet:row 4: relevant: expected bool"):
        list(read_file(path, row_group=1))
    (tmp_path / "bad.parquet").write_bytes(b"not parquet")
    with pytest.raises(PugnlpError, match=r"bad\.parquet: cannot read records"):
        list(read_records(tmp_path / "bad.parquet"))


def test_plain_rows_are_the_records_as_dicts(lines, tmp_path: Path) -> None:
    from pugnlp.events.output import save_records
    from pugnlp.records_io import read_rows

    typed = list(read_records(FIXTURE))
    save_records(typed, tmp_path / "r.parquet")
    expected = [r.as_dict() for r in typed]
    assert list(read_rows(tmp_path / "r.parquet")) == expected
    assert list(read_rows(FIXTURE)) == expected
    # Parquet columns of an older schema (no activity fields): the records' defaults fill in
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pq.read_table(tmp_path / "r.parquet").drop_columns(["activity", "activity_evidence"])
    n = table.schema.get_field_index("schema_version")
    table = table.set_column(n, "schema_version", pa.array(["1.1"] * table.num_rows))
    pq.write_table(table, tmp_path / "old.parquet")
    old = list(read_rows(tmp_path / "old.parquet"))
    assert old == [dict(r, activity=None, activity_evidence=None, schema_version="1.1")
                   for r in expected]
