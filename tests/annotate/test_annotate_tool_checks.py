"""What the real tools taught the importer (issue 13): exports that look fine but are not.

Label Studio exports any project's results, whatever its labeling config; doccano keeps a
file's ``label`` as metadata in an Intent Detection project and drops overlapping spans,
silently, in a project that does not allow them. The real tools run in tests/integration/.
"""

from __future__ import annotations

from typing import Any

import pytest

from pugnlp.annotate.readers import doccano_row_in, json_min_row, labelstudio_row
from pugnlp.annotate.tasks import doccano_row
from pugnlp.annotate.tools import overlapping_count
from pugnlp.errors import AnnotationError

TEXT = "Kepala DP3A Kota Kendari Sitti Ganef membuka rakor."
NESTED = [[0, 24, "JABATAN"], [7, 24, "ORG"], [12, 24, "LOC"], [25, 36, "PER"]]


def _result(from_name: str, kind: str, value: dict[str, Any],
            to_name: str = "text") -> dict[str, Any]:
    return {"id": from_name, "from_name": from_name, "to_name": to_name, "type": kind,
            "value": value}


RELEVANT = _result("relevant", "choices", {"choices": ["not_relevant"]})
PER = _result("label", "labels", {"start": 25, "end": 36, "text": "Sitti Ganef",
                                  "labels": ["PER"]})


def _task(result: list[dict[str, Any]]) -> dict[str, Any]:
    return {"id": 7, "data": {"text": TEXT, "doc_id": "k1"}, "annotations": [{"result": result}]}


def test_a_labelstudio_annotation_of_pugnlps_config_is_read() -> None:
    row = labelstudio_row(_task([PER, RELEVANT]), "f.json: task #1")
    assert row is not None and row["label"] == [[25, 36, "PER"]] and row["relevant"] is False


@pytest.mark.parametrize("result, named", [
    (_result("ner", "labels", PER["value"]), "control 'ner' on 'text'"),
    (_result("label", "labels", PER["value"], to_name="body"), "control 'label' on 'body'"),
    (_result("sentiment", "choices", {"choices": ["positive"]}), "control 'sentiment'"),
    (_result("relevant", "textarea", {"text": ["ya"]}), "a 'textarea' result of control 'relevant'"),
])
def test_a_result_of_another_config_is_an_error(result: dict[str, Any], named: str) -> None:
    with pytest.raises(AnnotationError) as err:
        labelstudio_row(_task([RELEVANT, result]), "f.json: task #1 (id 7)")
    assert str(err.value).startswith("f.json: task #1 (id 7): ") and named in str(err.value)
    assert "another labeling config" in str(err.value)


def test_an_annotation_without_the_relevance_choice_is_an_error() -> None:
    with pytest.raises(AnnotationError, match="has no 'relevant' choice.*another labeling config"):
        labelstudio_row(_task([PER]), "f.json: task #1")


def test_a_json_min_item_without_the_relevance_choice_is_an_error() -> None:
    item = {"id": 7, "text": TEXT, "annotation_id": 3, "ner": [PER["value"]]}
    with pytest.raises(AnnotationError, match="f.json: task #1: no 'relevant' choice"):
        json_min_row(item, "f.json: task #1")


def test_the_doccano_export_counts_the_overlapping_spans() -> None:
    assert overlapping_count(NESTED) == 3 and overlapping_count([[0, 5, "X"], [5, 9, "Y"]]) == 0
    row = doccano_row("k1", TEXT, [tuple(s) for s in NESTED], {"relevant": False})
    assert row["nested_spans"] == 3 and "nested_spans" not in doccano_row_in(row, "f:1")


def test_nested_spans_that_all_vanished_are_an_error() -> None:
    row = {"id": 1, "text": TEXT, "doc_id": "k1", "nested_spans": 3,
           "label": [[0, 24, "JABATAN"], [25, 36, "PER"]], "Comments": []}
    with pytest.raises(AnnotationError, match="f.jsonl:4: the document went to doccano with 3 "
                                              "nested spans"):
        doccano_row_in(row, "f.jsonl:4")
    row["label"].append([7, 24, "ORG"])             # one nested span left: the annotator's call
    assert len(doccano_row_in(row, "f.jsonl:4")["label"]) == 3


def test_label_kept_as_metadata_beside_entities_is_an_error() -> None:
    row = {"id": 1, "text": TEXT, "doc_id": "k1", "label": NESTED, "entities": [], "cats": [],
           "Comments": []}
    with pytest.raises(AnnotationError, match="f.jsonl:2: both `label` and `entities`"):
        doccano_row_in(row, "f.jsonl:2")
