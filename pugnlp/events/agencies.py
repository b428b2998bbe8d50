"""Agency mentions: known names, the women's-agency acronym grammar, spelled-out names with
their "(ACRONYM)", governments ("Pemko Banjarbaru"), each with the region that follows it.
Mentions of the same agency are merged into one entry that keeps every surface form."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pugnlp.events.places import PlaceFinder, PlaceMention
from pugnlp.keys import MINISTRY_KEY, NATIONAL_KEYS, agency_key
from pugnlp.patterns.agencies import (
    ACRONYM_CONTINUATION,
    ACRONYM_RE,
    AGENCY_HEADS,
    BRANCH,
    GOVERNMENT_PREFIXES,
    GOVERNMENT_RE,
    HEAD_RE,
    KNOWN_AGENCIES,
    KNOWN_RE,
    MINISTRY_EXPANSION,
    MINISTRY_FORMS,
    MINISTRY_NAME,
    NAMED_HEADS,
    NOT_AGENCIES,
    NOT_SPELLED,
    PAREN_ACRONYM,
    SPELLED_WORD,
    UNIT_HEADS,
    UNIT_WORDS,
    decode_acronym,
)
from pugnlp.patterns.agencies import _parse_units as parse_units
from pugnlp.patterns.honorifics import fold, is_honorific
from pugnlp.patterns.places import LEVEL_PREFIXES
from pugnlp.patterns.positions import POSITION_WORDS

_MAX_SPELLED_WORDS = 12


@dataclass(slots=True)
class AgencyMention:
    start: int
    end: int
    key: str
    region_code: str | None
    acronym: str | None
    expansion: str | None


@dataclass(slots=True)
class AgencyEntry:
    key: str
    region_code: str | None
    mentions: list[AgencyMention] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Call:
    """What one :meth:`AgencyFinder.find` call knows of its text: region mentions by start
    offset and where officials' names begin. Passed along, never kept on the finder, so one
    finder serves concurrent calls."""

    at: dict[int, PlaceMention]
    person_starts: frozenset[int]


class AgencyFinder:
    """Finds and merges agency mentions in a cleaned text."""

    def __init__(self, places: PlaceFinder, person_words: frozenset[str] = frozenset()) -> None:
        """``person_words``: lowercase words seen only as parts of names (the lexicon's names
        that are never common words); a spelled-out name stops at them."""
        self.places = places
        self.person_words = person_words

    def find(self, text: str, regions: list[PlaceMention] | None = None,
             person_starts: frozenset[int] = frozenset()) -> list[AgencyMention]:
        """Agency mentions; ``regions`` are the text's region mentions when already found,
        ``person_starts`` where the names of the officials found begin (no agency runs on
        into a person: "Inspektorat Enseny Stevy Mosso")."""
        mentions = self.places.mentions(text) if regions is None else regions
        call = _Call({m.start: m for m in mentions}, person_starts)
        found: list[AgencyMention] = []
        taken: list[tuple[int, int]] = []
        for mention in self._spelled(text, call) + self._governments(text, call):
            found.append(mention)
            taken.append((mention.start, mention.end))
        for mention in self._known(text, call) + self._acronyms(text, call):
            if not any(s <= mention.start < e for s, e in taken):
                found.append(mention)
                taken.append((mention.start, mention.end))
        found.sort(key=lambda m: m.start)
        units = {m.key for m, after in zip(found, [*found[1:], None]) if _unit_of(text, m, after)}
        return [m for m in found if m.key not in units]

    # -- kinds of mention ------------------------------------------------------------------
    def _known(self, text: str, call: _Call) -> list[AgencyMention]:
        out = []
        for m in KNOWN_RE.finditer(text):
            surface = m.group(0)
            if surface in MINISTRY_FORMS:
                key, expansion, acronym = MINISTRY_KEY, MINISTRY_EXPANSION, "KemenPPPA"
            else:
                expansion = KNOWN_AGENCIES[surface]
                acronym = surface if surface != expansion else None
                key = _key(acronym, surface)
            out.append(self._with_region(text, m.start(), m.end(), key, acronym, expansion, call))
        return out

    def _acronyms(self, text: str, call: _Call) -> list[AgencyMention]:
        out = []
        for m in ACRONYM_RE.finditer(text):
            acronym = m.group("acr")
            if acronym in NOT_AGENCIES:
                continue
            expansion = decode_acronym(acronym)
            full = acronym
            if expansion is None and m.group("dinas"):
                units = parse_units(acronym)
                if units:
                    full = "D" + acronym  # "Dinas PPPA" is the DPPPA
                    expansion = decode_acronym(full)
            if expansion is None:
                continue
            start = m.start("dinas") if m.group("dinas") else m.start("acr")
            out.append(self._with_region(text, start, m.end("acr"), _key(full, None), acronym,
                                         expansion, call))
        return out

    def _governments(self, text: str, call: _Call) -> list[AgencyMention]:
        out = []
        for m in GOVERNMENT_RE.finditer(text):
            level = GOVERNMENT_PREFIXES[re.sub(r"\s+", " ", m.group("gov"))]
            hit = call.at.get(m.start()) or call.at.get(m.start("rest")) or next(
                (h for h in call.at.values() if m.start() < h.start < m.start("rest")), None)
            if hit is None or hit.end <= m.start("rest"):
                continue
            region = _choose_level(hit.regions, level)
            if region is None:
                continue
            end = hit.end
            name = (f"Pemerintah {_LEVEL_NAME[region.level]} {region.bare_name}"
                    if not region.is_province else f"Pemerintah Provinsi {region.name}")
            out.append(AgencyMention(m.start(), end, _key(None, name), region.code, None, name))
        return out

    def _spelled(self, text: str, call: _Call) -> list[AgencyMention]:
        """ "Dinas Pemberdayaan Perempuan, ..., dan Keluarga Berencana (DP3APMP2KB) Kota X"."""
        out: list[AgencyMention] = []
        covered_to = -1
        for m in HEAD_RE.finditer(text):
            if m.start() < covered_to:
                continue
            end = m.end("head")
            n_words = 0
            while n_words < _MAX_SPELLED_WORDS:
                w = SPELLED_WORD.match(text, end)
                if not w or self._ends_name(text, w, m.group("head"), call):
                    break
                end = w.end()
                n_words += 1
            name = text[m.start():end]
            if n_words == 0 or NOT_SPELLED.match(name) or _only_heads(name):
                continue
            acronym = None
            key = _key(None, name)
            paren = PAREN_ACRONYM.match(text, end)
            if paren:
                acronym = paren.group("acr")
                # a short form of words ("Dinsos PPR dan PA") is keyed as a name is
                key = (_key(None, acronym) if " " in acronym
                       else _key(_with_institution(acronym, m.group("head")), name))
                end = paren.end()
                more = ACRONYM_CONTINUATION.match(text, end)
                if more:
                    end = more.end()
            mention = self._with_region(text, m.start(), end, key, acronym, name, call)
            out.append(mention)
            covered_to = mention.end
        return out

    def _ends_name(self, text: str, word: re.Match[str], head: str, call: _Call) -> bool:
        """A spelled-out name stops before a region, an acronym, a title or another agency;
        after a comma it goes on only with words that continue an agency name."""
        w = word.group("w")
        if w.isupper() and len(w) > 1 and w not in UNIT_WORDS or is_honorific(w):
            return True
        separated = word.group("sep").strip() != ""
        known = KNOWN_RE.match(text, word.start("w"))
        if known and known.group(0) in MINISTRY_FORMS:
            return True  # "Deputi Bidang Kesetaraan Gender | Kementerian PPPA"
        if fold(w) in _LEVEL_WORDS and not NAMED_HEADS.match(head):
            return True
        if separated and (HEAD_RE.match(text, word.start("w"))
                          or fold(w) not in POSITION_WORDS and w not in UNIT_WORDS):
            return True
        if NAMED_HEADS.match(head):
            return False
        # "Kepala Inspektorat Budi Santoso": the person after the agency is not part of it
        return (word.start("w") in call.at or w.lower() in self.person_words
                or word.start("w") in call.person_starts)

    def _with_region(self, text: str, start: int, end: int, key: str, acronym: str | None,
                     expansion: str | None, call: _Call) -> AgencyMention:
        """Extend a mention over the region right after it ("DKP3A Kaltim", "Bappeda Kota X")."""
        follow = text[end:end + 60]
        region_code = None
        # "(Dinsos PPR dan PA)Kabupaten Sijunjung": no space needed after a bracket
        lead = re.match(r"\s*" if text[end - 1:end] == ")" else r"\s+", follow)
        if lead:
            hit = call.at.get(end + lead.end())
            if hit is not None:
                region = _choose_level(hit.regions, hit.level_hint)
                if region is not None:
                    region_code = region.code
                    end = hit.end
        branch = BRANCH.match(text, end)
        if branch:
            hits = self.places.mentions(branch.group("rest"), allow_lower=True)
            if hits:
                end = branch.start("rest") + hits[0].end
        return AgencyMention(start, end, key, region_code, acronym, expansion)


_LEVEL_WORDS = frozenset(k for k in LEVEL_PREFIXES if " " not in k)
_LEVEL_NAME = {"kabupaten": "Kabupaten", "kota": "Kota", "provinsi": "Provinsi"}


def _choose_level(regions: tuple, level: str | None):  # type: ignore[no-untyped-def]
    if not regions:
        return None
    if level:
        for region in regions:
            if region.level == level:
                return region
    return regions[0]


def _key(acronym: str | None, name: str | None) -> str:
    """The mention's :func:`pugnlp.keys.agency_key`: mentions of one agency in one region are
    one entry, however they are written (DP3A, DPPPA, the name spelled out)."""
    if name and MINISTRY_NAME.search(name):
        return MINISTRY_KEY  # "Kementerian Pemberdayaan Perempuan ... Republik Indonesia"
    return agency_key(acronym=acronym, name=name) or (name or acronym or "").upper()


def _with_institution(acronym: str, head: str) -> str:
    """"Dinas Pemberdayaan ... (PPPA) Sulut": the bracket leaves out the institution letter
    that "Dinas PPPA" and "DP3A" have; the key puts it back, as for "Dinas PPPA"."""
    if head in ("Dinas", "Badan") and decode_acronym(acronym) is None \
            and decode_acronym(head[0] + acronym) is not None:
        return head[0] + acronym
    return acronym


def _unit_of(text: str, mention: AgencyMention, after: AgencyMention | None) -> bool:
    """A ministry's unit written right before it ("Deputi Bidang Kesetaraan Gender Kemen
    PPPA"): the ministry is the agency, and the unit, wherever it is named, is not one of its
    own. A regional unit stays an agency ("Biro Hukum Setda Kaltim")."""
    return (after is not None and after.key in NATIONAL_KEYS
            and text[mention.end:after.start].strip() == ""
            and text[mention.start:mention.end].split(" ", 1)[0] in UNIT_HEADS)


def _only_heads(name: str) -> bool:
    """"Kantor Dinas" (before "P3APPKB Prov. Kalteng"): heads only, the building of a body
    named next, not a body."""
    return all(word in _HEAD_WORDS for word in name.split())


_HEAD_WORDS = frozenset(w for head in AGENCY_HEADS for w in head.split())


def merge_mentions(mentions: list[AgencyMention]) -> list[AgencyEntry]:
    """One entry per agency: same key and region. Region-less mentions join the regional entry
    of their key when there is one, or else the one written with the same acronym (DPPPAPPKB
    next to "DPPPAPPKB Bulungan" and "DP3AP2KB Provinsi Kalimantan Utara"), or else the one
    first named with its region ("(DP3APPKB)", then "DP3APPKB Kabupaten Kapuas", then
    "DP3APPKB Provinsi Kalimantan Tengah": the Kapuas one)."""
    entries: dict[tuple[str, str | None], AgencyEntry] = {}
    for mention in mentions:
        key = (mention.key, mention.region_code)
        entries.setdefault(key, AgencyEntry(mention.key, mention.region_code)).mentions.append(mention)
    for (key, region), entry in list(entries.items()):
        if region is not None:
            continue
        regional = [e for (k, r), e in entries.items() if k == key and r is not None]
        if len(regional) > 1:
            written = {m.acronym for m in entry.mentions if m.acronym}
            regional = [e for e in regional
                        if written & {m.acronym for m in e.mentions}] or regional
        if len(regional) > 1:  # the body first named with its region is the article's own
            regional = [min(regional, key=lambda e: e.mentions[0].start)]
        if len(regional) == 1:
            regional[0].mentions.extend(entry.mentions)
            regional[0].mentions.sort(key=lambda m: m.start)
            del entries[(key, region)]
    return sorted(entries.values(), key=lambda e: e.mentions[0].start)
