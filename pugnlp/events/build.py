"""Article -> EventRecord: the extraction core, assembling every finder with its evidence."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from pugnlp.events.agencies import AgencyEntry, AgencyFinder, merge_mentions
from pugnlp.events.ape import find_ape
from pugnlp.events.classify_rules import decide, split_sections
from pugnlp.events.dates import choose_event_date, find_dates, find_publication_date
from pugnlp.events.participants import find_participants
from pugnlp.events.people import PeopleFinder, PersonMention
from pugnlp.events.places import PlaceFinder
from pugnlp.events.venues import find_venues
from pugnlp.nlp.lexicon import Lexicon, load_lexicon
from pugnlp.nlp.pipeline import sentence_bounds
from pugnlp.patterns.honorifics import fold
from pugnlp.patterns.names import not_name_words as _domain_words
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
from pugnlp.wilayah import Gazetteer, load_gazetteer

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MAX_SENTENCE_CHARS = 400


class Extractor:
    """Holds the pipeline and indexes (built once) and turns articles into records.

    Args:
        nlp: a pipeline from :func:`pugnlp.nlp.pipeline.make_nlp` (built when omitted).
        gazetteer: the region index (loaded when omitted).
        lexicon: the name/common-word lists (loaded when omitted).
    """

    def __init__(self, nlp: Language | None = None, gazetteer: Gazetteer | None = None,
                 lexicon: Lexicon | None = None) -> None:
        if nlp is None:
            from pugnlp.nlp.pipeline import make_nlp

            nlp = make_nlp()
        self.nlp = nlp
        self.gaz = gazetteer or load_gazetteer()
        self.places = PlaceFinder(self.gaz)
        lexicon = lexicon or load_lexicon()
        self.people = PeopleFinder(self.gaz, lexicon, _domain_words())
        self.agencies = AgencyFinder(self.places, lexicon.names - lexicon.common)

    def extract(self, article: Article) -> EventRecord:
        return self.from_doc(article, self.nlp(article.text))

    def extract_many(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[EventRecord]:
        """Records for many articles, tokenised in batches (faster than one by one)."""
        pairs = ((a.text, a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            yield self.from_doc(article, doc)

    def from_doc(self, article: Article, doc: Doc) -> EventRecord:
        text = article.text
        bounds = sentence_bounds(doc)
        sentences = [(c0, c1) for _, _, c0, c1 in bounds]
        starts = [s for s, _ in sentences]

        def evidence(start: int, end: int) -> Evidence:
            i = max(bisect.bisect_right(starts, start) - 1, 0)
            s0, s1 = sentences[i] if sentences else (0, len(text))
            return Evidence(start, end, text[s0:s1].strip()[:MAX_SENTENCE_CHARS])

        published = _iso_date(article.published) or find_publication_date(text)
        title, lead, body = split_sections(text, article.title)
        decision = decide(title, lead, body)

        mentions = find_dates(text, published)
        chosen = choose_event_date(text, mentions, published)
        venues = find_venues(text)
        persons = _merge_people(self.people.find(doc, [(t0, t1) for t0, t1, _, _ in bounds], text))
        person_spans = [(p.name_start, p.name_end) for p in persons]
        regions = self.places.mentions(text)
        place = self.places.resolve(text, [(v.start, v.end) for v in venues], person_spans, regions)
        agency_entries = merge_mentions(self.agencies.find(
            text, regions, frozenset(p.name_start for p in persons)))
        participants = find_participants(text)
        ape = find_ape(text, sentences)

        return EventRecord(
            doc_id=article.doc_id, url=article.url, title=article.title,
            published=published.isoformat() if published else None, outlet=article.outlet,
            relevant=decision.relevant, relevant_score=None,
            event_type=decision.event_type, event_type_score=None,
            event_date=chosen.date.isoformat() if chosen else None,
            event_date_end=chosen.end_date.isoformat() if chosen and chosen.end_date else None,
            event_date_evidence=evidence(chosen.start, chosen.end) if chosen else None,
            kab_kota=place.kab_kota.name if place.kab_kota else None,
            kab_kota_code=place.kab_kota.code if place.kab_kota else None,
            province=place.province.name if place.province else None,
            province_code=place.province.code if place.province else None,
            place_precision=place.precision,
            place_evidence=evidence(*place.evidence) if place.evidence else None,
            venues=tuple(Venue(v.name, evidence(v.start, v.end)) for v in venues),
            officials=tuple(self._official(p, agency_entries, text, evidence) for p in persons),
            agencies=tuple(_agency(e, text, evidence) for e in agency_entries),
            participants=participants[0] if participants else None,
            participants_evidence=evidence(*participants[1]) if participants else None,
            ape_categories=tuple(ApeCategory(a.category, a.year, a.status, evidence(a.start, a.end))
                                 for a in ape),
            text=text, text_sha1=text_sha1(text),
        )

    def _official(self, person: PersonMention, entries: list[AgencyEntry], text: str,
                  evidence) -> Official:  # type: ignore[no-untyped-def]
        agency = None
        if person.position_start is not None:
            for entry in entries:
                for m in entry.mentions:
                    if person.position_start <= m.start < (person.position_end or 0):
                        agency = text[m.start:m.end]
                        break
                if agency:
                    break
        return Official(person.name, person.position, agency,
                        evidence(person.name_start, person.name_end))


def _agency(entry: AgencyEntry, text: str, evidence) -> Agency:  # type: ignore[no-untyped-def]
    """The most complete surface form names the agency; evidence is its first mention."""
    surfaces = [text[m.start:m.end] for m in entry.mentions]
    with_region = [s for m, s in zip(entry.mentions, surfaces) if m.region_code] or surfaces
    name = min(with_region, key=lambda s: (len(s) > 60, -len(s) if len(s) <= 60 else len(s)))
    acronym = next((m.acronym for m in entry.mentions if m.acronym), None)
    expansion = next((m.expansion for m in entry.mentions if m.expansion and m.expansion != name),
                     None)
    first = entry.mentions[0]
    return Agency(name, acronym, expansion, evidence(first.start, first.end), surfaces[0])


def _merge_people(mentions: list[PersonMention]) -> list[PersonMention]:
    """One entry per person: same name, or a single word that is part of a longer name."""
    merged: list[PersonMention] = []
    for mention in mentions:
        key = _name_key(mention.name)
        match = None
        for i, kept in enumerate(merged):
            kept_key = _name_key(kept.name)
            if key == kept_key or (len(key.split()) == 1 and key in kept_key.split()) or \
                    (len(kept_key.split()) == 1 and kept_key in key.split()):
                match = i
                break
        if match is None:
            merged.append(mention)
            continue
        kept = merged[match]
        better_name = len(mention.name) > len(kept.name)
        if better_name or (kept.position is None and mention.position):
            merged[match] = replace(
                mention if better_name else kept,
                position=kept.position or mention.position,
                position_start=kept.position_start if kept.position else mention.position_start,
                position_end=kept.position_end if kept.position else mention.position_end,
            )
    return [m for m in merged if m.position]


def _name_key(name: str) -> str:
    return " ".join(fold(w) for w in name.split() if len(fold(w)) > 1)


def _iso_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def extract_text(text: str, doc_id: str = "text", title: str | None = None,
                 published: str | None = None, extractor: Extractor | None = None) -> EventRecord:
    """Convenience: clean a raw text and extract its record (builds an Extractor if needed)."""
    from pugnlp.article.html import text_to_article

    article = text_to_article(text, doc_id, title=title, published=published)
    return (extractor or Extractor()).extract(article)
