"""A real doccano: pugnlp's JSONL in, an annotator's corrections through the API, export out,
`pugnlp annotate import` back (issue 13).

pugnlp's file is for a Sequence Labeling project with 'Allow overlapping spans' on (nested
spans are part of the guidelines). doccano imports and exports through Celery tasks, keeps
every key but ``text`` and ``label`` as metadata, and checks neither span offsets nor, in a
project without overlapping spans, tells anyone that it dropped the nested ones: the importer
has to catch both. A Sequence Labeling project has no document class, so the event type
travels unchanged (it is corrected in Label Studio, see test_labelstudio_real.py).
"""

from __future__ import annotations

import io
import json
import time
import zipfile
from pathlib import Path
from typing import Any

from annotation_tools import Server, multipart
from tool_roundtrip import MISSED_PER, Scenario, assert_corrected, export_tasks, pugnlp

SEQUENCE_LABELING = {"project_type": "SequenceLabeling",
                     "resourcetype": "SequenceLabelingProject"}
INTENT_DETECTION = {"project_type": "IntentDetectionAndSlotFilling",
                    "resourcetype": "IntentDetectionAndSlotFillingProject"}


def wait_for(server: Server, task_id: str, timeout: float = 60.0) -> Any:
    """The result of a doccano (Celery) task."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = server.request("GET", f"/v1/tasks/status/{task_id}")
        if status.get("ready"):
            assert not status.get("error"), status
            return status.get("result")
        time.sleep(0.2)
    raise AssertionError(f"doccano task {task_id} not done within {timeout} s")


def create_project(server: Server, name: str, tasks_file: Path, kind: dict[str, str],
                   **options: Any) -> int:
    """A project of ``kind`` with ``tasks_file`` uploaded as JSONL (column ``label``)."""
    project = server.request("POST", "/v1/projects", {
        "name": name, "description": "pugnlp round trip", "guideline": "", **kind, **options})
    body, content_type = multipart("filepond", tasks_file.name, tasks_file.read_bytes())
    upload = server.request("POST", "/v1/fp/process/", raw=body, content_type=content_type)
    started = server.request("POST", f"/v1/projects/{project['id']}/upload", {
        "uploadIds": [upload.decode("utf-8")], "format": "JSONL", "task": kind["project_type"],
        "column_data": "text", "column_label": "label", "delimiter": "", "encoding": "utf_8"})
    wait_for(server, started["task_id"])
    return int(project["id"])


def examples(server: Server, project: int) -> dict[str, dict[str, Any]]:
    """doc_id -> doccano example."""
    page = server.request("GET", f"/v1/projects/{project}/examples?limit=100")
    return {e["meta"]["doc_id"]: e for e in page["results"]}


def export(server: Server, project: int, path: Path) -> Path:
    """The project's JSONL export (doccano zips one file per annotator)."""
    started = server.request("POST", f"/v1/projects/{project}/download",
                             {"format": "JSONL", "exportApproved": False})
    wait_for(server, started["task_id"])
    archive = server.request("GET", f"/v1/projects/{project}/download?taskId={started['task_id']}")
    with zipfile.ZipFile(io.BytesIO(archive)) as zipped:
        [name] = zipped.namelist()
        path.write_bytes(zipped.read(name))
    return path


