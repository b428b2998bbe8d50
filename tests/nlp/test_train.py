"""Training data for the entity model: IOB reading, repairs, and held-out sentences kept out."""

from __future__ import annotations

from pathlib import Path

from pugnlp.annotations import AnnotatedDoc
from pugnlp.nlp.train import _repair, annotated_docs, read_iob


def test_read_iob_maps_labels(tmp_path: Path) -> None:
    path = tmp_path / "ner.txt"
    path.write_text("Sri\tB-PERSON\nLailana\tI-PERSON\ndi\tO\nBanjarbaru\tB-PLACE\n"
                    "2023\tB-TIME\n\nRapat\tO\n", encoding="utf-8")
    sentences = read_iob(path, 0, 1, "\t")
    assert sentences[0] == (["Sri", "Lailana", "di", "Banjarbaru", "2023"],
                            ["B-PER", "I-PER", "O", "B-LOC", "O"])
    assert sentences[1] == (["Rapat"], ["O"])


def test_repair_starts_an_entity_on_a_stray_inside_tag() -> None:
    assert _repair(["O", "I-ORG", "I-ORG", "I-PER"]) == ["O", "B-ORG", "I-ORG", "B-PER"]


def test_annotated_docs_keep_outer_spans_and_drop_non_ner_labels(nlp) -> None:  # noqa: ANN001
    text = "Kepala DP3A Kota Palu Nur Asia membuka rapat."
    doc = AnnotatedDoc("x", text, [(0, 21, "JABATAN"), (7, 11, "ORG"), (12, 21, "LOC"),
                                   (17, 21, "LOC"), (22, 30, "PER")], {})
    (built,) = annotated_docs(nlp, [doc], frozenset())
    assert [(e.text, e.label_) for e in built.ents] == [("DP3A", "ORG"), ("Kota Palu", "LOC"),
                                                        ("Nur Asia", "PER")]


def test_the_teams_loc_tokens_train_as_missing(nlp) -> None:  # noqa: ANN001
    text = "Kepala DP3A Kota Palu Nur Asia membuka rapat."
    doc = AnnotatedDoc("x", text, [(7, 11, "ORG"), (12, 21, "LOC"), (22, 30, "PER")], {})
    (built,) = annotated_docs(nlp, [doc])
    assert [(e.text, e.label_) for e in built.ents] == [("DP3A", "ORG"), ("Nur Asia", "PER")]
    iob = [t.ent_iob_ for t in built]
    assert iob[2:4] == ["", ""]  # "Kota Palu": missing, neither an entity nor outside
    assert iob[0] == "O" and iob[-1] == "O"
