"""The annotation format of ``anotasi/``: load, validate, split, and build from drafts.

One JSON object per line (doccano-compatible)::

    {"id": "a1_001", "text": "...", "label": [[start, end, "PER"], ...],
     "relevant": true, "event_type": "rapat_koordinasi", "event_date": "2023-10-11", ...}

Spans are character offsets into ``text``. Overlaps are allowed only where the guidelines
(docs/annotation.md) allow them: a JABATAN may contain ORG and LOC, an ORG or a VENUE may
contain LOC and ORG. The split (train/dev/test) is fixed by a hash of the id.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pugnlp.errors import AnnotationError
from pugnlp.ioutil import json_lines
from pugnlp.schema import EVENT_TYPES

LABELS: tuple[str, ...] = ("PER", "JABATAN", "ORG", "LOC", "VENUE", "DATE")
NESTING: dict[str, frozenset[str]] = {
    "JABATAN": frozenset({"ORG", "LOC"}),
    "ORG": frozenset({"LOC", "ORG"}),
    "VENUE": frozenset({"ORG", "LOC"}),
}
"""outer label -> labels allowed strictly inside it; every other overlap is an error."""

DOC_FIELDS: tuple[str, ...] = (
    "relevant", "event_type", "event_date", "event_date_end", "kab_kota", "province",
    "participants", "officials", "agencies", "venues", "categories", "held_in_kab_kota",
)
SPLITS = (("train", 0.7), ("dev", 0.15), ("test", 0.15))


@dataclass(slots=True)
class AnnotatedDoc:
    id: str
    text: str
    spans: list[tuple[int, int, str]]
    fields: dict[str, Any] = field(default_factory=dict)

    @property
    def split(self) -> str:
        return split_of(self.id)

    def as_json(self) -> dict[str, Any]:
        row: dict[str, Any] = {"id": self.id, "text": self.text,
                               "label": [list(s) for s in sorted(self.spans)]}
        row.update({k: self.fields.get(k) for k in DOC_FIELDS if k in self.fields})
        return row


def split_of(doc_id: str) -> str:
    """train/dev/test by a hash of the id: stable whatever else is added to the corpus."""
    bucket = int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest()[:8], 16) / 0xFFFFFFFF
    edge = 0.0
    for name, share in SPLITS:
        edge += share
        if bucket < edge:
            return name
    return SPLITS[-1][0]


def validate_doc(row: Any, where: str) -> AnnotatedDoc:
    """Check one line; raise AnnotationError naming ``where`` (file:line) and the span."""
    if not isinstance(row, dict):
        raise AnnotationError(f"{where}: a line must be a JSON object")
    doc_id, text = row.get("id"), row.get("text")
    if not isinstance(doc_id, (str, int)) or not isinstance(text, str) or not text:
        raise AnnotationError(f"{where}: needs an `id` and a non-empty `text`")
    raw = row.get("label", row.get("labels", []))
    if not isinstance(raw, list):
        raise AnnotationError(f"{where}: `label` must be a list of [start, end, label]")
    spans: list[tuple[int, int, str]] = []
    for item in raw:
        if not (isinstance(item, (list, tuple)) and len(item) == 3):
            raise AnnotationError(f"{where}: span {item!r} is not [start, end, label]")
        start, end, label = item
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            raise AnnotationError(f"{where}: span {item!r} is outside the text (length {len(text)})")
        if label not in LABELS:
            raise AnnotationError(f"{where}: span {item!r} has unknown label {label!r} "
                                  f"(known: {', '.join(LABELS)})")
        if text[start:end] != text[start:end].strip():
            raise AnnotationError(f"{where}: span {item!r} starts or ends with white space")
        spans.append((start, end, label))
    _check_overlaps(spans, where)
    event_type = row.get("event_type")
    if event_type is not None and event_type not in EVENT_TYPES:
        raise AnnotationError(f"{where}: unknown event_type {event_type!r}")
    if "relevant" in row and not isinstance(row["relevant"], bool):
        raise AnnotationError(f"{where}: `relevant` must be true or false")
    fields = {k: row[k] for k in DOC_FIELDS if k in row}
    return AnnotatedDoc(str(doc_id), text, spans, fields)


def _check_overlaps(spans: list[tuple[int, int, str]], where: str) -> None:
    ordered = sorted(spans, key=lambda s: (s[0], -s[1]))
    for i, (s1, e1, l1) in enumerate(ordered):
        for s2, e2, l2 in ordered[i + 1:]:
            if s2 >= e1:
                break
            inside = s1 <= s2 and e2 <= e1 and (s1, e1) != (s2, e2)
            if inside and l2 in NESTING.get(l1, frozenset()):
                continue
            raise AnnotationError(f"{where}: spans [{s1}, {e1}, {l1!r}] and [{s2}, {e2}, {l2!r}] "
                                  "overlap in a way the guidelines do not allow")


def load_annotations(path: Path) -> list[AnnotatedDoc]:
    """All documents of a file or of every ``*.jsonl`` in a folder (drafts excluded).

    Raises:
        AnnotationError: the first bad line, with file, line and span.
    """
    files = sorted(p for p in path.glob("*.jsonl")) if path.is_dir() else [path]
    docs: list[AnnotatedDoc] = []
    seen: dict[str, str] = {}
    for file in files:
        for where, _, row in json_lines(file.read_text(encoding="utf-8").splitlines(), file):
            if isinstance(row, json.JSONDecodeError):
                raise AnnotationError(f"{where}: not JSON ({row.msg})") from row
            doc = validate_doc(row, where)
            if doc.id in seen:
                raise AnnotationError(f"{where}: duplicate id {doc.id!r} (first in {seen[doc.id]})")
            seen[doc.id] = where
            docs.append(doc)
    return docs


# -- drafts (team-written documents with mention lists, see anotasi/DRAFT_FORMAT.md) --------


def spans_from_mentions(text: str, mentions: dict[str, list[str]]) -> list[tuple[int, int, str]]:
    """Label every whole-word occurrence of each mention string; inside one label the longest
    match wins, across labels only the allowed nestings are kept."""
    found: list[tuple[int, int, str]] = []
    for label, strings in mentions.items():
        if label not in LABELS:
            raise AnnotationError(f"unknown label {label!r} in mentions")
        candidates = []
        for surface in sorted(set(strings), key=len, reverse=True):
            for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", text):
                candidates.append((m.start(), m.end(), label))
        taken: list[tuple[int, int]] = []
        for start, end, lab in sorted(candidates, key=lambda c: (-(c[1] - c[0]), c[0])):
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            found.append((start, end, lab))
    return _resolve_cross_label(found)


def _resolve_cross_label(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop spans that overlap another in a way the guidelines forbid (outer spans first)."""
    kept: list[tuple[int, int, str]] = []
    for span in sorted(spans, key=lambda s: (-(s[1] - s[0]), s[0])):
        try:
            _check_overlaps(kept + [span], "")
        except AnnotationError:
            continue
        kept.append(span)
    return sorted(kept)


def doc_from_draft(row: dict[str, Any]) -> AnnotatedDoc:
    text = row["text"]
    spans = spans_from_mentions(text, row.get("mentions", {}))
    fields = {k: row.get(k) for k in DOC_FIELDS}
    return AnnotatedDoc(str(row["id"]), text, spans, fields)
