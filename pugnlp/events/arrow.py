"""The Arrow/Parquet schema of a record, derived from :mod:`pugnlp.schema`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pugnlp.schema import COLUMNS

if TYPE_CHECKING:
    import pyarrow as pa


def record_schema() -> pa.Schema:
    import pyarrow as pa

    evidence = pa.struct([("start", pa.int32()), ("end", pa.int32()), ("sentence", pa.string())])
    nested = {
        "venues": pa.list_(pa.struct([("name", pa.string()), ("evidence", evidence)])),
        "officials": pa.list_(pa.struct([("name", pa.string()), ("position", pa.string()),
                                         ("agency", pa.string()), ("evidence", evidence)])),
        "agencies": pa.list_(pa.struct([("name", pa.string()), ("acronym", pa.string()),
                                        ("expansion", pa.string()), ("evidence", evidence),
                                        ("text", pa.string())])),
        "ape_categories": pa.list_(pa.struct([("category", pa.string()), ("year", pa.int32()),
                                              ("status", pa.string()), ("evidence", evidence)])),
    }
    types = {"relevant": pa.bool_(), "relevant_score": pa.float64(),
             "event_type_score": pa.float64(), "participants": pa.int32()}
    fields = []
    for column in COLUMNS:
        if column in nested:
            fields.append(pa.field(column, nested[column]))
        elif column.endswith("_evidence"):
            fields.append(pa.field(column, evidence))
        else:
            fields.append(pa.field(column, types.get(column, pa.string())))
    return pa.schema(fields)
