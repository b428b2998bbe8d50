"""The corpus store under faults (issue 15): a full disk, a damaged page, a read-only copy, an
unwritable place. Each is one line naming the file and what to do, never a traceback, and
nothing stored is lost.

A read-only copy is made with chmod; as root (who ignores file modes) the commands run in a
subprocess without capabilities (``setpriv``), so the modes apply to them.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from pugnlp.cli import cli
from pugnlp.corpus.stats import corpus_stats
from pugnlp.corpus.store import CorpusStore, Page, iter_articles
from pugnlp.errors import StoreError
from pugnlp.schema import Article

ROOT = Path(__file__).resolve().parents[2]
TEXTS = [f"Rapat koordinasi pengarusutamaan gender nomor {n} di Banjarbaru. " * 8 +
         " ".join(f"kata{n}x{i}" for i in range(60)) for n in range(8)]


def _page(n: int) -> Page:
    url = f"https://mc.banjarbarukota.go.id/berita/{n}"
    return Page(url=url, source="mc", html=f"<p>{TEXTS[n]}</p>", kode_wilayah="63.72",
                article=Article("x", TEXTS[n], title=f"Rakor {n}", url=url, published="2023-10-11"))


def _store(path: Path, pages: int = 5) -> Path:
    with CorpusStore(path) as store:
        for n in range(pages):
            store.add_page(_page(n))
    return path


def _rows(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT id, canonical_url, content_hash FROM articles ORDER BY id")
        return rows.fetchall()


# --- a full disk ---------------------------------------------------------------------------


def test_a_full_disk_is_one_clear_error_and_loses_nothing(tmp_path: Path) -> None:
    path = _store(tmp_path / "k.sqlite", pages=2)
    before = _rows(path)
    store = CorpusStore(path)
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages}")  # the file cannot grow: SQLITE_FULL
    with pytest.raises(StoreError) as err:
        for n in range(2, 8):
            store.add_page(_page(n))
    assert err.value.kind == "full"
    assert str(err.value) == (f"{path}: cannot write the corpus store (database or disk is full); "
                              "free some space and run again; what was stored is intact")
    store.close()
    rows = _rows(path)
    assert rows[:2] == before and len(rows) < 8
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    with CorpusStore(path) as store:  # space freed: the next write works
        for n in range(2, 8):
            store.add_page(_page(n))
        assert store.count() == 8


# --- a damaged page ------------------------------------------------------------------------


@pytest.fixture
def damaged(tmp_path: Path, damage_store: Callable[[Path], None]) -> Path:
    path = _store(tmp_path / "k.sqlite")
    damage_store(path)
    return path


def test_a_damaged_page_is_a_clear_error_for_readers(damaged: Path) -> None:
    with pytest.raises(StoreError, match="database disk image is malformed") as err:
        list(iter_articles(damaged))
    assert err.value.kind == "damaged" and str(err.value).startswith(f"{damaged}: cannot read")
    assert f"sqlite3 {damaged} 'PRAGMA integrity_check'" in str(err.value)
    with CorpusStore(damaged, readonly=True) as store, pytest.raises(StoreError, match="damaged"):
        corpus_stats(store)


def test_korpus_stats_and_dataset_on_a_damaged_store(damaged: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    stats = runner.invoke(cli, ["korpus", "stats", "--store", str(damaged)])
    assert stats.exit_code == 1
    assert stats.stderr.startswith(f"Error: {damaged}: cannot read the corpus store (database "
                                   "disk image is malformed); the store is damaged")
    assert len(stats.stderr.strip().splitlines()) == 1 and stats.exception.__class__ is SystemExit
    out = tmp_path / "keluaran"
    dataset = runner.invoke(cli, ["dataset", "--store", str(damaged), "--rules-only", "-o",
                                  str(out)])
    assert dataset.exit_code == 1
    assert f"Error: {damaged}: cannot read the corpus store (database disk image" in dataset.stderr
    assert dataset.exception.__class__ is SystemExit
    assert not out.exists() or not any(out.iterdir())  # nothing half-written


# --- read-only copies and places -----------------------------------------------------------


def _unprivileged(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run ``python -m pugnlp ARGS`` so that file modes bind it (root: without capabilities)."""
    command = [sys.executable, "-m", "pugnlp", *args]
    if os.geteuid() == 0:
        command = ["setpriv", "--bounding-set=-all", "--inh-caps=-all", *command]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)))


def _read_only(folder: Path) -> None:
    for path in folder.iterdir():
        path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP)


@pytest.fixture
def ro(tmp_path: Path) -> Iterator[Path]:
    """A folder made read-only at the end of the test's set-up (writable again afterwards)."""
    folder = tmp_path / "ro"
    folder.mkdir()
    yield folder
    for path in [folder, *folder.iterdir()]:
        path.chmod(0o755)


