"""One agency key and one person key, for extraction, the selectors and the dataset alike.

A shared leaf: it imports only :mod:`pugnlp.patterns` and the standard library.

- :func:`agency_key` names an agency independently of how it is written: ``DP3A``, ``DPPPA``
  and "Dinas Pemberdayaan Perempuan dan Perlindungan Anak" are one key, and so are the forms
  of the ministry (``KemenPPPA``, ``KPPPA RI``, "Kementerian PPPA"). The record merges the
  mentions of one agency by it (with the region), the dataset groups agencies by it.
- :func:`person_key` reads a name as the team's scorer does (Unicode-normalised, lowercase,
  punctuation and honorifics/titles dropped) into its words; :func:`same_person` decides
  whether two keys name one person.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

from pugnlp.patterns.agencies import (
    GENERIC_GOVERNMENT_KEYS,
    KEY_ALIASES,
    KEY_CONNECTORS,
    KEY_FOLDS,
    NATIONAL_KEYS,
)
from pugnlp.patterns.honorifics import SCORER_HONORIFICS
from pugnlp.patterns.places import REGION_TAIL

__all__ = ["NATIONAL_KEYS", "agency_key", "is_generic_agency", "norm_text", "person_key",
           "same_person", "similar"]

PersonKey = tuple[str, ...]
MINISTRY_KEY = "KEMENP3A"
"""The key of the women's-empowerment ministry, however it is written."""

_UPPER_NON_ALNUM = re.compile(r"[^0-9A-Z]+")
_NAME_SPLIT = re.compile(r"[\s,/()-]+")
_NON_WORD = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")
MIN_SHARED_LETTERS = 4
"""Across articles, one name's words inside another's name one person only when a shared
word has this many letters ("Lailana" in "Sri Lailana", not "Sri" in "Sri Wahyuni")."""


def _fold_key(key: str) -> str:
    for old, new in KEY_FOLDS:
        key = key.replace(old, new)
    return KEY_ALIASES.get(key, key)


def _is_acronym(word: str) -> bool:
    return len(word) >= 2 and word.isupper()


def agency_key(*, acronym: str | None = None, name: str | None = None,
               expansion: str | None = None) -> str | None:
    """A spelling-independent key for one agency, from its acronym or its name.

    With an acronym, the acronym (``KemenPPPA`` -> ``KEMENP3A``, ``DPPPA`` -> ``DP3A``).
    Otherwise the name (or else the expansion) without its region tail: acronyms kept and
    other words reduced to initials when the name has an acronym or 3+ words (``Dinas PPPA
    Kota X`` and ``Dinas Pemberdayaan Perempuan dan Perlindungan Anak`` -> ``DP3A``), else the
    words joined (``Dinas Kesehatan`` -> ``DINASKESEHATAN``). None when nothing usable is
    given.
    """
    if acronym:
        return _fold_key(_UPPER_NON_ALNUM.sub("", acronym.upper())) or None
    for value in (name, expansion):
        if not value:
            continue
        bare = REGION_TAIL.sub("", value.strip())
        parts = [w for w in _NAME_SPLIT.split(bare) if w and w.lower() not in KEY_CONNECTORS]
        if not parts:
            continue
        if len(parts) >= 3 or any(_is_acronym(p) for p in parts):
            key = "".join(p if _is_acronym(p) else p[0] for p in parts)
        else:
            key = "".join(parts)
        key = _fold_key(_UPPER_NON_ALNUM.sub("", key.upper()))
        if key:
            return key
    return None


def is_generic_agency(key: str) -> bool:
    """True for whole-government keys (Pemkab, Pemprov, Setda ...) that say nothing specific."""
    return key.startswith(GENERIC_GOVERNMENT_KEYS)


def norm_text(value: object) -> str:
    """NFKC, lowercase, punctuation as spaces, spaces collapsed (the scorer's ``norm``)."""
    text = unicodedata.normalize("NFKC", str(value or "")).lower()
    return _SPACES.sub(" ", _NON_WORD.sub(" ", text)).strip()


def person_key(name: object) -> PersonKey:
    """The words of a person's name, normalised, honorifics and titles dropped
    (``"Hj. Sri Lailana, S.Sos"`` -> ``("sri", "lailana")``)."""
    return tuple(SCORER_HONORIFICS.sub(" ", norm_text(name)).split())


def similar(a: str, b: str, threshold: float) -> bool:
    """Two normalised names alike: equal, one's words inside the other's (4+ characters), or a
    :class:`difflib.SequenceMatcher` ratio of at least ``threshold`` (the scorer's fuzzy match,
    also in :func:`pugnlp.scoring.fuzzy_eq`, which mirrors the external scorer)."""
    if not a or not b:
        return False
    if a == b:
        return True
    ta, tb = set(a.split()), set(b.split())
    if (ta <= tb or tb <= ta) and min(len(a), len(b)) >= 4:
        return True
    return SequenceMatcher(None, a, b).ratio() >= threshold


def same_person(a: PersonKey, b: PersonKey, *, min_shared: int = MIN_SHARED_LETTERS,
                fuzzy: float | None = None) -> bool:
    """Whether two person keys name one person.

    Equal keys do; so do keys one of which holds the other's words (a first name or surname
    alone after the full name), when a shared word has ``min_shared`` letters or more: within
    one article pass ``min_shared=1`` (any word), across articles keep the default. With
    ``fuzzy``, keys whose joined words are that similar do too (spelling variants).
    """
    if not a or not b:
        return False
    if a == b:
        return True
    small, big = (set(a), set(b)) if len(a) <= len(b) else (set(b), set(a))
    if small <= big and any(len(t) >= min_shared for t in small):
        return True
    return fuzzy is not None and similar(" ".join(a), " ".join(b), fuzzy)
