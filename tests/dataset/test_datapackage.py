"""datapackage.json: written with the tables, valid for frictionless, keys checked, no drift.

The bundled corpus (korpus/contoh, through the rule pipeline) gives the dataset that must
validate as a whole; the tampering tests use the smaller event fixture's dataset and validate
only the resource they changed (its foreign keys are still looked up in the package).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import frictionless
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pugnlp.dataset import files as export
from pugnlp.dataset.datapackage import DATAPACKAGE, datapackage, resource_name
from pugnlp.dataset.frame import build_tables
from pugnlp.dataset.tables import TABLE_ORDER, TABLES
from pugnlp.errors import PugnlpError

ROOT = Path(__file__).resolve().parents[2]
CREATED = dt.datetime(2024, 5, 1, 8, 30, tzinfo=dt.timezone.utc)
ARROW_TYPES = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64(),
               "boolean": pa.bool_(), "date": pa.date32()}


@pytest.fixture(scope="module")
def bundled(rules_nlp, gaz, tmp_path_factory) -> Path:
    """The dataset of the bundled corpus (46 articles through the rule pipeline)."""
    from pugnlp.article.load import iter_articles
    from pugnlp.events.loader import extract_articles

    articles = list(iter_articles([ROOT / "korpus" / "contoh" / "teks"]))
    records = [r.as_dict() for r in extract_articles(rules_nlp, articles)]
    out = tmp_path_factory.mktemp("contoh")
    export.write_dataset(build_tables(records, gaz), out, created=CREATED)
    return out


@pytest.fixture(scope="module")
def written(tables, tmp_path_factory) -> Path:
    """The event fixture's dataset, written once; tests tamper with copies."""
    out = tmp_path_factory.mktemp("fixture")
    export.write_dataset(tables, out, created=CREATED)
    return out


@pytest.fixture()
def copy(written, tmp_path) -> Path:
    return Path(shutil.copytree(written, tmp_path / "copy"))


def descriptor(folder: Path) -> dict[str, Any]:
    return json.loads((folder / DATAPACKAGE).read_text(encoding="utf-8"))


def errors(folder: Path, resource: str) -> list[tuple[str, str]]:
    """``(type, note)`` of every error frictionless finds in one resource of the package."""
    package = frictionless.Package(str(folder / DATAPACKAGE))
    report = package.get_resource(resource).validate()
    return [(e["type"], e["note"]) for task in report.to_dict()["tasks"]
            for e in task["errors"]]


def forget_file_facts(folder: Path, resource: str) -> None:
    """Drop ``bytes``/``hash`` of a tampered resource, so that the checks behind them show."""
    data = descriptor(folder)
    for res in data["resources"]:
        if res["name"] == resource:
            res.pop("bytes")
            res.pop("hash")
    (folder / DATAPACKAGE).write_text(json.dumps(data), encoding="utf-8")


def edit_csv(folder: Path, table: str, change: Callable[[list[dict[str, str]]], None]) -> None:
    path = folder / f"{table}.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    change(rows)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), quoting=csv.QUOTE_ALL,
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    forget_file_facts(folder, table)


def edit_jsonl(folder: Path, table: str, change: Callable[[list[dict[str, Any]]], None]) -> None:
    path = folder / f"{table}.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    change(rows)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                    encoding="utf-8")
    forget_file_facts(folder, resource_name(table, "jsonl"))


# --- the bundled corpus dataset validates --------------------------------------------------


def test_bundled_corpus_dataset_is_a_valid_package(bundled):
    report = frictionless.validate(str(bundled / DATAPACKAGE))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "type", "note"])[:10]
    checked = {task.name: task.stats["rows"] for task in report.tasks}
    manifest = json.loads((bundled / export.MANIFEST).read_text(encoding="utf-8"))
    assert checked == {resource_name(t, fmt): manifest["tables"][t]["rows"]
                       for t in TABLE_ORDER for fmt in ("csv", "jsonl")}
    assert checked["wilayah"] == 552 and checked["events"] > 0 and checked["officials"] > 0


def test_frictionless_command_line_validates_it(bundled):
    result = subprocess.run([sys.executable, "-m", "frictionless", "validate", DATAPACKAGE],
                            cwd=bundled, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-2000:]
    assert "INVALID" not in result.stdout and result.stdout.count("VALID") == 12


