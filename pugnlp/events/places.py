"""Region mentions and the place of the event (dateline, organising government, venue).

Mentions are found by dictionary look-ups of capitalised word n-grams in the gazetteer index
(no scan of the gazetteer per mention). The event's kab/kota is the best-supported one.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from pugnlp.article.clean import lead_end, sentence_span
from pugnlp.patterns.honorifics import fold
from pugnlp.patterns.places import (
    COMPARISON,
    DATELINE_MAX_CHARS,
    DATELINE_SPLIT,
    DATELINE_WEEKDAY,
    GENERIC_LEVEL_CUES,
    GOVERNMENT_PREFIX_WORDS,
    LEVEL_PREFIXES,
)
from pugnlp.wilayah import Gazetteer, Region

_CAP_RUN = re.compile(r"[A-Z][\w'’.\-]*(?:[ ]+(?:[A-Z][\w'’.\-]*|\d+))*")
_WORD = re.compile(r"[^\s]+")
_LEVEL_WORDS = {k: v for k, v in LEVEL_PREFIXES.items() if " " not in k}
_LEVEL_PAIRS = {k: v for k, v in LEVEL_PREFIXES.items() if " " in k}


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    regions: tuple[Region, ...]
    level_hint: str | None  # "kabupaten", "kota", "provinsi" from a prefix word
    prefix: str | None  # the prefix word as written (Pemko, Kabupaten, Provinsi...)


@dataclass(frozen=True, slots=True)
class PlaceResult:
    kab_kota: Region | None
    province: Region | None
    precision: str
    evidence: tuple[int, int] | None


def _words(text: str, base: int) -> list[tuple[str, int, int]]:
    return [(m.group(0).rstrip(".,"), base + m.start(), base + m.start() + len(m.group(0).rstrip(".,")))
            for m in _WORD.finditer(text)]


class PlaceFinder:
    """Finds region mentions in text and decides the event's place."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self.max_n = min(gazetteer.max_words, 5)

    def mentions(self, text: str, *, allow_lower: bool = False) -> list[PlaceMention]:
        """Region mentions in capitalised runs ("Kota Banjarbaru", "Pemkab Gumas", "KALSEL")."""
        runs = [(m.group(0), m.start()) for m in _CAP_RUN.finditer(text)]
        if allow_lower:
            runs = [(text, 0)]
        found: list[PlaceMention] = []
        for run, base in runs:
            found.extend(self._mentions_in_words(_words(run, base)))
        return found

    def _mentions_in_words(self, words: list[tuple[str, int, int]]) -> list[PlaceMention]:
        found: list[PlaceMention] = []
        i = 0
        while i < len(words):
            level, prefix_len = self._prefix_at(words, i)
            hit = self._longest_region(words, i + prefix_len, level)
            if hit is None and prefix_len:
                hit = self._longest_region(words, i, None)
                prefix_len, level = 0, None
            if hit is None:
                i += 1
                continue
            n, regions = hit
            start = words[i][1]
            end = words[i + prefix_len + n - 1][2]
            prefix = " ".join(w for w, _, _ in words[i:i + prefix_len]) or None
            found.append(PlaceMention(start, end, tuple(regions), level, prefix))
            i += prefix_len + n
        return found

    def _prefix_at(self, words: list[tuple[str, int, int]], i: int) -> tuple[str | None, int]:
        if i + 1 < len(words):
            pair = (fold(words[i][0]) + " " + fold(words[i + 1][0]))
            if pair in _LEVEL_PAIRS:
                return _LEVEL_PAIRS[pair], 2
        level = _LEVEL_WORDS.get(fold(words[i][0])) if i < len(words) else None
        return (level, 1) if level else (None, 0)

    def _longest_region(self, words: list[tuple[str, int, int]], i: int,
                        level: str | None) -> tuple[int, list[Region]] | None:
        longest = min(self.max_n, len(words) - i)
        if longest > 1 and not self.gaz.may_start_phrase(words[i][0]):
            longest = 1
        for n in range(longest, 0, -1):
            phrase = " ".join(w for w, _, _ in words[i:i + n])
            if n == 1 and len(phrase) < 3:
                continue
            regions = self.gaz.lookup(phrase)
            if level in ("kabupaten", "kota"):
                narrowed = [r for r in regions if r.level == level]
                regions = narrowed or [r for r in regions if not r.is_province]
            elif level == "provinsi":
                regions = [r for r in regions if r.is_province] or regions
            if regions:
                return n, regions
        return None

    def dateline(self, text: str) -> tuple[list[PlaceMention], list[tuple[Region, int, int]]]:
        """Region mentions and capital-town candidates in the dateline of the first paragraph."""
        para_start, para = _first_body_paragraph(text)
        if para is None:
            return [], []
        head = para[:DATELINE_MAX_CHARS]
        dash = max((m.start() for m in re.finditer(r"\s[-–—]+\s|[–—]", head)), default=-1)
        if dash == -1:
            lead = DATELINE_WEEKDAY.match(head)
            if not lead:
                return [], []
            dash = lead.end(1)
        prefix = head[:dash]
        mentions: list[PlaceMention] = []
        towns: list[tuple[Region, int, int]] = []
        pos = 0
        for segment in DATELINE_SPLIT.split(prefix):
            seg_start = prefix.find(segment, pos)
            pos = seg_start + len(segment)
            seg_words = _words(segment, para_start + seg_start)
            found = self._mentions_in_words(seg_words)
            mentions.extend(found)
            if not found and segment.strip():
                base = para_start + seg_start + (len(segment) - len(segment.lstrip()))
                span = (base, base + len(segment.strip()))
                towns.extend((region, *span) for region in self._town(segment))
        return mentions, towns

    def _town(self, segment: str) -> list[Region]:
        words = segment.split()
        for n in range(min(4, len(words)), 0, -1):
            for i in range(0, len(words) - n + 1):
                hits = self.gaz.lookup_town(" ".join(words[i:i + n]))
                if hits:
                    return hits
        return []

    def resolve(self, text: str, venues: list[tuple[int, int]], excluded: list[tuple[int, int]],
                mentions: list[PlaceMention] | None = None) -> PlaceResult:
        """Decide the event's kab/kota and province from all the evidence in the text."""
        scores: dict[str, float] = defaultdict(float)
        evidence: dict[str, tuple[float, tuple[int, int]]] = {}
        prov_scores: dict[str, float] = defaultdict(float)
        date_mentions, towns = self.dateline(text)
        found = self.mentions(text) if mentions is None else mentions
        body = [m for m in found if not _inside(m, excluded)]
        lead_stop = lead_end(text)
        kota_cues, kab_cues = _generic_cues(text)

        def credit(mention: PlaceMention, weight: float) -> None:
            region = self._pick(mention, prov_scores, kota_cues, kab_cues)
            if region is None:
                return
            target = prov_scores if region.is_province else scores
            target[region.code] += weight
            if not region.is_province:
                prov_scores[region.province_code] += weight / 3
            best = evidence.get(region.code)
            if best is None or weight > best[0]:
                evidence[region.code] = (weight, (mention.start, mention.end))

        for mention in date_mentions:
            for region in mention.regions:
                if region.is_province:
                    prov_scores[region.code] += 3
        for mention in body:
            for region in mention.regions:
                if region.is_province:
                    prov_scores[region.code] += 0.5
        for mention in date_mentions:
            credit(mention, 6)
        if towns and not any(not r.is_province for m in date_mentions for r in m.regions):
            town = self._pick_town([t[0] for t in towns], prov_scores)
            if town is not None:
                scores[town.code] += 5
                span = next((s, e) for r, s, e in towns if r == town)
                evidence[town.code] = (5, span)
        per_region: dict[str, int] = defaultdict(int)
        for mention in body:
            start, end = sentence_span(text, mention.start)
            sentence = text[start:end]
            if COMPARISON.search(sentence):
                continue
            in_venue = any(s <= mention.start < e for s, e in venues)
            weight = 2.0 if in_venue else (1.5 if mention.start < lead_stop else 1.0)
            if mention.prefix and fold(mention.prefix) in GOVERNMENT_PREFIX_WORDS:
                weight += 1.0
            key = mention.regions[0].code
            per_region[key] += 1
            if per_region[key] <= 4:
                credit(mention, weight)
        return self._decide(scores, prov_scores, evidence)

    def _decide(self, scores: dict[str, float], prov_scores: dict[str, float],
                evidence: dict[str, tuple[float, tuple[int, int]]]) -> PlaceResult:
        best_kk = max(scores, key=lambda c: (scores[c], c), default=None)
        if best_kk is not None and scores[best_kk] >= 1.5:
            region = self.gaz.get(best_kk)
            assert region is not None
            ev = evidence.get(best_kk, (0, None))[1]
            return PlaceResult(region, self.gaz.province_of(region), "kab_kota", ev)
        best_prov = max(prov_scores, key=lambda c: (prov_scores[c], c), default=None)
        if best_prov is not None and prov_scores[best_prov] >= 0.5:
            ev = evidence.get(best_prov, (0, None))[1]
            return PlaceResult(None, self.gaz.get(best_prov), "province", ev)
        return PlaceResult(None, None, "unresolved", None)

    def _pick(self, mention: PlaceMention, prov_scores: dict[str, float], kota_cues: int,
              kab_cues: int) -> Region | None:
        """Choose among the regions a mention may denote (Kota vs Kabupaten, same names)."""
        regions = list(mention.regions)
        if len(regions) == 1:
            return regions[0]
        kab_kota = [r for r in regions if not r.is_province]
        if mention.level_hint is None and kab_kota and len(kab_kota) < len(regions):
            # "Bengkulu", "Jambi", "Gorontalo": the province unless a city cue is present
            if kota_cues <= kab_cues:
                return next(r for r in regions if r.is_province)
            regions = kab_kota
        if len({r.province_code for r in regions}) > 1:
            regions.sort(key=lambda r: -prov_scores.get(r.province_code, 0))
            top = prov_scores.get(regions[0].province_code, 0)
            regions = [r for r in regions if prov_scores.get(r.province_code, 0) == top]
        if len(regions) > 1:
            prefer = "kabupaten" if kab_cues > kota_cues else "kota"
            regions.sort(key=lambda r: r.level != prefer)
        return regions[0]

    def _pick_town(self, towns: list[Region], prov_scores: dict[str, float]) -> Region | None:
        if len(towns) == 1:
            return towns[0]
        ranked = sorted(towns, key=lambda r: -prov_scores.get(r.province_code, 0))
        if prov_scores.get(ranked[0].province_code, 0) > prov_scores.get(ranked[1].province_code, 0):
            return ranked[0]
        return None


def _generic_cues(text: str) -> tuple[int, int]:
    kota = kab = 0
    for match in GENERIC_LEVEL_CUES.finditer(text):
        if match.group("kota"):
            kota += 1
        else:
            kab += 1
    return kota, kab


def _inside(mention: PlaceMention, spans: list[tuple[int, int]]) -> bool:
    return any(s <= mention.start < e for s, e in spans)


def _first_body_paragraph(text: str) -> tuple[int, str | None]:
    """The first paragraph of at least 12 words: the one that carries the dateline."""
    pos = 0
    for para in text.split("\n"):
        if len(para.split()) >= 12:
            return pos, para
        pos += len(para) + 1
    return 0, None
