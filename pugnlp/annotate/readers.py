"""Read the files Label Studio and doccano export into rows of the annotation format.

Understood, by content (not by file name):

- Label Studio JSON export: a list of tasks ``{"id", "data": {"text", "doc_id", ...},
  "annotations": [{"result": [...], "was_cancelled", "ground_truth", "updated_at", ...}],
  ...}``. Spans are ``labels`` results (``value``: start, end, text, labels); the document's
  relevance and event type are ``choices`` results named ``relevant`` and ``event_type``.
- Label Studio JSON-MIN export: a list of flat objects, the task data plus one key per control
  (``label``: a list of ``{start, end, text, labels}``; a choice or a single text entry is a
  string, several are ``{"choices": [...]}`` / ``{"text": [...]}``).
- doccano JSONL export of a sequence-labelling project: ``{"id", "text", "label": [[s, e, "L"]],
  "Comments": [], ...metadata}``; with relation labelling ``"entities": [{"id", "label",
  "start_offset", "end_offset"}]``; an intent-detection project's ``cats`` give the
  relevance (``relevant``/``not_relevant``) and event type. Our own JSONL format is read too.

Each row is returned with where it came from ("file: task #3 (id 17)" or "file:12"). Rows are
not validated here: :func:`pugnlp.annotations.validate_doc` does that.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pugnlp.annotate.lsfields import (
    CATEGORIES_TAG,
    LIST_TAGS,
    SCALAR_TAGS,
    control_values,
    fields_from_results,
    json_min_values,
)
from pugnlp.annotate.tools import (
    EVENT_TYPE_TAG,
    LABELS_TAG,
    NESTED_SPANS_KEY,
    RELEVANT_ALIASES,
    RELEVANT_TAG,
    TEXT_TAG,
    from_utf16,
    overlapping_count,
)
from pugnlp.annotations import DOC_FIELDS
from pugnlp.errors import AnnotationError
from pugnlp.schema import EVENT_TYPES


@dataclass(slots=True)
class Row:
    """One document read from a tool's export, in the annotation format (not yet validated).

    ``row["id"]`` is the document id when the file names one (``doc_id``, or a textual ``id``),
    else None: the importer then finds the document by its text or gives it a new id.
    """

    where: str
    row: dict[str, Any]


@dataclass(slots=True)
class ReadResult:
    rows: list[Row]
    skipped: list[str]
    errors: list[str]


def read_export(path: Path) -> ReadResult:
    """Rows of a Label Studio (JSON, JSON-MIN) or doccano (JSONL) export file.

    Tasks without a submitted annotation are skipped (listed in ``skipped`` with the reason).

    Raises:
        AnnotationError: the file cannot be read or is neither format.
    """
    try:
        content = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise AnnotationError(f"{path}: cannot read ({exc})") from exc
    result = ReadResult([], [], [])
    if not content.strip():
        raise AnnotationError(f"{path}: empty file")
    if content.lstrip().startswith("["):
        try:
            items = json.loads(content)
        except json.JSONDecodeError as exc:
            raise AnnotationError(f"{path}: not JSON (line {exc.lineno}: {exc.msg})") from exc
        for index, item in enumerate(items, start=1):
            task_id = item.get("id") if isinstance(item, dict) else None
            _read_one(item, f"{path}: task #{index} (id {task_id})", result)
        return result
    try:
        whole = json.loads(content)   # one pretty-printed task or line
    except json.JSONDecodeError:
        whole = None
    if isinstance(whole, dict) and content.strip().count("\n") > 0:
        _read_one(whole, f"{path}: task #1 (id {whole.get('id')})", result)
        return result
    for lineno, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            result.errors.append(f"{path}:{lineno}: not JSON ({exc.msg})")
            continue
        _read_one(item, f"{path}:{lineno}", result)
    return result


def _read_one(item: Any, where: str, result: ReadResult) -> None:
    try:
        if not isinstance(item, dict):
            raise AnnotationError(f"{where}: an item must be a JSON object")
        if "annotations" in item or "completions" in item:
            row = labelstudio_row(item, where)
        elif isinstance(item.get("data"), dict):
            row = None  # a task nobody annotated (exported with "only annotated" off)
        elif _is_json_min(item):
            row = json_min_row(item, where)
        else:
            row = doccano_row_in(item, where)
    except AnnotationError as exc:
        result.errors.append(str(exc))
        return
    if row is None:
        result.skipped.append(f"{where}: no submitted annotation")
    else:
        result.rows.append(Row(where, row))


def _is_json_min(item: dict[str, Any]) -> bool:
    label = item.get("label")
    return "annotation_id" in item or (
        isinstance(label, list) and bool(label) and isinstance(label[0], dict)
        and "start" in label[0])


# -- Label Studio ----------------------------------------------------------------------------


def labelstudio_row(task: dict[str, Any], where: str) -> dict[str, Any] | None:
    """The row of one Label Studio task (its chosen annotation), None if none was submitted.

    Of several annotations, a ground-truth one wins, then the most recently updated one.
    """
    data = task.get("data")
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise AnnotationError(f"{where}: task has no data.text")
    annotations = [a for a in task.get("annotations") or task.get("completions") or []
                   if isinstance(a, dict) and not (a.get("was_cancelled") or a.get("skipped"))]
    if not annotations:
        return None
    chosen = max(enumerate(annotations), key=lambda ia: (
        bool(ia[1].get("ground_truth")), str(ia[1].get("updated_at") or ia[1].get("created_at")
                                             or ""), ia[0]))[1]
    text = data["text"]
    row = _base_row(data, text)
    spans: list[list[Any]] = []
    results = chosen.get("result") or []
    _check_config(results, where)
    for result in results:
        kind = result.get("type") if isinstance(result, dict) else None
        value = result.get("value") if isinstance(result, dict) else None
        if kind == "labels" and isinstance(value, dict):
            spans.extend(_ls_span(text, value, where))
    row.update(fields_from_results(control_values(results), where))
    row["label"] = spans
    return _finish(row, where)


def json_min_row(item: dict[str, Any], where: str) -> dict[str, Any]:
    """The row of one Label Studio JSON-MIN item (task data and controls side by side)."""
    text = item.get("text")
    if not isinstance(text, str):
        raise AnnotationError(f"{where}: item has no text")
    if RELEVANT_TAG not in item:
        raise AnnotationError(f"{where}: no {RELEVANT_TAG!r} choice, which pugnlp's labeling "
                              f"config requires: {OTHER_CONFIG_HINT}")
    row = _base_row({"doc_id": item.get("doc_id")}, text)
    spans: list[list[Any]] = []
    for value in item.get("label") or []:
        if not isinstance(value, dict):
            raise AnnotationError(f"{where}: label {value!r} is not a region")
        spans.extend(_ls_span(text, value, where))
    row.update(fields_from_results(json_min_values(item), where))
    row["label"] = spans
    return _finish(row, where)


OTHER_CONFIG_HINT = ("exported from a project with another labeling config? Create the project "
                     "with the config that `pugnlp annotate export` writes (OUT.config.xml)")
KNOWN_CONTROLS: dict[str, tuple[str, ...]] = {
    LABELS_TAG: ("labels",), RELEVANT_TAG: ("choices",), EVENT_TYPE_TAG: ("choices",),
    CATEGORIES_TAG: ("choices",), **{tag: ("textarea",) for tag in SCALAR_TAGS + LIST_TAGS},
}
"""Control name -> result types of pugnlp's labeling config (tools.labelstudio_config)."""


