"""The Arrow/Parquet schema of a record, derived from the dataclasses of :mod:`pugnlp.schema`.

Each field's type hint gives its Arrow type: ``str`` -> string, ``int`` -> int32 (offsets,
counts, years), ``float`` -> float64, ``bool`` -> bool, a dataclass -> struct of its fields,
``tuple[T, ...]`` -> list of ``T``. Every field is nullable, as Parquet files have always been.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from typing import TYPE_CHECKING, Any

from pugnlp.dataclass_json import field_types, item_type, unwrap_optional
from pugnlp.schema import EventRecord

if TYPE_CHECKING:
    import pyarrow as pa


def arrow_type(hint: Any) -> pa.DataType:
    """The Arrow type of one record field's type hint (``T | None`` is ``T``, nullable).

    Raises:
        TypeError: the hint has no Arrow type here (add it to ``scalars`` below).
    """
    import pyarrow as pa

    hint, _ = unwrap_optional(hint)
    item = item_type(hint)
    if item is not None:
        return pa.list_(arrow_type(item))
    if is_dataclass(hint):
        types = field_types(hint)  # type: ignore[arg-type]
        return pa.struct([pa.field(f.name, arrow_type(types[f.name]))
                          for f in fields(hint)])  # type: ignore[arg-type]
    scalars = {str: pa.string(), int: pa.int32(), float: pa.float64(), bool: pa.bool_()}
    if hint in scalars:
        return scalars[hint]
    raise TypeError(f"no Arrow type for {hint!r} in the record schema")


def record_schema() -> pa.Schema:
    """The Arrow schema of :class:`EventRecord` rows, columns in field order."""
    import pyarrow as pa

    return pa.schema([pa.field(name, arrow_type(hint))
                      for name, hint in field_types(EventRecord).items()])
