"""pugnlp.events.components.learned: the entity model's narrow veto on rule officials, the
persons it offers the official selector, and the selectors' files."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from pugnlp.article.html import text_to_article
from pugnlp.errors import ModelError
from pugnlp.events.components.learned import AgencySelect, Classifier, Entities
from pugnlp.events.loader import ArticleText
from pugnlp.events.people import PersonMention
from pugnlp.events.record import record_from_doc

TEXT = ("Rakor PUG Kota Palu\n\n"
        "PALU – DP3A Kota Palu menggelar rakor Pokja PUG, Rabu (11/10/2023).\n\n"
        "Rapat dibuka Kepala DP3A Kota Palu Irmawati yang meminta data terpilah.\n\n"
        "Seorang lurah dari Palu Barat menanyakan jadwal pendataan.\n\n"
        "Sekretaris Daerah Kota Palu Irmayanti Pettalolo menutup acara.")
PLACE_PARAGRAPH = "Seorang lurah dari Palu Barat menanyakan jadwal pendataan."


def _doc(rules_nlp, place_as_name: bool = False, relevant: bool = True):  # noqa: ANN001, ANN202
    doc = rules_nlp(ArticleText(text_to_article(TEXT, "palu-veto")))
    assert {p.name for p in doc._.persons} == {"Irmawati", "Irmayanti Pettalolo"}
    if place_as_name:  # what a weaker rule would read: a kelurahan as the lurah's name
        _add_person(doc, "Palu Barat", "lurah dari")
    doc._.decision = replace(doc._.decision, relevant=relevant)
    return doc


def _add_person(doc, name: str, position: str) -> None:  # noqa: ANN001
    at = doc.text.index(name)
    doc._.persons = (*doc._.persons, PersonMention(name, at, at + len(name), position, None, None))


def _entities(ner) -> Entities:  # noqa: ANN001
    component = Entities(None, "pug_entities")  # type: ignore[arg-type]
    component.initialize(ner=ner)
    return component


def _names(doc) -> set[str]:  # noqa: ANN001
    return {o.name for o in record_from_doc(doc).officials}


def test_a_place_read_as_a_name_is_vetoed(rules_nlp, fake_ner) -> None:  # noqa: ANN001
    ner = fake_ner("Palu Barat", label="LOC")
    doc = _doc(rules_nlp, place_as_name=True)
    _entities(ner).set_annotations([doc])
    assert _names(doc) == {"Irmawati", "Irmayanti Pettalolo"}
    # only the paragraph of the place-like name was read for the veto
    assert ner.seen[0] == PLACE_PARAGRAPH


def test_a_name_ending_in_a_regency_read_as_an_org_is_vetoed(
        rules_nlp, fake_ner) -> None:  # noqa: ANN001
    doc = _doc(rules_nlp)
    _add_person(doc, "DP3A Kota Palu", "Kepala")
    _entities(fake_ner("DP3A Kota Palu", label="ORG")).set_annotations([doc])
    assert _names(doc) == {"Irmawati", "Irmayanti Pettalolo"}


def test_a_place_read_as_a_person_is_kept(rules_nlp, fake_ner) -> None:  # noqa: ANN001
    doc = _doc(rules_nlp, place_as_name=True)
    _entities(fake_ner("Palu Barat", label="PER")).set_annotations([doc])
    assert "Palu Barat" in _names(doc)


def test_a_one_word_name_is_never_vetoed(rules_nlp, fake_ner) -> None:  # noqa: ANN001
    # real one-word names (Syahbudin, Nurita) are common; the model is not trusted on them
    doc = _doc(rules_nlp, relevant=False)
    ner = fake_ner("Irmawati", label="LOC")
    _entities(ner).set_annotations([doc])
    assert _names(doc) == {"Irmawati", "Irmayanti Pettalolo"}
    assert ner.seen == []


def test_a_several_word_unknown_name_is_never_vetoed(rules_nlp, fake_ner) -> None:  # noqa: ANN001
    doc = _doc(rules_nlp, relevant=False)
    ner = fake_ner("Irmayanti Pettalolo", label="ORG")
    _entities(ner).set_annotations([doc])
    assert "Irmayanti Pettalolo" in _names(doc)
    assert ner.seen == []


def test_persons_are_looked_for_only_in_relevant_articles(
        rules_nlp, fake_ner) -> None:  # noqa: ANN001
    ner = fake_ner("Irmayanti Pettalolo", label="PER")
    irrelevant = _doc(rules_nlp, relevant=False)
    _entities(ner).set_annotations([irrelevant])
    assert ner.seen == [] and irrelevant._.entity_persons is None
    doc = _doc(rules_nlp)
    _entities(ner).set_annotations([doc])
    assert [doc.text[s:e] for s, e in doc._.entity_persons] == ["Irmayanti Pettalolo"]


def test_components_without_trained_data_say_so(rules_nlp) -> None:  # noqa: ANN001
    doc = _doc(rules_nlp)
    for component in (Classifier(None, "pug_classifier"), Entities(None, "pug_entities"),  # type: ignore[arg-type]
                      AgencySelect(None, "pug_agency_select")):  # type: ignore[arg-type]
        with pytest.raises(ModelError, match="pugnlp train"):
            component(doc)


def test_a_selector_round_trips_with_its_threshold(tmp_path: Path) -> None:
    from pugnlp.events.selectors import build_selector

    rows = [{"a": 1.0}, {"b": 1.0}, {"a": 1.0, "c": 1.0}, {"b": 1.0, "c": 1.0}]
    model = build_selector().fit(rows, [True, False, True, False])
    component = AgencySelect(None, "pug_agency_select")  # type: ignore[arg-type]
    component.initialize(model=model, threshold=0.65)
    component.to_disk(tmp_path / "sel")
    loaded = AgencySelect(None, "pug_agency_select").from_disk(tmp_path / "sel")  # type: ignore[arg-type]
    assert loaded.threshold == 0.65
    assert loaded.selector().model.predict_proba(rows).tolist() == \
        model.predict_proba(rows).tolist()
    assert loaded.classifier.predict(rows).tolist() == [p >= 0.65 for p in
                                                        model.predict_proba(rows)[:, 1]]


def test_a_missing_component_folder_raises(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="pugnlp train"):
        Classifier(None, "pug_classifier").from_disk(tmp_path / "nothing")  # type: ignore[arg-type]
    with pytest.raises(ModelError, match="entity model missing"):
        Entities(None, "pug_entities").from_disk(tmp_path / "nothing")  # type: ignore[arg-type]
