"""What a run changed: the published tables against the new ones, event by event.

Pure: both sides are compared as their CSV cells (text, as the published CSV holds them:
``true``/``false``, ISO dates, lists joined by `` | ``), so a dataset published in any format
compares the same way and the change log reads like the tables. An event is ``baru`` (its id
was not published), ``dihapus`` (published, gone now) or ``diperbarui``: a column of its
``events`` row differs, or one of its rows in ``mentions`` (by ``doc_id``), ``officials`` (by
``name``) or ``agencies`` (by ``agency_key``) was added, removed or changed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from pugnlp.dataset.tables import CHANGE_KINDS, EVENTS, PERUBAHAN, TABLES
from pugnlp.dataset.typed import typed_frame

CHILD_KEYS: dict[str, str] = {"mentions": "doc_id", "officials": "name", "agencies": "agency_key"}
"""The tables whose rows belong to an event, and the column naming a row within its event."""
NOT_COMPARED = frozenset({"schema_version"})
"""A new dataset version changes this column everywhere; that is not a change of the data."""
MAX_VALUE = 60
"""Characters of a value shown in ``what_changed`` (longer ones are cut with "...")."""
LIST_SEPARATOR = " | "

Cells = dict[str, str]


@dataclass(slots=True)
class Snapshot:
    """A dataset as text cells, by event.

    Attributes:
        events: ``event_id`` -> the row's cells.
        children: table -> ``event_id`` -> row key -> the row's cells.
    """

    events: dict[str, Cells] = field(default_factory=dict)
    children: dict[str, dict[str, dict[str, Cells]]] = field(default_factory=dict)

    def doc_events(self) -> dict[str, str]:
        """``doc_id`` -> the event whose mention it is."""
        return {doc: event for event, rows in self.children.get("mentions", {}).items()
                for doc in rows}


def _rows(frame: pd.DataFrame) -> list[Cells]:
    cells = frame.astype(object).where(frame.notna(), None)
    return [{k: "" if v is None else str(v) for k, v in row.items()}
            for row in cells.to_dict("records")]


def snapshot(cells: Mapping[str, pd.DataFrame]) -> Snapshot:
    """The snapshot of tables given as CSV cells (``events`` and the :data:`CHILD_KEYS`
    tables; from :func:`pugnlp.dataset.files.csv_frame`, or read from the CSV as text)."""
    snap = Snapshot()
    for row in _rows(cells["events"]):
        snap.events[row["event_id"]] = row
    for table, key in CHILD_KEYS.items():
        by_event: dict[str, dict[str, Cells]] = {}
        for row in _rows(cells[table]):
            if not row.get("event_id"):
                continue
            rows = by_event.setdefault(row["event_id"], {})
            name, n = row.get(key, ""), 1
            while name in rows:  # a key repeated within an event: number the repeats
                n += 1
                name = f"{row.get(key, '')}#{n}"
            rows[name] = row
        snap.children[table] = by_event
    return snap


def _short(value: str) -> str:
    if not value:
        return "-"
    return value if len(value) <= MAX_VALUE else value[:MAX_VALUE - 3] + "..."


def _list_change(name: str, old: str, new: str) -> str:
    before = [v for v in old.split(LIST_SEPARATOR) if v]
    after = [v for v in new.split(LIST_SEPARATOR) if v]
    parts = [f"+ {_short(v)}" for v in after if v not in before]
    parts += [f"- {_short(v)}" for v in before if v not in after]
    return f"{name}: {', '.join(parts) or 'order'}"


_LIST_COLUMNS = frozenset(EVENTS.of_type("list[string]", "list[ape]"))


def _row_changes(old: Cells, new: Cells) -> tuple[list[str], list[str]]:
    columns, texts = [], []
    for name in EVENTS.names:
        if name in NOT_COMPARED or old.get(name, "") == new.get(name, ""):
            continue
        columns.append(name)
        if name in _LIST_COLUMNS:
            texts.append(_list_change(name, old.get(name, ""), new.get(name, "")))
        else:
            texts.append(f"{name}: {_short(old.get(name, ''))} -> {_short(new.get(name, ''))}")
    return columns, texts


def _child_changes(table: str, old: dict[str, Cells], new: dict[str, Cells]
                   ) -> tuple[list[str], list[str]]:
    columns: list[str] = []
    texts = [f"{table}: + {_short(k)}" for k in new if k not in old]
    texts += [f"{table}: - {_short(k)}" for k in old if k not in new]
    if len(texts):
        columns.append(table)
    for key in (k for k in new if k in old):
        differ = [c for c in TABLES[table].names if c not in NOT_COMPARED
                  and old[key].get(c, "") != new[key].get(c, "")]
        if differ:
            columns += [f"{table}.{c}" for c in differ]
            texts.append(f"{table} {_short(key)}: {', '.join(differ)}")
    return columns, texts


def _about(row: Cells) -> str:
    date = row.get("event_date") or row.get("reference_date") or "-"
    where = row.get("kab_kota") or row.get("province") or row.get("place_precision") or "-"
    title = f": {row['title']}" if row.get("title") else ""
    return f"{row.get('event_type') or '-'}, {date}, {where}{title}"


def _where_now(row: Cells, docs_now: Mapping[str, str]) -> str:
    docs = [d for d in row.get("doc_ids", "").split(LIST_SEPARATOR) if d]
    moved = sorted({docs_now[d] for d in docs if d in docs_now})
    if moved:
        return f"; its articles are now in {', '.join(moved)}"
    return "; its articles are no longer relevant or no longer given"


def compare(old: Snapshot | None, new: Snapshot, run_at: str) -> list[dict[str, Any]]:
    """The change-log rows of one run (``perubahan`` columns), new, updated then removed,
    each kind by ``event_id``. ``old`` None: no dataset was published, every event is new."""
    old = old or Snapshot()
    rows: list[dict[str, Any]] = []

    def add(event_id: str, change: str, columns: Iterable[str], text: str) -> None:
        rows.append({"run_at": run_at, "event_id": event_id, "change": change,
                     "changed_columns": list(dict.fromkeys(columns)), "what_changed": text})

    for event_id in sorted(new.events):
        row = new.events[event_id]
        if event_id not in old.events:
            add(event_id, "baru", (), _about(row))
            continue
        columns, texts = _row_changes(old.events[event_id], row)
        for table in CHILD_KEYS:
            c, t = _child_changes(table, old.children.get(table, {}).get(event_id, {}),
                                  new.children.get(table, {}).get(event_id, {}))
            columns += c
            texts += t
        if columns:
            add(event_id, "diperbarui", columns, "; ".join(texts))
    docs_now = new.doc_events()
    for event_id in sorted(set(old.events) - set(new.events)):
        row = old.events[event_id]
        add(event_id, "dihapus", (), _about(row) + _where_now(row, docs_now))
    order = {kind: n for n, kind in enumerate(CHANGE_KINDS)}
    rows.sort(key=lambda r: (order[r["change"]], r["event_id"]))
    return rows


def counts(rows: Iterable[Mapping[str, Any]]) -> dict[str, int]:
    """How many events each change kind has among ``rows``."""
    found = dict.fromkeys(CHANGE_KINDS, 0)
    for row in rows:
        found[row["change"]] += 1
    return found


def change_log(previous: pd.DataFrame | None, rows: list[dict[str, Any]]) -> pd.DataFrame:
    """The change log: the published one with this run's rows appended."""
    new = typed_frame({name: [r[name] for r in rows] for name in PERUBAHAN.names}, PERUBAHAN)
    if previous is None or previous.empty:
        return new
    if new.empty:
        return previous.reset_index(drop=True)
    return pd.concat([previous, new], ignore_index=True)
