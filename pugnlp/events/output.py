"""Write extraction records: JSONL (nested), CSV (flat, spreadsheet-ready), Parquet.

Every write goes to a temporary file that is renamed into place: a crash leaves the previous
output or none, never half of one. Records are read back by :func:`pugnlp.records_io.read_records`.

The CSV row is derived from the :class:`~pugnlp.schema.EventRecord` fields: every field but
those marked ``metadata={"csv": False}``, with lists of items and evidence written by their
types' ``csv_text()``.
"""

from __future__ import annotations

import csv
import functools
import json
import os
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any

from pugnlp.errors import SchemaError
from pugnlp.ioutil import atomic_open, same_bytes
from pugnlp.schema import EventRecord

FORMATS = ("jsonl", "csv", "parquet")
LIST_SEPARATOR = " | "


@functools.cache
def csv_columns(cls: type[EventRecord] = EventRecord) -> tuple[str, ...]:
    """The CSV columns of a record class: its fields but those with ``{"csv": False}``."""
    return tuple(f.name for f in fields(cls) if f.metadata.get("csv", True))


CSV_COLUMNS: tuple[str, ...] = csv_columns()


def format_for(path: Path, fmt: str | None) -> str:
    """The output format: explicit, else from the suffix, else jsonl."""
    if fmt:
        return fmt
    suffix = path.suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else "jsonl"


def csv_cell(value: Any) -> Any:
    """One field value as a CSV cell: lists joined with `` | ``, items and evidence by their
    ``csv_text()`` (evidence ``start:end``), booleans ``true``/``false``, null empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return LIST_SEPARATOR.join(str(csv_cell(item)) for item in value)
    if is_dataclass(value):
        return value.csv_text()  # type: ignore[attr-defined]
    return value


def flatten(record: EventRecord | Mapping[str, Any]) -> dict[str, Any]:
    """A record as one CSV row (a dict is read with :meth:`EventRecord.from_dict` first)."""
    if not isinstance(record, EventRecord):
        record = EventRecord.from_dict(record)
    return {column: csv_cell(getattr(record, column)) for column in csv_columns(type(record))}


def _typed(records: Iterable[EventRecord | Mapping[str, Any]]) -> list[EventRecord]:
    typed = []
    for n, record in enumerate(records, 1):
        if isinstance(record, EventRecord):
            typed.append(record)
            continue
        try:
            typed.append(EventRecord.from_dict(record))
        except SchemaError as exc:
            raise SchemaError(f"record {n}: {exc}") from None
    return typed


def save_records(records: Iterable[EventRecord | Mapping[str, Any]], path: Path,
                 fmt: str | None = None) -> int:
    """Write records in ``fmt`` (default: from the suffix of ``path``, else jsonl).

    Args:
        records: typed records, or their ``as_dict()`` values (checked by ``from_dict``).
        path: the output file, written atomically.
        fmt: ``jsonl``, ``csv`` or ``parquet``.

    A file whose bytes would not change is left untouched (its modification time too).

    Returns:
        How many records were written.

    Raises:
        SchemaError: an unknown format, or a dict that is not a record.
    """
    fmt = format_for(path, fmt)
    rows = _typed(records)
    if fmt == "jsonl":
        with atomic_open(path, "w", keep_same=True) as handle:
            for row in rows:
                handle.write(json.dumps(row.as_dict(), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        with atomic_open(path, "w", encoding="utf-8-sig", newline="", keep_same=True) as handle:
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


def _save_parquet(rows: list[EventRecord], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from pugnlp.events.arrow import record_schema

    table = pa.Table.from_pylist([r.as_dict() for r in rows], schema=record_schema())
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        pq.write_table(table, tmp, compression="zstd")
        if same_bytes(Path(tmp), path):
            Path(tmp).unlink()
            return
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
