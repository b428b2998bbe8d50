"""Trained models: loading checks (missing, corrupt, other versions) and the refinement rule."""

from __future__ import annotations

import gc
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pugnlp.cli import cli
from pugnlp.errors import ModelError
from pugnlp.models import (
    AGENCY_FILE,
    CARD_FILE,
    NER_DIR,
    OFFICIAL_FILE,
    RELEVANCE_FILE,
    TYPE_FILE,
    load_models,
)

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "model"


@pytest.fixture()
def model_copy(tmp_path: Path) -> Path:
    target = tmp_path / "model"
    shutil.copytree(SHIPPED, target)
    return target


def test_shipped_models_load_and_are_small() -> None:
    classifier, entity_model = load_models(SHIPPED, required=True)
    assert classifier is not None and entity_model is not None
    size = sum(p.stat().st_size for p in SHIPPED.rglob("*") if p.is_file())
    assert size <= 50_000_000


def test_no_card_means_rules_unless_required(tmp_path: Path) -> None:
    assert load_models(tmp_path) == (None, None)
    with pytest.raises(ModelError, match="pugnlp train"):
        load_models(tmp_path, required=True)


def test_loading_leaves_the_garbage_collector_as_it_found_it(model_copy: Path) -> None:
    (model_copy / RELEVANCE_FILE).write_bytes(b"not a zip")
    assert gc.isenabled()
    with pytest.raises(ModelError):
        load_models(model_copy, required=True)
    assert gc.isenabled()
    gc.disable()
    try:
        load_models(SHIPPED, required=True)
        assert not gc.isenabled()
    finally:
        gc.enable()
    assert gc.get_freeze_count() == 0  # objects frozen while loading are thawed


def test_corrupt_classifier_names_file_and_fix(model_copy: Path) -> None:
    (model_copy / TYPE_FILE).write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ModelError) as err:
        load_models(model_copy)
    assert TYPE_FILE in str(err.value) and "pugnlp train" in str(err.value)


def test_shipped_agency_selector_is_loaded_with_its_threshold() -> None:
    card = json.loads((SHIPPED / CARD_FILE).read_text(encoding="utf-8"))
    _, entity_model = load_models(SHIPPED, required=True)
    assert entity_model is not None and entity_model.agency_selector is not None
    assert entity_model.agency_selector.threshold == card["agency_selector"]["threshold"]


def test_shipped_official_selector_is_loaded_with_its_threshold() -> None:
    card = json.loads((SHIPPED / CARD_FILE).read_text(encoding="utf-8"))
    _, entity_model = load_models(SHIPPED, required=True)
    assert entity_model is not None and entity_model.official_selector is not None
    assert entity_model.official_selector.threshold == card["official_selector"]["threshold"]


def test_missing_official_selector_names_file_and_fix(model_copy: Path) -> None:
    (model_copy / OFFICIAL_FILE).unlink()
    with pytest.raises(ModelError) as err:
        load_models(model_copy)
    assert OFFICIAL_FILE in str(err.value) and "pugnlp train" in str(err.value)


def test_missing_agency_selector_names_file_and_fix(model_copy: Path) -> None:
    (model_copy / AGENCY_FILE).unlink()
    with pytest.raises(ModelError) as err:
        load_models(model_copy)
    assert AGENCY_FILE in str(err.value) and "pugnlp train" in str(err.value)


def test_missing_entity_model(model_copy: Path) -> None:
    shutil.rmtree(model_copy / NER_DIR)
    with pytest.raises(ModelError, match="entity model missing"):
        load_models(model_copy)


def test_version_mismatch_is_refused(model_copy: Path) -> None:
    card = json.loads((model_copy / CARD_FILE).read_text(encoding="utf-8"))
    card["versions"]["scikit-learn"] = "0.24.2"
    (model_copy / CARD_FILE).write_text(json.dumps(card), encoding="utf-8")
    with pytest.raises(ModelError, match="scikit-learn 0.24.2"):
        load_models(model_copy)


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
    (model_copy / RELEVANCE_FILE).write_bytes(b"garbage")
    article = tmp_path / "a.txt"
    article.write_text("Rakor PUG di Aula Bappeda Sigi, Kamis (14/3/2024), dibuka Sekda Sigi.",
                       encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(article), "-o", str(tmp_path / "o.jsonl"),
                                      "--model-dir", str(model_copy), "--no-progress"])
    assert result.exit_code == 1
    assert "Error:" in result.output and RELEVANCE_FILE in result.output
    assert "Traceback" not in result.output


def test_learned_pipeline_fills_scores(tmp_path: Path) -> None:
    from pugnlp.article.html import text_to_article
    from pugnlp.events.pipeline import load_pipeline

    text = ("Bimtek PPRG bagi Perencana OPD Kota Palu\n\nPALU – Dinas Pemberdayaan Perempuan dan "
            "Perlindungan Anak (DP3A) Kota Palu menggelar bimbingan teknis perencanaan dan "
            "penganggaran responsif gender (PPRG) bagi perencana perangkat daerah di Hotel "
            "Santika Palu, Selasa (7/5/2024). Kegiatan diikuti 40 peserta.")
    record = load_pipeline(SHIPPED).extract(text_to_article(text, "palu"))
    assert record.relevant and record.event_type == "bimtek_pelatihan"
    assert 0.5 <= record.relevant_score <= 1.0 and 0.0 < record.event_type_score <= 1.0


def test_official_selector_trains_on_the_entity_models_persons(tmp_path: Path) -> None:
    from pugnlp.annotate.corpus import load_annotations
    from pugnlp.events.classify import load_model
    from pugnlp.models import _train_official_selector

    docs = load_annotations(ROOT / "anotasi")
    subset = ([d for d in docs if d.split == "train"]
              + [d for d in docs if d.split == "dev"][:30]
              + [d for d in docs if d.split == "test"][:20])
    shutil.copytree(SHIPPED / NER_DIR, tmp_path / NER_DIR)
    messages: list[str] = []
    card = _train_official_selector(subset, tmp_path, messages.append)
    assert 0.3 <= card["threshold"] <= 0.9
    assert set(card["scores"]) == {"dev", "test"}
    for split in card["scores"].values():
        # the selector only adds officials, and its threshold is chosen on dev
        assert split["documents"] > 0
    assert card["scores"]["dev"]["with_selected_officials_f1"] >= \
        card["scores"]["dev"]["rules_officials_f1"]
    model = load_model(tmp_path / OFFICIAL_FILE)
    assert list(model.classes_) == [False, True]
    assert any("persons the entity model finds" in m for m in messages)
