"""pugnlp.models.EntityModel: the NER's narrow veto on rule officials, run only where needed."""

from __future__ import annotations

import spacy
from spacy.tokens import Span

from pugnlp.article.html import text_to_article
from pugnlp.models import EntityModel


class FakeNER:
    """Labels every occurrence of ``word`` with ``label``; records what it was asked to read."""

    def __init__(self, word: str, label: str) -> None:
        self.word, self.label = word, label
        self.blank = spacy.blank("id")
        self.seen: list[str] = []

    def pipe(self, texts, batch_size: int = 64):  # noqa: ANN001, ANN201
        for text in texts:
            self.seen.append(text)
            doc = self.blank(text)
            at = text.find(self.word)
            if at != -1:
                span = doc.char_span(at, at + len(self.word), label=self.label)
                if span is not None:
                    doc.ents = [Span(doc, span.start, span.end, label=self.label)]
            yield doc


TEXT = ("Rakor PUG Kota Palu\n\n"
        "PALU – DP3A Kota Palu menggelar rakor Pokja PUG, Rabu (11/10/2023).\n\n"
        "Rapat dibuka Kepala DP3A Kota Palu Irmawati yang meminta data terpilah.\n\n"
        "Sekretaris Daerah Kota Palu Irmayanti Pettalolo menutup acara.")


def _record(extractor):  # noqa: ANN001, ANN202
    record = extractor.extract(text_to_article(TEXT, "palu-veto"))
    assert {o.name for o in record.officials} == {"Irmawati", "Irmayanti Pettalolo"}
    return record


def test_a_one_word_name_read_as_a_place_is_vetoed(extractor) -> None:  # noqa: ANN001
    ner = FakeNER("Irmawati", "LOC")
    refined = EntityModel(ner).refine_many([_record(extractor)])[0]  # type: ignore[arg-type]
    assert {o.name for o in refined.officials} == {"Irmayanti Pettalolo"}
    # only the paragraph of the one-word name was read, not the whole article
    assert ner.seen == ["Rapat dibuka Kepala DP3A Kota Palu Irmawati yang meminta data terpilah."]


def test_a_name_read_as_a_person_is_kept(extractor) -> None:  # noqa: ANN001
    record = _record(extractor)
    ner = FakeNER("Irmawati", "PER")
    assert EntityModel(ner).refine_many([record])[0] == record  # type: ignore[arg-type]


def test_a_several_word_unknown_name_is_never_vetoed(extractor) -> None:  # noqa: ANN001
    record = _record(extractor)
    ner = FakeNER("Irmayanti Pettalolo", "ORG")
    assert EntityModel(ner).refine_many([record])[0] == record  # type: ignore[arg-type]
    assert all("Pettalolo" not in text for text in ner.seen)
