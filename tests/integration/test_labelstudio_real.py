"""A real Label Studio: pugnlp's tasks in, an annotator's corrections through the API, export
out, `pugnlp annotate import` back (issue 13).

The annotator works as the browser does: it starts from the prediction, sends the whole
result with UTF-16 offsets, and submits. Label Studio checks no result against the labeling
config, so the importer has to (the other-config test).
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

from annotation_tools import Server
from tool_roundtrip import (
    MISSED_PER,
    Scenario,
    assert_corrected,
    export_tasks,
    pugnlp,
    utf16,
    write_json,
)

OTHER_CONFIG = """<View>
  <Labels name="label" toName="text">
    <Label value="PER" background="red"/>
    <Label value="ORG" background="darkorange"/>
    <Label value="LOC" background="orange"/>
    <Label value="MISC" background="green"/>
  </Labels>
  <Text name="text" value="$text"/>
</View>
"""
"""Label Studio's own NER template: same tag names, no document choices."""


def create_project(server: Server, title: str, config: str, tasks: list[dict[str, Any]]
                   ) -> tuple[int, list[int]]:
    """A project with ``config`` and ``tasks`` imported (synchronously); its id and task ids."""
    project = server.request("POST", "/api/projects", {"title": title, "label_config": config})
    done = server.request("POST", f"/api/projects/{project['id']}/import?return_task_ids=true",
                          tasks)
    assert done["task_count"] == len(tasks), done
    return project["id"], list(done["task_ids"])


def submit(server: Server, task_id: int, result: list[dict[str, Any]],
           prediction_id: int | None = None) -> None:
    body: dict[str, Any] = {"result": result, "lead_time": 42.0}
    if prediction_id is not None:
        body["parent_prediction"] = prediction_id
    server.request("POST", f"/api/tasks/{task_id}/annotations/", body)


def export(server: Server, project: int, kind: str, path: Path) -> Path:
    exported = server.request("GET", f"/api/projects/{project}/export?exportType={kind}")
    return write_json(path, exported)


def _region(text: str, start: int, end: int, label: str) -> dict[str, Any]:
    """A region drawn by the annotator (browser offsets)."""
    return {"id": uuid.uuid4().hex[:10], "from_name": "label", "to_name": "text",
            "type": "labels", "origin": "manual",
            "value": {"start": utf16(text, start), "end": utf16(text, end),
                      "text": text[start:end], "labels": [label]}}


def correct(scenario: Scenario, doc_id: str, text: str,
            result: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What the annotator changes in one task's result (a copy of the prediction)."""
    for item in result:
        item["origin"] = "prediction"
    if doc_id == scenario.first:
        start, end, _ = scenario.fixed_date
        short_end = utf16(text, scenario.short_date[1])
        [date] = [r for r in result if r["type"] == "labels"
                  and r["value"]["labels"] == ["DATE"] and r["value"]["end"] == short_end]
        date["value"].update(end=utf16(text, end), text=text[start:end])   # drag the end
        date["origin"] = "prediction-changed"
        per_start, per_end, _ = scenario.added_per
        assert text[per_start:per_end] == MISSED_PER
        result.append(_region(text, per_start, per_end, "PER"))
    elif doc_id == scenario.relabelled:
        [event_type] = [r for r in result if r["from_name"] == "event_type"]
        event_type["value"]["choices"] = [scenario.expected[doc_id].fields["event_type"]]
        event_type["origin"] = "prediction-changed"
    return result


def annotate_all(server: Server, scenario: Scenario, task_ids: list[int]) -> None:
    for task_id in task_ids:
        task = server.request("GET", f"/api/tasks/{task_id}")
        [prediction] = server.request("GET", f"/api/predictions?task={task_id}")
        text, doc_id = task["data"]["text"], task["data"]["doc_id"]
        submit(server, task_id, correct(scenario, doc_id, text, prediction["result"]),
               prediction["id"])


def test_corrections_in_label_studio_arrive_and_nothing_else_moves(
        labelstudio: Server, scenario: Scenario, tmp_path: Path) -> None:
    tasks_file = export_tasks(scenario.corpus, "labelstudio", tmp_path / "tugas.json")
    config = (tmp_path / "tugas.config.xml").read_text(encoding="utf-8")
    tasks = json.loads(tasks_file.read_text(encoding="utf-8"))
    project, task_ids = create_project(labelstudio, "pugnlp round trip", config, tasks)
    annotate_all(labelstudio, scenario, task_ids)

    full = export(labelstudio, project, "JSON", tmp_path / "project-export.json")
    minimal = export(labelstudio, project, "JSON_MIN", tmp_path / "project-export-min.json")
    copy = tmp_path / "copy.jsonl"
    copy.write_bytes(scenario.corpus.read_bytes())

    result = pugnlp("annotate", "import", str(full), "--into", str(scenario.corpus))
    assert result.exit_code == 0, result.output
    assert "added 0, replaced 2, unchanged 1 (written)" in result.output
    assert_corrected(scenario, relabelled=True)

    # JSON-MIN carries the same corrections
    result = pugnlp("annotate", "import", str(minimal), "--into", str(copy))
    assert result.exit_code == 0, result.output
    assert copy.read_bytes() == scenario.corpus.read_bytes()

    # the same export again changes nothing
    result = pugnlp("annotate", "import", str(full), "--into", str(scenario.corpus))
    assert "added 0, replaced 0, unchanged 3 (nothing changed)" in result.output


def test_an_export_of_a_project_with_another_config_merges_nothing(
        labelstudio: Server, scenario: Scenario, tmp_path: Path) -> None:
    tasks_file = export_tasks(scenario.corpus, "labelstudio", tmp_path / "tugas.json")
    tasks = json.loads(tasks_file.read_text(encoding="utf-8"))
    project, task_ids = create_project(labelstudio, "someone's NER project", OTHER_CONFIG, tasks)
    task = labelstudio.request("GET", f"/api/tasks/{task_ids[0]}")
    text = task["data"]["text"]
    per_start, per_end, _ = scenario.added_per
    submit(labelstudio, task_ids[0], [_region(text, per_start, per_end, "PER")])
    exported = export(labelstudio, project, "JSON", tmp_path / "other-project.json")
    before = scenario.corpus.read_bytes()

    result = pugnlp("annotate", "import", str(exported), "--into", str(scenario.corpus))

    assert result.exit_code == 1
    assert f"REJECTED {exported}: 1 error(s), nothing merged from it" in result.output
    assert f"{exported}: task #1 (id {task_ids[0]}): the annotation has no 'relevant' choice" \
        in result.output
    assert "another labeling config" in result.output
    assert scenario.corpus.read_bytes() == before
