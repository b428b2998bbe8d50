"""Typed DataFrames from column lists, following the table specs of :mod:`.tables`.

Types: ``string`` -> pandas ``string``, ``int`` -> ``Int64``, ``float`` -> ``Float64``,
``bool`` -> ``boolean`` (all nullable), ``date`` -> ``datetime64[s]`` (NaT for null), lists ->
``object`` holding Python lists (of str, or of ``{category, year, status}`` dicts).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from pugnlp.dataset.tables import APE_FIELDS, TableSpec
from pugnlp.errors import SchemaError

PANDAS_DTYPES: dict[str, str] = {
    "string": "string", "int": "Int64", "float": "Float64", "bool": "boolean",
    "date": "datetime64[s]",
}


def _as_list(value: Any) -> list[Any]:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return []
    if isinstance(value, str):
        return [v for v in value.split(" | ") if v]
    return [_item(v) if isinstance(v, Mapping) else v for v in list(value)]


def _item(value: Mapping[str, Any]) -> dict[str, Any]:
    """An APE item with an int ``year`` (a Parquet read can give 2023.0)."""
    item = dict(value)
    year = item.get("year")
    if isinstance(year, float) and not np.isnan(year) and year.is_integer():
        item["year"] = int(year)
    return item


def _dates(values: Sequence[Any] | pd.Series) -> pd.Series:
    series = pd.Series(values, dtype="object")
    series = series.where(series.notna(), None).map(
        lambda v: None if v is None or v == "" else str(v)[:10])
    return pd.to_datetime(series, format="%Y-%m-%d", errors="coerce").astype("datetime64[s]")


def column(values: Sequence[Any] | pd.Series, dtype: str) -> pd.Series | list[Any]:
    """Convert one column's values to the pandas type of ``dtype``."""
    if dtype == "date":
        return _dates(values)
    if dtype.startswith("list"):
        return pd.Series([_as_list(v) for v in values], dtype="object")
    if dtype == "string":
        return pd.Series(values, dtype="object").astype("string")
    return pd.Series(pd.array(values, dtype=PANDAS_DTYPES[dtype]))


def typed_frame(data: Mapping[str, Sequence[Any]], spec: TableSpec) -> pd.DataFrame:
    """A DataFrame with exactly the spec's columns, in order, each of its type.

    Raises:
        SchemaError: a spec column is missing from ``data``.
    """
    missing = [name for name in spec.names if name not in data]
    if missing:
        raise SchemaError(f"table {spec.name}: missing column(s) {', '.join(missing)}")
    frame = pd.DataFrame({c.name: column(data[c.name], c.dtype) for c in spec.columns})
    return frame.reset_index(drop=True)


def coerce(frame: pd.DataFrame, spec: TableSpec) -> pd.DataFrame:
    """Bring a frame read back from disk to the spec's column types.

    Raises:
        SchemaError: a spec column is missing from the frame.
    """
    return typed_frame({name: frame[name] for name in frame.columns}, spec)


def ape_text(item: Mapping[str, Any]) -> str:
    """One APE item as CSV text: ``Madya 2021 achieved``."""
    return " ".join(str(item[f]) for f in APE_FIELDS if item.get(f) is not None)
