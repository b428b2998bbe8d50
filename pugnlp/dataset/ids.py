"""Stable event ids: derived from the event's key, and re-used from the published dataset.

A new event gets ``ev-`` + 12 hex digits of the SHA-1 of its key (place, date, type, agency
signature). When the dataset is rebuilt on a grown corpus, an event that contains articles
already published under an id keeps that id, even if a new article changed its best-supported
date or type (and so its key). Ids are never handed to two events, and an id once published is
never re-used for a different event.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

EVENT_ID_PATTERN = r"ev-[0-9a-f]{12}"
"""What :func:`key_id` makes (a regular expression, matched in full)."""


@dataclass(frozen=True, slots=True)
class PreviousIds:
    """Event ids of the previously published dataset, by article.

    Attributes:
        by_sha1: ``text_sha1`` of an article -> its published ``event_id``.
        by_doc: ``doc_id`` of an article -> its published ``event_id``.
        known: every published ``event_id`` (also those of events no article maps to now).
    """

    by_sha1: dict[str, str] = field(default_factory=dict)
    by_doc: dict[str, str] = field(default_factory=dict)
    known: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Member:
    """The identity of one article of an event."""

    doc_id: str
    text_sha1: str


def event_key(place: str | None, date: str | None, event_type: str | None,
              signature: Sequence[str]) -> str:
    """The merged event's key: ``place|date|type|AGENCY+AGENCY``."""
    return "|".join([place or "-", date or "-", event_type or "-", "+".join(sorted(signature))])


def key_id(key: str, attempt: int = 0) -> str:
    """``ev-`` + 12 hex of SHA-1 of the key (``#attempt`` appended after a collision)."""
    text = key if attempt == 0 else f"{key}#{attempt}"
    return "ev-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _previous_of(members: Sequence[Member], previous: PreviousIds) -> Counter[str]:
    found: Counter[str] = Counter()
    for m in members:
        old = previous.by_sha1.get(m.text_sha1) if m.text_sha1 else None
        if old is None:
            old = previous.by_doc.get(m.doc_id)
        if old is not None:
            found[old] += 1
    return found


def assign_ids(groups: Sequence[Sequence[Member]], keys: Sequence[str],
               previous: PreviousIds | None = None) -> list[str]:
    """One id per group: the published id most of its articles had, else a new key-derived id.

    Args:
        groups: the articles of each event.
        keys: each event's :func:`event_key`, same order.
        previous: ids of the published dataset (None on a first run).

    Returns:
        The event ids, in the order of ``groups``; all distinct.
    """
    previous = previous or PreviousIds()
    ids: list[str | None] = [None] * len(groups)
    claims = []
    for n, members in enumerate(groups):
        found = _previous_of(members, previous)
        if found:
            best, count = min(found.items(), key=lambda kv: (-kv[1], kv[0]))
            claims.append((-count, best, n))
    used: set[str] = set()
    for _, old, n in sorted(claims):
        if old not in used:
            ids[n] = old
            used.add(old)
    taken = used | set(previous.known)
    fresh = sorted((keys[n], min((m.text_sha1 or m.doc_id for m in groups[n]), default=""), n)
                   for n in range(len(groups)) if ids[n] is None)
    for key, _, n in fresh:
        attempt = 0
        while (candidate := key_id(key, attempt)) in taken:
            attempt += 1
        ids[n] = candidate
        taken.add(candidate)
    return [i for i in ids if i is not None]
