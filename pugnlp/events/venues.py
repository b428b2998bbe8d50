"""Venue mentions: "Aula Gawi Sabarataan, Balai Kota", "Hotel Midtown Samarinda". Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pugnlp.patterns.dates import MONTHS, WEEKDAYS
from pugnlp.patterns.venues import (
    ABBREVIATIONS,
    HEAD_AFTER_NAME_RE,
    INNER_HEAD,
    LOCATIVE,
    LOWER_HEAD_RE,
    NAME_BEFORE_HEAD,
    NEXT_WORD,
    STOP_WORDS,
    STRONG_HEAD_RE,
    VENUE_INNER_LOWER,
    WEAK_HEAD_RE,
    WHOLE_HEADS,
)

_STOP = {w.capitalize() for w in list(MONTHS) + list(WEEKDAYS)} | STOP_WORDS
_MAX_WORDS = 8


@dataclass(frozen=True, slots=True)
class VenueMention:
    start: int
    end: int
    name: str


def _extend(text: str, end: int) -> tuple[int, int]:
    """Consume the capitalised words of a venue name after its head; return (end, words).

    A head inside the name starts a new part ("Aula Cahai Ondhui Tingang Gedung B Kantor Bupati
    Murung Raya"): at most :data:`_MAX_WORDS` words after the last head, and twice that in all.
    """
    n = since_head = 0
    while since_head < _MAX_WORDS and n < 2 * _MAX_WORDS:
        m = NEXT_WORD.match(text, end)
        if not m or m.group("w").rstrip(".") in _STOP:
            break
        word = m.group("w")
        if word[:1].islower() and word.lower().rstrip(".") not in VENUE_INNER_LOWER:
            break
        if word.endswith(".") and word.rstrip(".") not in ABBREVIATIONS:
            end = m.end() - 1  # a full stop ends the sentence and the name
            n += 1
            break
        end = m.end()
        n += 1
        since_head = 0 if INNER_HEAD.fullmatch(word) else since_head + 1
    while end > 0 and text[end - 1] in ".,":
        end -= 1
    return end, n


def find_venues(text: str) -> list[VenueMention]:
    """Venue phrases: strong heads anywhere, weak heads after a locative ("di Kantor ...")."""
    found: list[VenueMention] = []
    covered = -1
    lower = [(m, False) for m in LOWER_HEAD_RE.finditer(text) if m.group(0)[:1].islower()]
    heads = sorted([(m, True) for m in STRONG_HEAD_RE.finditer(text)] +
                   [(m, False) for m in WEAK_HEAD_RE.finditer(text)] + lower,
                   key=lambda x: x[0].start())
    for match, strong in heads:
        if match.start() < covered:
            continue
        if not strong and not LOCATIVE.search(text[max(0, match.start() - 40):match.start()]):
            continue
        end, n_words = _extend(text, match.end())
        start = _name_before(text, match)
        if n_words == 0 and start == match.start() and match.group(0) not in WHOLE_HEADS:
            continue
        # a second venue phrase after a comma names the same place ("Aula X, Balai Kota")
        cont = re.match(r",[ ]+", text[end:])
        if cont:
            nxt = end + cont.end()
            head = STRONG_HEAD_RE.match(text, nxt) or WEAK_HEAD_RE.match(text, nxt)
            if head:
                end2, n2 = _extend(text, head.end())
                if n2:
                    end = end2
        found.append(VenueMention(start, end, text[start:end]))
        covered = end
    return _dedupe(found)


def _name_before(text: str, head: re.Match[str]) -> int:
    """Start of the venue when its name comes before the head ("di Fox Hotel"): the
    capitalised words between a locative and a head of ``HEADS_AFTER_NAME``."""
    if not HEAD_AFTER_NAME_RE.fullmatch(head.group(0)):
        return head.start()
    before = text[max(0, head.start() - 60):head.start()]
    name = NAME_BEFORE_HEAD.search(before)
    if name is None or not LOCATIVE.search(before[:name.start()]):
        return head.start()
    return head.start() - (len(before) - name.start())


def _dedupe(found: list[VenueMention]) -> list[VenueMention]:
    """Keep the first mention of each venue; drop a name contained in a longer one."""
    out: list[VenueMention] = []
    for mention in found:
        key = mention.name.lower()
        if any(key in kept.name.lower() for kept in out):
            continue
        out = [kept for kept in out if kept.name.lower() not in key]
        out.append(mention)
    return sorted(out, key=lambda m: m.start)
