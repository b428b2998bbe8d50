"""APE award categories with year and status (achieved or targeted). Pure."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from pugnlp.patterns.ape import (
    ACHIEVED,
    APE_CATEGORY,
    CATEGORY_LIST,
    NEXT_CATEGORY,
    TARGETED,
    YEAR,
)
from pugnlp.schema import APE_CATEGORIES

_CANON = {c.lower(): c for c in APE_CATEGORIES}


@dataclass(frozen=True, slots=True)
class ApeMention:
    category: str
    year: int | None
    status: str
    start: int
    end: int


def find_ape(text: str, sentence_bounds: list[tuple[int, int]]) -> list[ApeMention]:
    """Categories named after a cue word; status from the nearest cue before it in the clause."""
    found: list[ApeMention] = []
    seen: set[tuple[str, int | None, str]] = set()
    scales = [(m.start(), m.end()) for m in CATEGORY_LIST.finditer(text)]
    for start, end, name in _cued(text):
        s0, s1 = next(((a, b) for a, b in sentence_bounds if a <= start < b), (0, len(text)))
        if any(s <= start < e for s, e in scales):
            continue
        before = text[s0:start]
        achieved = [m.end() for m in ACHIEVED.finditer(before)]
        targeted = [m.end() for m in TARGETED.finditer(before)]
        status = "targeted" if targeted and (not achieved or max(targeted) > max(achieved)) \
            else "achieved"
        year = _year_for(text, s0, s1, start, end)
        category = _CANON[name.lower()]
        key = (category, year, status)
        if key in seen:
            continue
        seen.add(key)
        found.append(ApeMention(category, year, status, start, end))
    return _merge_years(found)


def _cued(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of every category after a cue word, and of those joined to it."""
    out = []
    for match in APE_CATEGORY.finditer(text):
        out.append((match.start("cat"), match.end("cat"), match.group("cat")))
        end = match.end()
        while (nxt := NEXT_CATEGORY.match(text, end)) is not None:
            out.append((nxt.start("cat"), nxt.end("cat"), nxt.group("cat")))
            end = nxt.end()
    return out


def _year_for(text: str, s0: int, s1: int, start: int, end: int) -> int | None:
    """The year nearest the category in its clause; else the nearest in the sentence from a
    clause that names no other category ("pada 2019 mendapat kategori Madya, kali ini meraih
    kategori Utama": 2019 is Madya's, not Utama's)."""
    sentence = text[s0:s1]
    cuts = [m.end() for m in _CLAUSE_CUT.finditer(sentence)]

    def clause(at: int) -> int:
        return bisect.bisect_right(cuts, at)

    own = clause(start - s0)
    with_category = {clause(m.start("cat")) for m in APE_CATEGORY.finditer(sentence)
                     if s0 + m.start("cat") != start}
    years = []
    for m in YEAR.finditer(sentence):
        where = clause(m.start())
        if where == own or where not in with_category:
            years.append((where != own, abs(s0 + m.start() - start), int(m.group(0))))
    return min(years)[2] if years else None


_CLAUSE_CUT = re.compile(r"[,;]\s")


def _merge_years(found: list[ApeMention]) -> list[ApeMention]:
    """One entry per category and status: a mention without a year (a headline) joins the one
    with a year; different years stay separate."""
    out: list[ApeMention] = []
    for mention in found:
        same = [m for m in out if (m.category, m.status) == (mention.category, mention.status)]
        if not same:
            out.append(mention)
        elif mention.year is not None and all(m.year is None for m in same):
            out[out.index(same[0])] = ApeMention(mention.category, mention.year, mention.status,
                                                 same[0].start, same[0].end)
        elif mention.year is not None and all(m.year not in (None, mention.year) for m in same):
            out.append(mention)
    return out
