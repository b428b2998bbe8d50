"""Export: CSV/Parquet/JSONL round trips, CSV conventions, atomic writes, bad records."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from pugnlp.dataset import files as export
from pugnlp.dataset.install import LOCK
from pugnlp.dataset.tables import TABLES
from pugnlp.errors import PugnlpError, SchemaError


@pytest.fixture(scope="module")
def written(tables, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("keluaran")
    export.write_dataset(tables, out)
    return out


def test_every_table_in_every_format_plus_manifest(written):
    names = {p.name for p in written.iterdir()}
    expected = ({f"{t}.{f}" for t in TABLES for f in export.FORMATS}
                | {export.MANIFEST, export.DATAPACKAGE})
    assert names == expected | {LOCK}  # and no temporary folder left behind
    manifest = json.loads((written / export.MANIFEST).read_text(encoding="utf-8"))
    assert manifest["schema_version"] == "1.1"
    assert manifest["tables"]["wilayah_summary"]["rows"] % 552 == 0


@pytest.mark.parametrize("fmt", ["parquet", "jsonl"])
def test_round_trip_keeps_values_and_types(tables, written, fmt, tmp_path):
    only = tmp_path / fmt
    only.mkdir()
    for name in TABLES:
        shutil.copy(written / f"{name}.{fmt}", only / f"{name}.{fmt}")
    shutil.copy(written / export.MANIFEST, only / export.MANIFEST)
    back = export.read_dataset(only)
    for name in TABLES:
        pd.testing.assert_frame_equal(back[name], tables[name], check_dtype=True)


def test_csv_conventions(tables, written):
    raw = (written / "events.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    csv = pd.read_csv(written / "events.csv", dtype=str, keep_default_na=False,
                      encoding="utf-8-sig")
    row = csv[csv["kab_kota_code"] == "63.72"].iloc[0]
    assert row["event_date"] == "2023-10-11" and row["province_code"] == "63"
    e01 = csv[csv["n_sources"] == "4"].iloc[0]
    assert " | " in e01["outlets"] and "Madya 2021 achieved" in e01["ape_categories"]
    mentions = pd.read_csv(written / "mentions.csv", dtype=str, keep_default_na=False,
                           encoding="utf-8-sig")
    assert set(mentions["relevant"]) == {"true", "false"}
    text = raw.decode("utf-8-sig")
    assert '"63.10"' in (written / "wilayah_summary.csv").read_text(encoding="utf-8-sig")
    assert "T00:00" not in text


def test_failed_write_keeps_the_previous_dataset(tables, tmp_path, monkeypatch):
    export.write_dataset(tables, tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    def boom(frame, spec, path):
        raise OSError(28, "No space left on device")

    monkeypatch.setitem(export._WRITERS, "jsonl", boom)
    smaller = {**tables, "events": tables["events"].head(1)}
    with pytest.raises(PugnlpError, match="No space left"):
        export.write_dataset(smaller, tmp_path)
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert after == before


def test_unwritable_folder(tables, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(PugnlpError, match="cannot write the dataset"):
        export.write_dataset(tables, blocker / "keluaran")


def write_lines(path: Path, records) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path




def test_a_dataset_of_version_1_0_without_wilayah_still_reads(tables, written, tmp_path):
    for name in TABLES:
        if name != "wilayah":
            shutil.copy(written / f"{name}.parquet", tmp_path / f"{name}.parquet")
    manifest = json.loads((written / export.MANIFEST).read_text(encoding="utf-8"))
    del manifest["tables"]["wilayah"]
    manifest["schema_version"] = "1.0"
    (tmp_path / export.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    back = export.read_dataset(tmp_path)
    assert "wilayah" not in back and len(back["events"]) == len(tables["events"])


def test_reading_a_folder_without_dataset(tmp_path):
    with pytest.raises(PugnlpError, match="run `pugnlp dataset` first"):
        export.read_dataset(tmp_path)
    (tmp_path / export.MANIFEST).write_text('{"schema_version": "9.0"}', encoding="utf-8")
    with pytest.raises(SchemaError, match="dataset version '9.0'"):
        export.read_dataset(tmp_path)
