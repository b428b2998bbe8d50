"""Re-running on a grown corpus: no duplicated events, published ids unchanged."""

from __future__ import annotations

import json

import pandas as pd

from pugnlp.dataset.files import read_dataset
from pugnlp.dataset.run import make_dataset


def ids_by_doc(folder):
    mentions = read_dataset(folder)["mentions"].dropna(subset=["event_id"])
    return dict(zip(mentions["doc_id"], mentions["event_id"]))


def test_grown_corpus_keeps_published_ids(fixture_records, gold, tmp_path, write_records):
    # First run: only the first article of each event (and the irrelevant ones).
    first = [r for r in fixture_records if r["doc_id"].endswith("-1") or r["doc_id"] not in gold]
    out = tmp_path / "keluaran"
    one = make_dataset([write_records("a.jsonl", first)], out)
    published = ids_by_doc(out)
    assert one.events == len(set(gold.values()))

    # Second run: the whole corpus. Other outlets now change best values (E06's date range,
    # E01's number of sources) but every published event keeps its id, and no event doubles.
    two = make_dataset([write_records("b.jsonl", fixture_records)], out)
    grown = ids_by_doc(out)
    assert two.reused_ids == one.events
    assert all(grown[doc] == event_id for doc, event_id in published.items())
    # the same events as a build from scratch: nothing duplicated by the incremental run
    scratch = make_dataset([tmp_path / "b.jsonl"], tmp_path / "scratch")
    assert two.events == scratch.events
    fresh = ids_by_doc(tmp_path / "scratch")
    assert len(set(fresh.values())) == len(set(grown.values())) == two.events
    same_event = {(a, b) for a in fresh for b in fresh if fresh[a] == fresh[b]}
    assert same_event == {(a, b) for a in grown for b in grown if grown[a] == grown[b]}

    # Third run, same input: byte-identical tables apart from the manifest's time (which
    # datapackage.json repeats as `created`).
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.name != "manifest.json"}
    make_dataset([tmp_path / "b.jsonl"], out)
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.name != "manifest.json"}
    package_before, package_after = (json.loads(d.pop("datapackage.json")) for d in (before, after))
    assert after == before
    assert package_before.pop("created") <= package_after.pop("created")
    assert package_after == package_before


def test_csv_only_dataset_keeps_its_ids_too(fixture_records, tmp_path, write_records):
    out = tmp_path / "csv"
    path = write_records("all.jsonl", fixture_records)
    make_dataset([path], out, formats=("csv",))
    first = pd.read_csv(out / "events.csv", dtype=str, encoding="utf-8-sig")["event_id"]
    second = make_dataset([path], out, formats=("csv",))
    assert second.reused_ids == len(first)
