"""Transparent cue-based relevance and event type (the learned classifier refines them).

Relevance: PUG terms in the headline or lead, or repeated in the body, together with words that
report an activity; distractor vocabulary (crime, KB services, PKK anniversaries...) raises the
bar. Event type: cue weights, counted three times in the headline, twice in the lead and
after the main verb of the lead, once elsewhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pugnlp.patterns.events import (
    ACTIVITY,
    CASE_SENSITIVE_ACRONYMS,
    CUE_TABLE,
    DISTRACTOR_CUES,
    EVENT_CUES,
    EVENT_PRIORITY,
    MAIN_VERB,
    PUG_CORE,
    PUG_WEAK,
)

TITLE_WEIGHT = 3.0
LEAD_WEIGHT = 2.0
BODY_WEIGHT = 0.5
MAIN_OBJECT_WEIGHT = 3.0
MAIN_OBJECT_CHARS = 80


@dataclass(frozen=True, slots=True)
class RuleDecision:
    relevant: bool
    relevance_score: float
    event_type: str | None
    type_scores: dict[str, float]


def _count_core(text: str) -> int:
    """PUG terms; the acronyms count only when written in capitals ("arg" is not ARG)."""
    return sum(1 for m in PUG_CORE.finditer(text)
               if m.group(0).lower() not in CASE_SENSITIVE_ACRONYMS or m.group(0).isupper())


def relevance_score(title: str, lead: str, body: str) -> float:
    """A transparent score; > 0 means relevant."""
    core_title = _count_core(title)
    core_lead = _count_core(lead)
    core_body = _count_core(body)
    weak = len(PUG_WEAK.findall(body))
    activity = ACTIVITY.count(lead) + 0.3 * ACTIVITY.count(body)
    distract = DISTRACTOR_CUES.count(title + " " + lead) + 0.3 * DISTRACTOR_CUES.count(body)
    score = 2.0 * core_title + 1.5 * core_lead + 0.5 * min(core_body, 8) + 0.2 * min(weak, 5)
    score += 0.5 * min(activity, 4) - 1.0 * min(distract, 5)
    if core_title + core_lead == 0 and core_body < 3:
        score -= 3.0
    if activity == 0:
        score -= 2.0
    return score - 2.0


def _cue_counts(text: str) -> dict[tuple[str, float, str], int]:
    """How often each cue phrase occurs in ``text``."""
    counts: dict[tuple[str, float, str], int] = {}
    for phrase, (label, weight) in CUE_TABLE.matches(text):  # type: ignore[misc]
        key = (label, weight, phrase)
        counts[key] = counts.get(key, 0) + 1
    return counts


def type_scores(title: str, lead: str, body: str) -> dict[str, float]:
    """Weighted cue counts per event type."""
    scores = {label: 0.0 for label in EVENT_CUES}
    main = _main_object(lead) or ""
    for text, factor, cap in ((title, TITLE_WEIGHT, None), (lead, LEAD_WEIGHT, None),
                              (body, BODY_WEIGHT, 4), (main, MAIN_OBJECT_WEIGHT, 1)):
        for (label, weight, _), n in _cue_counts(text).items():
            scores[label] += factor * weight * (min(n, cap) if cap else n)
    return scores


def _main_object(lead: str) -> str | None:
    """The words after the lead's main verb ("menggelar Rapat Koordinasi ...")."""
    match = MAIN_VERB.search(lead)
    return lead[match.end():match.end() + MAIN_OBJECT_CHARS] if match else None


def decide(title: str, lead: str, body: str) -> RuleDecision:
    score = relevance_score(title, lead, body)
    scores = type_scores(title, lead, body)
    relevant = score > 0
    event_type = None
    if relevant:
        best = max(scores.values())
        if best < 3.0:
            event_type = "lainnya"
        else:
            event_type = min((label for label, s in scores.items() if s == best),
                             key=EVENT_PRIORITY.index)
    return RuleDecision(relevant, score, event_type, scores)


def split_sections(text: str, title: str | None) -> tuple[str, str, str]:
    """(title, lead, rest of body): the lead is the first paragraph of 20 words or more."""
    body = text
    if title and body.startswith(title):
        body = body[len(title):]
    paragraphs = [p for p in re.split(r"\n+", body) if p.strip()]
    for i, para in enumerate(paragraphs):
        if len(para.split()) >= 20:
            return title or "", para, "\n".join(paragraphs[i + 1:])
    return title or "", paragraphs[0] if paragraphs else "", "\n".join(paragraphs[1:])
