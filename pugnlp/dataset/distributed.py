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

The work folder is inside the output folder (a staging folder, ``.dataset-*.tmp``), so the
workers must see the output folder and the inputs at the same paths (one machine, or a shared
file system; docs/scale.md). The files are renamed into place only when all are complete,
the manifest last, as :func:`pugnlp.dataset.files.write_dataset` does.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from pugnlp.cluster import DEFAULT_WORKERS, dask_client, gc_paused
from pugnlp.dataset import partition
from pugnlp.dataset.assemble import join_pieces, piece_path, write_piece
from pugnlp.dataset.dask_tasks import (
    Events,
    MergeTask,
    Routes,
    Written,
    merge_pack,
    plan_pieces,
    route_pack,
    scan_piece,
    shard_dir,
    split_unplaced,
    write_bucket,
)
from pugnlp.dataset.files import FORMATS, install_tables, read_previous
from pugnlp.dataset.ids import Member, PreviousIds, assign_ids
from pugnlp.dataset.install import dataset_lock, staging
from pugnlp.dataset.run import RUN_FIELDS, DatasetSummary
from pugnlp.dataset.summary import wilayah_summary, wilayah_table
from pugnlp.dataset.tables import TABLE_ORDER
from pugnlp.errors import PugnlpError
from pugnlp.wilayah import load_gazetteer

log = logging.getLogger(__name__)

TASKS_PER_WORKER = 4
"""Merge tasks per worker at least (when there are enough partitions): balances the load."""
PACK_RECORDS = 50_000
"""Records per merge task at most, when the partitions allow: about 1 GB of worker memory
(bench/dataset_scale.py: workers peaked at 1.0 GB building 1M records)."""
BUCKET_RECORDS = 50_000
"""Mentions rows per output bucket."""


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
def _routes(found: list[Events], previous: PreviousIds | None, plan: partition.Plan
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
                      created: dt.datetime | None = None, run: Mapping[str, Any] | None = None,
                      *, scheduler: str | None = None,
                      workers: int = DEFAULT_WORKERS, pack_records: int = PACK_RECORDS,
                      bucket_records: int = BUCKET_RECORDS) -> DatasetSummary:
    """:func:`pugnlp.dataset.run.make_dataset` on a Dask cluster: the same tables.

    Args:
        inputs: records files or folders (``.parquet`` parts or ``.jsonl``).
        out_dir: the dataset folder; an existing dataset there provides the ids to keep.
            The workers write into it: it must be on a file system they share.
        formats: any of ``csv``, ``parquet``, ``jsonl``.
        created: creation time for the manifest (default: now).
        run: run-log fields of the extraction (:data:`~pugnlp.dataset.run.RUN_FIELDS`);
            the run-log entry says ``engine: dask``, its event changes null. The
            Dask engine writes no change log (``perubahan``): it would need the published
            and the new tables in one process; the local engine writes it.
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
    # the folder's lock for the whole build (as make_dataset); the work folder is a staging
    # folder, so the next run removes one left by a killed build
    with dataset_lock(out_dir), staging(out_dir) as work, \
            dask_client(scheduler, workers) as client:
        previous = read_previous(out_dir)
        phase = _Phases()
        n_workers = max(1, len(client.scheduler_info()["workers"]))
        scans = client.map(scan_piece, pieces, range(len(pieces)), work=str(work), pure=False)
        keys = pd.concat(client.gather(scans), ignore_index=True) if pieces else \
            partition.keys_frame({name: [] for name in partition.KEY_COLUMNS})
        del scans  # the workers let go of their keys
        phase("scan")
        files = {n: {p.stem for p in shard_dir(str(work), n).glob("*.pkl")}
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
        paths, rows = _finish(work, out_dir, written, formats, created, run or {})
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


@gc_paused
def _finish(work: Path, out_dir: Path, written: list[Written], formats: Sequence[str],
            created: dt.datetime, run: Mapping[str, Any]) -> tuple[list[Path],
                                                                   dict[str, int]]:
    """Join the pieces into the table files, write ``wilayah_summary`` and ``wilayah``, and
    install them with ``datapackage.json`` and the manifest (:func:`install_tables`: the
    folder's lock, only the changed files, all or nothing). Returns the paths replaced and
    the rows per table."""
    gazetteer = load_gazetteer()
    whole = {"wilayah_summary": wilayah_summary(
        pd.concat([w.events for w in written], ignore_index=True), gazetteer),
        "wilayah": wilayah_table(gazetteer)}
    n_buckets = len(written)
    counts = {name: len(whole[name]) if name in whole else sum(w.rows[name] for w in written)
              for name in TABLE_ORDER}

    def write_tables(staged: Path) -> tuple[list[str], dict[str, int]]:
        names = []
        for name in TABLE_ORDER:
            for fmt in formats:
                target = staged / f"{name}.{fmt}"
                if name in whole:
                    write_piece(whole[name], name, fmt, target)
                else:
                    join_pieces([piece_path(str(work), name, fmt, b) for b in range(n_buckets)],
                                fmt, target)
                names.append(f"{name}.{fmt}")
        return names, counts

    entry = {"at": created.isoformat(timespec="milliseconds"),
             **{name: run.get(name) for name in RUN_FIELDS}, "records": counts["mentions"],
             "events": counts["events"], "events_new": None, "events_updated": None,
             "events_removed": None, "engine": "dask"}  # no change log on this engine
    paths = install_tables(write_tables, out_dir, formats, created, entry)
    log.info("dataset: installed %d files in %s", len(paths), out_dir)
    return paths, counts
