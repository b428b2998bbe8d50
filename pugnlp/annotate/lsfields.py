"""The event fields of a document as Label Studio controls, both ways.

In Label Studio every document field is a control that the annotator can correct: relevance,
event type and APE categories are ``Choices``; dates, places, the participant count and the
lists of officials, agencies and venues are ``TextArea`` entries (one entry per item; an
official is written ``name | position``). :func:`field_results` turns fields into prediction
results, :func:`fields_from_results` reads an annotation's results back and checks them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pugnlp.annotate.tools import EVENT_TYPE_TAG, RELEVANT_ALIASES, RELEVANT_TAG, TEXT_TAG
from pugnlp.errors import AnnotationError

SCALAR_TAGS: tuple[str, ...] = ("event_date", "event_date_end", "kab_kota", "province",
                                "participants")
LIST_TAGS: tuple[str, ...] = ("officials", "agencies", "venues")
CATEGORIES_TAG = "categories"
FIELD_TAGS: tuple[str, ...] = SCALAR_TAGS + LIST_TAGS + (CATEGORIES_TAG,)
OFFICIAL_SEPARATOR = " | "


def _choices(result_id: str, tag: str, values: list[str]) -> dict[str, Any]:
    return {"id": result_id, "from_name": tag, "to_name": TEXT_TAG, "type": "choices",
            "value": {"choices": values}}


def _textarea(result_id: str, tag: str, texts: list[str]) -> dict[str, Any]:
    return {"id": result_id, "from_name": tag, "to_name": TEXT_TAG, "type": "textarea",
            "value": {"text": texts}}


def field_results(fields: dict[str, Any]) -> list[dict[str, Any]]:
    """Prediction results (choices and text areas) for a document's fields."""
    results: list[dict[str, Any]] = []
    relevant = fields.get("relevant")
    if isinstance(relevant, bool):
        results.append(_choices("relevant", RELEVANT_TAG,
                                ["relevant" if relevant else "not_relevant"]))
        if relevant and fields.get("event_type"):
            results.append(_choices("event_type", EVENT_TYPE_TAG, [str(fields["event_type"])]))
    for tag in SCALAR_TAGS:
        if fields.get(tag) is not None:
            results.append(_textarea(tag, tag, [str(fields[tag])]))
    for tag in LIST_TAGS:
        items = [_official_text(x) if tag == "officials" else str(x)
                 for x in fields.get(tag) or []]
        if items:
            results.append(_textarea(tag, tag, items))
    if fields.get(CATEGORIES_TAG):
        results.append(_choices(CATEGORIES_TAG, CATEGORIES_TAG, list(fields[CATEGORIES_TAG])))
    return results


def _official_text(official: Any) -> str:
    if isinstance(official, dict):
        name, position = official.get("name") or "", official.get("position")
        return f"{name}{OFFICIAL_SEPARATOR}{position}" if position else str(name)
    return str(official)


def fields_from_results(values: dict[str, list[str]], where: str) -> dict[str, Any]:
    """Document fields from the values of an annotation's controls.

    Args:
        values: control name -> its values (the choices, or the text-area entries).
        where: file and task, for error messages.

    Returns:
        Fields of the annotation format. When the annotation has any event-field control,
        the fields it leaves empty become null (or empty lists); when it has none (another
        labeling config), only relevance and event type are returned.

    Raises:
        AnnotationError: a value that is not a date, a number or a known choice.
    """
    fields: dict[str, Any] = {}
    if RELEVANT_TAG in values:
        fields["relevant"] = _relevance(values[RELEVANT_TAG], where)
    if EVENT_TYPE_TAG in values:
        fields["event_type"] = _single(values[EVENT_TYPE_TAG], EVENT_TYPE_TAG, where)
    if not any(tag in values for tag in FIELD_TAGS):
        return fields
    for tag in SCALAR_TAGS:
        raw = _single(values[tag], tag, where) if values.get(tag) else None
        fields[tag] = _scalar(tag, raw.strip(), where) if raw and raw.strip() else None
    for tag in LIST_TAGS:
        items = [v.strip() for v in values.get(tag, []) if v and v.strip()]
        fields[tag] = [_official(v) for v in items] if tag == "officials" else items
    fields[CATEGORIES_TAG] = list(values.get(CATEGORIES_TAG, []))
    return fields


def _single(values: list[str], tag: str, where: str) -> str:
    if len(values) != 1:
        raise AnnotationError(f"{where}: {tag!r} must have exactly one value, got {values!r}")
    return str(values[0])


def _relevance(values: list[str], where: str) -> bool:
    value = _single(values, RELEVANT_TAG, where)
    if value.lower() not in RELEVANT_ALIASES:
        raise AnnotationError(f"{where}: unknown relevance choice {value!r} "
                              "(use relevant or not_relevant)")
    return RELEVANT_ALIASES[value.lower()]


def _scalar(tag: str, raw: str, where: str) -> Any:
    if tag == "participants":
        if not raw.isdigit():
            raise AnnotationError(f"{where}: participants must be a whole number, got {raw!r}")
        return int(raw)
    if tag in ("event_date", "event_date_end"):
        try:
            dt.date.fromisoformat(raw)
        except ValueError as exc:
            raise AnnotationError(f"{where}: {tag} must be a date YYYY-MM-DD, got {raw!r}") from exc
    return raw


def _official(text: str) -> dict[str, str | None]:
    name, _, position = text.partition("|")
    return {"name": name.strip(), "position": position.strip() or None}


def control_values(results: list[Any]) -> dict[str, list[str]]:
    """Control name -> values, from Label Studio results (choices and text areas only)."""
    values: dict[str, list[str]] = {}
    for result in results:
        if not isinstance(result, dict) or not isinstance(result.get("value"), dict):
            continue
        kind, value = result.get("type"), result["value"]
        if kind == "choices":
            values.setdefault(str(result.get("from_name")), []).extend(
                str(v) for v in value.get("choices") or [])
        elif kind == "textarea":
            values.setdefault(str(result.get("from_name")), []).extend(
                str(v) for v in value.get("text") or [])
    return values


def json_min_values(item: dict[str, Any]) -> dict[str, list[str]]:
    """Control name -> values, from a JSON-MIN item (a string, or a dict of choices/text)."""
    values: dict[str, list[str]] = {}
    for tag in (RELEVANT_TAG, EVENT_TYPE_TAG) + FIELD_TAGS:
        if tag not in item:
            continue
        raw = item[tag]
        found: list[str] = []
        for part in raw if isinstance(raw, list) else [raw]:
            if isinstance(part, dict):
                found.extend(str(v) for v in part.get("choices") or part.get("text") or [])
            elif part is not None:
                found.append(str(part))
        values[tag] = found
    return values
