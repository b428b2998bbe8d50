"""Records back in: plain values -> typed :class:`~pugnlp.schema.EventRecord`, and the one
reader of records files (JSONL from ``pugnlp extract``).

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


def record_files(paths: Path | Iterable[Path]) -> list[Path]:
    """The ``.jsonl`` files given, folders expanded (sorted).

    Raises:
        PugnlpError: there are none.
    """
    files: list[Path] = []
    for path in [paths] if isinstance(paths, (str, Path)) else paths:
        path = Path(path)
        files.extend(sorted(path.rglob("*.jsonl")) if path.is_dir() else [path])
    if not files:
        raise PugnlpError("no records files (.jsonl) given")
    return files


def read_records(paths: Path | Iterable[Path]) -> Iterator[EventRecord]:
    """Every record of the given records files and folders, typed and checked line by line.

    The files are listed at once (a missing input fails here); lines are read lazily.

    Args:
        paths: a records ``.jsonl`` file (from ``pugnlp extract``), a folder of them, or
            several of either.

    Raises:
        SchemaError: a line is not JSON or not a record of schema 1.x; the message starts with
            ``file:line``.
        PugnlpError: there are no files, or a file cannot be read.
    """
    return _iter_files(record_files(paths))


def _iter_files(files: list[Path]) -> Iterator[EventRecord]:
    for path in files:
        yield from _iter_file(path)


def _iter_file(path: Path) -> Iterator[EventRecord]:
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
