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

import functools
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import MISSING, Field, fields, is_dataclass
from pathlib import Path
from typing import Any, TypeVar

from pugnlp.errors import PugnlpError, SchemaError
from pugnlp.schema import (
    SCHEMA_VERSION,
    EventRecord,
    compatible_version,
    field_types,
    item_type,
    unwrap_optional,
)

R = TypeVar("R", bound=EventRecord)
Version = tuple[int, ...]
Decoder = Callable[[Any, Version], Any]


# --- plain values -> typed records ---------------------------------------------------------


def decode_record(data: Any, cls: type[R] = EventRecord) -> R:  # type: ignore[assignment]
    """An :class:`EventRecord` from plain values (what ``EventRecord.from_dict`` calls).

    Args:
        data: the plain values (one parsed JSONL line).
        cls: the record class (a subclass adding fields is decoded the same way).

    Raises:
        SchemaError: not an object, another major ``schema_version``, a missing column or
            field, or a value of the wrong type; the message names the field
            (``agencies[2].evidence.start``).
    """
    if not isinstance(data, Mapping):
        raise SchemaError(f"a record must be a JSON object, got {type(data).__name__}")
    version = data.get("schema_version")
    if "schema_version" in data and not compatible_version(version):
        raise SchemaError(f"schema_version {version!r} cannot be read; this pugnlp reads "
                          f"records of schema {SCHEMA_VERSION.split('.')[0]}.x "
                          "(re-run `pugnlp extract` with this version)")
    key = _version_key(version)
    missing = [f.name for f in _fields(cls) if f.name not in data and _required(f, key)]
    if missing:
        raise SchemaError(f"missing column(s) {', '.join(missing)} "
                          "(is this a records file from `pugnlp extract`?)")
    try:
        record: R = _decoder(cls)(data, key)
    except _Invalid as exc:
        raise SchemaError(f"{''.join(exc.path).lstrip('.')}: {exc.reason}") from None
    return record


@functools.cache
def _fields(cls: type) -> tuple[Field[Any], ...]:
    return fields(cls)


def _version_key(version: object) -> Version:
    try:
        return tuple(int(part) for part in str(version).split("."))
    except ValueError:
        return (int(SCHEMA_VERSION.split(".")[0]), 1 << 30)  # unknown minor: the newest


def _required(f: Field[Any], version: Version) -> bool:
    """False for a field added after ``version`` (``metadata={"since": ...}`` and a default)."""
    since = f.metadata.get("since")
    has_default = f.default is not MISSING or f.default_factory is not MISSING
    return not (since and has_default and version < _version_key(since))


class _Invalid(Exception):
    """A value that does not fit its type hint; ``path`` is filled in on the way out."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.path: list[str] = []

    def within(self, segment: str) -> _Invalid:
        self.path.insert(0, segment)
        return self


def _scalar(hint: type) -> Decoder:
    def decode(value: Any, version: Version) -> Any:
        if type(value) is hint:  # the common case, first
            return value
        if isinstance(value, hint) and not (isinstance(value, bool) and hint is not bool):
            return value
        if hint is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        raise _Invalid(f"expected {hint.__name__}, got {type(value).__name__} {value!r:.40}")

    return decode


def _sequence(item: Decoder) -> Decoder:
    def decode(value: Any, version: Version) -> tuple[Any, ...]:
        if type(value) is not list and not isinstance(value, (list, tuple)):
            raise _Invalid(f"must be a list, got {type(value).__name__}")
        out = []
        for n, element in enumerate(value):
            try:
                out.append(item(element, version))
            except _Invalid as exc:
                raise exc.within(f"[{n}]") from None
        return tuple(out)

    return decode


def _object(cls: type) -> Decoder:
    plan = []
    for f, hint in zip(fields(cls), field_types(cls).values()):
        inner, optional = unwrap_optional(hint)
        fast = inner if inner in (str, int, float, bool) else None  # checked inline below
        plan.append((f.name, fast, optional, _decoder(hint), f))

    def decode(value: Any, version: Version) -> Any:
        if type(value) is not dict and not isinstance(value, Mapping):
            raise _Invalid(f"must be an object, got {type(value).__name__}")
        values, missing = {}, []
        for name, fast, optional, item, f in plan:
            if name not in value:
                if _required(f, version):
                    missing.append(name)
                continue
            element = value[name]
            if fast is not None and (type(element) is fast or (element is None and optional)):
                values[name] = element
                continue
            try:
                values[name] = item(element, version)
            except _Invalid as exc:
                raise exc.within(f".{name}") from None
        if missing:
            raise _Invalid(f"missing field(s) {', '.join(missing)}")
        return cls(**values)

    return decode


@functools.cache
def _decoder(hint: Any) -> Decoder:
    """The function that turns a plain value into ``hint``'s type (built once per type)."""
    inner, optional = unwrap_optional(hint)
    item = item_type(inner)
    if item is not None:
        decode = _sequence(_decoder(item))
    elif is_dataclass(inner):
        decode = _object(inner)  # type: ignore[arg-type]
    elif inner in (str, int, float, bool):
        decode = _scalar(inner)
    else:
        raise TypeError(f"unsupported type in the record schema: {hint}")
    if not optional:
        return decode

    def nullable(value: Any, version: Version) -> Any:
        return None if value is None else decode(value, version)

    return nullable


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
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                where = f"{path}:{number}"
                try:
                    data = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise SchemaError(f"{where}: not a JSON line ({exc.msg})") from exc
                try:
                    record = EventRecord.from_dict(data)
                except SchemaError as exc:
                    raise SchemaError(f"{where}: {exc}") from None
                yield record
    except (OSError, UnicodeDecodeError) as exc:
        raise PugnlpError(f"{path}: cannot read records ({exc})") from exc
