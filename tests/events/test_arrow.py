"""pugnlp.events.arrow: the Parquet schema derived from the record dataclasses."""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa

from pugnlp.events.arrow import arrow_type, record_schema
from pugnlp.schema import COLUMNS, Evidence

EVIDENCE = pa.struct([("start", pa.int32()), ("end", pa.int32()), ("sentence", pa.string())])


def test_types_are_those_parquet_files_have_always_had() -> None:
    schema = record_schema()
    assert schema.names == list(COLUMNS)
    expected = {
        "relevant": pa.bool_(), "relevant_score": pa.float64(),
        "event_type_score": pa.float64(), "participants": pa.int32(),
        "event_date_evidence": EVIDENCE, "place_evidence": EVIDENCE,
        "participants_evidence": EVIDENCE, "activity_evidence": EVIDENCE,
        "venues": pa.list_(pa.struct([("name", pa.string()), ("evidence", EVIDENCE)])),
        "officials": pa.list_(pa.struct([("name", pa.string()), ("position", pa.string()),
                                         ("agency", pa.string()), ("evidence", EVIDENCE)])),
        "agencies": pa.list_(pa.struct([("name", pa.string()), ("acronym", pa.string()),
                                        ("expansion", pa.string()), ("evidence", EVIDENCE),
                                        ("text", pa.string()), ("level", pa.string()),
                                        ("region", pa.string()), ("region_code", pa.string()),
                                        ("mentions", pa.list_(EVIDENCE))])),
        "ape_categories": pa.list_(pa.struct([("category", pa.string()), ("year", pa.int32()),
                                              ("status", pa.string()), ("evidence", EVIDENCE)])),
    }
    for field in schema:
        assert field.type == expected.get(field.name, pa.string()), field.name
        assert field.nullable


@dataclass(frozen=True, slots=True)
class _Quote:
    speaker: str | None
    words: int
    evidence: Evidence


def test_a_new_nested_type_gets_its_arrow_type_from_its_hints() -> None:
    assert arrow_type(tuple[_Quote, ...]) == pa.list_(pa.struct(
        [("speaker", pa.string()), ("words", pa.int32()), ("evidence", EVIDENCE)]))
    assert arrow_type(float | None) == pa.float64()