def _check_config(results: list[Any], where: str) -> None:
    """Every result must come from a control of pugnlp's labeling config, and the required
    relevance choice must be there: Label Studio stores and exports whatever a project's
    config produced, so an export of another project would otherwise merge half-read."""
    for result in results:
        if not isinstance(result, dict):
            raise AnnotationError(f"{where}: result {result!r} is not an object")
        name, target, kind = result.get("from_name"), result.get("to_name"), result.get("type")
        if kind in ("hypertextlabels", "paragraphlabels"):
            raise AnnotationError(f"{where}: {kind} results; label the plain Text tag "
                                  "(use the config that `pugnlp annotate export` writes)")
        if name not in KNOWN_CONTROLS or target != TEXT_TAG or kind not in KNOWN_CONTROLS[name]:
            raise AnnotationError(
                f"{where}: a {kind!r} result of control {name!r} on {target!r} is not in "
                f"pugnlp's labeling config (controls: {', '.join(KNOWN_CONTROLS)}); "
                f"{OTHER_CONFIG_HINT}")
    if not any(r.get("from_name") == RELEVANT_TAG for r in results):
        raise AnnotationError(f"{where}: the annotation has no {RELEVANT_TAG!r} choice, which "
                              f"pugnlp's labeling config requires: {OTHER_CONFIG_HINT}")


def _ls_span(text: str, value: dict[str, Any], where: str) -> list[list[Any]]:
    start, end, labels = value.get("start"), value.get("end"), value.get("labels")
    if not (isinstance(start, int) and isinstance(end, int)):
        raise AnnotationError(f"{where}: region {value!r} has no character start/end")
    if not isinstance(labels, list) or not labels:
        raise AnnotationError(f"{where}: region [{start}, {end}] has no label")
    surface = value.get("text")
    if isinstance(surface, str) and (end > len(text) or text[start:end] != surface):
        cp_start, cp_end = from_utf16(text, start), from_utf16(text, end)
        if cp_start is None or cp_end is None or text[cp_start:cp_end] != surface:
            raise AnnotationError(
                f"{where}: span [{start}, {end}, {labels[0]!r}] says {surface!r} but the text "
                f"there is {text[start:end]!r} (was the text changed?)")
        start, end = cp_start, cp_end
    return [_trimmed(text, start, end, label) for label in labels]


