"""The stated number of participants. Pure."""

from __future__ import annotations

import re

from pugnlp.patterns.participants import NOT_PEOPLE, NUMBER_WORDS, PARTICIPANT_PATTERNS, TRIGGER

MAX_PARTICIPANTS = 100_000
"""Larger numbers are budgets or populations, not people in a room."""


def parse_number(token: str) -> int | None:
    token = re.sub(r"\s+", " ", token.strip().lower())
    if token in NUMBER_WORDS:
        return NUMBER_WORDS[token]
    digits = re.sub(r"[.,](?=\d{3}\b)", "", token)
    return int(digits) if digits.isdigit() else None


_WINDOW_BEFORE, _WINDOW_AFTER = 40, 220


def find_participants(text: str) -> tuple[int, tuple[int, int]] | None:
    """The first stated participant count and the span of its number.

    The patterns run only in windows around trigger words (speed: most of a text has none).
    """
    best: tuple[int, int, int] | None = None
    for trigger in TRIGGER.finditer(text):
        base = max(0, trigger.start() - _WINDOW_BEFORE)
        window = text[base:trigger.end() + _WINDOW_AFTER]
        found = _first_in(window)
        if found is not None and (best is None or base + found[1] < best[1]):
            best = (found[0], base + found[1], base + found[2])
    return (best[0], (best[1], best[2])) if best else None


def _first_in(text: str) -> tuple[int, int, int] | None:
    best: tuple[int, int, int] | None = None
    for pattern in PARTICIPANT_PATTERNS:
        for match in pattern.finditer(text):
            noun = match.groupdict().get("noun")
            if noun and noun.lower() in NOT_PEOPLE:
                continue
            value = parse_number(match.group("n"))
            if value is None or not (1 < value <= MAX_PARTICIPANTS):
                continue
            if 1900 <= value <= 2100 and re.search(r"(?i)\btahun\s*$", text[:match.start("n")]):
                continue  # "Tahun 2023 peserta ...": a year, not a head count
            if best is None or match.start("n") < best[1]:
                best = (value, match.start("n"), match.end("n"))
            break
    return best
