"""The tasks of ``pugnlp dataset --engine dask`` (:mod:`pugnlp.dataset.distributed`), run on
the workers, and the files they share in the work folder.

Each task reads what earlier rounds left in the work folder and writes what the next round
reads; a task run again (after a lost worker) starts afresh, so the result is the same. Each
runs with the garbage collector paused (:func:`pugnlp.cluster.gc_paused`).
"""

from __future__ import annotations

import pickle
import shutil
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from pugnlp.cluster import gc_paused
from pugnlp.dataset import merge, partition
from pugnlp.dataset.assemble import piece_path, write_piece
from pugnlp.errors import PugnlpError

FLUSH_RECORDS = 2_000
"""Records buffered per partition file while scanning, before they are appended to it."""
SUMMARY_COLUMNS: tuple[str, ...] = (
    "reference_date", "year", "month", "province_code", "kab_kota_code", "place_precision",
    "event_type", "n_sources", "ape_categories")
"""The columns of the events table that :func:`pugnlp.dataset.summary.wilayah_summary` reads."""


@dataclass(frozen=True, slots=True)
class Piece:
    """One scan task's input: a records file, or one row group of a Parquet file."""

    path: str
    row_group: int | None = None


# --- files of the work folder ----------------------------------------------------------------


def _append(path: Path, items: list[Any]) -> None:
    with path.open("ab") as handle:
        pickle.dump(items, handle, protocol=pickle.HIGHEST_PROTOCOL)


def _load(path: Path) -> Iterator[Any]:
    """The items of every list appended to ``path`` (nothing when it does not exist)."""
    if not path.exists():
        return
    with path.open("rb") as handle:
        while True:
            try:
                yield from pickle.load(handle)
            except EOFError:
                return


def _save(path: Path, value: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)


def shard_dir(work: str, piece: int) -> Path:
    """Where the scan of input piece ``piece`` files its records."""
    return Path(work) / "scan" / f"{piece:05d}"


# --- 1. scan -------------------------------------------------------------------------------


def plan_pieces(inputs: Sequence[Path]) -> list[Piece]:
    """The scan tasks, in input order: one per JSONL file, one per Parquet row group.

    Raises:
        PugnlpError: no records files; a Parquet file cannot be read.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    from pugnlp.records_io import record_files

    pieces = []
    for path in record_files(inputs):
        path = Path(path).resolve()
        if path.suffix != ".parquet":
            pieces.append(Piece(str(path)))
            continue
        try:
            groups = pq.ParquetFile(path).metadata.num_row_groups
        except (OSError, pa.ArrowException) as exc:
            raise PugnlpError(f"{path}: cannot read records ({exc})") from exc
        pieces.extend(Piece(str(path), g) for g in range(groups))
    return pieces


def _file_of(record: dict[str, Any], province: str | None) -> str:
    if not record.get("relevant"):
        return "n"
    return f"p-{province}" if province else "u"


@gc_paused
def scan_piece(piece: Piece, index: int, work: str) -> pd.DataFrame:
    """Run on a worker: read and check one piece's records, file each under its partition,
    and return their keys (:data:`pugnlp.dataset.partition.KEY_COLUMNS`).

    Raises:
        SchemaError, PugnlpError: as :func:`pugnlp.records_io.read_records` (``file:line``).
    """
    from pugnlp.records_io import read_rows

    folder = shard_dir(work, index)
    shutil.rmtree(folder, ignore_errors=True)  # a task run again (lost worker) starts afresh
    folder.mkdir(parents=True)
    columns: dict[str, list[Any]] = {name: [] for name in partition.KEY_COLUMNS}
    buffers: dict[str, list[tuple[int, dict[str, Any]]]] = defaultdict(list)
    for row, record in enumerate(read_rows(Path(piece.path), row_group=piece.row_group)):
        province, title, sha1 = partition.record_key(record)
        relevant = bool(record.get("relevant"))
        for name, value in zip(partition.KEY_COLUMNS, (index, row, str(record["doc_id"]),
                                                       relevant, province,
                                                       title if relevant else None,
                                                       sha1 if relevant else None)):
            columns[name].append(value)
        name = _file_of(record, province)
        buffers[name].append((row, record))
        if len(buffers[name]) >= FLUSH_RECORDS:
            _append(folder / f"{name}.pkl", buffers.pop(name))
    for name, items in buffers.items():
        _append(folder / f"{name}.pkl", items)
    return partition.keys_frame(columns)


@gc_paused
def split_unplaced(index: int, work: str, pack_of: dict[str, int]) -> None:
    """Run on a worker: file one piece's relevant records without a province by merge task."""
    folder = shard_dir(work, index)
    for done in folder.glob("u-*.pkl"):  # a task run again starts afresh
        done.unlink()
    by_pack: dict[int, list[tuple[int, dict[str, Any]]]] = defaultdict(list)
    for row, record in _load(folder / "u.pkl"):
        doc_id = str(record["doc_id"])
        if doc_id in pack_of:
            by_pack[pack_of[doc_id]].append((row, record))
    for n, items in by_pack.items():
        _append(folder / f"u-{n}.pkl", items)


