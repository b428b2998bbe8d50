"""Validation of annotation documents: every error names the file, the line and the span."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pugnlp.annotations import load_annotations, validate_doc
from pugnlp.errors import AnnotationError

TEXT = "Kepala DP3A Kota Kendari Sitti Ganef membuka rakor di Aula Bappeda Kendari."
#       0         1         2         3         4         5         6         7
#       0123456789012345678901234567890123456789012345678901234567890123456789012345


def _doc(spans: list[list[object]], **extra: object) -> dict[str, object]:
    return {"id": "t1", "text": TEXT, "label": spans, **extra}


def test_offsets_outside_the_text_are_named() -> None:
    with pytest.raises(AnnotationError) as err:
        validate_doc(_doc([[25, 36, "PER"], [70, 90, "LOC"]]), "koreksi.jsonl:7")
    assert "koreksi.jsonl:7" in str(err.value)
    assert "[70, 90, 'LOC']" in str(err.value)
    assert "outside the text" in str(err.value)


@pytest.mark.parametrize("span", [[5, 5, "PER"], [-1, 4, "PER"], [3, 2, "PER"], ["0", 4, "PER"]])
def test_empty_negative_or_reversed_spans_are_errors(span: list[object]) -> None:
    with pytest.raises(AnnotationError, match="outside the text"):
        validate_doc(_doc([span]), "f.jsonl:1")


def test_unknown_label_is_named_with_the_known_ones() -> None:
    with pytest.raises(AnnotationError) as err:
        validate_doc(_doc([[25, 36, "PERSON"]]), "f.jsonl:2")
    message = str(err.value)
    assert "f.jsonl:2" in message and "[25, 36, 'PERSON']" in message
    assert "unknown label 'PERSON'" in message and "JABATAN" in message


def test_span_with_white_space_at_an_edge_is_an_error() -> None:
    with pytest.raises(AnnotationError, match="white space"):
        validate_doc(_doc([[24, 36, "PER"]]), "f.jsonl:1")


def test_forbidden_overlap_names_both_spans() -> None:
    # a PER inside an ORG, and a LOC crossing a JABATAN's end
    with pytest.raises(AnnotationError) as err:
        validate_doc(_doc([[7, 36, "ORG"], [25, 36, "PER"]]), "f.jsonl:4")
    assert "f.jsonl:4" in str(err.value)
    assert "[7, 36, 'ORG']" in str(err.value) and "[25, 36, 'PER']" in str(err.value)
    with pytest.raises(AnnotationError, match="overlap"):
        validate_doc(_doc([[0, 24, "JABATAN"], [17, 30, "LOC"]]), "f.jsonl:4")


def test_same_span_twice_with_two_labels_is_an_error() -> None:
    with pytest.raises(AnnotationError, match="overlap"):
        validate_doc(_doc([[12, 24, "LOC"], [12, 24, "ORG"]]), "f.jsonl:1")


def test_allowed_nesting_passes() -> None:
    spans = [
        [0, 24, "JABATAN"], [7, 24, "ORG"], [12, 24, "LOC"],     # JABATAN > ORG > LOC
        [25, 36, "PER"],
        [54, 74, "VENUE"], [59, 74, "ORG"], [67, 74, "LOC"],     # VENUE > ORG > LOC
    ]
    doc = validate_doc(_doc(spans), "f.jsonl:1")
    assert len(doc.spans) == 7
    # an ORG may hold an ORG ("Bappeda Kendari" inside a longer agency name)
    validate_doc(_doc([[54, 74, "ORG"], [59, 74, "ORG"]]), "f.jsonl:1")


def test_nesting_only_inward() -> None:
    with pytest.raises(AnnotationError, match="overlap"):
        validate_doc(_doc([[12, 24, "LOC"], [17, 24, "ORG"]]), "f.jsonl:1")


def test_unknown_event_type_and_non_boolean_relevance() -> None:
    with pytest.raises(AnnotationError, match="unknown event_type 'rapat'"):
        validate_doc(_doc([], relevant=True, event_type="rapat"), "f.jsonl:1")
    with pytest.raises(AnnotationError, match="`relevant` must be true or false"):
        validate_doc(_doc([], relevant="ya"), "f.jsonl:1")


def test_duplicate_id_in_a_file_names_both_lines(tmp_path: Path) -> None:
    path = tmp_path / "dokumen.jsonl"
    row = json.dumps(_doc([[25, 36, "PER"]]))
    path.write_text(row + "\n\n" + row + "\n", encoding="utf-8")
    with pytest.raises(AnnotationError) as err:
        load_annotations(path)
    assert f"{path}:3" in str(err.value) and f"first in {path}:1" in str(err.value)
    assert "duplicate id 't1'" in str(err.value)


def test_bad_line_of_a_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "dokumen.jsonl"
    good = json.dumps(_doc([[25, 36, "PER"]]))
    bad = json.dumps({**_doc([[25, 36, "NAMA"]]), "id": "t2"})
    path.write_text(f"{good}\n{bad}\n{{not json\n", encoding="utf-8")
    with pytest.raises(AnnotationError, match=rf"{path}:2: span \[25, 36, 'NAMA'\]"):
        load_annotations(path)
    path.write_text(f"{good}\n{{not json\n", encoding="utf-8")
    with pytest.raises(AnnotationError, match=rf"{path}:2: not JSON"):
        load_annotations(path)