def test_corrections_in_doccano_arrive_and_nothing_else_moves(
        doccano: Server, scenario: Scenario, tmp_path: Path) -> None:
    tasks_file = export_tasks(scenario.corpus, "doccano", tmp_path / "tugas.jsonl")
    project = create_project(doccano, "pugnlp round trip", tasks_file, SEQUENCE_LABELING,
                             allow_overlapping=True)
    example = examples(doccano, project)[scenario.first]
    base = f"/v1/projects/{project}/examples/{example['id']}/spans"
    spans = doccano.request("GET", base)
    assert len(spans) == len(scenario.before[scenario.first].spans)      # nested ones too
    span_types = {t["text"]: t["id"]
                  for t in doccano.request("GET", f"/v1/projects/{project}/span-types")}
    start, short_end, _ = scenario.short_date
    [date] = [s for s in spans if (s["start_offset"], s["end_offset"], s["label"])
              == (start, short_end, span_types["DATE"])]
    doccano.request("PATCH", f"{base}/{date['id']}", {"end_offset": scenario.fixed_date[1]})
    per_start, per_end, _ = scenario.added_per
    assert example["text"][per_start:per_end] == MISSED_PER
    doccano.request("POST", base, {"label": span_types["PER"], "start_offset": per_start,
                                   "end_offset": per_end})
    exported = export(doccano, project, tmp_path / "annotator.jsonl")

    result = pugnlp("annotate", "import", str(exported), "--into", str(scenario.corpus))

    assert result.exit_code == 0, result.output
    assert "added 0, replaced 1, unchanged 2 (written)" in result.output
    assert_corrected(scenario, relabelled=False)


def _rejected(scenario: Scenario, exported: Path, message: str) -> None:
    before = scenario.corpus.read_bytes()
    result = pugnlp("annotate", "import", str(exported), "--into", str(scenario.corpus))
    assert result.exit_code == 1
    assert f"REJECTED {exported}:" in result.output and "nothing merged from it" in result.output
    assert message in result.output, result.output
    assert scenario.corpus.read_bytes() == before


def test_a_span_out_of_the_text_merges_nothing(doccano: Server, scenario: Scenario,
                                                tmp_path: Path) -> None:
    tasks_file = export_tasks(scenario.corpus, "doccano", tmp_path / "tugas.jsonl")
    project = create_project(doccano, "out of range", tasks_file, SEQUENCE_LABELING,
                             allow_overlapping=True)
    example = examples(doccano, project)[scenario.relabelled]
    span_types = {t["text"]: t["id"]
                  for t in doccano.request("GET", f"/v1/projects/{project}/span-types")}
    length = len(example["text"])            # doccano takes a span past the end of the text
    doccano.request("POST", f"/v1/projects/{project}/examples/{example['id']}/spans",
                    {"label": span_types["PER"], "start_offset": length - 4,
                     "end_offset": length + 6})
    exported = export(doccano, project, tmp_path / "annotator.jsonl")
    line = 1 + [json.loads(x)["doc_id"] for x in exported.read_text("utf-8").splitlines()
                ].index(scenario.relabelled)
    _rejected(scenario, exported,
              f"{exported}:{line}: span [{length - 4}, {length + 6}, 'PER'] is outside the text "
              f"(length {length})")


def test_a_project_that_drops_nested_spans_merges_nothing(doccano: Server, scenario: Scenario,
                                                          tmp_path: Path) -> None:
    tasks_file = export_tasks(scenario.corpus, "doccano", tmp_path / "tugas.jsonl")
    project = create_project(doccano, "no overlaps", tasks_file, SEQUENCE_LABELING,
                             allow_overlapping=False)            # doccano's default
    example = examples(doccano, project)[scenario.first]
    kept = doccano.request("GET", f"/v1/projects/{project}/examples/{example['id']}/spans")
    assert len(kept) < len(scenario.before[scenario.first].spans)  # silently, on import
    exported = export(doccano, project, tmp_path / "annotator.jsonl")
    _rejected(scenario, exported, "nested spans and came back with no span overlapping another")


def test_an_intent_detection_project_merges_nothing(doccano: Server, scenario: Scenario,
                                                    tmp_path: Path) -> None:
    tasks_file = export_tasks(scenario.corpus, "doccano", tmp_path / "tugas.jsonl")
    project = create_project(doccano, "intent", tasks_file, INTENT_DETECTION)
    exported = export(doccano, project, tmp_path / "annotator.jsonl")
    _rejected(scenario, exported, "both `label` and `entities`")
