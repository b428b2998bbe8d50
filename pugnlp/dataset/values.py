"""Small pure helpers on record values shared by the table builders."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import Any

Record = Mapping[str, Any]


def mode(values: Iterable[Any], tiebreak: Callable[[Any], Any] | None = None) -> Any:
    """The most frequent non-null value; ties go to the smallest ``tiebreak(value)``."""
    counts = Counter(v for v in values if v is not None and v != "")
    if not counts:
        return None
    key = tiebreak or (lambda v: v)
    return min(counts, key=lambda v: (-counts[v], key(v)))


def evidence(record: Record, ev: Mapping[str, Any] | None) -> tuple[Any, Any, Any, Any]:
    """``(surface, sentence, start, end)`` of one evidence item (nulls when absent).

    ``surface`` is ``text[start:end]`` of the record's cleaned text, null when the offsets do
    not fit the text.
    """
    if not ev:
        return None, None, None, None
    start, end = ev.get("start"), ev.get("end")
    text = record.get("text") or ""
    ok = isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)
    return (text[start:end] if ok else None), ev.get("sentence"), start, end


def published_order(records: Sequence[Record]) -> list[Record]:
    """Records sorted by publication date (unknown last), then ``doc_id``."""
    return sorted(records, key=lambda r: (r.get("published") or "9999", str(r["doc_id"])))


def distinct(values: Iterable[Any], key: Callable[[Any], Hashable] = lambda v: v) -> list[Any]:
    """Non-empty values in first-seen order, without repeats (by ``key``)."""
    seen: set[Hashable] = set()
    out = []
    for v in values:
        if v and key(v) not in seen:
            seen.add(key(v))
            out.append(v)
    return out
