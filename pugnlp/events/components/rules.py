"""The rule components of the pipeline: each reads the text and writes one finding to ``Doc._``.

Each is a class plus a registered factory (``@Language.factory("pug_...")``) that declares
what it assigns and requires, so that ``nlp.analyze_pipes()`` checks the order. Their data is
the pattern registry (:mod:`pugnlp.patterns`) and the shipped gazetteer and name lexicon,
read once per process by path-keyed loaders; nothing in them changes while a Doc is
processed, so one instance serves any number of Docs, threads or processes.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.language import Language

from pugnlp.events.activity import Activity, find_activity
from pugnlp.events.agencies import AgencyEntry, AgencyFinder, AgencyMention, merge_mentions
from pugnlp.events.ape import ApeMention, find_ape
from pugnlp.events.classify_rules import decide, split_sections
from pugnlp.events.dates import (
    DateMention,
    choose_event_date,
    find_dates,
    find_publication_date,
    missing_date_note,
)
from pugnlp.events.participants import find_participants
from pugnlp.events.people import PeopleFinder, PersonMention, named_again_in_body
from pugnlp.events.places import PlaceFinder, PlaceMention, PlaceResult
from pugnlp.events.record import Decision, Sections, article_of, iso_date, text_of
from pugnlp.events.region import RegionDecision, decide_region
from pugnlp.events.venues import VenueMention, find_venues
from pugnlp.keys import person_key, same_person
from pugnlp.nlp.extensions import doc_value, register_extensions
from pugnlp.nlp.lexicon import load_lexicon
from pugnlp.nlp.tokenizer import sentence_bounds
from pugnlp.patterns.honorifics import fold
from pugnlp.patterns.names import not_name_words
from pugnlp.patterns.positions import (
    DEPUTY_AFTER,
    DEPUTY_HEADS,
    POSITION_MODIFIERS,
    SPOUSE_BODY_WORDS,
)
from pugnlp.schema import Article, Evidence, Official
from pugnlp.wilayah import Region, load_gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Doc

for _cls in (Article, Evidence, Official, Region, DateMention, VenueMention, PersonMention,
             PlaceMention, PlaceResult, AgencyMention, AgencyEntry, ApeMention, RegionDecision,
             Activity):
    doc_value(_cls)
register_extensions()

SENTENCES = "token.is_sent_start"


class Sectioner:
    """``doc._.sections``: title, lead and body (and ``doc._.article`` for a bare text)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        article = article_of(doc)
        if doc._.article is None:
            doc._.article = article
        doc._.sections = Sections(*split_sections(text_of(doc), article.title))
        return doc


class EventRules:
    """``doc._.decision`` by the transparent rules (the classifier, when loaded, overrides)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        s = doc._.sections
        rules = decide(s.title, s.lead, s.body)
        doc._.decision = Decision(rules.relevant, None, rules.event_type, None)
        return doc


class ActivityFinder:
    """``doc._.activity``: the activity the title, the lead or the next paragraphs name."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.activity = find_activity(text_of(doc), article_of(doc).title)
        return doc