# -- doccano ---------------------------------------------------------------------------------


def doccano_row_in(item: dict[str, Any], where: str) -> dict[str, Any]:
    """The row of one doccano export line (or a line of our own format)."""
    text = item.get("text", item.get("data"))
    if not isinstance(text, str):
        raise AnnotationError(f"{where}: line has no text")
    row = _base_row(item, text)
    raw = item.get("label", item.get("labels"))
    entities = item.get("entities")
    if raw is not None and entities is not None:
        raise AnnotationError(
            f"{where}: both `label` and `entities`: doccano kept the file's `label` as "
            "metadata, so this project is not a Sequence Labeling one (an Intent Detection "
            "project reads spans from `entities` only, and cannot hold nested spans); import "
            "the file of `pugnlp annotate export --format doccano` into a Sequence Labeling "
            "project with 'Allow overlapping spans' on")
    if raw is None and isinstance(entities, list):
        raw = [[e.get("start_offset"), e.get("end_offset"), e.get("label")]
               if isinstance(e, dict) else e for e in entities]
    if raw is not None and not isinstance(raw, list):
        raise AnnotationError(f"{where}: `label` must be a list of [start, end, label]")
    spans: list[Any] = []
    for span in raw or []:
        if isinstance(span, (list, tuple)) and len(span) == 3 and all(
                isinstance(x, int) for x in span[:2]):
            spans.append(_trimmed(text, span[0], span[1], span[2]))
        else:
            spans.append(span)  # validate_doc names what is wrong with it
    row["label"] = spans
    _check_nested_kept(item, spans, where)
    for category in item.get("cats") or []:
        name = str(category)
        if name.lower() in RELEVANT_ALIASES:
            row["relevant"] = RELEVANT_ALIASES[name.lower()]
        elif name in EVENT_TYPES:
            row["event_type"] = name
    return _finish(row, where)


def _check_nested_kept(item: dict[str, Any], spans: list[Any], where: str) -> None:
    """Refuse a document whose nested spans all vanished in doccano.

    doccano drops overlapping spans on import, silently, in a project without 'Allow
    overlapping spans' (and always in an Intent Detection project). The export notes how
    many of its spans overlap another (metadata ``nested_spans``); when there were some and
    not one span of the file overlaps another, the project dropped them, not the annotator.
    """
    expected = item.get(NESTED_SPANS_KEY)
    if not isinstance(expected, int) or expected <= 0:
        return
    good = [s for s in spans if isinstance(s, list) and len(s) == 3
            and all(isinstance(x, int) for x in s[:2])]
    if overlapping_count(good) == 0:
        raise AnnotationError(
            f"{where}: the document went to doccano with {expected} nested spans and came back "
            "with no span overlapping another: the project dropped them on import (turn on "
            "'Allow overlapping spans' in a Sequence Labeling project, import the tasks again "
            "and redo the corrections)")


# -- shared ----------------------------------------------------------------------------------


def _base_row(data: dict[str, Any], text: str) -> dict[str, Any]:
    """id (None when only a tool's own number is known), text and the event fields."""
    doc_id = data.get("doc_id")
    if not isinstance(doc_id, str) or not doc_id.strip():
        raw_id = data.get("id")
        doc_id = raw_id if isinstance(raw_id, str) and raw_id.strip() else None
    row: dict[str, Any] = {"id": doc_id.strip() if doc_id else None, "text": text}
    row.update({k: data[k] for k in DOC_FIELDS if k in data})
    return row


def _trimmed(text: str, start: int, end: int, label: Any) -> list[Any]:
    """A span without the white space that a mouse selection often takes along."""
    if not 0 <= start < end <= len(text):
        return [start, end, label]  # validate_doc reports it
    trimmed_start, trimmed_end = start, end
    while trimmed_start < trimmed_end and text[trimmed_start].isspace():
        trimmed_start += 1
    while trimmed_end > trimmed_start and text[trimmed_end - 1].isspace():
        trimmed_end -= 1
    if trimmed_start == trimmed_end:
        return [start, end, label]  # all white space: validate_doc reports it
    return [trimmed_start, trimmed_end, label]


def _finish(row: dict[str, Any], where: str) -> dict[str, Any]:
    if row.get("relevant") is False:
        row["event_type"] = None
    elif row.get("relevant") is True and not row.get("event_type"):
        raise AnnotationError(f"{where}: relevant document without an event_type")
    return row
