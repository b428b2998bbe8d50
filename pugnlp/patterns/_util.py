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
