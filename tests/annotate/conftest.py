"""Fixtures of the annotation tests: hand-written tool exports and what the tools do to a file.

``labelstudio_cycle`` and ``doccano_cycle`` stand in for a person who imports our tasks into
the tool, corrects them and exports the result: they produce files shaped as Label Studio's
JSON export and doccano's JSONL export are (see the hand-written files in fixtures/).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

FIXTURES = Path(__file__).parent / "fixtures"

Task = dict[str, Any]


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


def _labelstudio_export(tasks: list[Task], edit: Callable[[int, list[dict[str, Any]]], None]
                        ) -> list[Task]:
    """Label Studio after import: its own ids; the annotator starts from the prediction,
    edits the result and submits; the export holds the annotation and prediction ids."""
    exported = []
    for n, task in enumerate(tasks):
        task_id = 100 + n
        result = copy.deepcopy(task["predictions"][0]["result"])
        for item in result:
            item["origin"] = "prediction"
        edit(n, result)
        exported.append({
            "id": task_id,
            "annotations": [{
                "id": 500 + n, "completed_by": 1, "result": result, "was_cancelled": False,
                "ground_truth": False, "created_at": "2024-06-01T10:00:00.000000Z",
                "updated_at": "2024-06-01T10:05:00.000000Z", "draft_created_at": None,
                "lead_time": 12.5, "prediction": {}, "result_count": 0,
                "unique_id": f"uid-{n}", "import_id": None, "last_action": None,
                "bulk_created": False, "task": task_id, "project": 1, "updated_by": 1,
                "parent_prediction": 900 + n, "parent_annotation": None,
                "last_created_by": None}],
            "file_upload": "5f2a-tasks.json", "drafts": [], "predictions": [900 + n],
            "data": task["data"], "meta": {}, "created_at": "2024-06-01T09:00:00.000000Z",
            "updated_at": "2024-06-01T10:05:00.000000Z", "inner_id": n + 1,
            "total_annotations": 1, "cancelled_annotations": 0, "total_predictions": 1,
            "comment_count": 0, "unresolved_comment_count": 0, "last_comment_updated_at": None,
            "project": 1, "updated_by": 1, "comment_authors": []})
    return exported


def _doccano_export(rows: list[Task], edit: Callable[[int, list[list[Any]]], None]
                    ) -> list[Task]:
    """doccano after import: every key but text and label is metadata; the export writes
    its own example id, the text, the metadata, the spans and the comments."""
    exported = []
    for n, row in enumerate(rows):
        meta = {k: v for k, v in row.items() if k not in ("text", "label")}
        spans = [list(s) for s in row["label"]]
        edit(n, spans)
        exported.append({"id": 1 + n, "text": row["text"], **meta, "label": sorted(spans),
                         "Comments": []})
    return exported


@pytest.fixture()
def labelstudio_cycle(tmp_path: Path) -> Callable[..., Path]:
    def run(tasks: list[Task],
            edit: Callable[[int, list[dict[str, Any]]], None] = lambda n, r: None,
            name: str = "ls_export.json") -> Path:
        path = tmp_path / name
        path.write_text(json.dumps(_labelstudio_export(tasks, edit), ensure_ascii=False),
                        encoding="utf-8")
        return path

    return run


@pytest.fixture()
def doccano_cycle(tmp_path: Path) -> Callable[..., Path]:
    def run(rows: list[Task], edit: Callable[[int, list[list[Any]]], None] = lambda n, s: None,
            name: str = "doccano_export.jsonl") -> Path:
        path = tmp_path / name
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n"
                                for r in _doccano_export(rows, edit)), encoding="utf-8")
        return path

    return run
