"""Helpers for composing patterns from token tuples."""

from __future__ import annotations

import re
from collections.abc import Iterable


def alt(items: Iterable[str]) -> str:
    """Join regex fragments into one alternation; reject an empty group (it would match anything)."""
    parts = [p for p in items if p]
    if not parts:
        raise ValueError("empty alternation")
    return "|".join(parts)


def words(items: Iterable[str]) -> str:
    """Alternation of literal words/phrases, longest first, spaces matching any whitespace."""
    parts = sorted({w for w in items if w}, key=len, reverse=True)
    return alt(re.escape(p).replace(r"\ ", r"\s+") for p in parts)


class PhraseTable:
    """Literal phrases looked up by word n-grams: one pass over a text's words, no regex scan.

    A phrase written with capitals (an acronym such as ``TOT``) matches exactly as written; a
    lowercase phrase matches in any case.
    """

    WORD = re.compile(r"\w+")

    def __init__(self, phrases: Iterable[tuple[str, object]]) -> None:
        self.folded: dict[str, list[object]] = {}
        self.exact: dict[str, list[object]] = {}
        self.prefixes: set[str] = set()
        self.max_words = 1
        for phrase, value in phrases:
            table = self.exact if phrase.lower() != phrase else self.folded
            table.setdefault(phrase, []).append(value)
            parts = phrase.lower().split()
            self.prefixes.update(" ".join(parts[:k]) for k in range(1, len(parts)))
            self.max_words = max(self.max_words, len(parts))
        if not self.folded and not self.exact:
            raise ValueError("empty phrase table")

    def matches(self, text: str) -> list[tuple[str, object]]:
        """(phrase as found, value) for every occurrence, overlapping n-grams included."""
        words = self.WORD.findall(text)
        lowered = [w.lower() for w in words]
        found: list[tuple[str, object]] = []
        folded, exact, prefixes = self.folded, self.exact, self.prefixes
        for i, low in enumerate(lowered):
            key = low
            orig = words[i]
            n = 1
            while True:
                for value in folded.get(key, ()):
                    found.append((key, value))
                if exact:
                    for value in exact.get(orig, ()):
                        found.append((key, value))
                if key not in prefixes or i + n >= len(words):
                    break
                key = key + " " + lowered[i + n]
                orig = orig + " " + words[i + n]
                n += 1
        return found

    def count(self, text: str) -> int:
        return len(self.matches(text))
