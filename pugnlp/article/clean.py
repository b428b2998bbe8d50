"""Raw article text -> cleaned text (noise removed) and a headline guess. Pure functions."""

from __future__ import annotations

import re
import unicodedata

from pugnlp.patterns.noise import (
    CAPTION_TAIL,
    INLINE_NOISE,
    NOISE_LINE,
    RELATED_LINE,
    TAIL_HEADINGS,
)

_SPACE_LIKE = dict.fromkeys(map(ord, "\xa0\u2007\u202f\u2009\u200a\u3000\t"), " ")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_MULTI_BLANK = re.compile(r"\n{3,}")
_MULTI_SPACE = re.compile(r"[ ]{2,}")
_TITLE_MIN_WORDS = 3
_TITLE_MAX_WORDS = 25


def normalise(text: str) -> str:
    """Unicode NFC, unified newlines, NBSP and other spaces -> ' ', invisible characters removed."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return text.translate(_SPACE_LIKE).translate(_INVISIBLE)


def is_noise_line(line: str) -> bool:
    """True for related-story links, captions, share boxes and credit lines."""
    stripped = line.strip()
    if not stripped:
        return False
    if RELATED_LINE.match(stripped) or NOISE_LINE.match(stripped):
        return True
    return bool(CAPTION_TAIL.search(stripped)) and len(stripped.split()) <= 40


def clean_text(raw: str) -> str:
    """Remove page noise so that no field is fed by it.

    Drops "Baca Juga" lines, captions, share boxes, credit lines; cuts the page at a
    "Berita Terkait"/comment-form heading; removes parenthesised author codes. The result is
    the text every evidence offset refers to.
    """
    kept: list[str] = []
    for line in normalise(raw).split("\n"):
        if TAIL_HEADINGS.match(line.strip()) and _enough_body(kept):
            break
        if is_noise_line(line):
            continue
        line = INLINE_NOISE.sub(" ", line)
        kept.append(_MULTI_SPACE.sub(" ", line).strip())
    text = "\n".join(kept).strip()
    return _MULTI_BLANK.sub("\n\n", text)


def _enough_body(kept: list[str]) -> bool:
    """A tail heading only ends the article once some body text was seen."""
    return sum(len(line) for line in kept) > 200


def guess_title(text: str) -> str | None:
    """The first line that looks like a headline: 3-25 words, no final full stop."""
    for line in text.split("\n")[:8]:
        words = line.split()
        if not words:
            continue
        if _TITLE_MIN_WORDS <= len(words) <= _TITLE_MAX_WORDS and not line.rstrip().endswith("."):
            return line.strip()
        if len(words) > _TITLE_MAX_WORDS:
            return None
    return None


LEAD_MIN_WORDS = 20
"""The lead is the first paragraph of at least this many words (headlines and datelines are
shorter)."""


def lead_start(text: str) -> int:
    """Offset where the lead paragraph starts (0 when there is none)."""
    pos = 0
    for para in text.split("\n"):
        if len(para.split()) >= LEAD_MIN_WORDS:
            return pos
        pos += len(para) + 1
    return 0


def lead_end(text: str) -> int:
    """Offset where the lead paragraph ends (the first 600 characters when there is none)."""
    pos = 0
    for para in text.split("\n"):
        pos += len(para) + 1
        if len(para.split()) >= LEAD_MIN_WORDS:
            return pos
    return min(len(text), 600)


def paragraph_span(text: str, offset: int) -> tuple[int, int]:
    """The line (paragraph of a cleaned text) around ``offset``."""
    end = text.find("\n", offset)
    return text.rfind("\n", 0, offset) + 1, len(text) if end == -1 else end


def sentence_span(text: str, offset: int) -> tuple[int, int]:
    """A cheap sentence around ``offset``: from the last ". " or line break to the next one."""
    start = max(text.rfind(". ", 0, offset), text.rfind("\n", 0, offset)) + 1
    ends = [e for e in (text.find(". ", offset), text.find("\n", offset)) if e != -1]
    return start, min(ends) if ends else len(text)
