"""The spaCy pipeline: ``spacy.blank("id")`` with the tokenizer fixes of PACKAGES.md section 1.1.

- acronyms such as ``DP3AP2KB`` stay whole (the unit-suffix rule would split ``KB`` off);
- ``Selasa(31/10)`` splits before the parenthesis;
- ``Kab.``, ``Kec.``, ``Jl.``, ``Ir.`` ... stay whole (which also fixes sentence splitting);
- the 15.6k hyphenated reduplication exceptions are dropped: they cost ~40 % of tokenizer
  speed and nothing downstream needs ``anak-anak`` as one token (measured: 93k -> 131k tok/s);
- a blank line (paragraph break) always starts a sentence.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

ACRONYM_TOKEN = re.compile(r"^(?=[A-Z0-9]*[A-Z])(?=[A-Z0-9]*\d)[A-Z0-9]{3,}$")
"""All-caps letters-and-digits tokens (DP3AP2KB, P2TP2A): never split."""

ABBREVIATIONS: tuple[str, ...] = (
    "Kab.", "Kec.", "Kel.", "Jl.", "Jln.", "Ir.", "Prov.", "Sdr.", "Sdri.", "Bpk.", "Hj.", "H.",
    "Drs.", "Dra.", "Dr.", "dr.", "Prof.", "No.", "Lt.", "lt.", "Tgl.", "tgl.", "Pj.", "Plt.",
    "Plh.", "Ds.", "Kp.", "Ny.", "Moh.", "Muh.", "Mhd.", "Ust.", "Pdt.", "KH.", "St.", "Tk.",
    "S.E.", "S.H.", "S.Sos.", "M.Si.", "M.M.", "M.H.", "S.Pd.", "M.Pd.", "S.Kom.", "M.AP.",
    "S.STP.", "S.IP.", "S.T.", "M.T.", "M.Kes.", "S.KM.", "A.Md.", "S.Ag.", "M.Ag.", "Ph.D.",
)
"""Abbreviations kept as one token, so that the sentencizer does not split after them."""


def _fast_prefix_search(search):  # type: ignore[no-untyped-def]
    """Skip the 171-pattern prefix regex for tokens that cannot start with a prefix.

    Every prefix of the ``id`` defaults begins with punctuation, a symbol, ``+`` or one of
    :data:`_LETTER_PREFIXES`; a token starting with another ASCII letter or digit has none.
    Identical tokens (checked in tests/nlp/test_pipeline.py); tokenizer about 1.5x faster.
    """

    def prefix_search(text: str):  # type: ignore[no-untyped-def]
        first = text[:1]
        if first.isascii() and first.isalnum() and not text.startswith(_LETTER_PREFIXES):
            return None
        return search(text)

    return prefix_search


_LETTER_PREFIXES = ("US$", "C$", "A$", "S$", "USD", "Rp", "IDR", "RMB", "SGD")


def make_nlp() -> Language:
    """Build the tokenizer + sentence pipeline. Cheap (about 0.1 s), no model files."""
    import spacy
    from spacy.attrs import ORTH
    from spacy.util import compile_infix_regex

    nlp = spacy.blank("id")
    tokenizer = nlp.tokenizer
    tokenizer.rules = {k: v for k, v in tokenizer.rules.items() if "-" not in k}
    previous = tokenizer.token_match

    def token_match(text: str) -> bool:
        return bool(ACRONYM_TOKEN.match(text)) or bool(previous and previous(text))

    tokenizer.token_match = token_match
    tokenizer.prefix_search = _fast_prefix_search(tokenizer.prefix_search)
    infixes = list(nlp.Defaults.infixes) + [r"(?<=[A-Za-z])\((?=\d)", r"(?<=[a-z])\.(?=\()"]
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    for abbreviation in ABBREVIATIONS:
        tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    nlp.add_pipe("pug_paragraphs")
    nlp.add_pipe("sentencizer")
    return nlp


def _register() -> None:
    from spacy.language import Language
    from spacy.tokens import Doc

    if "pug_paragraphs" in Language.factories:
        return

    @Language.component("pug_paragraphs", assigns=["token.is_sent_start"])
    def pug_paragraphs(doc: Doc) -> Doc:
        """Start a sentence after every line break: headlines, captions and paragraphs."""
        from spacy.attrs import IS_SPACE

        flags = doc.to_array([IS_SPACE])
        for i in flags.nonzero()[0].tolist():
            if i + 1 < len(doc) and "\n" in doc[i].text:
                doc[i + 1].is_sent_start = True
        return doc


_register()
