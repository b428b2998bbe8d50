"""The activity an article reports, as it names it, and the event type its head decides.

Read from the title, then the lead, then the two paragraphs after it (real releases often
name the activity only there: "..., kata Sekda saat membuka Bimbingan Teknis PPRG"): an
activity head after an activity verb, after a preposition of occasion, or at the start of
the headline (:mod:`pugnlp.patterns.activities`). A verb that follows a wish ("optimistis
meraih APE") names no activity. The name runs from the head to where the phrase turns to
the place, the audience or the date ("Rapat Koordinasi dan Lokakarya Teknis" | "yang
digelar di ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pugnlp.article.clean import lead_end, lead_start
from pugnlp.patterns.activities import (
    ACTIVITY_AFTER_OCCASION,
    ACTIVITY_AFTER_VERB,
    ACTIVITY_AT_START,
    ACTIVITY_WORD,
    BACK_REFERENCE,
    DOCUMENT_MEETING_HEADS,
    DOCUMENT_MEETING_TYPES,
    DOCUMENT_OBJECT,
    DRAFTING,
    HEAD_TYPES,
    MAX_WORDS,
    MODALITY,
    STOP,
    TRAILING_CONNECTORS,
    TRAINING_CONTEXT,
    VERB_HEAD,
    VERB_HEADS,
)

PARAGRAPHS_AFTER_LEAD = 2
"""Paragraphs after the lead where the activity is still looked for."""
MODALITY_WINDOW = 40
VERB_OBJECT_GAP = 25
"""An activity head this close after a verb that is itself an activity is that verb's object
("meluncurkan Sekolah PUG" is named by the verb, "mengukuhkan ... dalam rapat paripurna" not)."""
"""Characters before a verb where a wish word ("optimistis") makes it no activity."""


@dataclass(frozen=True, slots=True)
class Activity:
    """The activity's name (``text[start:end]``), its head and the type the head decides."""

    name: str
    start: int
    end: int
    head: str
    event_type: str


def find_activity(text: str, title: str | None) -> Activity | None:
    """The activity the title, the lead or the paragraphs after it name first."""
    for start, end in _zones(text, title):
        zone = text[start:end]
        found = _in_zone(zone, start, headline=title is not None and start == 0)
        if found is not None:
            return found
    return None


def _zones(text: str, title: str | None) -> list[tuple[int, int]]:
    """(start, end) of the title, the lead and the paragraphs after it, in that order."""
    zones: list[tuple[int, int]] = []
    if title and text.startswith(title):
        zones.append((0, len(title)))
    lead_from, lead_to = lead_start(text), lead_end(text)
    zones.append((lead_from, lead_to))
    pos = lead_to
    for _ in range(PARAGRAPHS_AFTER_LEAD):
        while pos < len(text) and text[pos] == "\n":
            pos += 1
        if pos >= len(text):
            break
        nxt = text.find("\n", pos)
        nxt = len(text) if nxt == -1 else nxt
        zones.append((pos, nxt))
        pos = nxt
    return zones


def _in_zone(zone: str, offset: int, *, headline: bool) -> Activity | None:
    candidates = []
    if headline:
        match = ACTIVITY_AT_START.match(zone)
        if match:
            candidates.append(match.start("head"))
    for match in ACTIVITY_AFTER_VERB.finditer(zone):
        if not MODALITY.search(zone[max(0, match.start() - MODALITY_WINDOW):match.start()]) \
                and not BACK_REFERENCE.match(zone, match.end()):
            candidates.append(match.start("head"))
    for match in ACTIVITY_AFTER_OCCASION.finditer(zone):
        if not BACK_REFERENCE.match(zone, match.end()):
            candidates.append(match.start("head"))
    drafting = [m for m in DRAFTING.finditer(zone)
                if not MODALITY.search(zone[max(0, m.start() - MODALITY_WINDOW):m.start()])]
    if drafting and (not candidates or drafting[0].start() < min(candidates)):
        return _drafted(zone, drafting[0], offset)
    verbs = [m for m in (VERB_HEAD.finditer(zone) if headline else ())
             if not MODALITY.search(zone[max(0, m.start() - MODALITY_WINDOW):m.start()])
             and not BACK_REFERENCE.match(zone, m.end("head"))
             and not any(m.end("head") < c <= m.end("head") + VERB_OBJECT_GAP
                         for c in candidates)]
    if verbs and (not candidates or verbs[0].start() < min(candidates)):
        return _verb_activity(zone, verbs[0], offset)
    if not candidates:
        return None
    return _activity(zone, min(candidates), offset)


def _verb_activity(zone: str, match: re.Match[str], offset: int) -> Activity | None:
    """"Kukuhkan Pokja PUG Kota Banjarmasin": the verb that is the activity and its object,
    the type of the noun the verb stands for."""
    end = _name_end(zone, match.start("next"))
    if end <= match.start("next"):
        return None
    head = match.group("head")
    return Activity(zone[match.start():end], offset + match.start(), offset + end,
                    head.lower(), VERB_HEADS[head.lower()])


def _drafted(zone: str, match: re.Match[str], offset: int) -> Activity | None:
    """"Susun RAD PUG 2025-2029": the drafting verb and its object, `penyusunan_dokumen`."""
    end = _name_end(zone, match.start("head"))
    if end <= match.start("head"):
        return None
    before = zone[max(0, match.start() - MODALITY_WINDOW):match.start()]
    event_type = "bimtek_pelatihan" if TRAINING_CONTEXT.search(before) else \
        "penyusunan_dokumen"
    return Activity(zone[match.start():end], offset + match.start(), offset + end,
                    match.group("verb").lower(), event_type)


def _activity(zone: str, head_start: int, offset: int) -> Activity | None:
    """The name from the head to the first stop word, punctuation or date."""
    end = _name_end(zone, head_start)
    name = zone[head_start:end].strip()
    while name.split() and name.split()[-1].lower() in TRAILING_CONNECTORS:
        name = name.rsplit(None, 1)[0]
    head = _head(name)
    if head is None:
        return None
    event_type = HEAD_TYPES[head]
    if (event_type in DOCUMENT_MEETING_TYPES or head.lower() in DOCUMENT_MEETING_HEADS) \
            and DOCUMENT_OBJECT.search(name, len(head)):
        event_type = "penyusunan_dokumen"  # "rapat penyusunan Profil Gender"
    return Activity(name, offset + head_start, offset + head_start + len(name), head,
                    event_type)


def _name_end(zone: str, head_start: int) -> int:
    """Where the name that starts at ``head_start`` ends: a stop word, punctuation, a date,
    or :data:`MAX_WORDS` words."""
    end = head_start
    count = 0
    for word in ACTIVITY_WORD.finditer(zone, head_start):
        gap = zone[end:word.start()]
        if count and (gap.strip() or "\n" in gap):
            break  # punctuation between words ends the name
        token = word.group(0).rstrip(".,")
        if count and (STOP.match(token) or token[:1] == "(" and token[1:2].isdigit()):
            break
        end = word.start() + len(token)
        count += 1
        if count >= MAX_WORDS or word.group(0) != token:
            break
    return end


def _head(name: str) -> str | None:
    """The longest head the name starts with."""
    low = " ".join(name.lower().split())
    heads = [h for h in HEAD_TYPES if low == h or low.startswith(h + " ")
             or low.startswith(h + "(") or low.startswith(h + " (")]
    return max(heads, key=len, default=None)
