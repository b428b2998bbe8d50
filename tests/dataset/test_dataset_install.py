"""Installing the dataset: only changed files replaced, an interrupted install finished by
the next writer, abandoned staging removed, one writer at a time."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pandas as pd
import pytest

from pugnlp.dataset import install
from pugnlp.dataset.datapackage import DATAPACKAGE
from pugnlp.dataset.files import FORMATS, MANIFEST, write_dataset
from pugnlp.dataset.tables import TABLES
from pugnlp.errors import PugnlpError


def test_unchanged_files_are_not_replaced_and_runs_are_logged(tables, tmp_path):
    write_dataset(tables, tmp_path, run={"at": "1"})
    before = {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()}
    created = json.loads((tmp_path / MANIFEST).read_text(encoding="utf-8"))["created"]
    time.sleep(0.01)
    written = write_dataset(tables, tmp_path, run={"at": "2"})
    assert [p.name for p in written] == [MANIFEST]
    after = {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()}
    assert {n for n in after if after[n] != before[n]} == {MANIFEST}
    manifest = json.loads((tmp_path / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["created"] == created  # the tables' time, not the run's
    every = len(TABLES) * len(FORMATS) + 1  # and datapackage.json
    assert [(r["at"], r["files_written"]) for r in manifest["runs"]] == [("1", every), ("2", 0)]
    smaller = {**tables, "events": tables["events"].head(2)}
    written = write_dataset(smaller, tmp_path, run={"at": "3"})
    assert [p.name for p in written] == ["events.csv", "events.parquet", "events.jsonl",
                                         DATAPACKAGE, MANIFEST]  # its sizes and hashes


def test_an_interrupted_install_is_finished_and_abandoned_staging_removed(tmp_path):
    done = tmp_path / ".dataset-aaaa.tmp"
    done.mkdir()
    (done / "events.csv").write_text("new events", encoding="utf-8")
    (done / MANIFEST).write_text("{}", encoding="utf-8")
    (done / "unchanged.csv").write_text("not listed", encoding="utf-8")
    (done / install.COMMIT).write_text("events.csv\nmentions.csv\nmanifest.json\n",
                                       encoding="utf-8")  # mentions.csv: already moved
    (tmp_path / "mentions.csv").write_text("new mentions", encoding="utf-8")
    (tmp_path / "events.csv").write_text("old events", encoding="utf-8")
    abandoned = tmp_path / ".dataset-bbbb.tmp"
    abandoned.mkdir()
    (abandoned / "events.csv").write_text("half", encoding="utf-8")

    with install.dataset_lock(tmp_path):
        pass
    assert (tmp_path / "events.csv").read_text(encoding="utf-8") == "new events"
    assert (tmp_path / MANIFEST).read_text(encoding="utf-8") == "{}"
    assert not (tmp_path / "unchanged.csv").exists()
    assert not done.exists() and not abandoned.exists()


def test_a_second_writer_waits_then_gives_up_clearly(tmp_path, monkeypatch):
    code = ("import sys, time; from filelock import FileLock; "
            f"lock = FileLock({str(tmp_path / install.LOCK)!r}); lock.acquire(); "
            "print('held', flush=True); time.sleep(30)")
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        monkeypatch.setattr(install, "LOCK_WAIT", 0.3)
        with pytest.raises(PugnlpError, match="another pugnlp run is writing this dataset"):
            with install.dataset_lock(tmp_path):
                pass
    finally:
        holder.kill()
        holder.wait()
    with install.dataset_lock(tmp_path):  # the lock died with its process
        pass


def test_a_failed_rename_keeps_the_complete_staging_for_the_next_writer(tables, tmp_path,
                                                                        monkeypatch):
    write_dataset(tables, tmp_path)
    smaller = {**tables, "events": tables["events"].head(2)}
    real = install.os.replace
    calls = []

    def flaky(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(5, "Input/output error")
        return real(src, dst)

    monkeypatch.setattr(install.os, "replace", flaky)
    with pytest.raises(PugnlpError, match="Input/output error"):
        write_dataset(smaller, tmp_path)
    monkeypatch.setattr(install.os, "replace", real)
    assert [d for d in tmp_path.glob(".dataset-*.tmp") if (d / install.COMMIT).exists()]
    with install.dataset_lock(tmp_path):
        pass
    assert not list(tmp_path.glob(".dataset-*"))
    assert len(pd.read_csv(tmp_path / "events.csv", encoding="utf-8-sig")) == 2
