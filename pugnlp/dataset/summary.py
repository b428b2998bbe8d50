"""``wilayah_summary``: every province and kab/kota for every year and month, zeros included;
``wilayah``: the regions themselves, the table every region code of the dataset refers to."""

from __future__ import annotations

import calendar
import datetime as dt
import logging
from collections.abc import Iterable
from typing import Any

import pandas as pd

from pugnlp.dataset.tables import DATASET_VERSION, WILAYAH, WILAYAH_SUMMARY
from pugnlp.dataset.typed import typed_frame
from pugnlp.schema import APE_CATEGORIES, EVENT_TYPES
from pugnlp.wilayah import Gazetteer, Region

log = logging.getLogger(__name__)

_RANK = {c: n for n, c in enumerate(APE_CATEGORIES)}
_TYPE_COLUMNS = [f"n_{t}" for t in EVENT_TYPES]


def regions(gaz: Gazetteer) -> list[Region]:
    """The 38 provinces and 514 kab/kota, each province followed by its kab/kota (by code)."""
    return sorted([*gaz.provinces, *gaz.kab_kota], key=lambda r: r.code)


def wilayah_table(gaz: Gazetteer) -> pd.DataFrame:
    """The ``wilayah`` table: the 552 regions of :func:`regions`, in the same order."""
    region_list = regions(gaz)
    return typed_frame({
        "region_code": [r.code for r in region_list],
        "region_name": [r.name for r in region_list],
        "level": [r.level for r in region_list],
        "province_code": [r.province_code for r in region_list],
        "province": [gaz.province_of(r).name for r in region_list],
        "schema_version": [DATASET_VERSION] * len(region_list),
    }, WILAYAH)


def periods(years: Iterable[int], months: Iterable[tuple[int, int]]
            ) -> list[tuple[str, str, int, int | None, dt.date]]:
    """``(period_type, period, year, month, last day)`` for every year, then every month,
    from the first to the last one given (gaps filled)."""
    years = sorted(set(years))
    months = sorted(set(months))
    out: list[tuple[str, str, int, int | None, dt.date]] = []
    if years:
        for y in range(years[0], years[-1] + 1):
            out.append(("year", str(y), y, None, dt.date(y, 12, 31)))
    if months:
        y, m = months[0]
        while (y, m) <= months[-1]:
            last = dt.date(y, m, calendar.monthrange(y, m)[1])
            out.append(("month", f"{y}-{m:02d}", y, m, last))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _counts(events: pd.DataFrame, period_col: str) -> pd.DataFrame:
    """Events and sources per (region_code, period) and per type, provinces and kab/kota."""
    frames = []
    for code_col in ("province_code", "kab_kota_code"):
        part = events.dropna(subset=[code_col])
        if part.empty:
            continue
        keys = [part[code_col].astype(str).rename("region_code"), part[period_col]]
        by_type = pd.crosstab(keys, part["event_type"].fillna("lainnya"))
        sources = part.groupby(keys)["n_sources"].sum().rename("n_sources")
        frames.append(by_type.join(sources))
    if not frames:
        return pd.DataFrame(columns=[*_TYPE_COLUMNS, "n_sources"])
    counts = pd.concat(frames).rename(columns=lambda t: f"n_{t}" if t in EVENT_TYPES else t)
    return counts.reindex(columns=[*_TYPE_COLUMNS, "n_sources"], fill_value=0)


Award = tuple[dt.date, int | None, int, str]


def _achievements(events: pd.DataFrame) -> dict[str, list[Award]]:
    """Achieved APE awards per region: ``(known on, award year or None, rank, category)``."""
    out: dict[str, list[Award]] = {}
    rows = events[events["ape_categories"].map(len) > 0]
    for ev in rows.itertuples(index=False):
        code = ev.kab_kota_code if isinstance(ev.kab_kota_code, str) else (
            ev.province_code if ev.place_precision == "province" else None)
        if code is None or pd.isna(ev.reference_date):
            continue
        known = ev.reference_date.date()
        for item in ev.ape_categories:
            if item.get("status") == "achieved" and item.get("category") in _RANK:
                year = int(item["year"]) if item.get("year") is not None else None
                out.setdefault(code, []).append((known, year, _RANK[item["category"]],
                                                 item["category"]))
    return out


def _latest_ape(items: list[Award], year: int, last: dt.date) -> tuple[str | None, int | None]:
    """The award known by ``last`` with the latest year (an award without a stated year counts
    as older than any dated one), then the highest category."""
    known = [(y, rank, c) for k, y, rank, c in items if k <= last and (y is None or y <= year)]
    if not known:
        return None, None
    award_year, _, category = max(known, key=lambda t: (t[0] or 0, t[1]))
    return category, award_year


def wilayah_summary(events: pd.DataFrame, gaz: Gazetteer) -> pd.DataFrame:
    """The ``wilayah_summary`` table (552 rows per period) from the ``events`` table."""
    dated = events.dropna(subset=["reference_date"]).copy()
    dated["p_year"] = dated["year"].astype(int).astype(str)
    dated["p_month"] = dated["reference_date"].dt.strftime("%Y-%m")
    spans = periods(dated["year"].astype(int), zip(dated["year"].astype(int),
                                                   dated["month"].astype(int)))
    counts = {"year": _counts(dated, "p_year"), "month": _counts(dated, "p_month")}
    known_codes = {r.code for r in regions(gaz)}
    unknown = set(dated["kab_kota_code"].dropna()) | set(dated["province_code"].dropna())
    if unknown - known_codes:
        log.warning("summary: %d region codes not in the gazetteer ignored: %s",
                    len(unknown - known_codes), sorted(unknown - known_codes)[:5])
    ape = _achievements(dated)
    region_list = regions(gaz)
    columns: dict[str, list[Any]] = {name: [] for name in WILAYAH_SUMMARY.names}
    for ptype, period, year, month, last in spans:
        table = counts[ptype]
        codes = [r.code for r in region_list]
        block = table.reindex(pd.MultiIndex.from_product([codes, [period]]), fill_value=0)
        for name in [*_TYPE_COLUMNS, "n_sources"]:
            columns[name].extend(block[name].astype(int).tolist())
        columns["n_events"].extend(block[_TYPE_COLUMNS].sum(axis=1).astype(int).tolist())
        for r in region_list:
            category, award_year = _latest_ape(ape.get(r.code, []), year, last)
            columns["period_type"].append(ptype)
            columns["period"].append(period)
            columns["year"].append(year)
            columns["month"].append(month)
            columns["region_code"].append(r.code)
            columns["region_name"].append(r.name)
            columns["level"].append(r.level)
            columns["province_code"].append(r.province_code)
            columns["ape_category"].append(category)
            columns["ape_year"].append(award_year)
            columns["schema_version"].append(DATASET_VERSION)
    return typed_frame(columns, WILAYAH_SUMMARY)
