"""Disk I/O of the dataset: write and read the tables (CSV, Parquet, JSONL).

Writes are atomic as a set: every file is first written into a temporary folder inside the
output folder, and only when all of them are complete are they renamed into place
(``datapackage.json``, which describes them, then the manifest last); a file whose bytes did
not change is not replaced. A failure leaves the previous dataset untouched and no temporary
files. A process killed while renaming leaves the complete staging folder marked ``COMMIT``,
which the next writer installs first (:mod:`.install`).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import logging
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pugnlp.dataset.datapackage import CSV_DIALECT, DATAPACKAGE, FileFacts, datapackage
from pugnlp.dataset.ids import PreviousIds
from pugnlp.dataset.install import COMMIT, dataset_lock, install, staging
from pugnlp.dataset.tables import (
    ALL_TABLES,
    APE_FIELDS,
    DATASET_VERSION,
    LIST_SEPARATOR,
    PERUBAHAN,
    TABLE_ORDER,
    TABLES,
    TableSpec,
)
from pugnlp.dataset.typed import ape_text, coerce
from pugnlp.errors import PugnlpError, SchemaError
from pugnlp.ioutil import checkpoint, same_bytes
from pugnlp.schema import SCHEMA_VERSION

log = logging.getLogger(__name__)

FORMATS: tuple[str, ...] = ("csv", "parquet", "jsonl")
MANIFEST = "manifest.json"
MAX_RUNS = 1000
"""Run-log entries kept in the manifest (the oldest are dropped)."""

_ARROW: dict[str, pa.DataType] = {
    "string": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
    "date": pa.date32(), "list[string]": pa.list_(pa.string()),
    "list[ape]": pa.list_(pa.struct([(f, pa.int32() if f == "year" else pa.string())
                                     for f in APE_FIELDS])),
}


# --- tables out ----------------------------------------------------------------------------


def _csv_cell(value: Any, dtype: str) -> Any:
    if dtype == "list[string]":
        return LIST_SEPARATOR.join(str(v) for v in value)
    if dtype == "list[ape]":
        return LIST_SEPARATOR.join(ape_text(v) for v in value)
    return value


def csv_frame(frame: pd.DataFrame, spec: TableSpec) -> pd.DataFrame:
    """The frame as CSV text cells: ISO dates, `true`/`false`, lists joined by ` | `."""
    out = {}
    for col in spec.columns:
        series = frame[col.name]
        if col.dtype == "date":
            out[col.name] = series.dt.strftime("%Y-%m-%d").astype("object")
        elif col.dtype == "bool":
            out[col.name] = series.map({True: "true", False: "false"}).astype("object")
        elif col.dtype.startswith("list"):
            out[col.name] = series.map(lambda v, d=col.dtype: _csv_cell(v, d))
        else:
            out[col.name] = series.astype("object")
    return pd.DataFrame(out).where(lambda f: f.notna(), None)


CHUNK_ROWS = 20_000
"""Rows converted at a time when writing CSV and JSONL: bounds the memory of the copies."""


def _chunks(frame: pd.DataFrame) -> Iterator[pd.DataFrame]:
    for start in range(0, max(len(frame), 1), CHUNK_ROWS):
        yield frame.iloc[start:start + CHUNK_ROWS]


def _write_csv(frame: pd.DataFrame, spec: TableSpec, path: Path) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        for n, chunk in enumerate(_chunks(frame)):
            csv_frame(chunk, spec).to_csv(handle, index=False, header=n == 0,
                                          sep=CSV_DIALECT["delimiter"],
                                          quoting=csv.QUOTE_NONNUMERIC,
                                          lineterminator=CSV_DIALECT["lineTerminator"])


def _write_parquet(frame: pd.DataFrame, spec: TableSpec, path: Path) -> None:
    schema = pa.schema([(c.name, _ARROW[c.dtype]) for c in spec.columns],
                       metadata={"pugnlp.table": spec.name,
                                 "pugnlp.schema_version": DATASET_VERSION})
    table = pa.Table.from_pandas(frame, schema=schema, preserve_index=False)
    pq.write_table(table, path, compression="zstd")


def _write_jsonl(frame: pd.DataFrame, spec: TableSpec, path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for chunk in _chunks(frame):
            if chunk.empty:
                continue
            out = chunk[list(spec.names)].copy()
            for name in spec.of_type("date"):
                out[name] = out[name].dt.strftime("%Y-%m-%d").astype("object")
            text = out.to_json(orient="records", lines=True, force_ascii=False,
                               date_format="iso")
            text = text.replace("\\/", "/")  # pandas escapes "/" as "\/"; both are valid JSON
            handle.write(text if text.endswith("\n") else text + "\n")


_WRITERS = {"csv": _write_csv, "parquet": _write_parquet, "jsonl": _write_jsonl}


def manifest(tables: Mapping[str, pd.DataFrame | int], formats: Sequence[str],
             created: dt.datetime | str, runs: Sequence[Mapping[str, Any]] = ()
             ) -> dict[str, Any]:
    """The manifest: versions, when the tables last changed, row counts, file names and the
    run log (the last :data:`MAX_RUNS` runs). ``tables``: the tables, or their row counts."""
    return {
        "schema_version": DATASET_VERSION,
        "record_schema_version": SCHEMA_VERSION,
        "created": created if isinstance(created, str) else created.isoformat(timespec="seconds"),
        "tables": {name: {"rows": _rows(tables[name]),
                          "files": [f"{name}.{fmt}" for fmt in formats]}
                   for name in ALL_TABLES if name in tables},
        "runs": [dict(run) for run in runs][-MAX_RUNS:],
    }


def _rows(table: pd.DataFrame | int) -> int:
    return int(table) if isinstance(table, int) else int(len(table))


def _facts(path: Path) -> FileFacts:
    with path.open("rb") as handle:
        digest = hashlib.file_digest(handle, "sha256").hexdigest()
    return FileFacts(bytes=path.stat().st_size, sha256=digest)


def _write_json(data: Mapping[str, Any], path: Path) -> None:
    text = json.dumps(data, indent=2, ensure_ascii=False)
    path.write_text(text + "\n", encoding="utf-8")


def published_manifest(out_dir: Path) -> dict[str, Any]:
    """The manifest in ``out_dir``, or {} when there is none or it cannot be read (a new
    one replaces it)."""
    try:
        data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_dataset(tables: Mapping[str, pd.DataFrame], out_dir: Path,
                  formats: Sequence[str] = FORMATS, created: dt.datetime | None = None,
                  run: Mapping[str, Any] | None = None, extra: Mapping[str, Path] | None = None
                  ) -> list[Path]:
    """Write every table in every format into ``out_dir``, all or nothing.

    Besides the tables: ``datapackage.json`` (:mod:`.datapackage`; when CSV or JSONL is
    among the formats), then ``manifest.json``. Files whose bytes are unchanged are left in
    place (their modification times too); the manifest is always written.

    Args:
        tables: the tables of :data:`~pugnlp.dataset.tables.TABLE_ORDER` (and the change
            log ``perubahan``).
        out_dir: the dataset folder.
        formats: any of :data:`FORMATS`.
        created: the time of this run (default: now); the manifest's ``created`` keeps the
            published value when no table file changed.
        run: this run's run-log entry (``files_written`` is added), appended to the
            published manifest's ``runs``.
        extra: other files to install with the tables, by name (e.g. the run's records);
            they are moved (so must be on the same filesystem, e.g. in a
            :func:`~pugnlp.dataset.install.staging` folder).

    Returns:
        The paths replaced, the manifest last.

    Raises:
        PugnlpError: the folder cannot be written (nothing is left half-written).
    """
    def write_tables(tmp: Path) -> tuple[list[str], dict[str, int]]:
        names = []
        for name in [*TABLE_ORDER, *([PERUBAHAN.name] if PERUBAHAN.name in tables else [])]:
            for fmt in formats:
                _WRITERS[fmt](tables[name], ALL_TABLES[name], tmp / f"{name}.{fmt}")
                names.append(f"{name}.{fmt}")
        return names, {name: len(frame) for name, frame in tables.items()}

    return install_tables(write_tables, out_dir, formats, created, run, extra)


def install_tables(write_tables: Callable[[Path], tuple[list[str], Mapping[str, int]]],
                   out_dir: Path, formats: Sequence[str] = FORMATS,
                   created: dt.datetime | None = None, run: Mapping[str, Any] | None = None,
                   extra: Mapping[str, Path] | None = None) -> list[Path]:
    """What :func:`write_dataset` does once the table files are written: holding the
    folder's lock, ``write_tables(staging folder)`` writes them (returns their file names and
    the rows of each table); then ``datapackage.json`` and the manifest with the run log, and
    only the files that changed are installed, all or nothing. The Dask engine writes its
    table files its own way and installs them through here.
    """
    unknown = set(formats) - set(FORMATS)
    if unknown:
        raise PugnlpError(f"unknown format(s): {', '.join(sorted(unknown))}")
    out_dir = Path(out_dir)
    created = created or dt.datetime.now(dt.timezone.utc)
    with dataset_lock(out_dir), staging(out_dir) as tmp:
        try:
            names, rows = write_tables(tmp)
            tables_changed = any(not same_bytes(tmp / n, out_dir / n) for n in names)
            table_files = list(names)
            for name, source in (extra or {}).items():
                os.replace(source, tmp / name)
                names.append(name)
            published = published_manifest(out_dir)
            when = created if tables_changed or "created" not in published \
                else published["created"]
            about = manifest(rows, formats, when)
            package = datapackage(about, formats, {n: _facts(tmp / n) for n in table_files
                                                   if not n.endswith(".parquet")})
            if package is not None:
                _write_json(package, tmp / DATAPACKAGE)
                names.append(DATAPACKAGE)
            changed = [n for n in names if not same_bytes(tmp / n, out_dir / n)]
            runs = list(published.get("runs") or [])
            if run is not None:
                runs.append({**run, "files_written": len(changed)})
            _write_json(manifest(rows, formats, when, runs), tmp / MANIFEST)
            to_install = [*changed, MANIFEST]
            checkpoint("dataset-staged")
            (tmp / COMMIT).write_text("\n".join(to_install) + "\n", encoding="utf-8")
            install(tmp, out_dir, to_install)
            (tmp / COMMIT).unlink()
        except OSError as exc:
            raise PugnlpError(f"{out_dir}: cannot write the dataset "
                              f"({exc.strerror or exc})") from exc
    log.info("dataset: wrote %d of %d files to %s", len(to_install) - 1, len(names), out_dir)
    return [out_dir / name for name in to_install]


# --- tables back in ------------------------------------------------------------------------


def _read_table(folder: Path, spec: TableSpec) -> pd.DataFrame | None:
    parquet, jsonl = folder / f"{spec.name}.parquet", folder / f"{spec.name}.jsonl"
    try:
        if parquet.exists():
            frame = pq.read_table(parquet).to_pandas()
        elif jsonl.exists():
            frame = pd.read_json(jsonl, lines=True, dtype=False)
        else:
            return None
    except (OSError, ValueError, pa.ArrowException) as exc:
        raise SchemaError(f"{folder}: cannot read table {spec.name} ({exc})") from exc
    if frame.empty and not len(frame.columns):
        frame = pd.DataFrame(columns=list(spec.names))
    try:
        return coerce(frame, spec)
    except SchemaError as exc:
        raise SchemaError(f"{folder}: {exc}") from exc


def read_manifest(folder: Path) -> dict[str, Any]:
    """The dataset's manifest, checked for a readable version.

    Raises:
        PugnlpError: there is no dataset in ``folder``.
        SchemaError: the dataset was written by an incompatible version.
    """
    path = Path(folder) / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise PugnlpError(f"{folder}: no dataset here (no {MANIFEST}); "
                          "run `pugnlp dataset` first") from exc
    except (OSError, ValueError) as exc:
        raise SchemaError(f"{path}: unreadable manifest ({exc})") from exc
    version = str(data.get("schema_version", ""))
    if version.split(".")[0] != DATASET_VERSION.split(".")[0]:
        raise SchemaError(f"{path}: dataset version {version!r} cannot be read by this pugnlp "
                          f"(reads {DATASET_VERSION.split('.')[0]}.x); rebuild the dataset")
    return data


def read_dataset(folder: Path) -> dict[str, pd.DataFrame]:
    """Every table of a written dataset that its manifest lists, typed (Parquet preferred,
    else JSONL): a dataset of version 1.0 has no ``wilayah`` table."""
    listed = read_manifest(folder).get("tables", {})
    tables = {}
    for name in TABLE_ORDER:
        if name not in listed:
            continue
        frame = _read_table(Path(folder), TABLES[name])
        if frame is None:
            raise PugnlpError(f"{folder}: table {name} is missing (no .parquet or .jsonl)")
        tables[name] = frame
    return tables


def _read_ids(folder: Path, name: str, columns: list[str]) -> pd.DataFrame | None:
    """Only the id columns of a table, from any format (CSV too: a CSV-only dataset also keeps
    its event ids)."""
    frame = _read_table(folder, TABLES[name])
    if frame is not None:
        return frame[columns]
    path = folder / f"{name}.csv"
    if not path.exists():
        return None
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig",
                            usecols=columns)
    except (OSError, ValueError) as exc:
        raise SchemaError(f"{path}: cannot read the published ids ({exc})") from exc
    return frame.replace("", None)


def read_previous(folder: Path) -> PreviousIds | None:
    """Event ids of the dataset already published in ``folder`` (None when there is none)."""
    folder = Path(folder)
    if not (folder / MANIFEST).exists():
        return None
    read_manifest(folder)
    mentions = _read_ids(folder, "mentions", ["doc_id", "event_id", "text_sha1"])
    events = _read_ids(folder, "events", ["event_id"])
    if mentions is None or events is None:
        return None
    linked = mentions.dropna(subset=["event_id"])
    by_sha1 = dict(zip(linked["text_sha1"].fillna(""), linked["event_id"]))
    by_sha1.pop("", None)
    return PreviousIds(by_sha1=by_sha1, by_doc=dict(zip(linked["doc_id"], linked["event_id"])),
                       known=frozenset(events["event_id"].dropna()))


def _read_csv_text(path: Path) -> pd.DataFrame:
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (OSError, ValueError) as exc:
        raise SchemaError(f"{path}: cannot read the published table ({exc})") from exc


def read_published(folder: Path, names: Sequence[str]
                   ) -> dict[str, tuple[pd.DataFrame, bool]] | None:
    """Tables of the dataset published in ``folder``, to compare a run with: each as
    ``(frame, is CSV text)``, typed from Parquet or JSONL, else the CSV's text. None when no
    dataset (or not every one of ``names``) is there."""
    folder = Path(folder)
    if not (folder / MANIFEST).exists():
        return None
    read_manifest(folder)
    found = {}
    for name in names:
        frame = _read_table(folder, ALL_TABLES[name])
        if frame is not None:
            found[name] = (frame, False)
        elif (folder / f"{name}.csv").exists():
            found[name] = (_read_csv_text(folder / f"{name}.csv"), True)
        else:
            return None
    return found


def read_change_log(folder: Path) -> pd.DataFrame | None:
    """The published change log ``perubahan`` (typed), from any format; None when absent."""
    folder = Path(folder)
    frame = _read_table(folder, PERUBAHAN)
    if frame is not None or not (folder / f"{PERUBAHAN.name}.csv").exists():
        return frame
    text = _read_csv_text(folder / f"{PERUBAHAN.name}.csv").replace("", None)
    try:
        return coerce(text, PERUBAHAN)
    except SchemaError as exc:
        raise SchemaError(f"{folder}: {exc}") from exc
