"""What pugnlp shares with Label Studio and doccano: tag names, choice values, the labeling
config and character offsets as a browser counts them.

Label Studio runs in the browser, where a string is indexed in UTF-16 code units; Python counts
code points. The two differ only after a character outside the Basic Multilingual Plane (an
emoji, say), so offsets are converted both ways with :func:`to_utf16` / :func:`from_utf16`.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from pugnlp.annotations import LABELS
from pugnlp.schema import APE_CATEGORIES, EVENT_TYPES

TEXT_TAG = "text"
LABELS_TAG = "label"
RELEVANT_TAG = "relevant"
EVENT_TYPE_TAG = "event_type"

RELEVANT_CHOICES: dict[str, bool] = {"relevant": True, "not_relevant": False}
"""Choice value -> ``relevant``. The importer also reads these words from doccano categories."""

RELEVANT_ALIASES: dict[str, bool] = {
    **RELEVANT_CHOICES, "yes": True, "no": False, "true": True, "false": False,
    "ya": True, "tidak": False, "distractor": False,
}

NESTED_SPANS_KEY = "nested_spans"
"""doccano metadata written by the export: how many spans overlap another (see readers.py)."""

LABEL_COLOURS: dict[str, str] = {
    "PER": "#e6194b", "JABATAN": "#f58231", "ORG": "#4363d8", "LOC": "#3cb44b",
    "VENUE": "#911eb4", "DATE": "#808000",
}


def overlapping_count(spans: list[tuple[int, int, str]] | list[list[Any]]) -> int:
    """How many spans overlap (nest in, contain or cross) at least another span."""
    ordered = sorted((int(s[0]), int(s[1])) for s in spans)
    overlapping: set[int] = set()
    for i, (start, end) in enumerate(ordered):
        for j in range(i + 1, len(ordered)):
            if ordered[j][0] >= end:
                break
            overlapping.update((i, j))
    return len(overlapping)


def labelstudio_config() -> str:
    """The Label Studio labeling config (XML) for pugnlp's labels and document choices.

    ``pugnlp/annotate/labelstudio_config.xml`` holds the same text (a test keeps them equal).
    """
    lines = [
        "<View>",
        f'  <Labels name="{LABELS_TAG}" toName="{TEXT_TAG}">',
    ]
    for label in LABELS:
        lines.append(f'    <Label value="{label}" background="{LABEL_COLOURS[label]}"/>')
    lines += [
        "  </Labels>",
        f'  <Text name="{TEXT_TAG}" value="$text"/>',
        '  <Header value="Relevant: does the article report a concrete PUG activity?"/>',
        f'  <Choices name="{RELEVANT_TAG}" toName="{TEXT_TAG}" choice="single" '
        'showInline="true" required="true">',
    ]
    lines += [f'    <Choice value="{value}"/>' for value in RELEVANT_CHOICES]
    lines += [
        "  </Choices>",
        f'  <View visibleWhen="choice-selected" whenTagName="{RELEVANT_TAG}" '
        'whenChoiceValue="relevant">',
        '    <Header value="Event type"/>',
        f'    <Choices name="{EVENT_TYPE_TAG}" toName="{TEXT_TAG}" choice="single" '
        'showInline="true">',
    ]
    lines += [f'      <Choice value="{value}"/>' for value in EVENT_TYPES]
    lines += ["    </Choices>", "  </View>"]
    lines += _field_controls()
    lines += ["</View>", ""]
    return "\n".join(lines)


FIELD_HEADERS: dict[str, str] = {
    "event_date": "Event date (YYYY-MM-DD)",
    "event_date_end": "Last day of a multi-day event (YYYY-MM-DD)",
    "kab_kota": "Kab/kota of the event (Kemendagri name, e.g. Kota Banjarbaru)",
    "province": "Province (Kemendagri name)",
    "participants": "Participants (number stated in the text)",
    "officials": "Officials of the event: one per entry, name | position",
    "agencies": "Agencies of the event: one per entry",
    "venues": "Venues of the event: one per entry",
}
SINGLE_VALUE_FIELDS = ("event_date", "event_date_end", "kab_kota", "province", "participants")


def _field_controls() -> list[str]:
    lines = ['  <Header value="Event fields (never from Baca Juga / Berita Terkait lines)"/>']
    for tag, header in FIELD_HEADERS.items():
        limit = ' maxSubmissions="1"' if tag in SINGLE_VALUE_FIELDS else ""
        lines += [f'  <Header value="{header}" size="6"/>',
                  f'  <TextArea name="{tag}" toName="{TEXT_TAG}" editable="true"{limit}/>']
    lines.append('  <Header value="APE categories mentioned" size="6"/>')
    lines.append(f'  <Choices name="categories" toName="{TEXT_TAG}" choice="multiple" '
                 'showInline="true">')
    lines += [f'    <Choice value="{value}"/>' for value in APE_CATEGORIES]
    lines.append("  </Choices>")
    return lines


def _astral_positions(text: str) -> list[int]:
    return [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]


def to_utf16(text: str, offset: int) -> int:
    """A code-point offset of ``text`` as a UTF-16 (JavaScript) offset."""
    if text.isascii():
        return offset
    return offset + bisect_right(_astral_positions(text), offset - 1)


def from_utf16(text: str, offset: int) -> int | None:
    """A UTF-16 offset of ``text`` as a code-point offset (None inside a surrogate pair)."""
    if text.isascii():
        return offset
    units = 0
    for i, ch in enumerate(text):
        if units == offset:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
        if units > offset:
            return None
    return len(text) if units == offset else None
