"""Records -> the dataset's typed DataFrames (events, mentions, officials, agencies, summary,
regions).

:func:`build_tables` is the one entry point: pure, given the records, the gazetteer and the ids
of the previously published dataset. Events are merged by :mod:`.merge`; each event row keeps
the best-supported value of each field (the most frequent among its articles).
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd

from pugnlp.dataset import merge, people, signals
from pugnlp.dataset.ids import Member, PreviousIds, assign_ids, event_key
from pugnlp.dataset.records import Incoming, as_rows, unique_records
from pugnlp.dataset.summary import wilayah_summary, wilayah_table
from pugnlp.dataset.tables import AGENCIES, DATASET_VERSION, EVENTS, MENTIONS, OFFICIALS, TableSpec
from pugnlp.dataset.typed import typed_frame
from pugnlp.dataset.values import distinct, evidence, mode, published_order
from pugnlp.schema import APE_CATEGORIES, EVENT_TYPES
from pugnlp.wilayah import Gazetteer

log = logging.getLogger(__name__)

Record = Mapping[str, Any]


def _place(members: Sequence[Record], gaz: Gazetteer) -> dict[str, Any]:
    kab = mode(r.get("kab_kota_code") for r in members)
    region = gaz.get(kab) if kab else None
    if kab:
        province = region.province_code if region else mode(
            r.get("province_code") for r in members if r.get("kab_kota_code") == kab)
    else:
        province = mode(r.get("province_code") for r in members)
    prov_region = gaz.get(province) if province else None

    def name(code: str | None, found: Any, field: str) -> str | None:
        return found.name if found else mode(r.get(field) for r in members
                                             if code and r.get(f"{field}_code") == code)

    national = any(r.get("place_precision") == "national" for r in members)
    precision = ("kab_kota" if kab else "province" if province
                 else "national" if national else "unresolved")
    return {"province_code": province, "kab_kota_code": kab,
            "province": name(province, prov_region, "province"),
            "kab_kota": name(kab, region, "kab_kota"), "place_precision": precision}


def _held_in(members: Sequence[Record], gaz: Gazetteer) -> dict[str, Any]:
    """Where the event was held: the kab/kota most of its articles name."""
    code = mode(r.get("held_in_kab_kota_code") for r in members)
    region = gaz.get(code) if code else None
    return {"held_in_kab_kota_code": code,
            "held_in_kab_kota": region.name if region else mode(
                r.get("held_in_kab_kota") for r in members
                if code and r.get("held_in_kab_kota_code") == code)}


def _dates(members: Sequence[Record]) -> dict[str, Any]:
    start = mode((r.get("event_date") for r in members), tiebreak=str)
    end = mode(r.get("event_date_end") for r in members if start and r.get("event_date") == start)
    published = sorted(p for p in (merge.parse_date(r.get("published")) for r in members) if p)
    first = published[0] if published else None
    reference = merge.parse_date(start) or first
    return {
        "event_date": start, "event_date_end": end,
        "reference_date": reference.isoformat() if reference else None,
        "date_source": "event_date" if start else "published" if first else None,
        "year": reference.year if reference else None,
        "month": reference.month if reference else None,
        "first_published": first.isoformat() if first else None,
        "last_published": published[-1].isoformat() if published else None,
    }


def _event_type(members: Sequence[Record]) -> str | None:
    scores: Counter[str] = Counter()
    for r in members:
        if r.get("event_type"):
            scores[r["event_type"]] += r.get("event_type_score") or 0.0
    order = {t: n for n, t in enumerate(EVENT_TYPES)}
    return mode((r.get("event_type") for r in members),
                tiebreak=lambda t: (-scores[t], order.get(t, len(order)), t))


def _venue(members: Sequence[Record]) -> tuple[str | None, list[str]]:
    names = [v.get("name") for r in members for v in r.get("venues") or () if v.get("name")]
    keyed = [(signals.venue_key(n), n) for n in names]
    best = mode((k for k, _ in keyed if k), tiebreak=lambda k: sorted(k))
    surface = max((n for k, n in keyed if k == best), key=lambda n: (len(n), n), default=None)
    return surface, distinct(names, key=signals.venue_key)


def _ape(members: Sequence[Record]) -> list[dict[str, Any]]:
    rank = {c: n for n, c in enumerate(APE_CATEGORIES)}
    items = {(a.get("category"), a.get("year"), a.get("status"))
             for r in members for a in r.get("ape_categories") or () if a.get("category")}
    ordered = sorted(items, key=lambda t: (t[1] or 0, rank.get(t[0], -1), t[2] or ""))
    return [{"category": c, "year": y, "status": s} for c, y, s in ordered]


def summarise_event(members: Sequence[Record], gaz: Gazetteer) -> dict[str, Any]:
    """The event row (without ``event_id``) of the records that report one event."""
    members = published_order(members)
    venue, venues = _venue(members)
    type_scores = [r["event_type_score"] for r in members if r.get("event_type_score") is not None]
    row = {
        "event_type": _event_type(members), **_dates(members), **_place(members, gaz),
        "activity": mode((r.get("activity") for r in members),
                         tiebreak=lambda a: (-len(a), a)),
        **_held_in(members, gaz),
        "venue": venue,
        "participants": mode((r.get("participants") for r in members), tiebreak=lambda n: -n),
        "title": next((r.get("title") for r in members if r.get("title")), None),
        "n_sources": len(members),
        "n_outlets": len({r.get("outlet") for r in members if r.get("outlet")}),
        "event_type_score": sum(type_scores) / len(type_scores) if type_scores else None,
        "outlets": distinct(r.get("outlet") for r in members),
        "urls": distinct(r.get("url") for r in members),
        "doc_ids": [str(r["doc_id"]) for r in members],
        "venues": venues,
        "_officials": people.group_officials(members),
        "_agencies": people.group_agencies(members),
        "ape_categories": _ape(members),
        "schema_version": DATASET_VERSION,
    }
    row["officials"] = [p["name"] for p in row["_officials"]]
    row["agencies"] = [a["name"] for a in row["_agencies"]]
    sig = sorted(set().union(*(signals.agency_signature(r.get("agencies") or ())
                               for r in members)))
    row["_key"] = event_key(row["kab_kota_code"] or row["province_code"], row["event_date"],
                            row["event_type"], sig)
    return row


def _mention_row(record: Record, event_id: str | None) -> dict[str, Any]:
    date_ev = evidence(record, record.get("event_date_evidence"))
    place_ev = evidence(record, record.get("place_evidence"))
    row = {name: record.get(name) for name in (
        "url", "outlet", "published", "title", "relevant", "relevant_score", "event_type",
        "event_date", "event_date_end", "province_code", "kab_kota_code", "place_precision",
        "participants", "text_sha1")}
    row.update({
        "doc_id": str(record["doc_id"]), "event_id": event_id,
        "relevant": bool(record.get("relevant")),
        "n_venues": len(record.get("venues") or ()),
        "n_officials": len(record.get("officials") or ()),
        "n_agencies": len(record.get("agencies") or ()),
        "n_ape": len(record.get("ape_categories") or ()),
        "schema_version": DATASET_VERSION,
    })
    for prefix, ev in (("date", date_ev), ("place", place_ev)):
        row.update(zip((f"{prefix}_surface", f"{prefix}_sentence", f"{prefix}_start",
                        f"{prefix}_end"), ev))
    return row


def columns_of(rows: Sequence[Mapping[str, Any]], spec: TableSpec) -> dict[str, list[Any]]:
    """Row dicts -> column lists for :func:`typed_frame`."""
    return {name: [row.get(name) for row in rows] for name in spec.names}


def group_records(records: Sequence[Record]) -> list[list[Record]]:
    """The relevant records grouped into events by :func:`merge.cluster`."""
    relevant = [r for r in records if r.get("relevant")]
    groups = merge.cluster([merge.features(r) for r in relevant])
    return [[relevant[i] for i in g] for g in groups]


def build_tables(records: Iterable[Incoming], gazetteer: Gazetteer,
                 previous: PreviousIds | None = None) -> dict[str, pd.DataFrame]:
    """Build every dataset table from article records.

    Args:
        records: typed records (from :func:`pugnlp.records_io.read_records`), or dicts as
            in ``EventRecord.as_dict()``; a repeated ``doc_id`` keeps the last.
        gazetteer: the Kemendagri gazetteer (names for codes, the 552 summary regions).
        previous: event ids of the published dataset, to keep them stable.

    Returns:
        ``{"events", "mentions", "officials", "agencies", "wilayah_summary", "wilayah"}``
        DataFrames.
    """
    unique = unique_records(as_rows(records))
    groups = group_records(unique)
    rows = [summarise_event(g, gazetteer) for g in groups]
    members = [[Member(str(r["doc_id"]), r.get("text_sha1") or "") for r in g] for g in groups]
    ids = assign_ids(members, [row.pop("_key") for row in rows], previous)
    event_of: dict[str, str] = {}
    for event_id, row, group in zip(ids, rows, groups):
        row["event_id"] = event_id
        event_of.update((str(r["doc_id"]), event_id) for r in group)
    order = sorted(range(len(rows)), key=lambda n: (rows[n]["reference_date"] or "",
                                                    rows[n]["event_id"]))
    events = typed_frame(columns_of([rows[n] for n in order], EVENTS), EVENTS)
    mentions = typed_frame(columns_of(
        [_mention_row(r, event_of.get(str(r["doc_id"]))) for r in unique], MENTIONS), MENTIONS)
    log.info("dataset: %d records -> %d events", len(unique), len(events))
    return {
        "events": events,
        "mentions": mentions,
        "officials": people.people_frame(rows, "_officials", OFFICIALS),
        "agencies": people.people_frame(rows, "_agencies", AGENCIES),
        "wilayah_summary": wilayah_summary(events, gazetteer),
        "wilayah": wilayah_table(gazetteer),
    }

