"""``pugnlp dataset --engine dask``: the tables of the single-process build, same rows and ids."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from pugnlp.dataset.distributed import make_dataset_dask
from pugnlp.dataset.files import read_dataset
from pugnlp.dataset.install import LOCK
from pugnlp.dataset.run import make_dataset
from pugnlp.errors import SchemaError
from pugnlp.events.output import save_records

CREATED = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc)


def assert_same_dataset(local: Path, dask: Path) -> None:
    """Every file of the local build but its change log, the same: tables equal (ids
    included); CSV, JSONL and the manifest byte for byte; Parquet row for row; the data
    package the same but for the change log's resources (the Dask engine writes none)."""
    names = sorted(p.name for p in local.iterdir() if not p.name.startswith("perubahan."))
    assert sorted(p.name for p in dask.iterdir()) == names
    for name in names:
        if name == "manifest.json":
            ours, theirs = (json.loads((d / name).read_text(encoding="utf-8"))
                            for d in (dask, local))
            runs, local_runs = ours.pop("runs"), theirs.pop("runs")
            theirs["tables"].pop("perubahan")
            assert ours == theirs
            assert len(runs) == len(local_runs)
            assert all(r["engine"] == "dask" and r["events_new"] is None for r in runs)
            assert [r["events"] for r in runs] == [r["events"] for r in local_runs]
        elif name == "datapackage.json":
            package = json.loads((local / name).read_text(encoding="utf-8"))
            package["resources"] = [r for r in package["resources"]
                                    if not r["name"].startswith("perubahan")]
            assert json.loads((dask / name).read_text(encoding="utf-8")) == package
        elif not name.endswith(".parquet"):
            assert (dask / name).read_bytes() == (local / name).read_bytes(), name
    tables, expected = read_dataset(dask), read_dataset(local)
    for name, frame in expected.items():
        pd.testing.assert_frame_equal(tables[name], frame, obj=name)


def build_both(inputs, tmp_path, dask_cluster, name="", **sizes):
    local = make_dataset(inputs, tmp_path / f"local{name}", created=CREATED)
    dask = make_dataset_dask(inputs, tmp_path / f"dask{name}", created=CREATED,
                             scheduler=dask_cluster.scheduler_address, **sizes)
    assert dask.changes == {}  # no change log on the Dask engine
    assert replace(dask, out_dir=local.out_dir, files=local.files,
                   changes=local.changes) == local
    assert [p.name for p in dask.files] == [p.name for p in local.files
                                           if not p.name.startswith("perubahan.")]
    assert_same_dataset(tmp_path / f"local{name}", tmp_path / f"dask{name}")
    return local, dask


def test_team_fixture_in_parts_with_repeats(fixture_records, tmp_path, dask_cluster):
    # three inputs, two of them Parquet; two articles given twice, the later copy moved to
    # another province (the last one wins); records without a province join through titles
    records = json.loads(json.dumps(fixture_records))
    moved = [dict(r, province_code="11", kab_kota_code=None, kab_kota=None)
             for r in records[:2]]
    files = tmp_path / "in"
    from pugnlp.records_io import read_records

    typed = list(read_records(Path(__file__).parent / "fixtures" / "events_fixture.jsonl"))
    save_records(typed[:30], files / "a.parquet")
    save_records(typed[30:], files / "b" / "part-00000.parquet")
    (files / "c.jsonl").write_text("".join(json.dumps(r) + "\n" for r in moved),
                                   encoding="utf-8")
    assert sum(1 for r in records if not r["province_code"] and r["relevant"]) >= 2
    local, _ = build_both([files], tmp_path, dask_cluster, pack_records=10, bucket_records=16)
    assert (local.records, local.duplicates) == (72, 2)


def test_synthetic_10k_and_a_grown_corpus_keeps_the_same_ids(tmp_path, dask_cluster):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from pugnlp.dataset.synthetic import synthetic_records
    from pugnlp.events.arrow import record_schema
    from pugnlp.wilayah import load_gazetteer

    rows = list(synthetic_records(10_000, load_gazetteer()))
    parts = tmp_path / "rekaman"
    parts.mkdir()
    for n in range(4):
        table = pa.Table.from_pylist(rows[n * 2500:(n + 1) * 2500], schema=record_schema())
        pq.write_table(table, parts / f"part-{n:05d}.parquet", row_group_size=1250)
    first = tmp_path / "first"
    first.mkdir()
    for n in range(3):
        (first / f"part-{n:05d}.parquet").write_bytes((parts / f"part-{n:05d}.parquet")
                                                      .read_bytes())
    sizes = dict(pack_records=1500, bucket_records=2500)
    build_both([first], tmp_path, dask_cluster, **sizes)
    local, dask = build_both([parts], tmp_path, dask_cluster, **sizes)  # over the first build
    assert (local.records, local.events, local.reused_ids) == (10_000, 4404, dask.reused_ids)
    assert local.reused_ids > 3000


def test_a_bad_record_is_a_clear_error_and_writes_nothing(fixture_records, tmp_path,
                                                          dask_cluster, write_records):
    broken = [dict(r) for r in fixture_records]
    del broken[3]["kab_kota_code"]
    out = tmp_path / "keluaran"
    with pytest.raises(SchemaError, match=r"r\.jsonl:4: missing column\(s\) kab_kota_code"):
        make_dataset_dask([write_records("r.jsonl", broken)], out,
                          scheduler=dask_cluster.scheduler_address)
    assert [p.name for p in out.iterdir()] == [LOCK]  # the lock: an empty, hidden file
