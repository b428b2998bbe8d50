"""`pugnlp annotate` through CliRunner: export, import, build-drafts, stats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pugnlp.cli import cli

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "annotate" / "fixtures"

RELEASE = """Sosialisasi PUG bagi Kader PKK Kota Palu

PALU – Dinas Pemberdayaan Perempuan dan Perlindungan Anak (DP3A) Kota Palu menggelar \
sosialisasi pengarusutamaan gender bagi kader PKK di Aula Kantor Wali Kota Palu, Selasa \
(5/3/2024). Kegiatan dibuka Kepala DP3A Kota Palu Sitti Norma dan diikuti 60 kader.
"""


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def rules_pipeline(monkeypatch: pytest.MonkeyPatch, rules_nlp) -> None:  # noqa: ANN001
    """The export's pipeline, the session's rule pipeline (no second build)."""
    from pugnlp.events import loader

    monkeypatch.setattr(loader, "load", lambda model_dir=None, rules_only=False: rules_nlp)


@pytest.fixture()
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "artikel"
    folder.mkdir()
    (folder / "palu_01.txt").write_text(RELEASE, encoding="utf-8")
    (folder / "kosong.txt").write_text("", encoding="utf-8")
    return folder


def test_export_labelstudio_writes_tasks_and_config(runner: CliRunner, articles: Path,
                                                    tmp_path: Path, rules_pipeline: None) -> None:
    out = tmp_path / "tugas.json"
    result = runner.invoke(cli, ["annotate", "export", str(articles), "--format", "labelstudio",
                                 "-o", str(out), "--rules-only"])
    assert result.exit_code == 1, result.output            # the empty file is reported
    assert "kosong.txt: empty file" in result.output
    assert "1 labelstudio tasks" in result.output and "labeling config" in result.output
    [task] = json.loads(out.read_text(encoding="utf-8"))
    assert task["data"]["doc_id"] == "palu_01" and task["predictions"][0]["result"]
    assert (tmp_path / "tugas.config.xml").read_text(encoding="utf-8").startswith("<View>")


def test_export_doccano_then_import(runner: CliRunner, articles: Path, tmp_path: Path,
                                    rules_pipeline: None) -> None:
    (articles / "kosong.txt").unlink()
    out, corpus = tmp_path / "tugas.jsonl", tmp_path / "dokumen.jsonl"
    result = runner.invoke(cli, ["annotate", "export", str(articles), "--format", "doccano",
                                 "-o", str(out), "--rules-only"])
    assert result.exit_code == 0, result.output
    row = json.loads(out.read_text(encoding="utf-8"))
    assert row["doc_id"] == "palu_01" and row["label"]
    result = runner.invoke(cli, ["annotate", "import", str(out), "--into", str(corpus)])
    assert result.exit_code == 0, result.output
    assert f"{corpus}: added 1, replaced 0, unchanged 0 (written)" in result.output


def test_import_hand_written_exports(runner: CliRunner, tmp_path: Path) -> None:
    corpus = tmp_path / "dokumen.jsonl"
    result = runner.invoke(cli, ["annotate", "import", str(FIXTURES / "labelstudio_export.json"),
                                 str(FIXTURES / "doccano_export.jsonl"), "--into", str(corpus)])
    assert result.exit_code == 0, result.output
    assert "added 4, replaced 0, unchanged 0 (written)" in result.output
    assert "skipped 1 task(s) without a submitted annotation" in result.output
    assert len(corpus.read_text(encoding="utf-8").splitlines()) == 4


def test_import_of_a_bad_file_fails_and_merges_nothing(runner: CliRunner, tmp_path: Path) -> None:
    corpus = tmp_path / "dokumen.jsonl"
    bad = tmp_path / "koreksi.jsonl"
    good_line = (FIXTURES / "doccano_export.jsonl").read_text(encoding="utf-8").splitlines()[0]
    row = json.loads(good_line)
    row["label"].append([0, 11, "TOKOH"])
    bad.write_text(good_line.replace('"dc_001"', '"dc_009"') + "\n" + json.dumps(row) + "\n",
                   encoding="utf-8")
    result = runner.invoke(cli, ["annotate", "import", str(bad), "--into", str(corpus)])
    assert result.exit_code == 1
    assert f"REJECTED {bad}: 1 error(s), nothing merged from it" in result.output
    assert f"{bad}:2: span [0, 11, 'TOKOH'] has unknown label 'TOKOH'" in result.output
    assert "Error: 1 file(s) rejected" in result.output
    assert not corpus.exists()


def test_import_check_writes_nothing(runner: CliRunner, tmp_path: Path) -> None:
    corpus = tmp_path / "dokumen.jsonl"
    result = runner.invoke(cli, ["annotate", "import", str(FIXTURES / "doccano_export.jsonl"),
                                 "--into", str(corpus), "--check"])
    assert result.exit_code == 0 and "not written: check only" in result.output
    assert not corpus.exists()


def test_import_into_a_broken_corpus_is_an_error(runner: CliRunner, tmp_path: Path) -> None:
    corpus = tmp_path / "dokumen.jsonl"
    corpus.write_text('{"id": "x", "text": "abc", "label": [[0, 9, "PER"]]}\n', encoding="utf-8")
    result = runner.invoke(cli, ["annotate", "import", str(FIXTURES / "doccano_export.jsonl"),
                                 "--into", str(corpus)])
    assert result.exit_code == 1
    assert f"Error: {corpus}:1: span [0, 9, 'PER'] is outside the text" in result.output
    assert "Traceback" not in result.output


def test_build_drafts(runner: CliRunner, tmp_path: Path) -> None:
    drafts, out = tmp_path / "draft", tmp_path / "dokumen.jsonl"
    drafts.mkdir()
    draft = {"id": "d1", "text": "Rakor PUG di Kota Palu dibuka Sitti Norma.", "relevant": True,
             "event_type": "rapat_koordinasi",
             "mentions": {"LOC": ["Kota Palu"], "PER": ["Sitti Norma"]}}
    (drafts / "part.jsonl").write_text(json.dumps(draft) + "\n", encoding="utf-8")
    result = runner.invoke(cli, ["annotate", "build-drafts", str(drafts), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))["label"] == [[13, 22, "LOC"],
                                                                    [30, 41, "PER"]]
    draft["mentions"]["PER"] = ["Siti Norma"]
    (drafts / "part.jsonl").write_text(json.dumps(draft) + "\n", encoding="utf-8")
    result = runner.invoke(cli, ["annotate", "build-drafts", str(drafts), "-o", str(out)])
    assert result.exit_code == 1 and "PER mention 'Siti Norma' does not occur" in result.output
    # one draft file alone, checked into a scratch corpus
    draft["mentions"]["PER"] = ["Sitti Norma"]
    (drafts / "part.jsonl").write_text(json.dumps(draft) + "\n", encoding="utf-8")
    scratch = tmp_path / "scratch.jsonl"
    result = runner.invoke(cli, ["annotate", "build-drafts", str(drafts / "part.jsonl"),
                                 "-o", str(scratch)])
    assert result.exit_code == 0, result.output
    assert json.loads(scratch.read_text(encoding="utf-8"))["id"] == "d1"


def test_stats_prints_the_counts(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["annotate", "stats", str(ROOT / "anotasi" / "dokumen.jsonl")])
    assert result.exit_code == 0
    assert "| documents |" in result.output and "| `rapat_koordinasi` |" in result.output


@pytest.mark.parametrize("command", ["export", "import", "build-drafts", "stats"])
def test_annotate_commands_have_help(runner: CliRunner, command: str) -> None:
    result = runner.invoke(cli, ["annotate", command, "--help"])
    assert result.exit_code == 0 and "Usage: cli annotate" in result.output


def test_stats_write_docs_replaces_only_the_counts(runner: CliRunner, tmp_path: Path) -> None:
    from pugnlp.annotate.stats import BEGIN_MARK, END_MARK

    doc = tmp_path / "annotation.md"
    doc.write_text(f"# Judul\n\n{BEGIN_MARK}\nlama\n{END_MARK}\n\nEkor.\n", encoding="utf-8")
    result = runner.invoke(cli, ["annotate", "stats", str(ROOT / "anotasi" / "dokumen.jsonl"),
                                 "--write-docs", str(doc)])
    assert result.exit_code == 0, result.output
    text = doc.read_text(encoding="utf-8")
    assert text.startswith("# Judul\n\n") and text.endswith(f"{END_MARK}\n\nEkor.\n")
    assert "lama" not in text and "| documents |" in text
    doc.write_text("# tanpa penanda\n", encoding="utf-8")
    result = runner.invoke(cli, ["annotate", "stats", "--write-docs", str(doc),
                                 str(ROOT / "anotasi" / "dokumen.jsonl")])
    assert result.exit_code == 1 and f"Error: {doc}: no stats markers" in result.output


# -- export --select uncertain (issue 13) -----------------------------------------------------

CONTOH = ROOT / "korpus" / "contoh" / "teks"


@pytest.fixture()
def unannotated(tmp_path: Path) -> Path:
    """Four bundled releases (three relevant, one distractor) and a malformed JSONL file."""
    folder = tmp_path / "belum"
    folder.mkdir()
    for name in ("01_kalsel_rakor", "21_papua_lainnya", "30_malut_lainnya",
                 "37_banten_distraktor-kb"):
        (folder / f"{name}.txt").write_text((CONTOH / f"{name}.txt").read_text(encoding="utf-8"),
                                            encoding="utf-8")
    (folder / "rusak.jsonl").write_text('{"id": "r1", "text": "Rakor PUG\n', encoding="utf-8")
    return folder


def test_export_select_uncertain_ranks_skips_annotated_and_names_bad_files(
        runner: CliRunner, unannotated: Path, tmp_path: Path) -> None:
    anotasi = tmp_path / "dokumen.jsonl"
    text = (CONTOH / "01_kalsel_rakor.txt").read_text(encoding="utf-8")
    anotasi.write_text(json.dumps({"id": "01_kalsel_rakor", "text": text, "label": []}) + "\n",
                       encoding="utf-8")
    out = tmp_path / "tugas.jsonl"
    result = runner.invoke(cli, ["annotate", "export", str(unannotated), "--format", "doccano",
                                 "-o", str(out), "--select", "uncertain", "-n", "2",
                                 "--anotasi", str(anotasi), "--model-dir", str(ROOT / "model")])
    assert result.exit_code == 1, result.output              # the bad file is reported ...
    assert "rusak.jsonl:1: malformed JSON" in result.output
    assert "ranked 3 unannotated articles, picked 2 (skipped 1" in result.output  # ... the rest ranked
    ranked = [line for line in result.output.splitlines() if line.startswith(("  1. ", "  2. "))]
    assert len(ranked) == 2 and all("score" in line for line in ranked)
    assert "type margin" in result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 2 and "01_kalsel_rakor" not in {r["doc_id"] for r in rows}
    assert [r["doc_id"] for r in rows] == [line.split()[1] for line in ranked]


def test_export_select_reads_the_corpus_store(runner: CliRunner, tmp_path: Path,
                                              rules_pipeline: None) -> None:
    from pugnlp.article.html import text_to_article
    from pugnlp.corpus.store import CorpusStore, Page

    store = tmp_path / "korpus.sqlite"
    with CorpusStore(store) as db:
        for name in ("14_bali_rakor", "24_sulteng_sosialisasi"):
            article = text_to_article((CONTOH / f"{name}.txt").read_text(encoding="utf-8"), name)
            db.add_page(Page(f"https://humas.example.go.id/{name}", "humas", article,
                             "<html></html>"))
    out = tmp_path / "tugas.jsonl"
    result = runner.invoke(cli, ["annotate", "export", "--store", str(store), "--format",
                                 "doccano", "-o", str(out), "--select", "uncertain", "-n", "1",
                                 "--rules-only"])
    assert result.exit_code == 0, result.output
    assert "ranked 2 unannotated articles, picked 1" in result.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1


@pytest.mark.parametrize("args, message", [
    (["-n", "3"], "-n and --anotasi go with --select uncertain"),
    ([], "give PATH... or --store"),
])
def test_export_select_options_are_checked(runner: CliRunner, tmp_path: Path, articles: Path,
                                           args: list[str], message: str) -> None:
    paths = [str(articles)] if args else []
    result = runner.invoke(cli, ["annotate", "export", *paths, "--format", "doccano", "-o",
                                 str(tmp_path / "x.jsonl"), *args])
    assert result.exit_code != 0 and message in result.output
