"""Machine records -> pre-annotated tasks: spans from evidence, task shapes, labeling config."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from pugnlp.annotate.spans import position_span, record_fields, record_spans
from pugnlp.annotate.tasks import (
    doccano_row,
    dump_tasks,
    export_tasks,
    labelstudio_task,
    tasks_from_records,
)
from pugnlp.annotate.tools import from_utf16, labelstudio_config, to_utf16
from pugnlp.annotations import LABELS, AnnotatedDoc, validate_doc
from pugnlp.article.html import text_to_article
from pugnlp.errors import AnnotationError
from pugnlp.events.loader import extract_article
from pugnlp.schema import APE_CATEGORIES, EVENT_TYPES, EventRecord

ROOT = Path(__file__).resolve().parents[2]

RELEASE = """Rakor Pokja PUG Kabupaten Sigi Bahas Data Terpilah

SIGI – Pemerintah Kabupaten Sigi melalui DP3AP2KB Kabupaten Sigi menggelar Rapat Koordinasi \
Kelompok Kerja Pengarusutamaan Gender (PUG) di Aula Bappeda Sigi, Kamis (14/3/2024). Rapat \
dibuka Sekretaris Daerah Kabupaten Sigi Andi Rustam Sapada dan diikuti 35 peserta.

Kepala DP3AP2KB Kabupaten Sigi, Hj. Nurlaela Tombolotutu, S.Sos, M.Si, menyampaikan bahwa \
data terpilah menjadi syarat evaluasi PUG tahun ini. 📷
"""


@pytest.fixture(scope="module")
def record(rules_nlp) -> EventRecord:  # noqa: ANN001
    return extract_article(rules_nlp, text_to_article(RELEASE, "sigi_01"))


def _surfaces(text: str, spans: list[tuple[int, int, str]]) -> set[tuple[str, str]]:
    return {(text[s:e], label) for s, e, label in spans}


# -- spans from evidence -----------------------------------------------------------------


@pytest.mark.parametrize("text, name, expected", [
    ("Kepala Dinas PPPA Sigi, Hj. Nurlaela, S.Sos, hadir", "Nurlaela", "Kepala Dinas PPPA Sigi"),
    ("Nurlaela selaku Kepala Dinas PPPA Sigi hadir", "Nurlaela", "Kepala Dinas PPPA Sigi"),
    ("Nurlaela, S.Sos (Kepala Dinas PPPA Sigi) hadir", "Nurlaela", "Kepala Dinas PPPA Sigi"),
])
def test_position_next_to_the_name_is_found(text: str, name: str, expected: str) -> None:
    start = text.index(name)
    span = position_span(text, start, start + len(name), expected)
    assert span is not None and text[span[0]:span[1]] == expected


@pytest.mark.parametrize("text", [
    "Kepala Dinas PPPA Sigi membuka acara. Nurlaela hadir",     # another sentence
    "Kepala Dinas PPPA Sigi\nNurlaela hadir",                   # another line
    "Kepala Dinas PPPA Sigi bersama warga dan Nurlaela hadir",  # words between them
])
def test_position_elsewhere_is_not_taken(text: str) -> None:
    start = text.index("Nurlaela")
    assert position_span(text, start, start + 8, "Kepala Dinas PPPA Sigi") is None


def test_record_spans_come_from_the_evidence(record: EventRecord) -> None:
    found = _surfaces(record.text, record_spans(record))
    assert ("Nurlaela Tombolotutu", "PER") in found            # honorific and titles left out
    assert ("Andi Rustam Sapada", "PER") in found              # a noble title stays in the name
    assert ("Kepala DP3AP2KB Kabupaten Sigi", "JABATAN") in found
    assert ("Sekretaris Daerah Kabupaten Sigi", "JABATAN") in found
    assert ("DP3AP2KB Kabupaten Sigi", "ORG") in found
    assert ("Aula Bappeda Sigi", "VENUE") in found
    assert ("Kamis (14/3/2024)", "DATE") in found
    assert ("Kabupaten Sigi", "LOC") in found and ("SIGI", "LOC") in found
    assert {label for _, label in found} == set(LABELS)
    validate_doc({"id": "x", "text": record.text, "label": [list(s) for s in record_spans(record)]},
                 "export")


def test_record_fields_are_the_annotation_fields(record: EventRecord) -> None:
    fields = record_fields(record)
    assert fields["relevant"] is True and fields["event_type"] == "rapat_koordinasi"
    assert fields["kab_kota"] == "Kabupaten Sigi" and fields["participants"] == 35
    assert {"name": "Nurlaela Tombolotutu", "position": "Kepala DP3AP2KB Kabupaten Sigi"} \
        in fields["officials"]
    validate_doc({"id": "x", "text": record.text, **fields}, "export")


# -- task shapes -------------------------------------------------------------------------


def test_labelstudio_task_shape(record: EventRecord) -> None:
    [task] = tasks_from_records([record], "labelstudio", "pugnlp test")
    assert set(task) == {"id", "data", "predictions"}
    assert task["data"]["text"] == record.text and task["data"]["doc_id"] == "sigi_01"
    [prediction] = task["predictions"]
    assert prediction["model_version"] == "pugnlp test"
    labels = [r for r in prediction["result"] if r["type"] == "labels"]
    assert len({r["id"] for r in prediction["result"]}) == len(prediction["result"])
    for region in labels:
        assert region["from_name"] == "label" and region["to_name"] == "text"
        value = region["value"]
        assert set(value) == {"start", "end", "text", "labels"} and len(value["labels"]) == 1
        assert record.text[value["start"]:value["end"]] == value["text"]   # no emoji before
    choices = {r["from_name"]: r["value"]["choices"] for r in prediction["result"]
               if r["type"] == "choices"}
    assert choices == {"relevant": ["relevant"], "event_type": ["rapat_koordinasi"]}
    areas = {r["from_name"]: r["value"]["text"] for r in prediction["result"]
             if r["type"] == "textarea"}
    assert areas["kab_kota"] == ["Kabupaten Sigi"] and areas["participants"] == ["35"]
    assert "Nurlaela Tombolotutu | Kepala DP3AP2KB Kabupaten Sigi" in areas["officials"]


def test_labelstudio_offsets_count_utf16_units_after_an_emoji() -> None:
    text = "📷 Foto: Humas\n\nRakor di Kota Palu."
    start = text.index("Kota Palu")
    task = labelstudio_task(1, "d", text, [(start, start + 9, "LOC")], {"relevant": False})
    value = task["predictions"][0]["result"][0]["value"]
    assert (value["start"], value["end"]) == (start + 1, start + 10)
    assert from_utf16(text, value["start"]) == start and to_utf16(text, start) == start + 1
    choices = [r for r in task["predictions"][0]["result"] if r["type"] == "choices"]
    assert [c["value"]["choices"] for c in choices] == [["not_relevant"]]   # no event type


def test_doccano_row_shape(record: EventRecord) -> None:
    [row] = tasks_from_records([record], "doccano")
    assert row["text"] == record.text and row["doc_id"] == "sigi_01"
    assert all(isinstance(s, list) and len(s) == 3 for s in row["label"])
    assert row["relevant"] is True and row["event_type"] == "rapat_koordinasi"
    assert json.loads(dump_tasks([row], "doccano")) == row
    assert doccano_row("d", "Kota Palu", [(5, 9, "LOC")], {"relevant": False})["label"] == [
        [5, 9, "LOC"]]


def test_unknown_format_is_an_error() -> None:
    with pytest.raises(AnnotationError, match="unknown task format 'brat'"):
        tasks_from_records([], "brat")


def test_export_gold_documents_as_they_are(tmp_path: Path) -> None:
    corpus = tmp_path / "dokumen.jsonl"
    doc = AnnotatedDoc("g1", "Bupati Sigi hadir.", [(0, 11, "JABATAN"), (7, 11, "LOC")],
                       {"relevant": False, "event_type": None})
    corpus.write_text(json.dumps(doc.as_json()) + "\n", encoding="utf-8")
    summary = export_tasks([corpus], tmp_path / "tugas.json", "labelstudio", gold=True)
    assert (summary.tasks, summary.spans) == (1, 2)
    [task] = json.loads((tmp_path / "tugas.json").read_text(encoding="utf-8"))
    assert task["data"]["doc_id"] == "g1"
    assert summary.config and summary.config.read_text(encoding="utf-8") == labelstudio_config()
    export_tasks([corpus], tmp_path / "tugas.jsonl", "doccano", gold=True)
    row = json.loads((tmp_path / "tugas.jsonl").read_text(encoding="utf-8"))
    assert row["label"] == [[0, 11, "JABATAN"], [7, 11, "LOC"]]


# -- labeling config ---------------------------------------------------------------------


def test_labeling_config_names_every_label_and_choice() -> None:
    root = ET.fromstring(labelstudio_config())
    labels = root.find("Labels")
    assert labels is not None and labels.get("name") == "label" and labels.get("toName") == "text"
    assert [x.get("value") for x in labels.iter("Label")] == list(LABELS)
    choices = {c.get("name"): [x.get("value") for x in c.iter("Choice")]
               for c in root.iter("Choices")}
    assert choices["relevant"] == ["relevant", "not_relevant"]
    assert choices["event_type"] == list(EVENT_TYPES)
    assert choices["categories"] == list(APE_CATEGORIES)
    areas = {t.get("name") for t in root.iter("TextArea")}
    assert areas == {"event_date", "event_date_end", "kab_kota", "province", "participants",
                     "officials", "agencies", "venues"}


def test_shipped_labeling_config_is_the_generated_one() -> None:
    shipped = (ROOT / "pugnlp" / "annotate" / "labelstudio_config.xml").read_text(encoding="utf-8")
    assert shipped == labelstudio_config(), "regenerate pugnlp/annotate/labelstudio_config.xml"
