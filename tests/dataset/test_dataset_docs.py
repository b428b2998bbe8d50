"""docs/dataset.md is generated from the table specs; this fails when it drifts."""

from __future__ import annotations

from pathlib import Path

from pugnlp.dataset.tables import TABLES, dataset_markdown

DOC = Path(__file__).resolve().parents[2] / "docs" / "dataset.md"


def test_data_dictionary_is_up_to_date():
    assert DOC.read_text(encoding="utf-8") == dataset_markdown(), (
        "docs/dataset.md is stale: run `pugnlp dataset --dictionary > docs/dataset.md`")


def test_every_column_is_documented():
    text = dataset_markdown()
    for spec in TABLES.values():
        assert f"## `{spec.name}`" in text
        for col in spec.columns:
            assert f"| `{col.name}` | {col.dtype} |" in text
            assert col.description.strip()
