"""Atomic writes: an identical file left untouched on request; checkpoints inert by default."""

from __future__ import annotations

import time

from pugnlp.ioutil import atomic_write_text, checkpoint, same_bytes


def test_keep_same_leaves_an_identical_file_untouched(tmp_path):
    path = tmp_path / "a.txt"
    atomic_write_text(path, "isi\n")
    stamp = path.stat().st_mtime_ns
    time.sleep(0.01)
    atomic_write_text(path, "isi\n", keep_same=True)
    assert path.stat().st_mtime_ns == stamp and [p.name for p in tmp_path.iterdir()] == ["a.txt"]
    atomic_write_text(path, "isi\n")  # without it: rewritten
    assert path.stat().st_mtime_ns != stamp
    atomic_write_text(path, "lain\n", keep_same=True)
    assert path.read_text(encoding="utf-8") == "lain\n"


def test_same_bytes(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.write_bytes(b"x")
    assert not same_bytes(a, b)
    b.write_bytes(b"x")
    assert same_bytes(a, b)


def test_checkpoint_does_nothing_unless_asked(tmp_path, monkeypatch):
    marker = tmp_path / "marker"
    monkeypatch.setenv("PUGNLP_TEST_PAUSE_FILE", str(marker))
    monkeypatch.setenv("PUGNLP_TEST_PAUSE", "another-point")
    checkpoint("extracting")  # would sleep 10 minutes if it took this point for its own
    assert not marker.exists()