# --- 2. merge ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MergeTask:
    """What one merge task reads: ``(piece, file)`` pairs, and the rows to leave out."""

    index: int
    files: tuple[tuple[int, str], ...]
    dropped: dict[int, frozenset[int]]
    common: frozenset[str]


@dataclass(frozen=True, slots=True)
class Events:
    """The events one merge task found, for the client to give them ids.

    Attributes:
        keys: each event's :func:`pugnlp.dataset.ids.event_key`.
        members: each event's articles ``(doc_id, text_sha1)``, smallest ``doc_id`` first.
        reference_dates: each event's ``reference_date`` (ISO text or None): its sort key.
    """

    keys: list[str]
    members: list[list[tuple[str, str]]]
    reference_dates: list[str | None]


@gc_paused
def merge_pack(task: MergeTask, work: str) -> Events:
    """Run on a worker: merge one pack's records into events, and keep its typed tables (an
    event's id is its number in the pack until :func:`route_pack`)."""
    from pugnlp.dataset.frame import _mention_row, columns_of, summarise_event
    from pugnlp.dataset.people import people_frame
    from pugnlp.dataset.tables import AGENCIES, EVENTS, MENTIONS, OFFICIALS
    from pugnlp.dataset.typed import typed_frame
    from pugnlp.wilayah import load_gazetteer

    gaz = load_gazetteer()
    records = []
    for piece, name in task.files:
        dropped = task.dropped.get(piece, frozenset())
        folder = shard_dir(work, piece)
        records.extend(r for row, r in _load(folder / f"{name}.pkl") if row not in dropped)
    records.sort(key=lambda r: str(r["doc_id"]))
    relevant = [r for r in records if r.get("relevant")]
    groups = merge.cluster([merge.features(r) for r in relevant], task.common)
    rows, found = [], Events([], [], [])
    group_of: dict[str, int] = {}
    for n, group in enumerate(groups):
        members = [relevant[i] for i in group]
        row = summarise_event(members, gaz)
        found.keys.append(row.pop("_key"))
        found.members.append([(str(r["doc_id"]), r.get("text_sha1") or "") for r in members])
        found.reference_dates.append(row["reference_date"])
        group_of.update((str(r["doc_id"]), n) for r in members)
        row["event_id"] = str(n)
        rows.append(row)
    mentions = typed_frame(columns_of([_mention_row(r, None) for r in records], MENTIONS),
                           MENTIONS)
    mentions["_g"] = [group_of.get(str(r["doc_id"]), -1) for r in records]
    del records, relevant
    events = typed_frame(columns_of(rows, EVENTS), EVENTS)
    events["_g"] = range(len(rows))
    tables = {"events": events, "mentions": mentions,
              "officials": people_frame(rows, "_officials", OFFICIALS),
              "agencies": people_frame(rows, "_agencies", AGENCIES)}
    _save(Path(work) / "merged" / f"{task.index:05d}.pkl", tables)
    return found


