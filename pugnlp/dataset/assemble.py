"""Tables written in pieces, then joined into one file each: the output side of the
distributed dataset build (:mod:`pugnlp.dataset.distributed`).

Each piece is a run of rows in the table's final order, written by the writer of
:mod:`pugnlp.dataset.files` for its format, so the joined file is the file one process
writes: CSV and JSONL byte for byte (CSV pieces after the first lose their byte-order mark
and header line), Parquet row for row (one row group per piece, read back identically).
Joining streams each piece, so no process holds a whole table.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

import pandas as pd

from pugnlp.dataset import files
from pugnlp.dataset.tables import TABLES

COPY_BUFFER = 4 * 1024 * 1024
"""Bytes copied at a time when joining CSV and JSONL pieces."""


def piece_path(work: str | Path, table: str, fmt: str, bucket: int) -> Path:
    """Where bucket ``bucket`` of ``table`` in ``fmt`` is written in the work folder."""
    return Path(work) / "pieces" / table / f"{bucket:05d}.{fmt}"


def write_piece(frame: pd.DataFrame, table: str, fmt: str, path: Path) -> None:
    """Write rows of ``table`` as :func:`pugnlp.dataset.files.write_dataset` writes the table."""
    path.parent.mkdir(parents=True, exist_ok=True)
    files._WRITERS[fmt](frame, TABLES[table], path)


def join_pieces(pieces: Sequence[Path], fmt: str, target: Path) -> None:
    """Join the pieces of one table, in order, into ``target``.

    Raises:
        OSError: a piece is missing or ``target`` cannot be written.
    """
    if fmt == "parquet":
        _join_parquet(pieces, target)
        return
    with target.open("wb") as out:
        for n, piece in enumerate(pieces):
            with piece.open("rb") as handle:
                if fmt == "csv" and n > 0:
                    handle.readline()  # the byte-order mark and the header
                _copy(handle, out)


def _copy(source: BinaryIO, target: BinaryIO) -> None:
    """Copy the rest of ``source`` to ``target`` (in the kernel where it can)."""
    offset = source.tell()
    size = os.fstat(source.fileno()).st_size
    target.flush()
    try:
        while offset < size:
            sent = os.sendfile(target.fileno(), source.fileno(), offset, size - offset)
            if sent == 0:
                break
            offset += sent
    except (AttributeError, OSError):  # no sendfile for files here: copy through Python
        source.seek(offset)
        shutil.copyfileobj(source, target, COPY_BUFFER)


def _join_parquet(pieces: Sequence[Path], target: Path) -> None:
    import pyarrow.parquet as pq

    first = pq.read_schema(pieces[0])
    with pq.ParquetWriter(target, first, compression="zstd") as writer:
        for piece in pieces:
            table = pq.read_table(piece)
            if table.num_rows or len(pieces) == 1:
                writer.write_table(table)