def test_a_read_only_copy_is_read_by_stats_and_dataset(tmp_path: Path, ro: Path) -> None:
    _store(tmp_path / "k.sqlite")
    shutil.copy(tmp_path / "k.sqlite", ro / "k.sqlite")  # closed cleanly: no -wal, no -shm
    _read_only(ro)
    probe = _unprivileged(["korpus", "stats", "--store", "ro/x.sqlite"], tmp_path)
    assert probe.returncode == 2  # click: does not exist (and the folder is really read-only:)
    assert subprocess.run(["setpriv", "--bounding-set=-all", "touch", str(ro / "x")]
                          if os.geteuid() == 0 else ["touch", str(ro / "x")],
                          capture_output=True).returncode != 0
    stats = _unprivileged(["korpus", "stats", "--store", "ro/k.sqlite"], tmp_path)
    assert stats.returncode == 0, stats.stderr
    assert "articles: 5" in stats.stdout and "63 Kalimantan Selatan" in stats.stdout
    dataset = _unprivileged(["dataset", "--store", "ro/k.sqlite", "--rules-only", "-o",
                             "keluaran"], tmp_path)
    assert dataset.returncode == 0, dataset.stderr
    assert "5 articles" in dataset.stdout and (tmp_path / "keluaran" / "events.csv").exists()
    crawl = _unprivileged(["crawl", "--sources", str(ROOT / "korpus" / "sumber.csv"),
                           "--store", "ro/k.sqlite"], tmp_path)
    assert crawl.returncode == 1 and "Traceback" not in crawl.stderr
    assert "ro/k.sqlite: cannot open the corpus store (attempt to write a readonly database); " \
           "this place cannot be written: pass --store with a writable path" in crawl.stderr
    assert sorted(p.name for p in ro.iterdir()) == ["k.sqlite"]  # nothing created


def _copy_while_open(src: Path, dst: Path, shm: bool) -> None:
    """Copy a store whose last commits are still in its -wal file (a live crawl's store)."""
    conn = sqlite3.connect(src, isolation_level=None)
    conn.execute("SELECT COUNT(*) FROM articles").fetchone()  # keeps the -wal file open
    with CorpusStore(src) as store:
        store.add_page(_page(6))
    for suffix in ("", "-wal", "-shm") if shm else ("", "-wal"):
        shutil.copy(f"{src}{suffix}", f"{dst}{suffix}")
    conn.close()


def test_a_read_only_copy_with_its_wal_file(tmp_path: Path, ro: Path) -> None:
    _store(tmp_path / "k.sqlite")
    _copy_while_open(tmp_path / "k.sqlite", ro / "k.sqlite", shm=True)
    _read_only(ro)
    stats = _unprivileged(["korpus", "stats", "--store", "ro/k.sqlite"], tmp_path)
    assert stats.returncode == 0, stats.stderr
    assert "articles: 6" in stats.stdout  # the commit still in the -wal file is read


def test_a_read_only_copy_missing_its_shm_file_is_refused_clearly(tmp_path: Path,
                                                                  ro: Path) -> None:
    _store(tmp_path / "k.sqlite")
    _copy_while_open(tmp_path / "k.sqlite", ro / "k.sqlite", shm=False)
    _read_only(ro)
    stats = _unprivileged(["korpus", "stats", "--store", "ro/k.sqlite"], tmp_path)
    assert stats.returncode == 1 and "Traceback" not in stats.stderr
    assert stats.stderr.strip() == (
        "Error: ro/k.sqlite: cannot read the corpus store (unable to open database file): "
        "its folder is read-only and k.sqlite-wal holds changes not yet merged; copy the store "
        "with its -wal file to a writable folder and read it there")


def test_a_store_in_a_missing_folder_of_a_read_only_place(tmp_path: Path, ro: Path) -> None:
    _read_only(ro)
    crawl = _unprivileged(["crawl", "--sources", str(ROOT / "korpus" / "sumber.csv"),
                           "--store", "ro/baru/k.sqlite"], tmp_path)
    assert crawl.returncode == 1 and "Traceback" not in crawl.stderr
    assert crawl.stderr.strip() == (
        "Error: ro/baru/k.sqlite: cannot create the folder of the corpus store (Permission "
        "denied); this place cannot be written: pass --store with a writable path, or copy the "
        "store (with any -wal file) somewhere writable")


def test_read_only_opening_never_writes(tmp_path: Path) -> None:
    path = _store(tmp_path / "k.sqlite")
    with CorpusStore(path, readonly=True) as store:
        assert [a.title for a in iter_articles(store)] == [f"Rakor {n}" for n in range(5)]
        with pytest.raises(StoreError, match="attempt to write a readonly database") as err:
            store.add_page(_page(7))
        assert err.value.kind == "readonly"
    assert len(_rows(path)) == 5
    with pytest.raises(StoreError, match="no corpus store here"):
        CorpusStore(tmp_path / "missing.sqlite", readonly=True)
    assert not (tmp_path / "missing.sqlite").exists()
