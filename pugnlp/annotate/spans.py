"""Machine records -> annotation spans and document fields (pure functions, no I/O).

The spans of a pre-annotated task come from the evidence that every record value carries:
officials -> PER (and JABATAN when the position is written next to the name in the same
sentence), agencies -> ORG, venues -> VENUE, the event date -> DATE, the place evidence and the
names of the decided kab/kota and province -> LOC. Each surface form is then labelled wherever
it occurs as a whole word (as drafts are, see :func:`pugnlp.annotations.spans_from_mentions`),
and overlaps the guidelines forbid are resolved there.
"""

from __future__ import annotations

import re
from typing import Any

from pugnlp.annotations import spans_from_mentions
from pugnlp.patterns.honorifics import KEEP_IN_NAME, fold, is_honorific, is_title
from pugnlp.patterns.places import ANNOTATED_REGION_PREFIX
from pugnlp.patterns.positions import APPOSITION_GLUE
from pugnlp.schema import EventRecord

Span = tuple[int, int, str]

GLUE_WORDS = APPOSITION_GLUE
"""Words that may stand between a name and its position ("Sri Lailana selaku Kepala ...")."""

MAX_GLUE_CHARS = 60
_GLUE_SPLIT = re.compile(r"[\s,()]+")
_ACRONYM_TAIL = re.compile(r"^(?P<long>.+?)\s*\((?P<short>[^()]+)\)$", re.S)


def position_span(text: str, name_start: int, name_end: int,
                  position: str) -> tuple[int, int] | None:
    """Where ``position`` is written next to the name (before or after it), else None.

    Only honorifics, academic titles, commas, brackets and a few joining words ("selaku") may
    stand between the two, and no line break: the position must be in the name's sentence.
    """
    position = position.strip()
    if not position:
        return None
    lo = max(0, name_start - len(position) - MAX_GLUE_CHARS)
    hi = min(len(text), name_end + len(position) + MAX_GLUE_CHARS)
    best: tuple[int, tuple[int, int]] | None = None
    for match in re.finditer(re.escape(position), text[lo:hi]):
        start, end = match.start() + lo, match.end() + lo
        if end <= name_start:
            gap = text[end:name_start]
        elif start >= name_end:
            gap = text[name_end:start]
        else:
            continue
        if _is_glue(gap) and (best is None or len(gap) < best[0]):
            best = (len(gap), (start, end))
    return best[1] if best else None


def _is_glue(gap: str) -> bool:
    if len(gap) > MAX_GLUE_CHARS or "\n" in gap:
        return False
    words = [w for w in _GLUE_SPLIT.split(gap) if w]
    return all(w.lower() in GLUE_WORDS or is_honorific(w) or is_title(w) for w in words)


def _name_span(text: str, start: int, end: int, name: str) -> tuple[int, int]:
    """The name inside its evidence, without honorifics before it or titles after it."""
    at = text.find(name, start, end) if name else -1
    if at >= 0:
        start, end = at, at + len(name)
    words = list(re.finditer(r"\S+", text[start:end]))
    while len(words) > 1 and is_honorific(words[0].group().rstrip(",")) \
            and fold(words[0].group()) not in KEEP_IN_NAME:
        words.pop(0)
    while len(words) > 1 and is_title(words[-1].group().rstrip(",")):
        words.pop()
    if not words:
        return start, end
    return start + words[0].start(), start + words[-1].end()


def _agency_surfaces(surface: str) -> list[str]:
    """'Dinas ... Berencana (DP3AP2KB)' -> the expansion and the acronym, labelled apart."""
    match = _ACRONYM_TAIL.match(surface)
    if match:
        return [match.group("long").strip(), match.group("short").strip()]
    return [surface]


def _region_forms(name: str | None) -> list[str]:
    if not name:
        return []
    bare = ANNOTATED_REGION_PREFIX.sub("", name)
    return [name, bare] if bare != name else [name]


def _place_surface(text: str, start: int, end: int, regions: list[str]) -> str | None:
    """The region name inside the place evidence ("Pemko Banda Aceh" -> "Banda Aceh")."""
    surface = text[start:end]
    folded = surface.lower()
    for form in sorted(regions, key=len, reverse=True):
        at = folded.find(form.lower())
        if at >= 0:
            return surface[at:at + len(form)]
    return None if surface.lower().startswith("pem") else surface.strip()


def record_mentions(record: EventRecord) -> dict[str, list[str]]:
    """Surface forms per label read from the record's evidence (input of the span finder)."""
    text = record.text
    found: dict[str, set[str]] = {}

    def add(label: str, surface: str | None) -> None:
        if surface and surface.strip() and surface.strip() in text:
            found.setdefault(label, set()).add(surface.strip())

    for official in record.officials:
        ev = official.evidence
        start, end = _name_span(text, ev.start, ev.end, official.name)
        add("PER", text[start:end])
        if official.position:
            where = position_span(text, start, end, official.position)
            if where:
                add("JABATAN", text[where[0]:where[1]])
    for agency in record.agencies:
        for surface in _agency_surfaces(text[agency.evidence.start:agency.evidence.end]):
            add("ORG", surface)
        add("ORG", agency.name)
        add("ORG", agency.acronym)
    for venue in record.venues:
        add("VENUE", text[venue.evidence.start:venue.evidence.end])
    if record.event_date_evidence:
        add("DATE", text[record.event_date_evidence.start:record.event_date_evidence.end])
    regions = _region_forms(record.kab_kota) + _region_forms(record.province)
    for form in regions:
        add("LOC", form)
    if record.place_evidence:
        ev = record.place_evidence
        add("LOC", _place_surface(text, ev.start, ev.end, regions))
    return {label: sorted(strings) for label, strings in found.items()}


def record_spans(record: EventRecord) -> list[Span]:
    """Pre-annotation spans of one record (every whole-word occurrence of each surface form)."""
    return spans_from_mentions(record.text, record_mentions(record))


def record_fields(record: EventRecord) -> dict[str, Any]:
    """The document-level fields of the annotation format, as the machine decided them."""
    fields: dict[str, Any] = {
        "relevant": record.relevant,
        "event_type": record.event_type if record.relevant else None,
        "event_date": record.event_date,
        "event_date_end": record.event_date_end,
        "kab_kota": record.kab_kota,
        "province": record.province,
        "participants": record.participants,
        "officials": [{"name": o.name, "position": o.position} for o in record.officials],
        "agencies": [a.name for a in record.agencies],
        "venues": [v.name for v in record.venues],
        "categories": sorted({a.category for a in record.ape_categories}),
    }
    return fields


def record_meta(record: EventRecord) -> dict[str, Any]:
    """Article metadata shown to annotators (not part of the annotation format)."""
    meta = {"title": record.title, "url": record.url, "published": record.published,
            "outlet": record.outlet}
    return {k: v for k, v in meta.items() if v is not None}
