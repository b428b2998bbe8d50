"""SIGKILL a real ``pugnlp crawl`` process mid-crawl, twice, then run it to the end.

Nothing stored before a kill is lost or changed, nothing is stored twice, and no article
stored before a kill is fetched again afterwards. The one change allowed is the order-free
duplicate rule: a copy of the near-duplicate trio stored first may be replaced, in the same
row, by the copy the rule prefers (pugnlp.corpus.precedence), and is linked to it then.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from regional import Regional, build

ROOT = Path(__file__).resolve().parents[2]
NEAR_GROUP = {"/2023/10/rakor-pug-banjarbaru", "/berita/1234", "/berita/republish-rakor-pug"}


@pytest.fixture
def world() -> Iterator[Regional]:
    w = build(crawl_delay=0.2, timeout_page=False)
    yield w
    w.stop()


def _start(tmp: Path, csv: Path) -> subprocess.Popen[bytes]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        [sys.executable, "-m", "pugnlp", "crawl", "--sources", str(csv), "--store",
         str(tmp / "korpus" / "k.sqlite"), "--no-progress"],
        cwd=tmp, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _rows(store: Path) -> set[tuple[int, str, str]]:
    if not store.exists():
        return set()
    conn = sqlite3.connect(store, timeout=10)
    try:
        return set(conn.execute("SELECT id, canonical_url, content_hash FROM articles"))
    except sqlite3.OperationalError:  # the schema is not created yet
        return set()
    finally:
        conn.close()


def _path(row: tuple[int, str, str]) -> str:
    return "/" + row[1].split("/", 3)[3]


def _kill_after(proc: subprocess.Popen[bytes], store: Path, articles: int) -> float:
    deadline = time.monotonic() + 60
    while len(_rows(store)) < articles:
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
        assert time.monotonic() < deadline, "crawl too slow"
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    return time.monotonic()


def test_sigkill_and_resume_lose_nothing_and_store_nothing_twice(
        world: Regional, tmp_path: Path) -> None:
    (tmp_path / "pugnlp.toml").write_text("download_delay = 0.05\nmax_input_bytes = 200000\n")
    csv = world.csv(tmp_path / "sumber.csv", ("mc-a", "mc-a-berita", "portal-b"))
    store = tmp_path / "korpus" / "k.sqlite"
    marker = tmp_path / "korpus" / ".crawl-state" / "running.json"
    snapshots = []
    for target in (2, 5):
        killed_at = _kill_after(_start(tmp_path, csv), store, target)
        assert marker.exists()  # the dead run left its marker
        with sqlite3.connect(store) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        snapshots.append((killed_at, _rows(store)))
    final = _start(tmp_path, csv)
    out, err = final.communicate(timeout=120)
    assert final.returncode == 0, err.decode()
    assert "0 failed" in out.decode()
    assert not marker.exists()
    rows = _rows(store)
    for _, before in snapshots:
        assert {r for r in before if _path(r) not in NEAR_GROUP} <= rows  # nothing rewritten
        assert {r[0] for r in before} <= {r[0] for r in rows}  # no row lost
    stored = {_path(r) for r in rows}
    expected = {p for _, p in world.stored} - NEAR_GROUP
    assert stored - NEAR_GROUP == expected
    assert stored & NEAR_GROUP == {"/2023/10/rakor-pug-banjarbaru"}  # the rule's pick
    assert len(rows) == len(expected) + 1
    with sqlite3.connect(store) as conn:
        links = conn.execute("SELECT COUNT(*) FROM urls WHERE outcome LIKE '%duplicate'")
        assert links.fetchone() == (2,)
    hits = world.a.hits + world.b.hits
    for killed_at, before in snapshots:
        done = {_path(r) for r in before}
        refetched = {h.path for h in hits if h.at > killed_at and h.path in done}
        assert not refetched