class EventType:
    """The event type decided by the activity's head (DOMAIN.md, "Deciding the event
    type"): where the article names its activity, the head's type replaces the rules' or the
    classifier's (whose score is kept only when it agrees); elsewhere theirs stands."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        decision, activity = doc._.decision, doc._.activity
        if decision.relevant and activity is not None \
                and activity.event_type != decision.event_type:
            doc._.decision = replace(decision, event_type=activity.event_type,
                                     event_type_score=None)
        return doc


class DateFinder:
    """``doc._.published`` and ``doc._.event_date`` (the mention chosen as the activity's)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        published = iso_date(article_of(doc).published) or find_publication_date(text)
        doc._.published = published.isoformat() if published else None
        mentions = find_dates(text, published)
        doc._.event_date = choose_event_date(text, mentions, published)
        doc._.event_date_note = (None if doc._.event_date is not None
                                 else missing_date_note(text, mentions, published))
        return doc


class VenueFinder:
    """``doc._.venues``: halls, hotels, offices where the activity was held."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.venues = tuple(find_venues(text_of(doc)))
        return doc


class People:
    """``doc._.persons``: officials (name + position), one entry per person."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        lexicon = load_lexicon()
        self.finder = PeopleFinder(load_gazetteer(), lexicon, not_name_words())

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        tokens = [(t0, t1) for t0, t1, _, _ in sentence_bounds(doc)]
        persons = merge_people(self.finder.find(doc, tokens, text))
        persons = [p for p in persons if named_again_in_body(p.name, p.name_start, text)]
        doc._.persons = tuple(merge_people(persons + deputies(text, persons)))
        return doc



class Places:
    """``doc._.regions`` (gazetteer mentions) and ``doc._.place`` (kab/kota and province)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.finder = PlaceFinder(load_gazetteer())

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        regions = self.finder.mentions(text)
        venues = [(v.start, v.end) for v in doc._.venues]
        persons = [(p.name_start, p.name_end) for p in doc._.persons]
        doc._.regions = tuple(regions)
        doc._.place = self.finder.resolve(text, venues, persons, regions)
        return doc


class Agencies:
    """``doc._.agency_mentions`` (one entry per body) and ``doc._.agencies`` (the same, until
    the agency selector drops those named in passing)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        lexicon = load_lexicon()
        self.finder = AgencyFinder(PlaceFinder(load_gazetteer()), lexicon.names - lexicon.common)

    def __call__(self, doc: Doc) -> Doc:
        starts = frozenset(p.name_start for p in doc._.persons)
        entries = tuple(merge_mentions(self.finder.find(text_of(doc), list(doc._.regions), starts)))
        doc._.agency_mentions = entries
        doc._.agencies = entries
        return doc


class Regions:
    """``doc._.region``: whose activity it is (the organising body's region: a provincial
    body's rakor in the capital is the province's) and where it was held."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.gazetteer = load_gazetteer()
        self.places = PlaceFinder(self.gazetteer)

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        dateline = [(m.start, m.end) for m in self.places.dateline(text)[0]]
        doc._.region = decide_region(text, doc._.place, doc._.agency_mentions, doc._.regions,
                                     dateline, self.gazetteer)
        return doc


class Ape:
    """``doc._.ape``: APE award categories with year and status."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        sentences = [(c0, c1) for _, _, c0, c1 in sentence_bounds(doc)]
        doc._.ape = tuple(find_ape(text_of(doc), sentences))
        return doc


class Participants:
    """``doc._.participants``: the stated participant count and where it is."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.participants = find_participants(text_of(doc))
        return doc


def deputies(text: str, persons: list[PersonMention]) -> list[PersonMention]:
    """"Bupati Kotim Halikinnor dan Wakilnya Irawati Buhari": the deputy, whose position is
    "Wakil " and the official's ("Wakil Bupati Kotim")."""
    out = []
    for person in persons:
        match = DEPUTY_AFTER.match(text, person.name_end)
        if match is None or not person.position:
            continue
        name = match.group("name").rstrip(".,")
        out.append(PersonMention(name, match.start("name"), match.start("name") + len(name),
                                 f"Wakil {person.position}", match.start("pos"),
                                 match.end("pos")))
    return out


def _compatible(a: str | None, b: str | None) -> bool:
    """Two positions one person may hold in one article ("Sekda Bengkulu Selatan" and
    "Sekretaris Daerah ..."): all but a PKK (GOW, DWP) position beside a government one, or a
    deputy's
    beside the head's. "Bupati Inhil" Wardan and "Ketua TP PKK" Zulaikhah Wardan (the
    regent's wife, who often carries his name) are two people."""
    if not a or not b:
        return True
    return all(side(a) == side(b) for side in (_in_pkk, _deputy))


def _in_pkk(position: str) -> bool:
    return bool(SPOUSE_BODY_WORDS & {fold(w) for w in position.split()})


def _deputy(position: str) -> bool:
    words = [fold(w) for w in position.split()]
    words = [w for w in words if w and w not in POSITION_MODIFIERS]
    return bool(words) and words[0] in DEPUTY_HEADS


def merge_people(mentions: list[PersonMention]) -> list[PersonMention]:
    """One entry per person (:func:`pugnlp.keys.same_person` within one article); only persons
    with a position are officials."""
    merged: list[PersonMention] = []
    for mention in mentions:
        key = person_key(mention.name)
        match = None
        for i, kept in enumerate(merged):
            if same_person(key, person_key(kept.name), min_shared=1) and (
                    key == person_key(kept.name) or _compatible(kept.position, mention.position)):
                match = i
                break
        if match is None:
            merged.append(mention)
            continue
        kept = merged[match]
        better_name = len(mention.name) > len(kept.name)
        # a one-word position ("Wabup" in a title) gives way to a spelled-out one
        better_position = bool(mention.position) and (
            kept.position is None
            or len(kept.position.split()) == 1 and len(mention.position.split()) > 1)
        if better_name or better_position:
            source = mention if better_position else kept
            merged[match] = replace(
                mention if better_name else kept,
                position=source.position,
                position_start=source.position_start,
                position_end=source.position_end,
            )
    return [m for m in merged if m.position]


# -- registration: the factories only forward to the constructors --------------------------

_SECTIONS = ["doc._.article", "doc._.sections"]


@Language.factory("pug_sections", assigns=_SECTIONS, requires=[SENTENCES])
def make_sections(nlp: Language, name: str) -> Sectioner:
    return Sectioner(nlp, name)


@Language.factory("pug_event_rules", assigns=["doc._.decision"], requires=["doc._.sections"])
def make_event_rules(nlp: Language, name: str) -> EventRules:
    return EventRules(nlp, name)


@Language.factory("pug_activity", assigns=["doc._.activity"], requires=["doc._.article"])
def make_activity(nlp: Language, name: str) -> ActivityFinder:
    return ActivityFinder(nlp, name)


@Language.factory("pug_event_type", assigns=["doc._.decision"],
                  requires=["doc._.decision", "doc._.activity"])
def make_event_type(nlp: Language, name: str) -> EventType:
    return EventType(nlp, name)


@Language.factory("pug_dates", assigns=["doc._.published", "doc._.event_date",
                                         "doc._.event_date_note"],
                  requires=["doc._.article"])
def make_dates(nlp: Language, name: str) -> DateFinder:
    return DateFinder(nlp, name)


@Language.factory("pug_venues", assigns=["doc._.venues"])
def make_venues(nlp: Language, name: str) -> VenueFinder:
    return VenueFinder(nlp, name)


@Language.factory("pug_people", assigns=["doc._.persons"], requires=[SENTENCES])
def make_people(nlp: Language, name: str) -> People:
    return People(nlp, name)


@Language.factory("pug_places", assigns=["doc._.regions", "doc._.place"],
                  requires=["doc._.venues", "doc._.persons"])
def make_places(nlp: Language, name: str) -> Places:
    return Places(nlp, name)


@Language.factory("pug_agencies", assigns=["doc._.agency_mentions", "doc._.agencies"],
                  requires=["doc._.regions", "doc._.persons"])
def make_agencies(nlp: Language, name: str) -> Agencies:
    return Agencies(nlp, name)


@Language.factory("pug_region", assigns=["doc._.region"],
                  requires=["doc._.place", "doc._.regions", "doc._.agency_mentions"])
def make_region(nlp: Language, name: str) -> Regions:
    return Regions(nlp, name)


@Language.factory("pug_ape", assigns=["doc._.ape"], requires=[SENTENCES])
def make_ape(nlp: Language, name: str) -> Ape:
    return Ape(nlp, name)


@Language.factory("pug_participants", assigns=["doc._.participants"])
def make_participants(nlp: Language, name: str) -> Participants:
    return Participants(nlp, name)
