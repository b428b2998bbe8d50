"""Fixtures of the extraction tests: a stand-in for the entity model."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import pytest
import spacy
from spacy.tokens import Doc, Span


class FakeNER:
    """Labels the first occurrence of each of ``words`` with ``label`` in every text it reads
    (the entity model's ``pipe``) and records what it was asked to read."""

    def __init__(self, *words: str, label: str = "PER") -> None:
        self.words, self.label = words, label
        self.blank = spacy.blank("id")
        self.seen: list[str] = []

    def pipe(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
        for text in texts:
            self.seen.append(text)
            doc = self.blank(text)
            ents = []
            for word in self.words:
                at = text.find(word)
                span = doc.char_span(at, at + len(word)) if at != -1 else None
                if span is not None:
                    ents.append(Span(doc, span.start, span.end, label=self.label))
            doc.ents = sorted(ents, key=lambda s: s.start)
            yield doc


@pytest.fixture()
def fake_ner() -> Callable[..., FakeNER]:
    """``fake_ner(*words, label="PER")``: an entity model that finds just those words."""
    return FakeNER
