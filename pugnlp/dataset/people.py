"""Officials and agencies of an event: spellings grouped, best values chosen, evidence kept."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from pugnlp import keys
from pugnlp.dataset import signals
from pugnlp.dataset.tables import DATASET_VERSION, TableSpec
from pugnlp.dataset.typed import typed_frame
from pugnlp.dataset.values import Record, evidence, mode

Item = tuple[Record, Mapping[str, Any]]


def _provenance(items: Sequence[Item]) -> dict[str, Any]:
    record, first = items[0]
    surface, sentence, start, end = evidence(record, first.get("evidence"))
    return {
        "n_mentions": len({str(r["doc_id"]) for r, _ in items}),
        "doc_id": str(record["doc_id"]), "url": record.get("url"),
        "evidence_surface": surface, "evidence_sentence": sentence,
        "evidence_start": start, "evidence_end": end,
    }


def _longest_first(value: str) -> tuple[int, str]:
    return -len(value), value


def group_officials(members: Sequence[Record]) -> list[dict[str, Any]]:
    """One dict per person named by the event's articles (given in publication order).

    Spellings are grouped when one name's words contain the other's (``Lailana`` and ``Sri
    Lailana``); the fullest spelling is kept, with the most frequent position and agency and
    the earliest article's evidence.
    """
    groups: list[tuple[list[keys.PersonKey], list[Item]]] = []
    for record in members:
        for official in record.get("officials") or ():
            key = keys.person_key(official.get("name") or "")
            if not key:
                continue
            found = next((g for g in groups if any(keys.same_person(key, k) for k in g[0])),
                         None)
            if found is None:
                found = ([], [])
                groups.append(found)
            found[0].append(key)
            found[1].append((record, official))
    rows = []
    for _, items in groups:
        names = [o["name"] for _, o in items]
        rows.append({
            "name": max(names, key=lambda n: (len(keys.person_key(n)), names.count(n))),
            "position": mode((o.get("position") for _, o in items), tiebreak=_longest_first),
            "agency": mode((o.get("agency") for _, o in items), tiebreak=_longest_first),
            **_provenance(items),
        })
    return rows


def group_agencies(members: Sequence[Record]) -> list[dict[str, Any]]:
    """One dict per agency named by the event's articles, spellings grouped by
    :func:`signals.agency_key` and the body's region (the kab's DP3A and the province's are
    two agencies)."""
    groups: dict[tuple[str, str | None], list[Item]] = {}
    for record in members:
        for agency in record.get("agencies") or ():
            key = signals.agency_key(agency) or (agency.get("name") or "").upper()
            if key:
                groups.setdefault((key, agency.get("region_code")), []).append((record, agency))
    for (key, region), items in list(groups.items()):
        # an article that did not write the body's region names the event's one body of that key
        regional = [k for k in groups if k[0] == key and k[1] is not None]
        if region is None and len(regional) == 1:
            groups[regional[0]].extend(groups.pop((key, region)))
    rows = []
    for (key, region), items in groups.items():
        rows.append({
            "agency_key": key,
            "name": mode((a.get("name") for _, a in items), tiebreak=_longest_first),
            "acronym": mode(a.get("acronym") for _, a in items),
            "expansion": mode((a.get("expansion") for _, a in items), tiebreak=_longest_first),
            "agency_level": mode(a.get("level") for _, a in items),
            "agency_region": mode(a.get("region") for _, a in items),
            "agency_region_code": region,
            **_provenance(items),
        })
    return rows


def people_frame(events: Sequence[Mapping[str, Any]], field: str, spec: TableSpec
                 ) -> pd.DataFrame:
    """The officials or agencies table: one row per (event, item of ``event[field]``)."""
    rows = [
        {**item, "event_id": event["event_id"], "province_code": event["province_code"],
         "kab_kota_code": event["kab_kota_code"], "schema_version": DATASET_VERSION}
        for event in sorted(events, key=lambda e: e["event_id"]) for item in event[field]
    ]
    return typed_frame({name: [r.get(name) for r in rows] for name in spec.names}, spec)
