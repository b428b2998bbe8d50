"""The report's view model, part 2: data quality and the event list with sources and evidence."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

import pandas as pd

from pugnlp.report import labels

MAX_LISTED = 200
"""Unresolved places and irrelevant articles listed by name (the counts are always complete)."""
MAX_EVENTS = 5000
"""Events listed in full; beyond this the report says how many were left out."""

QUALITY_FIELDS: tuple[tuple[str, str], ...] = (
    ("Jenis kegiatan", "event_type"), ("Tanggal kegiatan", "event_date"),
    ("Provinsi", "province_code"), ("Kabupaten/kota", "kab_kota_code"),
    ("Tempat", "n_venues"), ("Pejabat", "n_officials"), ("Instansi", "n_agencies"),
    ("Jumlah peserta", "participants"),
)


def _clean(value: Any) -> Any:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and value != value:
        return None
    return value


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [{k: _clean(v) for k, v in row.items()} for row in frame.to_dict("records")]


def mark(sentence: Any, surface: Any) -> tuple[str, str, str]:
    """Split a sentence around the evidence: ``(before, surface, after)``."""
    sentence = sentence or ""
    if surface and surface in sentence:
        i = sentence.index(surface)
        return sentence[:i], surface, sentence[i + len(surface):]
    return sentence, "", ""


def _article(row: Mapping[str, Any]) -> dict[str, Any]:
    return {"title": row.get("title") or row.get("doc_id"), "url": row.get("url") or "",
            "outlet": row.get("outlet") or "", "published": labels.tanggal(row.get("published")),
            "doc_id": row.get("doc_id")}


def quality(tables: Mapping[str, pd.DataFrame]) -> dict[str, Any]:
    """Share of each field resolved among relevant articles, unresolved places, irrelevant ones."""
    mentions, events = tables["mentions"], tables["events"]
    relevant = mentions[mentions["relevant"].fillna(False)]
    total = len(relevant)
    fields = []
    for label, column in QUALITY_FIELDS:
        series = relevant[column]
        found = int((series.fillna(0) > 0).sum()) if column.startswith("n_") \
            else int(series.notna().sum())
        fields.append({"label": label, "found": labels.angka(found),
                       "share": labels.persen(found, total),
                       "width": round(100 * found / total, 1) if total else 0})
    unresolved = relevant[relevant["province_code"].isna()
                          & (relevant["place_precision"] != "national")]
    irrelevant = mentions[~mentions["relevant"].fillna(False)]
    return {
        "articles": labels.angka(len(mentions)), "relevant": labels.angka(total),
        "fields": fields,
        "dated_by_publication": labels.angka(int((events["date_source"] == "published").sum())),
        "n_events": labels.angka(len(events)),
        "unresolved_count": labels.angka(len(unresolved)),
        "unresolved": [_article(r) for r in _records(unresolved.head(MAX_LISTED))],
        "irrelevant_count": labels.angka(len(irrelevant)),
        "irrelevant_share": labels.persen(len(irrelevant), len(mentions)),
        "irrelevant": [_article(r) for r in _records(irrelevant.head(MAX_LISTED))],
    }


def _by_event(frame: pd.DataFrame) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in _records(frame.dropna(subset=["event_id"])):
        out[row["event_id"]].append(row)
    return out


def _evidence_items(sources: list[dict[str, Any]]) -> list[dict[str, Any]]:
    items = []
    for row in sources:
        for label, prefix in (("Tanggal", "date"), ("Tempat", "place")):
            if row.get(f"{prefix}_sentence"):
                parts = mark(row[f"{prefix}_sentence"], row.get(f"{prefix}_surface"))
                items.append({"label": label, "doc_id": row["doc_id"],
                              "outlet": row.get("outlet"), "parts": parts})
    return items


def _when(ev: Mapping[str, Any]) -> str:
    if ev.get("event_date") is not None:
        return labels.rentang(ev["event_date"], ev.get("event_date_end"))
    if ev.get("first_published") is not None:
        return f"{labels.tanggal(ev['first_published'])} (tanggal terbit)"
    return "Tanggal tidak diketahui"


def event_list(tables: Mapping[str, pd.DataFrame], limit: int = MAX_EVENTS) -> dict[str, Any]:
    """Every event (latest first) with its articles, evidence sentences, officials, agencies."""
    events = tables["events"].sort_values(["reference_date", "event_id"], ascending=[False, True],
                                          na_position="last")
    sources = _by_event(tables["mentions"])
    officials = _by_event(tables["officials"])
    agencies = _by_event(tables["agencies"])
    rows = []
    for ev in _records(events.head(limit)):
        eid = ev["event_id"]
        mine = sources.get(eid, [])
        place = ev.get("kab_kota") or ev.get("province") or "Wilayah tidak diketahui"
        rows.append({
            "id": eid, "when": _when(ev), "type": labels.jenis(ev.get("event_type")),
            "type_code": ev.get("event_type") or "", "place": place,
            "province": ev.get("province") or "", "province_code": ev.get("province_code") or "",
            "venue": ev.get("venue") or "", "participants": labels.angka(ev.get("participants")),
            "activity": ev.get("activity") or "", "held_in": ev.get("held_in_kab_kota") or "",
            "title": ev.get("title") or eid, "n_sources": ev.get("n_sources") or len(mine),
            "sources": [_article(r) for r in mine],
            "evidence": _evidence_items(mine),
            "officials": [{"name": o["name"], "position": o.get("position") or "",
                           "parts": mark(o.get("evidence_sentence"), o.get("evidence_surface"))}
                          for o in officials.get(eid, [])],
            "agencies": [{"name": a.get("name") or a.get("agency_key"),
                          "parts": mark(a.get("evidence_sentence"), a.get("evidence_surface"))}
                         for a in agencies.get(eid, [])],
            "ape": [f"{i.get('category')} {i.get('year') or ''} "
                    f"({labels.STATUS_LABELS.get(i.get('status') or '', '')})".replace("  ", " ")
                    for i in ev.get("ape_categories") or []],
        })
    return {"rows": rows, "left_out": max(0, len(events) - limit)}
