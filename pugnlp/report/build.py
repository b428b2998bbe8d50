"""DataFrames -> ONE self-contained HTML report (inline CSS, JS and SVG; no network at all)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import jinja2
import pandas as pd

from pugnlp.report import charts, context, events_view, labels
from pugnlp.wilayah import Gazetteer

DEFAULT_TITLE = "Laporan Kegiatan Pengarusutamaan Gender (PUG)"


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    """The template environment over the packaged, read-only templates."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("pugnlp.report", "templates"),
        autoescape=jinja2.select_autoescape(["html", "j2"], default_for_string=True),
        trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined,
    )
    env.filters["tanggal"] = labels.tanggal
    env.filters["angka"] = labels.angka
    return env


def report_context(tables: Mapping[str, pd.DataFrame], gazetteer: Gazetteer, *,
                   title: str | None = None, created: dt.date | None = None) -> dict[str, Any]:
    """Everything the template shows, as plain values."""
    events = tables["events"]
    return {
        "title": title or DEFAULT_TITLE,
        "created": labels.tanggal(created) if created else "",
        "overview": context.overview(tables),
        "tilemap": charts.tile_map(context.map_tiles(events, gazetteer)),
        "panels": context.province_panels(events, gazetteer),
        "months": charts.month_bars(context.month_counts(events)),
        "types": context.type_matrix(events, gazetteer),
        "ape": context.ape_rows(events),
        "agencies": context.top_agencies(tables["agencies"], events, gazetteer),
        "quality": events_view.quality(tables),
        "events": events_view.event_list(tables),
        "palette": charts.PALETTE,
    }


def build_report(tables: Mapping[str, pd.DataFrame], gazetteer: Gazetteer, *,
                 title: str | None = None, created: dt.date | None = None) -> str:
    """Render the report as one HTML document.

    Args:
        tables: the dataset's tables (as from :func:`pugnlp.dataset.files.read_dataset`).
        gazetteer: names and the list of the 38 provinces and 514 kab/kota.
        title: heading of the report.
        created: the dataset's creation date, shown in the footer.
    """
    template = _environment().get_template("report.html.j2")
    return template.render(**report_context(tables, gazetteer, title=title, created=created))
