"""``pugnlp crawl`` and ``pugnlp korpus stats`` through click's CliRunner."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent / "fetch"))
from regional import Regional, build  # noqa: E402

from pugnlp.cli import cli  # noqa: E402


@pytest.fixture
def world() -> Iterator[Regional]:
    w = build(crawl_delay=0.05, timeout_page=False)
    yield w
    w.stop()


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "pugnlp.toml").write_text("download_delay = 0.05\nmax_input_bytes = 200000\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_commands_have_help() -> None:
    runner = CliRunner()
    for args in (["crawl", "--help"], ["korpus", "--help"], ["korpus", "stats", "--help"]):
        result = runner.invoke(cli, args)
        assert result.exit_code == 0 and "Usage:" in result.output
    assert "--since" in runner.invoke(cli, ["crawl", "--help"]).output
    assert "korpus" in runner.invoke(cli, ["--help"]).output


def test_crawl_then_stats(world: Regional, here: Path) -> None:
    csv = world.csv(here / "s.csv", ("mc-a-berita", "portal-b", "mati"))
    runner = CliRunner()
    result = runner.invoke(cli, ["crawl", "--sources", str(csv), "--store", "k.sqlite"])
    assert result.exit_code == 1  # one source of three is dead
    assert "[mc-a-berita] article" in result.stderr
    assert "[mati] failed" in result.stderr and "connection refused" in result.stderr
    assert "3 sources, 1 failed" in result.stdout
    stats = runner.invoke(cli, ["korpus", "stats", "--store", "k.sqlite"])
    assert stats.exit_code == 0, stats.output
    assert "mc-a-berita" in stats.output and "63 Kalimantan Selatan" in stats.output
    assert "2023-09" in stats.output and "connection refused" in stats.output
    again = runner.invoke(cli, ["crawl", "--sources", str(csv), "--store", "k.sqlite",
                                "--only", "mc-a-berita", "--no-progress"])
    assert again.exit_code == 0 and "0 articles stored" in again.stdout
    assert again.stderr == ""


def test_dry_run_max_pages_and_since_flags(world: Regional, here: Path) -> None:
    csv = world.csv(here / "s.csv", ("mc-a", "portal-b"))
    result = CliRunner().invoke(cli, ["crawl", "--sources", str(csv), "--store", "k.sqlite",
                                      "--dry-run", "--since", "2023-01-01", "--max-pages", "3"])
    assert result.exit_code == 0, result.output
    assert "mc-a: 3 URLs" in result.stdout and "no article fetched" in result.stdout
    assert world.b.url("/berita/lama-pug-2019") not in result.stdout  # older than --since
    assert world.a.requested("/2023/10/rakor-pug-banjarbaru") == 0


def test_errors_are_clear(here: Path) -> None:
    runner = CliRunner()
    bad = here / "bad.csv"
    bad.write_text("name,base_url,kode_wilayah,kind,discovery,discovery_url,bahasa,catatan\n"
                   "x,https://x.go.id/,63,koran,feed,https://x.go.id/feed,id,\n")
    result = runner.invoke(cli, ["crawl", "--sources", str(bad), "--store", "k.sqlite"])
    assert result.exit_code == 1 and "bad.csv:2: kind 'koran'" in result.output
    good = here / "good.csv"
    good.write_text(bad.read_text().replace("koran", "dinas"))
    result = runner.invoke(cli, ["crawl", "--sources", str(good), "--only", "nope"])
    assert result.exit_code == 1 and "unknown source(s) nope" in result.output
    result = runner.invoke(cli, ["korpus", "stats", "--store", "missing.sqlite"])
    assert result.exit_code == 2  # click: path does not exist
    result = runner.invoke(cli, ["crawl", "--sources", str(good), "--since", "11/10/2023"])
    assert result.exit_code == 2 and "--since" in result.output


def test_help_is_fast_and_imports_no_crawler() -> None:
    code = ("import sys, time; t = time.perf_counter(); import pugnlp.cli; "
            "print(time.perf_counter() - t, 'scrapy' in sys.modules, 'trafilatura' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    seconds, scrapy_loaded, trafilatura_loaded = out.stdout.split()
    assert scrapy_loaded == "False" and trafilatura_loaded == "False"
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pugnlp", "--help"], capture_output=True, check=True)
    assert time.perf_counter() - start < 0.5 + 1.0  # interpreter start-up included
    assert float(seconds) < 0.5
