"""The crawl-state folder: an OS lock that dies with its process, the unclean-stop marker,
job keys."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from pugnlp.errors import FetchError
from pugnlp.fetch.crawl import LOCK, MARKER, claim_state, job_key, release_state
from pugnlp.sources.registry import Source

HOLD = ("import sys, time; from filelock import FileLock; lock = FileLock(sys.argv[1], "
        "timeout=0); lock.acquire(); print('locked', flush=True); time.sleep(60)")


def _hold_lock(state: Path) -> subprocess.Popen[str]:
    """Another process holding the crawl lock (as a running crawl does)."""
    state.mkdir(parents=True, exist_ok=True)
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(state / LOCK)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
    return proc


def test_clean_start_and_release(tmp_path: Path) -> None:
    state = tmp_path / ".crawl-state"
    claim = claim_state(state, tmp_path / "k.sqlite")
    assert claim.recovered is False
    info = json.loads((state / MARKER).read_text())
    assert info["pid"] == os.getpid() and info["store"].endswith("k.sqlite")
    release_state(claim)
    assert not (state / MARKER).exists()
    assert [p.name for p in state.iterdir()] == [LOCK]  # no stray temp file
    release_state(claim_state(state))  # free again


def test_marker_of_an_unclean_stop_discards_frontier_and_cache(tmp_path: Path) -> None:
    state = tmp_path / ".crawl-state"
    (state / "job-abc" / "requests.queue").mkdir(parents=True)
    (state / "httpcache").mkdir()
    (state / "stray.tmp").write_text("x")
    (state / MARKER).write_text(json.dumps({"pid": 1}))
    claim = claim_state(state)
    assert claim.recovered is True
    assert sorted(p.name for p in state.iterdir()) == sorted([LOCK, MARKER])
    release_state(claim, clean=False)  # a write error: the marker stays for the next run
    assert (state / MARKER).exists()


def test_a_marker_naming_a_live_unrelated_process_is_not_a_lock(tmp_path: Path) -> None:
    # after a reboot the pid of the dead crawl may belong to any live process (here: ours)
    state = tmp_path / ".crawl-state"
    state.mkdir()
    (state / MARKER).write_text(json.dumps({"pid": os.getppid()}))
    claim = claim_state(state, "korpus/k.sqlite")
    assert claim.recovered is True
    release_state(claim)


def test_a_live_crawl_holds_the_store_until_its_process_dies(tmp_path: Path) -> None:
    state = tmp_path / ".crawl-state"
    holder = _hold_lock(state)
    (state / MARKER).write_text(json.dumps({"pid": holder.pid, "started": "2024-01-02T03:04:05"}))
    try:
        with pytest.raises(FetchError) as err:
            claim_state(state, "korpus/k.sqlite")
        message = str(err.value)
        assert message.startswith("korpus/k.sqlite: another crawl is using this store")
        assert f"pid {holder.pid}" in message and "wait for it to end or stop it" in message
        assert "\n" not in message
    finally:
        os.kill(holder.pid, signal.SIGKILL)  # no clean-up code runs: the OS drops the lock
        holder.wait()
    claim = claim_state(state, "korpus/k.sqlite")
    assert claim.recovered is True  # the killed holder left its marker
    release_state(claim)


def test_an_unwritable_state_folder_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "korpus"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(FetchError, match=r"korpus/\.crawl-state: cannot write the crawl state"):
        claim_state(blocker / ".crawl-state")


def test_job_key_depends_on_the_selection() -> None:
    a = Source("a", "https://a.id/", "63", "dinas", "feed", "https://a.id/feed")
    b = Source("b", "https://b.id/", "63", "dinas", "feed", "https://b.id/feed")
    assert job_key([a, b], None, None) == job_key([b, a], None, None)
    assert len({job_key([a], None, None), job_key([a, b], None, None),
                job_key([a], date(2023, 1, 1), None), job_key([a], None, 5)}) == 4
