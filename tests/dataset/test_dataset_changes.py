"""What a run changed: baru / diperbarui / dihapus per event, readable, the same whichever
format the published dataset is read from; nothing logged when nothing changed."""

from __future__ import annotations

import shutil

import pandas as pd

from pugnlp.dataset import files
from pugnlp.dataset.changes import COMPARED, Side, change_log, compare, counts
from pugnlp.dataset.files import read_change_log, read_published
from pugnlp.dataset.frame import build_tables
from pugnlp.dataset.run import make_dataset
from pugnlp.dataset.tables import TABLES

AT = "2026-12-08T06:00:00+00:00"


def cells(tables):
    return Side.of({name: (tables[name], False) for name in COMPARED})


def text_side(rows: dict[str, list[dict]]) -> Side:
    """A side read from CSV text: ``rows`` per table, missing columns empty."""
    return Side.of({name: (pd.DataFrame([{c: r.get(c, "") for c in TABLES[name].names}
                                         for r in rows.get(name, [])],
                                        columns=list(TABLES[name].names)), True)
                    for name in COMPARED})


def test_a_grown_corpus_updates_events_and_adds_new_ones(fixture_records, gold, gaz):
    first = [r for r in fixture_records if r["doc_id"].endswith("-1") or r["doc_id"] not in gold]
    old = build_tables(first, gaz)
    previous = files.PreviousIds(
        by_doc=dict(zip(old["mentions"]["doc_id"], old["mentions"]["event_id"])),
        known=frozenset(old["events"]["event_id"]))
    new = build_tables(fixture_records, gaz, previous)
    rows = compare(cells(old), cells(new), AT)
    assert counts(rows)["dihapus"] == 0
    published = set(old["events"]["event_id"])
    assert {r["event_id"] for r in rows if r["change"] == "baru"} == \
        set(new["events"]["event_id"]) - published
    grown = {e for e, n in zip(new["events"]["event_id"], new["events"]["n_sources"])
             if n > 1 and e in published}
    assert grown and {r["event_id"] for r in rows if r["change"] == "diperbarui"} == grown
    row = next(r for r in rows if r["change"] == "diperbarui")
    assert {"n_sources", "doc_ids", "mentions"} <= set(row["changed_columns"])
    assert "n_sources: 1 -> " in row["what_changed"] and "mentions: + " in row["what_changed"]
    assert all(r["run_at"] == AT for r in rows)


def test_first_run_all_new_and_a_vanished_event_is_removed(fixture_records, gaz):
    tables = build_tables(fixture_records, gaz)
    rows = compare(None, cells(tables), AT)
    assert [r["change"] for r in rows] == ["baru"] * len(tables["events"])
    assert [r["event_id"] for r in rows] == sorted(tables["events"]["event_id"])
    gone = tables["mentions"].dropna(subset=["event_id"]).iloc[0]
    rest = [r for r in fixture_records if r["doc_id"] not in set(
        tables["mentions"].loc[tables["mentions"]["event_id"] == gone["event_id"], "doc_id"])]
    previous = files.PreviousIds(
        by_doc=dict(zip(tables["mentions"]["doc_id"], tables["mentions"]["event_id"])),
        known=frozenset(tables["events"]["event_id"]))
    rows = compare(cells(tables), cells(build_tables(rest, gaz, previous)), AT)
    assert [(r["event_id"], r["change"]) for r in rows] == [(gone["event_id"], "dihapus")]
    assert rows[0]["what_changed"].endswith("no longer relevant or no longer given")


def test_removed_event_says_where_its_articles_went_and_versions_are_not_changes():
    event = {"event_id": "ev-a", "event_type": "rapat_koordinasi", "event_date": "2024-03-14",
             "kab_kota": "Kabupaten Sigi", "title": "Rakor PUG", "doc_ids": "d1 | d2",
             "schema_version": "1.0"}
    old = text_side({"events": [event, {**event, "event_id": "ev-b", "doc_ids": "d3"}],
                     "mentions": [{"event_id": "ev-a", "doc_id": "d1"},
                                  {"event_id": "ev-a", "doc_id": "d2"},
                                  {"event_id": "ev-b", "doc_id": "d3", "title": "x"}]})
    new = text_side({"events": [{**event, "event_id": "ev-b", "doc_ids": "d3 | d1 | d2",
                                 "schema_version": "1.1"}],
                     "mentions": [{"event_id": "ev-b", "doc_id": d, "title": t}
                                  for d, t in (("d1", ""), ("d2", ""), ("d3", "y"))]})
    rows = compare(old, new, AT)
    assert [(r["event_id"], r["change"]) for r in rows] == [("ev-b", "diperbarui"),
                                                            ("ev-a", "dihapus")]
    assert rows[0]["changed_columns"] == ["doc_ids", "mentions", "mentions.title"]
    assert rows[0]["what_changed"] == ("doc_ids: + d1, + d2; mentions: + d1; mentions: + d2; "
                                       "mentions d3: title")  # not schema_version
    assert rows[1]["what_changed"] == ("rapat_koordinasi, 2024-03-14, Kabupaten Sigi: Rakor PUG; "
                                       "its articles are now in ev-b")


def test_published_tables_compare_the_same_from_parquet_jsonl_or_csv(fixture_records, tmp_path,
                                                                write_records):
    out = tmp_path / "all"
    make_dataset([write_records("r.jsonl", fixture_records)], out)
    by_format = {}
    for fmt in ("parquet", "jsonl", "csv"):
        only = tmp_path / fmt
        only.mkdir()
        shutil.copy(out / "manifest.json", only)
        for name in COMPARED:
            shutil.copy(out / f"{name}.{fmt}", only)
        by_format[fmt] = Side.of(read_published(only, COMPARED))
    assert by_format["csv"].text["events"] and not by_format["parquet"].text["events"]
    for name in COMPARED:
        for fmt in ("parquet", "jsonl"):  # the same hash for every cell
            assert (by_format[fmt].hashes[name] == by_format["csv"].hashes[name]).all(), fmt
    assert compare(by_format["parquet"], by_format["csv"], AT) == []


def test_csv_only_dataset_reruns_without_spurious_changes(fixture_records, tmp_path,
                                                          write_records):
    out = tmp_path / "csv"
    path = write_records("all.jsonl", fixture_records)
    first = make_dataset([path], out, formats=("csv",))
    assert first.changes["baru"] == first.events
    before = {p.name: p.stat().st_mtime_ns for p in out.glob("*.csv")}
    second = make_dataset([path], out, formats=("csv",))
    assert second.changes == {"baru": 0, "diperbarui": 0, "dihapus": 0}
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("*.csv")} == before
    log = read_change_log(out)
    assert len(log) == first.events and set(log["change"]) == {"baru"}
    assert log.iloc[0]["changed_columns"] == []  # a list again, read back from the CSV


def test_change_log_appends_runs():
    one = change_log(None, [{"run_at": "1", "event_id": "ev-a", "change": "baru",
                             "changed_columns": [], "what_changed": "x"}])
    two = change_log(one, [{"run_at": "2", "event_id": "ev-a", "change": "diperbarui",
                            "changed_columns": ["n_sources"], "what_changed": "y"}])
    assert list(two["run_at"]) == ["1", "2"] and two.iloc[1]["changed_columns"] == ["n_sources"]
    assert change_log(two, []).equals(two)
