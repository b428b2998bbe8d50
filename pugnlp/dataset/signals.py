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

from pugnlp.patterns.venues import VENUE_KEY_STOP

_WORD = re.compile(r"\w+", re.UNICODE)
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_UPPER_NON_ALNUM = re.compile(r"[^0-9A-Z]+")
_REGION_TAIL = re.compile(
    r"\s+(kota|kabupaten|kab\.?|provinsi|prov\.?|pemkab|pemkot|pemko|pemprov)\b.*$", re.I
)

SHINGLE_SIZE = 3
"""Word n-gram size of the text shingles: 3 separates paraphrase (J < 0.2) from republication
(J > 0.6) on the team's event fixture."""

MAX_SHINGLE_WORDS = 400
"""Only the first words are shingled: the lead paragraphs carry the event, and this bounds cost."""

_CONNECTORS = frozenset({"dan", "serta", "&", "dengan", "untuk", "atau"})
_FOLDS: tuple[tuple[str, str], ...] = (("PPPA", "P3A"), ("PPKB", "P2KB"))
_WHOLE_KEY_ALIASES: dict[str, str] = {"KP3A": "KEMENP3A", "KEMENTERIANP3A": "KEMENP3A",
                                      "KEMENPP": "KEMENP3A", "KPP": "KEMENP3A"}
NATIONAL_KEYS = frozenset({"KEMENP3A"})
_GENERIC_PREFIXES: tuple[str, ...] = ("PEMERINTAH", "PEMKAB", "PEMKOT", "PEMKO", "PEMPROV",
                                      "PEMDA", "SETDA", "SEKRETARIATDAERAH")
_HONORIFIC = frozenset({"h", "hj", "dr", "drs", "dra", "ir", "prof", "bapak", "ibu", "pak", "bu",
                        "se", "mm", "msi", "mpd", "sh", "mh", "skm", "skom", "st", "mt", "ssos"})


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


def _fold(key: str) -> str:
    for old, new in _FOLDS:
        key = key.replace(old, new)
    return _WHOLE_KEY_ALIASES.get(key, key)


def _is_acronym(word: str) -> bool:
    return len(word) >= 2 and word.isupper()


def agency_key(agency: Mapping[str, Any]) -> str | None:
    """A spelling-independent key for one agency, from its acronym or its name.

    With an acronym, the acronym (``KemenPPPA`` -> ``KEMENP3A``). Otherwise the name without
    its region tail: acronyms kept and other words reduced to initials when the name has an
    acronym or 3+ words (``Dinas PPPA Kota X`` and ``Dinas Pemberdayaan Perempuan dan
    Perlindungan Anak`` -> ``DP3A``), else the words joined (``Dinas Kesehatan`` ->
    ``DINASKESEHATAN``). None when nothing usable is given.
    """
    acronym = agency.get("acronym")
    if acronym:
        return _fold(_UPPER_NON_ALNUM.sub("", acronym.upper())) or None
    for field in ("name", "expansion"):
        value = agency.get(field)
        if not value:
            continue
        bare = _REGION_TAIL.sub("", value.strip())
        parts = [w for w in re.split(r"[\s,/()-]+", bare) if w and w.lower() not in _CONNECTORS]
        if not parts:
            continue
        if len(parts) >= 3 or any(_is_acronym(p) for p in parts):
            key = "".join(p if _is_acronym(p) else p[0] for p in parts)
        else:
            key = "".join(parts)
        key = _fold(_UPPER_NON_ALNUM.sub("", key.upper()))
        if key:
            return key
    return None


def is_generic_agency(key: str) -> bool:
    """True for whole-government names (Pemkab, Pemprov, Setda ...) that say nothing specific."""
    return key.startswith(_GENERIC_PREFIXES)


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
    """Tokens of a person's name, lower-cased, honorifics and titles dropped."""
    tokens = [_NON_ALNUM.sub("", t) for t in name.lower().replace(".", " ").split()]
    return tuple(t for t in tokens if t and t not in _HONORIFIC)


def same_person(a: Sequence[str], b: Sequence[str]) -> bool:
    """True when two name keys denote the same person: equal, or one's tokens contain the other's
    (``("lailana",)`` vs ``("sri", "lailana")``) with a token of 4+ letters in common."""
    if not a or not b:
        return False
    small, big = (set(a), set(b)) if len(a) <= len(b) else (set(b), set(a))
    return small <= big and any(len(t) >= 4 for t in small)


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
