"""Records back in: plain values -> typed :class:`~pugnlp.schema.EventRecord`, and the one
reader of records files (JSONL from ``pugnlp extract``, Parquet from ``pugnlp extract --format
parquet`` or the part files of ``pugnlp extract --engine dask``).

A shared leaf (it imports only :mod:`pugnlp.schema` and :mod:`pugnlp.errors`): the CLI, the
events export and the dataset all read records through :func:`read_records`.

Decoding follows the dataclass fields and their type hints, so a field added to a record
dataclass is read without changing this module: ``str``/``int``/``float``/``bool`` are checked,
``T | None`` may be null, ``tuple[T, ...]`` is a JSON list and a dataclass a JSON object. A
field added in a later minor version carries ``metadata={"since": "1.x"}`` and a default, and
may be absent from older records (schema 1.0 has no ``Agency.text``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from pugnlp.errors import PugnlpError, SchemaError
from pugnlp.ioutil import json_lines
from pugnlp.schema import (
    EventRecord,
)

R = TypeVar("R", bound=EventRecord)
Version = tuple[int, ...]
Decoder = Callable[[Any, Version], Any]


# --- plain values -> typed records ---------------------------------------------------------


# --- records files -------------------------------------------------------------------------


SUFFIXES: tuple[str, ...] = (".jsonl", ".parquet")
"""Records files: JSONL lines, or Parquet rows with the columns of
:func:`pugnlp.events.arrow.record_schema`."""

PARQUET_BATCH = 1024
"""Parquet rows decoded at a time: a part file is never loaded whole."""


def record_files(paths: Path | Iterable[Path]) -> list[Path]:
    """The records files given (``.jsonl``, ``.parquet``), folders expanded (sorted; names
    starting with a dot, such as unfinished temporary files, left out).

    Raises:
        PugnlpError: there are none.
    """
    files: list[Path] = []
    for path in [paths] if isinstance(paths, (str, Path)) else paths:
        path = Path(path)
        if path.is_dir():
            files.extend(p for p in sorted(path.rglob("*")) if p.suffix in SUFFIXES
                         and p.is_file()
                         and not any(part.startswith(".") for part in p.relative_to(path).parts))
        else:
            files.append(path)
    if not files:
        raise PugnlpError("no records files (.jsonl, .parquet) given")
    return files


def read_records(paths: Path | Iterable[Path]) -> Iterator[EventRecord]:
    """Every record of the given records files and folders, typed and checked line by line.

    The files are listed at once (a missing input fails here); lines are read lazily.

    Args:
        paths: a records ``.jsonl`` or ``.parquet`` file (from ``pugnlp extract``), a folder
            of them (the part files of ``--engine dask``), or several of either.

    Raises:
        SchemaError: a line is not JSON or not a record of schema 1.x; the message starts with
            ``file:line`` (``file:row N`` for Parquet).
        PugnlpError: there are no files, or a file cannot be read.
    """
    return _iter_files(record_files(paths))


def _iter_files(files: list[Path]) -> Iterator[EventRecord]:
    for path in files:
        yield from _iter_file(path)


def read_file(path: Path, row_group: int | None = None) -> Iterator[EventRecord]:
    """The records of one records file (``.parquet``, else JSONL lines), checked one by one.

    Args:
        path: the file.
        row_group: of a Parquet file, only this row group (rows keep their numbers in the
            file, for the messages).

    Raises:
        SchemaError, PugnlpError: as :func:`read_records`.
    """
    path = Path(path)
    if path.suffix == ".parquet":
        return _iter_parquet(path, row_group)
    return _iter_file(path)


def _iter_file(path: Path) -> Iterator[EventRecord]:
    if path.suffix == ".parquet":
        yield from _iter_parquet(path)
        return
    try:
        with path.open(encoding="utf-8") as handle:
            for where, _, data in json_lines(handle, path):
                if isinstance(data, json.JSONDecodeError):
                    raise SchemaError(f"{where}: not a JSON line ({data.msg})") from data
                try:
                    record = EventRecord.from_dict(data)
                except SchemaError as exc:
                    raise SchemaError(f"{where}: {exc}") from None
                yield record
    except (OSError, UnicodeDecodeError) as exc:
        raise PugnlpError(f"{path}: cannot read records ({exc})") from exc


def read_rows(path: Path, row_group: int | None = None) -> Iterator[dict[str, Any]]:
    """The records of one records file as plain values (what ``EventRecord.as_dict()``
    gives), each checked as :func:`read_file` checks it.

    A Parquet file's rows are given as read once the first one is seen to equal its record's
    ``as_dict()``: the columns are typed, so every row has the same layout (this saves
    building each value twice).

    Raises:
        SchemaError, PugnlpError: as :func:`read_records`.
    """
    path = Path(path)
    if path.suffix == ".parquet":
        return (raw for _, raw in _parquet_rows(path, row_group, plain=True))
    return (record.as_dict() for record in _iter_file(path))


def _iter_parquet(path: Path, row_group: int | None = None) -> Iterator[EventRecord]:
    return (typed for typed, _ in _parquet_rows(path, row_group))


def _parquet_rows(path: Path, row_group: int | None = None, plain: bool = False
                  ) -> Iterator[tuple[EventRecord, Any]]:
    """``(record, row)`` of each row; with ``plain``, ``row`` is its ``as_dict()`` values."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    row = 0
    same: bool | None = None
    try:
        parquet = pq.ParquetFile(path)
        groups = None
        if row_group is not None:
            groups = [row_group]
            row = sum(parquet.metadata.row_group(g).num_rows for g in range(row_group))
        for batch in parquet.iter_batches(batch_size=PARQUET_BATCH, row_groups=groups):
            for data in batch.to_pylist():
                row += 1
                try:
                    record = EventRecord.from_dict(data)
                except SchemaError as exc:
                    raise SchemaError(f"{path}:row {row}: {exc}") from None
                if plain and not same:
                    values = record.as_dict()
                    same = same if same is not None else values == data
                    data = values
                yield record, data
    except (OSError, pa.ArrowException) as exc:
        raise PugnlpError(f"{path}: cannot read records ({exc})") from exc
