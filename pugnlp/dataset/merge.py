"""Event merging: which article records report the same activity.

Three steps, all pure:

1. :func:`features` reads what matters from each record (place codes, date interval, type,
   agency signature, people, venues, title, text).
2. :func:`candidate_pairs` lists only the pairs that can be the same event: same kab/kota (or
   a province-level record in the same province) with overlapping date intervals, or the same
   normalised title, or the same text hash. Nothing is compared across the whole corpus, so
   the cost grows with the number of records times the (small) number of neighbours.
3. :func:`cluster` scores the pairs (:func:`pair_score`), links those above
   :data:`THRESHOLD` best first, and refuses a link when the two groups would contain a
   conflicting pair (different codes, disjoint dates) or a pair with negative evidence.
"""

from __future__ import annotations

import bisect
import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from pugnlp import keys
from pugnlp.dataset import signals

log = logging.getLogger(__name__)

PUBLICATION_WINDOW_DAYS = 7
"""A record without an activity date is placed in the week before its publication: regional
releases appear on the day or within a few days (DOMAIN.md datelines)."""

MAX_EVENT_DAYS = 31
"""Longer stated ranges are taken as a misreading and shortened to their first day."""

# Pair-score weights. A pair is linked when its score reaches THRESHOLD. Calibrated by
# reasoning on cases (see docs/dataset.md) and checked on tests/dataset/fixtures:
# same type + same kab/kota + same stated date + same agency = 4.0 (merge); the same with
# different agencies = 1.5 (no merge). A different type (classifiers confuse an FGD, i.e.
# sosialisasi, with penyusunan_dokumen) still merges with a stated date and two of: the same
# agency, a shared official, a shared venue. Two weights were set after a first run on the
# fixture (recall 0.897): W_TYPE_DIFF -1.0 -> -0.5, and region names dropped from venue keys.
W_TYPE_SAME = 1.5
W_TYPE_DIFF = -0.5
W_SAME_KAB = 0.5
W_DATE_STATED = 1.0
W_AGENCY_AGREE = 1.0
W_AGENCY_DISAGREE = -1.5
W_PERSON = 1.0
MAX_PERSONS = 2
W_VENUE_AGREE = 1.0
W_VENUE_DISAGREE = -1.5
W_TEXT = 4.0
NEAR_DUPLICATE = 0.5
"""Word 3-shingle Jaccard at or above which two texts are the same release (republication)."""
W_NEAR_DUPLICATE = 3.0
THRESHOLD = 3.0
CROSS_FLOOR = 0.0
"""Every pair inside a merged event must score at least this (no contradicting evidence)."""
MAX_TITLE_GROUP = 20
"""Titles shared by more records than this are generic ('Rakor PUG') and give no candidates."""


@dataclass(slots=True)
class Features:
    """What the merger compares, read once from a record."""

    province: str | None
    kab: str | None
    start: int | None
    end: int | None
    stated: bool
    event_type: str | None
    agencies: frozenset[str]
    people: tuple[tuple[str, ...], ...]
    venues: tuple[frozenset[str], ...]
    title: str | None
    sha1: str
    text: str
    _shingles: np.ndarray | None = field(default=None, repr=False)

    @property
    def shingles(self) -> np.ndarray:
        """Word shingles of the text, computed on first use."""
        if self._shingles is None:
            self._shingles = signals.shingles(self.text)
        return self._shingles