def test_package_metadata_agrees_with_the_manifest(bundled):
    package = descriptor(bundled)
    manifest = json.loads((bundled / export.MANIFEST).read_text(encoding="utf-8"))
    assert package["profile"] == "tabular-data-package"
    assert package["version"] == manifest["schema_version"] == "1.1"
    assert package["created"] == manifest["created"] == "2024-05-01T08:30:00+00:00"
    for res in package["resources"]:
        path = bundled / res["path"]
        assert res["bytes"] == path.stat().st_size
        assert res["profile"] == "tabular-data-resource" and res["encoding"] == "utf-8"
    events = package["resources"][0]
    assert events["name"] == "events" and events["dialect"]["delimiter"] == ","
    assert (bundled / "events.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # the BOM it notes
    wilayah = next(r for r in package["resources"] if r["name"] == "wilayah")
    assert wilayah["licenses"][0]["name"] == "MIT"


# --- the schema follows the specs -------------------------------------------------------------


def test_every_table_has_its_keys(written):
    schemas = {r["name"]: r["schema"] for r in descriptor(written)["resources"]}
    for name in TABLE_ORDER:
        for fmt in ("csv", "jsonl"):
            schema = schemas[resource_name(name, fmt)]
            assert [f["name"] for f in schema["fields"]] == list(TABLES[name].names)
            refs = {fk["fields"][0]: (fk["reference"]["resource"], fk["reference"]["fields"][0])
                    for fk in schema.get("foreignKeys", [])}
            if name in ("mentions", "officials", "agencies"):
                assert refs["event_id"] == (resource_name("events", fmt), "event_id")
            for field in schema["fields"]:
                if field["name"].endswith("_code") and (name, field["name"]) != (
                        "wilayah", "region_code"):  # every region code refers to wilayah
                    target = "" if name == "wilayah" else resource_name("wilayah", fmt)
                    assert refs[field["name"]] == (target, "region_code"), (name, field)
                    assert field["type"] == "string" and field["constraints"]["pattern"]
    assert schemas["events"]["primaryKey"] == ["event_id"]
    assert schemas["mentions"]["primaryKey"] == ["doc_id"]
    assert schemas["wilayah-jsonl"]["primaryKey"] == ["region_code"]


def test_list_columns_are_strings_in_csv_and_arrays_in_jsonl(written):
    fields = {(r["name"], f["name"]): f for r in descriptor(written)["resources"]
              for f in r["schema"]["fields"]}
    assert fields["events", "outlets"]["type"] == "string"
    assert "joined by ` | `" in fields["events", "outlets"]["description"]
    assert fields["events-jsonl", "outlets"]["type"] == "array"
    assert fields["events-jsonl", "ape_categories"]["type"] == "array"
    assert fields["events", "n_sources"]["type"] == "integer"
    assert fields["events", "event_type_score"]["type"] == "number"
    assert fields["mentions", "relevant"]["type"] == "boolean"
    assert fields["events", "event_date"]["type"] == "date"
    assert "rapat_koordinasi" in fields["events", "event_type"]["constraints"]["enum"]


def test_written_files_have_exactly_the_described_columns(written):
    """CSV header, JSONL keys and the Parquet schema against the package: a writer that adds,
    drops, renames or retypes a column fails here (Parquet is not a resource: checked here)."""
    schemas = {r["name"]: r["schema"] for r in descriptor(written)["resources"]}
    for name in TABLE_ORDER:
        fields = schemas[name]["fields"]
        names = [f["name"] for f in fields]
        with (written / f"{name}.csv").open(encoding="utf-8-sig", newline="") as handle:
            assert next(csv.reader(handle)) == names
        first = (written / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()[0]
        assert list(json.loads(first)) == names
        arrow = pq.read_schema(written / f"{name}.parquet")
        assert arrow.names == names
        jsonl_types = {f["name"]: f["type"] for f in schemas[resource_name(name, "jsonl")]
                       ["fields"]}
        for field in arrow:
            if jsonl_types[field.name] == "array":
                assert pa.types.is_list(field.type), (name, field)
            else:
                assert field.type == ARROW_TYPES[jsonl_types[field.name]], (name, field)


def test_a_frame_column_outside_its_spec_is_written_nowhere(tables, tmp_path):
    extra = {**tables, "events": tables["events"].assign(debug_score=1.5)}
    export.write_dataset(extra, tmp_path)
    for path in tmp_path.glob("events.*"):
        assert b"debug_score" not in path.read_bytes(), path.name
    assert errors(tmp_path, "events-jsonl") == []


# --- frictionless checks what the package declares ----------------------------------------


@pytest.mark.parametrize("table, fmt, column, value", [
    ("mentions", "csv", "event_id", "ev-000000000000"),   # an event that does not exist
    ("officials", "jsonl", "event_id", "ev-000000000000"),
    ("events", "csv", "kab_kota_code", "99.99"),          # a region not in wilayah
    ("agencies", "jsonl", "province_code", "99"),
    ("wilayah_summary", "csv", "region_code", "99.01"),
])
def test_a_dangling_key_fails_validation(copy, table, fmt, column, value):
    def change(rows):
        rows[0][column] = value

    (edit_csv if fmt == "csv" else edit_jsonl)(copy, table, change)
    found = errors(copy, resource_name(table, fmt))
    assert [t for t, _ in found] == ["foreign-key"], found
    assert value in found[0][1]


def test_unchanged_copy_is_valid(copy):
    for name in ("mentions", "events-jsonl", "wilayah"):
        assert errors(copy, name) == []


def test_a_code_of_the_wrong_shape_fails_its_pattern(copy):
    edit_csv(copy, "events", lambda rows: rows[0].update(province_code="6"))
    found = {t for t, _ in errors(copy, "events")}
    assert "constraint-error" in found


def test_a_column_the_schema_does_not_know_fails(copy):
    edit_csv(copy, "officials", lambda rows: [r.update(extra="x") for r in rows])
    assert {t for t, _ in errors(copy, "officials")} == {"extra-label"}


def test_a_column_missing_from_the_file_fails(copy):
    edit_jsonl(copy, "agencies", lambda rows: [r.pop("acronym") for r in rows])
    assert "missing-label" in {t for t, _ in errors(copy, "agencies-jsonl")}


@pytest.mark.parametrize("fmt, column, value", [
    ("csv", "n_sources", "2.5"),                 # integer column
    ("csv", "event_date", "11/10/2023"),         # ISO date column
    ("jsonl", "outlets", "a | b"),               # array column given the CSV form
])
def test_a_value_of_another_type_fails(copy, fmt, column, value):
    (edit_csv if fmt == "csv" else edit_jsonl)(copy, "events",
                                               lambda rows: rows[0].update({column: value}))
    found = errors(copy, resource_name("events", fmt))
    assert [t for t, _ in found] == ["type-error"], found


def test_a_file_replaced_after_writing_fails_its_hash(copy):
    lines = (copy / "wilayah.csv").read_text(encoding="utf-8-sig").splitlines(keepends=True)
    (copy / "wilayah.csv").write_text("".join(lines[:-1]), encoding="utf-8-sig")
    found = {t for t, _ in errors(copy, "wilayah")}
    assert {"hash-count", "byte-count"} <= found


# --- written with the tables, all or nothing -------------------------------------------------


def test_failed_package_write_keeps_the_previous_dataset(tables, tmp_path, monkeypatch):
    export.write_dataset(tables, tmp_path, created=CREATED)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    real = export._write_json

    def full_disk(data, path):
        if path.name == DATAPACKAGE:
            raise OSError(28, "No space left on device")
        real(data, path)

    monkeypatch.setattr(export, "_write_json", full_disk)
    smaller = {**tables, "events": tables["events"].head(1)}
    with pytest.raises(PugnlpError, match="No space left"):
        export.write_dataset(smaller, tmp_path)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
    assert frictionless.Package(str(tmp_path / DATAPACKAGE)).get_resource("events").validate(
        ).valid


def test_failed_table_write_keeps_the_previous_package(tables, tmp_path, monkeypatch):
    export.write_dataset(tables, tmp_path, created=CREATED)
    package = (tmp_path / DATAPACKAGE).read_bytes()

    def boom(frame, spec, path):
        if spec.name == "wilayah":
            raise OSError(5, "Input/output error")
        path.write_text("partial", encoding="utf-8")

    monkeypatch.setitem(export._WRITERS, "parquet", boom)
    with pytest.raises(PugnlpError, match="Input/output error"):
        export.write_dataset(tables, tmp_path)
    assert (tmp_path / DATAPACKAGE).read_bytes() == package
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_package_describes_only_the_formats_written(tables, tmp_path):
    export.write_dataset(tables, tmp_path / "csv", formats=("csv", "parquet"))
    names = [r["name"] for r in descriptor(tmp_path / "csv")["resources"]]
    assert names == list(TABLE_ORDER)
    export.write_dataset(tables, tmp_path / "parquet", formats=("parquet",))
    assert not (tmp_path / "parquet" / DATAPACKAGE).exists()
    manifest = {"schema_version": "1.1", "created": "x", "tables": {}}
    assert datapackage(manifest, ["parquet"]) is None


def test_every_key_of_the_specs_points_to_a_primary_key():
    for spec in TABLES.values():
        assert set(spec.primary_key) <= set(spec.names), spec.name
        for column, table, target in spec.foreign_keys():
            assert column in spec.names and (target,) == TABLES[table].primary_key, (
                spec.name, column)
