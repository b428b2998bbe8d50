"""Atomic file writes: write to a temporary file in the same folder, then ``os.replace``.

A crash or a kill mid-write leaves the previous file (or nothing), never a half-written one.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from pugnlp.errors import PugnlpError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_FILE_MODE = 0o666 & ~_umask()


@contextlib.contextmanager
def atomic_open(path: Path, mode: str = "w", encoding: str | None = "utf-8",
                newline: str | None = None, keep_same: bool = False) -> Iterator[IO]:
    """Open a temporary sibling of ``path`` for writing; rename it over ``path`` on success.

    With ``keep_same``, a ``path`` whose bytes equal what was written is left untouched (its
    modification time too) and the temporary file is removed.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise PugnlpError(f"{path}: cannot write here ({exc.strerror or exc})") from exc
    binary = "b" in mode
    try:
        with os.fdopen(fd, mode, encoding=None if binary else encoding,
                       newline=None if binary else newline) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if keep_same and same_bytes(Path(tmp), path):
            os.unlink(tmp)
            return
        os.chmod(tmp, _FILE_MODE)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def same_bytes(a: Path, b: Path) -> bool:
    """True when both files exist and hold the same bytes."""
    import filecmp

    try:
        return filecmp.cmp(a, b, shallow=False)
    except OSError:
        return False


def atomic_write_text(path: Path, text: str, encoding: str = "utf-8",
                      keep_same: bool = False) -> None:
    """Write ``text`` atomically (with ``keep_same``, an identical file is left untouched)."""
    with atomic_open(path, "w", encoding=encoding, keep_same=keep_same) as handle:
        handle.write(text)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    with atomic_open(path, "wb", encoding=None) as handle:
        handle.write(data)


def json_lines(lines: Iterable[str], path: Path | str
               ) -> Iterator[tuple[str, int, Any | json.JSONDecodeError]]:
    """``(where, line number, value)`` of every non-blank JSON line, ``where`` being
    ``path:line``; a line that is not JSON gives its :class:`json.JSONDecodeError` as the value,
    for the caller to raise or report as its format requires."""
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            value: Any | json.JSONDecodeError = json.loads(line)
        except json.JSONDecodeError as exc:
            value = exc
        yield f"{path}:{lineno}", lineno, value



PAUSE_ENV = "PUGNLP_TEST_PAUSE"
"""Fault injection for the tests: the name of a :func:`checkpoint` to stop at."""
PAUSE_FILE_ENV = "PUGNLP_TEST_PAUSE_FILE"
"""The file a paused process writes the checkpoint's name into (the test waits for it)."""


def checkpoint(name: str) -> None:
    """A named point where a test can kill the process deterministically.

    Does nothing unless the environment variable ``PUGNLP_TEST_PAUSE`` is ``name``: then the
    name is written to the file named by ``PUGNLP_TEST_PAUSE_FILE`` and the process sleeps
    (up to 10 minutes) for the test to kill it. Points: ``extracting`` (a batch of records
    stored, more to extract), ``dataset-staged`` (every new dataset file written to the
    staging folder, none installed), ``dataset-installing`` (the first changed file renamed
    into place, the rest not yet).
    """
    if os.environ.get(PAUSE_ENV) != name:
        return
    import time

    marker = os.environ.get(PAUSE_FILE_ENV)
    if marker:
        Path(marker).write_text(name, encoding="utf-8")
    time.sleep(600)
