"""The record schema is the contract: docs/schema.md is generated from it and must not drift."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from pugnlp.schema import COLUMNS, EventRecord, schema_markdown

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
