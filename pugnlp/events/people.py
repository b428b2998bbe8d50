"""Officials: a person's name and position, decoded from the shape of the phrase.

Patterns handled (per sentence, over spaCy tokens):
  <position> <name>          "Kepala DP2KBPMP2A Kota Banjarbaru Sri Lailana"
  <position>, <name>         "Kepala DP3APMP2KB Kota Banjarbaru, Erma Epiyana Hartati"
  <name> <position>          "Bapak Zul Abdiman S.Kom M.M Kepala Bapperida Kota Tanjungbalai"
  <name>, <position>         "Erma, Kepala Dinas ..." / "<name> selaku <position>"
  <agency> <hon> <name>      "Inspektorat Provinsi Sumatera Utara Ibu Novi Siregar"
  <hon> <name> dari <agency> "Ibu Novi Siregar dari Inspektorat Provinsi Sumatera Utara"
A capitalised run is cut into position and name by asking, token by token, whether a word is
part of a position (position words, agencies, regions) or of a name (name lexicon, shape).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc

from pugnlp.article.clean import lead_start
from pugnlp.nlp.lexicon import Lexicon
from pugnlp.patterns.agencies import (
    BODIES_NAMED_AFTER,
    KNOWN_AGENCIES,
    MINISTRY_FORMS,
    NOT_AGENCIES,
    ORG_WORDS,
    decode_acronym,
)
from pugnlp.patterns.honorifics import (
    ACADEMIC_TITLES,
    HAJI,
    HAJI_BARE,
    KEEP_IN_NAME,
    fold,
    is_honorific,
    is_title,
)
from pugnlp.patterns.names import (
    CALENDAR_WORDS,
    CHUNK_BREAK_WORDS,
    NAME_INITIAL,
    NAME_PARTICLES,
    NAME_PARTICLES_LOWER,
    NOT_NAME_CAPS,
)
from pugnlp.patterns.places import PLACE_INTRODUCERS
from pugnlp.patterns.positions import (
    APPOSITION_GAPS,
    JOINERS,
    LOWERCASE_HEADS,
    PLACE_HEADS,
    POSITION_HEADS,
    POSITION_MODIFIERS,
    POSITION_WORDS,
)
from pugnlp.wilayah import Gazetteer

_HEADS = sorted({tuple(h.replace(".", ". ").split()) for h in POSITION_HEADS}, key=len, reverse=True)
_HEAD_FIRST = {h[0] for h in _HEADS}
_LOWER_HEADS = sorted({tuple(h.split()) for h in LOWERCASE_HEADS}, key=len, reverse=True)
_KNOWN_ORG_WORDS = {k for k in KNOWN_AGENCIES if " " not in k} | {
    m for m in MINISTRY_FORMS if " " not in m}
MAX_NAME_TOKENS = 5


class Tok:
    """A light copy of a spaCy token: attribute access on spaCy tokens is slow in hot loops."""

    __slots__ = ("text", "lower_", "idx", "i", "next", "prev")

    def __init__(self, text: str, idx: int, i: int) -> None:
        self.text = text
        self.lower_ = text.lower()
        self.idx = idx
        self.i = i
        self.next: Tok | None = None
        self.prev: Tok | None = None


@dataclass(frozen=True, slots=True)
class PersonMention:
    name: str
    name_start: int
    name_end: int
    position: str | None
    position_start: int | None
    position_end: int | None


class PeopleFinder:
    """Finds officials in a Doc. Built once with the gazetteer and name lexicon."""

    def __init__(self, gazetteer: Gazetteer, lexicon: Lexicon,
                 domain_words: frozenset[str] = frozenset()) -> None:
        self.gaz = gazetteer
        self.lex = lexicon
        head_words = {fold(w) for h in POSITION_HEADS + LOWERCASE_HEADS for w in h.split()}
        self.domain = domain_words | POSITION_WORDS | (head_words - {""})
        # month words that are also given names ("Agus", "Juni") may be names
        name_like_dates = CALENDAR_WORDS & lexicon.names
        self.stop_caps = frozenset(NOT_NAME_CAPS - name_like_dates)
        self.chunk_break = frozenset(CHUNK_BREAK_WORDS - name_like_dates)

    # -- token classes ---------------------------------------------------------------------
    def is_org(self, tok: Tok) -> bool:
        text = tok.text
        if text in _KNOWN_ORG_WORDS:
            return True
        if text.isalnum() and text.isupper() and len(text) >= 2 and text not in NOT_AGENCIES:
            return True
        return decode_acronym(text) is not None

    def is_region_at(self, toks: list[Tok], i: int) -> int:
        """Length of a region name starting at toks[i] (0 if none)."""
        for n in range(min(4, len(toks) - i), 0, -1):
            phrase = " ".join(t.text for t in toks[i:i + n])
            if not toks[i].text[:1].isupper():
                return 0
            if self.gaz.lookup(phrase):
                if n == 1 and fold(phrase) in self.lex.names and not _region_context(toks, i):
                    continue
                return n
        return 0

    def _province_at(self, toks: list[Tok], i: int) -> bool:
        """A province named after a comma ("... Kabupaten Tanah Laut, Kalimantan Selatan
        <name>"): the position's region goes on."""
        n = self.is_region_at(toks, i)
        return bool(n) and any(r.is_province for r in self.gaz.lookup(
            " ".join(t.text for t in toks[i:i + n])))

    def _district_len(self, toks: list[Tok], i: int, stop: int) -> int:
        """Words (up to 3) of the longest kecamatan/kelurahan name at toks[i]."""
        from pugnlp.wilayah import norm_key

        for n in range(min(3, stop - i), 0, -1):
            if norm_key(" ".join(t.text for t in toks[i:i + n])) in self.gaz.by_district:
                return n
        return 0

    def _place_word(self, tok: Tok) -> bool:
        """A kecamatan, kelurahan or town name ("Ruang Rapat Bappeda Muaro Jambi, Sengeti,")."""
        from pugnlp.wilayah import norm_key

        return norm_key(tok.text) in self.gaz.by_district or bool(self.gaz.lookup_town(tok.text))

    def _district(self, tok: Tok) -> bool:
        """A kecamatan/kelurahan name of the gazetteer that is not also a common given name."""
        from pugnlp.wilayah import norm_key

        return norm_key(tok.text) in self.gaz.by_district and tok.lower_ not in self.lex.names

    def name_like(self, tok: Tok) -> bool:
        text = tok.text
        if text in NAME_PARTICLES or fold(text) in KEEP_IN_NAME and text[:1].isupper():
            # "Lalu Muhammad", not "Lalu Kepala Dinas ..." (then the head's words follow)
            nxt = tok.next
            return _particle_ok(tok) and nxt is not None and fold(nxt.text) not in self.domain
        if is_honorific(text):
            return False
        if _is_initial(text):
            return True  # "Josefintje B. Wandosa", "Moh. Imran"
        if fold(text) in NAME_PARTICLES_LOWER:  # "br", also written "Br" or "Br."
            return _between_names(tok)
        if not text[:1].isupper() or is_title(text):
            return _is_initial(text)
        if not re.fullmatch(r"[A-Z][A-Za-z'’\-]*\.?", text):
            return False
        low = fold(text)
        if low in self.stop_caps or low in self.domain or self.is_org(tok):
            return False
        if text.isupper() and len(text) > 1:
            return False
        prev = tok.prev
        if prev is not None and (prev.text in NAME_PARTICLES or fold(prev.text) in KEEP_IN_NAME):
            return True  # "Dg. Tayang", "La Ode": after a name particle, any word is a name
        return self.lex.is_name_word(text)

    # -- chunking --------------------------------------------------------------------------
    def find(self, doc: Doc, sentences: list[tuple[int, int]] | None = None,
             text: str | None = None) -> list[PersonMention]:
        """Officials mentioned in ``doc``; ``sentences`` (token start, end) and ``text`` (the
        doc's text) may be passed when known, which saves rebuilding them."""
        from spacy.attrs import IDX, LENGTH

        found: list[PersonMention] = []
        text = doc.text if text is None else text
        offsets = doc.to_array([IDX, LENGTH]).tolist()
        all_toks = [Tok(text[i:i + n], i, k) for k, (i, n) in enumerate(offsets)]
        for a, b in zip(all_toks, all_toks[1:]):
            a.next = b
            b.prev = a
        bounds = sentences if sentences is not None else [(s.start, s.end) for s in doc.sents]
        for start, end in bounds:
            toks = all_toks[start:end]
            if _mostly_upper(toks):
                continue
            found.extend(self._in_sentence(toks, text))
        return found

    def _in_sentence(self, toks: list[Tok], text: str) -> list[PersonMention]:
        """Officials of one sentence; ``text`` is the doc's text (the tokens' offsets index it).

        Nothing of a call is kept on the finder, so one finder serves concurrent calls."""
        chunks = self._chunks(toks)
        found: list[PersonMention] = []
        for k, (start, end) in enumerate(chunks):
            nxt = chunks[k + 1] if k + 1 < len(chunks) else None
            mention = self._parse_chunk(toks, start, end, nxt, text)
            if mention is not None:
                found.append(mention)
        return found

    def _chunks(self, toks: list[Tok]) -> list[tuple[int, int]]:
        """Maximal runs of capitalised words, acronyms, titles and position words."""
        chunks: list[tuple[int, int]] = []
        i = 0
        while i < len(toks):
            if not self._chunk_start(toks, i):
                i += 1
                continue
            positional = bool(_head_at(toks, i, len(toks)))
            j = i + 1
            while j < len(toks) and self._chunk_continues(toks, j, positional):
                j += 1
            chunks.append((i, j))
            i = j
        return chunks

    def _chunk_start(self, toks: list[Tok], i: int) -> bool:
        text = toks[i].text
        if not text[:1].isupper():
            # lowercase: only a lowercase head ("pejabat Bappeda ...") or "dr." opens a run
            return (text in _LOWER_BY_FIRST and bool(_lower_head_len(toks, i))) or \
                is_honorific(text)
        if fold(text) in self.chunk_break or self._opener(toks, i):
            return False
        return not (toks[i].lower_ == "ibu" and i + 1 < len(toks) and toks[i + 1].lower_ == "kota")

    def _chunk_continues(self, toks: list[Tok], j: int, positional: bool) -> bool:
        text = toks[j].text
        nxt = toks[j + 1] if j + 1 < len(toks) else None
        if text[:1].isupper() or is_title(text) or _is_initial(text) or is_honorific(text):
            return fold(text) not in self.chunk_break
        if text in ("(", ")") and _paren_acronym(toks, j):
            return True
        low = text.lower()
        if nxt is None:
            return False
        if text == ",":
            return is_title(nxt.text) or (positional and (self._continues_agency(toks, j + 1)
                                                          or self._province_at(toks, j + 1)))
        if low in JOINERS:
            return (nxt.text.isupper() and len(nxt.text) > 1) or self._continues_agency(toks, j + 1)
        if low in NAME_PARTICLES_LOWER:
            return _between_names(toks[j])
        if positional and (low in POSITION_WORDS or low == "dari") and nxt.text[:1].isupper():
            return True
        if positional and low in POSITION_WORDS and nxt.text == ",":
            return True  # "Ketua panitia, Femy Tefa, ..."
        return low == "dalam" and nxt.text[:1].isupper()

    def _opener(self, toks: list[Tok], i: int) -> bool:
        """A capitalised ordinary word ("Menurut", "Dalam") that only opens a sentence."""
        tok = toks[i]
        low = tok.lower_
        return (low in self.lex.common and low not in self.lex.names and low not in self.domain
                and not is_honorific(tok.text) and not _head_at(toks, i, len(toks))
                and not (tok.text in NAME_PARTICLES and self.name_like(tok)))

    def _continues_agency(self, toks: list[Tok], j: int) -> bool:
        """A capitalised agency-name word that is neither a new position nor a name."""
        tok = toks[j]
        return (tok.text[:1].isupper() and fold(tok.text) in self.domain
                and not _head_at(toks, j, len(toks)) and not self.name_like(tok))

    # -- chunk parsing ---------------------------------------------------------------------
    def _parse_chunk(self, toks: list[Tok], start: int, end: int,
                     nxt: tuple[int, int] | None, text: str) -> PersonMention | None:
        lead = start
        while lead < end - 1 and is_honorific(toks[lead].text):
            lead += 1
        if _head_at(toks, lead, end):
            return self._position_first(toks, lead, end, nxt, text)
        for h in range(start + 1, end):
            if _head_at(toks, h, end) and self._name_span(toks, start, h) is not None:
                name = self._name_span(toks, start, h)
                assert name is not None
                pos_end = self._position_end(toks, h, end)
                return self._mention(toks, name, (h, pos_end), text)
        return self._agency_or_apposition(toks, start, end, nxt, text)

    def _position_first(self, toks: list[Tok], start: int, end: int,
                        nxt: tuple[int, int] | None, text: str) -> PersonMention | None:
        name = self._trailing_name(toks, start, end)
        if name is not None and _names_a_body(toks, start, name[0]):
            name = None  # "Dosen Universitas Mulawarman": the body's name, not a person's
        apposed = self._apposed_name(toks, end, nxt)
        if name is not None and apposed is not None and not is_honorific(toks[name[0] - 1].text):
            # "Camat Kandis, Budi Santoso, ...", "Universitas Jabal Ghafur, Dr. Mukhlis Amin":
            # the capitalised words before the comma name the place or body of the position
            return self._mention(toks, apposed, (start, end), text)
        if name is not None:
            pos_end = name[0]
            while pos_end > start and (is_honorific(toks[pos_end - 1].text) or
                                       toks[pos_end - 1].text == ","):
                pos_end -= 1
            if pos_end > start:
                return self._mention(toks, name, (start, pos_end), text)
        if nxt is not None and nxt[0] == end + 1 and toks[end].text == ",":
            name = self._name_span(toks, nxt[0], nxt[1])
            if name is not None:
                return self._mention(toks, name, (start, end), text)
        return None

    def _apposed_name(self, toks: list[Tok], end: int,
                      nxt: tuple[int, int] | None) -> tuple[int, int] | None:
        """The name of a "<position>, <name>[, titles]" apposition, not one of a list."""
        if nxt is None or nxt[0] != end + 1 or toks[end].text != ",":
            return None
        if nxt[1] < len(toks) and toks[nxt[1]].lower_ in JOINERS:
            return None
        span = self._name_span(toks, nxt[0], nxt[1])
        if span is None and nxt[1] - nxt[0] == 1 and nxt[1] < len(toks) \
                and toks[nxt[1]].text == "," and self._loose_name_like(toks[nxt[0]]):
            # "Kepala Bappeda dan Litbang Kaltara, Bertius, yang ...": one word between the
            # commas of an apposition is the name, known to the lexicon or not
            return nxt
        return span

    def _agency_or_apposition(self, toks: list[Tok], start: int, end: int,
                              nxt: tuple[int, int] | None, text: str) -> PersonMention | None:
        hon = [i for i in range(start, end) if is_honorific(toks[i].text)]
        if hon and hon[0] > start and self._org_phrase(toks, start, hon[0]):
            name = self._name_span(toks, hon[0], end)
            if name is not None:
                return self._mention(toks, name, (start, hon[0]), text)
        name = self._name_span(toks, start, end)
        if name is None and nxt is not None and toks[end].text == "," and nxt[0] == end + 1:
            # "<Agency phrase>, <Name>, <titles>": the titles or honorific mark a person
            name = self._name_span(toks, nxt[0], nxt[1])
            marked = name is not None and (nxt[1] > name[1] or name[0] > nxt[0])
            # "Dinas ... Kabupaten Bangka, Nurita, ia mengatakan": one known name word
            # between commas after the body, its head ("Kepala") left out
            lone = (name is not None and nxt[1] - nxt[0] == 1 and nxt[1] < len(toks)
                    and toks[nxt[1]].text == "," and self._ends_in_region(toks, start, end)
                    and not self._place_word(toks[nxt[0]]))
            if (marked or lone) and self._org_phrase(toks, start, end):
                return self._mention(toks, name, (start, end), text)
            return None
        if name is None or nxt is None:
            return None
        gap = tuple(t.lower_ for t in toks[end:nxt[0]])
        if not gap and _lower_head_len(toks, nxt[0]) and self._trailing_name(
                toks, nxt[0], nxt[1]) is None and (hon or name[1] - name[0] > 1
                                                    or self.lex.is_name_word(toks[name[0]].text)):
            # "Mujirin lurah Karangsari menyampaikan": the position after the name, lowercase
            return self._mention(toks, name, (nxt[0], nxt[1]), text)
        if gap in APPOSITION_GAPS:
            if gap == ("dari",) and not self._org_phrase(toks, nxt[0], nxt[1]):
                return None
            if gap != ("dari",) and not _head_at(toks, nxt[0], nxt[1]):
                return None
            if gap != ("dari",) and self._trailing_name(toks, nxt[0], nxt[1]) is not None:
                return None  # "<name>, <position> <other name>": that position is the other's
            if gap != ("dari",) and not hon and name[1] - name[0] < 2:
                return None  # "Bapedda sebagai Ketua Pokja": one unknown word is not a person
            pos_end = self._position_end(toks, nxt[0], nxt[1])
            return self._mention(toks, name, (nxt[0], pos_end), text)
        return None

    def _org_phrase(self, toks: list[Tok], start: int, end: int) -> bool:
        return any(self.is_org(toks[i]) or fold(toks[i].text) in ORG_WORDS
                   for i in range(start, end))

    def _position_end(self, toks: list[Tok], start: int, end: int) -> int:
        """A position after a name runs to the chunk end, unless another name follows."""
        tail = self._trailing_name(toks, start, end)
        return tail[0] if tail is not None and tail[0] > start + 1 else end

    def _trailing_name(self, toks: list[Tok], start: int, end: int) -> tuple[int, int] | None:
        """The run of name-like tokens that closes a chunk (after dropping trailing titles)."""
        stop = end
        while stop > start:
            if is_title(toks[stop - 1].text) or toks[stop - 1].text == ",":
                stop -= 1
            elif stop - 2 > start and _split_title(toks[stop - 2].text, toks[stop - 1].text):
                stop -= 2
            else:
                break
        i = stop
        while i > start and self.name_like(toks[i - 1]) and stop - i < MAX_NAME_TOKENS:
            i -= 1
        if i == stop:
            return None
        # a region name that ends the position is not a person ("Kepala Dinas Kota Palu")
        while i < stop and self.is_region_at(toks, i):
            i += self.is_region_at(toks, i)
        if i >= stop or _is_initial(toks[i].text) and stop - i == 1:
            return None
        heads = [h for h in range(start, stop) if fold(toks[h].text) in PLACE_HEADS]
        if heads and heads[-1] < i <= heads[-1] + 1 + self._district_len(toks, heads[-1] + 1, stop):
            # "Camat Batu Aji", "Lurah Talise Sri Wahyuni": a camat or lurah is named after
            # the place; the known kecamatan/kelurahan name is not the person's
            i = heads[-1] + 1 + self._district_len(toks, heads[-1] + 1, stop)
            return (i, stop) if i < stop else None
        if stop - i >= 3 and self._district(toks[i]):
            i += 1  # "Kepala Talise Sri Wahyuni": a known kelurahan/kecamatan name, then the name
        if i > start and fold(toks[i - 1].text) in PLACE_INTRODUCERS:
            # "Kepala Distrik Pariwari Moh. Imran Rengen": the first word names the place
            i += 1
            if stop - i < 2:
                return None
        if self._ends_in_region(toks, i, stop) and fold(toks[i].text) not in self.lex.names:
            return None  # "Kepala Bapedda Merauke", "Koordinator Puspaga Jateng": a body
        if i - 1 > start and stop - i < MAX_NAME_TOKENS and self._given_name_after_region(
                toks, start, i - 1):
            i -= 1  # "Bupati Bantaeng Ilham Azikin": a given name that is also a common word
        return i, stop

    def _given_name_after_region(self, toks: list[Tok], start: int, k: int) -> bool:
        """toks[k] is a capitalised word between a position that ends in a region and a name:
        not a domain, region, calendar or organisation word, so the name's first word."""
        tok = toks[k]
        if not re.fullmatch(r"[A-Z][a-z'’\-]+", tok.text):
            return False
        low = fold(tok.text)
        if low in self.domain or low in self.stop_caps or self.is_org(tok) \
                or self.is_region_at(toks, k) or is_honorific(tok.text):
            return False
        return any(j + self.is_region_at(toks, j) == k for j in range(max(start, k - 4), k))

    def _ends_in_region(self, toks: list[Tok], i: int, stop: int) -> bool:
        """Words after the first of toks[i:stop] name a region and end the span."""
        span = toks[i:stop]
        return any(k + self.is_region_at(span, k) == len(span)
                   for k in range(1, len(span)) if self.is_region_at(span, k))

    def _name_span(self, toks: list[Tok], start: int, end: int) -> tuple[int, int] | None:
        """Honorifics, then name words, then titles: the whole of [start, end).

        A span marked as a person (an honorific before, a title after) may hold capitalised
        words that are also common words ("Hj. Nurmala Sari, S.Sos", "Drs. Raja Zulfikar"),
        as long as one of its words is a name word.
        """
        span = self._name_span_by(toks, start, end, self.name_like)
        if span is None and self._marked(toks, start, end):
            span = self._name_span_by(toks, start, end, self._loose_name_like)
            if span is not None and not any(self.lex.is_name_word(t.text)
                                            for t in toks[span[0]:span[1]]):
                return None
        return span

    @staticmethod
    def _marked(toks: list[Tok], start: int, end: int) -> bool:
        return (is_honorific(toks[start].text) and fold(toks[start].text) not in KEEP_IN_NAME) \
            or any(is_title(t.text) for t in toks[start + 1:end])

    def _loose_name_like(self, tok: Tok) -> bool:
        text = tok.text
        return self.name_like(tok) or (
            re.fullmatch(r"[A-Z][a-z'’\-]+", text) is not None and fold(text) not in self.stop_caps
            and fold(text) not in self.domain and not self.is_org(tok) and not is_title(text)
            and not self.gaz.lookup(text))

    def _name_span_by(self, toks: list[Tok], start: int, end: int,
                      name_like: Callable[[Tok], bool]) -> tuple[int, int] | None:
        i = start
        while i < end and is_honorific(toks[i].text) and fold(toks[i].text) not in KEEP_IN_NAME:
            i += 1
        j = i
        while j < end and name_like(toks[j]) and j - i < MAX_NAME_TOKENS:
            j += 1
        k = j
        while k < end:
            if is_title(toks[k].text) or toks[k].text == ",":
                k += 1
            elif k + 1 < end and _split_title(toks[k].text, toks[k + 1].text):
                k += 2
            else:
                break
        if j == i or k != end:
            return None
        if j - i == 1 and i == start and _is_initial(toks[i].text):
            return None
        return i, j

    def _mention(self, toks: list[Tok], name: tuple[int, int],
                 position: tuple[int, int], text: str) -> PersonMention | None:
        n0, n1 = name
        p0, p1 = position
        while p0 < p1 and fold(toks[p1 - 1].text) in {"", "dan"}:
            p1 -= 1
        while n1 - n0 > 1 and is_title(toks[n1 - 1].text.rstrip(",")):
            n1 -= 1  # "Eka Susanti SH"
        if n1 - n0 > 1 and toks[n0].text == HAJI_BARE:
            n0 += 1  # "H Zulkipli Yadi Noor": Haji written without its dot
        first, last = toks[n0], toks[n1 - 1]
        surface = text[first.idx:last.idx + len(last.text)]
        if len(surface.replace(".", "").replace(" ", "")) < 3:
            return None
        pos_text = None
        ps = pe = None
        if p1 > p0:
            ps, pe = toks[p0].idx, toks[p1 - 1].idx + len(toks[p1 - 1].text)
            if text.count("(", ps, pe) > text.count(")", ps, pe) and \
                    text[pe:pe + 1] == ")":
                pe += 1  # "Menteri ... Anak (PPPA), <name>": the bracket closes the position
            pos_text = text[ps:pe].strip(" ,")
        return PersonMention(surface, first.idx, last.idx + len(last.text), pos_text, ps, pe)


def _names_a_body(toks: list[Tok], start: int, name_start: int) -> bool:
    """The position ends in a body that takes a proper name, directly before the "name"
    (one capitalised word may sit between: "Universitas Islam Balitar", "Universitas Lambung
    Mangkurat")."""
    for back in (1, 2):
        k = name_start - back
        if k < start:
            return False
        text = toks[k].text
        if fold(text) in BODIES_NAMED_AFTER:
            return True
        if not text[:1].isupper() or is_honorific(text) or text == ",":
            return False
    return False


def _particle_ok(tok: Tok) -> bool:
    """A particle is a name word when a capitalised word follows ("I Made", not "Asisten I")."""
    nxt = tok.next
    if nxt is None or not nxt.text[:1].isupper():
        return False
    if tok.text == "I":
        return nxt.text in NAME_PARTICLES
    return True


def _split_title(first: str, second: str) -> bool:
    """A title written with a space after its dot: "M. Si", "S. Sos", "M. Pd"."""
    return bool(re.fullmatch(r"[A-Z]\.", first)) and second[:1].isupper() and \
        fold(first + second) in ACADEMIC_TITLES and fold(second) not in HAJI


def _between_names(tok: Tok) -> bool:
    """A lowercase particle ("br", "bin") is a name word between two capitalised words."""
    return bool(tok.prev and tok.next and tok.prev.text[:1].isupper() and tok.next.text[:1].isupper())


def _is_initial(text: str) -> bool:
    return bool(NAME_INITIAL.fullmatch(text))


def _mostly_upper(sent: list[Tok]) -> bool:
    alpha = [t.text for t in sent if t.text.isalpha() and len(t.text) > 1]
    return len(alpha) >= 3 and sum(w.isupper() for w in alpha) / len(alpha) > 0.6


def _paren_acronym(toks: list[Tok], j: int) -> bool:
    if toks[j].text == "(":
        return j + 2 < len(toks) and toks[j + 1].text[:1].isupper() and toks[j + 2].text == ")"
    return j >= 2 and toks[j - 1].text[:1].isupper() and toks[j - 2].text == "("


def _region_context(toks: list[Tok], i: int) -> bool:
    """A region name right after a position/agency word or level prefix is a place."""
    if i == 0:
        return False
    prev = toks[i - 1].text
    return bool(prev[:1].isupper() or prev.isupper())


_HEADS_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _h in _HEADS:
    _HEADS_BY_FIRST.setdefault(_h[0], []).append(_h)
_LOWER_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _h in _LOWER_HEADS:
    _LOWER_BY_FIRST.setdefault(_h[0], []).append(_h)


def _match_head(toks: list[Tok], i: int, heads: list[tuple[str, ...]]) -> int:
    for head in heads:  # longest first
        if all(i + k < len(toks) and toks[i + k].text == w for k, w in enumerate(head)):
            return len(head)
    return 0


def _head_at(toks: list[Tok], i: int, end: int) -> int:
    """Length of a position head (with modifiers such as Plt./Pj.) starting at toks[i]."""
    j = i
    while j < end:
        if fold(toks[j].text) in POSITION_MODIFIERS:
            j += 1
        elif (toks[j].text == "(" and j + 2 < end and toks[j + 2].text == ")"
              and fold(toks[j + 1].text) in POSITION_MODIFIERS):
            j += 3  # "Penjabat (Pj) Sekda", "Pelaksana Tugas (Plt) Kepala Dinas"
        else:
            break
    if j >= end:
        return 0
    heads = _HEADS_BY_FIRST.get(toks[j].text)
    n = _match_head(toks, j, heads) if heads else 0
    if n:
        return j - i + n
    lower = _lower_head_len(toks, j)
    return (j - i + lower) if lower else 0


def _lower_head_len(toks: list[Tok], i: int) -> int:
    heads = _LOWER_BY_FIRST.get(toks[i].text)
    if not heads:
        return 0
    n = _match_head(toks, i, heads)
    if not n:
        return 0
    k = i + n
    if k < len(toks) and (toks[k].lower_ == "dari" or toks[k].lower_ in POSITION_WORDS):
        k += 1
    return n if k < len(toks) and toks[k].text[:1].isupper() else 0



def named_again_in_body(name: str, start: int, text: str) -> bool:
    """A name read before the lead (headline, teaser) counts only when the body writes each
    of its words again: title case makes verbs look like names ("Bupati Adnan Harap
    Predikat APE ...")."""
    body_from = lead_start(text)
    if start >= body_from:
        return True
    body = text[body_from:]
    return all(re.search(r"(?<!\w)" + re.escape(word) + r"(?!\w)", body)
               for word in name.replace(".", " ").split() if len(word) > 1)
