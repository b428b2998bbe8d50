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
                newline: str | None = None) -> Iterator[IO]:
    """Open a temporary sibling of ``path`` for writing; rename it over ``path`` on success."""
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
        os.chmod(tmp, _FILE_MODE)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def atomic_write_text(path: Path, text: str, encoding: str = "utf-8") -> None:
    with atomic_open(path, "w", encoding=encoding) as handle:
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

