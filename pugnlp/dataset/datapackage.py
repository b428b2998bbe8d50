"""``datapackage.json``: the written dataset described as a Frictionless Data Package (v1).

The descriptor is derived from the table specs of :mod:`.tables` (the source of
``docs/dataset.md`` too), never written by hand. Every table becomes one Tabular Data Resource
per text format written: ``<table>`` for ``<table>.csv`` and ``<table>-jsonl`` for
``<table>.jsonl``, each with its Table Schema (types, descriptions, region-code patterns, closed
vocabularies, primary key, foreign keys to the resources of the same format). Lists are JSON
arrays in JSONL and ` | `-joined strings in CSV. ``bytes`` and ``hash`` tie each resource to
the file written with it, so a validator notices a file replaced afterwards.

Parquet files are not resources: they carry their own typed (Arrow) schema, and frictionless
5.21 cannot read Parquet list columns (it fails on them), so listing them would make a valid
package fail validation. The package description says so.

Everything here is pure: :func:`datapackage` turns the manifest and the files' sizes and hashes
into a dict; :mod:`.files` writes it with the tables, in the same atomic set.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pugnlp.dataset.tables import (
    ALL_TABLES,
    APE_FIELDS,
    LIST_SEPARATOR,
    Column,
    TableSpec,
)

DATAPACKAGE = "datapackage.json"
PACKAGE_NAME = "pugnlp-dataset"

PACKAGE_PROFILE = "tabular-data-package"
RESOURCE_PROFILE = "tabular-data-resource"

_SCALAR_TYPES: dict[str, str] = {
    "string": "string", "int": "integer", "float": "number", "bool": "boolean", "date": "date",
}
"""Table Schema type of each scalar column type of :data:`.tables.DTYPES`."""

_MEDIATYPES: dict[str, str] = {"csv": "text/csv", "jsonl": "application/jsonl"}
PACKAGE_FORMATS: tuple[str, ...] = tuple(_MEDIATYPES)
"""Formats described as resources (see the module docstring for Parquet)."""

CSV_DIALECT: dict[str, Any] = {
    "delimiter": ",", "lineTerminator": "\n", "quoteChar": '"', "doubleQuote": True,
    "skipInitialSpace": False, "header": True,
}
"""The CSV Dialect of the files (:mod:`.files` writes with these values, ``QUOTE_NONNUMERIC``)."""

_CSV_NOTE = ("UTF-8 with a byte-order mark (frictionless drops it; Python: `utf-8-sig`), "
             "text quoted, dates `YYYY-MM-DD`, booleans `true`/`false`, null an empty cell, "
             "lists joined by ` | `")

WILAYAH_SOURCE: dict[str, str] = {
    "title": "cahyadsn/wilayah (Kepmendagri 2025), bundled in pugnlp/data/wilayah",
    "path": "https://github.com/cahyadsn/wilayah",
}
WILAYAH_LICENSE: dict[str, str] = {
    "name": "MIT", "title": "MIT License, Copyright (c) 2017-2025 Cahya DSN",
    "path": "https://opensource.org/licenses/MIT",
}


@dataclass(frozen=True, slots=True)
class FileFacts:
    """Size and SHA-256 of one written file."""

    bytes: int
    sha256: str


def resource_name(table: str, fmt: str) -> str:
    """``events`` for ``events.csv``, ``events-jsonl`` for ``events.jsonl``."""
    return table if fmt == "csv" else f"{table}-{fmt}"


def table_field(col: Column, fmt: str) -> dict[str, Any]:
    """The Table Schema field of one column as written in format ``fmt``."""
    description = col.description
    if col.dtype in _SCALAR_TYPES:
        kind = _SCALAR_TYPES[col.dtype]
    elif fmt == "csv":
        kind = "string"
        how = ("APE items written `category year status`" if col.dtype == "list[ape]"
               else "values")
        description += f" CSV: {how} joined by `{LIST_SEPARATOR}` (empty: none)."
    else:
        kind = "array"
        if col.dtype == "list[ape]":
            description += (" An array of objects {" + ", ".join(APE_FIELDS) + "}; `year` an "
                            "integer or null.")
        else:
            description += " An array of strings."
    out: dict[str, Any] = {"name": col.name, "type": kind, "description": description}
    if kind == "date":
        out["format"] = "default"  # ISO YYYY-MM-DD
    constraints: dict[str, Any] = {}
    if col.pattern:
        constraints["pattern"] = col.pattern
    if col.enum:
        constraints["enum"] = list(col.enum)
    if constraints:
        out["constraints"] = constraints
    return out


def table_schema(spec: TableSpec, fmt: str) -> dict[str, Any]:
    """The Table Schema of one table in one format: fields, keys, missing values.

    A foreign key names the resource of the same format (``""``: the table itself, as the
    Data Package spec writes a self-reference).
    """
    schema: dict[str, Any] = {
        "fields": [table_field(c, fmt) for c in spec.columns],
        "missingValues": [""],
    }
    if spec.primary_key:
        schema["primaryKey"] = list(spec.primary_key)
    fks = [{"fields": [column],
            "reference": {"resource": "" if table == spec.name else resource_name(table, fmt),
                          "fields": [target]}}
           for column, table, target in spec.foreign_keys()]
    if fks:
        schema["foreignKeys"] = fks
    return schema


def resource(spec: TableSpec, fmt: str, rows: int | None = None,
             facts: FileFacts | None = None) -> dict[str, Any]:
    """The Tabular Data Resource of ``<table>.<fmt>``."""
    out: dict[str, Any] = {
        "name": resource_name(spec.name, fmt),
        "path": f"{spec.name}.{fmt}",
        "profile": RESOURCE_PROFILE,
        "title": f"{spec.name} ({'CSV' if fmt == 'csv' else 'JSON Lines'})",
        "description": f"{spec.grain[:1].upper()}{spec.grain[1:]}."
                       + (f" {rows} rows." if rows is not None else ""),
        "format": fmt,
        "mediatype": _MEDIATYPES[fmt],
    }
    out["encoding"] = "utf-8"
    if fmt == "csv":
        out["description"] += f" CSV: {_CSV_NOTE}."
        out["dialect"] = dict(CSV_DIALECT)
    if facts is not None:
        out["bytes"] = facts.bytes
        out["hash"] = f"sha256:{facts.sha256}"
    if spec.name == "wilayah":
        out["sources"] = [dict(WILAYAH_SOURCE)]
        out["licenses"] = [dict(WILAYAH_LICENSE)]
    out["schema"] = table_schema(spec, fmt)
    return out


def datapackage(manifest: Mapping[str, Any], formats: Sequence[str],
                facts: Mapping[str, FileFacts] | None = None) -> dict[str, Any] | None:
    """The ``datapackage.json`` descriptor of a dataset.

    Args:
        manifest: the dataset's manifest (:func:`.files.manifest`): its version, creation time
            and row counts are the package's.
        formats: the formats written; resources are listed table by table, CSV then JSONL.
        facts: file name -> size and SHA-256 (``bytes`` and ``hash`` are left out without it).

    Returns:
        A JSON-ready dict (Data Package v1, profile ``tabular-data-package``), or None when
        neither CSV nor JSONL was written (a package needs at least one resource).
    """
    facts = facts or {}
    tables = manifest.get("tables", {})
    formats = [fmt for fmt in PACKAGE_FORMATS if fmt in formats]
    if not formats:
        return None
    resources = [
        resource(ALL_TABLES[name], fmt, tables.get(name, {}).get("rows"),
                 facts.get(f"{name}.{fmt}"))
        for name in ALL_TABLES if name in tables for fmt in formats
    ]
    return {
        "profile": PACKAGE_PROFILE,
        "name": PACKAGE_NAME,
        "title": "pugnlp dataset: gender mainstreaming (PUG) activities in Indonesian regions",
        "description": (
            "Events, articles, officials and agencies that pugnlp extracted from regional "
            "press releases, a per-region summary by year and month, and the Kemendagri "
            "regions every region code refers to. Tables: docs/dataset.md. The evidence "
            "sentences are quoted from the articles listed in `mentions.url`; their "
            "copyright stays with the publishers. Each table is a resource per format "
            f"({', '.join(formats)}); resources of one format refer to each other. Parquet "
            "copies, when written, have the same columns and describe their own types."),
        "version": str(manifest["schema_version"]),
        "created": str(manifest["created"]),
        "sources": [{"title": "Regional press releases, crawled and extracted by pugnlp "
                              f"(record schema {manifest.get('record_schema_version')})"},
                    dict(WILAYAH_SOURCE)],
        "resources": resources,
    }
