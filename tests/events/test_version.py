"""The pipeline version: one string for code + record schema + model card + entity backend,
the same whether computed before loading (to decide) or off the loaded pipeline (to store)."""

from __future__ import annotations

import json
import shutil

import pytest

from pugnlp.errors import ModelError
from pugnlp.events import version as v
from pugnlp.events.loader import default_model_dir, load
from pugnlp.schema import SCHEMA_VERSION


def test_rules_only_version_is_the_same_planned_and_loaded(rules_nlp):
    planned = v.planned_version(rules_only=True)
    assert planned == v.loaded_version(rules_nlp)
    assert planned.endswith(", rules") and f"records {SCHEMA_VERSION}" in planned


def test_trained_pipeline_version_is_the_same_planned_and_loaded():
    folder = default_model_dir()
    assert folder is not None, "the shipped pipeline is in model/"
    planned = v.planned_version(folder, entity_backend="spacy")
    assert planned == v.loaded_version(load(folder, entity_backend="spacy"))
    assert planned.endswith("(entities spacy)") and ", model " in planned
    assert planned != v.planned_version(rules_only=True)


def test_card_hash_follows_the_card_not_float_spelling():
    card = {"trained": "2026-12-01T10:00:00", "scores": {"f1": 0.9931}}
    assert v.card_hash(card) == v.card_hash({"scores": {"f1": 0.9931000000000001},
                                             "trained": "2026-12-01T10:00:00"})
    assert v.card_hash(card) != v.card_hash({**card, "trained": "2026-12-02T10:00:00"})
    assert v.pipeline_version(card, "spacy") != v.pipeline_version(card, "stanza")


def test_a_retrained_model_is_another_version(tmp_path):
    folder = default_model_dir()
    copy = tmp_path / "model"
    shutil.copytree(folder, copy)
    before = v.planned_version(copy)
    meta = json.loads((copy / "meta.json").read_text(encoding="utf-8"))
    meta["model_card"]["trained"] = "a later training"
    (copy / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    assert v.planned_version(copy) != before


def test_edited_code_is_another_version(tmp_path):
    package = tmp_path / "pugnlp"
    (package / "patterns").mkdir(parents=True)
    (package / "patterns" / "dates.py").write_text("MONTHS = 1\n", encoding="utf-8")
    (package / "cli.py").write_text("x = 1\n", encoding="utf-8")
    first = v.code_hash.__wrapped__(package)
    (package / "cli.py").write_text("x = 2\n", encoding="utf-8")  # not a part records come from
    assert v.code_hash.__wrapped__(package) == first
    (package / "patterns" / "dates.py").write_text("MONTHS = 2\n", encoding="utf-8")
    assert v.code_hash.__wrapped__(package) != first


def test_planned_version_fails_as_load_would(tmp_path):
    with pytest.raises(ModelError, match="no trained pipeline here"):
        v.planned_version(tmp_path)
    spacy_only = tmp_path / "model"
    shutil.copytree(default_model_dir(), spacy_only)
    shutil.rmtree(spacy_only / "pug_entities" / "stanza", ignore_errors=True)
    # without the extra: StanzaMissing (a ModelError); with it: no stanza model here
    with pytest.raises(ModelError, match="no stanza entity model here|stanza"):
        v.planned_version(spacy_only, entity_backend="stanza")
