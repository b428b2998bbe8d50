"""What a run changed: the published tables against the new ones, event by event.

Both sides are compared as their CSV cells (text, as the published CSV holds them:
``true``/``false``, ISO dates, lists joined by `` | ``), so a dataset published in any format
compares the same way and the change log reads like the tables. Every cell is hashed (64-bit,
``pandas.util.hash_pandas_object``) and only the cells of the rows that differ are turned into
text again, which keeps a rerun over 100k records cheap. An event is ``baru`` (its id was not
published), ``dihapus`` (published, gone now) or ``diperbarui``: a column of its ``events`` row
differs, or one of its rows in ``mentions`` (by ``doc_id``), ``officials`` (by ``name``) or
``agencies`` (by ``agency_key``) was added, removed or changed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from pugnlp.dataset.files import CHUNK_ROWS, csv_frame
from pugnlp.dataset.tables import CHANGE_KINDS, EVENTS, PERUBAHAN, TABLES
from pugnlp.dataset.typed import typed_frame

CHILD_KEYS: dict[str, str] = {"mentions": "doc_id", "officials": "name", "agencies": "agency_key"}
"""The tables whose rows belong to an event, and the column naming a row within its event."""
COMPARED: tuple[str, ...] = ("events", *CHILD_KEYS)
"""The tables a run is compared on."""
NOT_COMPARED = frozenset({"schema_version"})
"""A new dataset version changes this column everywhere; that is not a change of the data."""
MAX_VALUE = 60
"""Characters of a value shown in ``what_changed`` (longer ones are cut with "...")."""
LIST_SEPARATOR = " | "
_LIST_COLUMNS = frozenset(EVENTS.of_type("list[string]", "list[ape]"))

Cells = dict[str, str]


def _text(frame: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """CSV cells as ``str``, null as ``""`` (so ``35``, ``"35"`` and a read-back CSV agree)."""
    return pd.DataFrame({c: frame[c].astype(object).where(frame[c].notna(), "").astype(str)
                         for c in columns})


@dataclass(slots=True)
class Side:
    """One side of the comparison: the compared tables, each with a hash per cell.

    Attributes:
        frames: table -> its frame: typed (as built or read from Parquet/JSONL), or the
            CSV's text when ``text[table]``.
        text: table -> whether its frame already holds CSV text.
        hashes: table -> a (rows x compared columns) ``uint64`` array.
        rows: table -> ``event_id`` -> row key (``""`` for ``events``) -> row position.
    """

    frames: dict[str, pd.DataFrame]
    text: dict[str, bool]
    hashes: dict[str, np.ndarray]
    rows: dict[str, dict[str, dict[str, int]]]

    @classmethod
    def of(cls, tables: Mapping[str, tuple[pd.DataFrame, bool]], hashed: bool = True) -> Side:
        """The side of the :data:`COMPARED` tables, given as ``(frame, is CSV text)``;
        ``hashed=False`` skips the hashes (a first run has nothing to compare them with)."""
        side = cls({}, {}, {}, {})
        for name in COMPARED:
            frame, text = tables[name]
            side.frames[name], side.text[name] = frame, text
            if hashed:
                side.hashes[name] = _hashes(frame, name, text)
            side.rows[name] = _positions(frame, CHILD_KEYS.get(name))
        return side

    def cells(self, table: str, positions: Sequence[int]) -> list[Cells]:
        """The CSV text of the rows at ``positions`` (converted together: one call per run,
        not per row)."""
        rows = self.frames[table].iloc[list(positions)]
        spec = TABLES[table]
        cells = rows if self.text[table] else csv_frame(rows, spec)
        return _text(cells, spec.names).to_dict("records")


def _columns(table: str) -> tuple[str, ...]:
    return tuple(c for c in TABLES[table].names if c not in NOT_COMPARED)


def _hashes(frame: pd.DataFrame, table: str, text: bool) -> np.ndarray:
    spec, columns = TABLES[table], _columns(table)
    parts = []
    for start in range(0, len(frame), CHUNK_ROWS):
        chunk = frame.iloc[start:start + CHUNK_ROWS]
        cells = _text(chunk if text else csv_frame(chunk, spec), columns)
        parts.append(np.column_stack([pd.util.hash_pandas_object(cells[c], index=False)
                                      .to_numpy() for c in columns]))
    return np.vstack(parts) if parts else np.zeros((0, len(columns)), dtype=np.uint64)


def _positions(frame: pd.DataFrame, key: str | None) -> dict[str, dict[str, int]]:
    events = frame["event_id"].astype(object).where(frame["event_id"].notna(), "")
    keys = [""] * len(frame) if key is None else \
        frame[key].astype(object).where(frame[key].notna(), "").astype(str).tolist()
    found: dict[str, dict[str, int]] = {}
    for n, (event, name) in enumerate(zip(events.astype(str), keys)):
        if not event:
            continue  # a mention of no event (not relevant)
        rows = found.setdefault(event, {})
        label, repeat = name, 1
        while label in rows:  # a key repeated within an event: number the repeats
            repeat += 1
            label = f"{name}#{repeat}"
        rows[label] = n
    return found


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


def _differ(old: Side, new: Side, table: str, a: int, b: int) -> list[str]:
    same = old.hashes[table][a] == new.hashes[table][b]
    return [c for c, eq in zip(_columns(table), same) if not eq]


def _column_texts(columns: Sequence[str], before: Cells, after: Cells) -> list[str]:
    texts = []
    for name in columns:
        if name in _LIST_COLUMNS:
            texts.append(_list_change(name, before[name], after[name]))
        else:
            texts.append(f"{name}: {_short(before[name])} -> {_short(after[name])}")
    return texts


def _child_changes(old: Side, new: Side, event: str) -> tuple[list[str], list[str]]:
    columns: list[str] = []
    texts: list[str] = []
    for table in CHILD_KEYS:
        was, now = old.rows[table].get(event, {}), new.rows[table].get(event, {})
        added = [f"{table}: + {_short(k)}" for k in now if k not in was]
        removed = [f"{table}: - {_short(k)}" for k in was if k not in now]
        if added or removed:
            columns.append(table)
            texts += added + removed
        for key in (k for k in now if k in was):
            differ = _differ(old, new, table, was[key], now[key])
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


def compare(old: Side | None, new: Side, run_at: str) -> list[dict[str, Any]]:
    """The change-log rows of one run (``perubahan`` columns), new, updated then removed,
    each kind by ``event_id``. ``old`` None: no dataset was published, every event is new."""
    now = {e: rows[""] for e, rows in new.rows["events"].items()}
    was = {e: rows[""] for e, rows in old.rows["events"].items()} if old is not None else {}
    added = sorted(e for e in now if e not in was)
    removed = sorted(e for e in was if e not in now)
    updated = []
    for event in sorted(e for e in now if e in was):
        columns = _differ(old, new, "events", was[event], now[event])  # type: ignore[arg-type]
        more, texts = _child_changes(old, new, event)  # type: ignore[arg-type]
        if columns or more:
            updated.append((event, columns, more, texts))
    after = dict(zip(added + [u[0] for u in updated],
                     new.cells("events", [now[e] for e in added + [u[0] for u in updated]])))
    before = {} if old is None else dict(zip(
        [u[0] for u in updated] + removed,
        old.cells("events", [was[e] for e in [u[0] for u in updated] + removed])))
    rows: list[dict[str, Any]] = []

    def add(event_id: str, change: str, columns: Iterable[str], text: str) -> None:
        rows.append({"run_at": run_at, "event_id": event_id, "change": change,
                     "changed_columns": list(dict.fromkeys(columns)), "what_changed": text})

    for event in added:
        add(event, "baru", (), _about(after[event]))
    for event, columns, more, texts in updated:
        text = _column_texts(columns, before[event], after[event]) + texts
        add(event, "diperbarui", columns + more, "; ".join(text))
    docs_now = {doc: event for event, mentions in new.rows["mentions"].items()
                for doc in mentions} if removed else {}
    for event in removed:
        add(event, "dihapus", (), _about(before[event]) + _where_now(before[event], docs_now))
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