def parse_date(value: Any) -> dt.date | None:
    """An ISO date (or datetime) string or date -> date; None when absent or malformed."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _interval(record: Mapping[str, Any]) -> tuple[int | None, int | None, bool]:
    start = parse_date(record.get("event_date"))
    if start is not None:
        end = parse_date(record.get("event_date_end"))
        last = end.toordinal() if end and 0 <= (end - start).days <= MAX_EVENT_DAYS else None
        return start.toordinal(), last or start.toordinal(), True
    published = parse_date(record.get("published"))
    if published is not None:
        return published.toordinal() - PUBLICATION_WINDOW_DAYS, published.toordinal(), False
    return None, None, False


def features(record: Mapping[str, Any]) -> Features:
    """Read the merge features of one record (a dict as in ``EventRecord.as_dict()``)."""
    start, end, stated = _interval(record)
    people = tuple(k for k in (keys.person_key(o.get("name") or "")
                               for o in record.get("officials") or ()) if k)
    region = signals.place_words(record.get("kab_kota"), record.get("province"))
    venues = tuple(signals.venue_key(v.get("name") or "", region)
                   for v in record.get("venues") or ())
    return Features(
        province=record.get("province_code") or None,
        kab=record.get("kab_kota_code") or None,
        start=start, end=end, stated=stated,
        event_type=record.get("event_type") or None,
        agencies=signals.agency_signature(record.get("agencies") or ()),
        people=people, venues=venues,
        title=signals.title_key(record.get("title")),
        sha1=record.get("text_sha1") or "",
        text=record.get("text") or "",
    )


def conflict(a: Features, b: Features) -> bool:
    """True when two records cannot be one event: different codes or disjoint dates."""
    if a.province and b.province and a.province != b.province:
        return True
    if a.kab and b.kab and a.kab != b.kab:
        return True
    if a.start is not None and b.start is not None:
        return a.start > b.end or b.start > a.end  # type: ignore[operator]
    return False


def text_similarity(a: Features, b: Features) -> float:
    """Word 3-shingle Jaccard similarity of the two texts (1.0 for the same text hash)."""
    if a.sha1 and a.sha1 == b.sha1:
        return 1.0
    return signals.jaccard(a.shingles, b.shingles)


def pair_score(a: Features, b: Features) -> float:
    """Evidence that two compatible records report the same event (see the W_* weights)."""
    score = 0.0
    if a.event_type and b.event_type:
        score += W_TYPE_SAME if a.event_type == b.event_type else W_TYPE_DIFF
    if a.kab and a.kab == b.kab:
        score += W_SAME_KAB
    if a.stated and b.stated:
        score += W_DATE_STATED
    agencies = signals.agency_agreement(a.agencies, b.agencies)
    score += W_AGENCY_AGREE if agencies > 0 else W_AGENCY_DISAGREE if agencies < 0 else 0.0
    score += W_PERSON * min(MAX_PERSONS, signals.people_overlap(a.people, b.people))
    venue = signals.venues_agree(a.venues, b.venues)
    score += W_VENUE_AGREE if venue > 0 else W_VENUE_DISAGREE if venue < 0 else 0.0
    sim = text_similarity(a, b)
    score += W_TEXT * sim + (W_NEAR_DUPLICATE if sim >= NEAR_DUPLICATE else 0.0)
    return round(score, 6)


def linkable(a: Features, b: Features, score: float) -> bool:
    """A direct link needs the threshold, no conflict, and a known place and date on both
    sides unless the texts are near-duplicates."""
    if score < THRESHOLD or conflict(a, b):
        return False
    known = a.province and b.province and a.start is not None and b.start is not None
    return bool(known) or text_similarity(a, b) >= NEAR_DUPLICATE


def _overlaps(left: Sequence[int], right: Sequence[int], feats: Sequence[Features],
              same: bool) -> Iterator[tuple[int, int]]:
    """Pairs (i in left, j in right) with overlapping intervals; left/right sorted by start."""
    starts = [feats[j].start for j in right]
    span = max((feats[j].end - feats[j].start for j in right), default=0)  # type: ignore[operator]
    for i in left:
        a = feats[i]
        lo = bisect.bisect_left(starts, a.start - span)  # type: ignore[operator]
        hi = bisect.bisect_right(starts, a.end)
        for pos in range(lo, hi):
            j = right[pos]
            if j == i or (same and j < i) or feats[j].end < a.start:  # type: ignore[operator]
                continue
            yield (i, j) if i < j else (j, i)


def candidate_pairs(feats: Sequence[Features], common: frozenset[str] = frozenset()
                    ) -> set[tuple[int, int]]:
    """Index pairs (i < j) worth scoring: see the module docstring.

    Args:
        feats: the records' features.
        common: titles and text hashes shared by more than :data:`MAX_TITLE_GROUP` records
            of a whole corpus of which ``feats`` is a part (a partition merged alone): they
            give no candidates, as they give none when the whole corpus is merged at once.
    """
    by_kab: dict[str, list[int]] = defaultdict(list)
    by_province: dict[str, list[int]] = defaultdict(list)
    province_only: dict[str, list[int]] = defaultdict(list)
    by_title: dict[str, list[int]] = defaultdict(list)
    by_sha1: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        if f.province and f.start is not None:
            (by_kab[f.kab] if f.kab else province_only[f.province]).append(i)
            by_province[f.province].append(i)
        if f.title:
            by_title[f.title].append(i)
        if f.sha1:
            by_sha1[f.sha1].append(i)
    pairs: set[tuple[int, int]] = set()

    def order(ids: list[int]) -> list[int]:
        return sorted(ids, key=lambda k: (feats[k].start, k))

    for ids in by_kab.values():
        ids = order(ids)
        pairs.update(_overlaps(ids, ids, feats, same=True))
    for prov, ids in province_only.items():
        pairs.update(_overlaps(order(ids), order(by_province[prov]), feats, same=False))
    shared = [g for k, g in (*by_title.items(), *by_sha1.items()) if k not in common]
    for group in shared:
        if 1 < len(group) <= MAX_TITLE_GROUP:
            pairs.update((a, b) for n, a in enumerate(group) for b in group[n + 1:] if a != b)
    return pairs


class _Groups:
    """Union-find over record indices that keeps each group's members."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.members: dict[int, list[int]] = {i: [i] for i in range(n)}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        if len(self.members[a]) < len(self.members[b]):
            a, b = b, a
        self.parent[b] = a
        self.members[a].extend(self.members.pop(b))


def cluster(feats: Sequence[Features], common: frozenset[str] = frozenset()
            ) -> list[list[int]]:
    """Group record indices into events; returns groups sorted by their smallest index.

    ``common``: see :func:`candidate_pairs`.
    """
    scores: dict[tuple[int, int], float] = {}

    def score(i: int, j: int) -> float:
        key = (i, j) if i < j else (j, i)
        if key not in scores:
            scores[key] = pair_score(feats[key[0]], feats[key[1]])
        return scores[key]

    links = []
    for i, j in candidate_pairs(feats, common):
        s = score(i, j)
        if linkable(feats[i], feats[j], s):
            links.append((-s, i, j))
    links.sort()
    groups = _Groups(len(feats))
    refused = 0
    for _, i, j in links:
        gi, gj = groups.find(i), groups.find(j)
        if gi == gj:
            continue
        if all(not conflict(feats[x], feats[y]) and score(x, y) >= CROSS_FLOOR
               for x in groups.members[gi] for y in groups.members[gj]):
            groups.union(gi, gj)
        else:
            refused += 1
    log.debug("merge: %d records, %d links, %d refused", len(feats), len(links), refused)
    return sorted((sorted(m) for m in groups.members.values()), key=lambda m: m[0])
