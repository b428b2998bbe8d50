"""pugnlp.models.EntityModel: the NER's narrow veto on rule officials and the persons it adds."""

from __future__ import annotations

from dataclasses import replace

import spacy
from spacy.tokens import Span

from pugnlp.article.html import text_to_article
from pugnlp.models import EntityModel
from pugnlp.schema import Evidence, Official


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
        "Seorang lurah dari Palu Barat menanyakan jadwal pendataan.\n\n"
        "Sekretaris Daerah Kota Palu Irmayanti Pettalolo menutup acara.")
PLACE_PARAGRAPH = "Seorang lurah dari Palu Barat menanyakan jadwal pendataan."


def _record(extractor, place_as_name: bool = False):  # noqa: ANN001, ANN202
    record = extractor.extract(text_to_article(TEXT, "palu-veto"))
    assert {o.name for o in record.officials} == {"Irmawati", "Irmayanti Pettalolo"}
    if place_as_name:  # what a weaker rule would read: a kelurahan as the lurah's name
        at = record.text.index("Palu Barat")
        wrong = Official("Palu Barat", "lurah dari", None,
                         Evidence(at, at + len("Palu Barat"), PLACE_PARAGRAPH))
        record = replace(record, officials=(*record.officials, wrong))
    return record


def test_a_place_read_as_a_name_is_vetoed(extractor) -> None:  # noqa: ANN001
    ner = FakeNER("Palu Barat", "LOC")
    record = _record(extractor, place_as_name=True)
    refined = EntityModel(ner).refine_many([record])[0]  # type: ignore[arg-type]
    assert {o.name for o in refined.officials} == {"Irmawati", "Irmayanti Pettalolo"}
    # only the paragraph of the place-like name was read, not the whole article
    assert ner.seen == [PLACE_PARAGRAPH]


def test_a_name_ending_in_a_regency_read_as_an_org_is_vetoed(extractor) -> None:  # noqa: ANN001
    record = _record(extractor)
    at = record.text.index("DP3A Kota Palu")
    wrong = Official("DP3A Kota Palu", "Kepala", None, Evidence(at, at + 14, "Rapat dibuka"))
    record = replace(record, officials=(*record.officials, wrong))
    ner = FakeNER("DP3A Kota Palu", "ORG")
    refined = EntityModel(ner).refine_many([record])[0]  # type: ignore[arg-type]
    assert {o.name for o in refined.officials} == {"Irmawati", "Irmayanti Pettalolo"}


def test_a_place_read_as_a_person_is_kept(extractor) -> None:  # noqa: ANN001
    record = _record(extractor, place_as_name=True)
    ner = FakeNER("Palu Barat", "PER")
    assert EntityModel(ner).refine_many([record])[0] == record  # type: ignore[arg-type]


def test_a_one_word_name_is_never_vetoed(extractor) -> None:  # noqa: ANN001
    # real one-word names (Syahbudin, Nurita) are common; the model is not trusted on them
    record = _record(extractor)
    ner = FakeNER("Irmawati", "LOC")
    assert EntityModel(ner).refine_many([record])[0] == record  # type: ignore[arg-type]
    assert ner.seen == []


def test_a_several_word_unknown_name_is_never_vetoed(extractor) -> None:  # noqa: ANN001
    record = _record(extractor)
    ner = FakeNER("Irmayanti Pettalolo", "ORG")
    assert EntityModel(ner).refine_many([record])[0] == record  # type: ignore[arg-type]
    assert all("Pettalolo" not in text for text in ner.seen)


class RecordingSelector:
    """Stands in for the official selector: records what it is given, adds nothing."""

    def __init__(self) -> None:
        self.calls: list[tuple[list, list]] = []

    def add_many(self, records, persons):  # noqa: ANN001, ANN201
        self.calls.append((records, persons))
        return records


def test_persons_are_looked_for_only_in_relevant_articles(extractor) -> None:  # noqa: ANN001
    record = _record(extractor)
    ner = FakeNER("Irmayanti Pettalolo", "PER")
    selector = RecordingSelector()
    model = EntityModel(ner, None, selector)  # type: ignore[arg-type]
    model.refine_many([replace(record, relevant=False)])
    assert selector.calls == [] and ner.seen == []
    model.refine_many([replace(record, relevant=True)])
    [(records, persons)] = selector.calls
    assert [r.doc_id for r in records] == ["palu-veto"]
    assert [record.text[s:e] for s, e in persons[0]] == ["Irmayanti Pettalolo"]
