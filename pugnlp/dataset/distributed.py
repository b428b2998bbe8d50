"""``pugnlp dataset --engine dask``: the dataset built on a Dask cluster, from records files
(the Parquet parts of ``pugnlp extract --engine dask``, or JSONL), without reading them all
into one process. The tables are those of :func:`pugnlp.dataset.run.make_dataset`: same rows,
same ids, same order.

Four rounds of tasks, with the client deciding between them from small per-record keys
(:mod:`pugnlp.dataset.partition`):

1. *scan* (one task per input file or Parquet row group): read and check the records, keep
   their keys, and file each record under its partition (its province; ``u`` without one,
   ``n`` when not relevant) in the work folder.
2. *merge* (one task per pack of partitions): merge the pack's records into events
   (:func:`pugnlp.dataset.merge.cluster`), summarise them, and return each event's key and
   articles; the client gives every event its id (:func:`pugnlp.dataset.ids.assign_ids`,
   on all of them at once: ids stay stable and distinct exactly as in one process).
3. *route* (per pack): put the ids in, and send every row to its output bucket: ranges of
   the final sort order of each table.
4. *write* (per bucket): sort the bucket, build the typed tables, write their CSV, JSONL and
   Parquet pieces. The client joins the pieces in bucket order into each file and writes
   ``wilayah_summary`` from the events' few columns it needs.

The work folder is inside the output folder (a temporary ``.dataset-dask-*.tmp``), so the
workers must see the output folder and the inputs at the same paths (one machine, or a shared
file system; docs/scale.md). The files are renamed into place only when all are complete,
the manifest last, as :func:`pugnlp.dataset.files.write_dataset` does.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import pickle
import shutil
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from pugnlp.cluster import DEFAULT_WORKERS, dask_client, gc_paused
from pugnlp.dataset import merge, partition
from pugnlp.dataset.assemble import join_pieces, piece_path
from pugnlp.dataset.files import FORMATS, MANIFEST, manifest, read_previous
from pugnlp.dataset.ids import Member, assign_ids
from pugnlp.dataset.run import DatasetSummary
from pugnlp.errors import PugnlpError

log = logging.getLogger(__name__)

TASKS_PER_WORKER = 4
"""Merge tasks per worker at least (when there are enough partitions): balances the load."""
PACK_RECORDS = 50_000
"""Records per merge task at most, when the partitions allow: ~0.7 GB of worker memory."""
BUCKET_RECORDS = 50_000
"""Mentions rows per output bucket."""
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


def _shard_dir(work: str, piece: int) -> Path:
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

    folder = _shard_dir(work, index)
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
    folder = _shard_dir(work, index)
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
        folder = _shard_dir(work, piece)
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
    from pugnlp.dataset.assemble import write_piece
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


# --- the client ----------------------------------------------------------------------------


def _event_order(found: list[Events]) -> tuple[list[tuple[int, int]], list[list[Member]],
                                                list[str]]:
    """Every event as ``(task, n)`` in the order of one process (by smallest ``doc_id``),
    with its members and key."""
    order = sorted(((ev.members[n][0][0], t, n) for t, ev in enumerate(found)
                    for n in range(len(ev.keys))))
    where = [(t, n) for _, t, n in order]
    members = [[Member(d, s) for d, s in found[t].members[n]] for t, n in where]
    return where, members, [found[t].keys[n] for t, n in where]


@gc_paused
def _routes(found: list[Events], previous: Any, plan: partition.Plan
            ) -> tuple[list[Routes], set[str]]:
    where, members, keys = _event_order(found)
    ids = assign_ids(members, keys, previous)
    del members, keys
    per_task: list[list[str]] = [[""] * len(ev.keys) for ev in found]
    for (t, n), event_id in zip(where, ids):
        per_task[t][n] = event_id
    n_buckets = len(plan.doc_splitters) + 1
    ranked = sorted(((found[t].reference_dates[n] or "", per_task[t][n], t, n)
                     for t, n in where))
    buckets: list[list[int]] = [[0] * len(ev.keys) for ev in found]
    for rank, (_, _, t, n) in enumerate(ranked):
        buckets[t][n] = rank * n_buckets // len(ranked)
    id_bounds = partition.splitters(sorted(ids), n_buckets)
    routes = [Routes(per_task[t], buckets[t], plan.doc_splitters, id_bounds)
              for t in range(len(found))]
    return routes, set(ids)


def _merge_tasks(plan: partition.Plan, files: dict[int, set[str]]) -> list[MergeTask]:
    tasks = []
    for n, pack in enumerate(plan.packs):
        wanted = {f"p-{p}" for p in pack.provinces}
        chosen = [(piece, name) for piece, names in sorted(files.items())
                  for name in sorted(names & wanted)]
        chosen += [(piece, "n") for piece in sorted(pack.others) if "n" in files.get(piece, ())]
        if pack.unplaced:
            chosen += [(piece, f"u-{n}") for piece in sorted(files) if "u" in files[piece]]
        pieces = {piece for piece, _ in chosen}
        tasks.append(MergeTask(n, tuple(chosen), {p: d for p, d in plan.dropped.items()
                                                 if p in pieces}, plan.common))
    return tasks


def make_dataset_dask(inputs: Sequence[Path], out_dir: Path, formats: Sequence[str] = FORMATS,
                      created: dt.datetime | None = None, *, scheduler: str | None = None,
                      workers: int = DEFAULT_WORKERS, pack_records: int = PACK_RECORDS,
                      bucket_records: int = BUCKET_RECORDS) -> DatasetSummary:
    """:func:`pugnlp.dataset.run.make_dataset` on a Dask cluster: the same tables.

    Args:
        inputs: records files or folders (``.parquet`` parts or ``.jsonl``).
        out_dir: the dataset folder; an existing dataset there provides the ids to keep.
            The workers write into it: it must be on a file system they share.
        formats: any of ``csv``, ``parquet``, ``jsonl``.
        created: creation time for the manifest (default: now).
        scheduler: address of an existing scheduler; None starts a local cluster.
        workers: worker processes of the local cluster.
        pack_records: records per merge task at most (when the partitions allow).
        bucket_records: mentions rows per output bucket.

    Raises:
        SchemaError: an input record is not a record of schema 1.x (``file:line``).
        PugnlpError: an input, the output folder or the scheduler cannot be used.
    """
    unknown = set(formats) - set(FORMATS)
    if unknown:
        raise PugnlpError(f"unknown format(s): {', '.join(sorted(unknown))}")
    out_dir = Path(out_dir).resolve()
    created = created or dt.datetime.now(dt.timezone.utc)
    pieces = plan_pieces(inputs)
    previous = read_previous(out_dir)
    with _work_folder(out_dir) as work, dask_client(scheduler, workers) as client:
        phase = _Phases()
        n_workers = max(1, len(client.scheduler_info()["workers"]))
        scans = client.map(scan_piece, pieces, range(len(pieces)), work=str(work), pure=False)
        keys = pd.concat(client.gather(scans), ignore_index=True) if pieces else \
            partition.keys_frame({name: [] for name in partition.KEY_COLUMNS})
        del scans  # the workers let go of their keys
        phase("scan")
        files = {n: {p.stem for p in _shard_dir(str(work), n).glob("*.pkl")}
                 for n in range(len(pieces))}
        plan = gc_paused(partition.plan)(keys, n_workers * TASKS_PER_WORKER, pack_records,
                                         bucket_records)
        log.info("dataset: %d records in %d pieces -> %d merge tasks, %d buckets", len(keys),
                 len(pieces), len(plan.packs), len(plan.doc_splitters) + 1)
        _split_unplaced(client, plan, keys, str(work))
        del keys
        phase("plan")
        tasks = _merge_tasks(plan, files)
        found = client.gather(client.map(merge_pack, tasks, work=str(work), pure=False))
        phase("merge")
        routes, ids = _routes(found, previous, plan)
        phase("ids")
        del found
        client.gather(client.map(route_pack, range(len(tasks)), routes, work=str(work),
                                 pure=False))
        del routes
        phase("route")
        n_buckets = len(plan.doc_splitters) + 1
        written = client.gather(client.map(write_bucket, range(n_buckets), work=str(work),
                                           formats=list(formats), pure=False))
        phase("write")
        paths, rows = _finish(work, out_dir, written, formats, created)
        phase("finish")
    reused = len(ids & previous.known) if previous else 0
    return DatasetSummary(out_dir=out_dir, records=rows["mentions"],
                          duplicates=plan.duplicates, relevant=sum(w.relevant for w in written),
                          events=rows["events"], reused_ids=reused, rows=rows,
                          files=tuple(paths))


class _Phases:
    """Logs how long each round took, and the client's peak memory."""

    def __init__(self) -> None:
        self.last = time.perf_counter()

    def __call__(self, name: str) -> None:
        now = time.perf_counter()
        try:
            import resource

            peak = f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
        except ImportError:  # not on this system
            peak = "?"
        log.info("dataset: %s %.1f s (client peak RSS %s)", name, now - self.last, peak)
        self.last = now


