"""The extraction CLI through CliRunner: formats, bad inputs, atomic output, help texts."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pugnlp.cli import cli

ROOT = Path(__file__).resolve().parents[1]

RELEASE = """Rakor Pokja PUG Kabupaten Sigi Bahas Data Terpilah

SIGI – Pemerintah Kabupaten Sigi melalui DP3AP2KB Kabupaten Sigi menggelar Rapat Koordinasi
Kelompok Kerja Pengarusutamaan Gender (PUG) di Aula Bappeda Sigi, Kamis (14/3/2024).
Rapat dibuka Sekretaris Daerah Kabupaten Sigi Andi Rustam Sapada dan diikuti 35 peserta.

Kepala DP3AP2KB Kabupaten Sigi, Hj. Nurlaela Tombolotutu, S.Sos, M.Si, menyampaikan bahwa
data terpilah menjadi syarat evaluasi PUG tahun ini.

Baca Juga: Bupati Donggala Resmikan Pasar Rakyat di Banawa

Leave a Reply
Alamat email Anda tidak akan dipublikasikan.
"""


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def release_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "sigi_rakor.txt").write_text(RELEASE, encoding="utf-8")
    return folder


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_extract_jsonl_fields_and_evidence(runner: CliRunner, release_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = runner.invoke(cli, ["extract", str(release_dir), "-o", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    (record,) = _records(out)
    assert record["doc_id"] == "sigi_rakor"
    assert record["relevant"] is True and record["event_type"] == "rapat_koordinasi"
    assert record["event_date"] == "2024-03-14"
    assert (record["kab_kota"], record["kab_kota_code"]) == ("Kabupaten Sigi", "72.10")
    assert (record["province"], record["province_code"]) == ("Sulawesi Tengah", "72")
    assert record["participants"] == 35
    names = {o["name"] for o in record["officials"]}
    assert {"Andi Rustam Sapada", "Nurlaela Tombolotutu"} <= names
    text = record["text"]
    assert "Baca Juga" not in text and "Banawa" not in text and "Leave a Reply" not in text
    for official in record["officials"]:
        ev = official["evidence"]
        assert text[ev["start"]:ev["end"]] == official["name"]
    for venue in record["venues"]:
        assert text[venue["evidence"]["start"]:venue["evidence"]["end"]] == venue["name"]


def test_extract_csv_opens_in_a_spreadsheet(runner: CliRunner, release_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    result = runner.invoke(cli, ["extract", str(release_dir), "-o", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM so spreadsheets read it as UTF-8"
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert rows[0]["kab_kota_code"] == "72.10"
    assert '"72.10"' in raw.decode("utf-8-sig"), "codes are quoted text, not numbers"
    assert rows[0]["event_date"] == "2024-03-14"
    assert "text" not in rows[0]


def test_extract_parquet_round_trip(runner: CliRunner, release_dir: Path, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    out = tmp_path / "out.parquet"
    result = runner.invoke(cli, ["extract", str(release_dir), "-o", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    table = pq.read_table(out).to_pylist()
    assert table[0]["kab_kota_code"] == "72.10"
    assert table[0]["officials"][0]["evidence"]["start"] >= 0
    assert all(a["text"] for a in table[0]["agencies"])


def test_bad_inputs_are_named_and_the_rest_is_processed(runner: CliRunner, release_dir: Path,
                                                        tmp_path: Path) -> None:
    (release_dir / "empty.txt").write_text("", encoding="utf-8")
    (release_dir / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    (release_dir / "latin1.txt").write_bytes("Rapat koordinasi di Aula Dinas, Pemberdayaan "
                                             "Perempuan Kabupaten Sigi dibuka Bupati".encode("latin-1") + b"\xe9")
    (release_dir / "menu.html").write_text("<html><body><nav><a href='/'>Beranda</a></nav></body></html>",
                                           encoding="utf-8")
    (release_dir / "huge.txt").write_text("kata " * 1_100_000, encoding="utf-8")
    (release_dir / "batch.jsonl").write_text(
        json.dumps({"id": "ok-line", "text": RELEASE}) + "\n{not json\n"
        + json.dumps({"id": "no-text"}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(cli, ["extract", str(release_dir), "-o", str(out), "--no-progress"])
    assert result.exit_code == 1
    output = result.output
    for name, reason in (("empty.txt", "empty"), ("binary.txt", "binary"), ("latin1.txt", "UTF-8"),
                         ("menu.html", "without article"), ("huge.txt", "too large"),
                         ("batch.jsonl:2", "malformed JSON"), ("batch.jsonl:3", "no `text`")):
        assert name in output and reason in output, (name, reason, output)
    ids = {r["doc_id"] for r in _records(out)}
    assert ids == {"sigi_rakor", "ok-line"}


def test_failed_run_leaves_previous_output_intact(runner: CliRunner, release_dir: Path,
                                                  tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("previous\n", encoding="utf-8")
    import pugnlp.events.output as export

    def explode(*args, **kwargs):  # noqa: ANN002, ANN003
        raise RuntimeError("disk full")

    monkeypatch.setattr(export.json, "dumps", explode)
    result = runner.invoke(cli, ["extract", str(release_dir), "-o", str(out), "--no-progress"])
    assert result.exit_code != 0
    assert out.read_text(encoding="utf-8") == "previous\n"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_unwritable_output_is_a_clear_error(runner: CliRunner, release_dir: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = runner.invoke(cli, ["extract", str(release_dir), "-o", str(blocker / "out.jsonl"),
                                 "--no-progress"])
    assert result.exit_code == 1
    assert "Error:" in result.output and "cannot write" in result.output
    assert "Traceback" not in result.output


def test_missing_path_is_rejected_before_work(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["extract", str(tmp_path / "nope"), "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_run_on_bundled_corpus(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    out = tmp_path / "keluaran"
    result = runner.invoke(cli, ["run", "-o", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    records = _records(out / "rekaman.jsonl")
    assert len(records) == len(list((ROOT / "korpus/contoh/teks").glob("*.txt")))
    assert (out / "rekaman.csv").exists()
    assert "relevant:" in result.output


def _commands(group, prefix=()):  # noqa: ANN001, ANN202
    import click

    for name, command in group.commands.items():
        yield prefix + (name,), command
        if isinstance(command, click.Group):
            yield from _commands(command, prefix + (name,))


@pytest.mark.parametrize("path", [p for p, _ in _commands(cli)], ids=" ".join)
def test_every_command_has_help_and_is_documented(runner: CliRunner, path: tuple[str, ...]) -> None:
    result = runner.invoke(cli, [*path, "--help"])
    assert result.exit_code == 0
    command = dict(_commands(cli))[path]
    assert (command.help or "").strip(), f"pugnlp {' '.join(path)} has no help text"
    docs = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert f"pugnlp {' '.join(path)}" in docs, f"`pugnlp {' '.join(path)}` missing from docs/cli.md"


def test_help_is_fast_and_imports_nothing_heavy() -> None:
    import subprocess
    import sys

    code = ("import sys, pugnlp.cli; heavy = [m for m in ('spacy', 'pandas', 'sklearn', "
            "'trafilatura', 'scrapy', 'pyarrow') if m in sys.modules]; print(heavy)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_cli_docs_are_generated_from_help() -> None:
    from pugnlp.cli_docs import render_cli_docs

    documented = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert documented == render_cli_docs(cli), "run `python -m pugnlp.cli_docs > docs/cli.md`"


def test_train_says_what_a_missing_public_corpus_is_and_where_to_get_it(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["train", "--ner-corpora", str(tmp_path),
                                      "--out", str(tmp_path / "m")])
    assert result.exit_code != 0
    assert "idner-news-2k/train.txt: missing" in result.output
    assert "github.com/khairunnisaor/idner-news-2k" in result.output
    assert not (tmp_path / "m").exists()


def test_extract_engine_dask_writes_part_files(runner: CliRunner, release_dir: Path,
                                               tmp_path: Path, dask_cluster) -> None:
    (release_dir / "kosong.txt").write_text("", encoding="utf-8")
    out = tmp_path / "rekaman"
    result = runner.invoke(cli, ["extract", str(release_dir), "-o", str(out), "--rules-only",
                                 "--no-progress", "--engine", "dask", "--scheduler",
                                 dask_cluster.scheduler_address])
    assert result.exit_code == 1, result.output  # the empty file was skipped, and said so
    assert f"skipped {release_dir / 'kosong.txt'}: empty file" in result.output
    assert f"1 articles -> {out}" in result.output
    local = runner.invoke(cli, ["extract", str(release_dir / "sigi_rakor.txt"), "-o",
                                str(tmp_path / "r.jsonl"), "--rules-only"])
    assert local.exit_code == 0, local.output
    from pugnlp.records_io import read_records

    assert list(read_records(out)) == list(read_records(tmp_path / "r.jsonl"))


@pytest.mark.parametrize("args, message", [
    (["--scheduler", "tcp://127.0.0.1:8786"], "--scheduler needs --engine dask"),
    (["--engine", "dask", "--format", "csv"], "writes Parquet part files, not csv"),
])
def test_extract_engine_options_are_checked(runner: CliRunner, release_dir: Path,
                                            tmp_path: Path, args: list[str],
                                            message: str) -> None:
    result = runner.invoke(cli, ["extract", str(release_dir), "-o", str(tmp_path / "r"), *args])
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output


def test_engine_dask_without_the_extra_says_how_to_install_it(
        runner: CliRunner, release_dir: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "distributed", None)  # as if not installed
    result = runner.invoke(cli, ["extract", str(release_dir), "-o", str(tmp_path / "r"),
                                 "--engine", "dask"])
    assert result.exit_code == 1
    assert 'needs the dask extra (distributed is not installed): pip install -e ".[dask]"' \
        in result.output
    assert not (tmp_path / "r").exists()


def test_an_unreachable_scheduler_is_a_clear_error(runner: CliRunner, release_dir: Path,
                                                   tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    monkeypatch.setattr("pugnlp.cluster.CONNECT_TIMEOUT", "2s")
    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = runner.invoke(cli, ["extract", str(release_dir), "-o", str(tmp_path / "r"),
                                 "--rules-only", "--engine", "dask", "--scheduler",
                                 f"tcp://127.0.0.1:{port}"])
    assert result.exit_code == 1
    assert f"tcp://127.0.0.1:{port}: cannot reach the Dask scheduler" in result.output
    assert not (tmp_path / "r").exists() and list(tmp_path.iterdir()) == [release_dir]
