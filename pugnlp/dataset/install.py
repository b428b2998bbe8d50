"""Installing a dataset folder: its lock, the staging folder, the commit marker, recovery.

Every file of a run is first written into a staging folder inside the dataset folder
(``.dataset-*.tmp``); when all are complete, the list of files to install is written to its
``COMMIT`` file and they are renamed into place, the manifest last. A process killed before
``COMMIT`` leaves the previous dataset as it was (its staging folder is removed later); one
killed while renaming (a few milliseconds) leaves a complete, marked folder that
:func:`recover` installs before anything else is read or written. Writers hold
:func:`dataset_lock`, an OS file lock (``filelock``) that dies with its process.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from pugnlp.errors import PugnlpError
from pugnlp.ioutil import checkpoint

log = logging.getLogger(__name__)

COMMIT = "COMMIT"
"""In a staging folder: the files to install, written once all of them are complete."""
STAGING_PREFIX, STAGING_SUFFIX = ".dataset-", ".tmp"
LOCK = ".pugnlp.lock"
"""The lock file in the dataset folder (empty; left in place, as OS file locks are)."""
LOCK_WAIT = 60.0
"""Seconds to wait for another run writing the same dataset folder before giving up."""


@contextlib.contextmanager
def dataset_lock(out_dir: Path) -> Iterator[None]:
    """Hold the dataset folder's lock (an OS file lock that dies with its process), then
    finish an interrupted install (:func:`recover`). Re-entrant within a process (the
    inner holders do not recover: the outer one's scratch folders are live).

    Raises:
        PugnlpError: the folder cannot be written, or another run holds the lock for more
            than :data:`LOCK_WAIT` seconds.
    """
    from filelock import FileLock, Timeout

    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        lock = FileLock(out_dir / LOCK, is_singleton=True)
        lock.acquire(timeout=LOCK_WAIT)
    except Timeout as exc:
        raise PugnlpError(f"{out_dir}: another pugnlp run is writing this dataset (lock "
                          f"{LOCK}); run again when it has finished") from exc
    except OSError as exc:
        raise PugnlpError(f"{out_dir}: cannot write the dataset here "
                          f"({exc.strerror or exc})") from exc
    try:
        if lock.lock_counter == 1:  # outermost: nothing of this process is staged yet
            recover(out_dir)
        yield
    finally:
        lock.release()


def recover(out_dir: Path) -> list[str]:
    """Finish installing a dataset whose run was killed while renaming its files (a staging
    folder with :data:`COMMIT`); remove staging folders of runs killed earlier. Call it
    under :func:`dataset_lock`.

    Returns:
        The names of the files installed now.
    """
    installed: list[str] = []
    for tmp in sorted(Path(out_dir).glob(f"{STAGING_PREFIX}*{STAGING_SUFFIX}")):
        if not tmp.is_dir():
            continue
        commit = tmp / COMMIT
        if commit.is_file():
            names = [n for n in commit.read_text(encoding="utf-8").splitlines() if n]
            installed += install(tmp, Path(out_dir), names)
            log.warning("%s: finished installing the dataset of an interrupted run (%d files)",
                        out_dir, len(installed))
        shutil.rmtree(tmp, ignore_errors=True)
    return installed


def install(tmp: Path, out_dir: Path, names: Sequence[str]) -> list[str]:
    """Rename the staged files into place, in order (those already moved are skipped)."""
    done = []
    for name in names:
        if (tmp / name).exists():
            os.replace(tmp / name, out_dir / name)
            done.append(name)
            if len(done) == 1:
                checkpoint("dataset-installing")
    return done


@contextlib.contextmanager
def staging(out_dir: Path) -> Iterator[Path]:
    """A new staging folder inside ``out_dir``, removed afterwards unless it holds a
    :data:`COMMIT` whose install failed mid-way (then :func:`recover` finishes it); one
    left by a killed process is removed by :func:`recover` too.

    Raises:
        PugnlpError: the folder cannot be created.
    """
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, suffix=STAGING_SUFFIX, dir=out_dir))
    except OSError as exc:
        raise PugnlpError(f"{out_dir}: cannot write the dataset here "
                          f"({exc.strerror or exc})") from exc
    try:
        yield tmp
    finally:
        if not (tmp / COMMIT).exists():  # else renaming failed mid-way: recover() finishes
            shutil.rmtree(tmp, ignore_errors=True)


