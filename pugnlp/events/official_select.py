"""Officials the rules miss: names the entity model reads as persons, kept by a learned selector.

The rules find an official only when they can decode both the position and the name; a
surname they do not know as a name ("Sari", "Br Ginting"), a position they cannot parse
("Ketua tim dari KemenPPPA", "narasumber dari BPS ...") or an unusual order ("dipimpin
<name>") loses the person. The entity model marks most of these names as PER, but also the
editor in the byline, participants quoted from the floor and places it mistakes for people.

The selector is a logistic regression over the context of each PER mention that is not
already an official (the words around it, honorifics before and titles after it, the phrase
before it read as a position, where in the article it stands), trained on ``anotasi/``. A
mention it keeps becomes an official whose position is the phrase before the name. It only
adds officials; it never removes one.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from pugnlp.article.clean import paragraph_span
from pugnlp.events.people import named_again_in_body
from pugnlp.events.selectors import positive_probs
from pugnlp.keys import person_key, same_person
from pugnlp.patterns.honorifics import (
    HAJI_BARE,
    KEEP_IN_NAME,
    NOBLE_PREFIXES,
    fold,
    is_honorific,
    is_title,
)
from pugnlp.patterns.positions import (
    APPOSITIVES,
    LOWERCASE_HEADS,
    POSITION_BOUNDARY,
    POSITION_FILLER,
    POSITION_HEADS,
    VERB_PREFIXES,
)
from pugnlp.patterns.venues import BUILDING_WORDS

if TYPE_CHECKING:
    from sklearn.pipeline import Pipeline
    from spacy.language import Language

    from pugnlp.nlp.lexicon import Lexicon
    from pugnlp.schema import EventRecord

_TOKEN = re.compile(r"\w[\w.'’\-]*|[^\w\s]")
_HEAD_WORDS = frozenset(fold(h.split()[0]) for h in POSITION_HEADS + LOWERCASE_HEADS)
_STOP_PUNCT = frozenset({".", ":", ";", "\"", "“", "”", "?", "!", "-", "–", "—", "|"})
MAX_POSITION_TOKENS = 16
NAME_SIMILARITY = 0.85
"""Two spellings this alike name one person (the scorer's threshold for names)."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A person-like mention the rules did not make an official."""

    start: int
    end: int
    name: str
    position: str | None
    features: dict[str, float]


def _clean_name(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop honorifics in front, extend over a hyphenated or cut-off last name
    ("Yohanes Basik" + "-Basik"; "I Dewa Bagus Riana" + " Putra Astawa")."""
    while True:
        m = re.match(r"([A-Za-z]+\.?)\s+", text[start:end])
        if m and (is_honorific(m.group(1)) or m.group(1) == HAJI_BARE) \
                and fold(m.group(1)) not in KEEP_IN_NAME:
            start += m.end()
            continue
        break
    while True:  # "Eka Susanti SH": a title after the name is not part of it
        m = re.search(r"[\s,]+([A-Za-z.]+)$", text[start:end])
        if m is None or not is_title(m.group(1)) or m.start() == 0:
            break
        end = start + m.start()
    while True:
        m = re.match(r"-[A-Z][\w'’]*|\s[A-Z][a-z'’]+(?=[\s,])", text[end:end + 30])
        if m is None or is_title(m.group(0).strip()) or fold(m.group(0)) in _HEAD_WORDS:
            break
        end += m.end()
    return start, end


def _tokens(text: str, offset: int) -> list[tuple[str, int]]:
    """Words and marks with their offsets; a sentence's final dot is its own token
    ("Bulukumba." -> "Bulukumba", "."), a title's or an honorific's dot is not."""
    out: list[tuple[str, int]] = []
    for m in _TOKEN.finditer(text):
        word, at = m.group(0), m.start() + offset
        if (len(word) > 2 and word.endswith(".") and "." not in word[:-1] and not is_title(word)
                and not is_honorific(word) and fold(word) not in NOBLE_PREFIXES):
            out.extend([(word[:-1], at), (".", at + len(word) - 1)])
        else:
            out.append((word, at))
    return out


def _before_name(word: str) -> bool:
    return is_honorific(word) or fold(word) in NOBLE_PREFIXES or word == ","


def _verb_like(word: str) -> bool:
    """Indonesian verb morphology: me-, ber-, di-, ter- prefixed lowercase words
    ("menjelaskan", "berharap", "diikuti") end a clause, not a position."""
    return word.islower() and len(word) > 5 and word.startswith(VERB_PREFIXES)


def _position_before(text: str, start: int) -> str | None:
    """The phrase before a name read as a position ("Ketua tim dari KemenPPPA", "narasumber
    dari BPS Kabupaten Banyuasin"): from the last boundary word or stop mark to the name,
    honorifics and the comma before the name left out."""
    lo = max(text.rfind("\n", 0, start) + 1, start - 200)
    toks = _tokens(text[lo:start], lo)
    while toks and _before_name(toks[-1][0]):
        toks.pop()
    if toks and toks[-1][0].lower() in APPOSITIVES:  # "dua narasumber, yaitu <name>"
        toks.pop()
        while toks and toks[-1][0] == ",":
            toks.pop()
    kept: list[tuple[str, int]] = []
    for k in range(len(toks) - 1, -1, -1):
        word, _ = toks[k]
        low = word.lower()
        if word in _STOP_PUNCT or len(kept) >= MAX_POSITION_TOKENS:
            break
        if low in POSITION_BOUNDARY:
            # "Perempuan dan Perlindungan Anak": a joiner between capitalised words is inside
            # an agency's name
            before = toks[k - 1][0] if k else ""
            if not (low in ("dan", "serta") and before[:1].isupper() and kept
                    and kept[-1][0][:1].isupper()):
                break
        if word == ",":
            before = toks[k - 1][0] if k else ""
            after = kept[-1][0] if kept else ""
            if not (before[:1].isupper() and after[:1].isupper() and not is_title(before)
                    and fold(after) not in _HEAD_WORDS):
                break
        if is_title(word) and not kept:
            return None  # "..., S.Sos, <name>": the name follows another person, not a position
        kept.append((word, toks[k][1]))
    kept.reverse()
    while kept and kept[0][0].lower() in POSITION_FILLER:
        kept.pop(0)
    while kept and kept[0][0] == ",":
        kept.pop(0)
    if not kept:
        return None
    first, last = kept[0], kept[-1]
    return text[first[1]:last[1] + len(last[0])]


def official_candidates(record: EventRecord, persons: Iterable[tuple[int, int]],
                        lexicon: Lexicon, *, include_officials: bool = False) -> list[Candidate]:
    """One candidate per PER span (character offsets into ``record.text``) that is not an
    official already, with its features; ``include_officials`` keeps those too (training)."""
    from pugnlp.wilayah import load_gazetteer, norm_key

    gaz = load_gazetteer()
    text = record.text
    title = (record.title or "").strip()
    n = max(len(text), 1)
    known = [person_key(o.name) for o in record.officials]
    holders = [(o.evidence.end, o.position) for o in record.officials if o.position]
    out: list[Candidate] = []
    for span_start, span_end in persons:
        start, end = _clean_name(text, span_start, span_end)
        name = text[start:end].strip(" ,.")
        words = person_key(name)
        if not words or name.isupper() or not include_officials and any(
                same_person(words, k, min_shared=1, fuzzy=NAME_SIMILARITY) for k in known):
            continue
        p0, p1 = paragraph_span(text, start)
        if (text[p0:p1].strip() == title  # a headline's capitals say nothing about names
                or not named_again_in_body(name, start, text)
                or text[start - 1:start] == "-"  # "Pare-Pare"
                or norm_key(name) in gaz.by_district or bool(gaz.lookup(name))):
            continue
        position = _position_before(text, start)
        listed = False
        if position is None:
            position = _listed_after(text, start, holders)
            listed = position is not None
        left = [t.lower() for t in _TOKEN.findall(text[max(p0, start - 60):start])]
        right = [t.lower() for t in _TOKEN.findall(text[end:min(p1, end + 60)])]
        pos_words = position.split() if position else []
        f: dict[str, float] = {
            "bias": 1.0,
            f"words={min(len(words), 4)}": 1.0,
            "known_name_share": sum(w in lexicon.names for w in words) / len(words),
            "common_word_share": sum(w in lexicon.common for w in words) / len(words),
            "at": start / n,
            "short_line": float(p1 - p0 < 80),
            "honorific_before": float(bool(left) and is_honorific(left[-1])),
            "title_after": float(_title_after(text, end)),
            "position_words": math.log1p(len(pos_words)),
            "no_position": float(not pos_words),
            "position_has_head": float(any(fold(w) in _HEAD_WORDS for w in pos_words)),
            "position_has_capital": float(any(w[:1].isupper() for w in pos_words)),
            "peserta_near": float("peserta" in left[-10:]),
            "listed_after_official": float(listed),
            "mentions": math.log1p(text.count(name.split()[-1])),
        }
        if pos_words:
            f[f"position_first={fold(pos_words[0])}"] = 1.0
            f[f"position_last={fold(pos_words[-1])}"] = 1.0
            f["position_has_verb"] = float(any(_verb_like(w) for w in pos_words))
        for k, w in enumerate(reversed(left[-2:])):
            f[f"prev{k + 1}={w}"] = 1.0
        for k, w in enumerate(right[:2]):
            f[f"next{k + 1}={w}"] = 1.0
        out.append(Candidate(start, end, name, position, f))
        if position:
            holders.append((end, position))
    return out


def _listed_after(text: str, start: int, holders: list[tuple[int, str]]) -> str | None:
    """The position of the person listed just before ("narasumber Dinas PPPA, Ihwan Mulyawan
    ST MSi dan Titin Sumarni MPd": Titin shares Ihwan's position)."""
    for end, position in holders:
        if not 0 < start - end <= 40:
            continue
        between = _TOKEN.findall(text[end:start])
        if (between and between[-1].lower() in ("dan", "serta")
                and all(t == "," or is_title(t) for t in between[:-1])):
            return position
    return None


def plausible_position(position: str | None) -> bool:
    """A position names a role (a head word: "Ketua tim", "narasumber dari BPS") or a body (a
    capitalised word: "tokoh adat Fakfak"); it does not end in a verb ("Suharjono berharap")
    and is not where something happened ("Peluncuran dilakukan di Aula Kantor Bupati")."""
    if not position:
        return False
    words = position.split()
    at_venue = any(a.lower() == "di" and fold(b) in BUILDING_WORDS
                   for a, b in zip(words, words[1:]))
    return (any(fold(w) in _HEAD_WORDS or w[:1].isupper() for w in words)
            and not _verb_like(words[-1]) and not at_venue)


def _title_after(text: str, end: int) -> bool:
    m = re.match(r"\s*,\s*([A-Za-z][\w.]*)", text[end:end + 30])
    return m is not None and is_title(m.group(1))


def training_rows(candidates: Iterable[list[Candidate]], gold_officials: Iterable[list[str]]
                  ) -> tuple[list[dict[str, float]], list[bool]]:
    """Features and labels: a candidate is an official when its name matches an annotated one
    (:func:`pugnlp.keys.same_person`, fuzzy at 0.85 as the scorer)."""
    X: list[dict[str, float]] = []  # noqa: N806
    y: list[bool] = []
    for cands, gold in zip(candidates, gold_officials):
        wanted = [person_key(g) for g in gold]
        for cand in cands:
            X.append(cand.features)
            key = person_key(cand.name)
            y.append(any(same_person(key, g, fuzzy=NAME_SIMILARITY) for g in wanted))
    return X, y


class OfficialSelector:
    """Adds the officials the entity model finds and the selector trusts."""

    def __init__(self, model: Pipeline, threshold: float, lexicon: Lexicon) -> None:
        self.model = model
        self.threshold = threshold
        self.lexicon = lexicon

    def score_many(self, records: list[EventRecord], persons: list[list[tuple[int, int]]]
                   ) -> list[list[tuple[Candidate, float]]]:
        """Each record's candidates (:func:`official_candidates`) with P(official)."""
        cands = [official_candidates(r, p, self.lexicon) for r, p in zip(records, persons)]
        flat = [c.features for cs in cands for c in cs]
        probs = positive_probs(self.model, flat) if flat else []
        out, k = [], 0
        for cs in cands:
            out.append(list(zip(cs, probs[k:k + len(cs)])))
            k += len(cs)
        return out

    def add_many(self, records: list[EventRecord], persons: list[list[tuple[int, int]]],
                 scored: list[list[tuple[Candidate, float]]] | None = None
                 ) -> list[EventRecord]:
        """``persons[i]``: the PER spans the entity model found in ``records[i].text``;
        ``scored`` is :meth:`score_many` of them when already computed."""
        if scored is None:
            scored = self.score_many(records, persons)
        out = []
        for record, pairs in zip(records, scored):
            chosen = _best_per_person([c for c, _ in pairs], [p for _, p in pairs],
                                      self.threshold) if pairs else []
            out.append(_with_officials(record, chosen) if chosen else record)
        return out


def _best_per_person(cands: list[Candidate], probs: list[float], threshold: float
                     ) -> list[Candidate]:
    """Candidates at or above ``threshold`` with a position, one per person (a first name
    alone joins the full name it is part of), earliest mention first."""
    kept: list[tuple[Candidate, float]] = []
    for cand, p in sorted(zip(cands, probs), key=lambda cp: -len(cp[0].name.split())):
        if p < threshold or not plausible_position(cand.position):
            continue
        key = person_key(cand.name)
        if any(same_person(key, person_key(k.name), min_shared=1) for k, _ in kept):
            continue
        kept.append((cand, p))
    return sorted((c for c, _ in kept), key=lambda c: c.start)


def _with_officials(record: EventRecord, cands: list[Candidate]) -> EventRecord:
    from pugnlp.article.clean import sentence_span
    from pugnlp.events.record import MAX_SENTENCE_CHARS
    from pugnlp.schema import Evidence, Official

    added = []
    for cand in cands:
        s0, s1 = sentence_span(record.text, cand.start)
        added.append(Official(cand.name, cand.position, None,
                              Evidence(cand.start, cand.end,
                                       record.text[s0:s1].strip()[:MAX_SENTENCE_CHARS])))
    officials = sorted(record.officials + tuple(added), key=lambda o: o.evidence.start)
    return replace(record, officials=tuple(officials))


def reading_spans(text: str) -> list[tuple[int, int]]:
    """The paragraphs of ``text`` worth reading for officials: those with a position head, an
    honorific or a title (a byline or a list of places has none)."""
    spans = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if any(fold(w) in _HEAD_WORDS or is_honorific(w) or is_title(w.rstrip(","))
               for w in line.split()):
            spans.append((start, end))
        start = end + 1
    return spans


def find_persons(nlp: Language, texts: list[str]) -> list[list[tuple[int, int]]]:
    """PER spans (offsets into each text) the entity model finds in the paragraphs worth
    reading (:func:`reading_spans`)."""
    jobs = [(i, s, e) for i, text in enumerate(texts) for s, e in reading_spans(text)]
    found: list[list[tuple[int, int]]] = [[] for _ in texts]
    docs = nlp.pipe((texts[i][s:e] for i, s, e in jobs), batch_size=64)
    for (i, s, _), doc in zip(jobs, docs):
        found[i].extend((s + e.start_char, s + e.end_char) for e in doc.ents if e.label_ == "PER")
    return found