def _split_unplaced(client: Any, plan: partition.Plan, keys: pd.DataFrame, work: str) -> None:
    pack_of = {doc: n for n, pack in enumerate(plan.packs) for doc in pack.unplaced}
    if not pack_of:
        return
    unplaced = keys[keys["relevant"] & keys["province"].isna()]
    by_piece = {int(p): {d: pack_of[d] for d in docs if d in pack_of}
                for p, docs in unplaced["doc_id"].groupby(unplaced["piece"])}
    client.gather(client.map(split_unplaced, list(by_piece), [work] * len(by_piece),
                             list(by_piece.values()), pure=False))


@contextlib.contextmanager
def _work_folder(out_dir: Path) -> Iterator[Path]:
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=".dataset-dask-", suffix=".tmp", dir=out_dir))
    except OSError as exc:
        raise PugnlpError(f"{out_dir}: cannot write the dataset here "
                          f"({exc.strerror or exc})") from exc
    try:
        yield work
    finally:
        shutil.rmtree(work, ignore_errors=True)


@gc_paused
def _finish(work: Path, out_dir: Path, written: list[Written], formats: Sequence[str],
            created: dt.datetime) -> tuple[list[Path], dict[str, int]]:
    """Join the pieces into the files, write ``wilayah_summary`` and the manifest, and move
    them all into ``out_dir`` (manifest last). Returns the paths and the rows per table."""
    from pugnlp.dataset.assemble import write_piece
    from pugnlp.dataset.summary import wilayah_summary
    from pugnlp.dataset.tables import TABLE_ORDER
    from pugnlp.wilayah import load_gazetteer

    staged = work / "out"
    staged.mkdir()
    n_buckets = len(written)
    summary = wilayah_summary(pd.concat([w.events for w in written], ignore_index=True),
                              load_gazetteer())
    names = []
    try:
        for name in TABLE_ORDER:
            for fmt in formats:
                target = staged / f"{name}.{fmt}"
                if name == "wilayah_summary":
                    write_piece(summary, name, fmt, target)
                else:
                    join_pieces([piece_path(str(work), name, fmt, b) for b in range(n_buckets)],
                                fmt, target)
                names.append(f"{name}.{fmt}")
        counts = {name: sum(w.rows[name] for w in written) if name in written[0].rows
                  else len(summary) for name in TABLE_ORDER}
        sizes = {name: pd.DataFrame(index=pd.RangeIndex(n)) for name, n in counts.items()}
        import json

        text = json.dumps(manifest(sizes, formats, created), indent=2, ensure_ascii=False)
        (staged / MANIFEST).write_text(text + "\n", encoding="utf-8")
        names.append(MANIFEST)
        for name in names:
            os.replace(staged / name, out_dir / name)
    except OSError as exc:
        raise PugnlpError(f"{out_dir}: cannot write the dataset "
                          f"({exc.strerror or exc})") from exc
    log.info("dataset: wrote %d files to %s", len(names), out_dir)
    return [out_dir / name for name in names], counts
