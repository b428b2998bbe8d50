"""pugnlp.events.loader: loading the trained pipeline, with checks (missing, corrupt, other
versions), and what a loaded pipeline gives."""

from __future__ import annotations

import gc
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pugnlp.cli import cli
from pugnlp.errors import ModelError
from pugnlp.events.loader import (
    CARD_KEY,
    LEARNED_PIPES,
    RULE_PIPES,
    describe,
    extract_articles,
    load,
    read_card,
)

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "model"
RELEVANCE = Path("pug_classifier") / "relevance.skops"
EVENT_TYPE = Path("pug_classifier") / "event_type.skops"


@pytest.fixture(scope="module")
def shipped():  # noqa: ANN201
    return load(SHIPPED)


@pytest.fixture()
def model_copy(tmp_path: Path) -> Path:
    target = tmp_path / "model"
    shutil.copytree(SHIPPED, target)
    return target


def _edit_card(folder: Path, **changes: object) -> None:
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    meta[CARD_KEY].update(changes)
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")


def test_shipped_pipeline_loads_in_the_declared_order_and_is_small(shipped) -> None:  # noqa: ANN001
    assert tuple(shipped.pipe_names) == RULE_PIPES + LEARNED_PIPES
    assert describe(shipped) == "rules + classifier + entity model"
    size = sum(p.stat().st_size for p in SHIPPED.rglob("*") if p.is_file())
    assert size <= 50_000_000


def test_rules_only_has_no_learned_component() -> None:
    nlp = load(SHIPPED, rules_only=True)
    assert tuple(nlp.pipe_names) == RULE_PIPES
    assert describe(nlp) == "rules"


def test_a_folder_without_a_pipeline_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="pugnlp train"):
        load(tmp_path)


def test_no_default_pipeline_means_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    import pugnlp.events.loader as loader

    monkeypatch.setattr(loader, "default_model_dir", lambda: None)
    assert describe(load()) == "rules"


def test_loading_leaves_the_garbage_collector_as_it_found_it(model_copy: Path) -> None:
    (model_copy / RELEVANCE).write_bytes(b"not a zip")
    assert gc.isenabled()
    with pytest.raises(ModelError):
        load(model_copy)
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0  # objects frozen while loading are thawed
    gc.disable()
    try:
        load(SHIPPED)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_corrupt_classifier_names_file_and_fix(model_copy: Path) -> None:
    (model_copy / EVENT_TYPE).write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ModelError) as err:
        load(model_copy)
    assert "event_type.skops" in str(err.value) and "pugnlp train" in str(err.value)


@pytest.mark.parametrize("component", ["pug_agency_select", "pug_official_select"])
def test_selectors_are_loaded_with_their_threshold(shipped, component: str) -> None:  # noqa: ANN001
    card = read_card(SHIPPED)
    key = component.removeprefix("pug_").replace("select", "selector")
    assert shipped.get_pipe(component).threshold == card[key]["threshold"]


@pytest.mark.parametrize("component", ["pug_agency_select", "pug_official_select"])
def test_missing_selector_names_file_and_fix(model_copy: Path, component: str) -> None:
    (model_copy / component / "model.skops").unlink()
    with pytest.raises(ModelError) as err:
        load(model_copy)
    assert f"{component}/model.skops" in str(err.value) and "pugnlp train" in str(err.value)


def test_a_selector_without_threshold_is_refused(model_copy: Path) -> None:
    shutil.copy(model_copy / RELEVANCE, model_copy / "pug_agency_select" / "model.skops")
    with pytest.raises(ModelError, match="not a selector with a threshold"):
        load(model_copy)


def test_missing_entity_model(model_copy: Path) -> None:
    shutil.rmtree(model_copy / "pug_entities")
    with pytest.raises(ModelError, match="entity model missing"):
        load(model_copy)


def test_version_mismatch_is_refused(model_copy: Path) -> None:
    versions = dict(read_card(model_copy)["versions"], **{"scikit-learn": "0.24.2"})
    _edit_card(model_copy, versions=versions)
    with pytest.raises(ModelError, match="scikit-learn 0.24.2"):
        load(model_copy)


def test_untrusted_type_is_refused(tmp_path: Path) -> None:
    """A file holding a type outside skops' defaults and TRUSTED_TYPES refuses to load."""
    import zipfile
    from fractions import Fraction

    import skops.io as sio

    from pugnlp.events.classify import load_model

    path = tmp_path / "evil.skops"
    path.write_bytes(sio.dumps({"x": Fraction(1, 3)}, compression=zipfile.ZIP_DEFLATED))
    with pytest.raises(ModelError, match="untrusted types.*Fraction"):
        load_model(path)


def test_cli_reports_a_bad_model_without_traceback(model_copy: Path, tmp_path: Path) -> None:
    (model_copy / RELEVANCE).write_bytes(b"garbage")
    article = tmp_path / "a.txt"
    article.write_text("Rakor PUG di Aula Bappeda Sigi, Kamis (14/3/2024), dibuka Sekda Sigi.",
                       encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(article), "-o", str(tmp_path / "o.jsonl"),
                                      "--model-dir", str(model_copy), "--no-progress"])
    assert result.exit_code == 1
    assert "Error:" in result.output and "relevance.skops" in result.output
    assert "Traceback" not in result.output


def test_learned_pipeline_fills_scores(shipped) -> None:  # noqa: ANN001
    from pugnlp.article.html import text_to_article

    text = ("Bimtek PPRG bagi Perencana OPD Kota Palu\n\nPALU – Dinas Pemberdayaan Perempuan dan "
            "Perlindungan Anak (DP3A) Kota Palu menggelar bimbingan teknis perencanaan dan "
            "penganggaran responsif gender (PPRG) bagi perencana perangkat daerah di Hotel "
            "Santika Palu, Selasa (7/5/2024). Kegiatan diikuti 40 peserta.")
    record = next(extract_articles(shipped, [text_to_article(text, "palu")]))
    assert record.relevant and record.event_type == "bimtek_pelatihan"
    assert 0.5 <= record.relevant_score <= 1.0 and 0.0 < record.event_type_score <= 1.0
