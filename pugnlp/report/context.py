"""The report's view model, part 1: overview, map, provinces, months, types, APE, agencies.

Every function takes the dataset's DataFrames (and the gazetteer) and returns plain values
that the template renders; nothing here touches the disk.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from pugnlp.dataset.signals import is_generic_agency
from pugnlp.report import labels
from pugnlp.report.charts import Tile
from pugnlp.schema import APE_CATEGORIES, EVENT_TYPES
from pugnlp.wilayah import Gazetteer

TOP_AGENCIES = 15


def _text(value: Any) -> str:
    return "" if value is None or value is pd.NA or (isinstance(value, float) and value != value) \
        else str(value)


def overview(tables: Mapping[str, pd.DataFrame]) -> dict[str, Any]:
    """Headline numbers and the covered date range."""
    events, mentions = tables["events"], tables["mentions"]
    dates = events["reference_date"].dropna()
    return {
        "n_events": labels.angka(len(events)),
        "n_articles": labels.angka(len(mentions)),
        "n_relevant": labels.angka(int(mentions["relevant"].fillna(False).sum())),
        "n_provinces": int(events["province_code"].dropna().nunique()),
        "n_kab_kota": int(events["kab_kota_code"].dropna().nunique()),
        "first": labels.tanggal(dates.min()) if len(dates) else "",
        "last": labels.tanggal(dates.max()) if len(dates) else "",
    }


def map_tiles(events: pd.DataFrame, gaz: Gazetteer) -> list[Tile]:
    """One tile per province (all 38), with its number of events."""
    counts = events["province_code"].dropna().value_counts()
    return [Tile(p.code, p.name, int(counts.get(p.code, 0)))
            for p in sorted(gaz.provinces, key=lambda r: r.code)]


@dataclass(slots=True)
class ProvincePanel:
    """What clicking a province shows: its kab/kota and their events."""

    code: str
    name: str
    total: int
    province_level: int
    kab_kota: list[dict[str, Any]] = field(default_factory=list)
    types: list[tuple[str, int]] = field(default_factory=list)


def province_panels(events: pd.DataFrame, gaz: Gazetteer) -> list[ProvincePanel]:
    """A panel per province: every kab/kota (zeros included), busiest first."""
    by_kab = events["kab_kota_code"].dropna().value_counts()
    ids_by_kab = events.dropna(subset=["kab_kota_code"]).groupby("kab_kota_code")["event_id"]
    ids = {code: list(group) for code, group in ids_by_kab}
    kab_of: dict[str, list[Any]] = {}
    for region in gaz.kab_kota:
        kab_of.setdefault(region.province_code, []).append(region)
    panels = []
    for prov in sorted(gaz.provinces, key=lambda r: r.code):
        mine = events[events["province_code"] == prov.code]
        rows = sorted(({"code": r.code, "name": r.name, "count": int(by_kab.get(r.code, 0)),
                        "event_ids": ids.get(r.code, [])} for r in kab_of.get(prov.code, [])),
                      key=lambda d: (-d["count"], d["name"]))
        types = Counter(mine["event_type"].dropna())
        panels.append(ProvincePanel(
            prov.code, prov.name, len(mine), int(mine["kab_kota_code"].isna().sum()), rows,
            [(labels.jenis(t), types[t]) for t in EVENT_TYPES if types.get(t)]))
    return panels


def month_counts(events: pd.DataFrame) -> list[tuple[str, int]]:
    """Events per month from the first to the last, empty months included."""
    dates = events["reference_date"].dropna()
    if dates.empty:
        return []
    counts = dates.dt.strftime("%Y-%m").value_counts()
    span = pd.period_range(dates.min(), dates.max(), freq="M")
    return [(str(p), int(counts.get(str(p), 0))) for p in span]


def type_matrix(events: pd.DataFrame, gaz: Gazetteer) -> dict[str, Any]:
    """Event types per province (provinces with activity, busiest first) with cell shades."""
    placed = events.dropna(subset=["province_code"])
    table = pd.crosstab(placed["province_code"], placed["event_type"].fillna("lainnya"))
    table = table.reindex(columns=list(EVENT_TYPES), fill_value=0)
    top = int(table.to_numpy().max()) if table.size else 0
    rows = []
    for code in sorted(table.index, key=lambda c: (-int(table.loc[c].sum()), c)):
        region = gaz.get(code)
        cells = [(int(n), 0 if not n else max(1, min(5, -(-int(n) * 5 // top))))
                 for n in table.loc[code]]
        rows.append({"code": code, "name": region.name if region else code,
                     "cells": cells, "total": int(table.loc[code].sum())})
    return {"types": [labels.jenis(t) for t in EVENT_TYPES], "rows": rows}


def ape_rows(events: pd.DataFrame) -> list[dict[str, Any]]:
    """Every APE category mentioned, with its region and event; latest and highest first."""
    rank = {c: n for n, c in enumerate(APE_CATEGORIES)}
    rows = []
    for ev in events[events["ape_categories"].map(len) > 0].itertuples(index=False):
        region = _text(ev.kab_kota) or _text(ev.province) or "Wilayah tidak diketahui"
        for item in ev.ape_categories:
            rows.append({
                "region": region, "category": item.get("category") or "",
                "year": item.get("year") or "", "status": item.get("status") or "",
                "status_label": labels.STATUS_LABELS.get(item.get("status") or "", ""),
                "event_id": ev.event_id, "date": labels.tanggal(ev.reference_date),
                "_rank": rank.get(item.get("category"), -1),
            })
    rows.sort(key=lambda r: (-(r["year"] or 0), r["status"] != "achieved", -r["_rank"],
                             r["region"]))
    return rows


def top_agencies(agencies: pd.DataFrame, events: pd.DataFrame, gaz: Gazetteer,
                 limit: int = TOP_AGENCIES) -> list[dict[str, Any]]:
    """The agencies in the most events, one per (agency, region).

    Whole-government names (Pemkab, Setda ...) are left out.
    """
    if agencies.empty:
        return []
    data = agencies[~agencies["agency_key"].fillna("").map(is_generic_agency)].copy()
    data["region"] = data["kab_kota_code"].fillna(data["province_code"]).fillna("")
    grouped = data.groupby(["agency_key", "region"], dropna=False)
    rows = []
    for (key, region_code), group in grouped:
        region = gaz.get(region_code) if region_code else None
        rows.append({"key": key, "name": Counter(group["name"].dropna()).most_common(1)[0][0]
                     if group["name"].notna().any() else key,
                     "region": region.name if region else "",
                     "events": int(group["event_id"].nunique())})
    rows.sort(key=lambda r: (-r["events"], r["name"], r["region"]))
    rows = rows[:limit]
    top = rows[0]["events"] if rows else 1
    for r in rows:
        r["width"] = round(100 * r["events"] / top, 1)
    return rows
