"""`pugnlp dataset` and `pugnlp report` through the command line, good and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from pugnlp.cli import cli
from pugnlp.dataset.install import LOCK

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "dataset" / "fixtures" / "events_fixture.jsonl"


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def records_file(tmp_path: Path, change=None) -> Path:
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    if change:
        change(records)
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_dataset_then_report(tmp_path):
    out = tmp_path / "keluaran"
    result = run("dataset", str(FIXTURE), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "72 records" in result.output and "-> 39 events" in result.output
    assert (out / "events.csv").exists() and (out / "wilayah_summary.parquet").exists()
    report = run("report", "--dataset", str(out))
    assert report.exit_code == 0, report.output
    html = (out / "laporan.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "11 Oktober 2023" in html


def test_dataset_only_some_formats(tmp_path):
    out = tmp_path / "k"
    assert run("dataset", str(FIXTURE), "-o", str(out), "--format", "csv").exit_code == 0
    assert {p.suffix for p in out.iterdir() if p.name != LOCK} == {".csv", ".json"}


def test_missing_column_is_a_clear_error_and_writes_nothing(tmp_path):
    def drop(records):
        del records[3]["kab_kota_code"]

    out = tmp_path / "keluaran"
    result = run("dataset", str(records_file(tmp_path, drop)), "-o", str(out))
    assert result.exit_code == 1
    assert "records.jsonl:4: missing column(s) kab_kota_code" in result.output
    assert not out.exists() or not any(out.iterdir())


def test_wrong_schema_version_is_a_clear_error(tmp_path):
    def old(records):
        for r in records:
            r["schema_version"] = "0.9"

    out = tmp_path / "keluaran"
    result = run("dataset", str(records_file(tmp_path, old)), "-o", str(out))
    assert result.exit_code == 1
    assert "schema_version '0.9' cannot be read" in result.output
    assert not out.exists() or not any(out.iterdir())


def test_unwritable_output_folder(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    result = run("dataset", str(FIXTURE), "-o", str(blocker / "keluaran"))
    assert result.exit_code == 1
    assert "cannot write the dataset" in result.output
    assert blocker.read_text(encoding="utf-8") == "x"


def test_read_only_output_folder(tmp_path, monkeypatch):
    """A folder the user may not write into (simulated: the tests may run as root, who can)."""
    import tempfile

    out = tmp_path / "keluaran"
    out.mkdir()

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(out))

    monkeypatch.setattr(tempfile, "mkdtemp", denied)
    result = run("dataset", str(FIXTURE), "-o", str(out))
    assert result.exit_code == 1 and "cannot write the dataset" in result.output
    assert [p.name for p in out.iterdir()] in ([], [LOCK])  # the lock: an empty, hidden file


def test_failed_rerun_keeps_the_published_dataset(tmp_path):
    out = tmp_path / "keluaran"
    assert run("dataset", str(FIXTURE), "-o", str(out)).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    bad = records_file(tmp_path, lambda rs: rs[0].update(schema_version="2.0"))
    assert run("dataset", str(bad), "-o", str(out)).exit_code == 1
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_no_input_and_dictionary(tmp_path):
    result = run("dataset", "-o", str(tmp_path / "k"))
    assert result.exit_code != 0 and "no INPUT given" in result.output
    docs = run("dataset", "--dictionary")
    assert docs.exit_code == 0
    assert docs.output == (ROOT / "docs" / "dataset.md").read_text(encoding="utf-8")


def test_report_without_dataset(tmp_path):
    result = run("report", "--dataset", str(tmp_path / "kosong"))
    assert result.exit_code == 1 and "run `pugnlp dataset` first" in result.output
    assert not (tmp_path / "kosong" / "laporan.html").exists()


def test_report_unwritable_output(tmp_path):
    out = tmp_path / "keluaran"
    assert run("dataset", str(FIXTURE), "-o", str(out)).exit_code == 0
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = run("report", "--dataset", str(out), "-o", str(blocker / "laporan.html"))
    assert result.exit_code == 1 and "report not written" in result.output


def test_cli_import_stays_light():
    code = ("import sys, pugnlp.cli; "
            "print(any(m in sys.modules for m in ('pandas', 'pyarrow', 'jinja2')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, check=True)
    assert out.stdout.strip() == "False"


def sigi_store(tmp_path: Path) -> Path:
    from pugnlp.corpus.store import CorpusStore, Page
    from pugnlp.schema import Article

    text = ("Rakor Pokja PUG Kabupaten Sigi\n\nSIGI – Pemerintah Kabupaten Sigi menggelar rapat "
            "koordinasi Kelompok Kerja Pengarusutamaan Gender (PUG) di Aula Bappeda Sigi, "
            "Kamis (14/3/2024). Rapat dibuka Sekretaris Daerah Kabupaten Sigi Andi Rustam "
            "Sapada dan diikuti 35 peserta dari perangkat daerah.")
    store_path = tmp_path / "korpus.sqlite"
    with CorpusStore(store_path) as store:
        store.add_page(Page(url="https://sigikab.go.id/rakor-pug", source="sigi",
                            html=f"<html><body><p>{text}</p></body></html>",
                            article=Article(doc_id="x", text=text, title="Rakor Pokja PUG",
                                            url="https://sigikab.go.id/rakor-pug"),
                            kode_wilayah="72.10"))
    return store_path


def test_dataset_from_the_corpus_store(tmp_path):
    out = tmp_path / "keluaran"
    result = run("dataset", "--store", str(sigi_store(tmp_path)), "-o", str(out))
    assert result.exit_code == 0, result.output
    events = (out / "events.csv").read_text(encoding="utf-8-sig")
    assert "72.10" in events and "rapat_koordinasi" in events


def test_dataset_engine_dask_from_the_corpus_store(tmp_path, dask_cluster):
    store = sigi_store(tmp_path)
    local = run("dataset", "--store", str(store), "-o", str(tmp_path / "local"), "--rules-only")
    assert local.exit_code == 0, local.output
    out = tmp_path / "dask"
    dask = run("dataset", "--store", str(store), "-o", str(out), "--rules-only", "--engine",
               "dask", "--scheduler", dask_cluster.scheduler_address)
    assert dask.exit_code == 0, dask.output
    assert [p.name for p in (out / "rekaman-korpus").iterdir()] == ["part-00000.parquet"]
    for name in ("events.csv", "mentions.jsonl", "officials.csv"):
        assert (out / name).read_bytes() == (tmp_path / "local" / name).read_bytes()


def test_dataset_engine_dask_local_cluster_gives_the_same_tables(tmp_path):
    local = run("dataset", str(FIXTURE), "-o", str(tmp_path / "local"))
    # without --scheduler: the command starts (and stops) a local cluster
    dask = run("dataset", str(FIXTURE), "-o", str(tmp_path / "dask"), "--engine", "dask",
               "--workers", "1")
    assert dask.exit_code == 0, dask.output
    lines = dask.output.replace(str(tmp_path / "dask"), str(tmp_path / "local")).splitlines()
    expected = local.output.splitlines()
    assert "changes: not logged (the Dask engine writes no change log)" in lines
    assert "changes: baru 39, diperbarui 0, dihapus 0 (perubahan.csv)" in expected
    same = [n for n, line in enumerate(expected)
            if not line.startswith("changes:") and "files written" not in line]
    assert [lines[n] for n in same] == [expected[n] for n in same]
    for name in ("events.csv", "mentions.jsonl", "agencies.csv"):
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "local" / name).read_bytes()


def test_dataset_engine_dask_bad_record_writes_nothing(tmp_path, dask_cluster):
    def drop(records):
        del records[3]["kab_kota_code"]

    out = tmp_path / "keluaran"
    result = run("dataset", str(records_file(tmp_path, drop)), "-o", str(out), "--engine", "dask",
                 "--scheduler", dask_cluster.scheduler_address)
    assert result.exit_code == 1
    assert "dataset not written: " in result.output
    assert "records.jsonl:4: missing column(s) kab_kota_code" in result.output
    assert not out.exists() or [p.name for p in out.iterdir()] in ([], [LOCK])  # lock: empty
