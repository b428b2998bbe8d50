"""Checks on incoming records (dicts as in ``EventRecord.as_dict()``), before any table is built."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from pugnlp.errors import SchemaError
from pugnlp.schema import COLUMNS, SCHEMA_VERSION, compatible_version

log = logging.getLogger(__name__)

REQUIRED: frozenset[str] = frozenset(COLUMNS)
"""Every record field must be present (values may be null)."""


def check_record(record: Any, where: str) -> None:
    """Raise :class:`SchemaError` naming ``where`` when a record is not a usable record.

    Args:
        record: one parsed JSONL line.
        where: ``file:line`` for the message.
    """
    if not isinstance(record, Mapping):
        raise SchemaError(f"{where}: a record must be a JSON object, got {type(record).__name__}")
    missing = REQUIRED.difference(record)
    if missing:
        raise SchemaError(f"{where}: missing column(s) {', '.join(sorted(missing))} "
                          "(is this a records file from `pugnlp extract`?)")
    version = record.get("schema_version")
    if not compatible_version(version):
        raise SchemaError(f"{where}: schema_version {version!r} cannot be read; this pugnlp "
                          f"reads records of schema {SCHEMA_VERSION.split('.')[0]}.x "
                          "(re-run `pugnlp extract` with this version)")
    for name in ("venues", "officials", "agencies", "ape_categories"):
        value = record.get(name)
        if value is not None and not isinstance(value, list):
            raise SchemaError(f"{where}: {name} must be a list, got {type(value).__name__}")


def unique_records(records: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """One record per ``doc_id`` (the last one given wins), sorted by ``doc_id``.

    Sorting makes every later step independent of the order the inputs were given in.
    """
    by_doc: dict[str, Mapping[str, Any]] = {}
    for record in records:
        by_doc[str(record["doc_id"])] = record
    return [by_doc[k] for k in sorted(by_doc)]


def duplicate_count(records: Sequence[Mapping[str, Any]]) -> int:
    """How many records repeat a ``doc_id`` seen before."""
    return len(records) - len({str(r["doc_id"]) for r in records})
