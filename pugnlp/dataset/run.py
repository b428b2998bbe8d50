"""``pugnlp dataset``: records files -> the dataset folder, in one call."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pugnlp.dataset.changes import COMPARED, Side, change_log, compare, counts
from pugnlp.dataset.files import (
    FORMATS,
    published_manifest,
    read_change_log,
    read_previous,
    read_published,
    write_dataset,
)
from pugnlp.dataset.frame import build_tables
from pugnlp.dataset.install import dataset_lock, staging
from pugnlp.dataset.records import duplicate_count
from pugnlp.dataset.tables import CHANGE_KINDS, PERUBAHAN, TABLES
from pugnlp.records_io import read_records
from pugnlp.wilayah import load_gazetteer

if TYPE_CHECKING:
    from pugnlp.events.batch import ExtractSummary

log = logging.getLogger(__name__)

RECORDS = "rekaman.jsonl"
RECORDS_CSV = "rekaman.csv"

RUN_FIELDS: tuple[str, ...] = ("pipeline_version", "articles_extracted", "articles_reused")
"""Run-log fields the caller gives (null when the run was given records, not articles)."""


@dataclass(frozen=True, slots=True)
class DatasetSummary:
    """What one dataset run did."""

    out_dir: Path
    records: int
    duplicates: int
    relevant: int
    events: int
    reused_ids: int
    rows: dict[str, int] = field(default_factory=dict)
    files: tuple[Path, ...] = ()
    """The files replaced, the manifest last (unchanged files are left as they were)."""
    changes: dict[str, int] = field(default_factory=dict)
    """Events ``baru``, ``diperbarui``, ``dihapus`` in this run."""

    def text(self) -> str:
        """A short human summary (the CLI prints it)."""
        tables = ", ".join(f"{name} {n}" for name, n in self.rows.items())
        changed = (", ".join(f"{kind} {self.changes.get(kind, 0)}" for kind in CHANGE_KINDS)
                   + " (perubahan.csv)" if self.changes
                   else "not logged (the Dask engine writes no change log)")
        tables_written = len(self.files) - 1
        written = (f"{tables_written} files written to {self.out_dir}/, the others unchanged"
                   if tables_written else f"no table changed in {self.out_dir}/ (run logged "
                   "in manifest.json)")
        return (f"{self.records} records ({self.duplicates} repeated doc_id dropped, "
                f"{self.relevant} relevant) -> {self.events} events "
                f"({self.reused_ids} ids kept from the published dataset)\n"
                f"changes: {changed}\n"
                f"tables: {tables}\n{written}")


def make_dataset(inputs: Sequence[Path], out_dir: Path, formats: Sequence[str] = FORMATS,
                 created: dt.datetime | None = None, run: Mapping[str, Any] | None = None,
                 extra: Mapping[str, Path] | None = None) -> DatasetSummary:
    """Read records, merge events (keeping published ids), log what changed, write every
    table atomically (only the files that changed).

    Args:
        inputs: records ``.jsonl`` files or folders of them (from ``pugnlp extract``).
        out_dir: the dataset folder; an existing dataset there provides the ids to keep and
            is what this run's changes are measured against.
        formats: any of ``csv``, ``parquet``, ``jsonl``.
        created: the time of this run (default: now): ``run_at`` of its change-log rows and
            ``at`` of its run-log entry.
        run: run-log fields of the extraction (:data:`RUN_FIELDS`).
        extra: other files to install with the tables (:func:`~pugnlp.dataset.files.
            write_dataset`).

    Raises:
        SchemaError: an input line lacks a column or has another schema version.
        PugnlpError: an input or the output folder cannot be used, or another run is
            writing the same folder.
    """
    created = created or dt.datetime.now(dt.timezone.utc)
    records = list(read_records(inputs))
    duplicates = duplicate_count(records)
    out_dir = Path(out_dir)
    with dataset_lock(out_dir):
        created = _after_last_run(out_dir, created)
        run_at = created.isoformat(timespec="milliseconds")
        previous = read_previous(out_dir)
        tables = build_tables(records, load_gazetteer(), previous)
        del records  # the tables hold what is needed; free the texts before writing
        published = read_published(out_dir, COMPARED)
        old = Side.of(published) if published is not None else None
        del published
        new = Side.of({name: (tables[name], False) for name in COMPARED},
                      hashed=old is not None)
        rows = compare(old, new, run_at)
        del new
        del old
        tables[PERUBAHAN.name] = change_log(read_change_log(out_dir), rows)
        changes = counts(rows)
        events, mentions = tables["events"], tables["mentions"]
        entry = {"at": run_at, **{name: (run or {}).get(name) for name in RUN_FIELDS},
                 "records": len(mentions), "events": len(events),
                 "events_new": changes["baru"], "events_updated": changes["diperbarui"],
                 "events_removed": changes["dihapus"]}
        files = write_dataset(tables, out_dir, formats, created, entry, extra)
    reused = int(events["event_id"].isin(previous.known).sum()) if previous else 0
    return DatasetSummary(
        out_dir=out_dir, records=len(mentions), duplicates=duplicates,
        relevant=int(mentions["relevant"].sum()), events=len(events), reused_ids=reused,
        rows={name: len(tables[name]) for name in TABLES}, files=tuple(files),
        changes=changes,
    )


def _after_last_run(out_dir: Path, created: dt.datetime) -> dt.datetime:
    """``created``, or 1 ms after the published dataset's last run when that is not earlier
    (two runs started in the same millisecond, the second waiting for the lock): each run's
    ``run_at`` is its own."""
    runs = published_manifest(out_dir).get("runs") or []
    try:
        last = dt.datetime.fromisoformat(str(runs[-1]["at"])) if runs else None
    except (KeyError, TypeError, ValueError):
        last = None
    if last is not None and last.tzinfo is not None and created <= last:
        return last + dt.timedelta(milliseconds=1)
    return created


def update_dataset(extract: Callable[[Path], ExtractSummary], out_dir: Path,
                   formats: Sequence[str] = FORMATS, created: dt.datetime | None = None
                   ) -> tuple[ExtractSummary, DatasetSummary]:
    """One scheduled run into ``out_dir``: extract the records, then update the dataset,
    holding the folder's lock throughout (a second run waits, then gives up).

    The records (``rekaman.jsonl``, ``rekaman.csv``) are written to a scratch folder and
    installed with the tables, so a run killed at any point leaves the folder as the last
    complete run left it.

    Args:
        extract: writes the records of the run's articles to the path given
            (:func:`pugnlp.events.batch.run_extract`) and returns its summary.
        out_dir: the dataset folder.
        formats: table formats.
        created: the run's start (default: now).
    """
    from pugnlp.events.output import save_records

    created = created or dt.datetime.now(dt.timezone.utc)
    with dataset_lock(out_dir), staging(Path(out_dir)) as tmp:
        summary = extract(tmp / RECORDS)
        save_records(read_records(tmp / RECORDS), tmp / RECORDS_CSV)
        run = {"pipeline_version": summary.version, "articles_extracted": summary.extracted,
               "articles_reused": summary.reused}
        dataset = make_dataset([tmp / RECORDS], out_dir, formats, created, run,
                               extra={RECORDS: tmp / RECORDS, RECORDS_CSV: tmp / RECORDS_CSV})
    summary.output = Path(out_dir) / RECORDS
    return summary, dataset