# --- 3. route ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Routes:
    """Where one merge task's rows go.

    Attributes:
        ids: the id of each of its events.
        event_buckets: the output bucket of each of its events (rank in the events order).
        doc_splitters: bounds of the mentions buckets (by ``doc_id``).
        id_splitters: bounds of the officials and agencies buckets (by ``event_id``).
    """

    ids: list[str]
    event_buckets: list[int]
    doc_splitters: list[str]
    id_splitters: list[str]


@gc_paused
def route_pack(index: int, routes: Routes, work: str) -> None:
    """Run on a worker: give one merge task's events their ids and file the rows of every
    table under their output buckets."""
    import numpy as np

    from pugnlp.dataset.typed import column

    path = Path(work) / "merged" / f"{index:05d}.pkl"
    with path.open("rb") as handle:
        tables = pickle.load(handle)
    ids = np.asarray(routes.ids + [None], dtype=object)  # ids[-1]: no event
    bounds = {"mentions": np.asarray(routes.doc_splitters, dtype=object),
              "people": np.asarray(routes.id_splitters, dtype=object)}
    buckets = {}
    for name, frame in tables.items():
        if name in ("events", "mentions"):
            local = frame.pop("_g").to_numpy()
        else:  # officials, agencies: the event's number in the pack, as text
            local = frame["event_id"].astype(int).to_numpy() if len(frame) else \
                np.zeros(0, dtype=int)
        frame["event_id"] = column(ids[local].tolist(), "string")
        if name == "events":
            buckets[name] = np.asarray(routes.event_buckets, dtype=int)[local]
        elif name == "mentions":
            keys = frame["doc_id"].to_numpy(dtype=object)
            buckets[name] = np.searchsorted(bounds["mentions"], keys, side="right")
        else:
            keys = frame["event_id"].to_numpy(dtype=object)
            buckets[name] = np.searchsorted(bounds["people"], keys, side="right")
    out: dict[int, dict[str, pd.DataFrame]] = defaultdict(dict)
    for name, frame in tables.items():
        for bucket, part in frame.groupby(buckets[name], sort=True):
            out[int(bucket)][name] = part
    for bucket, parts in out.items():
        _save(Path(work) / "routed" / f"{bucket:05d}" / f"{index:05d}.pkl", parts)


# --- 4. write ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Written:
    """What one bucket wrote: rows per table, relevant mentions, the summary's columns."""

    rows: dict[str, int]
    relevant: int
    events: pd.DataFrame


SORT_KEYS: dict[str, list[str]] = {"events": ["reference_date", "event_id"],
                                   "mentions": ["doc_id"], "officials": ["event_id"],
                                   "agencies": ["event_id"]}
"""The order of each table (:func:`pugnlp.dataset.frame.build_tables`): events by reference
date (none first), then id; mentions by ``doc_id``; officials and agencies by event, each
event's items in their order (a stable sort)."""


@gc_paused
def write_bucket(bucket: int, work: str, formats: Sequence[str]) -> Written:
    """Run on a worker: sort one bucket of every table, and write its pieces of the files."""
    from pugnlp.dataset.tables import TABLES
    from pugnlp.dataset.typed import typed_frame

    parts: dict[str, list[pd.DataFrame]] = defaultdict(list)
    folder = Path(work) / "routed" / f"{bucket:05d}"
    for path in sorted(folder.glob("*.pkl")) if folder.exists() else ():
        with path.open("rb") as handle:
            for name, part in pickle.load(handle).items():
                parts[name].append(part)
    tables = {}
    for name, keys in SORT_KEYS.items():
        spec = TABLES[name]
        if parts[name]:
            frame = pd.concat(parts.pop(name), ignore_index=True)
            frame = frame.sort_values(keys, na_position="first", kind="stable")
            tables[name] = frame.reset_index(drop=True)[list(spec.names)]
        else:
            tables[name] = typed_frame({c: [] for c in spec.names}, spec)
    for name, frame in tables.items():
        for fmt in formats:
            write_piece(frame, name, fmt, piece_path(work, name, fmt, bucket))
    relevant = int(tables["mentions"]["relevant"].sum())
    return Written(rows={name: len(frame) for name, frame in tables.items()}, relevant=relevant,
                   events=tables["events"][list(SUMMARY_COLUMNS)])
