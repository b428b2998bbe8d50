"""Write and read extraction records: JSONL (nested), CSV (flat, spreadsheet-ready), Parquet.

Every write goes to a temporary file that is renamed into place: a crash leaves the previous
output or none, never half of one.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pugnlp.errors import SchemaError
from pugnlp.ioutil import atomic_open
from pugnlp.schema import COLUMNS, SCHEMA_VERSION, compatible_version

FORMATS = ("jsonl", "csv", "parquet")
CSV_COLUMNS: tuple[str, ...] = tuple(c for c in COLUMNS if c != "text")
LIST_SEPARATOR = " | "


def format_for(path: Path, fmt: str | None) -> str:
    """The output format: explicit, else from the suffix, else jsonl."""
    if fmt:
        return fmt
    suffix = path.suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else "jsonl"


def _evidence(ev: dict[str, Any] | None) -> str:
    return f"{ev['start']}:{ev['end']}" if ev else ""


def flatten(record: dict[str, Any]) -> dict[str, Any]:
    """A record as one CSV row: lists joined with `` | ``, evidence as ``start:end``."""
    row: dict[str, Any] = {}
    for column in CSV_COLUMNS:
        value = record.get(column)
        if column == "venues":
            value = LIST_SEPARATOR.join(v["name"] for v in value or [])
        elif column == "officials":
            value = LIST_SEPARATOR.join(
                f"{o['name']} ({o['position']})" if o.get("position") else o["name"]
                for o in value or [])
        elif column == "agencies":
            value = LIST_SEPARATOR.join(a["name"] for a in value or [])
        elif column == "ape_categories":
            value = LIST_SEPARATOR.join(
                " ".join(str(x) for x in (a["category"], a.get("year"), a["status"]) if x)
                for a in value or [])
        elif column.endswith("_evidence"):
            value = _evidence(value)
        elif isinstance(value, bool):
            value = "true" if value else "false"
        row[column] = "" if value is None else value
    return row


def save_records(records: Iterable[dict[str, Any]], path: Path, fmt: str | None = None) -> int:
    """Write records (``EventRecord.as_dict()`` values); returns how many were written."""
    fmt = format_for(path, fmt)
    rows = list(records)
    if fmt == "jsonl":
        with atomic_open(path, "w") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        with atomic_open(path, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(CSV_COLUMNS),
                                    quoting=csv.QUOTE_NONNUMERIC)
            writer.writeheader()
            for row in rows:
                writer.writerow(flatten(row))
    elif fmt == "parquet":
        _save_parquet(rows, path)
    else:
        raise SchemaError(f"{path}: unknown format {fmt!r} (use {', '.join(FORMATS)})")
    return len(rows)


def _save_parquet(rows: list[dict[str, Any]], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from pugnlp.events.arrow import record_schema

    table = pa.Table.from_pylist(rows, schema=record_schema())
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        pq.write_table(table, tmp, compression="zstd")
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load_records(path: Path) -> list[dict[str, Any]]:
    """Read records written by :func:`save_records` in JSONL (the lossless format).

    Raises:
        SchemaError: a line is not JSON, lacks a field, or has another schema version.
    """
    records = []
    with path.open(encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise SchemaError(f"{path}:{lineno}: not JSON ({exc.msg})") from exc
            missing = [c for c in COLUMNS if c not in record]
            if missing:
                raise SchemaError(f"{path}:{lineno}: missing field(s) {', '.join(missing)}")
            if not compatible_version(record["schema_version"]):
                raise SchemaError(f"{path}:{lineno}: schema_version {record['schema_version']!r},"
                                  f" expected {SCHEMA_VERSION.split('.')[0]}.x; re-run "
                                  "`pugnlp extract`")
            records.append(record)
    return records
