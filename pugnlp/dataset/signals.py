"""Pure comparison signals between records: agency signatures, names, venues, text shingles.

Every function here works on plain values (strings, lists of dicts as in
``EventRecord.as_dict()``) and is deterministic across processes: text shingles are hashed
with Python's ``hash`` (salted per process), but only the sizes of their intersections are
compared, never the hashes themselves.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np

from pugnlp import keys
from pugnlp.keys import NATIONAL_KEYS, is_generic_agency
from pugnlp.patterns.venues import VENUE_KEY_STOP

_WORD = re.compile(r"\w+", re.UNICODE)

SHINGLE_SIZE = 3
"""Word n-gram size of the text shingles: 3 separates paraphrase (J < 0.2) from republication
(J > 0.6) on the team's event fixture."""

MAX_SHINGLE_WORDS = 400
"""Only the first words are shingled: the lead paragraphs carry the event, and this bounds cost."""


def words(text: str, limit: int | None = None) -> list[str]:
    """Lower-cased word tokens of ``text`` (at most ``limit``)."""
    tokens = _WORD.findall(text.lower())
    return tokens if limit is None else tokens[:limit]


def shingles(text: str, size: int = SHINGLE_SIZE, limit: int = MAX_SHINGLE_WORDS
             ) -> np.ndarray:
    """Hashed word ``size``-grams of the first ``limit`` words of ``text``, as a sorted array
    of distinct int64 (1 KB for a 120-word text, where a Python set takes 8)."""
    tokens = words(text, limit)
    grams = zip(*(tokens[i:] for i in range(size))) if len(tokens) >= size else [tuple(tokens)]
    hashed = np.fromiter((hash(g) for g in grams if g), dtype=np.int64)
    return np.unique(hashed)


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Jaccard similarity of two sorted arrays of distinct values (0.0 when one is empty)."""
    if not len(a) or not len(b):
        return 0.0
    inter = len(np.intersect1d(a, b, assume_unique=True))
    return inter / (len(a) + len(b) - inter)


def agency_key(agency: Mapping[str, Any]) -> str | None:
    """The key of one agency of a record (:func:`pugnlp.keys.agency_key` of its acronym,
    name and expansion)."""
    return keys.agency_key(acronym=agency.get("acronym"), name=agency.get("name"),
                           expansion=agency.get("expansion"))


def agency_signature(agencies: Iterable[Mapping[str, Any]]) -> frozenset[str]:
    """The set of specific agency keys of a record.

    Generic government names (Pemkab, Setda ...) are left out; the national ministry is kept
    but :func:`agency_agreement` does not count it (regional releases cite it as context).
    """
    return frozenset(k for k in (agency_key(a) for a in agencies) if k and not is_generic_agency(k))


def agency_agreement(a: frozenset[str], b: frozenset[str]) -> int:
    """+1 when two signatures share a regional agency, -1 when both name regional agencies and
    share none, 0 otherwise (either names none, or only the national ministry is in common)."""
    local_a, local_b = a - NATIONAL_KEYS, b - NATIONAL_KEYS
    if local_a & local_b:
        return 1
    if local_a and local_b:
        return -1
    return 0


def name_key(name: str) -> tuple[str, ...]:
    """Tokens of a person's name (:func:`pugnlp.keys.person_key`)."""
    return keys.person_key(name)


def same_person(a: Sequence[str], b: Sequence[str]) -> bool:
    """Two name keys denote one person, across articles (:func:`pugnlp.keys.same_person`)."""
    return keys.same_person(tuple(a), tuple(b))


def people_overlap(a: Sequence[Sequence[str]], b: Sequence[Sequence[str]]) -> int:
    """How many people of ``a`` also appear in ``b``."""
    return sum(1 for x in a if any(same_person(x, y) for y in b))


def venue_key(name: str, place_words: frozenset[str] = frozenset()) -> frozenset[str]:
    """Distinctive words of a venue name ('Aula Gawi Sabarataan, Balai Kota' -> gawi, sabarataan).

    Generic words (aula, ruang, hotel ...) and ``place_words`` (the words of the event's own
    region name: every venue of Banjarbaru may say 'Banjarbaru') are dropped.
    """
    return frozenset(t for t in words(name)
                     if t not in VENUE_KEY_STOP and t not in place_words and len(t) > 1)


def place_words(*names: str | None) -> frozenset[str]:
    """Lower-cased words of region names, to leave out of venue keys."""
    return frozenset(w for name in names if name for w in words(name))


def venues_agree(a: Sequence[frozenset[str]], b: Sequence[frozenset[str]]) -> int:
    """+1 when a venue of ``a`` matches one of ``b`` (containment >= 0.5), -1 when both name
    venues and none match, 0 when either names none."""
    a = [v for v in a if v]
    b = [v for v in b if v]
    if not a or not b:
        return 0
    for x in a:
        for y in b:
            if len(x & y) / min(len(x), len(y)) >= 0.5:
                return 1
    return -1


def title_key(title: str | None) -> str | None:
    """A normalised title used to find republications across regions (None when too short)."""
    if not title:
        return None
    tokens = words(title)
    return " ".join(tokens) if len(tokens) >= 4 else None
