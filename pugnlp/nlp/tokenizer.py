"""The tokenizer and sentence boundaries of every pugnlp pipeline (PACKAGES.md section 1.1).

``pugnlp.Tokenizer.v1`` (registered) is ``spacy.blank("id")``'s tokenizer with these fixes:

- acronyms such as ``DP3AP2KB`` stay whole (the unit-suffix rule would split ``KB`` off);
- ``Selasa(31/10)`` splits before the parenthesis;
- ``Kab.``, ``Kec.``, ``Jl.``, ``Ir.`` ... stay whole (which also fixes sentence splitting);
- the 15.6k hyphenated reduplication exceptions are dropped: they cost ~40 % of tokenizer
  speed and nothing downstream needs ``anak-anak`` as one token (measured: 93k -> 131k tok/s);
- a blank line (paragraph break) always starts a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import registry

from pugnlp.patterns.tokenizer import (
    ABBREVIATIONS,
    ACRONYM_TOKEN,
    GLUED_HONORIFIC,
    LETTER_PREFIXES,
)


def _fast_prefix_search(search):  # type: ignore[no-untyped-def]
    """Skip the 171-pattern prefix regex for tokens that cannot start with a prefix.

    Every prefix of the ``id`` defaults begins with punctuation, a symbol, ``+`` or one of
    :data:`pugnlp.patterns.tokenizer.LETTER_PREFIXES`; a token starting with another ASCII
    letter or digit has none, except a title glued to the name after it ("Ir.Heru",
    :data:`pugnlp.patterns.tokenizer.GLUED_HONORIFIC`), split off on purpose.
    Otherwise identical tokens (checked in tests/nlp/test_tokenizer.py); tokenizer about
    1.5x faster.
    """

    def prefix_search(text: str):  # type: ignore[no-untyped-def]
        first = text[:1]
        if first.isascii() and first.isalnum() and not text.startswith(LETTER_PREFIXES):
            return GLUED_HONORIFIC.match(text) if first.isupper() or first == "d" else None
        return search(text)

    # spaCy serialises a tokenizer by reading ``search.__self__.pattern``
    prefix_search.__self__ = search.__self__  # type: ignore[attr-defined]
    return prefix_search


def sentence_bounds(doc) -> list[tuple[int, int, int, int]]:  # type: ignore[no-untyped-def]
    """(first token, end token, start char, end char) of every sentence, from arrays: no
    Python Token objects are created (``doc.sents`` creates one per token)."""
    from spacy.attrs import IDX, LENGTH, SENT_START

    if len(doc) == 0:
        return []
    arr = doc.to_array([SENT_START, IDX, LENGTH])
    starts = [0] + [i for i in (arr[:, 0] == 1).nonzero()[0].tolist() if i > 0]
    ends = starts[1:] + [len(doc)]
    idx = arr[:, 1].tolist()
    length = arr[:, 2].tolist()
    return [(s, e, idx[s], idx[e - 1] + length[e - 1]) for s, e in zip(starts, ends)]


def build_tokenizer(nlp: Language):  # type: ignore[no-untyped-def]
    """The ``id`` tokenizer with the fixes of the module docstring, built in one go.

    Every setter of a spaCy tokenizer (rules, token_match, prefix_search, infix_finditer)
    reloads all special cases; building with the final settings at once is 0.13 s faster per
    pipeline. The 15.6k hyphenated exceptions are never added (adding and removing them
    costs about 1.3 s).
    """
    from spacy.attrs import ORTH
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    defaults = nlp.Defaults
    rules = {k: v for k, v in defaults.tokenizer_exceptions.items() if "-" not in k}
    rules.update({abbreviation: [{ORTH: abbreviation}] for abbreviation in ABBREVIATIONS})
    pattern = ACRONYM_TOKEN.pattern
    if defaults.token_match is not None and hasattr(defaults.token_match, "__self__"):
        pattern = f"(?:{pattern})|(?:{defaults.token_match.__self__.pattern})"
    infixes = list(defaults.infixes) + [r"(?<=[A-Za-z])\((?=\d)", r"(?<=[a-z])\.(?=\()"]
    return PugTokenizer(
        nlp.vocab, rules=rules,
        prefix_search=_fast_prefix_search(compile_prefix_regex(defaults.prefixes).search),
        suffix_search=compile_suffix_regex(defaults.suffixes).search,
        infix_finditer=compile_infix_regex(infixes).finditer,
        # a bound method of a compiled regex, so that spaCy can serialise the tokenizer
        token_match=re.compile(pattern).match,
        url_match=defaults.url_match)


class PugTokenizer(Tokenizer):  # type: ignore[misc]
    """The tokenizer of ``pugnlp.Tokenizer.v1``.

    Its settings are code, so a pipeline folder holds no tokenizer data: ``from_disk`` keeps
    the tokenizer built from the config (reading serialised rules would reload every special
    case, about 1.3 s, and lose the fast prefix search). A text that carries its article
    (:class:`pugnlp.events.loader.ArticleText`) gives a Doc with ``doc._.article`` set: that
    is how the article reaches the components in every process of ``nlp.pipe``.
    """

    def __call__(self, text: str) -> Doc:
        if type(text) is str:
            return super().__call__(text)
        doc = super().__call__(str(text))  # the Cython tokenizer takes exact str only
        if callable(getattr(text, "article", None)):
            doc._.article = text.article()  # type: ignore[attr-defined]
        return doc

    def to_disk(self, path: object, **kwargs: object) -> None:
        return None

    def from_disk(self, path: object, **kwargs: object) -> PugTokenizer:
        return self


def make_nlp() -> Language:
    """Build the tokenizer + sentence pipeline. Cheap (about 0.1 s), no model files."""
    import spacy

    nlp = spacy.blank("id", config={"nlp": {"tokenizer": {"@tokenizers": "pugnlp.Tokenizer.v1"}}})
    nlp.add_pipe("pug_paragraphs")
    nlp.add_pipe("sentencizer")
    return nlp


_TITLE_DOT_END = re.compile(r"(?<=[A-Za-z])\.(?=\s+[A-Z][a-z])")


@lru_cache(maxsize=1)
def _head_words() -> frozenset[str]:
    from pugnlp.patterns.honorifics import fold
    from pugnlp.patterns.positions import POSITION_HEADS

    return frozenset(fold(h.split()[0]) for h in POSITION_HEADS)


def _title_dot_ends(text: str, doc) -> list[int]:  # type: ignore[no-untyped-def]
    """Indexes of tokens that start a sentence after an academic title ending in a dot
    ("..., M.Si. Dalam", "..., S.E. Ia"), unless a position follows ("S.E. Kepala Dinas")."""
    from pugnlp.patterns.honorifics import fold, is_honorific, is_title

    heads = _head_words()
    out = []
    for match in _TITLE_DOT_END.finditer(text):
        token = doc.char_span(match.start() - 1, match.end(), alignment_mode="expand")
        if token is None or len(token) != 1:
            continue
        tok = token[0]
        if tok.text.endswith(".") and is_title(tok.text) and not is_honorific(tok.text) \
                and tok.i + 1 < len(doc) and not is_title(doc[tok.i + 1].text) \
                and fold(doc[tok.i + 1].text) not in heads:
            out.append(tok.i + 1)
    return out


@registry.tokenizers("pugnlp.Tokenizer.v1")
def create_tokenizer() -> Callable[[Language], Tokenizer]:
    """The ``id`` tokenizer with pugnlp's fixes, for pipelines' configs."""

    def make(nlp: Language) -> Tokenizer:
        return build_tokenizer(nlp)

    return make


@Language.component("pug_paragraphs", assigns=["token.is_sent_start"])
def pug_paragraphs(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines, captions and paragraphs."""
    from spacy.attrs import IS_SPACE

    flags = doc.to_array([IS_SPACE])
    for i in flags.nonzero()[0].tolist():
        if i + 1 < len(doc) and "\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
    # "..., M.Si. Dalam arahannya": a title keeps its dot, so end the sentence here
    article = doc._.article if Doc.has_extension("article") else None
    text = article.text if article is not None else doc.text  # doc.text costs ~0.8 ms
    for i in _title_dot_ends(text, doc):
        doc[i].is_sent_start = True
    return doc
