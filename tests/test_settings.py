"""pugnlp.settings: defaults, then pugnlp.toml (or --config), then flags; one Settings per CLI
run, handed to every command."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pugnlp.cli import cli
from pugnlp.errors import PugnlpError
from pugnlp.settings import Settings, load_settings

RELEASE = ("Rakor PUG Kota Palu\n\nPALU – DP3A Kota Palu menggelar rakor Pokja PUG di Aula "
           "Kantor Wali Kota Palu, Rabu (11/10/2023).\n")


def test_a_file_overrides_defaults_and_overrides_win(tmp_path: Path) -> None:
    config = tmp_path / "pugnlp.toml"
    config.write_text('[pugnlp]\nmodel_dir = "m"\ndownload_delay = 8.0\nworkers = 2\n',
                      encoding="utf-8")
    settings = load_settings(config)
    assert settings.model_dir == Path("m") and settings.download_delay == 8.0
    assert settings.workers == 2 and settings.store_path == Settings().store_path
    assert load_settings(config, workers=3, model_dir=None).workers == 3


def test_unknown_keys_and_missing_files_are_errors(tmp_path: Path) -> None:
    config = tmp_path / "pugnlp.toml"
    config.write_text('modle_dir = "m"\n', encoding="utf-8")
    with pytest.raises(PugnlpError, match="unknown setting 'modle_dir'"):
        load_settings(config)
    with pytest.raises(PugnlpError, match="not found"):
        load_settings(tmp_path / "none.toml")


def test_extract_reads_the_model_dir_of_pugnlp_toml(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text(RELEASE, encoding="utf-8")
    Path("pugnlp.toml").write_text('model_dir = "tidak-ada"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", "a.txt", "-o", "o.jsonl", "--no-progress"])
    assert result.exit_code == 1 and "tidak-ada" in result.output
    # the flag wins over the file
    result = CliRunner().invoke(cli, ["extract", "a.txt", "-o", "o.jsonl", "--no-progress",
                                      "--rules-only"])
    assert result.exit_code == 0, result.output


def test_config_option_names_a_settings_file(tmp_path: Path) -> None:
    bad = tmp_path / "x.toml"
    bad.write_text("workers = 2\nfoo = 1\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--config", str(bad), "schema"])
    assert result.exit_code == 1 and "unknown setting 'foo'" in result.output
    assert "Traceback" not in result.output


def test_report_and_dataset_default_to_the_output_dir_setting(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:
    monkeypatch.chdir(tmp_path)
    Path("pugnlp.toml").write_text('output_dir = "hasil"\n', encoding="utf-8")
    Path("a.txt").write_text(RELEASE, encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(cli, ["extract", "a.txt", "-o", "r.jsonl", "--rules-only",
                               "--no-progress"]).exit_code == 0
    result = runner.invoke(cli, ["dataset", "r.jsonl", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "hasil" / "events.csv").exists()
