"""Date mentions and the choice of the activity date. Pure functions on text.

Regex first (offsets, ranges, weekday check, publication-date base), as PACKAGES.md section 5
recommends; a yearless "Selasa(31/10)" is resolved against the publication date and the weekday.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from pugnlp.article.clean import lead_end, lead_start, sentence_span
from pugnlp.patterns.dates import (
    EVENT_DATE_CONTEXT,
    MONTHS,
    NUMERIC_DATE,
    PAST_REFERENCE,
    PUBLICATION_CUES,
    RELATIVE_DATE,
    RELATIVE_DAYS,
    TEXT_DATE,
    TIME_OF_DAY,
    WEEKDAYS,
)

YEAR_WINDOW = (1990, 2100)


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    date: dt.date
    end_date: dt.date | None
    weekday_given: bool
    year_given: bool


def _month(token: str | None) -> int | None:
    if not token:
        return None
    return MONTHS.get(token.lower().rstrip("."))


def _year(token: str | None) -> int | None:
    if not token:
        return None
    year = int(token)
    return 2000 + year if year < 100 else year


def _make(year: int, month: int, day: int) -> dt.date | None:
    if not (YEAR_WINDOW[0] <= year <= YEAR_WINDOW[1]):
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def resolve_year(day: int, month: int, weekday: int | None, base: dt.date | None,
                 years_in_text: list[int]) -> dt.date | None:
    """Pick the year of a yearless date: the weekday must agree when given.

    Candidates: the publication year and the one before (a date shortly before publication),
    then years named in the text. Without a weekday, the latest candidate not after the base.
    """
    candidates: list[int] = []
    if base is not None:
        candidates += [base.year, base.year - 1, base.year + 1]
    candidates += [y for y in years_in_text if y not in candidates]
    dated = [(y, _make(y, month, day)) for y in candidates]
    valid = [(y, d) for y, d in dated if d is not None]
    if weekday is not None:
        valid = [(y, d) for y, d in valid if d.weekday() == weekday]
    if not valid:
        return None
    if base is not None:
        not_after = [d for _, d in valid if d <= base + dt.timedelta(days=7)]
        if not_after:
            return max(not_after)
    return valid[0][1]


def find_dates(text: str, base: dt.date | None = None) -> list[DateMention]:
    """All date mentions with offsets; yearless ones resolved against ``base``."""
    years = [int(y) for y in re.findall(r"\b(?:19|20)\d{2}\b", text)]
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for match in TEXT_DATE.finditer(text):
        mention = _from_text_match(match, base, years)
        if mention:
            found.append(mention)
            taken.append((match.start(), match.end()))
    for match in NUMERIC_DATE.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        mention = _from_numeric_match(match, base, years)
        if mention:
            found.append(mention)
            taken.append((match.start(), match.end()))
    if base is not None:
        found += _relative(text, base, taken)
    return sorted(found, key=lambda m: m.start)


def _relative(text: str, base: dt.date, taken: list[tuple[int, int]]) -> list[DateMention]:
    """"kemarin", "hari ini", "Senin kemarin": days counted from the publication date (a
    weekday given goes back to the last such day before publication)."""
    out = []
    for match in RELATIVE_DATE.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        weekday = WEEKDAYS.get(match.group("wd").lower()) if match.group("wd") else None
        if weekday is not None:
            back = (base.weekday() - weekday) % 7
            day = base - dt.timedelta(days=back if back or "kemarin" not in
                                      match.group("rel").lower() else 7)
        else:
            day = base + dt.timedelta(days=RELATIVE_DAYS[" ".join(match.group("rel").lower()
                                                                  .split())])
        out.append(DateMention(match.start(), match.start() + len(match.group(0).rstrip()),
                               day, None, weekday is not None, False))
    return out


def _weekday(match: re.Match[str]) -> int | None:
    wd = match.group("wd")
    return WEEKDAYS.get(wd.lower()) if wd else None


def _span(match: re.Match[str], text_start: int) -> tuple[int, int]:
    surface = match.group(0).rstrip()
    end = match.start() + len(surface)
    # keep a closing parenthesis only when the match opened one
    if surface.endswith(")") and "(" not in surface:
        end -= 1
    return text_start, end


def _from_numeric_match(match: re.Match[str], base: dt.date | None,
                        years: list[int]) -> DateMention | None:
    day, month = int(match.group("d")), int(match.group("m"))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    weekday = _weekday(match)
    year = _year(match.group("y"))
    if year is None and weekday is None and not match.group("tg"):
        return None  # "(3/4)" alone is too weak: could be a fraction or a reference
    date = _make(year, month, day) if year else resolve_year(day, month, weekday, base, years)
    if date is None:
        return None
    end_date = None
    if match.group("d2"):
        end_date = _make(date.year, month, int(match.group("d2")))
        if end_date is not None and end_date <= date:
            end_date = None
    start = match.start("wd") if match.group("wd") else match.start("d")
    _, end = _span(match, start)
    return DateMention(start, end, date, end_date, weekday is not None, year is not None)


def _from_text_match(match: re.Match[str], base: dt.date | None,
                     years: list[int]) -> DateMention | None:
    month = _month(match.group("m"))
    year = _year(match.group("y"))
    weekday = _weekday(match)
    d1 = int(match.group("d1"))
    d2 = int(match.group("d2")) if match.group("d2") else None
    m1 = _month(match.group("m1")) or month
    y1 = _year(match.group("y1"))
    if y1 is None and year is not None:
        y1 = year - 1 if m1 is not None and month is not None and m1 > month else year
    if month is None or m1 is None:
        return None
    if y1 is None:
        first = resolve_year(d1, m1, weekday if d2 is None else None, base, years)
        if first is None:
            return None
        y1 = first.year
        year = year or (y1 + 1 if m1 > month else y1)
    first_day = _make(y1, m1, d1)
    last_day = _make(year, month, d2) if d2 is not None and year else None
    if first_day is None:
        return None
    if d2 is None:
        # "6 Desember 2023": d1 is the day of the month named after it
        first_day = _make(year or y1, month, d1)
        if first_day is None:
            return None
    if last_day is not None and last_day <= first_day:
        last_day = None
    start = match.start("wd") if match.group("wd") else match.start("d1")
    _, end = _span(match, start)
    return DateMention(start, end, first_day, last_day, weekday is not None,
                       bool(match.group("y") or match.group("y1")))


def find_publication_date(text: str) -> dt.date | None:
    """A publication line near the top or bottom ("Diterbitkan: 2 November 2023", or a date
    line with a clock time "Rabu, 11 Oktober 2023 | 10:15 WITA")."""
    lines = text.split("\n")
    for line in lines[:6] + lines[-6:]:
        if PUBLICATION_CUES.search(line) or (TIME_OF_DAY.search(line) and len(line) < 80):
            mentions = [m for m in find_dates(line) if m.year_given]
            if mentions:
                return mentions[0].date
    return None


def choose_event_date(text: str, mentions: list[DateMention],
                      published: dt.date | None = None) -> DateMention | None:
    """Score each mention as the activity date: weekday, lead position, event words nearby.

    A publication line, a date long after publication, and past references score down.
    """
    best: tuple[float, int, DateMention] | None = None
    lead_stop = lead_end(text)
    lead_from = lead_start(text)
    for mention in mentions:
        sent_start, sent_end = sentence_span(text, mention.start)
        sentence = text[sent_start:sent_end]
        line = text[text.rfind("\n", 0, mention.start) + 1: text.find("\n", mention.end)
                    if text.find("\n", mention.end) != -1 else len(text)]
        score = 0.0
        score += 3 if mention.weekday_given else 0
        score += 2 if lead_from <= mention.start < lead_stop else 0
        # before the lead: headline, photo caption or byline, rarely the activity date
        score -= 1 if mention.start < lead_from else 0
        score += 2 if EVENT_DATE_CONTEXT.search(sentence) else 0
        score += 1 if mention.year_given else 0
        score -= 6 if (PUBLICATION_CUES.search(line) or TIME_OF_DAY.search(line)) and len(line) < 90 else 0
        score -= 3 if PAST_REFERENCE.search(text[mention.end: mention.end + 25]) else 0
        if published is not None and mention.date > published + dt.timedelta(days=60):
            score -= 2
        key = (score, -mention.start, mention)
        if best is None or key[:2] > best[:2]:
            best = key
    return best[2] if best and best[0] > 0 else None


def missing_date_note(text: str, mentions: list[DateMention], published: dt.date | None
                      ) -> str:
    """Why no event date was chosen (a key of :data:`pugnlp.schema.DATE_NOTES`)."""
    if published is None and (
            any(not m.group("y") and (m.group("wd") or m.group("tg"))
                for m in NUMERIC_DATE.finditer(text))
            or any(not m.group("y") and not m.group("y1") for m in TEXT_DATE.finditer(text))):
        return "yearless_no_publication_date"
    return "no_activity_date" if mentions else "no_date"
