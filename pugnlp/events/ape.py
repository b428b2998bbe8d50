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
        status = _status(text[s0:start])
        year = _year_for(text, s0, s1, start, end)
        category = _CANON[name.lower()]
        key = (category, year, status)
        if key in seen:
            continue
        seen.add(key)
        found.append(ApeMention(category, year, status, start, end))
    return _merge_years(found)


def _status(before: str) -> str:
    """``targeted`` when the cue nearest before the category is a target or a hope, also one
    right before an achieving verb ("berpeluang meraih", "ingin meraih"); else ``achieved``."""
    achieved = [(m.start(), m.end()) for m in ACHIEVED.finditer(before)]
    targeted = [m.end() for m in TARGETED.finditer(before)]
    if not targeted:
        return "achieved"
    if not achieved:
        return "targeted"
    last_start, last_end = max(achieved)
    if max(targeted) >= last_end:
        return "targeted"
    modal = [end for end in targeted if end <= last_start]
    return "targeted" if modal and _MODAL_GAP.fullmatch(before[max(modal):last_start]) \
        else "achieved"


_MODAL_GAP = re.compile(r"\s+(?:\w+\s+)?")
"""What may stand between a modal cue and the achieving verb it turns into a target: a space
and at most one word ("berpeluang meraih", "ingin kembali meraih")."""


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
    others = [s0 + m.start("cat") for m in APE_CATEGORY.finditer(sentence)
              if s0 + m.start("cat") != start]
    with_category = {clause(at - s0) for at in others}
    years = []
    for m in YEAR.finditer(sentence):
        where = clause(m.start())
        distance = abs(s0 + m.start() - start)
        if any(abs(s0 + m.start() - at) < distance for at in others if clause(at - s0) == where):
            continue  # "pada 2016 meraih madya dan semoga ... ke utama": 2016 is Madya's
        if where == own or where not in with_category:
            years.append((where != own, distance, int(m.group(0))))
    return min(years)[2] if years else None


_CLAUSE_CUT = re.compile(r"[,;]\s")


def _merge_years(found: list[ApeMention]) -> list[ApeMention]:
    """One entry per category and status: a mention without a year (a headline) joins the one
    with a year; different years stay separate. A category achieved is not also listed as
    targeted for the same (or no) year."""
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
    achieved = {(m.category, m.year) for m in out if m.status == "achieved"}
    achieved_any = {category for category, _ in achieved}
    # "meraih kategori Utama ... akan mempertahankan kategori Utama": achieved, once
    return [m for m in out if m.status == "achieved" or (m.category, m.year) not in achieved
            and not (m.year is None and m.category in achieved_any)]
