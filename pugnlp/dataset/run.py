"""``pugnlp dataset``: records files -> the dataset folder, in one call."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pugnlp.dataset.files import FORMATS, read_previous, write_dataset
from pugnlp.dataset.frame import build_tables
from pugnlp.dataset.records import duplicate_count
from pugnlp.records_io import read_records
from pugnlp.wilayah import load_gazetteer

log = logging.getLogger(__name__)


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

    def text(self) -> str:
        """A short human summary (the CLI prints it)."""
        tables = ", ".join(f"{name} {n}" for name, n in self.rows.items())
        return (f"{self.records} records ({self.duplicates} repeated doc_id dropped, "
                f"{self.relevant} relevant) -> {self.events} events "
                f"({self.reused_ids} ids kept from the published dataset)\n"
                f"tables: {tables}\nwritten to {self.out_dir}/ ({len(self.files)} files)")


def make_dataset(inputs: Sequence[Path], out_dir: Path, formats: Sequence[str] = FORMATS,
                 created: dt.datetime | None = None) -> DatasetSummary:
    """Read records, merge events (keeping published ids), write every table atomically.

    Args:
        inputs: records ``.jsonl`` files or folders of them (from ``pugnlp extract``).
        out_dir: the dataset folder; an existing dataset there provides the ids to keep.
        formats: any of ``csv``, ``parquet``, ``jsonl``.
        created: creation time for the manifest (default: now).

    Raises:
        SchemaError: an input line lacks a column or has another schema version.
        PugnlpError: an input or the output folder cannot be used.
    """
    records = list(read_records(inputs))
    previous = read_previous(out_dir)
    duplicates = duplicate_count(records)
    tables = build_tables(records, load_gazetteer(), previous)
    del records  # the tables hold what is needed; free the texts before writing
    files = write_dataset(tables, out_dir, formats, created)
    events = tables["events"]
    reused = int(events["event_id"].isin(previous.known).sum()) if previous else 0
    mentions = tables["mentions"]
    return DatasetSummary(
        out_dir=Path(out_dir), records=len(mentions), duplicates=duplicates,
        relevant=int(mentions["relevant"].sum()), events=len(events), reused_ids=reused,
        rows={name: len(frame) for name, frame in tables.items()}, files=tuple(files),
    )
