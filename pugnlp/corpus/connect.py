"""Opening the corpus store's SQLite file, and its errors as one-line messages.

:func:`store_error` turns an ``sqlite3`` or OS error into a :class:`~pugnlp.errors.StoreError`
that names the file, says what failed (a full disk, a damaged page, a read-only place, a busy
store) and what to do. :func:`connect_readonly` opens a store for commands that only read, so
that a read-only copy can be read: SQLite ``mode=ro``, or ``immutable=1`` for a WAL store in a
read-only folder when no -wal file holds unmerged changes.
"""

from __future__ import annotations

import errno
import logging
import sqlite3
from pathlib import Path

from pugnlp.errors import StoreError

log = logging.getLogger(__name__)


def store_error(path: Path | str, exc: BaseException, doing: str) -> StoreError:
    """A one-line :class:`StoreError` for an SQLite or OS error: what failed and what to do.

    Args:
        path: the store file.
        exc: the ``sqlite3.Error`` or ``OSError`` caught.
        doing: what was being done (``open``, ``read``, ``write``).
    """
    name = getattr(exc, "sqlite_errorname", "") or ""
    code = exc.errno if isinstance(exc, OSError) else None
    detail = (exc.strerror or str(exc)) if isinstance(exc, OSError) else str(exc)
    if name == "SQLITE_FULL" or code in (errno.ENOSPC, errno.EDQUOT):
        kind, hint = "full", "free some space and run again; what was stored is intact"
    elif name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        kind, hint = "damaged", (f"the store is damaged: check it with `sqlite3 {path} 'PRAGMA "
                                 f"integrity_check'`, then restore a backup or recover it with "
                                 f"`sqlite3 {path} .recover | sqlite3 recovered.sqlite`")
    elif name.startswith("SQLITE_READONLY") or code in (errno.EROFS, errno.EACCES, errno.EPERM):
        kind, hint = "readonly", ("this place cannot be written: pass --store with a writable "
                                  "path, or copy the store (with any -wal file) somewhere "
                                  "writable")
    elif name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        kind, hint = "busy", "another process is writing to the store; try again when it is done"
    elif name.startswith("SQLITE_IOERR") or code == errno.EIO:
        kind, hint = "io", "a disk I/O error: check the disk (full? removed?) and run again"
    else:
        kind, hint = "other", "check the path and its permissions"
    return StoreError(f"{path}: cannot {doing} the corpus store ({detail}); {hint}", kind)


def add_missing_columns(conn: sqlite3.Connection,
                        columns: tuple[tuple[str, str, str], ...]) -> None:
    """Add the ``(table, column, type)`` columns a store made by an older pugnlp lacks."""
    for table, column, sql_type in columns:
        if column not in {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}:
            conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {sql_type}")


def connect_readonly(path: Path) -> sqlite3.Connection:
    """Open ``path`` with ``mode=ro``; a WAL store in a read-only folder with ``immutable=1``.

    SQLite reads a WAL store read-only only if its -shm file exists or can be created. Without
    a -wal file holding changes, ``immutable=1`` reads the same data without any side file.
    """
    if not path.is_file():
        raise StoreError(f"{path}: no corpus store here (run `pugnlp crawl` first, or pass "
                         "--store)", "other")
    uri = path.resolve().as_uri()
    try:
        return _probe(sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=30))
    except sqlite3.OperationalError as exc:
        wal = path.with_name(path.name + "-wal")
        if wal.is_file() and wal.stat().st_size > 0:
            raise StoreError(
                f"{path}: cannot read the corpus store ({exc}): its folder is read-only and "
                f"{wal.name} holds changes not yet merged; copy the store with its -wal file "
                "to a writable folder and read it there", "readonly") from exc
        log.info("%s: read-only folder, opened as immutable (%s)", path, exc)
    except sqlite3.Error as exc:
        raise store_error(path, exc, "open") from exc
    try:
        return _probe(sqlite3.connect(f"{uri}?immutable=1", uri=True))
    except sqlite3.Error as exc:
        raise store_error(path, exc, "open") from exc


def _probe(conn: sqlite3.Connection) -> sqlite3.Connection:
    try:
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        conn.close()
        raise
    return conn
