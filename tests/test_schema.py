"""The record schema is the contract: docs/schema.md is generated from it and must not drift."""

from __future__ import annotations

from dataclasses import dataclass, fields, is_dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pugnlp.errors import SchemaError
from pugnlp.schema import (
    COLUMNS,
    EVIDENCE_FIELDS,
    RECORD_FIELDS,
    SUB_FIELDS,
    Agency,
    EventRecord,
    Evidence,
    field_types,
    item_type,
    schema_markdown,
    unwrap_optional,
)

ROOT = Path(__file__).resolve().parents[1]

CONTRACT = (
    "doc_id", "url", "title", "published", "relevant", "event_type", "event_date",
    "event_date_end", "kab_kota", "kab_kota_code", "province", "province_code",
    "place_precision", "venues", "officials", "agencies", "participants", "ape_categories",
)


def test_docs_schema_is_generated_from_code() -> None:
    documented = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    assert documented == schema_markdown(), "run `pugnlp schema -o docs/schema.md`"


def test_columns_are_the_record_fields() -> None:
    assert list(COLUMNS) == [f.name for f in fields(EventRecord)]


def test_issue_field_names_are_kept() -> None:
    for name in CONTRACT:
        assert name in COLUMNS, f"contract field {name} missing"


# --- the record contract: the dataclasses, and everything derived from them ---------------

_DOC_TYPES = {str: ("string", "date"), int: ("int",), float: ("float",), bool: ("bool",)}


def test_record_fields_document_every_dataclass_field_in_order() -> None:
    assert [f.name for f in RECORD_FIELDS] == list(COLUMNS) == [f.name for f in fields(EventRecord)]


@pytest.mark.parametrize("doc", RECORD_FIELDS, ids=lambda d: d.name)
def test_documented_type_matches_the_type_hint(doc: Any) -> None:
    hint, optional = unwrap_optional(field_types(EventRecord)[doc.name])
    item = item_type(hint)
    if item is not None:
        assert doc.dtype == f"list[{item.__name__}]"
    elif is_dataclass(hint):
        assert doc.dtype == hint.__name__ + "?" * optional
    else:
        assert doc.dtype.rstrip("?") in _DOC_TYPES[hint]
        assert doc.dtype.endswith("?") == optional


@pytest.mark.parametrize("doc", RECORD_FIELDS, ids=lambda d: d.name)
def test_documented_csv_form_matches_the_field_metadata(doc: Any) -> None:
    field = {f.name: f for f in fields(EventRecord)}[doc.name]
    assert doc.csv.startswith("omitted") == (field.metadata.get("csv") is False)


def test_sub_fields_are_derived_from_the_item_dataclasses() -> None:
    assert EVIDENCE_FIELDS == ("start", "end", "sentence")
    assert SUB_FIELDS == {
        "venues": ("name", "evidence"),
        "officials": ("name", "position", "agency", "evidence"),
        "agencies": ("name", "acronym", "expansion", "evidence", "text", "level", "region",
                     "region_code", "mentions"),
        "ape_categories": ("category", "year", "status", "evidence"),
    }


def test_every_nested_type_can_write_its_csv_cell() -> None:
    for hint in field_types(EventRecord).values():
        inner = unwrap_optional(hint)[0]
        inner = item_type(inner) or inner
        if is_dataclass(inner):
            assert callable(getattr(inner, "csv_text", None)), inner


# hypothesis: any record survives as_dict -> from_dict

_text = st.text(max_size=12)
_opt = st.none() | _text
_evidence = st.builds(Evidence, st.integers(0, 2**31 - 1), st.integers(0, 2**31 - 1), _text)


def _strategy(cls: type, **fixed: Any) -> st.SearchStrategy:
    """Values of a record dataclass, drawn from its type hints (``fixed`` fields excepted)."""
    def of(hint: Any) -> st.SearchStrategy:
        inner, optional = unwrap_optional(hint)
        item = item_type(inner)
        if item is not None:
            base = st.lists(of(item), max_size=3).map(tuple)
        elif inner is Evidence:
            base = _evidence
        elif is_dataclass(inner):
            base = _strategy(inner)
        else:
            base = {str: _text, int: st.integers(-2**31, 2**31 - 1), bool: st.booleans(),
                    float: st.floats(allow_nan=False)}[inner]
        return st.none() | base if optional else base

    drawn = {name: of(hint) for name, hint in field_types(cls).items()}
    return st.builds(cls, **{**drawn, **{k: st.just(v) for k, v in fixed.items()}})


@settings(max_examples=150, deadline=None)
@given(_strategy(EventRecord, schema_version="1.1"))
def test_from_dict_round_trips_any_record(record: EventRecord) -> None:
    assert EventRecord.from_dict(record.as_dict()) == record


def _plain_record() -> dict[str, Any]:
    return EventRecord(
        doc_id="d", url=None, title="T", published=None, outlet=None, relevant=True,
        relevant_score=0.5, event_type="sosialisasi", event_type_score=None,
        event_date="2023-03-14", event_date_end=None,
        event_date_evidence=Evidence(0, 4, "Rapat"), kab_kota=None, kab_kota_code=None,
        province=None, province_code=None, place_precision="unresolved", place_evidence=None,
        agencies=(Agency("Pemerintah Kota X", "Pemko", None, Evidence(1, 2, "s"), "Pemko X"),),
        participants=40, text="Rapat", text_sha1="x",
    ).as_dict()


def test_schema_1_0_records_lack_agency_text() -> None:
    data = _plain_record()
    del data["agencies"][0]["text"]
    with pytest.raises(SchemaError, match=r"agencies\[0\]: missing field\(s\) text"):
        EventRecord.from_dict(data)
    record = EventRecord.from_dict(dict(data, schema_version="1.0"))
    assert record.agencies[0].text is None and record.schema_version == "1.0"


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d.update(schema_version="2.0"), r"schema_version '2\.0' cannot be read"),
    (lambda d: d.pop("kab_kota_code"), r"missing column\(s\) kab_kota_code"),
    (lambda d: d.update(participants="40"), r"participants: expected int, got str"),
    (lambda d: d.update(relevant=None), r"relevant: expected bool"),
    (lambda d: d.update(venues={}), r"venues: must be a list, got dict"),
    (lambda d: d["agencies"][0]["evidence"].update(start=True),
     r"agencies\[0\]\.evidence\.start: expected int, got bool"),
])
def test_from_dict_names_the_bad_field(change: Any, message: str) -> None:
    data = _plain_record()
    change(data)
    with pytest.raises(SchemaError, match=message):
        EventRecord.from_dict(data)


def test_from_dict_reads_newer_minor_versions_and_ints_for_floats() -> None:
    data = dict(_plain_record(), schema_version="1.7", added_later=[1], relevant_score=1)
    record = EventRecord.from_dict(data)
    assert record.relevant_score == 1.0 and isinstance(record.relevant_score, float)


@dataclass(frozen=True, slots=True)
class _Extended(EventRecord):
    """A record class with one field more: what adding a field to the schema looks like."""

    reviewer_score: float | None = None


def test_a_new_field_is_read_without_touching_the_reader() -> None:
    data = dict(_plain_record(), reviewer_score=0.25)
    assert _Extended.from_dict(data).reviewer_score == 0.25
    with pytest.raises(SchemaError, match="missing column.*reviewer_score"):
        _Extended.from_dict(_plain_record())
