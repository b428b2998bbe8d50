"""Incoming records: the one place where typed records become the dataset's rows.

Records reach the dataset as :class:`~pugnlp.schema.EventRecord` values (read by
:func:`pugnlp.records_io.read_records`); :func:`as_rows` turns them into the plain dicts
(``EventRecord.as_dict()``) the table builders work on.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from pugnlp.errors import SchemaError
from pugnlp.schema import EventRecord

log = logging.getLogger(__name__)

Incoming = EventRecord | Mapping[str, Any]
"""A typed record, or a dict already in ``EventRecord.as_dict()`` form."""


def check_record(record: Any, where: str) -> EventRecord:
    """The typed record, or a :class:`SchemaError` naming ``where`` when it is not one.

    Args:
        record: one parsed JSONL line.
        where: ``file:line`` for the message.
    """
    try:
        return EventRecord.from_dict(record)
    except SchemaError as exc:
        raise SchemaError(f"{where}: {exc}") from None


def as_rows(records: Iterable[Incoming]) -> list[Mapping[str, Any]]:
    """Records as the dataset's rows: typed records via ``as_dict()``, dicts as they are."""
    return [r.as_dict() if isinstance(r, EventRecord) else r for r in records]


def _doc_id(record: Incoming) -> str:
    return record.doc_id if isinstance(record, EventRecord) else str(record["doc_id"])


def unique_records(records: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """One record per ``doc_id`` (the last one given wins), sorted by ``doc_id``.

    Sorting makes every later step independent of the order the inputs were given in.
    """
    by_doc: dict[str, Mapping[str, Any]] = {}
    for record in records:
        by_doc[str(record["doc_id"])] = record
    return [by_doc[k] for k in sorted(by_doc)]


def duplicate_count(records: Sequence[Incoming]) -> int:
    """How many records repeat a ``doc_id`` seen before."""
    return len(records) - len({_doc_id(r) for r in records})
