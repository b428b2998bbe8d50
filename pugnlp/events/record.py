"""A processed Doc -> EventRecord: the pure function at the end of :func:`pugnlp.load`.

The components of the pipeline (:mod:`pugnlp.events.components`) write their findings to
``Doc._`` attributes (:data:`pugnlp.nlp.extensions.EXTENSIONS`); :func:`record_from_doc`
assembles them into the record, turning character offsets into :class:`Evidence`. It reads
the Doc and nothing else: no model, no file, no global.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pugnlp.keys import NATIONAL_KEYS
from pugnlp.nlp.extensions import doc_value
from pugnlp.nlp.tokenizer import sentence_bounds
from pugnlp.schema import (
    Agency,
    ApeCategory,
    Article,
    EventRecord,
    Evidence,
    Official,
    Venue,
    text_sha1,
)
from pugnlp.wilayah import load_gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from pugnlp.events.agencies import AgencyEntry
    from pugnlp.events.people import PersonMention
    from pugnlp.wilayah import Region

MAX_SENTENCE_CHARS = 400
"""Evidence sentences are cut here: a 'sentence' without a full stop can be a whole table."""

EvidenceOf = Callable[[int, int], Evidence]


@doc_value
@dataclass(frozen=True, slots=True)
class Sections:
    """Title, lead (the first paragraph of 20 words or more) and the rest of the body."""

    title: str
    lead: str
    body: str


@doc_value
@dataclass(frozen=True, slots=True)
class Decision:
    """Relevance and event type of an article; scores only from the learned classifier."""

    relevant: bool
    relevant_score: float | None
    event_type: str | None
    event_type_score: float | None


@doc_value
@dataclass(frozen=True, slots=True)
class ClassProbabilities:
    """The classifier's probabilities for one article: relevance, and every event type in
    the event-type model's class order (what :meth:`EventClassifier.decide` reduces to its
    best type). Read by the annotation picker (:mod:`pugnlp.annotate.pick`) for margins."""

    relevant: float
    event_types: tuple[tuple[str, float], ...]

    def best_types(self) -> list[tuple[str, float]]:
        """The event types, most probable first (a stable sort: the model's order on ties)."""
        return sorted(self.event_types, key=lambda lp: -lp[1])

    def decision(self) -> dict[str, Any]:
        """relevant, relevant_score, event_type, event_type_score (type only when relevant)."""
        relevant = self.relevant >= 0.5
        label, p = max(self.event_types, key=lambda lp: lp[1]) if self.event_types else (None, 0.0)
        return {"relevant": relevant, "relevant_score": round(self.relevant, 4),
                "event_type": label if relevant else None,
                "event_type_score": round(p, 4) if relevant and label else None}


@doc_value
@dataclass(frozen=True, slots=True)
class ScoredMention:
    """A mention a selector scored: its text, offsets, P(keep) and the selector's threshold
    (``doc._.agency_scores``, ``doc._.official_scores``; read by the annotation picker)."""

    text: str
    start: int
    end: int
    probability: float
    threshold: float


def article_of(doc: Doc) -> Article:
    """The Article a Doc was made from; a Doc made from a bare text is its own article."""
    article = doc._.article
    if article is None:
        text = doc.text
        return Article(doc_id=text_sha1(text)[:16], text=text)
    return article


def text_of(doc: Doc) -> str:
    """The Doc's text, from its article when it has one: ``doc.text`` joins every token
    (a Python object each), about 0.8 ms for a release."""
    article = doc._.article
    return article.text if article is not None else doc.text


def iso_date(value: str | None) -> dt.date | None:
    """The date at the start of an ISO string, or None."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def evidence_maker(doc: Doc) -> EvidenceOf:
    """``evidence(start, end)``: the span with the Doc sentence around it."""
    text = text_of(doc)
    sentences = [(c0, c1) for _, _, c0, c1 in sentence_bounds(doc)]
    starts = [s for s, _ in sentences]

    def evidence(start: int, end: int) -> Evidence:
        i = max(bisect.bisect_right(starts, start) - 1, 0)
        s0, s1 = sentences[i] if sentences else (0, len(text))
        return Evidence(start, end, text[s0:s1].strip()[:MAX_SENTENCE_CHARS])

    return evidence


def record_from_doc(doc: Doc) -> EventRecord:
    """Assemble the record of a Doc processed by the pugnlp pipeline.

    Raises:
        ValueError: the Doc was not processed by the pipeline (no decision on it).
    """
    decision: Decision | None = doc._.decision
    if decision is None:
        raise ValueError("this Doc was not processed by pugnlp.load(): no decision on it")
    article = article_of(doc)
    text = article.text
    evidence = evidence_maker(doc)
    chosen = doc._.event_date
    activity = doc._.activity
    place = doc._.region or doc._.place
    held_in = doc._.region.held_in if doc._.region else None
    participants = doc._.participants
    officials = tuple(official(p, doc._.agency_mentions or (), text, evidence)
                      for p in doc._.persons or ())
    selected = tuple(doc._.selected_officials or ())
    if selected:
        officials = tuple(sorted(officials + selected, key=lambda o: o.evidence.start))
    return EventRecord(
        doc_id=article.doc_id, url=article.url, title=article.title,
        published=doc._.published, outlet=article.outlet,
        relevant=decision.relevant, relevant_score=decision.relevant_score,
        event_type=decision.event_type, event_type_score=decision.event_type_score,
        event_date=chosen.date.isoformat() if chosen else None,
        event_date_end=chosen.end_date.isoformat() if chosen and chosen.end_date else None,
        event_date_evidence=evidence(chosen.start, chosen.end) if chosen else None,
        kab_kota=place.kab_kota.name if place and place.kab_kota else None,
        kab_kota_code=place.kab_kota.code if place and place.kab_kota else None,
        province=place.province.name if place and place.province else None,
        province_code=place.province.code if place and place.province else None,
        place_precision=place.precision if place else "unresolved",
        place_evidence=evidence(*place.evidence) if place and place.evidence else None,
        venues=tuple(Venue(v.name, evidence(v.start, v.end)) for v in doc._.venues or ()),
        officials=officials,
        agencies=tuple(agency(e, text, evidence) for e in doc._.agencies or ()),
        participants=participants[0] if participants else None,
        participants_evidence=evidence(*participants[1]) if participants else None,
        ape_categories=tuple(ApeCategory(a.category, a.year, a.status, evidence(a.start, a.end))
                             for a in doc._.ape or ()),
        held_in_kab_kota=held_in.name if held_in else None,
        held_in_kab_kota_code=held_in.code if held_in else None,
        event_date_note=doc._.event_date_note if chosen is None else None,
        activity=activity.name if activity else None,
        activity_evidence=evidence(activity.start, activity.end) if activity else None,
        text=text, text_sha1=text_sha1(text),
    )


def official(person: PersonMention, entries: Sequence[AgencyEntry], text: str,
             evidence: EvidenceOf) -> Official:
    """A person as an official: the agency is the first agency named inside the position."""
    agency_name = None
    if person.position_start is not None:
        for entry in entries:
            for m in entry.mentions:
                if person.position_start <= m.start < (person.position_end or 0):
                    agency_name = text[m.start:m.end]
                    break
            if agency_name:
                break
    return Official(person.name, person.position, agency_name,
                    evidence(person.name_start, person.name_end))


def agency(entry: AgencyEntry, text: str, evidence: EvidenceOf) -> Agency:
    """The most complete surface form names the agency; evidence is its first mention."""
    surfaces = [text[m.start:m.end] for m in entry.mentions]
    with_region = [s for m, s in zip(entry.mentions, surfaces) if m.region_code] or surfaces
    name = min(with_region, key=lambda s: (len(s) > 60, -len(s) if len(s) <= 60 else len(s)))
    acronym = next((m.acronym for m in entry.mentions if m.acronym), None)
    expansion = next((m.expansion for m in entry.mentions if m.expansion and m.expansion != name),
                     None)
    first = entry.mentions[0]
    level, region = _agency_region(entry)
    return Agency(name, acronym, expansion, evidence(first.start, first.end), surfaces[0],
                  level=level, region=region.name if region else None,
                  region_code=region.code if region else None,
                  mentions=tuple(evidence(m.start, m.end) for m in entry.mentions))


def _agency_region(entry: AgencyEntry) -> tuple[str | None, Region | None]:
    """The level and region of an agency's body: national for a ministry, else the region
    written with it (none when the article writes none)."""
    if entry.key in NATIONAL_KEYS:
        return "nasional", None
    region = load_gazetteer().get(entry.region_code) if entry.region_code else None
    return (region.level if region else None), region
