"""Records -> tables: best-supported values, people and agencies, types, determinism."""

from __future__ import annotations

import random

import pandas as pd

from pugnlp.dataset.frame import build_tables
from pugnlp.dataset.records import check_record, duplicate_count
from pugnlp.dataset.synthetic import synthetic_records
from pugnlp.dataset.tables import TABLES
from pugnlp.dataset.typed import PANDAS_DTYPES
from pugnlp.schema import EventRecord


def test_tables_have_exactly_the_spec_columns_and_types(tables):
    assert set(tables) == set(TABLES)
    for name, frame in tables.items():
        spec = TABLES[name]
        assert tuple(frame.columns) == spec.names
        for col in spec.columns:
            if col.dtype in PANDAS_DTYPES:
                assert str(frame[col.name].dtype) == PANDAS_DTYPES[col.dtype], col.name
    assert (tables["events"]["schema_version"] == "1.1").all()


def test_one_row_per_event_and_per_article(tables, fixture_records, gold):
    # 37 gold events; the merger leaves two hard ones split (see bench/event_merge.py)
    assert len(set(gold.values())) <= len(tables["events"]) <= len(set(gold.values())) + 3
    assert tables["events"]["n_sources"].sum() == len(gold)
    assert len(tables["mentions"]) == len(fixture_records)
    assert tables["events"]["event_id"].is_unique
    irrelevant = tables["mentions"][~tables["mentions"]["relevant"]]
    assert len(irrelevant) == 2 and irrelevant["event_id"].isna().all()


def test_event_row_keeps_best_supported_values(tables, event_of):
    e01 = event_of("mediacenter-banjarbaru-e01-1")
    assert e01["n_sources"] == 4 and e01["n_outlets"] == 4
    assert e01["event_date"] == pd.Timestamp("2023-10-11")
    assert e01["venue"] == "Aula Gawi Sabarataan"
    assert (e01["kab_kota_code"], e01["kab_kota"], e01["province"]) == (
        "63.72", "Kota Banjarbaru", "Kalimantan Selatan")
    assert e01["first_published"] == pd.Timestamp("2023-10-11")
    assert {"category": "Madya", "year": 2021, "status": "achieved"} in e01["ape_categories"]
    e04 = event_of("hai-kalteng-e04-1")
    assert e04["event_type"] == "rapat_koordinasi"  # 2 of 3 outlets; one said sosialisasi
    assert e04["place_precision"] == "kab_kota"  # one outlet knew only the province


def test_undated_event_falls_back_to_publication(tables, event_of):
    e32 = event_of("samarinda-pos-e32-1")
    assert pd.isna(e32["event_date"]) and e32["date_source"] == "published"
    assert e32["reference_date"] == pd.Timestamp("2024-11-27")


def test_officials_one_row_per_person_with_evidence(tables, fixture_records, event_of):
    e01 = event_of("mediacenter-banjarbaru-e01-1")
    people = tables["officials"][tables["officials"]["event_id"] == e01["event_id"]]
    assert sorted(people["name"]) == ["Puspa Kencana", "Sri Lailana"]
    puspa = people[people["name"] == "Puspa Kencana"].iloc[0]
    assert puspa["n_mentions"] == 3 and puspa["position"] == "Asisten II Setdako Banjarbaru"
    text = next(r["text"] for r in fixture_records if r["doc_id"] == puspa["doc_id"])
    assert text[puspa["evidence_start"]:puspa["evidence_end"]] == puspa["evidence_surface"]
    assert puspa["evidence_surface"] in puspa["evidence_sentence"]


def test_agency_spellings_grouped(tables, event_of):
    e01 = event_of("mediacenter-banjarbaru-e01-1")
    rows = tables["agencies"][tables["agencies"]["event_id"] == e01["event_id"]]
    main = rows[rows["agency_key"] == "DP2KBPMP2A"].iloc[0]
    assert main["n_mentions"] == 3 and main["name"] == "DP2KBPMP2A"
    assert set(rows["agency_key"]) >= {"DP2KBPMP2A", "KEMENP3A", "PEMERINTAH"}


def test_input_order_and_repeats_do_not_change_the_tables(fixture_records, gaz, tables):
    shuffled = list(fixture_records) + fixture_records[:5]
    random.Random(7).shuffle(shuffled)
    again = build_tables(shuffled, gaz)
    for name in ("events", "mentions", "officials", "agencies"):
        pd.testing.assert_frame_equal(again[name], tables[name])


def test_synthetic_records_are_valid_records(gaz):
    records = list(synthetic_records(300, gaz, seed=3))
    for n, record in enumerate(records):
        check_record(record, f"synthetic:{n}")
    built = build_tables(records, gaz)
    assert 0 < len(built["events"]) < len(records)
    assert built["events"]["n_sources"].sum() == built["mentions"]["relevant"].sum()


def test_typed_records_build_the_same_tables_as_their_dicts(fixture_records, gaz, tables):
    typed = [EventRecord.from_dict(r) for r in fixture_records]
    assert duplicate_count(typed) == duplicate_count(fixture_records) == 0
    built = build_tables(typed, gaz)
    for name, frame in tables.items():
        pd.testing.assert_frame_equal(built[name], frame)


def test_an_event_takes_the_activity_and_place_held_most_articles_name(gaz) -> None:  # noqa: ANN001
    from pugnlp.dataset.frame import summarise_event

    base = {"doc_id": "a", "relevant": True, "event_type": "rapat_koordinasi",
            "event_date": "2024-06-03", "province_code": "64", "kab_kota_code": None,
            "held_in_kab_kota_code": "64.72", "held_in_kab_kota": "Kota Samarinda",
            "activity": "Rapat Koordinasi PUG"}
    members = [dict(base), dict(base, doc_id="b"),
               dict(base, doc_id="c", activity="Rakor PUG", held_in_kab_kota_code=None,
                    held_in_kab_kota=None)]
    row = summarise_event(members, gaz)
    assert row["activity"] == "Rapat Koordinasi PUG"
    assert (row["held_in_kab_kota"], row["held_in_kab_kota_code"]) == ("Kota Samarinda", "64.72")
    assert row["kab_kota_code"] is None and row["province_code"] == "64"
