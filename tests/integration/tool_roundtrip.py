"""The scenario of the real round trips and its checks (fixtures: conftest.py).

``make_scenario`` writes a temporary annotation file of three documents of
``anotasi/dokumen.jsonl`` as a machine or a hurried annotator might have left them: in the
first (whose text starts with an emoji, so Label Studio's UTF-16 offsets differ from Python's)
a DATE ends too early and a PER is missing; the second has the wrong event type; the third is
right. ``Scenario.expected`` holds the documents as they are after the corrections.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from pugnlp.annotate.importer import save_annotations
from pugnlp.annotations import AnnotatedDoc, load_annotations
from pugnlp.cli import cli

ROOT = Path(__file__).resolve().parents[2]
DOC_IDS = ("a1_003", "a1_001", "a1_002")
PREFIX = "📷 "  # one astral character (camera): UTF-16 offsets after it are one more
MISSED_PER = "Mukhlis Amin"
SHORT_BY = 6            # the DATE "Kamis (9/11/2023)" was cut to "Kamis (9/1"
WRONG_EVENT_TYPE = "sosialisasi"


@dataclass(slots=True)
class Scenario:
    """The corpus file to correct, its documents before, and what the corrections give."""

    corpus: Path
    before: dict[str, AnnotatedDoc]
    expected: dict[str, AnnotatedDoc]
    fixed_date: tuple[int, int, str]     # code points, in the first document
    short_date: tuple[int, int, str]
    added_per: tuple[int, int, str]

    @property
    def first(self) -> str:
        return DOC_IDS[0]

    @property
    def relabelled(self) -> str:
        return DOC_IDS[1]


def make_scenario(tmp_path: Path) -> Scenario:
    """Write the corpus file of the scenario (module docstring) into ``tmp_path``."""
    gold = {d.id: d for d in load_annotations(ROOT / "anotasi" / "dokumen.jsonl")
            if d.id in DOC_IDS}
    shift = len(PREFIX)
    first = gold[DOC_IDS[0]]
    right = AnnotatedDoc(first.id, PREFIX + first.text,
                         sorted((s + shift, e + shift, lab) for s, e, lab in first.spans),
                         dict(first.fields))
    [date] = [s for s in right.spans if s[2] == "DATE"]
    [per] = [s for s in right.spans if s[2] == "PER" and right.text[s[0]:s[1]] == MISSED_PER]
    short = (date[0], date[1] - SHORT_BY, "DATE")
    assert not right.text[short[0]:short[1]][-1].isspace()
    hurried = AnnotatedDoc(first.id, right.text,
                           sorted([s for s in right.spans if s not in (date, per)] + [short]),
                           dict(first.fields))
    second = gold[DOC_IDS[1]]
    assert second.fields["event_type"] != WRONG_EVENT_TYPE
    wrong_type = AnnotatedDoc(second.id, second.text, list(second.spans),
                              {**second.fields, "event_type": WRONG_EVENT_TYPE})
    third = gold[DOC_IDS[2]]
    corpus = tmp_path / "dokumen.jsonl"
    save_annotations([hurried, wrong_type, third], corpus)
    return Scenario(corpus=corpus,
                    before={d.id: d for d in load_annotations(corpus)},
                    expected={right.id: right, second.id: second, third.id: third},
                    fixed_date=date, short_date=short, added_per=per)


def pugnlp(*args: str) -> Any:
    """Run the pugnlp command line in-process (CliRunner); returns the click Result."""
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def export_tasks(corpus: Path, fmt: str, out: Path) -> Path:
    result = pugnlp("annotate", "export", str(corpus), "--gold", "--format", fmt, "-o", str(out))
    assert result.exit_code == 0, result.output
    return out


def utf16(text: str, offset: int) -> int:
    """A code-point offset as the browser counts it (independent of pugnlp's converter)."""
    return len(text[:offset].encode("utf-16-le")) // 2


def assert_corrected(scenario: Scenario, *, relabelled: bool) -> None:
    """The corrections arrived, exactly; every other span, field and text is as before."""
    after = {d.id: d for d in load_annotations(scenario.corpus)}
    assert list(after) == list(scenario.before)                  # same documents, same order
    first_before, first_after = scenario.before[scenario.first], after[scenario.first]
    assert first_after.text == first_before.text
    assert scenario.fixed_date in first_after.spans and scenario.added_per in first_after.spans
    assert scenario.short_date not in first_after.spans
    untouched = set(first_before.spans) - {scenario.short_date}
    assert set(first_after.spans) - {scenario.fixed_date, scenario.added_per} == untouched
    assert first_after.fields == first_before.fields
    for doc_id in DOC_IDS[1:]:
        assert after[doc_id].text == scenario.before[doc_id].text
        assert after[doc_id].spans == scenario.before[doc_id].spans     # 0 span drift
    second = after[scenario.relabelled]
    if relabelled:
        assert second.fields == scenario.expected[scenario.relabelled].fields
        assert after == scenario.expected
    else:
        assert second.fields == scenario.before[scenario.relabelled].fields
    assert after[DOC_IDS[2]].as_json() == scenario.before[DOC_IDS[2]].as_json()


def write_json(path: Path, content: Any) -> Path:
    path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    return path
