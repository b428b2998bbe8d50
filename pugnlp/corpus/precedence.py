"""Which copy of a duplicated release is the article: a rule that ignores crawl order.

A regional government publishes a release (media centre, pemda, dinas, diskominfo) and news
portals republish it, or one site serves it under two URLs. The store keeps one copy as the
article and links the others to it (``duplicate`` or ``near_duplicate``). The copy kept is the
one with the smallest :func:`copy_rank`:

1. a government source before a portal (or a page whose source kind is unknown);
2. then the earliest publication day (a copy without a date comes last);
3. then the fuller text (more characters of cleaned text);
4. then the smallest canonical URL, so that two copies never tie.

Whichever copy is fetched first, the same one ends up as the article, with its own region
code (``kode_wilayah``), title and date; the per-province counts do not depend on the order.
"""

from __future__ import annotations

from dataclasses import dataclass

from pugnlp.sources.registry import GOVERNMENT_KINDS

NO_DATE = "~"
"""Sorts after every ISO date, so an undated copy never beats a dated one."""


@dataclass(frozen=True, slots=True)
class Copy:
    """What the rule looks at in one copy of a release."""

    source_kind: str | None
    published: str | None
    text_length: int
    canonical_url: str


def copy_rank(copy: Copy) -> tuple[int, str, int, str]:
    """The sort key of a copy: the smallest is kept as the article. Pure."""
    return (0 if copy.source_kind in GOVERNMENT_KINDS else 1,
            (copy.published or NO_DATE)[:10], -copy.text_length, copy.canonical_url)


def prefer(new: Copy, stored: Copy) -> bool:
    """True when ``new`` should replace ``stored`` as the article of their group."""
    return copy_rank(new) < copy_rank(stored)
