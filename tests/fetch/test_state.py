"""The crawl-state folder: hard-kill recovery marker, one crawl per store, job keys."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from pugnlp.errors import FetchError
from pugnlp.fetch.crawl import MARKER, claim_state, job_key, release_state
from pugnlp.sources.registry import Source


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_clean_start_and_release(tmp_path: Path) -> None:
    state = tmp_path / ".crawl-state"
    assert claim_state(state) is False
    assert json.loads((state / MARKER).read_text())["pid"] == os.getpid()
    release_state(state)
    assert not (state / MARKER).exists()


def test_marker_of_a_killed_run_discards_frontier_and_cache(tmp_path: Path) -> None:
    state = tmp_path / ".crawl-state"
    (state / "job-abc" / "requests.queue").mkdir(parents=True)
    (state / "httpcache").mkdir()
    (state / "stray.tmp").write_text("x")
    (state / MARKER).write_text(json.dumps({"pid": _dead_pid()}))
    assert claim_state(state) is True
    assert sorted(p.name for p in state.iterdir()) == [MARKER]


def test_a_live_crawl_on_the_same_store_is_refused(tmp_path: Path) -> None:
    state = tmp_path / ".crawl-state"
    state.mkdir()
    (state / MARKER).write_text(json.dumps({"pid": os.getppid()}))
    with pytest.raises(FetchError, match="another crawl"):
        claim_state(state)


def test_job_key_depends_on_the_selection() -> None:
    a = Source("a", "https://a.id/", "63", "dinas", "feed", "https://a.id/feed")
    b = Source("b", "https://b.id/", "63", "dinas", "feed", "https://b.id/feed")
    assert job_key([a, b], None, None) == job_key([b, a], None, None)
    assert len({job_key([a], None, None), job_key([a, b], None, None),
                job_key([a], date(2023, 1, 1), None), job_key([a], None, 5)}) == 4
